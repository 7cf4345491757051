-- Every promoted ranker model announced on greengate.models.v1 and what suggestion-service did with it: LOADED
-- (its artifact kept, so a restart ranks with it again without asking feedback-service) or REFUSED (sha256
-- mismatch, not a model, another feature schema). The newest LOADED by promotion time ranks suggestions.
create table ranker_load (
    id               uuid primary key,
    event_id         uuid         not null,
    version          varchar(100) not null,
    status           varchar(20)  not null,   -- LOADED | REFUSED
    expected_sha256  varchar(200),            -- as the event announced it
    actual_sha256    char(64),                -- of the bytes downloaded
    artifact         bytea,                   -- LOADED only
    reason           text,                    -- REFUSED: why
    promoted_at      timestamptz  not null,   -- the event's occurredAt: a late, older promotion loses
    received_at      timestamptz  not null
);
create index ranker_load_latest on ranker_load (promoted_at desc) where status = 'LOADED';
create index ranker_load_received on ranker_load (received_at desc);
