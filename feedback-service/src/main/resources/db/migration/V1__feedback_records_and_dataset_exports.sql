-- One row per suggestion: what was known when it was made and verified (the ranker's features),
-- then the decision a reviewer or the auto-accept policy took on it. Events arrive in any order, so
-- whichever event comes first creates the row (only suggestion_id set) and the others fill it in.
-- Texts that come from other services' events are `text`: a long value must never park an event.
create table feedback_record (
    suggestion_id        uuid primary key,
    batch_id             uuid,
    review_id            uuid,
    repository           text,
    commit_sha           text,
    branch               text,
    pull_request         integer,
    engine               text,
    model_version        text,
    target_file          text,
    target_symbol        text,
    language             text,
    framework            text,
    case_kind            text,
    test_path            text,
    prompt               text,
    suggested_code       text,
    code_lines           integer,
    code_chars           integer,
    risk_flags           text,
    confidence           double precision,
    created_at           timestamptz,      -- SuggestionCreated seen: the features are complete
    compiled             boolean,
    passed               boolean,
    verification_runs    integer,
    flaky                boolean,
    coverage_delta       double precision,
    verified_at          timestamptz,
    decision             varchar(20),      -- ACCEPTED | MODIFIED | REJECTED
    reason               text,
    review_comment       text,
    final_code           text,
    actor                text,
    actor_kind           text,             -- REVIEWER (a person) | POLICY (auto-accept) | ...
    decided_at           timestamptz,
    seconds_to_decision  double precision,
    edit_distance        integer,          -- Levenshtein, suggested → final code, MODIFIED only
    edit_ratio           double precision, -- edit_distance / length of the longer code
    energy_joules        double precision, -- attached to this suggestion alone (batch energy: batch_energy)
    co2e_grams           double precision,
    updated_at           timestamptz not null
);
create index feedback_record_decided on feedback_record (decided_at, suggestion_id) where decision is not null;
create index feedback_record_by_engine on feedback_record (engine) where decision is not null;
create index feedback_record_by_target on feedback_record (repository, target_symbol);
create index feedback_record_by_batch on feedback_record (batch_id);

-- carbon-meter's estimate for a whole suggestion batch (the engine's inference); a suggestion's share is
-- the batch's energy divided by the suggestions of that batch, computed when read.
create table batch_energy (
    batch_id      uuid primary key,
    energy_joules double precision not null,
    co2e_grams    double precision not null,
    updated_at    timestamptz      not null
);

-- Every dataset download: what was asked, and the sha256 and size of the bytes actually sent.
create table dataset_export (
    id            uuid primary key,
    kind          varchar(10)  not null,  -- SFT | DPO
    repository    text,
    from_time     timestamptz,
    to_time       timestamptz,
    status        varchar(20)  not null,  -- STREAMING | COMPLETED | FAILED
    record_count  bigint,
    size_bytes    bigint,
    sha256        char(64),
    failure       text,
    requested_by  text         not null,
    started_at    timestamptz  not null,
    finished_at   timestamptz
);
create index dataset_export_started on dataset_export (started_at desc);
