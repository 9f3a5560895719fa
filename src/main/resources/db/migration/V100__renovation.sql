-- Renovation 装修申请 (issue 18, RN-1…RN-15 in docs/norms/RENOVATION.md): an application for a unit
-- with its contractor and workers (ID numbers only as a keyed hash and masked), scope, dates and the
-- community's rules as accepted; engineering review and the supervisor's approval; the deposit
-- (装修押金) and fees through the cashier; the permit (施工许可证); inspections on a schedule;
-- violations with a rectification deadline; neighbours' complaints linked; deductions; the final
-- acceptance and the deposit refund. Rules live in the aggregate and here.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- the secret of the workers' ID fingerprints when none is configured (generated once)
CREATE TABLE renovation_setting (
  name   VARCHAR(40)  PRIMARY KEY,
  value  VARCHAR(200) NOT NULL
);

CREATE TABLE renovation_application (
  id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number               VARCHAR(20)   NOT NULL,
  permit_code          VARCHAR(12)   NOT NULL,
  community_id         BIGINT        NOT NULL REFERENCES community (id),
  unit_id              BIGINT        NOT NULL REFERENCES unit (id),
  unit_code            VARCHAR(40)   NOT NULL,
  channel              VARCHAR(10)   NOT NULL CHECK (channel IN ('PORTAL','DESK')),
  applicant_resident_id BIGINT       REFERENCES resident (id),
  applicant_staff_id   BIGINT        REFERENCES staff (id),
  applicant_name       VARCHAR(50)   NOT NULL CHECK (length(trim(applicant_name)) > 0),
  applicant_phone      VARCHAR(20)   NOT NULL,
  company              VARCHAR(100)  NOT NULL CHECK (length(trim(company)) > 0),
  foreman_name         VARCHAR(50)   NOT NULL CHECK (length(trim(foreman_name)) > 0),
  foreman_phone        VARCHAR(20)   NOT NULL,
  -- RN-1: load-bearing walls, beams and columns are never in scope
  scope                VARCHAR(20)[] NOT NULL,
  description          VARCHAR(1000) NOT NULL CHECK (length(trim(description)) > 0),
  start_date           DATE          NOT NULL,
  end_date             DATE          NOT NULL,
  -- RN-5: the community's rules as shown, accepted before anything is submitted
  rules_text           TEXT          NOT NULL CHECK (length(trim(rules_text)) > 0),
  rules_accepted_at    TIMESTAMPTZ   NOT NULL,
  submitted_at         TIMESTAMPTZ   NOT NULL,
  status               VARCHAR(12)   NOT NULL CHECK (status IN
                         ('SUBMITTED','REVIEWED','APPROVED','PERMITTED','IN_PROGRESS','ACCEPTED','CLOSED','REFUSED','CANCELLED')),
  reviewed_by          BIGINT        REFERENCES staff (id),
  reviewed_by_name     VARCHAR(50),
  recommendation       VARCHAR(8)    CHECK (recommendation IN ('APPROVE','REFUSE')),
  review_reasons       VARCHAR(1000),
  reviewed_at          TIMESTAMPTZ,
  decided_by           BIGINT        REFERENCES staff (id),
  decided_by_name      VARCHAR(50),
  decision_reasons     VARCHAR(1000),
  decided_at           TIMESTAMPTZ,
  deposit_amount       NUMERIC(12,2) CHECK (deposit_amount > 0),
  fee_amount           NUMERIC(12,2) CHECK (fee_amount >= 0),
  deposit_charge_id    BIGINT        REFERENCES billing_charge (id),
  deposit_receipt_no   VARCHAR(60),
  deposit_paid_at      TIMESTAMPTZ,
  started_at           TIMESTAMPTZ,
  accepted_by          BIGINT        REFERENCES staff (id),
  accepted_by_name     VARCHAR(50),
  acceptance_note      VARCHAR(1000),
  accepted_at          TIMESTAMPTZ,
  refund_amount        NUMERIC(12,2) CHECK (refund_amount > 0),
  refund_payment_id    BIGINT        REFERENCES billing_payment (id),
  refund_receipt_no    VARCHAR(60),
  refund_key           VARCHAR(64),
  refunded_by          BIGINT        REFERENCES staff (id),
  refunded_at          TIMESTAMPTZ,
  cancel_reason        VARCHAR(500),
  cancelled_at         TIMESTAMPTZ,
  idempotency_key      VARCHAR(64),
  version              INT           NOT NULL DEFAULT 0,
  CONSTRAINT renovation_application_number_unique UNIQUE (number),
  CONSTRAINT renovation_application_permit_unique UNIQUE (permit_code),
  CONSTRAINT renovation_application_applicant CHECK (applicant_resident_id IS NOT NULL OR applicant_staff_id IS NOT NULL),
  CONSTRAINT renovation_application_scope CHECK (
    cardinality(scope) BETWEEN 1 AND 4
    AND scope <@ ARRAY['WALLS','WATER_ELECTRIC','LAYOUT','BALCONY']::VARCHAR(20)[]),
  -- RN-3: the works end on or after they start, within 180 days
  CONSTRAINT renovation_application_dates CHECK (end_date >= start_date AND end_date - start_date < 180),
  -- RN-6: reviewed before decided, decided by another person (four eyes)
  CONSTRAINT renovation_application_reviewed CHECK (
    status IN ('SUBMITTED','CANCELLED')
    OR (reviewed_by IS NOT NULL AND recommendation IS NOT NULL AND length(trim(review_reasons)) > 0 AND reviewed_at IS NOT NULL)),
  CONSTRAINT renovation_application_four_eyes CHECK (decided_by IS NULL OR decided_by <> reviewed_by),
  CONSTRAINT renovation_application_approved CHECK (
    status NOT IN ('APPROVED','PERMITTED','IN_PROGRESS','ACCEPTED','CLOSED')
    OR (decided_by IS NOT NULL AND length(trim(decision_reasons)) > 0 AND deposit_amount IS NOT NULL AND fee_amount IS NOT NULL)),
  -- RN-7: works start only once the deposit is paid
  CONSTRAINT renovation_application_deposit_paid CHECK (
    status NOT IN ('PERMITTED','IN_PROGRESS','ACCEPTED','CLOSED')
    OR (deposit_charge_id IS NOT NULL AND deposit_paid_at IS NOT NULL)),
  CONSTRAINT renovation_application_started CHECK (
    status NOT IN ('IN_PROGRESS','ACCEPTED','CLOSED') OR started_at IS NOT NULL),
  CONSTRAINT renovation_application_accepted CHECK (
    status NOT IN ('ACCEPTED','CLOSED') OR (accepted_by IS NOT NULL AND accepted_at IS NOT NULL)),
  -- RN-15: closed by exactly one refund through the cashier
  CONSTRAINT renovation_application_refunded CHECK (
    (status = 'CLOSED') = (refund_payment_id IS NOT NULL)
    AND (refund_payment_id IS NULL OR (refund_amount IS NOT NULL AND refund_amount <= deposit_amount
                                       AND refund_key IS NOT NULL AND refunded_at IS NOT NULL))),
  CONSTRAINT renovation_application_refund_unique UNIQUE (refund_payment_id),
  CONSTRAINT renovation_application_cancelled CHECK (
    (status = 'CANCELLED') = (cancelled_at IS NOT NULL AND length(trim(cancel_reason)) > 0)),
  -- RN-4: one open application per unit and day — no two open applications of a unit overlap
  CONSTRAINT renovation_application_no_overlap EXCLUDE USING gist (
    unit_id WITH =, daterange(start_date, end_date, '[]') WITH &&)
    WHERE (status IN ('SUBMITTED','REVIEWED','APPROVED','PERMITTED','IN_PROGRESS'))
);
CREATE INDEX renovation_application_community_idx ON renovation_application (community_id, status, id DESC);
CREATE INDEX renovation_application_unit_idx ON renovation_application (unit_id, id DESC);
CREATE INDEX renovation_application_resident_idx ON renovation_application (applicant_resident_id, id DESC)
  WHERE applicant_resident_id IS NOT NULL;
