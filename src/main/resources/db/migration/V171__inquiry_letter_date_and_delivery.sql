-- CS-Q1 written consultations: the date the letter arrived (the two days run from it) and how the
-- reply letter was delivered (handed over, mailbox, post, portal).
ALTER TABLE inquiry ADD COLUMN letter_received_on DATE;
ALTER TABLE inquiry ADD CONSTRAINT inquiry_letter_date_only_letters
  CHECK (letter_received_on IS NULL OR channel = 'LETTER');
-- new letters carry their arrival date (older rows were registered on the day they arrived)
ALTER TABLE inquiry ADD CONSTRAINT inquiry_letter_date_required
  CHECK (channel <> 'LETTER' OR letter_received_on IS NOT NULL) NOT VALID;

-- One delivery per written consultation, recorded once the reply letter went out; append-only.
CREATE TABLE inquiry_reply_delivery (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inquiry_id    BIGINT      NOT NULL REFERENCES inquiry (id),
  method        VARCHAR(12) NOT NULL CHECK (method IN ('HANDED_OVER', 'MAILBOX', 'POST', 'PORTAL')),
  delivered_on  DATE        NOT NULL,
  staff_id      BIGINT      NOT NULL REFERENCES staff (id),
  actor_name    VARCHAR(50) NOT NULL,
  recorded_at   TIMESTAMPTZ NOT NULL,
  CONSTRAINT inquiry_reply_delivery_once UNIQUE (inquiry_id)
);
CREATE TRIGGER inquiry_reply_delivery_append_only BEFORE UPDATE OR DELETE ON inquiry_reply_delivery
  FOR EACH ROW EXECUTE FUNCTION refuse_update_or_delete();
