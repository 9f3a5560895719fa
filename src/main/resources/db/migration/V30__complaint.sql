-- Complaints (投诉): intake in the resident's own words (CS-C1), the eight steps as recorded events
-- in order (CS-8.1…8.8), corrective actions with linked repair orders or departments (CS-8.6), and
-- the closing: resolved, clarified or referred (CS-C2), with thanks recorded (CS-C3).

-- Categories are configurable; these are the company's defaults.
CREATE TABLE complaint_category (
  code        VARCHAR(30) PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
  name        VARCHAR(30) NOT NULL CHECK (length(trim(name)) > 0),
  name_en     VARCHAR(60) NOT NULL CHECK (length(trim(name_en)) > 0),
  sort_order  INT         NOT NULL DEFAULT 100,
  active      BOOLEAN     NOT NULL DEFAULT true,
  version     INT         NOT NULL DEFAULT 0
);
INSERT INTO complaint_category (code, name, name_en, sort_order) VALUES
  ('SERVICE_ATTITUDE', '服务态度', 'Service attitude', 10),
  ('REPAIR_QUALITY',   '维修质量', 'Repair quality', 20),
  ('SANITATION',       '环境卫生', 'Cleanliness', 30),
  ('SECURITY_ORDER',   '安全秩序', 'Safety and order', 40),
  ('NOISE',            '噪音',     'Noise', 50),
  ('FEES',             '收费',     'Fees', 60),
  ('NEIGHBOURS',       '邻里',     'Neighbours', 70),
  ('OTHER',            '其他',     'Other', 90);

CREATE TABLE complaint (
  id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number                 VARCHAR(20)  NOT NULL,
  community_id           BIGINT       NOT NULL REFERENCES community (id),
  unit_id                BIGINT       NOT NULL REFERENCES unit (id),
  -- how the unit was named at intake ("滨江花园 1-1-101"), for lists without reaching into estate
  unit_label             VARCHAR(120) NOT NULL,
  channel                VARCHAR(10)  NOT NULL CHECK (channel IN ('PHONE', 'VISIT', 'WRITTEN', 'PORTAL')),
  category_code          VARCHAR(30)  NOT NULL REFERENCES complaint_category (code),
  contact_name           VARCHAR(50)  NOT NULL CHECK (length(trim(contact_name)) > 0),
  contact_phone          VARCHAR(11)  NOT NULL CHECK (contact_phone ~ '^1[3-9][0-9]{9}$'),
  -- the resident's own words, verbatim (CS-C1)
  words                  TEXT         NOT NULL CHECK (length(trim(words)) > 0 AND length(words) <= 4000),
  received_at            TIMESTAMPTZ  NOT NULL,
  taken_by_staff_id      BIGINT REFERENCES staff (id),
  filed_by_resident_id   BIGINT REFERENCES resident (id),
  owner_staff_id         BIGINT REFERENCES staff (id),
  owner_name             VARCHAR(50),
  status                 VARCHAR(10)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  -- satisfaction rounds: "not satisfied" at step 7 starts a new round at step 6 (CS-8.7)
  round                  INT          NOT NULL DEFAULT 1 CHECK (round >= 1),
  unsatisfied_count      INT          NOT NULL DEFAULT 0,
  next_step              SMALLINT     CHECK (next_step BETWEEN 1 AND 8),
  outcome                VARCHAR(10)  CHECK (outcome IN ('RESOLVED', 'CLARIFIED', 'REFERRED')),
  explanation            TEXT,
  referral_body          VARCHAR(100),
  referral_contact       VARCHAR(100),
  referral_resident_told BOOLEAN,
  thanks                 TEXT,
  closed_at              TIMESTAMPTZ,
  closed_by_staff_id     BIGINT REFERENCES staff (id),
  version                INT          NOT NULL DEFAULT 0,
  CONSTRAINT complaint_number_unique UNIQUE (number),
  CHECK (taken_by_staff_id IS NOT NULL OR (channel = 'PORTAL' AND filed_by_resident_id IS NOT NULL)),
  CHECK (unsatisfied_count = round - 1),
  CHECK ((owner_staff_id IS NULL) = (owner_name IS NULL)),
  CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
  CHECK ((status = 'CLOSED') = (outcome IS NOT NULL)),
  -- CS-C3: no complaint closes without the thanks recorded
  CHECK (status <> 'CLOSED' OR length(trim(coalesce(thanks, ''))) > 0),
  -- CS-C2: a clarification records the explanation; a referral the body, its contact, and that the resident was told
  CHECK (outcome IS DISTINCT FROM 'CLARIFIED' OR length(trim(coalesce(explanation, ''))) > 0),
  CHECK (outcome IS DISTINCT FROM 'REFERRED' OR (length(trim(coalesce(referral_body, ''))) > 0
                                              AND length(trim(coalesce(referral_contact, ''))) > 0
                                              AND referral_resident_told))
);
CREATE INDEX complaint_list_idx ON complaint (community_id, status, id DESC);
CREATE INDEX complaint_unit_idx ON complaint (unit_id, id DESC);
CREATE INDEX complaint_resident_idx ON complaint (filed_by_resident_id, id DESC) WHERE filed_by_resident_id IS NOT NULL;