CREATE UNIQUE INDEX renovation_application_resident_key ON renovation_application (applicant_resident_id, idempotency_key)
  WHERE applicant_resident_id IS NOT NULL AND idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX renovation_application_staff_key ON renovation_application (applicant_staff_id, idempotency_key)
  WHERE applicant_resident_id IS NULL AND idempotency_key IS NOT NULL;

-- the contractor's workers: the ID number only as a keyed hash (matching) and masked (display)
CREATE TABLE renovation_worker (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id  BIGINT      NOT NULL REFERENCES renovation_application (id),
  position        INT         NOT NULL CHECK (position >= 0),
  name            VARCHAR(50) NOT NULL CHECK (length(trim(name)) > 0),
  id_type         VARCHAR(20) NOT NULL CHECK (id_type IN ('RESIDENT_ID','PASSPORT','HK_MACAO_PERMIT','TAIWAN_PERMIT','OTHER')),
  id_hash         CHAR(64)    NOT NULL,
  id_masked       VARCHAR(40) NOT NULL,
  phone           VARCHAR(20),
  CONSTRAINT renovation_worker_once UNIQUE (application_id, id_hash)
);

-- drawings and photos of the application, and photos of inspections
CREATE TABLE renovation_file (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id  BIGINT      NOT NULL REFERENCES renovation_application (id),
  visit_id        BIGINT,
  kind            VARCHAR(10) NOT NULL CHECK (kind IN ('DRAWING','PHOTO')),
  content_type    VARCHAR(20) NOT NULL CHECK (content_type IN ('image/jpeg','image/png','image/webp')),
  size_bytes      INT         NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 5242880),
  data            BYTEA       NOT NULL,
  uploaded_at     TIMESTAMPTZ NOT NULL,
  uploaded_by     VARCHAR(80) NOT NULL
);
CREATE INDEX renovation_file_application_idx ON renovation_file (application_id, id);

