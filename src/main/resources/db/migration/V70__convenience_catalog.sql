-- Convenience services (便民服务): the catalog of services each community offers (CS-S1…CS-S3).
-- A service is free (no price) or has a listed price per unit (次, 小时, 台); it states its time
-- promise (CS-S2 timeliness), whether it is noisy (then only in the community's allowed hours,
-- CS-S2 no disturbance), and who provides it: a staff role or a named partner.
CREATE TABLE convenience_service (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id     BIGINT        NOT NULL REFERENCES community (id),
  name             VARCHAR(50)   NOT NULL CHECK (length(trim(name)) > 0),
  description      VARCHAR(300),
  -- NULL: free of charge; otherwise the listed price per price_unit, in yuan
  price            NUMERIC(10,2) CHECK (price IS NULL OR price > 0),
  price_unit       VARCHAR(10)   CHECK (price_unit IS NULL OR length(trim(price_unit)) > 0),
  promise_minutes  INT           NOT NULL CHECK (promise_minutes BETWEEN 10 AND 10080),
  noisy            BOOLEAN       NOT NULL DEFAULT false,
  provider_kind    VARCHAR(10)   NOT NULL CHECK (provider_kind IN ('ROLE', 'PARTNER')),
  provider_role    VARCHAR(30)   CHECK (provider_role IN ('CUSTOMER_SERVICE','CASHIER','TECHNICIAN','SECURITY','SUPERVISOR','MANAGER')),
  partner_name     VARCHAR(100),
  partner_phone    VARCHAR(20)   CHECK (partner_phone IS NULL OR partner_phone ~ '^[0-9][0-9 -]{4,19}$'),
  active           BOOLEAN       NOT NULL DEFAULT true,
  position         INT           NOT NULL DEFAULT 0,
  created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
  version          INT           NOT NULL DEFAULT 0,
  CONSTRAINT convenience_service_name_unique UNIQUE (community_id, name),
  CONSTRAINT convenience_service_price_unit CHECK ((price IS NULL) = (price_unit IS NULL)),
  CONSTRAINT convenience_service_provider CHECK (
       (provider_kind = 'ROLE' AND provider_role IS NOT NULL AND partner_name IS NULL AND partner_phone IS NULL)
    OR (provider_kind = 'PARTNER' AND provider_role IS NULL AND partner_name IS NOT NULL AND length(trim(partner_name)) > 0))
);
CREATE INDEX convenience_service_community_idx ON convenience_service (community_id, position, id);
