-- The family part is destroyed too (Jeugdwet 7.3.8–7.3.9; 003 §2.3.4, §3.3;
-- DOMAIN §1, §5). Until now care.family_entries was append-only with no
-- sanctioned way out, and destroying a member's dossier left both the
-- membership and the family part behind, so family content outlived every
-- member's dossier.
--
-- The choice: the family part belongs to each member's dossier (003 §2.3.4),
-- so it lives exactly as long as at least one member's dossier lives.
--   * Destroying a member's dossier (on request or after retention) removes
--     that member's membership in the same statement.
--   * Destroying the last member's dossier destroys the family part with it:
--     its data key, its entries, its membership rows and the family row (its
--     name identifies the family), leaving a destruction record of scope
--     'family-part' with reason 'last-member-destroyed'.
--   * So that the family part is never destroyed before 20 years after its
--     own last change, a family entry counts as a change in every member's
--     dossier for retention (src/retention/retention-service.ts, the last
--     change). A separate "20 years since the family part's last change" test
--     would destroy content that members' living dossiers still refer to.
-- care.destroy_family is also callable on its own (same guard, same record).

-- A destruction record may now be of a family part: no client, the family's id.
ALTER TABLE org.destruction_records ADD COLUMN family_id uuid;  -- no FK: the record outlives what it records
ALTER TABLE org.destruction_records ALTER COLUMN client_id DROP NOT NULL;
ALTER TABLE org.destruction_records DROP CONSTRAINT destruction_records_scope_check;
ALTER TABLE org.destruction_records ADD CONSTRAINT destruction_records_scope_check
  CHECK (scope IN ('whole-dossier', 'part', 'family-part'));
ALTER TABLE org.destruction_records ADD CONSTRAINT destruction_records_subject_check
  CHECK (CASE WHEN scope = 'family-part' THEN family_id IS NOT NULL AND client_id IS NULL ELSE client_id IS NOT NULL AND family_id IS NULL END);
ALTER TABLE org.destruction_records DROP CONSTRAINT destruction_records_reason_check;
ALTER TABLE org.destruction_records ADD CONSTRAINT destruction_records_reason_check
  CHECK (reason IN ('client-request', 'retention-expired', 'last-member-destroyed'));
CREATE INDEX destruction_records_family ON org.destruction_records (family_id) WHERE family_id IS NOT NULL;

CREATE FUNCTION care.destroy_family(p_family uuid, p_organisation uuid, p_reason text, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM formal.families WHERE id = p_family AND organisation_id = p_organisation) THEN
    RAISE EXCEPTION 'destruction: family % is not of organisation %', p_family, p_organisation USING ERRCODE = 'foreign_key_violation';
  END IF;
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'on', true);
  DELETE FROM care.family_keys WHERE family_id = p_family;
  DELETE FROM care.family_entries WHERE family_id = p_family;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'off', true);
  DELETE FROM formal.family_members WHERE family_id = p_family;
  DELETE FROM formal.families WHERE id = p_family;
  INSERT INTO org.destruction_records (organisation_id, client_id, family_id, scope, part, entries_destroyed, request_id, decided_on, reason, executed_by)
    VALUES (p_organisation, NULL, p_family, 'family-part', 'family', removed, p_request, p_decided_on, p_reason, p_executed_by);
  RETURN removed;
END $$;

-- As in 0018, plus: the member leaves its families, and the last member takes the family part along.
CREATE OR REPLACE FUNCTION care.destroy_dossier(target uuid, p_organisation uuid, p_reason text, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer; fam_ids uuid[]; fam uuid;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM formal.clients WHERE id = target AND organisation_id = p_organisation) THEN
    RAISE EXCEPTION 'destruction: client % is not of organisation %', target, p_organisation USING ERRCODE = 'foreign_key_violation';
  END IF;
  removed := care.destroy_client_content(target);
  DELETE FROM care.work_notes WHERE client_id = target;
  INSERT INTO org.destruction_records (organisation_id, client_id, scope, part, entries_destroyed, request_id, decided_on, reason, executed_by)
    VALUES (p_organisation, target, 'whole-dossier', 'dossier', removed, p_request, p_decided_on, p_reason, p_executed_by);
  -- Lock the member's families first (in id order), so two last members destroyed at once cannot
  -- each see the other still there and leave the family part behind.
  SELECT array_agg(id ORDER BY id) INTO fam_ids FROM (
    SELECT f.id FROM formal.families f WHERE f.id IN (SELECT family_id FROM formal.family_members WHERE client_id = target)
     ORDER BY f.id FOR UPDATE) locked;
  DELETE FROM formal.family_members WHERE client_id = target;
  FOREACH fam IN ARRAY COALESCE(fam_ids, '{}'::uuid[]) LOOP
    IF NOT EXISTS (SELECT 1 FROM formal.family_members WHERE family_id = fam) THEN
      PERFORM care.destroy_family(fam, p_organisation, 'last-member-destroyed', p_request, p_decided_on, p_executed_by);
    END IF;
  END LOOP;
  RETURN removed;
END $$;

-- Members whose dossier was destroyed before this migration leave their families now.
DELETE FROM formal.family_members m
 WHERE EXISTS (SELECT 1 FROM org.destruction_records x WHERE x.client_id = m.client_id AND x.scope = 'whole-dossier');

REVOKE ALL ON FUNCTION care.destroy_family(uuid, uuid, text, uuid, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION care.destroy_family(uuid, uuid, text, uuid, date, uuid) TO dossierwijzer_app;
