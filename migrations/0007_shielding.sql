-- Shielding (003 §3.1; Jeugdwet 7.3.10): an entry, or a marked passage of it,
-- recorded as information about another person (shown only with that
-- person's consent) or shielded from named people (the secret-address
-- example), with a reason. Reader-specific views hide it and say that
-- something was withheld and on what ground, without revealing it.
CREATE TABLE care.shieldings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  entry_id uuid NOT NULL REFERENCES care.entries(id),
  kind text NOT NULL CHECK (kind IN ('about-another-person', 'shielded-from')),
  -- A passage as character offsets into the entry's text (entries never change, so offsets stay true); NULL = the whole entry.
  passage_start integer,
  passage_end integer,
  shielded_from uuid[] NOT NULL DEFAULT '{}',   -- client_relations ids (kind shielded-from)
  reason_ciphertext bytea NOT NULL,
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  other_person_consented_on date,               -- the other person consents to its being shown
  lifted_at timestamptz,
  lifted_by uuid REFERENCES org.employees(id),
  CHECK ((passage_start IS NULL) = (passage_end IS NULL)),
  CHECK (passage_start IS NULL OR (passage_start >= 0 AND passage_end > passage_start)),
  CHECK (kind <> 'shielded-from' OR cardinality(shielded_from) > 0)
);
CREATE INDEX shieldings_client ON care.shieldings (client_id) WHERE lifted_at IS NULL;

GRANT SELECT, INSERT, UPDATE ON care.shieldings TO dossierwijzer_app;

-- The sanctioned destruction path also removes shieldings (they point at entries).
CREATE OR REPLACE FUNCTION care.destroy_client_content(target uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer;
BEGIN
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'on', true);
  DELETE FROM care.client_keys WHERE client_id = target;
  DELETE FROM care.shieldings WHERE client_id = target;
  DELETE FROM care.entry_annotations WHERE client_id = target;
  DELETE FROM care.emergency_summaries WHERE client_id = target;
  DELETE FROM care.entries WHERE client_id = target;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'off', true);
  RETURN removed;
END $$;
