-- How many suggestions an INFERENCE usage produced (UsageMeasured.suggestions): the R of SCI per suggestion.
alter table energy_record add column suggestions integer;
