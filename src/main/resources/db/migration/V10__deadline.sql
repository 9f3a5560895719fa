-- Deadline clocks: start with a target, pause with a recorded reason, resume, stop. The event log is
-- the truth; the clock row keeps the derived due time and the next escalation for the sweep.
CREATE TABLE deadline_clock (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject_type       VARCHAR(30)  NOT NULL,
  subject_id         VARCHAR(40)  NOT NULL,
  purpose            VARCHAR(30)  NOT NULL,
  label              VARCHAR(200) NOT NULL,
  link               VARCHAR(300),
  community_id       BIGINT       NOT NULL REFERENCES community (id),
  assignee_staff_id  BIGINT REFERENCES staff (id),
  started_at         TIMESTAMPTZ  NOT NULL,
  target_seconds     BIGINT       NOT NULL CHECK (target_seconds > 0),
  state              VARCHAR(10)  NOT NULL CHECK (state IN ('RUNNING', 'PAUSED', 'STOPPED')),
  paused_seconds     BIGINT       NOT NULL DEFAULT 0 CHECK (paused_seconds >= 0),
  paused_since       TIMESTAMPTZ,
  due_at             TIMESTAMPTZ  NOT NULL,
  stopped_at         TIMESTAMPTZ,
  next_level         VARCHAR(12) CHECK (next_level IN ('WARNING', 'BREACH', 'ESCALATION')),
  next_fire_at       TIMESTAMPTZ,
  version            INT          NOT NULL DEFAULT 0,
  CONSTRAINT deadline_clock_subject_unique UNIQUE (subject_type, subject_id, purpose),
  CHECK ((state = 'PAUSED') = (paused_since IS NOT NULL)),
  CHECK ((state = 'STOPPED') = (stopped_at IS NOT NULL)),
  CHECK ((next_level IS NULL) = (next_fire_at IS NULL))
);
CREATE INDEX deadline_clock_sweep_idx ON deadline_clock (next_fire_at) WHERE state = 'RUNNING' AND next_fire_at IS NOT NULL;
CREATE INDEX deadline_clock_open_due_idx ON deadline_clock (community_id, due_at) WHERE state <> 'STOPPED';

CREATE TABLE deadline_clock_event (
  id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  clock_id  BIGINT       NOT NULL REFERENCES deadline_clock (id),
  type      VARCHAR(12)  NOT NULL CHECK (type IN ('STARTED', 'PAUSED', 'RESUMED', 'STOPPED', 'REOPENED', 'ASSIGNED')),
  at        TIMESTAMPTZ  NOT NULL,
  reason    VARCHAR(40),
  note      VARCHAR(500),
  actor     VARCHAR(120) NOT NULL,
  CHECK (type <> 'PAUSED' OR reason IS NOT NULL)
);
CREATE INDEX deadline_clock_event_clock_idx ON deadline_clock_event (clock_id, id);
-- A generic guard for append-only tables (any area may use it for its own logs).
CREATE FUNCTION refuse_update_or_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER deadline_clock_event_no_update BEFORE UPDATE OR DELETE ON deadline_clock_event
  FOR EACH ROW EXECUTE FUNCTION refuse_update_or_delete();

-- Each escalation level fires once per clock, whatever the number of app nodes sweeping.
CREATE TABLE deadline_escalation (
  clock_id  BIGINT      NOT NULL REFERENCES deadline_clock (id),
  level     VARCHAR(12) NOT NULL CHECK (level IN ('WARNING', 'BREACH', 'ESCALATION')),
  fired_at  TIMESTAMPTZ NOT NULL,
  notified  INT         NOT NULL,
  PRIMARY KEY (clock_id, level)
);
