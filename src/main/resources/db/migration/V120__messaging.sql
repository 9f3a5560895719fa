-- Outbound messages (module messaging): what the areas' events cause to be sent to residents and
-- staff by SMS, WeChat and e-mail. A message is recorded in the same transaction as the event that
-- causes it (a transactional outbox), one row per recipient, idempotent on the cause; each channel
-- it goes to is a delivery, sent after commit by a sender that claims due rows with
-- FOR UPDATE SKIP LOCKED; every step of a delivery is kept in its append-only log.

-- A person's messaging settings: language, e-mail, the WeChat account bound by scanning the portal's
-- QR code, own quiet hours (none: the default). A resident or a staff member, never both.
CREATE TABLE messaging_contact (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resident_id     BIGINT REFERENCES resident (id),
  staff_id        BIGINT REFERENCES staff (id),
  language        VARCHAR(2)   NOT NULL DEFAULT 'zh' CHECK (language IN ('zh', 'en')),
  email           VARCHAR(254) CHECK (email IS NULL OR email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  wechat_openid   VARCHAR(64)  CHECK (wechat_openid IS NULL OR wechat_openid ~ '^[A-Za-z0-9_-]+$'),
  wechat_bound_at TIMESTAMPTZ,
  quiet_start     TIME,
  quiet_end       TIME,
  version         INT          NOT NULL DEFAULT 0,
  CHECK ((resident_id IS NULL) <> (staff_id IS NULL)),
  CHECK ((quiet_start IS NULL) = (quiet_end IS NULL)),
  CHECK (quiet_start IS NULL OR quiet_start <> quiet_end),
  CHECK ((wechat_openid IS NULL) = (wechat_bound_at IS NULL))
);
CREATE UNIQUE INDEX messaging_contact_resident_unique ON messaging_contact (resident_id) WHERE resident_id IS NOT NULL;
CREATE UNIQUE INDEX messaging_contact_staff_unique ON messaging_contact (staff_id) WHERE staff_id IS NOT NULL;
-- one WeChat account is bound to one person
CREATE UNIQUE INDEX messaging_contact_openid_unique ON messaging_contact (wechat_openid) WHERE wechat_openid IS NOT NULL;

-- The kinds a person does not want (opt-out). Key pickups (CS-K5), emergency dispatches and
-- deadline breaches are always sent: the database refuses an opt-out of them too.
CREATE TABLE messaging_opt_out (
  contact_id  BIGINT      NOT NULL REFERENCES messaging_contact (id) ON DELETE CASCADE,
  kind        VARCHAR(30) NOT NULL CHECK (kind IN ('REPAIR_DISPATCHED', 'REPAIR_ON_THE_WAY', 'REPAIR_COMPLETED',
                'INQUIRY_ANSWERED', 'COMPLAINT_COMMITMENT', 'COMPLAINT_OUTCOME', 'BILL_ISSUED', 'ARREARS_REMINDER',
                'CONVENIENCE_ORDER', 'ANNOUNCEMENT')),
  created_at  TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (contact_id, kind)
);

-- A pending WeChat binding: the scene of the parametric QR code shown in the portal. Used once,
-- within its lifetime.
CREATE TABLE messaging_wechat_binding (
  token        VARCHAR(40)  PRIMARY KEY CHECK (token ~ '^[A-Za-z0-9_-]+$'),
  resident_id  BIGINT       NOT NULL REFERENCES resident (id),
  created_at   TIMESTAMPTZ  NOT NULL,
  expires_at   TIMESTAMPTZ  NOT NULL CHECK (expires_at > created_at),
  used_at      TIMESTAMPTZ,
  openid       VARCHAR(64),
  CHECK ((used_at IS NULL) = (openid IS NULL))
);
CREATE INDEX messaging_wechat_binding_resident_idx ON messaging_wechat_binding (resident_id, created_at DESC);

-- Sender settings: the company's (community_id NULL) and a community's own, which wins.
CREATE TABLE messaging_sender (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id   BIGINT       REFERENCES community (id),
  sms_sign_name  VARCHAR(30)  CHECK (sms_sign_name IS NULL OR length(trim(sms_sign_name)) BETWEEN 2 AND 30),
  email_from     VARCHAR(254) CHECK (email_from IS NULL OR email_from ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
  version        INT          NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX messaging_sender_scope_unique ON messaging_sender (COALESCE(community_id, 0));

-- The provider's template of a kind: an Aliyun SMS template code (SMS_…) or a WeChat template id
-- with its field mapping.
CREATE TABLE messaging_template (
  sender_id  BIGINT       NOT NULL REFERENCES messaging_sender (id) ON DELETE CASCADE,
  kind       VARCHAR(30)  NOT NULL,
  channel    VARCHAR(10)  NOT NULL CHECK (channel IN ('SMS', 'WECHAT')),
  template   VARCHAR(300) NOT NULL CHECK (length(trim(template)) > 0),
  PRIMARY KEY (sender_id, kind, channel),
  CHECK (channel <> 'SMS' OR template ~ '^SMS_[0-9A-Za-z_]+$')
);

-- One message to one recipient: what to say (a kind and its arguments, rendered in the recipient's
-- language when sent and when shown), to whom, about what. The idempotency key is the cause (the
-- event) and the recipient: recording the same event twice records one message.
CREATE TABLE messaging_message (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  idempotency_key  VARCHAR(200) NOT NULL CONSTRAINT messaging_message_key_unique UNIQUE,
  kind             VARCHAR(30)  NOT NULL CHECK (kind IN ('REPAIR_DISPATCHED', 'REPAIR_ON_THE_WAY', 'REPAIR_COMPLETED',
                     'INQUIRY_ANSWERED', 'COMPLAINT_COMMITMENT', 'COMPLAINT_OUTCOME', 'KEY_PICKUP', 'BILL_ISSUED',
                     'ARREARS_REMINDER', 'CONVENIENCE_ORDER', 'ANNOUNCEMENT', 'EMERGENCY_DISPATCH', 'DEADLINE_BREACH')),
  community_id     BIGINT       NOT NULL REFERENCES community (id),
  resident_id      BIGINT       REFERENCES resident (id),
  staff_id         BIGINT       REFERENCES staff (id),
  recipient_name   VARCHAR(50),
  -- a caller recorded without a resident record is reached on the phone they left
  phone            VARCHAR(11)  CHECK (phone IS NULL OR phone ~ '^1[3-9][0-9]{9}$'),
  language         VARCHAR(2)   NOT NULL CHECK (language IN ('zh', 'en')),
  args             JSONB        NOT NULL,
  link             VARCHAR(300),
  subject_type     VARCHAR(40)  NOT NULL,
  subject_id       VARCHAR(40)  NOT NULL,
  opted_out        BOOLEAN      NOT NULL DEFAULT false,
  created_at       TIMESTAMPTZ  NOT NULL,
  CHECK (num_nonnulls(resident_id, staff_id) <= 1),
  CHECK (resident_id IS NOT NULL OR staff_id IS NOT NULL OR phone IS NOT NULL),
  CHECK (NOT opted_out OR kind NOT IN ('KEY_PICKUP', 'EMERGENCY_DISPATCH', 'DEADLINE_BREACH'))
);
CREATE INDEX messaging_message_community_idx ON messaging_message (community_id, id DESC);
CREATE INDEX messaging_message_resident_idx ON messaging_message (resident_id, id DESC) WHERE resident_id IS NOT NULL;
CREATE INDEX messaging_message_subject_idx ON messaging_message (subject_type, subject_id);

-- A message on one channel. OFF: the channel is not configured (or has no template for the kind):
-- recorded only, shown on the outbox page as what would have been sent. HELD: waiting for the end
-- of the recipient's quiet hours (or the announcement's start). SENDING: claimed by a sender until
-- lease_until; a sender that finds the lease expired takes it over. The provider's idempotency key
-- is 'm' || message_id || channel letter (Aliyun OutId, WeChat client_msg_id, e-mail Message-ID).
CREATE TABLE messaging_delivery (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id       BIGINT       NOT NULL REFERENCES messaging_message (id),
  channel          VARCHAR(10)  NOT NULL CHECK (channel IN ('SMS', 'WECHAT', 'EMAIL')),
  address          VARCHAR(254) NOT NULL,
  state            VARCHAR(10)  NOT NULL CHECK (state IN ('OFF', 'HELD', 'QUEUED', 'SENDING', 'SENT', 'FAILED', 'GAVE_UP', 'CANCELLED')),
  off_reason       VARCHAR(20)  CHECK (off_reason IN ('CHANNEL_OFF', 'NO_TEMPLATE', 'NO_SENDER')),
  attempts         INT          NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 100),
  next_attempt_at  TIMESTAMPTZ,
  lease_until      TIMESTAMPTZ,
  provider_ref     VARCHAR(100),
  last_answer      VARCHAR(500),
  sent_at          TIMESTAMPTZ,
  version          INT          NOT NULL DEFAULT 0,
  CONSTRAINT messaging_delivery_once UNIQUE (message_id, channel),
  CHECK ((state IN ('HELD', 'QUEUED', 'FAILED')) = (next_attempt_at IS NOT NULL)),
  CHECK ((state = 'SENDING') = (lease_until IS NOT NULL)),
  CHECK ((state = 'SENT') = (sent_at IS NOT NULL)),
  CHECK ((state = 'OFF') = (off_reason IS NOT NULL)),
  CHECK (state IN ('OFF', 'HELD', 'QUEUED', 'CANCELLED') OR attempts > 0)
);
CREATE INDEX messaging_delivery_due_idx ON messaging_delivery (next_attempt_at) WHERE state IN ('HELD', 'QUEUED', 'FAILED');
CREATE INDEX messaging_delivery_lease_idx ON messaging_delivery (lease_until) WHERE state = 'SENDING';

-- Every step of a delivery: recorded, held, each attempt, sent (with the provider's reference),
-- failed (with the provider's answer), retry, given up, taken over after a sender stopped. Append-only.
CREATE TABLE messaging_delivery_log (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  delivery_id  BIGINT       NOT NULL REFERENCES messaging_delivery (id),
  at           TIMESTAMPTZ  NOT NULL,
  event        VARCHAR(12)  NOT NULL CHECK (event IN ('QUEUED', 'HELD', 'OFF', 'ATTEMPT', 'TAKEN_OVER', 'SENT',
                 'FOUND_SENT', 'FAILED', 'RETRY', 'GAVE_UP', 'CANCELLED')),
  attempt      INT,
  detail       VARCHAR(500),
  -- held until, or tried again at
  until_at     TIMESTAMPTZ
);
CREATE INDEX messaging_delivery_log_delivery_idx ON messaging_delivery_log (delivery_id, id);

CREATE FUNCTION messaging_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER messaging_delivery_log_append_only BEFORE UPDATE OR DELETE ON messaging_delivery_log
  FOR EACH ROW EXECUTE FUNCTION messaging_log_append_only();
