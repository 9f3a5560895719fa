-- The department register (部门): a community's departments, each with its responsible staff member,
-- to whom a complaint's corrective action is assigned (CS-8.6) and who is notified.
CREATE TABLE department (
  id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  community_id          BIGINT      NOT NULL REFERENCES community (id),
  name                  VARCHAR(50) NOT NULL CHECK (length(trim(name)) > 0),
  responsible_staff_id  BIGINT      NOT NULL REFERENCES staff (id),
  active                BOOLEAN     NOT NULL DEFAULT true,
  version               INT         NOT NULL DEFAULT 0,
  CONSTRAINT department_name_unique UNIQUE (community_id, name)
);
CREATE INDEX department_community_idx ON department (community_id, name);

-- A corrective action to a department names the registered department and its responsible person
-- (older rows kept their free-text department: the constraint holds for new rows).
ALTER TABLE complaint_action ADD COLUMN department_id BIGINT REFERENCES department (id);
ALTER TABLE complaint_action ADD COLUMN responsible_staff_id BIGINT REFERENCES staff (id);
ALTER TABLE complaint_action ADD COLUMN responsible_name VARCHAR(50);
ALTER TABLE complaint_action ADD CONSTRAINT complaint_action_department_registered
  CHECK (kind <> 'DEPARTMENT'
         OR (department_id IS NOT NULL AND responsible_staff_id IS NOT NULL AND responsible_name IS NOT NULL))
  NOT VALID;
