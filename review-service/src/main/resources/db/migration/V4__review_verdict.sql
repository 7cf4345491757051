-- CI's differential verdict (SuggestionVerified.verdict and what came with it): the case run on the change's head
-- and on its base. All nullable: verifications without a verdict, and reviews verified before it existed, have none.
-- changed_lines_covered is a count (the event carries the count, suggestion-service keeps the line numbers).
alter table review add column verdict               varchar(20);
alter table review add column base_compiled         boolean;
alter table review add column base_passed           boolean;
alter table review add column base_outcome          text;
alter table review add column head_outcome          text;
alter table review add column changed_lines_covered integer;
alter table review add column changed_lines_total   integer;
