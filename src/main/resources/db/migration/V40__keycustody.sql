-- Key custody 业户托管钥匙 (CS-K1…K5): cabinets and slots, entrustments (委托书) with their authorised
-- collectors, tagged keys, loans to technicians, pickups with signatures, the chain of custody
-- (append-only movements), refusals and security events, inventory checks (盘点).

-- lets a slot hold the keys of one household only (exclusion constraint on slot + entrustment)
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- settings the area keeps itself (the ID fingerprint secret when none is configured)
CREATE TABLE keycustody_setting (
  name   VARCHAR(50) PRIMARY KEY,
  value  TEXT        NOT NULL
);

CREATE TABLE keycustody_cabinet (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id  BIGINT       NOT NULL REFERENCES community (id),
  code          VARCHAR(10)  NOT NULL CHECK (code ~ '^[A-Z0-9]+$'),
  name          VARCHAR(50)  NOT NULL CHECK (length(trim(name)) > 0),
  location      VARCHAR(100),
  created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
  version       INT          NOT NULL DEFAULT 0,
  CONSTRAINT keycustody_cabinet_code_unique UNIQUE (community_id, code)
);

CREATE TABLE keycustody_slot (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cabinet_id  BIGINT      NOT NULL REFERENCES keycustody_cabinet (id),
  code        VARCHAR(20) NOT NULL CHECK (code ~ '^[A-Z0-9-]+$'),
  position    INT         NOT NULL CHECK (position >= 1),
  CONSTRAINT keycustody_slot_code_unique UNIQUE (cabinet_id, code),
  CONSTRAINT keycustody_slot_position_unique UNIQUE (cabinet_id, position)
);

-- 《业户托管钥匙委托书》 (CS-K2) with the disclaimer the resident accepted (CS-K1)
CREATE TABLE keycustody_entrustment (
  id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference_no            VARCHAR(20)  NOT NULL,
  community_id            BIGINT       NOT NULL REFERENCES community (id),
  unit_id                 BIGINT       NOT NULL REFERENCES unit (id),
  -- the unit as people say it (3-2-1501), kept with the form it was written on
  unit_code               VARCHAR(60)  NOT NULL,
  depositor_resident_id   BIGINT       NOT NULL REFERENCES resident (id),
  owner_name              VARCHAR(50)  NOT NULL CHECK (length(trim(owner_name)) > 0),
  deposit_date            DATE         NOT NULL,
  key_count               INT          NOT NULL CHECK (key_count BETWEEN 1 AND 20),
  reason                  VARCHAR(200) NOT NULL CHECK (length(trim(reason)) > 0),
  pickup_from             DATE,
  pickup_until            DATE,
  lending_allowed         BOOLEAN      NOT NULL,
  disclaimer_text         TEXT         NOT NULL CHECK (length(disclaimer_text) > 0),
  disclaimer_accepted_at  TIMESTAMPTZ  NOT NULL,
  acceptance_kind         VARCHAR(10)  NOT NULL CHECK (acceptance_kind IN ('SIGNATURE','SCAN')),
  acceptance_image        BYTEA        NOT NULL CHECK (length(acceptance_image) > 0),
  acceptance_content_type VARCHAR(40)  NOT NULL,
  accepted_by_staff_id    BIGINT       NOT NULL REFERENCES staff (id),
  state                   VARCHAR(10)  NOT NULL CHECK (state IN ('ACTIVE','CLOSED')),
  created_at              TIMESTAMPTZ  NOT NULL,
  closed_at               TIMESTAMPTZ,
  version                 INT          NOT NULL DEFAULT 0,
  CONSTRAINT keycustody_entrustment_ref_unique UNIQUE (reference_no),
  CONSTRAINT keycustody_entrustment_window CHECK (pickup_from IS NULL OR pickup_until IS NULL OR pickup_from <= pickup_until),
  CONSTRAINT keycustody_entrustment_closed CHECK ((state = 'CLOSED') = (closed_at IS NOT NULL))
);
CREATE INDEX keycustody_entrustment_unit_idx ON keycustody_entrustment (unit_id, id DESC);
CREATE INDEX keycustody_entrustment_community_idx ON keycustody_entrustment (community_id, state, id DESC);
-- key search by part of a unit code or an owner name (Chinese: no word boundaries, so trigrams)
CREATE INDEX keycustody_entrustment_unit_code_trgm_idx ON keycustody_entrustment USING gin (unit_code gin_trgm_ops);
CREATE INDEX keycustody_entrustment_owner_trgm_idx ON keycustody_entrustment USING gin (owner_name gin_trgm_ops);

