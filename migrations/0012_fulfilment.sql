-- Fulfilment of the client's rights (issue 5 part 6; DOMAIN §3): correction
-- of formal data with its history, corrections and own statements linked to
-- dossier entries, restriction of processing, and objections.

-- Corrections of formal data (AVG 16; 003 §3.4): nothing is overwritten
-- without trace — the old value, the new value, when, by whom and on which
-- request. Append-only.
CREATE TABLE formal.data_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  request_id uuid NOT NULL REFERENCES org.requests(id),
  field text NOT NULL CHECK (field IN ('bsn', 'familyName', 'givenNames', 'birthDate', 'gender', 'streetAddress', 'postcode', 'town', 'phone', 'email')),
  old_value text,
  new_value text NOT NULL,
  corrected_by uuid NOT NULL REFERENCES org.employees(id),
  corrected_at timestamptz NOT NULL,
  -- Orders corrections made in one fulfilment (they share corrected_at, the request's time).
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX data_corrections_client ON formal.data_corrections (client_id, corrected_at);
CREATE TRIGGER data_corrections_append_only BEFORE UPDATE OR DELETE ON formal.data_corrections
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

-- A correction annotation names the request it fulfils; an own statement
-- names the entry it disputes (no foreign key: a partial destruction may
-- remove the disputed entry and leave the statement, or the reverse).
ALTER TABLE care.entry_annotations ADD COLUMN request_id uuid;
ALTER TABLE care.entries ADD COLUMN disputes_entry_id uuid;
ALTER TABLE care.entries ADD COLUMN request_id uuid;
CREATE INDEX entries_disputes ON care.entries (disputes_entry_id) WHERE disputes_entry_id IS NOT NULL;

-- Restriction of processing (AVG 18): from the fulfilment of the request until
-- a recorded end, with its reason. Ended, never deleted.
CREATE TABLE org.processing_restrictions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  request_id uuid NOT NULL REFERENCES org.requests(id),
  started_by uuid NOT NULL REFERENCES org.employees(id),
  started_at timestamptz NOT NULL,
  ended_by uuid REFERENCES org.employees(id),
  ended_at timestamptz,
  end_reason text,
  -- AVG 18(3): the client is told before the restriction is lifted.
  client_informed_on date,
  CHECK ((ended_at IS NULL) = (ended_by IS NULL) AND (ended_at IS NULL) = (end_reason IS NULL))
);
CREATE UNIQUE INDEX processing_restrictions_active ON org.processing_restrictions (client_id) WHERE ended_at IS NULL;

-- Objections (AVG 21) and their outcome: a granted objection stops the named processing.
CREATE TABLE org.objections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  request_id uuid NOT NULL UNIQUE REFERENCES org.requests(id),
  processing_ciphertext bytea NOT NULL, -- encrypted {processing} under the client's key
  outcome text NOT NULL CHECK (outcome IN ('granted', 'partly')),
  stopped_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL
);
CREATE TRIGGER objections_append_only BEFORE UPDATE OR DELETE ON org.objections
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

-- Which consent a fulfilled withdraw-consent request withdrew (AVG 7(3)).
ALTER TABLE org.requests ADD COLUMN withdrawn_consent_id uuid;

GRANT SELECT, INSERT ON formal.data_corrections, org.objections TO dossierwijzer_app;
GRANT SELECT, INSERT, UPDATE ON org.processing_restrictions TO dossierwijzer_app;
