-- Upkeep 巡检, part 2: checkpoints with their readings' allowed ranges, routes that walk checkpoints
-- in order on a schedule, the rounds generated from it, visits (one per checkpoint and round),
-- readings with the repair order an out-of-range value opened, photos, and the alert a round with
-- missed checkpoints raises (rules PT-1…PT-7 in docs/norms/UPKEEP.md).

CREATE TABLE upkeep_checkpoint (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id  BIGINT       NOT NULL REFERENCES community (id),
  code          VARCHAR(12)  NOT NULL CHECK (code ~ '^C[2-9A-HJ-NP-Z]{6}$'),
  name          VARCHAR(60)  NOT NULL CHECK (length(trim(name)) > 0),
  location      VARCHAR(100) NOT NULL CHECK (length(trim(location)) > 0),
  building_id   BIGINT       REFERENCES building (id),
  equipment_id  BIGINT,
  created_at    TIMESTAMPTZ  NOT NULL,
  version       INT          NOT NULL DEFAULT 0,
  CONSTRAINT upkeep_checkpoint_code_unique UNIQUE (code),
  CONSTRAINT upkeep_checkpoint_name_unique UNIQUE (community_id, name),
  CONSTRAINT upkeep_checkpoint_community_unique UNIQUE (id, community_id),
  CONSTRAINT upkeep_checkpoint_equipment_fk FOREIGN KEY (equipment_id, community_id)
    REFERENCES upkeep_equipment (id, community_id)
);

-- what is read at a checkpoint (PT-4): pressure, temperature, a meter …, its unit and allowed range
CREATE TABLE upkeep_reading_spec (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  checkpoint_id  BIGINT        NOT NULL REFERENCES upkeep_checkpoint (id),
  position       INT           NOT NULL CHECK (position BETWEEN 1 AND 10),
  kind           VARCHAR(15)   NOT NULL CHECK (kind IN ('PRESSURE','TEMPERATURE','METER','VOLTAGE','CURRENT','LEVEL','OTHER')),
  label          VARCHAR(40)   NOT NULL CHECK (length(trim(label)) > 0),
  unit           VARCHAR(15)   NOT NULL CHECK (length(trim(unit)) > 0),
  min_value      NUMERIC(12,3),
  max_value      NUMERIC(12,3),
  CONSTRAINT upkeep_reading_spec_position_unique UNIQUE (checkpoint_id, position),
  CONSTRAINT upkeep_reading_spec_bounded CHECK (min_value IS NOT NULL OR max_value IS NOT NULL),
  CONSTRAINT upkeep_reading_spec_range CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
);

-- a route and its schedule (PT-2): on the chosen weekdays (bit 0 = Monday … bit 6 = Sunday), a round
-- every every_minutes from window_start until window_end (an end at or before the start passes
-- midnight; equal means 24 hours), walked by the security or the engineering team
CREATE TABLE upkeep_route (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id       BIGINT      NOT NULL REFERENCES community (id),
  name               VARCHAR(60) NOT NULL CHECK (length(trim(name)) > 0),
  team               VARCHAR(12) NOT NULL CHECK (team IN ('SECURITY','ENGINEERING')),
  assignee_staff_id  BIGINT      REFERENCES staff (id),
  days               SMALLINT    NOT NULL CHECK (days BETWEEN 1 AND 127),
  window_start       TIME        NOT NULL,
  window_end         TIME        NOT NULL,
  every_minutes      INT         NOT NULL CHECK (every_minutes BETWEEN 30 AND 1440),
  active             BOOLEAN     NOT NULL,
  created_at         TIMESTAMPTZ NOT NULL,
  version            INT         NOT NULL DEFAULT 0,
  CONSTRAINT upkeep_route_name_unique UNIQUE (community_id, name),
  CONSTRAINT upkeep_route_community_unique UNIQUE (id, community_id)
);

-- the checkpoints of a route in walking order (PT-1); a checkpoint of another community cannot be
-- on a route (composite foreign keys)
CREATE TABLE upkeep_route_checkpoint (
  route_id       BIGINT NOT NULL,
  checkpoint_id  BIGINT NOT NULL,
  community_id   BIGINT NOT NULL,
  position       INT    NOT NULL CHECK (position >= 1),
  PRIMARY KEY (route_id, checkpoint_id),
  CONSTRAINT upkeep_route_checkpoint_position_unique UNIQUE (route_id, position) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT upkeep_route_checkpoint_route_fk FOREIGN KEY (route_id, community_id)
    REFERENCES upkeep_route (id, community_id),
  CONSTRAINT upkeep_route_checkpoint_checkpoint_fk FOREIGN KEY (checkpoint_id, community_id)
    REFERENCES upkeep_checkpoint (id, community_id)
);

