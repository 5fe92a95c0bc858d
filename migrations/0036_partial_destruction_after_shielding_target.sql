-- 0035 gave care.shieldings a column called `target`; the partial-destruction functions take a
-- parameter of the same name and delete from care.shieldings, so PL/pgSQL refused them as ambiguous
-- ("column reference target is ambiguous") and no part or entry of a dossier could be destroyed.
-- Same bodies as 0008 and 0020, with the parameter preferred (as 0034 does for the whole dossier).
-- CREATE OR REPLACE keeps the owner and the grants (the application role has neither function).

CREATE OR REPLACE FUNCTION care.destroy_client_entries(target uuid, kinds text[]) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
#variable_conflict use_variable
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

CREATE OR REPLACE FUNCTION care.destroy_dossier_entries_decided(target uuid, entry_ids uuid[], p_part text, p_organisation uuid, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
#variable_conflict use_variable
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
