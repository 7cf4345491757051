-- CI's differential verdict from SuggestionVerified (REVEALS_CHANGE, HOLDS or FAILS_ON_HEAD): the case run on the
-- change's head and on its base. Null for verifications without one, and for every record made before it existed.
alter table feedback_record add column verdict varchar(20);
