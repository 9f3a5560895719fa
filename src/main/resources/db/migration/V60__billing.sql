-- Billing 收银: rates, meter readings, bills and charges, payments with gap-free receipts, voids
-- (红冲) with a supervisor's approval, the cashier's daily close (日清日结), arrears reminders.
-- Money is NUMERIC(12,2) (yuan, two decimals); unit prices may have four decimals.
-- Issued money records (charges, payments, allocations) are insert-only: a trigger refuses UPDATE
-- and DELETE. A closed day refuses new payments and voids in the database too.

CREATE FUNCTION billing_is_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is insert-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_insert_only';
END;
$$;

-- true if the staff member has one of the roles (the database's own check of who may act)
CREATE FUNCTION billing_staff_has_role(p_staff BIGINT, p_roles TEXT[]) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM staff_role WHERE staff_id = p_staff AND role = ANY (p_roles))
$$;

-- 收费标准: property fee per m² per month, parking per space per month, water per m³, electricity per kWh
CREATE TABLE billing_rate (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id  BIGINT        NOT NULL REFERENCES community (id),
  item          VARCHAR(20)   NOT NULL CHECK (item IN ('PROPERTY_FEE','PARKING','WATER','ELECTRICITY')),
  unit_price    NUMERIC(12,4) NOT NULL CHECK (unit_price > 0),
  valid_from    DATE          NOT NULL,
  created_by    VARCHAR(80)   NOT NULL,
  created_at    TIMESTAMPTZ   NOT NULL,
  CONSTRAINT billing_rate_unique UNIQUE (community_id, item, valid_from)
);

-- a parking space let to a unit (charged per month, pro-rated by days like the property fee)
CREATE TABLE billing_parking_space (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id  BIGINT      NOT NULL REFERENCES community (id),
  unit_id       BIGINT      NOT NULL REFERENCES unit (id),
  space_code    VARCHAR(20) NOT NULL CHECK (length(trim(space_code)) > 0),
  starts        DATE        NOT NULL,
  ends          DATE,
  CHECK (ends IS NULL OR ends >= starts),
  CONSTRAINT billing_parking_space_unique UNIQUE (community_id, space_code, starts)
);
CREATE INDEX billing_parking_space_unit_idx ON billing_parking_space (unit_id);

-- meter readings per unit, meter and period; lower than the previous only with a recorded meter change
CREATE TABLE billing_meter_reading (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id      BIGINT        NOT NULL REFERENCES community (id),
  unit_id           BIGINT        NOT NULL REFERENCES unit (id),
  meter             VARCHAR(12)   NOT NULL CHECK (meter IN ('WATER','ELECTRICITY')),
  period            CHAR(7)       NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  previous_reading  NUMERIC(12,2) NOT NULL CHECK (previous_reading >= 0),
  reading           NUMERIC(12,2) NOT NULL CHECK (reading >= 0),
  meter_changed     BOOLEAN       NOT NULL DEFAULT false,
  old_meter_final   NUMERIC(12,2),
  usage             NUMERIC(12,2) GENERATED ALWAYS AS (
                      CASE WHEN meter_changed THEN old_meter_final - previous_reading + reading
                           ELSE reading - previous_reading END) STORED,
  note              VARCHAR(200),
  recorded_by       VARCHAR(80)   NOT NULL,
  recorded_at       TIMESTAMPTZ   NOT NULL,
  CONSTRAINT billing_meter_reading_unique UNIQUE (unit_id, meter, period),
  CONSTRAINT billing_meter_reading_not_lower CHECK (
       (NOT meter_changed AND old_meter_final IS NULL AND reading >= previous_reading)
    OR (meter_changed AND old_meter_final IS NOT NULL AND old_meter_final >= previous_reading
        AND note IS NOT NULL AND length(trim(note)) > 0))
);

CREATE TABLE billing_run (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id  BIGINT        NOT NULL REFERENCES community (id),
  period        CHAR(7)       NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  bills_created INT           NOT NULL CHECK (bills_created >= 0),
  total         NUMERIC(14,2) NOT NULL CHECK (total >= 0),
  run_by        VARCHAR(80)   NOT NULL,
  run_at        TIMESTAMPTZ   NOT NULL
);

-- a unit's bill for a period: one per unit and period, so a second billing run creates nothing new
CREATE TABLE billing_bill (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id  BIGINT        NOT NULL REFERENCES community (id),
  unit_id       BIGINT        NOT NULL REFERENCES unit (id),
  period        CHAR(7)       NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  total         NUMERIC(12,2) NOT NULL CHECK (total > 0),
  due_date      DATE          NOT NULL,
  run_id        BIGINT        NOT NULL REFERENCES billing_run (id),
  created_at    TIMESTAMPTZ   NOT NULL,
  CONSTRAINT billing_bill_unit_period_unique UNIQUE (unit_id, period)
);
CREATE INDEX billing_bill_community_period_idx ON billing_bill (community_id, period);

