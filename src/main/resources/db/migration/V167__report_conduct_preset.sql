-- Issue 16 item 1: until V165 the portal form preset 是 for every conduct question, so the answers
-- recorded before now are not the residents' own choice. They are kept, marked, and no longer
-- counted in the report's conduct figures (asked / answered / no / don't remember).
ALTER TABLE report_conduct ADD COLUMN preset BOOLEAN NOT NULL DEFAULT false;
UPDATE report_conduct SET preset = true;
