-- Every review decision, not only the accepted ones, so reports give the acceptance rate beside the energy per
-- accepted test. Rows written before this migration are accepted ones only.
alter table accepted_test rename to review_outcome;
alter index accepted_test_by_time rename to review_outcome_by_time;
