-- Count each stage when it happens (a repair completed today counts today, not at its return
-- visit) and keep the residents' conduct answers as the report's own facts, heard from events.
ALTER TABLE report_fact DROP CONSTRAINT report_fact_kind_check;
ALTER TABLE report_fact ADD CONSTRAINT report_fact_kind_check CHECK (kind IN (
  'REPAIR_COMPLETED', 'REPAIR_CONFIRMED', 'REPAIR_CLOSED', 'REPAIR_INTEGRITY', 'COMPLAINT_CLOSED',
  'CONVENIENCE_CONFIRMED', 'CONVENIENCE_INTEGRITY'));
-- a reopened repair is completed and confirmed again: one fact per event (same time = redelivery)
ALTER TABLE report_fact DROP CONSTRAINT report_fact_once;
ALTER TABLE report_fact ADD CONSTRAINT report_fact_once UNIQUE (kind, source_id, at);

-- the resident's answer to each conduct item (EN-1…EN-5) at a repair's confirmation; NONE = not
-- answered (the answer rate is part of the report: nothing is preset for the resident)
CREATE TABLE report_conduct (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id      BIGINT       NOT NULL,
  item          VARCHAR(30)  NOT NULL,
  answer        VARCHAR(10)  NOT NULL CHECK (answer IN ('YES', 'NO', 'UNSURE', 'NONE')),
  community_id  BIGINT       NOT NULL REFERENCES community (id),
  staff_id      BIGINT       REFERENCES staff (id),
  at            TIMESTAMPTZ  NOT NULL,
  CONSTRAINT report_conduct_once UNIQUE (order_id, item, at)
);
CREATE INDEX report_conduct_community_idx ON report_conduct (community_id, at);
CREATE INDEX report_conduct_staff_idx ON report_conduct (staff_id, at) WHERE staff_id IS NOT NULL;

-- conduct answers given before this version, from the repair area's own table (once)
INSERT INTO report_conduct (order_id, item, answer, community_id, staff_id, at)
SELECT rc.order_id, rc.item, CASE WHEN rc.answer THEN 'YES' ELSE 'NO' END, o.community_id,
       o.assignee_staff_id, rc.at
  FROM repair_conduct rc JOIN repair_order o ON o.id = rc.order_id
 WHERE rc.source = 'RESIDENT'
ON CONFLICT DO NOTHING;
