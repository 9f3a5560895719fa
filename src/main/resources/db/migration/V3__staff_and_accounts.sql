-- Staff and their roles; login accounts for staff and residents (one login page for both).

CREATE TABLE staff (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name          VARCHAR(50) NOT NULL CHECK (length(trim(name)) > 0),
  phone         VARCHAR(11) CHECK (phone IS NULL OR phone ~ '^1[3-9][0-9]{9}$'),
  shift_leader  BOOLEAN     NOT NULL DEFAULT false,
  on_duty       BOOLEAN     NOT NULL DEFAULT true,
  active        BOOLEAN     NOT NULL DEFAULT true,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  version       INT         NOT NULL DEFAULT 0
);

CREATE TABLE staff_role (
  staff_id  BIGINT      NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  role      VARCHAR(30) NOT NULL CHECK (role IN ('CUSTOMER_SERVICE','CASHIER','TECHNICIAN','SECURITY','SUPERVISOR','MANAGER','ADMIN')),
  PRIMARY KEY (staff_id, role)
);
CREATE INDEX staff_role_role_idx ON staff_role (role, staff_id);

-- the communities a staff member serves; they see only those communities' data
CREATE TABLE staff_community (
  staff_id      BIGINT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  community_id  BIGINT NOT NULL REFERENCES community (id),
  PRIMARY KEY (staff_id, community_id)
);
CREATE INDEX staff_community_community_idx ON staff_community (community_id, staff_id);

CREATE TABLE account (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username         VARCHAR(50)  NOT NULL,
  password_hash    VARCHAR(200) NOT NULL,
  kind             VARCHAR(10)  NOT NULL CHECK (kind IN ('STAFF','RESIDENT')),
  staff_id         BIGINT REFERENCES staff (id),
  resident_id      BIGINT REFERENCES resident (id),
  enabled          BOOLEAN      NOT NULL DEFAULT true,
  failed_attempts  INT          NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until     TIMESTAMPTZ,
  last_login_at    TIMESTAMPTZ,
  created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
  version          INT          NOT NULL DEFAULT 0,
  CHECK ((kind = 'STAFF' AND staff_id IS NOT NULL AND resident_id IS NULL)
      OR (kind = 'RESIDENT' AND resident_id IS NOT NULL AND staff_id IS NULL))
);
CREATE UNIQUE INDEX account_username_unique ON account (lower(username));
CREATE UNIQUE INDEX account_staff_unique ON account (staff_id) WHERE staff_id IS NOT NULL;
CREATE UNIQUE INDEX account_resident_unique ON account (resident_id) WHERE resident_id IS NOT NULL;
