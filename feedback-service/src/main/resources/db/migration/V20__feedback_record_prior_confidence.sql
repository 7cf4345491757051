-- The engine's own confidence in each suggestion (its case kind's prior), as SuggestionCreated carries it: the
-- ranker learns with it, never with a ranker's probability. Older rows keep null and fall back to their confidence
-- when no ranker ranked them.
alter table feedback_record add column prior_confidence double precision;
