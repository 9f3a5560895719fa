-- Staff notices (员工告示), e.g. the lesson learned from a complaint (CS-8.8): published to all staff
-- of the company or of chosen communities; each recipient acknowledges reading it; the read rate
-- and who has not read it are visible.
CREATE TABLE staff_notice (
  id                     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title                  VARCHAR(200) NOT NULL CHECK (length(trim(title)) > 0),
  what_happened          TEXT         NOT NULL CHECK (length(trim(what_happened)) > 0 AND length(what_happened) <= 4000),
  what_changes           TEXT         NOT NULL CHECK (length(trim(what_changes)) > 0 AND length(what_changes) <= 4000),
  audience               VARCHAR(12)  NOT NULL CHECK (audience IN ('COMPANY', 'COMMUNITIES')),
  source_type            VARCHAR(30),
  source_id              VARCHAR(40),
  link                   VARCHAR(300),
  published_by_staff_id  BIGINT       NOT NULL REFERENCES staff (id),
  published_by_name      VARCHAR(50)  NOT NULL,
  published_at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX staff_notice_source_idx ON staff_notice (source_type, source_id);

CREATE TABLE staff_notice_community (
  notice_id     BIGINT NOT NULL REFERENCES staff_notice (id),
  community_id  BIGINT NOT NULL REFERENCES community (id),
  community_name VARCHAR(100) NOT NULL,
  PRIMARY KEY (notice_id, community_id)
);

-- Who must read it (the active staff of the audience when it was published) and when each acknowledged.
CREATE TABLE staff_notice_recipient (
  notice_id        BIGINT      NOT NULL REFERENCES staff_notice (id),
  staff_id         BIGINT      NOT NULL REFERENCES staff (id),
  staff_name       VARCHAR(50) NOT NULL,
  acknowledged_at  TIMESTAMPTZ,
  PRIMARY KEY (notice_id, staff_id)
);
-- every page asks "what has this person not acknowledged yet?"
CREATE INDEX staff_notice_recipient_pending_idx ON staff_notice_recipient (staff_id, notice_id) WHERE acknowledged_at IS NULL;

-- an acknowledgement, once given, stands: only NULL → a time is allowed
CREATE FUNCTION staff_notice_ack_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.acknowledged_at IS NOT NULL OR NEW.notice_id <> OLD.notice_id OR NEW.staff_id <> OLD.staff_id THEN
    RAISE EXCEPTION 'staff_notice_recipient: an acknowledgement cannot be changed or removed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER staff_notice_recipient_ack_once BEFORE UPDATE OR DELETE ON staff_notice_recipient
  FOR EACH ROW EXECUTE FUNCTION staff_notice_ack_once();
CREATE TRIGGER staff_notice_append_only BEFORE UPDATE OR DELETE ON staff_notice
  FOR EACH ROW EXECUTE FUNCTION refuse_update_or_delete();