-- The eight steps, each a recorded event (who, when, what was said or done); append-only.
-- One record per step and round: two people recording the same step at once cannot both succeed.
CREATE TABLE complaint_step (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id  BIGINT       NOT NULL REFERENCES complaint (id),
  step          SMALLINT     NOT NULL CHECK (step BETWEEN 1 AND 8),
  round         INT          NOT NULL CHECK (round >= 1),
  text          TEXT         NOT NULL CHECK (length(trim(text)) > 0 AND length(text) <= 4000),
  -- step 4: the time promised; step 7: satisfied or not; step 8: the lesson notice, or waived with a reason
  promised_at   TIMESTAMPTZ,
  satisfied     BOOLEAN,
  waived        BOOLEAN      NOT NULL DEFAULT false,
  notice_id     BIGINT,
  staff_id      BIGINT       NOT NULL REFERENCES staff (id),
  actor_name    VARCHAR(50)  NOT NULL,
  recorded_at   TIMESTAMPTZ  NOT NULL,
  CONSTRAINT complaint_step_once UNIQUE (complaint_id, step, round),
  CHECK ((step = 4) = (promised_at IS NOT NULL)),
  CHECK ((step = 7) = (satisfied IS NOT NULL)),
  CHECK (NOT waived OR step = 8),
  CHECK (step <> 8 OR waived OR notice_id IS NOT NULL),
  CHECK (step >= 6 OR round = 1)
);
CREATE INDEX complaint_step_complaint_idx ON complaint_step (complaint_id, id);
CREATE TRIGGER complaint_step_append_only BEFORE UPDATE OR DELETE ON complaint_step
  FOR EACH ROW EXECUTE FUNCTION refuse_update_or_delete();

-- Corrective actions (CS-8.6): a repair requested from the repair area (linked when it answers with
-- the order), an existing repair order linked by its number, or another department assigned.
CREATE TABLE complaint_action (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id     BIGINT       NOT NULL REFERENCES complaint (id),
  round            INT          NOT NULL CHECK (round >= 1),
  kind             VARCHAR(16)  NOT NULL CHECK (kind IN ('REPAIR_REQUEST', 'REPAIR_LINK', 'DEPARTMENT')),
  description      TEXT         NOT NULL CHECK (length(trim(description)) > 0 AND length(description) <= 2000),
  department       VARCHAR(50),
  repair_order_id  BIGINT,
  repair_number    VARCHAR(40),
  state            VARCHAR(10)  NOT NULL CHECK (state IN ('REQUESTED', 'LINKED', 'ASSIGNED')),
  staff_id         BIGINT       NOT NULL REFERENCES staff (id),
  actor_name       VARCHAR(50)  NOT NULL,
  created_at       TIMESTAMPTZ  NOT NULL,
  linked_at        TIMESTAMPTZ,
  version          INT          NOT NULL DEFAULT 0,
  CHECK ((kind = 'DEPARTMENT') = (department IS NOT NULL)),
  CHECK ((kind = 'DEPARTMENT') = (state = 'ASSIGNED')),
  CHECK ((state = 'LINKED') = (repair_number IS NOT NULL)),
  CHECK (kind <> 'REPAIR_LINK' OR state = 'LINKED')
);
CREATE INDEX complaint_action_complaint_idx ON complaint_action (complaint_id, id);
CREATE UNIQUE INDEX complaint_action_repair_unique ON complaint_action (complaint_id, upper(repair_number)) WHERE repair_number IS NOT NULL;

-- Everything else that happened to a complaint, for its timeline; append-only.
CREATE TABLE complaint_event (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id  BIGINT       NOT NULL REFERENCES complaint (id),
  type          VARCHAR(20)  NOT NULL CHECK (type IN ('RECEIVED', 'ESCALATED', 'REPAIR_REQUESTED', 'REPAIR_LINKED',
                                                     'DEPARTMENT_ASSIGNED', 'CLOSED')),
  text          TEXT,
  actor         VARCHAR(120) NOT NULL,
  actor_name    VARCHAR(50)  NOT NULL,
  at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX complaint_event_complaint_idx ON complaint_event (complaint_id, id);
CREATE TRIGGER complaint_event_append_only BEFORE UPDATE OR DELETE ON complaint_event
  FOR EACH ROW EXECUTE FUNCTION refuse_update_or_delete();
