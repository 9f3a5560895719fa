-- Consultations (咨询): written ones answered in writing within two days (CS-Q1); oral ones answered
-- at once from the knowledge base of approved answers, or referred with a promised reply time
-- (CS-Q2); the reply text kept (CS-Q3); internal notes and confidential replies staff-only (CS-Q4).

-- Chinese has no spaces and, in a database whose LC_CTYPE is C (as the embedded one), pg_trgm treats
-- every CJK character as a separator: a trigram index on the raw text holds nothing for Chinese. So
-- the text is indexed through a per-character ASCII spelling (4 base-36 digits per code point, one
-- long "word"): a phrase occurs in the text only if its spelling occurs in the text's spelling, so
-- LIKE '%spelling%' on a GIN trigram index finds the candidates for any phrase of one character or
-- more, whatever the database locale; the raw text is then checked with ILIKE.
CREATE FUNCTION inquiry_search_key(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(
             substr('0123456789abcdefghijklmnopqrstuvwxyz', (ascii(c) / 46656) % 36 + 1, 1)
          || substr('0123456789abcdefghijklmnopqrstuvwxyz', (ascii(c) / 1296) % 36 + 1, 1)
          || substr('0123456789abcdefghijklmnopqrstuvwxyz', (ascii(c) / 36) % 36 + 1, 1)
          || substr('0123456789abcdefghijklmnopqrstuvwxyz', ascii(c) % 36 + 1, 1), '' ORDER BY i), '')
  FROM regexp_split_to_table(lower(t), '') WITH ORDINALITY AS s(c, i)
$$;

-- The knowledge base: company rules, fees, procedures. Supervisors write drafts and approve them;
-- only approved entries are searched and used to answer. Confidential entries are for staff only.
CREATE TABLE inquiry_kb_entry (
  id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title                 VARCHAR(100) NOT NULL CHECK (length(trim(title)) > 0),
  topic                 VARCHAR(12)  NOT NULL CHECK (topic IN ('RULES', 'FEES', 'PROCEDURES', 'OTHER')),
  keywords              VARCHAR(200) NOT NULL DEFAULT '',
  answer                TEXT         NOT NULL CHECK (length(trim(answer)) > 0 AND length(answer) <= 8000),
  confidential          BOOLEAN      NOT NULL DEFAULT false,
  status                VARCHAR(10)  NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'RETIRED')),
  created_by_staff_id   BIGINT REFERENCES staff (id),
  created_at            TIMESTAMPTZ  NOT NULL,
  updated_at            TIMESTAMPTZ  NOT NULL,
  approved_by_staff_id  BIGINT REFERENCES staff (id),
  approved_at           TIMESTAMPTZ,
  version               INT          NOT NULL DEFAULT 0,
  search_key            TEXT GENERATED ALWAYS AS (inquiry_search_key(title || ' ' || keywords || ' ' || answer)) STORED,
  CHECK (status <> 'APPROVED' OR approved_at IS NOT NULL)
);
-- fastupdate off: entries are written rarely and searched all day; no pending list to scan
CREATE INDEX inquiry_kb_search_trgm_idx ON inquiry_kb_entry USING gin (search_key gin_trgm_ops) WITH (fastupdate = off);
CREATE INDEX inquiry_kb_status_idx ON inquiry_kb_entry (status, id DESC);

