-- Who took a review's decision: REVIEWER (a person) or POLICY (auto-accept), as in ReviewDecided.actorKind.
alter table review add column decided_by_kind varchar(20);
update review set decided_by_kind = 'REVIEWER' where decided_by is not null;

-- The auto-accept policy per repository (seed decision point F): off unless an admin turns it on.
create table auto_accept_policy (
    repository      varchar(300) primary key,
    enabled         boolean          not null,
    min_probability double precision not null,
    changed_by      varchar(200)     not null,
    changed_at      timestamptz      not null
);

-- Every change of a policy, as it was made; never updated.
create table auto_accept_policy_change (
    id                       bigserial primary key,
    repository               varchar(300)     not null,
    enabled                  boolean          not null,
    min_probability          double precision not null,
    previous_enabled         boolean          not null,
    previous_min_probability double precision,
    actor                    varchar(200)     not null,
    comment                  text,
    changed_at               timestamptz      not null
);
create index auto_accept_policy_change_by_repository on auto_accept_policy_change (repository, id);
