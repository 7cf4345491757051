alter table suggestion add column prompt text;
