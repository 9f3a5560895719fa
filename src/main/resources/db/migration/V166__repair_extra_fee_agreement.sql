-- Issue 16 item 8, EN-6: an unlisted item priced remotely by a supervisor is agreed to by the
-- resident (on the portal, or signing on the technician's phone) before the extra work; until
-- then the order cannot be completed, and a declined item is never charged.
ALTER TABLE repair_fee_line
  ADD COLUMN agreement_required   BOOLEAN      NOT NULL DEFAULT true,
  ADD COLUMN resident_agreement   VARCHAR(10)  CHECK (resident_agreement IN ('AGREED', 'DECLINED')),
  ADD COLUMN agreed_at            TIMESTAMPTZ,
  ADD COLUMN agreed_channel       VARCHAR(20)  CHECK (agreed_channel IN ('PORTAL', 'TECHNICIAN_DEVICE')),
  ADD COLUMN agreed_by            VARCHAR(50),
  ADD COLUMN agreement_signature  BYTEA;
-- lines approved before the rule existed were never put to the resident: not asked for now
UPDATE repair_fee_line SET agreement_required = false WHERE approval IN ('APPROVED', 'REJECTED');
ALTER TABLE repair_fee_line
  ADD CONSTRAINT repair_fee_line_agreement_approved
    CHECK (resident_agreement IS NULL OR (approval = 'APPROVED' AND agreement_required)),
  ADD CONSTRAINT repair_fee_line_agreement_complete
    CHECK ((resident_agreement IS NULL) = (agreed_at IS NULL)
       AND (agreed_at IS NULL) = (agreed_channel IS NULL)
       AND (agreed_at IS NULL) = (agreed_by IS NULL)),
  ADD CONSTRAINT repair_fee_line_agreement_signed
    CHECK (agreed_channel IS DISTINCT FROM 'TECHNICIAN_DEVICE' OR agreement_signature IS NOT NULL);

ALTER TABLE repair_event DROP CONSTRAINT repair_event_type_check;
ALTER TABLE repair_event ADD CONSTRAINT repair_event_type_check
  CHECK (type IN ('REPORTED', 'PHOTO_ADDED', 'DISPATCHED', 'REASSIGNED', 'ACCEPTED', 'ARRIVED', 'PAUSED', 'RESUMED',
                  'EXTRA_FEE_REQUESTED', 'EXTRA_FEE_APPROVED', 'EXTRA_FEE_REJECTED', 'EXTRA_FEE_AGREED', 'EXTRA_FEE_DECLINED',
                  'COMPLETED', 'CONFIRMED', 'NOT_SATISFIED', 'REOPENED', 'RETURN_VISIT', 'CLOSED', 'CANCELLED'));