-- a charge (应收) on a unit's account: a line of a bill, or a one-off charge (repair, service, deposit)
CREATE TABLE billing_charge (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id   BIGINT        NOT NULL REFERENCES community (id),
  unit_id        BIGINT        NOT NULL REFERENCES unit (id),
  bill_id        BIGINT        REFERENCES billing_bill (id),
  item           VARCHAR(20)   NOT NULL CHECK (item IN ('PROPERTY_FEE','PARKING','WATER','ELECTRICITY','DEPOSIT','REPAIR','CONVENIENCE','OTHER')),
  description    VARCHAR(200)  NOT NULL CHECK (length(trim(description)) > 0),
  period         CHAR(7)       NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  quantity       NUMERIC(12,2),
  unit_price     NUMERIC(12,4),
  amount         NUMERIC(12,2) NOT NULL CHECK (amount > 0),
  due_date       DATE          NOT NULL,
  source_type    VARCHAR(30),
  source_id      VARCHAR(60),
  source_number  VARCHAR(60),
  lines          JSONB,
  created_by     VARCHAR(80)   NOT NULL,
  created_at     TIMESTAMPTZ   NOT NULL,
  CHECK ((source_type IS NULL) = (source_id IS NULL)),
  CHECK (item <> 'DEPOSIT' OR bill_id IS NULL),
  -- exactly one charge per source record: a redelivered ChargeRequested never charges twice
  CONSTRAINT billing_charge_source_unique UNIQUE (source_type, source_id)
);
CREATE INDEX billing_charge_unit_idx ON billing_charge (unit_id, due_date, id);
CREATE INDEX billing_charge_bill_idx ON billing_charge (bill_id);
CREATE INDEX billing_charge_community_period_idx ON billing_charge (community_id, period);
CREATE TRIGGER billing_charge_insert_only BEFORE UPDATE OR DELETE ON billing_charge
  FOR EACH ROW EXECUTE FUNCTION billing_is_insert_only();
CREATE TRIGGER billing_bill_insert_only BEFORE UPDATE OR DELETE ON billing_bill
  FOR EACH ROW EXECUTE FUNCTION billing_is_insert_only();

-- one row per unit: payments of a unit lock it, so the prepaid balance and charges never race
CREATE TABLE billing_account (
  unit_id       BIGINT PRIMARY KEY REFERENCES unit (id),
  community_id  BIGINT NOT NULL REFERENCES community (id)
);

-- the cashier's day (日清日结): OPEN → CLOSED (counted, locked) → SIGNED_OFF (supervisor); a manager may reopen
CREATE TABLE billing_day_close (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cashier_staff_id   BIGINT        NOT NULL REFERENCES staff (id),
  business_date      DATE          NOT NULL,
  status             VARCHAR(12)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED','SIGNED_OFF')),
  totals             JSONB,
  system_cash        NUMERIC(12,2),
  counted_cash       NUMERIC(12,2) CHECK (counted_cash IS NULL OR counted_cash >= 0),
  difference         NUMERIC(12,2),
  explanation        VARCHAR(500),
  bank_deposit       NUMERIC(12,2) CHECK (bank_deposit IS NULL OR bank_deposit >= 0),
  deposit_reference  VARCHAR(64),
  closed_at          TIMESTAMPTZ,
  signed_off_by      BIGINT        REFERENCES staff (id),
  signed_off_by_name VARCHAR(50),
  signed_off_at      TIMESTAMPTZ,
  reopen_count       INT           NOT NULL DEFAULT 0 CHECK (reopen_count >= 0),
  version            INT           NOT NULL DEFAULT 0,
  CONSTRAINT billing_day_close_unique UNIQUE (cashier_staff_id, business_date),
  CHECK (status = 'OPEN' OR (counted_cash IS NOT NULL AND system_cash IS NOT NULL
                             AND difference = counted_cash - system_cash AND closed_at IS NOT NULL)),
  -- any over or short is explained
  CONSTRAINT billing_day_close_difference_explained CHECK (
    difference IS NULL OR difference = 0 OR (explanation IS NOT NULL AND length(trim(explanation)) > 0)),
  CHECK ((status = 'SIGNED_OFF') = (signed_off_by IS NOT NULL)),
  CHECK (signed_off_by IS NULL OR signed_off_by <> cashier_staff_id)
);
CREATE INDEX billing_day_close_status_idx ON billing_day_close (status, business_date);

