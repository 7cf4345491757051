create table batch (
    id               uuid primary key,
    repository       varchar(300) not null,
    commit_sha       varchar(64)  not null,
    branch           varchar(300),
    pull_request     integer,
    engine           varchar(30)  not null,
    model_version    varchar(100) not null,
    idempotency_key  varchar(200) unique,
    request_sha256   char(64)     not null,
    cpu_seconds      double precision not null,
    wall_seconds     double precision not null,
    notes            text,
    created_by       varchar(200) not null,
    created_at       timestamptz  not null
);

create table suggestion (
    id                  uuid primary key,
    batch_id            uuid not null references batch (id),
    position            integer not null,
    repository          varchar(300) not null,
    commit_sha          varchar(64)  not null,
    target_file         varchar(1000) not null,
    target_symbol       varchar(500) not null,
    language            varchar(30)  not null,
    framework           varchar(30)  not null,
    case_kind           varchar(60)  not null,
    test_path           varchar(1000) not null,
    code                text not null,
    test_file_base      text,
    rationale           text not null,
    confidence          double precision not null,
    risk_flags          varchar(500) not null,
    verification_status varchar(30) not null,
    energy_joules       double precision,
    co2e_grams          double precision,
    created_at          timestamptz not null
);
create index suggestion_by_commit on suggestion (repository, commit_sha);
create index suggestion_by_batch on suggestion (batch_id, position);

create table verification (
    id             uuid primary key,
    suggestion_id  uuid not null references suggestion (id),
    compiled       boolean not null,
    passed         boolean not null,
    runs           integer not null,
    flaky          boolean not null,
    coverage_delta double precision,
    log            text,
    reported_by    varchar(200) not null,
    reported_at    timestamptz not null
);
create index verification_by_suggestion on verification (suggestion_id, reported_at);
