-- The sanctioned destruction functions could be called by the application
-- role for any client of its organisation, with any reason: a bug in our code
-- (or code running in the process) could destroy a dossier on no decision at
-- all, leaving a record that names a decision that never was. From here the
-- database itself checks the decision each destruction claims (Jeugdwet
-- 7.3.9; 003 §3.3; DOMAIN §5):
--   client-request     a destroy request of this client, decided and granted
--                      (or partly granted, for exactly the granted entries),
--                      not yet fulfilled;
--   retention-expired  the privacy officer's confirmation on the review list;
--   last-member-destroyed (family part) no member left.
-- The functions keep their names and signatures; each checks, then calls the
-- former body, which the application role can no longer call directly.

CREATE FUNCTION care.assert_destruction_decided(target uuid, p_organisation uuid, p_reason text, p_request uuid, p_part text, entry_ids uuid[])
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM formal.clients WHERE id = target AND organisation_id = p_organisation) THEN
    RAISE EXCEPTION 'destruction: client % is not of organisation %', target, p_organisation USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF p_reason = 'client-request' THEN
    IF NOT EXISTS (
      SELECT 1 FROM org.requests r
       WHERE r.id = p_request AND r.client_id = target AND r.kind = 'destroy' AND r.state = 'decided'
         AND (   (r.decision = 'granted' AND entry_ids IS NULL AND (p_part IS NULL OR r.part = p_part))
              OR (r.decision = 'partly' AND entry_ids IS NOT NULL AND entry_ids <@ COALESCE(r.destruction_granted_entries, '{}'::uuid[])))) THEN
      RAISE EXCEPTION 'destruction: no granted destruction request % for client %', p_request, target USING ERRCODE = 'DW002';
    END IF;
  ELSIF p_reason = 'retention-expired' THEN
    IF NOT EXISTS (SELECT 1 FROM org.retention_reviews WHERE client_id = target AND organisation_id = p_organisation AND status = 'confirmed') THEN
      RAISE EXCEPTION 'destruction: the retention destruction of client % was not confirmed', target USING ERRCODE = 'DW002';
    END IF;
  ELSE
    RAISE EXCEPTION 'destruction: reason % is not a decision', p_reason USING ERRCODE = 'DW002';
  END IF;
END $$;
REVOKE ALL ON FUNCTION care.assert_destruction_decided(uuid, uuid, text, uuid, text, uuid[]) FROM PUBLIC;

-- Whole dossier.
ALTER FUNCTION care.destroy_dossier(uuid, uuid, text, uuid, date, uuid) RENAME TO destroy_dossier_decided;
REVOKE EXECUTE ON FUNCTION care.destroy_dossier_decided(uuid, uuid, text, uuid, date, uuid) FROM dossierwijzer_app;
CREATE FUNCTION care.destroy_dossier(target uuid, p_organisation uuid, p_reason text, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
BEGIN
  PERFORM care.assert_destruction_decided(target, p_organisation, p_reason, p_request, NULL, NULL);
  RETURN care.destroy_dossier_decided(target, p_organisation, p_reason, p_request, p_decided_on, p_executed_by);
END $$;
REVOKE ALL ON FUNCTION care.destroy_dossier(uuid, uuid, text, uuid, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION care.destroy_dossier(uuid, uuid, text, uuid, date, uuid) TO dossierwijzer_app;

-- A part (all entries of the granted part's kinds).
ALTER FUNCTION care.destroy_dossier_part(uuid, text[], text, uuid, uuid, date, uuid) RENAME TO destroy_dossier_part_decided;
REVOKE EXECUTE ON FUNCTION care.destroy_dossier_part_decided(uuid, text[], text, uuid, uuid, date, uuid) FROM dossierwijzer_app;
CREATE FUNCTION care.destroy_dossier_part(target uuid, kinds text[], p_part text, p_organisation uuid, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
BEGIN
  PERFORM care.assert_destruction_decided(target, p_organisation, 'client-request', p_request, p_part, NULL);
  RETURN care.destroy_dossier_part_decided(target, kinds, p_part, p_organisation, p_request, p_decided_on, p_executed_by);
END $$;
REVOKE ALL ON FUNCTION care.destroy_dossier_part(uuid, text[], text, uuid, uuid, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION care.destroy_dossier_part(uuid, text[], text, uuid, uuid, date, uuid) TO dossierwijzer_app;

-- The granted entries of a partly granted destruction.
ALTER FUNCTION care.destroy_dossier_entries(uuid, uuid[], text, uuid, uuid, date, uuid) RENAME TO destroy_dossier_entries_decided;
REVOKE EXECUTE ON FUNCTION care.destroy_dossier_entries_decided(uuid, uuid[], text, uuid, uuid, date, uuid) FROM dossierwijzer_app;
CREATE FUNCTION care.destroy_dossier_entries(target uuid, entry_ids uuid[], p_part text, p_organisation uuid, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
BEGIN
  PERFORM care.assert_destruction_decided(target, p_organisation, 'client-request', p_request, NULL, entry_ids);
  RETURN care.destroy_dossier_entries_decided(target, entry_ids, p_part, p_organisation, p_request, p_decided_on, p_executed_by);
END $$;
REVOKE ALL ON FUNCTION care.destroy_dossier_entries(uuid, uuid[], text, uuid, uuid, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION care.destroy_dossier_entries(uuid, uuid[], text, uuid, uuid, date, uuid) TO dossierwijzer_app;

-- The family part: only once its last member has gone.
ALTER FUNCTION care.destroy_family(uuid, uuid, text, uuid, date, uuid) RENAME TO destroy_family_decided;
REVOKE EXECUTE ON FUNCTION care.destroy_family_decided(uuid, uuid, text, uuid, date, uuid) FROM dossierwijzer_app;
CREATE FUNCTION care.destroy_family(p_family uuid, p_organisation uuid, p_reason text, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
BEGIN
  IF p_reason <> 'last-member-destroyed' OR EXISTS (SELECT 1 FROM formal.family_members WHERE family_id = p_family) THEN
    RAISE EXCEPTION 'destruction: family % still has members', p_family USING ERRCODE = 'DW002';
  END IF;
  RETURN care.destroy_family_decided(p_family, p_organisation, p_reason, p_request, p_decided_on, p_executed_by);
END $$;
REVOKE ALL ON FUNCTION care.destroy_family(uuid, uuid, text, uuid, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION care.destroy_family(uuid, uuid, text, uuid, date, uuid) TO dossierwijzer_app;
