-- Upkeep 设备保养, part 3: maintenance plans per equipment item with their interval and checklist,
-- and the tasks generated from them into the engineers' worklists (rules PM-1…PM-6 in
-- docs/norms/UPKEEP.md).

-- a plan (PM-1): every interval_count days, weeks or months from first_due_on, or once on that date;
-- a task is on time until the end of its due day plus grace_days
CREATE TABLE upkeep_plan (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  equipment_id       BIGINT      NOT NULL,
  community_id       BIGINT      NOT NULL,
  title              VARCHAR(60) NOT NULL CHECK (length(trim(title)) > 0),
  interval_unit      VARCHAR(6)  NOT NULL CHECK (interval_unit IN ('DAYS','WEEKS','MONTHS','ONCE')),
  interval_count     INT         NOT NULL CHECK (interval_count BETWEEN 1 AND 366),
  first_due_on       DATE        NOT NULL,
  grace_days         INT         NOT NULL CHECK (grace_days BETWEEN 0 AND 30),
  assignee_staff_id  BIGINT      REFERENCES staff (id),
  active             BOOLEAN     NOT NULL,
  created_at         TIMESTAMPTZ NOT NULL,
  version            INT         NOT NULL DEFAULT 0,
  CONSTRAINT upkeep_plan_equipment_fk FOREIGN KEY (equipment_id, community_id)
    REFERENCES upkeep_equipment (id, community_id),
  CONSTRAINT upkeep_plan_title_unique UNIQUE (equipment_id, title),
  CONSTRAINT upkeep_plan_once CHECK (interval_unit <> 'ONCE' OR interval_count = 1)
);

CREATE TABLE upkeep_plan_item (
  plan_id   BIGINT       NOT NULL REFERENCES upkeep_plan (id),
  position  INT          NOT NULL CHECK (position BETWEEN 1 AND 30),
  text      VARCHAR(200) NOT NULL CHECK (length(trim(text)) > 0),
  PRIMARY KEY (plan_id, position)
);

-- a task of a plan on its due day (PM-2…PM-4): generated ahead, due on its day, done with its
-- checklist; once per plan and day
CREATE TABLE upkeep_task (
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  plan_id             BIGINT       NOT NULL REFERENCES upkeep_plan (id),
  equipment_id        BIGINT       NOT NULL REFERENCES upkeep_equipment (id),
  community_id        BIGINT       NOT NULL REFERENCES community (id),
  title               VARCHAR(60)  NOT NULL,
  due_on              DATE         NOT NULL,
  due_at              TIMESTAMPTZ  NOT NULL,
  assignee_staff_id   BIGINT       REFERENCES staff (id),
  status              VARCHAR(10)  NOT NULL CHECK (status IN ('PLANNED','DUE','DONE','CANCELLED')),
  released_at         TIMESTAMPTZ,
  done_at             TIMESTAMPTZ,
  done_by_staff_id    BIGINT       REFERENCES staff (id),
  on_time             BOOLEAN,
  note                VARCHAR(500),
  cancel_reason       VARCHAR(200),
  version             INT          NOT NULL DEFAULT 0,
  CONSTRAINT upkeep_task_once UNIQUE (plan_id, due_on),
  CONSTRAINT upkeep_task_done CHECK (
    (status = 'DONE') = (done_at IS NOT NULL)
    AND (status = 'DONE') = (done_by_staff_id IS NOT NULL)
    AND (status = 'DONE') = (on_time IS NOT NULL)),
  CONSTRAINT upkeep_task_released CHECK (status <> 'DUE' OR released_at IS NOT NULL),
  CONSTRAINT upkeep_task_cancelled CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL))
);
CREATE INDEX upkeep_task_community_idx ON upkeep_task (community_id, due_on);
CREATE INDEX upkeep_task_assignee_idx ON upkeep_task (assignee_staff_id, due_on) WHERE status IN ('PLANNED','DUE');
CREATE INDEX upkeep_task_planned_idx ON upkeep_task (due_on) WHERE status = 'PLANNED';

-- the checklist as the plan had it, with each item's answer (PM-3): a fault needs a note and
-- opens a repair order
CREATE TABLE upkeep_task_item (
  task_id              BIGINT       NOT NULL REFERENCES upkeep_task (id),
  position             INT          NOT NULL CHECK (position >= 1),
  text                 VARCHAR(200) NOT NULL,
  result               VARCHAR(6)   CHECK (result IN ('OK','FIXED','FAULT')),
  note                 VARCHAR(300),
  repair_order_id      BIGINT,
  repair_order_number  VARCHAR(30),
  PRIMARY KEY (task_id, position),
  CONSTRAINT upkeep_task_item_fault CHECK (result IS DISTINCT FROM 'FAULT' OR note IS NOT NULL),
  CONSTRAINT upkeep_task_item_repair CHECK (
    (result IS DISTINCT FROM 'FAULT' OR repair_order_number IS NOT NULL)
    AND (repair_order_number IS NULL OR result = 'FAULT')
    AND ((repair_order_id IS NULL) = (repair_order_number IS NULL)))
);