-- every reopening of a closed day, by a manager, with the reason and what the close said before
CREATE TABLE billing_day_reopen (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day_close_id    BIGINT       NOT NULL REFERENCES billing_day_close (id),
  reopened_by     BIGINT       NOT NULL REFERENCES staff (id),
  reopened_by_name VARCHAR(50) NOT NULL,
  reason          VARCHAR(500) NOT NULL CHECK (length(trim(reason)) > 0),
  previous        JSONB        NOT NULL,
  reopened_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX billing_day_reopen_close_idx ON billing_day_reopen (day_close_id);
CREATE TRIGGER billing_day_reopen_insert_only BEFORE UPDATE OR DELETE ON billing_day_reopen
  FOR EACH ROW EXECUTE FUNCTION billing_is_insert_only();

CREATE FUNCTION billing_day_reopen_by_manager() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT billing_staff_has_role(NEW.reopened_by, ARRAY['MANAGER']) THEN
    RAISE EXCEPTION 'only a manager reopens a closed day'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_day_reopen_manager';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER billing_day_reopen_manager BEFORE INSERT ON billing_day_reopen
  FOR EACH ROW EXECUTE FUNCTION billing_day_reopen_by_manager();

CREATE FUNCTION billing_day_close_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a cashier day is never deleted'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_insert_only';
  END IF;
  IF OLD.status <> 'OPEN' AND NEW.status = 'OPEN' THEN
    -- reopening: only with a reopen record of a manager in the same change
    IF NEW.reopen_count <> OLD.reopen_count + 1
       OR (SELECT count(*) FROM billing_day_reopen WHERE day_close_id = NEW.id) <> NEW.reopen_count THEN
      RAISE EXCEPTION 'a closed day is reopened only by a manager, recorded'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_day_closed';
    END IF;
  ELSIF OLD.status = 'SIGNED_OFF' THEN
    RAISE EXCEPTION 'a signed-off day cannot change'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_day_closed';
  ELSIF OLD.status = 'CLOSED' AND NEW.status = 'CLOSED' AND ROW(NEW.*) IS DISTINCT FROM ROW(OLD.*) THEN
    RAISE EXCEPTION 'a closed day cannot change'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_day_closed';
  END IF;
  IF NEW.status = 'SIGNED_OFF' AND OLD.status <> 'SIGNED_OFF'
     AND NOT billing_staff_has_role(NEW.signed_off_by, ARRAY['SUPERVISOR','MANAGER']) THEN
    RAISE EXCEPTION 'only a supervisor signs off a day'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_day_signoff_supervisor';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER billing_day_close_transition BEFORE UPDATE OR DELETE ON billing_day_close
  FOR EACH ROW EXECUTE FUNCTION billing_day_close_transition();

-- Refuses a change to a cashier's closed day. Creates the day's row if missing and locks it, so a
-- payment and the close of the same day never interleave.
CREATE FUNCTION billing_require_open_day(p_cashier BIGINT, p_date DATE) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  s TEXT;
BEGIN
  INSERT INTO billing_day_close (cashier_staff_id, business_date) VALUES (p_cashier, p_date)
    ON CONFLICT (cashier_staff_id, business_date) DO NOTHING;
  SELECT status INTO s FROM billing_day_close
    WHERE cashier_staff_id = p_cashier AND business_date = p_date FOR SHARE;
  IF s <> 'OPEN' THEN
    RAISE EXCEPTION 'the day % of cashier % is closed', p_date, p_cashier
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_day_closed';
  END IF;
END;
$$;

-- a payment (收款) or a deposit refund (退款), with its receipt number; never edited
CREATE TABLE billing_payment (
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id        BIGINT        NOT NULL REFERENCES community (id),
  unit_id             BIGINT        NOT NULL REFERENCES unit (id),
  kind                VARCHAR(10)   NOT NULL CHECK (kind IN ('PAYMENT','REFUND')),
  cashier_staff_id    BIGINT        NOT NULL REFERENCES staff (id),
  cashier_name        VARCHAR(50)   NOT NULL,
  payer_name          VARCHAR(50),
  channel             VARCHAR(12)   NOT NULL CHECK (channel IN ('CASH','BANK_CARD','WECHAT','ALIPAY','TRANSFER','PREPAID')),
  reference           VARCHAR(64),
  amount_due          NUMERIC(12,2) NOT NULL CHECK (amount_due >= 0),
  amount              NUMERIC(12,2) NOT NULL CHECK (amount > 0),
  tendered            NUMERIC(12,2) NOT NULL,
  change_given        NUMERIC(12,2) NOT NULL,
  refund_of_charge_id BIGINT        REFERENCES billing_charge (id),
  business_date       DATE          NOT NULL,
  paid_at             TIMESTAMPTZ   NOT NULL,
  idempotency_key     VARCHAR(64)   NOT NULL CHECK (length(idempotency_key) >= 8),
  receipt_series      VARCHAR(60)   NOT NULL,
  receipt_number      BIGINT        NOT NULL CHECK (receipt_number > 0),
  receipt_no          VARCHAR(60)   NOT NULL,
  -- 唱收唱付 (CA-1): tendered covers the amount; the change is exactly tendered minus amount
  CONSTRAINT billing_payment_tendered CHECK (tendered >= amount AND change_given = tendered - amount),
  CHECK (channel = 'CASH' OR change_given = 0),
  CONSTRAINT billing_payment_transfer_reference CHECK (
    channel <> 'TRANSFER' OR (reference IS NOT NULL AND length(trim(reference)) > 0)),
  CHECK ((kind = 'REFUND') = (refund_of_charge_id IS NOT NULL)),
  CHECK (kind = 'PAYMENT' OR channel <> 'PREPAID'),
  -- a retried submission (same cashier, same key) is the same payment
  CONSTRAINT billing_payment_idempotency_unique UNIQUE (cashier_staff_id, idempotency_key),
  CONSTRAINT billing_payment_receipt_unique UNIQUE (receipt_series, receipt_number),
  CONSTRAINT billing_payment_receipt_no_unique UNIQUE (receipt_no)
);
CREATE INDEX billing_payment_refund_idx ON billing_payment (refund_of_charge_id) WHERE refund_of_charge_id IS NOT NULL;
CREATE INDEX billing_payment_unit_idx ON billing_payment (unit_id, id);
CREATE INDEX billing_payment_day_idx ON billing_payment (cashier_staff_id, business_date);
CREATE INDEX billing_payment_community_day_idx ON billing_payment (community_id, business_date);
CREATE TRIGGER billing_payment_insert_only BEFORE UPDATE OR DELETE ON billing_payment
  FOR EACH ROW EXECUTE FUNCTION billing_is_insert_only();

CREATE FUNCTION billing_payment_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- CA-4: only cashiers take money
  IF NOT billing_staff_has_role(NEW.cashier_staff_id, ARRAY['CASHIER']) THEN
    RAISE EXCEPTION 'only a cashier records payments'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_payment_cashier';
  END IF;
  PERFORM billing_require_open_day(NEW.cashier_staff_id, NEW.business_date);
  RETURN NEW;
END;
$$;
CREATE TRIGGER billing_payment_check BEFORE INSERT ON billing_payment
  FOR EACH ROW EXECUTE FUNCTION billing_payment_check();

-- which charges a payment settled (the rest of a payment is prepaid balance 预存)
CREATE TABLE billing_allocation (
  payment_id  BIGINT        NOT NULL REFERENCES billing_payment (id),
  charge_id   BIGINT        NOT NULL REFERENCES billing_charge (id),
  amount      NUMERIC(12,2) NOT NULL CHECK (amount > 0),
  PRIMARY KEY (payment_id, charge_id)
);
CREATE INDEX billing_allocation_charge_idx ON billing_allocation (charge_id);
CREATE TRIGGER billing_allocation_insert_only BEFORE UPDATE OR DELETE ON billing_allocation
  FOR EACH ROW EXECUTE FUNCTION billing_is_insert_only();

-- 红冲: a void of a receipt, requested with a reason, approved (or rejected) by a supervisor or manager
CREATE TABLE billing_void (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payment_id         BIGINT       NOT NULL REFERENCES billing_payment (id),
  reason             VARCHAR(500) NOT NULL CHECK (length(trim(reason)) > 0),
  status             VARCHAR(10)  NOT NULL CHECK (status IN ('PENDING','APPROVED','REJECTED')),
  requested_by       BIGINT       NOT NULL REFERENCES staff (id),
  requested_by_name  VARCHAR(50)  NOT NULL,
  requested_at       TIMESTAMPTZ  NOT NULL,
  decided_by         BIGINT       REFERENCES staff (id),
  decided_by_name    VARCHAR(50),
  decided_at         TIMESTAMPTZ,
  decision_note      VARCHAR(500),
  version            INT          NOT NULL DEFAULT 0,
  CHECK ((status = 'PENDING') = (decided_by IS NULL)),
  CHECK ((decided_by IS NULL) = (decided_at IS NULL)),
  -- four eyes: nobody approves their own void
  CONSTRAINT billing_void_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by)
);
CREATE UNIQUE INDEX billing_void_one_active ON billing_void (payment_id) WHERE status IN ('PENDING','APPROVED');
CREATE INDEX billing_void_pending_idx ON billing_void (status, id);

