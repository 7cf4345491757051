-- The engine's own confidence in each suggestion (its case kind's prior), kept apart from the ranker's probability:
-- the ranker takes it as a feature when it scores the suggestion again with CI's verification.
alter table suggestion add column prior_confidence double precision;
update suggestion s set prior_confidence = s.confidence
  from batch b where b.id = s.batch_id and b.model_version = 'prior';
