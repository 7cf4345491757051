-- CI builds as CI reported them; their energy lives in energy_record like every other usage.
create table build (
    id           uuid primary key,
    repository   varchar(300) not null,
    commit_sha   varchar(64)  not null,
    pipeline     varchar(200),
    job          varchar(200),
    status       varchar(20)  not null,
    cpu_seconds  double precision not null,
    wall_seconds double precision not null,
    vcpus        integer not null,
    memory_gb    double precision,
    region       varchar(50),
    reported_by  varchar(200) not null,
    created_at   timestamptz  not null
);
create index build_by_commit on build (repository, commit_sha);

-- One energy estimate per usage: a UsageMeasured event (unique on its eventId, so a redelivered
-- event can never be counted twice) or a CI build.
create table energy_record (
    id                uuid primary key,
    usage_event_id    uuid unique,
    build_id          uuid unique references build (id),
    service           varchar(100) not null,
    kind              varchar(50)  not null,
    subject_type      varchar(50),
    subject_id        varchar(200),
    repository        varchar(300),
    engine            varchar(100),
    model             varchar(200),
    cpu_seconds       double precision not null,
    wall_seconds      double precision not null,
    vcpus             integer not null,
    memory_gb         double precision,
    prompt_tokens     bigint,
    completion_tokens bigint,
    region            varchar(50),
    grid_intensity    double precision not null,
    region_fallback   boolean not null,
    energy_joules     double precision not null,
    co2e_grams        double precision not null,
    embodied_grams    double precision not null,
    method            varchar(10)  not null,
    occurred_at       timestamptz  not null,
    recorded_at       timestamptz  not null,
    constraint energy_record_has_one_source check ((usage_event_id is null) <> (build_id is null))
);
create index energy_record_by_time on energy_record (occurred_at);

-- Tests a reviewer (or the auto-accept policy) accepted or accepted with changes: the functional
-- unit of "energy per accepted test". One row per review.
create table accepted_test (
    review_id     uuid primary key,
    suggestion_id uuid,
    repository    varchar(300),
    engine        varchar(100),
    model_version varchar(200),
    decision      varchar(20) not null,
    decided_at    timestamptz not null,
    recorded_at   timestamptz not null
);
create index accepted_test_by_time on accepted_test (decided_at);
