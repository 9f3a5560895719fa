-- Emergency help for a sick resident (急救病人的处理, CS-E1…E7). A case records at once where the
-- patient is (the unit), a contact phone and the caller, then the resident's choice (hospital, 120,
-- short-term nursing). Every step after that is an appended, timestamped event (who, when).
-- There is deliberately NO column for a diagnosis or a medical opinion (CS-E3): only what the caller
-- said, in their words (caller_words).
CREATE TABLE emergency_case (
  id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number             VARCHAR(20)   NOT NULL,
  community_id       BIGINT        NOT NULL REFERENCES community (id),
  unit_id            BIGINT        NOT NULL REFERENCES unit (id),
  -- the address as recorded at the call ("滨江花园 1-1-101")
  unit_label         VARCHAR(170)  NOT NULL,
  contact_phone      VARCHAR(20)   NOT NULL CHECK (contact_phone ~ '^[0-9][0-9-]{5,18}[0-9]$'),
  caller_name        VARCHAR(50)   NOT NULL CHECK (length(trim(caller_name)) > 0),
  caller_relation    VARCHAR(10)   NOT NULL CHECK (caller_relation IN ('SELF', 'FAMILY', 'NEIGHBOUR', 'OTHER')),
  caller_words       VARCHAR(1000),
  choice             VARCHAR(10)   CHECK (choice IN ('HOSPITAL', 'CALL_120', 'NURSING')),
  status             VARCHAR(10)   NOT NULL CHECK (status IN ('OPEN', 'SETTLED', 'ENDED')),
  called_at          TIMESTAMPTZ   NOT NULL,
  taken_by_staff_id  BIGINT        NOT NULL REFERENCES staff (id),
  settled_at         TIMESTAMPTZ,
  ended_at           TIMESTAMPTZ,
  follow_up_done_at  TIMESTAMPTZ,
  version            INT           NOT NULL DEFAULT 0,
  CONSTRAINT emergency_case_number_unique UNIQUE (number),
  CHECK ((status = 'OPEN') = (settled_at IS NULL)),
  CHECK ((status = 'ENDED') = (ended_at IS NOT NULL)),
  CHECK (status = 'OPEN' OR choice IS NOT NULL),
  CHECK (settled_at IS NULL OR settled_at >= called_at),
  CHECK (ended_at IS NULL OR ended_at >= settled_at),
  -- a follow-up visit only after the case ended (CS-E7)
  CHECK (follow_up_done_at IS NULL OR follow_up_done_at >= ended_at)
);
CREATE INDEX emergency_case_open_idx ON emergency_case (community_id, called_at DESC) WHERE status <> 'ENDED';
CREATE INDEX emergency_case_follow_up_idx ON emergency_case (community_id, ended_at) WHERE status = 'ENDED' AND follow_up_done_at IS NULL;
CREATE INDEX emergency_case_called_idx ON emergency_case (community_id, called_at);

-- The steps of a case: append-only. Two people working one case each append their own steps; the
-- case row's version makes concurrent writers queue (one of them is told to refresh), never overwrite.
CREATE TABLE emergency_step (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id         BIGINT        NOT NULL REFERENCES emergency_case (id),
  seq             INT           NOT NULL CHECK (seq >= 0),
  type            VARCHAR(30)   NOT NULL CHECK (type IN (
                    'CALL_RECEIVED', 'CHOICE_RECORDED', 'SECURITY_NOTIFIED',
                    'GUARDS_ASSIGNED', 'VEHICLE_ARRANGED', 'NECESSITIES_REMINDED',
                    'CALLED_120', 'ENTRANCE_WAITER_ASSIGNED', 'AMBULANCE_ARRIVED', 'AMBULANCE_DEPARTED',
                    'CARERS_ASSIGNED', 'FAMILY_PRESENT', 'NURSING_STARTED', 'INSPECTION', 'NURSING_ENDED',
                    'SETTLED', 'MORE_HELP', 'MANAGER_DECISION', 'ENDED', 'FOLLOW_UP_SCHEDULED', 'FOLLOW_UP_DONE')),
  at              TIMESTAMPTZ   NOT NULL,
  actor_staff_id  BIGINT        REFERENCES staff (id),
  actor_name      VARCHAR(50)   NOT NULL,
  staff_ids       BIGINT[]      NOT NULL DEFAULT '{}',
  code            VARCHAR(20),
  person          VARCHAR(50),
  flag            BOOLEAN,
  items           VARCHAR(20)[] NOT NULL DEFAULT '{}',
  note            VARCHAR(1000),
  CONSTRAINT emergency_step_seq_unique UNIQUE (case_id, seq),
  CHECK (type <> 'CHOICE_RECORDED' OR code IN ('HOSPITAL', 'CALL_120', 'NURSING')),
  -- CS-E2: two security staff, fewer only with a recorded reason
  CHECK (type <> 'GUARDS_ASSIGNED' OR (code IN ('SERVICE_CENTER', 'HOME') AND cardinality(staff_ids) >= 1
         AND (cardinality(staff_ids) >= 2 OR length(trim(coalesce(note, ''))) > 0))),
  CHECK (type <> 'NECESSITIES_REMINDED'
         OR (items @> ARRAY['ID_CARD', 'MEDICAL_CARD', 'MONEY', 'MEDICINES']::VARCHAR(20)[] AND person IS NOT NULL)),
  CHECK (type <> 'CALLED_120' OR person IS NOT NULL),
  CHECK (type <> 'ENTRANCE_WAITER_ASSIGNED' OR cardinality(staff_ids) = 1),
  CHECK (type <> 'CARERS_ASSIGNED' OR cardinality(staff_ids) >= 1),
  CHECK (type <> 'FAMILY_PRESENT' OR person IS NOT NULL),
  CHECK (type <> 'MORE_HELP' OR flag IS NOT NULL),
  CHECK (type NOT IN ('MANAGER_DECISION', 'INSPECTION', 'FOLLOW_UP_DONE') OR length(trim(coalesce(note, ''))) > 0)
);
CREATE TRIGGER emergency_step_no_update BEFORE UPDATE OR DELETE ON emergency_step
  FOR EACH ROW EXECUTE FUNCTION refuse_update_or_delete();

-- CS-E6: the carer is never alone with the patient — nursing starts only with a family member present.
CREATE FUNCTION emergency_nursing_needs_family() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.type = 'NURSING_STARTED' AND NOT EXISTS (
      SELECT 1 FROM emergency_step WHERE case_id = NEW.case_id AND type = 'FAMILY_PRESENT') THEN
    RAISE EXCEPTION 'nursing needs a family member present (case %)', NEW.case_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'emergency_nursing_family_present';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER emergency_step_nursing_family BEFORE INSERT ON emergency_step
  FOR EACH ROW EXECUTE FUNCTION emergency_nursing_needs_family();
