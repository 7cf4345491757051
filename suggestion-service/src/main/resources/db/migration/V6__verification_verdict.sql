-- Differential verification: CI runs a suggested case on the change's head and on its base. All nullable: reports
-- from before (or without) a verdict have none. changed_lines_covered lists line numbers, comma-separated.
alter table verification add column verdict               varchar(20);
alter table verification add column base_compiled         boolean;
alter table verification add column base_passed           boolean;
alter table verification add column base_outcome          text;
alter table verification add column head_outcome          text;
alter table verification add column changed_lines_covered text;
alter table verification add column changed_lines_total   integer;
alter table verification add column verify_seconds        double precision;