-- one round of a route in its window (PT-2, PT-3); generated ahead, once per route and start
CREATE TABLE upkeep_round (
  id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  route_id             BIGINT      NOT NULL,
  community_id         BIGINT      NOT NULL,
  team                 VARCHAR(12) NOT NULL CHECK (team IN ('SECURITY','ENGINEERING')),
  assignee_staff_id    BIGINT      REFERENCES staff (id),
  starts_at            TIMESTAMPTZ NOT NULL,
  ends_at              TIMESTAMPTZ NOT NULL,
  status               VARCHAR(12) NOT NULL CHECK (status IN ('SCHEDULED','IN_PROGRESS','COMPLETED','INCOMPLETE','MISSED','CANCELLED')),
  started_at           TIMESTAMPTZ,
  started_by_staff_id  BIGINT      REFERENCES staff (id),
  closed_at            TIMESTAMPTZ,
  planned_count        INT         NOT NULL CHECK (planned_count >= 1),
  visited_count        INT         NOT NULL DEFAULT 0 CHECK (visited_count >= 0),
  cancel_reason        VARCHAR(200),
  version              INT         NOT NULL DEFAULT 0,
  CONSTRAINT upkeep_round_once UNIQUE (route_id, starts_at),
  CONSTRAINT upkeep_round_route_fk FOREIGN KEY (route_id, community_id) REFERENCES upkeep_route (id, community_id),
  CONSTRAINT upkeep_round_window CHECK (ends_at > starts_at),
  CONSTRAINT upkeep_round_visited CHECK (visited_count <= planned_count),
  CONSTRAINT upkeep_round_closed CHECK ((status IN ('COMPLETED','INCOMPLETE','MISSED','CANCELLED')) = (closed_at IS NOT NULL)),
  CONSTRAINT upkeep_round_started CHECK ((status = 'SCHEDULED' OR status = 'MISSED' OR status = 'CANCELLED') = (started_at IS NULL)),
  CONSTRAINT upkeep_round_completed CHECK (status <> 'COMPLETED' OR visited_count = planned_count),
  CONSTRAINT upkeep_round_cancelled CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL))
);
CREATE INDEX upkeep_round_community_idx ON upkeep_round (community_id, starts_at);
CREATE INDEX upkeep_round_open_idx ON upkeep_round (ends_at) WHERE status IN ('SCHEDULED','IN_PROGRESS');

-- the checkpoints a round must visit, as the route had them when the round was generated
CREATE TABLE upkeep_round_checkpoint (
  round_id       BIGINT NOT NULL REFERENCES upkeep_round (id),
  checkpoint_id  BIGINT NOT NULL REFERENCES upkeep_checkpoint (id),
  position       INT    NOT NULL CHECK (position >= 1),
  PRIMARY KEY (round_id, checkpoint_id),
  CONSTRAINT upkeep_round_checkpoint_position_unique UNIQUE (round_id, position)
);

-- a checkpoint scanned in a round (PT-3): once per round — of two guards scanning at once one wins
CREATE TABLE upkeep_visit (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  round_id       BIGINT       NOT NULL,
  checkpoint_id  BIGINT       NOT NULL,
  scanned_at     TIMESTAMPTZ  NOT NULL,
  staff_id       BIGINT       NOT NULL REFERENCES staff (id),
  method         VARCHAR(10)  NOT NULL CHECK (method IN ('CAMERA','TYPED')),
  note           VARCHAR(500),
  CONSTRAINT upkeep_visit_once UNIQUE (round_id, checkpoint_id),
  CONSTRAINT upkeep_visit_planned_fk FOREIGN KEY (round_id, checkpoint_id)
    REFERENCES upkeep_round_checkpoint (round_id, checkpoint_id)
);

-- a reading against the range that applied when it was taken (PT-4); out of range: the repair
-- order it opened (PT-5; the repair area's number, no foreign key across areas)
CREATE TABLE upkeep_reading (
  id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  visit_id             BIGINT        NOT NULL REFERENCES upkeep_visit (id),
  spec_id              BIGINT        NOT NULL REFERENCES upkeep_reading_spec (id),
  value                NUMERIC(12,3) NOT NULL,
  min_value            NUMERIC(12,3),
  max_value            NUMERIC(12,3),
  in_range             BOOLEAN       NOT NULL,
  repair_order_id      BIGINT,
  repair_order_number  VARCHAR(30),
  CONSTRAINT upkeep_reading_once UNIQUE (visit_id, spec_id),
  CONSTRAINT upkeep_reading_repair CHECK (in_range = (repair_order_number IS NULL)),
  CONSTRAINT upkeep_reading_repair_id CHECK ((repair_order_id IS NULL) = (repair_order_number IS NULL))
);
CREATE INDEX upkeep_reading_spec_idx ON upkeep_reading (spec_id, id DESC);

CREATE TABLE upkeep_visit_photo (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  visit_id      BIGINT      NOT NULL REFERENCES upkeep_visit (id),
  content_type  VARCHAR(20) NOT NULL CHECK (content_type IN ('image/jpeg','image/png','image/webp')),
  content       BYTEA       NOT NULL CHECK (length(content) BETWEEN 1 AND 5242880)
);
CREATE INDEX upkeep_visit_photo_idx ON upkeep_visit_photo (visit_id);

-- a round closed with checkpoints missed (PT-6): one alert per round, for the supervisors, with
-- the follow-up they record; its deadline clock escalates like every other
CREATE TABLE upkeep_patrol_alert (
  id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  round_id              BIGINT       NOT NULL REFERENCES upkeep_round (id),
  community_id          BIGINT       NOT NULL REFERENCES community (id),
  opened_at             TIMESTAMPTZ  NOT NULL,
  missed_count          INT          NOT NULL CHECK (missed_count >= 1),
  status                VARCHAR(10)  NOT NULL CHECK (status IN ('OPEN','RESOLVED')),
  resolved_at           TIMESTAMPTZ,
  resolved_by_staff_id  BIGINT       REFERENCES staff (id),
  cause                 VARCHAR(200),
  action                VARCHAR(500),
  version               INT          NOT NULL DEFAULT 0,
  CONSTRAINT upkeep_patrol_alert_once UNIQUE (round_id),
  CONSTRAINT upkeep_patrol_alert_resolved CHECK (
    (status = 'RESOLVED') = (resolved_at IS NOT NULL)
    AND (status = 'RESOLVED') = (resolved_by_staff_id IS NOT NULL)
    AND (status = 'RESOLVED') = (cause IS NOT NULL))
);
CREATE INDEX upkeep_patrol_alert_community_idx ON upkeep_patrol_alert (community_id, status, id DESC);