CREATE FUNCTION billing_void_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a void is never deleted'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_insert_only';
  END IF;
  IF TG_OP = 'INSERT' AND NEW.status <> 'PENDING' THEN
    RAISE EXCEPTION 'a void starts as a request; only a supervisor''s approval makes it effective'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_void_supervisor';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD.status <> 'PENDING' OR OLD.payment_id <> NEW.payment_id OR OLD.reason <> NEW.reason
       OR OLD.requested_by <> NEW.requested_by THEN
      RAISE EXCEPTION 'a decided void cannot change'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_void_decided';
    END IF;
    IF NEW.status = 'APPROVED' AND NOT billing_staff_has_role(NEW.decided_by, ARRAY['SUPERVISOR','MANAGER']) THEN
      RAISE EXCEPTION 'a void needs a supervisor''s approval'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_void_supervisor';
    END IF;
  END IF;
  IF NEW.status IN ('PENDING','APPROVED') THEN
    SELECT cashier_staff_id, business_date INTO p FROM billing_payment WHERE id = NEW.payment_id;
    PERFORM billing_require_open_day(p.cashier_staff_id, p.business_date);
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER billing_void_check BEFORE INSERT OR UPDATE OR DELETE ON billing_void
  FOR EACH ROW EXECUTE FUNCTION billing_void_check();

