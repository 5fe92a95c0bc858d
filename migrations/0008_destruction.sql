-- Destruction through the one sanctioned path (Jeugdwet 7.3.9; 003 §3.3), and
-- the record that it happened — what kind, when, at whose request, on which
-- decision — kept apart from the dossier, so the provider can show why no
-- dossier exists. Never what was in it.
CREATE TABLE org.destruction_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  client_id uuid NOT NULL,                 -- no FK: the record outlives what it records
  scope text NOT NULL CHECK (scope IN ('whole-dossier', 'part')),
  part text NOT NULL,
  entries_destroyed integer NOT NULL,
  request_id uuid REFERENCES org.requests(id),
  decided_on date,
  reason text NOT NULL CHECK (reason IN ('client-request', 'retention-expired')),
  executed_by uuid NOT NULL REFERENCES org.employees(id),
  executed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX destruction_records_client ON org.destruction_records (client_id);
CREATE TRIGGER destruction_records_append_only BEFORE UPDATE OR DELETE ON org.destruction_records
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER destruction_records_no_truncate BEFORE TRUNCATE ON org.destruction_records
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- Part of a dossier: the entries of the given kinds, with their annotations and
-- shieldings. The client's key stays (other entries need it).
CREATE FUNCTION care.destroy_client_entries(target uuid, kinds text[]) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer;
BEGIN
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'on', true);
  DELETE FROM care.shieldings WHERE client_id = target AND entry_id IN (SELECT id FROM care.entries WHERE client_id = target AND kind = ANY(kinds));
  DELETE FROM care.entry_annotations WHERE client_id = target AND entry_id IN (SELECT id FROM care.entries WHERE client_id = target AND kind = ANY(kinds));
  DELETE FROM care.entries WHERE client_id = target AND kind = ANY(kinds);
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'off', true);
  RETURN removed;
END $$;
REVOKE ALL ON FUNCTION care.destroy_client_entries(uuid, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION care.destroy_client_entries(uuid, text[]) TO dossierwijzer_app;

GRANT SELECT, INSERT ON org.destruction_records TO dossierwijzer_app;
