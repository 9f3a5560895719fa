-- Issue 16 item 1: the resident's conduct answers are chosen by the resident, never preset: yes,
-- no, or "don't remember" (记不清). The technician's rows keep their check (answer); the
-- resident's rows get their reply, one of the three, required for every resident row.
ALTER TABLE repair_conduct ADD COLUMN reply VARCHAR(10) CHECK (reply IN ('YES', 'NO', 'UNSURE'));
-- answers given before this version came from a form that preset 是 for every question: kept as
-- given (yes/no), and marked, so that no one mistakes them for a resident's own choice
ALTER TABLE repair_conduct ADD COLUMN preset_form BOOLEAN NOT NULL DEFAULT false;
UPDATE repair_conduct SET reply = CASE WHEN answer THEN 'YES' ELSE 'NO' END, answer = NULL,
       preset_form = true
 WHERE source = 'RESIDENT';
ALTER TABLE repair_conduct ALTER COLUMN answer DROP NOT NULL;
ALTER TABLE repair_conduct ADD CONSTRAINT repair_conduct_answer_kind CHECK (
  (source = 'TECHNICIAN' AND answer IS NOT NULL AND reply IS NULL AND NOT preset_form)
  OR (source = 'RESIDENT' AND answer IS NULL AND reply IS NOT NULL));
