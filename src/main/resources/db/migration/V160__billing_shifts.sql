-- Cashier shifts (班次, 交接班): a cashier's day has one or more shifts, each with its own close and
-- hand-over (cash counted against the system, handed to a named colleague). Closing the morning
-- shift does not close the day: the next payment opens the afternoon shift. The day close (CA-3)
-- closes the shift still open that day as its last one. Every receipt belongs to a shift that was
-- open when it was issued, of the same cashier and business day; a closed shift never changes.

CREATE TABLE billing_shift (
  id                   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  cashier_staff_id     BIGINT        NOT NULL REFERENCES staff (id),
  business_date        DATE          NOT NULL,
  seq                  INT           NOT NULL CHECK (seq >= 1),
  status               VARCHAR(8)    NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
  opened_at            TIMESTAMPTZ   NOT NULL,
  closed_at            TIMESTAMPTZ,
  system_cash          NUMERIC(12,2),
  counted_cash         NUMERIC(12,2),
  difference           NUMERIC(12,2),
  explanation          VARCHAR(500),
  -- handed over to a colleague (交班), or closed by the day close (the cash goes into the day's count)
  handed_to_staff_id   BIGINT        REFERENCES staff (id),
  handed_to_name       VARCHAR(50),
  closed_by_day        BOOLEAN       NOT NULL DEFAULT false,
  version              INT           NOT NULL DEFAULT 0,
  CONSTRAINT billing_shift_seq_unique UNIQUE (cashier_staff_id, business_date, seq),
  CONSTRAINT billing_shift_closed_counted CHECK (
    (status = 'OPEN' AND closed_at IS NULL AND counted_cash IS NULL AND handed_to_staff_id IS NULL AND NOT closed_by_day)
    OR (status = 'CLOSED' AND closed_at IS NOT NULL AND closed_at >= opened_at AND system_cash IS NOT NULL
        AND counted_cash IS NOT NULL AND difference = counted_cash - system_cash)),
  -- a hand-over names who took the cash, never the cashier themself; a day close hands to nobody
  CONSTRAINT billing_shift_handover CHECK (
    status = 'OPEN'
    OR (closed_by_day AND handed_to_staff_id IS NULL)
    OR (NOT closed_by_day AND handed_to_staff_id IS NOT NULL AND handed_to_staff_id <> cashier_staff_id
        AND handed_to_name IS NOT NULL AND counted_cash >= 0)),
  CONSTRAINT billing_shift_difference_explained CHECK (
    difference IS NULL OR difference = 0 OR closed_by_day
    OR (explanation IS NOT NULL AND length(trim(explanation)) > 0))
);
-- one open shift per cashier and business day (a day left unclosed keeps its shift until that day's
-- close, as an unclosed day never stopped the next one)
CREATE UNIQUE INDEX billing_shift_one_open ON billing_shift (cashier_staff_id, business_date) WHERE status = 'OPEN';
CREATE INDEX billing_shift_day_idx ON billing_shift (cashier_staff_id, business_date, seq);

CREATE FUNCTION billing_shift_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a shift is never deleted'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_insert_only';
  END IF;
  IF OLD.status = 'CLOSED' THEN
    RAISE EXCEPTION 'a closed shift cannot change'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_shift_closed';
  END IF;
  IF NEW.cashier_staff_id <> OLD.cashier_staff_id OR NEW.business_date <> OLD.business_date
     OR NEW.seq <> OLD.seq OR NEW.opened_at <> OLD.opened_at THEN
    RAISE EXCEPTION 'a shift keeps its cashier, day and number'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_shift_closed';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER billing_shift_transition BEFORE UPDATE OR DELETE ON billing_shift
  FOR EACH ROW EXECUTE FUNCTION billing_shift_transition();

CREATE FUNCTION billing_shift_opens_only_cashiers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'OPEN' OR NOT billing_staff_has_role(NEW.cashier_staff_id, ARRAY['CASHIER']) THEN
    RAISE EXCEPTION 'a shift is opened by a cashier, open'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_shift_cashier';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER billing_shift_opens_only_cashiers BEFORE INSERT ON billing_shift
  FOR EACH ROW EXECUTE FUNCTION billing_shift_opens_only_cashiers();

-- every receipt belongs to a shift (receipts issued before shifts existed have none: NOT VALID)
ALTER TABLE billing_payment ADD COLUMN shift_id BIGINT REFERENCES billing_shift (id);
ALTER TABLE billing_payment ADD CONSTRAINT billing_payment_shift_required CHECK (shift_id IS NOT NULL) NOT VALID;
CREATE INDEX billing_payment_shift_idx ON billing_payment (shift_id) WHERE shift_id IS NOT NULL;

-- the receipt's shift is open, the cashier's own and of the receipt's business day; the shift is
-- share-locked, so its close waits for a payment being booked
CREATE FUNCTION billing_payment_in_open_shift() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s RECORD;
BEGIN
  SELECT status, cashier_staff_id, business_date INTO s FROM billing_shift WHERE id = NEW.shift_id FOR SHARE;
  IF NOT FOUND OR s.status <> 'OPEN' OR s.cashier_staff_id <> NEW.cashier_staff_id
     OR s.business_date <> NEW.business_date THEN
    RAISE EXCEPTION 'a receipt belongs to an open shift of its cashier and day (shift %)', NEW.shift_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_payment_shift_open';
  END IF;
  RETURN NEW;
END;
$$;
-- named after billing_payment_check, so the day's own check (a closed day) answers first
CREATE TRIGGER billing_payment_shift BEFORE INSERT ON billing_payment
  FOR EACH ROW EXECUTE FUNCTION billing_payment_in_open_shift();

-- a void (requested or approved) changes its receipt's shift: only while that shift is open
CREATE FUNCTION billing_void_shift_open() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IN ('PENDING','APPROVED') AND EXISTS (
       SELECT 1 FROM billing_payment p JOIN billing_shift s ON s.id = p.shift_id
       WHERE p.id = NEW.payment_id AND s.status <> 'OPEN') THEN
    RAISE EXCEPTION 'the shift of this receipt is closed (handed over)'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_void_shift_closed';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER billing_void_shift BEFORE INSERT OR UPDATE ON billing_void
  FOR EACH ROW EXECUTE FUNCTION billing_void_shift_open();
