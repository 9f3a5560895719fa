-- Online payment orders (issue 15): what a resident started to pay in the portal, and how it ended.
CREATE TABLE payment_order (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id       BIGINT       NOT NULL REFERENCES community (id),
  unit_id            BIGINT       NOT NULL REFERENCES unit (id),
  resident_id        BIGINT       NOT NULL REFERENCES resident (id),
  provider           VARCHAR(10)  NOT NULL CHECK (provider IN ('WECHAT','ALIPAY')),
  out_trade_no       VARCHAR(32)  NOT NULL CHECK (out_trade_no ~ '^[A-Za-z0-9]{6,32}$'),
  charge_ids         BIGINT[]     NOT NULL,
  amount_fen         BIGINT       NOT NULL CHECK (amount_fen > 0),
  status             VARCHAR(10)  NOT NULL CHECK (status IN ('CREATED','PAID','CLOSED')),
  pay_url            VARCHAR(500),
  transaction_id     VARCHAR(64),
  billing_payment_id BIGINT       REFERENCES billing_payment (id),
  receipt_no         VARCHAR(60),
  created_at         TIMESTAMPTZ  NOT NULL,
  expires_at         TIMESTAMPTZ  NOT NULL,
  settled_at         TIMESTAMPTZ,
  idempotency_key    VARCHAR(64)  NOT NULL CHECK (length(idempotency_key) >= 8),
  version            INT          NOT NULL DEFAULT 0,
  CHECK ((status = 'PAID') = (transaction_id IS NOT NULL AND billing_payment_id IS NOT NULL
                              AND receipt_no IS NOT NULL AND settled_at IS NOT NULL)),
  CHECK (expires_at > created_at),
  CONSTRAINT payment_order_out_trade_no_unique UNIQUE (out_trade_no),
  -- the provider's transaction number settles once: a repeated notification changes nothing
  CONSTRAINT payment_order_transaction_unique UNIQUE (provider, transaction_id),
  CONSTRAINT payment_order_receipt_unique UNIQUE (billing_payment_id),
  CONSTRAINT payment_order_idempotency_unique UNIQUE (resident_id, idempotency_key)
);
CREATE INDEX payment_order_unit_idx ON payment_order (unit_id, id);
CREATE INDEX payment_order_pending_idx ON payment_order (created_at) WHERE status = 'CREATED';

-- every notification received, verified or not (a forged one is refused and kept here)
CREATE TABLE payment_notification (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  provider      VARCHAR(10)  NOT NULL CHECK (provider IN ('WECHAT','ALIPAY')),
  received_at   TIMESTAMPTZ  NOT NULL,
  verified      BOOLEAN      NOT NULL,
  out_trade_no  VARCHAR(32),
  transaction_id VARCHAR(64),
  outcome       VARCHAR(20)  NOT NULL CHECK (outcome IN ('SETTLED','REPEATED','IGNORED','REFUSED')),
  detail        VARCHAR(500),
  remote_addr   VARCHAR(64)
);
CREATE INDEX payment_notification_time_idx ON payment_notification (received_at);
