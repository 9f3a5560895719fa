-- Read side for managers' reports: one fact per closed/confirmed record, filled from the areas'
-- events (idempotent: one row per kind and source).
CREATE TABLE report_fact (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind          VARCHAR(30)  NOT NULL CHECK (kind IN ('REPAIR_CLOSED', 'REPAIR_INTEGRITY', 'COMPLAINT_CLOSED', 'CONVENIENCE_CONFIRMED', 'CONVENIENCE_INTEGRITY')),
  source_id     BIGINT       NOT NULL,
  number        VARCHAR(30),
  community_id  BIGINT       NOT NULL REFERENCES community (id),
  staff_id      BIGINT       REFERENCES staff (id),
  deadline_met  BOOLEAN,
  rating_a      SMALLINT     CHECK (rating_a IS NULL OR rating_a BETWEEN 1 AND 5),
  rating_b      SMALLINT     CHECK (rating_b IS NULL OR rating_b BETWEEN 1 AND 5),
  rounds        INT          NOT NULL DEFAULT 0 CHECK (rounds >= 0),
  outcome       VARCHAR(20),
  at            TIMESTAMPTZ  NOT NULL,
  CONSTRAINT report_fact_once UNIQUE (kind, source_id)
);
CREATE INDEX report_fact_community_idx ON report_fact (community_id, at);
CREATE INDEX report_fact_staff_idx ON report_fact (staff_id, at) WHERE staff_id IS NOT NULL;
