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
         AND (   (r.decision = 'granted' AND entry_ids IS NULL AND r.part = p_part)
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
  PERFORM care.assert_destruction_decided(target, p_organisation, p_reason, p_request, 'dossier', NULL);
  RETURN care.destroy_dossier_decided(target, p_organisation, p_reason, p_request, p_decided_on, p_executed_by);
END $$;
REVOKE ALL ON FUNCTION care.destroy_dossier(uuid, uuid, text, uuid, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION care.destroy_dossier(uuid, uuid, text, uuid, date, uuid) TO dossierwijzer_app;

-- The part of the dossier an entry kind belongs to, as src/dossier/entry-kinds.ts says
-- (partOfEntryKind; a test holds the two to the same answer for every kind).
CREATE FUNCTION care.part_of_entry_kind(kind text) RETURNS text
  LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
  SELECT CASE kind
    WHEN 'conversation-report' THEN 'conversation-report'
    WHEN 'plan' THEN 'care-plan'
    WHEN 'evaluation' THEN 'evaluation'
    WHEN 'research-report' THEN 'research-report'
    WHEN 'raw-test-data' THEN 'raw-test-data'
    WHEN 'third-party-information' THEN 'third-party-information'
    ELSE 'dossier'
  END
$$;
GRANT EXECUTE ON FUNCTION care.part_of_entry_kind(text) TO dossierwijzer_app;

-- A part (all entries of the granted part's kinds, and no other kind).
ALTER FUNCTION care.destroy_dossier_part(uuid, text[], text, uuid, uuid, date, uuid) RENAME TO destroy_dossier_part_decided;
REVOKE EXECUTE ON FUNCTION care.destroy_dossier_part_decided(uuid, text[], text, uuid, uuid, date, uuid) FROM dossierwijzer_app;
CREATE FUNCTION care.destroy_dossier_part(target uuid, kinds text[], p_part text, p_organisation uuid, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
BEGIN
  PERFORM care.assert_destruction_decided(target, p_organisation, 'client-request', p_request, p_part, NULL);
  IF EXISTS (SELECT 1 FROM unnest(kinds) k WHERE care.part_of_entry_kind(k) <> p_part) THEN
    RAISE EXCEPTION 'destruction: an entry kind outside part %', p_part USING ERRCODE = 'DW002';
  END IF;
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

-- Families whose members were all destroyed before 0022 stayed behind with their key and entries:
-- they go now, each with its destruction record (executed by whoever made the family).
SELECT care.destroy_family_decided(f.id, f.organisation_id, 'last-member-destroyed', NULL, NULL, f.created_by)
  FROM formal.families f
 WHERE NOT EXISTS (SELECT 1 FROM formal.family_members m WHERE m.family_id = f.id);

-- The identity erasure after an ended retention period (0026) also clears the consent reference a
-- request may hold since 0027 (it can name people).
CREATE OR REPLACE FUNCTION formal.erase_client_identity(target uuid, p_organisation uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, formal AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM org.destruction_records
                  WHERE client_id = target AND organisation_id = p_organisation
                    AND scope = 'whole-dossier' AND reason = 'retention-expired') THEN
    RAISE EXCEPTION 'erasure: client % of organisation % has no retention destruction record', target, p_organisation
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  UPDATE formal.clients
     SET bsn = NULL, family_name = '', given_names = '', gender = 'unknown',
         birth_date = make_date(extract(year FROM birth_date)::int, 1, 1),
         street_address = NULL, postcode = NULL, town = NULL, phone = NULL, email = NULL,
         identity_erased_at = clock_timestamp()
   WHERE id = target;
  UPDATE formal.client_relations
     SET family_name = '', given_names = '', phone = NULL, email = NULL, established_how = ''
   WHERE client_id = target;
  DELETE FROM formal.identity_checks WHERE client_id = target;
  UPDATE org.consents
     SET information_given = '', declaration_reference = NULL,
         recipient = CASE WHEN recipient IS NULL THEN NULL ELSE '' END,
         purpose = CASE WHEN purpose IS NULL THEN NULL ELSE '' END,
         data_description = CASE WHEN data_description IS NULL THEN NULL ELSE '' END
   WHERE client_id = target;
  UPDATE org.requests SET consent_reference = NULL WHERE client_id = target AND consent_reference IS NOT NULL;
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'on', true);
  DELETE FROM formal.data_corrections WHERE client_id = target;
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'off', true);
END $$;
