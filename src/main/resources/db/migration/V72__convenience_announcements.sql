-- Announcing the catalog (CS-S1): an announcement is a snapshot of the catalog from which the three
-- notices are printed (poster for the office or entrance, bulletin-board version, a flyer per
-- household); where each notice was posted, and which households received the flyer.
CREATE TABLE convenience_announcement (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id  BIGINT       NOT NULL REFERENCES community (id),
  title         VARCHAR(100) NOT NULL CHECK (length(trim(title)) > 0),
  -- the services as announced (name, description, price, unit, promise, noisy, provider)
  catalog       JSONB        NOT NULL CHECK (jsonb_typeof(catalog) = 'array' AND jsonb_array_length(catalog) > 0),
  issued_at     TIMESTAMPTZ  NOT NULL,
  issued_by     VARCHAR(120) NOT NULL,
  version       INT          NOT NULL DEFAULT 0
);
CREATE INDEX convenience_announcement_community_idx ON convenience_announcement (community_id, id DESC);

-- Where a poster or bulletin-board notice was put up.
CREATE TABLE convenience_posting (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  announcement_id  BIGINT       NOT NULL REFERENCES convenience_announcement (id),
  kind             VARCHAR(10)  NOT NULL CHECK (kind IN ('POSTER', 'BULLETIN')),
  location         VARCHAR(100) NOT NULL CHECK (length(trim(location)) > 0),
  posted_at        TIMESTAMPTZ  NOT NULL,
  recorded_by      VARCHAR(120) NOT NULL,
  recorded_by_name VARCHAR(50)  NOT NULL
);
CREATE INDEX convenience_posting_announcement_idx ON convenience_posting (announcement_id, id);

-- Which households received the flyer (one row per unit and announcement).
CREATE TABLE convenience_flyer_delivery (
  announcement_id   BIGINT       NOT NULL REFERENCES convenience_announcement (id),
  unit_id           BIGINT       NOT NULL REFERENCES unit (id),
  building_id       BIGINT       NOT NULL REFERENCES building (id),
  method            VARCHAR(10)  NOT NULL CHECK (method IN ('MAILBOX', 'DOOR')),
  delivered_at      TIMESTAMPTZ  NOT NULL,
  delivered_by      VARCHAR(120) NOT NULL,
  delivered_by_name VARCHAR(50)  NOT NULL,
  PRIMARY KEY (announcement_id, unit_id)
);
CREATE INDEX convenience_flyer_delivery_building_idx ON convenience_flyer_delivery (announcement_id, building_id);