-- the inspections of a renovation in progress, one per kind, each on a deadline clock
CREATE TABLE renovation_inspection (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id  BIGINT      NOT NULL REFERENCES renovation_application (id),
  kind            VARCHAR(14) NOT NULL CHECK (kind IN ('HIDDEN_WORKS','MIDWAY','FINAL')),
  due_at          TIMESTAMPTZ NOT NULL,
  clock_id        BIGINT,
  status          VARCHAR(8)  NOT NULL CHECK (status IN ('DUE','PASSED','FAILED')),
  CONSTRAINT renovation_inspection_once UNIQUE (application_id, kind)
);

-- each visit of an inspector: checklist, findings, passed or not
CREATE TABLE renovation_inspection_visit (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inspection_id   BIGINT        NOT NULL REFERENCES renovation_inspection (id),
  at              TIMESTAMPTZ   NOT NULL,
  inspector_id    BIGINT        NOT NULL REFERENCES staff (id),
  inspector_name  VARCHAR(50)   NOT NULL,
  checklist       JSONB         NOT NULL,
  findings        VARCHAR(1000),
  passed          BOOLEAN       NOT NULL,
  CHECK (passed OR length(trim(findings)) > 0)
);
CREATE INDEX renovation_inspection_visit_idx ON renovation_inspection_visit (inspection_id, id);
ALTER TABLE renovation_file ADD CONSTRAINT renovation_file_visit_fk
  FOREIGN KEY (visit_id) REFERENCES renovation_inspection_visit (id);

-- RN-12: a violation is rectified by a deadline on the deadline clock
CREATE TABLE renovation_violation (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id  BIGINT        NOT NULL REFERENCES renovation_application (id),
  category        VARCHAR(20)   NOT NULL CHECK (category IN ('WORK_HOURS','NOISE_HOURS','WASTE','STRUCTURE','UNAPPROVED_SCOPE','SAFETY','OTHER')),
  description     VARCHAR(1000) NOT NULL CHECK (length(trim(description)) > 0),
  found_at        TIMESTAMPTZ   NOT NULL,
  found_by        BIGINT        NOT NULL REFERENCES staff (id),
  found_by_name   VARCHAR(50)   NOT NULL,
  deadline        TIMESTAMPTZ   NOT NULL,
  clock_id        BIGINT,
  status          VARCHAR(10)   NOT NULL CHECK (status IN ('OPEN','RECTIFIED')),
  rectified_at    TIMESTAMPTZ,
  rectified_by_name VARCHAR(50),
  rectified_note  VARCHAR(500),
  CHECK (deadline > found_at),
  CHECK ((status = 'RECTIFIED') = (rectified_at IS NOT NULL))
);
CREATE INDEX renovation_violation_application_idx ON renovation_violation (application_id, id);

-- RN-14: deductions from the deposit, each with its reason; together less than the deposit
CREATE TABLE renovation_deduction (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id  BIGINT        NOT NULL REFERENCES renovation_application (id),
  amount          NUMERIC(12,2) NOT NULL CHECK (amount > 0),
  reason          VARCHAR(500)  NOT NULL CHECK (length(trim(reason)) > 0),
  violation_id    BIGINT        REFERENCES renovation_violation (id),
  recorded_by     BIGINT        NOT NULL REFERENCES staff (id),
  recorded_by_name VARCHAR(50)  NOT NULL,
  recorded_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX renovation_deduction_application_idx ON renovation_deduction (application_id, id);

-- RN-13: neighbours' work-hour and quiet-hour complaints linked to the application
CREATE TABLE renovation_complaint (
  application_id   BIGINT      NOT NULL REFERENCES renovation_application (id),
  complaint_id     BIGINT      NOT NULL REFERENCES complaint (id),
  complaint_number VARCHAR(30) NOT NULL,
  linked_by_name   VARCHAR(50) NOT NULL,
  linked_at        TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (application_id, complaint_id)
);

-- the application's timeline: who did what and when
CREATE TABLE renovation_event (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id  BIGINT       NOT NULL REFERENCES renovation_application (id),
  at              TIMESTAMPTZ  NOT NULL,
  type            VARCHAR(24)  NOT NULL,
  detail          VARCHAR(40),
  actor_name      VARCHAR(50)  NOT NULL,
  text            VARCHAR(1000)
);
CREATE INDEX renovation_event_application_idx ON renovation_event (application_id, id);
CREATE FUNCTION renovation_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'check_violation', CONSTRAINT = 'renovation_append_only';
END;
$$;
CREATE TRIGGER renovation_event_append_only BEFORE UPDATE OR DELETE ON renovation_event
  FOR EACH ROW EXECUTE FUNCTION renovation_append_only();
CREATE TRIGGER renovation_deduction_append_only BEFORE UPDATE OR DELETE ON renovation_deduction
  FOR EACH ROW EXECUTE FUNCTION renovation_append_only();
CREATE TRIGGER renovation_inspection_visit_append_only BEFORE UPDATE OR DELETE ON renovation_inspection_visit
  FOR EACH ROW EXECUTE FUNCTION renovation_append_only();
