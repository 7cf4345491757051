-- Every ranker training run: one immutable version (ranker-1, ranker-2, ...). A row is written when training
-- starts (status TRAINING) and completed once when it ends; after that only its status moves between PROMOTED
-- and RETIRED (a newer or an earlier version was promoted). The trigger below enforces that.
create sequence ranker_model_number_seq;

create table ranker_model (
    version            varchar(40)  primary key,   -- 'ranker-' || number
    number             bigint       not null unique,
    status             varchar(30)  not null,      -- TRAINING | PROMOTED | REJECTED_BY_EVALUATION | FAILED | RETIRED
    trigger_kind       varchar(20)  not null,      -- API | SCHEDULE
    triggered_by       text         not null,
    training_config    jsonb        not null,      -- algorithm, hyper-parameters, feature schema, split, gates
    training_size      integer,                    -- decisions the model was fitted on (the older 80 %)
    held_out_size      integer,                    -- decisions it was evaluated on (the newest 20 %)
    dataset_size       integer,                    -- training_size + held_out_size
    dataset_sha256     char(64),                   -- of the canonical serialization of every row used
    metrics            jsonb,                      -- AUC, log loss, Brier score, ECE, precision at k, ...
    evaluation         text,                       -- why it was promoted or not, in words
    artifact           bytea,                      -- the Tribuo model (protobuf ModelProto)
    artifact_sha256    char(64),
    cpu_seconds        double precision,
    wall_seconds       double precision,
    failure            text,
    created_at         timestamptz  not null,
    finished_at        timestamptz
);
create unique index ranker_model_one_promoted on ranker_model ((true)) where status = 'PROMOTED';
create unique index ranker_model_one_training on ranker_model ((true)) where status = 'TRAINING';
create index ranker_model_by_number on ranker_model (number desc);

-- Who promoted which version when: the evaluation of a training run, or an admin rolling back.
create table ranker_promotion (
    id                 uuid         primary key,
    version            varchar(40)  not null references ranker_model (version),
    previous_version   varchar(40),
    kind               varchar(20)  not null,      -- EVALUATION | MANUAL
    promoted_by        text         not null,
    promoted_at        timestamptz  not null
);
create index ranker_promotion_by_version on ranker_promotion (version, promoted_at);

create function ranker_model_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'ranker model % is immutable and cannot be deleted', old.version;
    end if;
    if old.status = 'TRAINING' then
        return new;
    end if;
    if (to_jsonb(new) - 'status') is distinct from (to_jsonb(old) - 'status') then
        raise exception 'ranker model % is immutable: only its status may change', old.version;
    end if;
    if new.status is distinct from old.status and not (
            (old.status = 'PROMOTED' and new.status = 'RETIRED')
            or (old.status in ('RETIRED', 'REJECTED_BY_EVALUATION') and new.status = 'PROMOTED')) then
        raise exception 'ranker model %: % cannot become %', old.version, old.status, new.status;
    end if;
    return new;
end $$;

create trigger ranker_model_immutable before update or delete on ranker_model
    for each row execute function ranker_model_immutable();
