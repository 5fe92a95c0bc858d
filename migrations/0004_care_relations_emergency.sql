-- Care relations as recorded facts, emergency access ("break the glass") with
-- its review, and the emergency summary shown first (DOMAIN §2; 003 §2.2.8).

-- Facts recorded about a client that change who may see the dossier, e.g. the
-- client's explicit objection to interns (000). Withdrawn, never deleted.
CREATE TABLE org.client_access_facts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  fact text NOT NULL CHECK (fact IN ('client-objects-to-interns')),
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  withdrawn_by uuid REFERENCES org.employees(id),
  withdrawn_at timestamptz
);
CREATE INDEX client_access_facts_client ON org.client_access_facts (client_id) WHERE withdrawn_at IS NULL;

-- Who ended a care-team membership, and when it was recorded.
ALTER TABLE org.care_team ADD COLUMN created_by uuid REFERENCES org.employees(id);
ALTER TABLE org.care_team ADD COLUMN ended_by uuid REFERENCES org.employees(id);

-- Emergency access: an employee without relation opens a dossier giving a
-- reason; it lasts a limited time and waits for the privacy officer's review.
-- The reason may name client circumstances, so it is encrypted under the client's key.
CREATE TABLE org.emergency_accesses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  employee_id uuid NOT NULL REFERENCES org.employees(id),
  reason_ciphertext bytea NOT NULL,
  started_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  reviewed_by uuid REFERENCES org.employees(id),
  reviewed_at timestamptz,
  justified boolean,
  review_note text,
  CHECK (expires_at > started_at),
  CHECK ((reviewed_at IS NULL) = (justified IS NULL))
);
CREATE INDEX emergency_accesses_active ON org.emergency_accesses (employee_id, client_id, expires_at);
CREATE INDEX emergency_accesses_unreviewed ON org.emergency_accesses (organisation_id, started_at) WHERE reviewed_at IS NULL;

-- The emergency summary (medication, key contacts, known risks), kept in versions:
-- the newest is current, earlier ones stay (nothing in the dossier is silently changed).
CREATE TABLE care.emergency_summaries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  author_id uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  ciphertext bytea NOT NULL
);
CREATE INDEX emergency_summaries_client ON care.emergency_summaries (client_id, recorded_at DESC);
CREATE TRIGGER emergency_summaries_append_only BEFORE UPDATE OR DELETE ON care.emergency_summaries
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER emergency_summaries_no_truncate BEFORE TRUNCATE ON care.emergency_summaries
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- The sanctioned destruction path also removes the summaries.
CREATE OR REPLACE FUNCTION care.destroy_client_content(target uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer;
BEGIN
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'on', true);
  DELETE FROM care.client_keys WHERE client_id = target;
  DELETE FROM care.entry_annotations WHERE client_id = target;
  DELETE FROM care.emergency_summaries WHERE client_id = target;
  DELETE FROM care.entries WHERE client_id = target;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'off', true);
  RETURN removed;
END $$;

GRANT SELECT, INSERT, UPDATE ON org.client_access_facts, org.emergency_accesses TO dossierwijzer_app;
GRANT SELECT, INSERT ON care.emergency_summaries TO dossierwijzer_app;

-- "Who saw this dossier": newest first by log order, fast over millions of rows.
CREATE INDEX access_log_client_seq ON audit.access_log (client_id, seq DESC);
