-- Repairs the 0029 drift. 0029 was changed after it had been applied (commit cfcffd9): a database
-- migrated in between still has the old bodies, on which a request granted for one part licenses the
-- whole dossier, destroying a part does not check the kinds against the part, and the identity erasure
-- leaves a request's consent reference behind. The migrator recorded only file names, so it never saw
-- the change; since checksums are kept (src/db/migrate.ts) such a change stops start-up instead.
--
-- This file re-applies the current 0029 definitions. Every statement is idempotent: on a database that
-- already ran the current 0029 it changes nothing (same bodies, grants already held, no empty family).

CREATE OR REPLACE FUNCTION care.assert_destruction_decided(target uuid, p_organisation uuid, p_reason text, p_request uuid, p_part text, entry_ids uuid[])
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

CREATE OR REPLACE FUNCTION care.destroy_dossier(target uuid, p_organisation uuid, p_reason text, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
BEGIN
  PERFORM care.assert_destruction_decided(target, p_organisation, p_reason, p_request, 'dossier', NULL);
  RETURN care.destroy_dossier_decided(target, p_organisation, p_reason, p_request, p_decided_on, p_executed_by);
END $$;
REVOKE ALL ON FUNCTION care.destroy_dossier(uuid, uuid, text, uuid, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION care.destroy_dossier(uuid, uuid, text, uuid, date, uuid) TO dossierwijzer_app;

CREATE OR REPLACE FUNCTION care.part_of_entry_kind(kind text) RETURNS text
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

CREATE OR REPLACE FUNCTION care.destroy_dossier_part(target uuid, kinds text[], p_part text, p_organisation uuid, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
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

-- Families whose members were all destroyed before 0022 (none left where the current 0029 ran).
SELECT care.destroy_family_decided(f.id, f.organisation_id, 'last-member-destroyed', NULL, NULL, f.created_by)
  FROM formal.families f
 WHERE NOT EXISTS (SELECT 1 FROM formal.family_members m WHERE m.family_id = f.id);

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