CREATE TABLE inquiry (
  id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  number                  VARCHAR(20)  NOT NULL,
  kind                    VARCHAR(8)   NOT NULL CHECK (kind IN ('WRITTEN', 'ORAL')),
  channel                 VARCHAR(8)   NOT NULL CHECK (channel IN ('LETTER', 'PORTAL', 'PHONE', 'VISIT')),
  community_id            BIGINT       NOT NULL REFERENCES community (id),
  unit_id                 BIGINT REFERENCES unit (id),
  -- how the community and unit were named when registered ("滨江花园 1-1-101"; the letter's address)
  unit_label              VARCHAR(120) NOT NULL,
  asker_name              VARCHAR(50)  NOT NULL CHECK (length(trim(asker_name)) > 0),
  contact_phone           VARCHAR(11)  CHECK (contact_phone IS NULL OR contact_phone ~ '^1[3-9][0-9]{9}$'),
  question                TEXT         NOT NULL CHECK (length(trim(question)) > 0 AND length(question) <= 4000),
  received_at             TIMESTAMPTZ  NOT NULL,
  registered_by_staff_id  BIGINT REFERENCES staff (id),
  resident_id             BIGINT REFERENCES resident (id),
  status                  VARCHAR(10)  NOT NULL CHECK (status IN ('OPEN', 'REFERRED', 'ANSWERED')),
  referred_to_kind        VARCHAR(12)  CHECK (referred_to_kind IN ('DEPARTMENT', 'MANAGER')),
  referred_to             VARCHAR(50),
  promised_at             TIMESTAMPTZ,
  resident_told           BOOLEAN,
  answered_at             TIMESTAMPTZ,
  version                 INT          NOT NULL DEFAULT 0,
  CONSTRAINT inquiry_number_unique UNIQUE (number),
  CHECK ((kind = 'WRITTEN' AND channel IN ('LETTER', 'PORTAL')) OR (kind = 'ORAL' AND channel IN ('PHONE', 'VISIT'))),
  CHECK (channel <> 'PORTAL' OR resident_id IS NOT NULL),
  CHECK (registered_by_staff_id IS NOT NULL OR channel = 'PORTAL'),
  CHECK ((status = 'ANSWERED') = (answered_at IS NOT NULL)),
  -- CS-Q2: a referral names where it went and the reply time told to the resident
  CHECK ((referred_to_kind IS NULL) = (promised_at IS NULL)),
  CHECK (referred_to_kind IS NULL OR (kind = 'ORAL' AND length(trim(coalesce(referred_to, ''))) > 0 AND resident_told))
);
CREATE INDEX inquiry_list_idx ON inquiry (community_id, status, id DESC);
CREATE INDEX inquiry_resident_idx ON inquiry (resident_id, id DESC) WHERE resident_id IS NOT NULL;

-- Replies, kept as given (CS-Q3); confidential ones are for staff only (CS-Q4). Append-only.
CREATE TABLE inquiry_reply (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inquiry_id    BIGINT       NOT NULL REFERENCES inquiry (id),
  text          TEXT         NOT NULL CHECK (length(trim(text)) > 0 AND length(text) <= 8000),
  confidential  BOOLEAN      NOT NULL,
  kb_entry_id   BIGINT REFERENCES inquiry_kb_entry (id),
  staff_id      BIGINT       NOT NULL REFERENCES staff (id),
  actor_name    VARCHAR(50)  NOT NULL,
  at            TIMESTAMPTZ  NOT NULL
);
CREATE INDEX inquiry_reply_inquiry_idx ON inquiry_reply (inquiry_id, id);
CREATE TRIGGER inquiry_reply_append_only BEFORE UPDATE OR DELETE ON inquiry_reply
  FOR EACH ROW EXECUTE FUNCTION refuse_update_or_delete();

-- Internal notes: never shown to residents (CS-Q4). Append-only.
CREATE TABLE inquiry_note (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inquiry_id  BIGINT       NOT NULL REFERENCES inquiry (id),
  text        TEXT         NOT NULL CHECK (length(trim(text)) > 0 AND length(text) <= 4000),
  staff_id    BIGINT       NOT NULL REFERENCES staff (id),
  actor_name  VARCHAR(50)  NOT NULL,
  at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX inquiry_note_inquiry_idx ON inquiry_note (inquiry_id, id);
CREATE TRIGGER inquiry_note_append_only BEFORE UPDATE OR DELETE ON inquiry_note
  FOR EACH ROW EXECUTE FUNCTION refuse_update_or_delete();

-- The consultation's timeline (registered, referred, answered); append-only.
CREATE TABLE inquiry_event (
  id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  inquiry_id  BIGINT       NOT NULL REFERENCES inquiry (id),
  type        VARCHAR(12)  NOT NULL CHECK (type IN ('REGISTERED', 'REFERRED', 'ANSWERED', 'REPLIED')),
  text        TEXT,
  actor       VARCHAR(120) NOT NULL,
  actor_name  VARCHAR(50)  NOT NULL,
  at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX inquiry_event_inquiry_idx ON inquiry_event (inquiry_id, id);
CREATE TRIGGER inquiry_event_append_only BEFORE UPDATE OR DELETE ON inquiry_event
  FOR EACH ROW EXECUTE FUNCTION refuse_update_or_delete();
