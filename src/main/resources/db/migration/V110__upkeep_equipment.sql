-- Upkeep 巡检 / 设备保养, part 1: the equipment register (设备台账) per community, with its documents.
-- A QR label carries the item's code (E + six characters without look-alikes), never its id.

CREATE TABLE upkeep_equipment (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id      BIGINT       NOT NULL REFERENCES community (id),
  code              VARCHAR(12)  NOT NULL CHECK (code ~ '^E[2-9A-HJ-NP-Z]{6}$'),
  name              VARCHAR(60)  NOT NULL CHECK (length(trim(name)) > 0),
  kind              VARCHAR(20)  NOT NULL CHECK (kind IN ('PUMP','LIFT','FIRE_SYSTEM','GENERATOR','GATE','POWER','HVAC','MONITORING','OTHER')),
  building_id       BIGINT       REFERENCES building (id),
  location          VARCHAR(100) NOT NULL CHECK (length(trim(location)) > 0),
  model             VARCHAR(60),
  manufacturer      VARCHAR(60),
  contractor_name   VARCHAR(60),
  contractor_phone  VARCHAR(20)  CHECK (contractor_phone IS NULL OR contractor_phone ~ '^[0-9+() -]{5,20}$'),
  installed_on      DATE,
  status            VARCHAR(15)  NOT NULL CHECK (status IN ('IN_SERVICE','OUT_OF_SERVICE','RETIRED')),
  status_reason     VARCHAR(200),
  created_at        TIMESTAMPTZ  NOT NULL,
  version           INT          NOT NULL DEFAULT 0,
  CONSTRAINT upkeep_equipment_code_unique UNIQUE (code),
  CONSTRAINT upkeep_equipment_name_unique UNIQUE (community_id, name),
  -- lets checkpoints and plans refer to an item of their own community only
  CONSTRAINT upkeep_equipment_community_unique UNIQUE (id, community_id),
  CONSTRAINT upkeep_equipment_reason CHECK (status = 'IN_SERVICE' OR status_reason IS NOT NULL)
);
CREATE INDEX upkeep_equipment_community_idx ON upkeep_equipment (community_id, status, kind, name);

-- manuals, certificates, inspection reports: PDF, PNG or JPEG, recognised by their first bytes
CREATE TABLE upkeep_equipment_document (
  id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  equipment_id          BIGINT       NOT NULL REFERENCES upkeep_equipment (id),
  title                 VARCHAR(100) NOT NULL CHECK (length(trim(title)) > 0),
  content_type          VARCHAR(40)  NOT NULL CHECK (content_type IN ('application/pdf','image/png','image/jpeg')),
  content               BYTEA        NOT NULL CHECK (length(content) BETWEEN 1 AND 5000000),
  uploaded_at           TIMESTAMPTZ  NOT NULL,
  uploaded_by_staff_id  BIGINT       NOT NULL REFERENCES staff (id)
);
CREATE INDEX upkeep_equipment_document_idx ON upkeep_equipment_document (equipment_id, id);
