-- A destruction granted only in part (Jeugdwet 7.3.9; 003 §3.3). Until now a
-- "partly" decision was carried out by destroying everything requested, and
-- the part kept needed no ground. From here the decision names the entries
-- that go and, for each kept entry, one of the three grounds on which a
-- destruction may be refused; fulfilment destroys only the granted entries,
-- through a sanctioned function that writes the destruction record itself.
-- Entry ids are no care content; the grounds are the fixed vocabulary.
ALTER TABLE org.requests ADD COLUMN destruction_granted_entries uuid[];
ALTER TABLE org.requests ADD COLUMN destruction_refused jsonb;  -- [{"entryIds": [...], "ground": "..."}]

-- A disclosure consent may name the part of the dossier it covers; a
-- disclosure on that consent must then be of that part (001; 004 C).
ALTER TABLE org.consents ADD COLUMN part text CHECK (part IS NULL OR part IN ('dossier', 'conversation-report', 'care-plan', 'evaluation',
  'research-report', 'raw-test-data', 'third-party-information', 'administrative-data'));

CREATE FUNCTION care.destroy_dossier_entries(target uuid, entry_ids uuid[], p_part text, p_organisation uuid, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM formal.clients WHERE id = target AND organisation_id = p_organisation) THEN
    RAISE EXCEPTION 'destruction: client % is not of organisation %', target, p_organisation USING ERRCODE = 'foreign_key_violation';
  END IF;
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'on', true);
  DELETE FROM care.shieldings WHERE client_id = target AND entry_id = ANY(entry_ids);
  DELETE FROM care.entry_annotations WHERE client_id = target AND entry_id = ANY(entry_ids);
  DELETE FROM care.entries WHERE client_id = target AND id = ANY(entry_ids);
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'off', true);
  INSERT INTO org.destruction_records (organisation_id, client_id, scope, part, entries_destroyed, request_id, decided_on, reason, executed_by)
    VALUES (p_organisation, target, 'part', p_part, removed, p_request, p_decided_on, 'client-request', p_executed_by);
  RETURN removed;
END $$;

REVOKE ALL ON FUNCTION care.destroy_dossier_entries(uuid, uuid[], text, uuid, uuid, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION care.destroy_dossier_entries(uuid, uuid[], text, uuid, uuid, date, uuid) TO dossierwijzer_app;
