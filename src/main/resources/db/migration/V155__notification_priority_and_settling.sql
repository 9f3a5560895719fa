-- Issue 14: notifications have a priority (an emergency is red, first, and stays until acknowledged;
-- an action is also in the worklist; information is in the bell only) and close by themselves when
-- their record passes the state they ask for (settled_at), without a click on 确认收到.
ALTER TABLE notification
  ADD COLUMN priority VARCHAR(10) NOT NULL DEFAULT 'INFO' CHECK (priority IN ('EMERGENCY', 'ACTION', 'INFO')),
  ADD COLUMN settled_at TIMESTAMPTZ;
UPDATE notification SET priority = 'ACTION' WHERE requires_ack;
UPDATE notification SET priority = 'EMERGENCY'
  WHERE requires_ack AND (source_type = 'emergency' OR message_key = 'repair.notify.emergency');
ALTER TABLE notification ADD CHECK (priority <> 'EMERGENCY' OR requires_ack);
-- the banners of every page: open assignments of one account, emergencies first
CREATE INDEX notification_open_ack_idx ON notification (account_id, (priority = 'EMERGENCY') DESC, id DESC)
  WHERE requires_ack AND acknowledged_at IS NULL AND settled_at IS NULL;