-- each printing of a receipt; copy 1 is the original, later copies are reprints (补打)
CREATE TABLE billing_receipt_print (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  payment_id  BIGINT      NOT NULL REFERENCES billing_payment (id),
  copy_no     INT         NOT NULL CHECK (copy_no >= 1),
  format      VARCHAR(6)  NOT NULL CHECK (format IN ('A4','80MM')),
  printed_by  VARCHAR(80) NOT NULL,
  printed_at  TIMESTAMPTZ NOT NULL,
  CONSTRAINT billing_receipt_print_unique UNIQUE (payment_id, copy_no)
);
CREATE TRIGGER billing_receipt_print_insert_only BEFORE UPDATE OR DELETE ON billing_receipt_print
  FOR EACH ROW EXECUTE FUNCTION billing_is_insert_only();

-- arrears reminders (催缴通知), printable and shown in the resident's portal
CREATE TABLE billing_reminder (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id  BIGINT        NOT NULL REFERENCES community (id),
  unit_id       BIGINT        NOT NULL REFERENCES unit (id),
  amount        NUMERIC(12,2) NOT NULL CHECK (amount > 0),
  oldest_due    DATE          NOT NULL,
  details       JSONB         NOT NULL,
  issued_by     VARCHAR(80)   NOT NULL,
  issued_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX billing_reminder_unit_idx ON billing_reminder (unit_id, id DESC);

-- what is still owed on each charge: paid counts only payments that are not voided
CREATE VIEW billing_valid_payment AS
  SELECT p.*, EXISTS (SELECT 1 FROM billing_void v WHERE v.payment_id = p.id AND v.status = 'APPROVED') AS voided
  FROM billing_payment p;

CREATE VIEW billing_charge_balance AS
  SELECT c.*,
         COALESCE(paid.amount, 0) AS paid,
         c.amount - COALESCE(paid.amount, 0) AS outstanding
  FROM billing_charge c
  LEFT JOIN LATERAL (
    SELECT sum(a.amount) AS amount FROM billing_allocation a
    WHERE a.charge_id = c.id
      AND NOT EXISTS (SELECT 1 FROM billing_void v WHERE v.payment_id = a.payment_id AND v.status = 'APPROVED')
  ) paid ON true;

-- no charge is ever paid more than its amount (the service locks the unit's account; this is the backstop)
CREATE FUNCTION billing_allocation_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT outstanding FROM billing_charge_balance WHERE id = NEW.charge_id) < 0 THEN
    RAISE EXCEPTION 'charge % would be paid more than its amount', NEW.charge_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_allocation_overpaid';
  END IF;
  RETURN NEW;
END;
$$;
CREATE CONSTRAINT TRIGGER billing_allocation_overpaid AFTER INSERT ON billing_allocation
  FOR EACH ROW EXECUTE FUNCTION billing_allocation_check();
