-- Orders of convenience services (CS-S3): a call recorded by staff or an order in the portal, with
-- the listed price taken at the time of ordering; assigned, done, confirmed and rated by the resident.
-- CS-S2 no tips: there is no column for a tip anywhere; tip_asked is the resident's answer to "were
-- you asked for a tip?" (a yes opens an integrity case for the manager).
CREATE TABLE convenience_order (
  id                        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number                    VARCHAR(20)   NOT NULL,
  community_id              BIGINT        NOT NULL REFERENCES community (id),
  unit_id                   BIGINT        NOT NULL REFERENCES unit (id),
  service_id                BIGINT        NOT NULL REFERENCES convenience_service (id),
  -- what was ordered, as listed when ordered (a later catalog change does not alter the order)
  service_name              VARCHAR(50)   NOT NULL,
  unit_price                NUMERIC(10,2) CHECK (unit_price IS NULL OR unit_price > 0),
  price_unit                VARCHAR(10),
  quantity                  NUMERIC(6,2)  NOT NULL CHECK (quantity > 0 AND quantity <= 999),
  promise_minutes           INT           NOT NULL CHECK (promise_minutes > 0),
  noisy                     BOOLEAN       NOT NULL,
  channel                   VARCHAR(10)   NOT NULL CHECK (channel IN ('PHONE', 'VISIT', 'PORTAL')),
  resident_id               BIGINT        REFERENCES resident (id),
  contact_name              VARCHAR(50)   NOT NULL CHECK (length(trim(contact_name)) > 0),
  contact_phone             VARCHAR(11)   NOT NULL CHECK (contact_phone ~ '^1[3-9][0-9]{9}$'),
  wanted_at                 TIMESTAMPTZ   NOT NULL,
  note                      VARCHAR(300),
  status                    VARCHAR(10)   NOT NULL CHECK (status IN ('ORDERED', 'ASSIGNED', 'DONE', 'CONFIRMED', 'CANCELLED')),
  ordered_at                TIMESTAMPTZ   NOT NULL,
  ordered_by                VARCHAR(120)  NOT NULL,
  assignee_staff_id         BIGINT        REFERENCES staff (id),
  assigned_at               TIMESTAMPTZ,
  completed_at              TIMESTAMPTZ,
  completed_by_staff_id     BIGINT        REFERENCES staff (id),
  work_note                 VARCHAR(300),
  -- the amount that goes to the unit's bill (quantity × listed price); NULL for free services
  charge_amount             NUMERIC(10,2) CHECK (charge_amount IS NULL OR charge_amount > 0),
  confirmed_at              TIMESTAMPTZ,
  confirmed_by_resident_id  BIGINT        REFERENCES resident (id),
  rating                    SMALLINT      CHECK (rating BETWEEN 1 AND 5),
  comment                   VARCHAR(300),
  tip_asked                 BOOLEAN,
  cancelled_at              TIMESTAMPTZ,
  cancel_reason             VARCHAR(200),
  version                   INT           NOT NULL DEFAULT 0,
  CONSTRAINT convenience_order_number_unique UNIQUE (number),
  CONSTRAINT convenience_order_price_unit CHECK ((unit_price IS NULL) = (price_unit IS NULL)),
  CONSTRAINT convenience_order_assigned CHECK (status IN ('ORDERED', 'CANCELLED') OR (assignee_staff_id IS NOT NULL AND assigned_at IS NOT NULL)),
  CONSTRAINT convenience_order_done CHECK ((status IN ('DONE', 'CONFIRMED')) = (completed_at IS NOT NULL)),
  CONSTRAINT convenience_order_done_by CHECK (completed_at IS NULL OR completed_by_staff_id IS NOT NULL),
  CONSTRAINT convenience_order_confirmed CHECK ((status = 'CONFIRMED') = (confirmed_at IS NOT NULL)),
  CONSTRAINT convenience_order_confirmation CHECK (confirmed_at IS NULL
    OR (confirmed_by_resident_id IS NOT NULL AND rating IS NOT NULL AND tip_asked IS NOT NULL)),
  CONSTRAINT convenience_order_cancelled CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL AND cancel_reason IS NOT NULL)),
  CONSTRAINT convenience_order_charge CHECK (charge_amount IS NULL OR (unit_price IS NOT NULL AND completed_at IS NOT NULL))
);
CREATE INDEX convenience_order_community_idx ON convenience_order (community_id, status, id DESC);
CREATE INDEX convenience_order_unit_idx ON convenience_order (unit_id, id DESC);
CREATE INDEX convenience_order_assignee_idx ON convenience_order (assignee_staff_id) WHERE status = 'ASSIGNED';

-- The order's timeline: who did what and when (append-only).
CREATE TABLE convenience_order_event (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id    BIGINT       NOT NULL REFERENCES convenience_order (id),
  at          TIMESTAMPTZ  NOT NULL,
  actor       VARCHAR(120) NOT NULL,
  actor_name  VARCHAR(50)  NOT NULL,
  action      VARCHAR(12)  NOT NULL CHECK (action IN ('ORDERED', 'ASSIGNED', 'DONE', 'CONFIRMED', 'CANCELLED')),
  detail      VARCHAR(300)
);
CREATE INDEX convenience_order_event_order_idx ON convenience_order_event (order_id, id);
CREATE TRIGGER convenience_order_event_no_update BEFORE UPDATE OR DELETE ON convenience_order_event
  FOR EACH ROW EXECUTE FUNCTION refuse_update_or_delete();

-- Integrity cases (CS-S2 no tips): opened when the resident answers that a tip was asked for;
-- seen and closed by the community's managers only.
CREATE TABLE convenience_integrity_case (
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  order_id            BIGINT       NOT NULL REFERENCES convenience_order (id),
  community_id        BIGINT       NOT NULL REFERENCES community (id),
  staff_id            BIGINT       REFERENCES staff (id),
  resident_id         BIGINT       NOT NULL REFERENCES resident (id),
  statement           VARCHAR(500),
  opened_at           TIMESTAMPTZ  NOT NULL,
  status              VARCHAR(10)  NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
  outcome             VARCHAR(500),
  closed_at           TIMESTAMPTZ,
  closed_by_staff_id  BIGINT       REFERENCES staff (id),
  version             INT          NOT NULL DEFAULT 0,
  CONSTRAINT convenience_integrity_case_order_unique UNIQUE (order_id),
  CONSTRAINT convenience_integrity_case_closed CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL AND outcome IS NOT NULL AND closed_by_staff_id IS NOT NULL))
);
CREATE INDEX convenience_integrity_case_community_idx ON convenience_integrity_case (community_id, status, id DESC);
