-- A report may carry the reporter's idempotency key (the Idempotency-Key header of the API, a key
-- per rendered form on the pages): a retry with the same key by the same reporter finds the first
-- order instead of creating a second. The unique indexes decide a race; orders without a key (most
-- of them) are not indexed.
ALTER TABLE repair_order ADD COLUMN idempotency_key VARCHAR(64)
  CONSTRAINT repair_order_idempotency_key_check CHECK (length(idempotency_key) >= 8);
CREATE UNIQUE INDEX repair_order_resident_idempotency_unique
  ON repair_order (reporter_resident_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE UNIQUE INDEX repair_order_staff_idempotency_unique
  ON repair_order (reporter_staff_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
