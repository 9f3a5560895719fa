-- Escalations of a repair's clocks are recorded once, by the deadline module (deadline_escalation,
-- with when each level fired); the order page merges them into the order's timeline. The copies
-- the repair module used to write into its own timeline (repair_event type 'ESCALATED') would now
-- show twice: they go, and the timeline no longer accepts the type.
ALTER TABLE repair_event DISABLE TRIGGER repair_event_no_update;
DELETE FROM repair_event WHERE type = 'ESCALATED';
ALTER TABLE repair_event ENABLE TRIGGER repair_event_no_update;

ALTER TABLE repair_event DROP CONSTRAINT repair_event_type_check;
ALTER TABLE repair_event ADD CONSTRAINT repair_event_type_check
  CHECK (type IN ('REPORTED', 'PHOTO_ADDED', 'DISPATCHED', 'REASSIGNED', 'ACCEPTED', 'ARRIVED', 'PAUSED', 'RESUMED',
                  'EXTRA_FEE_REQUESTED', 'EXTRA_FEE_APPROVED', 'EXTRA_FEE_REJECTED', 'COMPLETED', 'CONFIRMED', 'NOT_SATISFIED', 'REOPENED',
                  'RETURN_VISIT', 'CLOSED', 'CANCELLED'));
