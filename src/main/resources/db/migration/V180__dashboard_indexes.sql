-- The managers' dashboard (issue 17) reads periods company-wide: repairs by completion time (time
-- to close, median and p90; an index-only scan of the month) and written consultations by community
-- and time (emergencies already have emergency_case_called_idx).
CREATE INDEX repair_order_completed_idx ON repair_order (completed_at)
  INCLUDE (community_id, assignee_staff_id, reported_at) WHERE completed_at IS NOT NULL;
CREATE INDEX inquiry_written_received_idx ON inquiry (community_id, received_at) WHERE kind = 'WRITTEN';
