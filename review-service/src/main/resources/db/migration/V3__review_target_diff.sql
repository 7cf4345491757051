-- The hunks of CI's diff around the target symbol (SuggestionCreated.targetDiff), shown beside the test.
alter table review add column target_diff text;
