-- Card, WeChat Pay, Alipay and bank transfer at the counter name their transaction reference
-- (交易单号): without it the payment cannot be matched to the provider's statement (issue 15).
-- NOT VALID: receipts recorded before this rule stay as they were; every new row is checked.
ALTER TABLE billing_payment
  ADD CONSTRAINT billing_payment_reference_required CHECK (
    channel IN ('CASH','PREPAID') OR (reference IS NOT NULL AND length(trim(reference)) > 0)) NOT VALID;
