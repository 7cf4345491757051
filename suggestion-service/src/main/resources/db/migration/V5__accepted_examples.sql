-- Tests reviewers accepted (as they accepted or modified them), per repository and language: the LLM engine's
-- few-shot examples. Copied from ReviewDecided (event-carried state); only the newest few per repository and
-- language are kept.
create table accepted_example (
    review_id   uuid primary key,
    repository  varchar(300) not null,
    language    varchar(30)  not null,
    code        text         not null,
    decided_at  timestamptz  not null
);
create index accepted_example_recent on accepted_example (repository, language, decided_at desc);
