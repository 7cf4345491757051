-- The part of CI's diff the suggestion targets (TargetHunks), carried to reviewers on SuggestionCreated.
alter table suggestion add column target_diff text;
