-- Community announcements (公告): written by customer service for a community or chosen buildings,
-- with a start and an end, approved by a supervisor (never the author), shown in the portal to the
-- residents of those buildings until the end, sent on the channels, printable for the bulletin
-- board; read once per resident, counted per building.

CREATE TABLE announcement (
  id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number                VARCHAR(20)   NOT NULL CONSTRAINT announcement_number_unique UNIQUE,
  community_id          BIGINT        NOT NULL REFERENCES community (id),
  category              VARCHAR(15)   NOT NULL CHECK (category IN ('OUTAGE', 'PUBLIC_NOTICE', 'EVENT')),
  title                 VARCHAR(60)   NOT NULL CHECK (length(trim(title)) > 0),
  body                  VARCHAR(4000) NOT NULL CHECK (length(trim(body)) > 0),
  -- true: every building of the community; false: the buildings in announcement_building
  whole_community       BOOLEAN       NOT NULL,
  starts_at             TIMESTAMPTZ   NOT NULL,
  ends_at               TIMESTAMPTZ   NOT NULL,
  status                VARCHAR(10)   NOT NULL CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
  written_by_staff_id   BIGINT        NOT NULL REFERENCES staff (id),
  written_by_name       VARCHAR(50)   NOT NULL,
  written_at            TIMESTAMPTZ   NOT NULL,
  decided_by_staff_id   BIGINT        REFERENCES staff (id),
  decided_by_name       VARCHAR(50),
  decided_at            TIMESTAMPTZ,
  decision_note         VARCHAR(500),
  withdrawn_at          TIMESTAMPTZ,
  version               INT           NOT NULL DEFAULT 0,
  CHECK (ends_at > starts_at),
  -- four eyes: the approver is not the author
  CHECK (decided_by_staff_id IS NULL OR decided_by_staff_id <> written_by_staff_id),
  CHECK ((status IN ('APPROVED', 'REJECTED', 'WITHDRAWN')) = (decided_by_staff_id IS NOT NULL AND decided_at IS NOT NULL)),
  CHECK (status <> 'REJECTED' OR decision_note IS NOT NULL),
  CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL))
);
CREATE INDEX announcement_community_idx ON announcement (community_id, id DESC);
-- the portal's question: what is approved and running now in this community
CREATE INDEX announcement_running_idx ON announcement (community_id, ends_at) WHERE status = 'APPROVED';

CREATE TABLE announcement_building (
  announcement_id  BIGINT NOT NULL REFERENCES announcement (id) ON DELETE CASCADE,
  building_id      BIGINT NOT NULL REFERENCES building (id),
  PRIMARY KEY (announcement_id, building_id)
);

-- A resident opened it in the portal: once per resident, counted for the building of their unit.
CREATE TABLE announcement_read (
  announcement_id  BIGINT      NOT NULL REFERENCES announcement (id),
  resident_id      BIGINT      NOT NULL REFERENCES resident (id),
  building_id      BIGINT      NOT NULL REFERENCES building (id),
  read_at          TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (announcement_id, resident_id)
);
CREATE INDEX announcement_read_building_idx ON announcement_read (announcement_id, building_id);

-- The bulletin board of a community: the service center's phone printed on every notice.
CREATE TABLE announcement_board (
  community_id   BIGINT      PRIMARY KEY REFERENCES community (id),
  service_phone  VARCHAR(20) NOT NULL CHECK (service_phone ~ '^[0-9][0-9 -]{4,18}[0-9]$'),
  version        INT         NOT NULL DEFAULT 0
);
