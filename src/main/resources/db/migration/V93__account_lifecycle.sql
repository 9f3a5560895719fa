-- Account lifecycle (issue 13): a security stamp every session is checked against, one-time codes
-- (a resident activates their own account; a password is reset), and the login throttle's buckets.

-- raised when an account is disabled or enabled, its roles or communities change, or its password
-- is set: sessions and API tokens holding an older stamp reload the account or end at their next request
ALTER TABLE account ADD COLUMN security_stamp INT NOT NULL DEFAULT 0;
ALTER TABLE account ADD COLUMN password_changed_at TIMESTAMPTZ;

CREATE TABLE account_code (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  purpose          VARCHAR(10)  NOT NULL CHECK (purpose IN ('ACTIVATION', 'RESET')),
  -- activation: the resident who gets a portal account; reset: the account whose password is set
  resident_id      BIGINT REFERENCES resident (id),
  account_id       BIGINT REFERENCES account (id),
  code_hash        VARCHAR(200) NOT NULL,
  issued_by        VARCHAR(120) NOT NULL,
  issued_at        TIMESTAMPTZ  NOT NULL,
  expires_at       TIMESTAMPTZ  NOT NULL,
  failed_attempts  INT          NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  used_at          TIMESTAMPTZ,
  revoked_at       TIMESTAMPTZ,
  CHECK ((purpose = 'ACTIVATION' AND resident_id IS NOT NULL AND account_id IS NULL)
      OR (purpose = 'RESET' AND account_id IS NOT NULL AND resident_id IS NULL)),
  CHECK (expires_at > issued_at)
);
-- one live code per resident or account: issuing a new one revokes the old
CREATE UNIQUE INDEX account_code_live_resident ON account_code (resident_id)
  WHERE used_at IS NULL AND revoked_at IS NULL AND resident_id IS NOT NULL;
CREATE UNIQUE INDEX account_code_live_account ON account_code (account_id)
  WHERE used_at IS NULL AND revoked_at IS NULL AND account_id IS NOT NULL;

-- Bucket4j (PostgreSQL, SELECT ... FOR UPDATE): login attempts per client address, shared by every
-- app node; expires_at (epoch ms) lets a cleanup delete idle buckets
CREATE TABLE login_rate_bucket (
  id          VARCHAR(100) PRIMARY KEY,
  state       BYTEA,
  expires_at  BIGINT
);
CREATE INDEX login_rate_bucket_expires_idx ON login_rate_bucket (expires_at);
