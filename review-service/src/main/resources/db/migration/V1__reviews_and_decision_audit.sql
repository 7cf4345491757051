-- One review per suggestion, holding the suggestion's code and target (event-carried state), so
-- review-service decides, gates and builds patches while the other services are down.
create table review (
    id                  uuid primary key,
    suggestion_id       uuid not null unique,
    batch_id            uuid,
    repository          varchar(300) not null,
    commit_sha          varchar(64)  not null,
    branch              varchar(300),
    pull_request        integer,
    engine              varchar(30),
    model_version       varchar(100),
    target_file         varchar(1000),
    target_symbol       varchar(500),
    language            varchar(30),
    framework           varchar(30),
    case_kind           varchar(60),
    test_path           varchar(1000) not null,
    code                text not null,
    test_file_base      text,
    rationale           text,
    confidence          double precision,
    risk_flags          varchar(500) not null default '',
    verification_status varchar(30) not null default 'CREATED',
    compiled            boolean,
    passed              boolean,
    runs                integer,
    flaky               boolean,
    coverage_delta      double precision,
    verification_log    text,
    energy_joules       double precision,
    co2e_grams          double precision,
    status              varchar(20) not null default 'PENDING',
    reason              varchar(30),
    comment             text,
    final_code          text,
    decided_by          varchar(200),
    decided_at          timestamptz,
    created_at          timestamptz not null
);
create index review_by_commit on review (repository, commit_sha);
create index review_by_status on review (status, created_at);
create index review_by_batch on review (batch_id);

-- Every decision, as it was taken: who, when, what, and the state it replaced.
create table decision_audit (
    id              bigserial primary key,
    review_id       uuid not null references review (id),
    actor           varchar(200) not null,
    actor_kind      varchar(20)  not null,
    decision        varchar(20)  not null,
    previous_status varchar(20)  not null,
    new_status      varchar(20)  not null,
    reason          varchar(30),
    comment         text,
    modified_code   text,
    decided_at      timestamptz  not null
);
create index decision_audit_by_review on decision_audit (review_id);
