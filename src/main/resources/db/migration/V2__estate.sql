-- Estate: communities (小区/项目) → buildings (楼栋) → units (房屋); residents (业户) and occupancy history.

CREATE TABLE community (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        VARCHAR(32)  NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_-]+$'),
  name        VARCHAR(100) NOT NULL CHECK (length(trim(name)) > 0),
  address     VARCHAR(200),
  -- hours in which noisy work and services are allowed (CS-S2); local time of the community
  quiet_hours_start TIME NOT NULL DEFAULT '12:00',
  quiet_hours_end   TIME NOT NULL DEFAULT '14:00',
  work_hours_start  TIME NOT NULL DEFAULT '08:00',
  work_hours_end    TIME NOT NULL DEFAULT '20:00',
  created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  version     INT          NOT NULL DEFAULT 0
);

CREATE TABLE building (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id  BIGINT      NOT NULL REFERENCES community (id),
  number        VARCHAR(20) NOT NULL CHECK (number ~ '^[0-9A-Za-z]+$'),
  name          VARCHAR(50),
  floors        INT CHECK (floors IS NULL OR floors BETWEEN 1 AND 200),
  version       INT         NOT NULL DEFAULT 0,
  CONSTRAINT building_number_unique UNIQUE (community_id, number)
);

CREATE TABLE unit (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id  BIGINT        NOT NULL REFERENCES community (id),
  building_id   BIGINT        NOT NULL REFERENCES building (id),
  entrance      VARCHAR(10)   NOT NULL CHECK (entrance ~ '^[0-9A-Za-z]+$'),
  floor         INT           NOT NULL CHECK (floor BETWEEN -10 AND 200),
  room_number   VARCHAR(20)   NOT NULL CHECK (room_number ~ '^[0-9A-Za-z]+$'),
  -- "3-2-1501": building-entrance-room, how staff and residents say a unit
  code          VARCHAR(60)   NOT NULL,
  floor_area    NUMERIC(10,2) NOT NULL CHECK (floor_area > 0 AND floor_area < 100000),
  usage         VARCHAR(20)   NOT NULL CHECK (usage IN ('RESIDENTIAL','COMMERCIAL','OFFICE','PARKING','STORAGE','OTHER')),
  version       INT           NOT NULL DEFAULT 0,
  CONSTRAINT unit_room_unique UNIQUE (building_id, entrance, room_number),
  CONSTRAINT unit_code_unique UNIQUE (community_id, code)
);
CREATE INDEX unit_building_idx ON unit (building_id);
CREATE INDEX unit_code_trgm_idx ON unit USING gin (code gin_trgm_ops);

CREATE TABLE resident (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        VARCHAR(50)  NOT NULL CHECK (length(trim(name)) > 0),
  phone       VARCHAR(11)  NOT NULL CHECK (phone ~ '^1[3-9][0-9]{9}$'),
  id_type     VARCHAR(20)  NOT NULL CHECK (id_type IN ('RESIDENT_ID','PASSPORT','HK_MACAO_PERMIT','TAIWAN_PERMIT','OTHER')),
  id_number   VARCHAR(32)  NOT NULL,
  created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
  version     INT          NOT NULL DEFAULT 0,
  CONSTRAINT resident_id_unique UNIQUE (id_type, id_number)
);
CREATE INDEX resident_phone_idx ON resident (phone);
CREATE INDEX resident_name_trgm_idx ON resident USING gin (name gin_trgm_ops);

-- Occupancy: who lives in or owns a unit, from when to when (moving in and out keeps the history).
CREATE TABLE occupancy (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_id      BIGINT      NOT NULL REFERENCES unit (id),
  resident_id  BIGINT      NOT NULL REFERENCES resident (id),
  relation     VARCHAR(20) NOT NULL CHECK (relation IN ('OWNER','TENANT','MEMBER')),
  moved_in     DATE        NOT NULL,
  moved_out    DATE,
  version      INT         NOT NULL DEFAULT 0,
  CHECK (moved_out IS NULL OR moved_out >= moved_in)
);
-- a person holds at most one current occupancy of a unit
CREATE UNIQUE INDEX occupancy_current_unique ON occupancy (unit_id, resident_id) WHERE moved_out IS NULL;
CREATE INDEX occupancy_resident_idx ON occupancy (resident_id) WHERE moved_out IS NULL;
CREATE INDEX occupancy_unit_idx ON occupancy (unit_id);
