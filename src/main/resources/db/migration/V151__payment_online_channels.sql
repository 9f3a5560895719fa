-- Online payment (issue 15): WeChat Pay and Alipay paid by the resident in the portal are booked
-- through the counter's own rules (same receipt series, oldest charge first, surplus prepaid) by
-- the system cashier 在线支付, whose day opens by itself. Its own channels keep them apart from
-- WeChat/Alipay taken at the counter in the day report and the reconciliation.
ALTER TABLE billing_payment DROP CONSTRAINT billing_payment_channel_check;
ALTER TABLE billing_payment ADD CONSTRAINT billing_payment_channel_check CHECK (
  channel IN ('CASH','BANK_CARD','WECHAT','ALIPAY','TRANSFER','PREPAID','WX_ONLINE','ALI_ONLINE'));

-- the system cashier: a cashier that nobody can sign in as (disabled, no usable password)
INSERT INTO staff (name, on_duty) VALUES ('在线支付', false);
INSERT INTO staff_role (staff_id, role) SELECT id, 'CASHIER' FROM staff WHERE name = '在线支付';
INSERT INTO account (username, password_hash, kind, staff_id, enabled)
  SELECT 'online-payment', '!disabled', 'STAFF', id, false FROM staff WHERE name = '在线支付';

-- an online channel is booked only by the system cashier, and always names the provider's
-- transaction number
CREATE FUNCTION billing_payment_online_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.channel IN ('WX_ONLINE','ALI_ONLINE') AND NOT EXISTS (
       SELECT 1 FROM account WHERE staff_id = NEW.cashier_staff_id AND username = 'online-payment') THEN
    RAISE EXCEPTION 'only the online payment books an online channel'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'billing_payment_online_cashier';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER billing_payment_online_check BEFORE INSERT ON billing_payment
  FOR EACH ROW EXECUTE FUNCTION billing_payment_online_check();
CREATE INDEX billing_payment_online_day_idx ON billing_payment (business_date, community_id)
  WHERE channel IN ('WX_ONLINE','ALI_ONLINE');
