-- Destruction is the one deliberate exception to "nothing is lost", and it
-- must always leave a record (Jeugdwet 7.3.9; 003 §3.3). Until now the
-- application role could call the content and key functions directly and
-- write the record itself afterwards — or not. From here the only functions it
-- may call write the destruction record themselves, in the same statement,
-- and it may no longer write records of its own.
--
-- Also: a disclosure's dossier entry blocked the destruction of its dossier
-- (org.disclosures.entry_id had no delete action, so the whole destruction
-- failed). The register row is not care content and stays — that there was a
-- disclosure, to whom and on what basis — but loses its link to the entry.
-- And personal work notes about the client go with the dossier: their key is
-- gone already, the rows should not outlive it.

ALTER TABLE org.disclosures ALTER COLUMN entry_id DROP NOT NULL;
ALTER TABLE org.disclosures DROP CONSTRAINT disclosures_entry_id_fkey;
ALTER TABLE org.disclosures ADD CONSTRAINT disclosures_entry_id_fkey FOREIGN KEY (entry_id) REFERENCES care.entries(id) ON DELETE SET NULL;

CREATE FUNCTION care.destroy_dossier(target uuid, p_organisation uuid, p_reason text, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM formal.clients WHERE id = target AND organisation_id = p_organisation) THEN
    RAISE EXCEPTION 'destruction: client % is not of organisation %', target, p_organisation USING ERRCODE = 'foreign_key_violation';
  END IF;
  removed := care.destroy_client_content(target);
  DELETE FROM care.work_notes WHERE client_id = target;
  INSERT INTO org.destruction_records (organisation_id, client_id, scope, part, entries_destroyed, request_id, decided_on, reason, executed_by)
    VALUES (p_organisation, target, 'whole-dossier', 'dossier', removed, p_request, p_decided_on, p_reason, p_executed_by);
  RETURN removed;
END $$;

CREATE FUNCTION care.destroy_dossier_part(target uuid, kinds text[], p_part text, p_organisation uuid, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM formal.clients WHERE id = target AND organisation_id = p_organisation) THEN
    RAISE EXCEPTION 'destruction: client % is not of organisation %', target, p_organisation USING ERRCODE = 'foreign_key_violation';
  END IF;
  removed := care.destroy_client_entries(target, kinds);
  INSERT INTO org.destruction_records (organisation_id, client_id, scope, part, entries_destroyed, request_id, decided_on, reason, executed_by)
    VALUES (p_organisation, target, 'part', p_part, removed, p_request, p_decided_on, 'client-request', p_executed_by);
  RETURN removed;
END $$;

REVOKE ALL ON FUNCTION care.destroy_dossier(uuid, uuid, text, uuid, date, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION care.destroy_dossier_part(uuid, text[], text, uuid, uuid, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION care.destroy_dossier(uuid, uuid, text, uuid, date, uuid) TO dossierwijzer_app;
GRANT EXECUTE ON FUNCTION care.destroy_dossier_part(uuid, text[], text, uuid, uuid, date, uuid) TO dossierwijzer_app;

REVOKE EXECUTE ON FUNCTION care.destroy_client_content(uuid) FROM dossierwijzer_app;
REVOKE EXECUTE ON FUNCTION care.destroy_client_entries(uuid, text[]) FROM dossierwijzer_app;
REVOKE EXECUTE ON FUNCTION care.destroy_client_key(uuid) FROM dossierwijzer_app;
REVOKE INSERT ON org.destruction_records FROM dossierwijzer_app;
