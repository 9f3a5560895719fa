-- In-app notifications for staff and residents. Texts are message keys with arguments, rendered in
-- the reader's language when shown.
CREATE TABLE notification (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id      BIGINT       NOT NULL REFERENCES account (id),
  message_key     VARCHAR(100) NOT NULL,
  message_args    JSONB        NOT NULL DEFAULT '[]',
  link            VARCHAR(300),
  -- an assignment that stays on screen until the recipient acknowledges it
  requires_ack    BOOLEAN      NOT NULL DEFAULT false,
  source_type     VARCHAR(40),
  source_id       VARCHAR(40),
  created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
  read_at         TIMESTAMPTZ,
  acknowledged_at TIMESTAMPTZ,
  CHECK (acknowledged_at IS NULL OR requires_ack)
);
CREATE INDEX notification_unread_idx ON notification (account_id, id DESC) WHERE read_at IS NULL;
CREATE INDEX notification_account_idx ON notification (account_id, id DESC);
CREATE INDEX notification_source_idx ON notification (source_type, source_id);