-- who may collect: the owner (depositor) and named persons. ID numbers are kept only as a keyed
-- fingerprint (HMAC-SHA256 of type:number) for matching, and masked for display.
CREATE TABLE keycustody_collector (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entrustment_id  BIGINT      NOT NULL REFERENCES keycustody_entrustment (id),
  kind            VARCHAR(10) NOT NULL CHECK (kind IN ('OWNER','NAMED')),
  name            VARCHAR(50) NOT NULL CHECK (length(trim(name)) > 0),
  id_type         VARCHAR(20) NOT NULL CHECK (id_type IN ('RESIDENT_ID','PASSPORT','HK_MACAO_PERMIT','TAIWAN_PERMIT','OTHER')),
  id_fingerprint  CHAR(64)    NOT NULL,
  id_masked       VARCHAR(40) NOT NULL,
  phone           VARCHAR(11) CHECK (phone IS NULL OR phone ~ '^1[3-9][0-9]{9}$'),
  revoked_at      TIMESTAMPTZ,
  revoked_by      TEXT,
  version         INT         NOT NULL DEFAULT 0,
  CONSTRAINT keycustody_collector_id_unique UNIQUE (entrustment_id, id_fingerprint),
  CONSTRAINT keycustody_collector_owner_not_revoked CHECK (kind = 'NAMED' OR revoked_at IS NULL),
  CONSTRAINT keycustody_collector_revoked_by CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE UNIQUE INDEX keycustody_collector_one_owner ON keycustody_collector (entrustment_id) WHERE kind = 'OWNER';

-- one row per physical key, with its tag code (CS-K4). A stored key is in exactly one slot; a slot
-- holds the keys of one household only.
CREATE TABLE keycustody_key (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entrustment_id  BIGINT      NOT NULL REFERENCES keycustody_entrustment (id),
  code            VARCHAR(12) NOT NULL CHECK (code ~ '^K[0-9A-Z]{6}$'),
  ordinal         INT         NOT NULL CHECK (ordinal >= 1),
  label           VARCHAR(50),
  state           VARCHAR(10) NOT NULL CHECK (state IN ('RECEIVED','STORED','LENT','COLLECTED')),
  slot_id         BIGINT      REFERENCES keycustody_slot (id),
  version         INT         NOT NULL DEFAULT 0,
  CONSTRAINT keycustody_key_code_unique UNIQUE (code),
  CONSTRAINT keycustody_key_ordinal_unique UNIQUE (entrustment_id, ordinal),
  CONSTRAINT keycustody_key_slot_state CHECK ((state = 'STORED') = (slot_id IS NOT NULL)),
  CONSTRAINT keycustody_slot_one_household
    EXCLUDE USING gist (slot_id WITH =, entrustment_id WITH <>) WHERE (slot_id IS NOT NULL)
);
CREATE INDEX keycustody_key_entrustment_idx ON keycustody_key (entrustment_id, ordinal);

-- a key lent to a technician for a repair order (referenced by its number only)
CREATE TABLE keycustody_loan (
  id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key_id                BIGINT      NOT NULL REFERENCES keycustody_key (id),
  technician_staff_id   BIGINT      NOT NULL REFERENCES staff (id),
  repair_order_ref      VARCHAR(40) NOT NULL CHECK (length(trim(repair_order_ref)) > 0),
  lent_at               TIMESTAMPTZ NOT NULL,
  lent_by_staff_id      BIGINT      NOT NULL REFERENCES staff (id),
  expected_return_at    TIMESTAMPTZ NOT NULL,
  signature             BYTEA       NOT NULL CHECK (length(signature) > 0),
  returned_at           TIMESTAMPTZ,
  returned_to_staff_id  BIGINT      REFERENCES staff (id),
  escalated_at          TIMESTAMPTZ,
  CONSTRAINT keycustody_loan_return_after CHECK (expected_return_at > lent_at),
  CONSTRAINT keycustody_loan_returned CHECK ((returned_at IS NULL) = (returned_to_staff_id IS NULL))
);
CREATE UNIQUE INDEX keycustody_loan_open_unique ON keycustody_loan (key_id) WHERE returned_at IS NULL;
CREATE INDEX keycustody_loan_due_idx ON keycustody_loan (expected_return_at) WHERE returned_at IS NULL;

-- a handing-over to an authorised person (CS-K5): who collected, who handed over, when, signature
CREATE TABLE keycustody_pickup (
  id                       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entrustment_id           BIGINT      NOT NULL REFERENCES keycustody_entrustment (id),
  collector_id             BIGINT      NOT NULL REFERENCES keycustody_collector (id),
  handed_over_by_staff_id  BIGINT      NOT NULL REFERENCES staff (id),
  occurred_at              TIMESTAMPTZ NOT NULL,
  key_count                INT         NOT NULL CHECK (key_count >= 1),
  signature                BYTEA       NOT NULL CHECK (length(signature) > 0)
);
CREATE INDEX keycustody_pickup_entrustment_idx ON keycustody_pickup (entrustment_id);

-- the chain of custody: every movement of every key; append-only
CREATE TABLE keycustody_movement (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key_id          BIGINT      NOT NULL REFERENCES keycustody_key (id),
  entrustment_id  BIGINT      NOT NULL REFERENCES keycustody_entrustment (id),
  type            VARCHAR(12) NOT NULL CHECK (type IN ('DEPOSITED','STORED','MOVED','LENT','RETURNED','COLLECTED','WITHDRAWN')),
  occurred_at     TIMESTAMPTZ NOT NULL,
  staff_id        BIGINT      NOT NULL REFERENCES staff (id),
  actor           TEXT        NOT NULL,
  from_slot_id    BIGINT      REFERENCES keycustody_slot (id),
  to_slot_id      BIGINT      REFERENCES keycustody_slot (id),
  pickup_id       BIGINT      REFERENCES keycustody_pickup (id),
  loan_id         BIGINT      REFERENCES keycustody_loan (id),
  CONSTRAINT keycustody_movement_pickup CHECK ((type IN ('COLLECTED','WITHDRAWN')) = (pickup_id IS NOT NULL)),
  CONSTRAINT keycustody_movement_loan CHECK (type NOT IN ('LENT','RETURNED') OR loan_id IS NOT NULL),
  CONSTRAINT keycustody_movement_slot CHECK (type NOT IN ('STORED','MOVED') OR to_slot_id IS NOT NULL)
);
CREATE INDEX keycustody_movement_key_idx ON keycustody_movement (key_id, id);
CREATE INDEX keycustody_movement_entrustment_idx ON keycustody_movement (entrustment_id, id);

-- refusals of custody actions; those of a pickup (wrong ID, revoked collector, outside the window,
-- a key already handed out) and missing keys found by an inventory check are alerts for managers
CREATE TABLE keycustody_security_event (
  id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id         BIGINT       NOT NULL REFERENCES community (id),
  entrustment_id       BIGINT       REFERENCES keycustody_entrustment (id),
  key_id               BIGINT       REFERENCES keycustody_key (id),
  cabinet_id           BIGINT       REFERENCES keycustody_cabinet (id),
  action               VARCHAR(20)  NOT NULL,
  kind                 VARCHAR(30)  NOT NULL CHECK (kind IN ('ID_MISMATCH','REVOKED_COLLECTOR','OUTSIDE_WINDOW','ALREADY_HANDED_OUT','KEY_NOT_AVAILABLE','INVENTORY_DIFFERENCE','REFUSED')),
  alert                BOOLEAN      NOT NULL,
  occurred_at          TIMESTAMPTZ  NOT NULL,
  staff_id             BIGINT       REFERENCES staff (id),
  actor                TEXT         NOT NULL,
  presented_id_type    VARCHAR(20),
  presented_id_masked  VARCHAR(40),
  message_key          VARCHAR(100) NOT NULL,
  message_args         JSONB        NOT NULL DEFAULT '[]'
);
CREATE INDEX keycustody_security_event_idx ON keycustody_security_event (community_id, alert, id DESC);

CREATE FUNCTION keycustody_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER keycustody_movement_append_only BEFORE UPDATE OR DELETE ON keycustody_movement
  FOR EACH ROW EXECUTE FUNCTION keycustody_append_only();
CREATE TRIGGER keycustody_security_event_append_only BEFORE UPDATE OR DELETE ON keycustody_security_event
  FOR EACH ROW EXECUTE FUNCTION keycustody_append_only();

-- 盘点: what should have been in a cabinet, what was found, the differences
CREATE TABLE keycustody_inventory_check (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cabinet_id        BIGINT      NOT NULL REFERENCES keycustody_cabinet (id),
  checked_at        TIMESTAMPTZ NOT NULL,
  staff_id          BIGINT      NOT NULL REFERENCES staff (id),
  expected_count    INT         NOT NULL CHECK (expected_count >= 0),
  found_count       INT         NOT NULL CHECK (found_count >= 0),
  missing_count     INT         NOT NULL CHECK (missing_count >= 0),
  unexpected_count  INT         NOT NULL CHECK (unexpected_count >= 0)
);
CREATE INDEX keycustody_inventory_check_cabinet_idx ON keycustody_inventory_check (cabinet_id, id DESC);

CREATE TABLE keycustody_inventory_line (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  check_id  BIGINT      NOT NULL REFERENCES keycustody_inventory_check (id),
  code      VARCHAR(40) NOT NULL,
  key_id    BIGINT      REFERENCES keycustody_key (id),
  slot_id   BIGINT      REFERENCES keycustody_slot (id),
  outcome   VARCHAR(12) NOT NULL CHECK (outcome IN ('PRESENT','MISSING','UNEXPECTED')),
  reason    VARCHAR(20) CHECK (reason IS NULL OR reason IN ('UNKNOWN','OTHER_CABINET','NOT_STORED','LENT','COLLECTED')),
  CONSTRAINT keycustody_inventory_line_unique UNIQUE (check_id, code),
  CONSTRAINT keycustody_inventory_line_reason CHECK ((outcome = 'UNEXPECTED') = (reason IS NOT NULL))
);
