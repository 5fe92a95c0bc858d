-- Decisions the database itself holds (issue 14, deliverable 6; deliverable 1 for the professional consulted).
--
-- Until now the application role could write any decision it later relied on: `UPDATE org.requests SET
-- state = 'decided', decision = 'granted'` (or an INSERT of such a row, or `status = 'confirmed'` on a retention
-- review) followed by `SELECT care.destroy_dossier(...)` destroyed a dossier, with no access-log row.
-- From here on:
--   * a request is decided only through org.decide_request, which checks the decider (the client's current
--     dossier holder, or a manager of the organisation), refuses a refusal on serious harm that does not name
--     the other professional consulted (Jeugdwet 7.3.2 lid 4; BW 7:448 lid 3), and writes its own log row;
--   * (0057 adds: a destruction on request waits for a second, different authorised person's confirmation);
--   * a retention review is confirmed only through org.confirm_retention_destruction (a privacy officer of the
--     organisation), with its log row;
--   * care.destroy_dossier and friends write their own log row;
--   * the application role loses UPDATE of the decision columns (column privileges), and a trigger refuses the
--     forged transitions (state -> 'decided', status -> 'confirmed') whenever the writer is the application role
--     itself rather than one of these SECURITY DEFINER functions (inside them current_user is the owner).

ALTER TABLE org.requests
  ADD COLUMN consulted_professional text CHECK (consulted_professional IS NULL OR length(consulted_professional) BETWEEN 2 AND 300),
  ADD COLUMN destruction_confirmed_by uuid REFERENCES org.employees (id),
  ADD COLUMN destruction_confirmed_at timestamptz;
COMMENT ON COLUMN org.requests.consulted_professional IS
  'The other professional consulted before a refusal on serious harm (Jeugdwet 7.3.2 lid 4): name and function.';

-- ---------------------------------------------------------------- who may decide, from what the database knows

-- The client's current dossier holder, or a manager of the client's organisation (issue 14: "requests are
-- decided by the dossier holder (or a manager)"). Interns, members, substitutes and administrative staff are not.
CREATE FUNCTION org.may_decide_for_client(p_employee uuid, p_client uuid, p_on date) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT EXISTS (
    SELECT 1 FROM org.employees e JOIN formal.clients c ON c.organisation_id = e.organisation_id
     WHERE e.id = p_employee AND c.id = p_client AND e.active
       AND (e.role = 'manager'
            OR EXISTS (SELECT 1 FROM org.care_team t
                        WHERE t.client_id = p_client AND t.employee_id = p_employee AND t.relation = 'holder'
                          AND t.starts_on <= p_on AND (t.ends_on IS NULL OR t.ends_on > p_on))))
$$;
REVOKE ALL ON FUNCTION org.may_decide_for_client(uuid, uuid, date) FROM PUBLIC;

-- One access-log row written from SQL, as access-log.ts writes them: the chain trigger (0003/0031) numbers,
-- dates and hashes it; the role is the employee's role as the database knows it.
CREATE FUNCTION audit.append_from_definer(p_employee uuid, p_client uuid, p_action text, p_part text, p_purpose text,
                                          p_citations text[], p_route text, p_session text, p_address text, p_role text DEFAULT NULL)
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  emp record;
BEGIN
  SELECT e.organisation_id, e.role INTO emp FROM org.employees e WHERE e.id = p_employee;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'log: employee % does not exist', p_employee USING ERRCODE = 'foreign_key_violation';
  END IF;
  INSERT INTO audit.access_log (organisation_id, employee_id, employee_role, client_id, action, part, outcome, basis, purpose,
                                citations, route, session_id, address)
  VALUES (emp.organisation_id, p_employee, COALESCE(p_role, emp.role), p_client, p_action, p_part, 'allowed', 'legal-duty', p_purpose,
          COALESCE(p_citations, '{}'), COALESCE(p_route, 'database'), p_session, p_address);
END $$;
REVOKE ALL ON FUNCTION audit.append_from_definer(uuid, uuid, text, text, text, text[], text, text, text, text) FROM PUBLIC;

-- ---------------------------------------------------------------- deciding a request

CREATE FUNCTION org.decide_request(
  p_request uuid, p_decided_by uuid, p_outcome text, p_facts text[], p_reasons_ciphertext bytea, p_basis text[],
  p_decided_on date, p_execution_deadline date, p_granted_entries uuid[], p_refused jsonb, p_consulted text,
  p_route text, p_session text, p_address text
) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  r record;
BEGIN
  SELECT q.id, q.client_id, q.kind, q.part, q.state INTO r FROM org.requests q WHERE q.id = p_request FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'decision: request % does not exist', p_request USING ERRCODE = 'DW003';
  END IF;
  IF r.state NOT IN ('received', 'extended') THEN
    RAISE EXCEPTION 'decision: request % was already decided', p_request USING ERRCODE = 'DW003';
  END IF;
  IF NOT org.may_decide_for_client(p_decided_by, r.client_id, p_decided_on) THEN
    RAISE EXCEPTION 'decision: employee % is neither the dossier holder nor a manager of client %', p_decided_by, r.client_id
      USING ERRCODE = 'DW003';
  END IF;
  -- Jeugdwet 7.3.2 lid 4 (BW 7:448 lid 3): withholding on serious harm only after consulting another professional.
  IF p_outcome IN ('refused', 'partly') AND 'serious-harm-assessed' = ANY (COALESCE(p_facts, '{}'))
     AND length(btrim(COALESCE(p_consulted, ''))) < 2 THEN
    RAISE EXCEPTION 'decision: a refusal on serious harm names the other professional consulted' USING ERRCODE = 'DW004';
  END IF;
  UPDATE org.requests
     SET state = 'decided', decision = p_outcome, decision_facts = COALESCE(p_facts, '{}'), decision_reasons_ciphertext = p_reasons_ciphertext,
         decision_basis = COALESCE(p_basis, '{}'), decided_on = p_decided_on, decided_by = p_decided_by, appeal_deadline = NULL,
         execution_deadline = p_execution_deadline, destruction_granted_entries = p_granted_entries, destruction_refused = p_refused,
         consulted_professional = NULLIF(btrim(COALESCE(p_consulted, '')), '')
   WHERE id = p_request;
  PERFORM audit.append_from_definer(p_decided_by, r.client_id, 'decide', r.part,
    'Besluit op verzoek (' || r.kind || '): ' || CASE p_outcome WHEN 'granted' THEN 'toegewezen' WHEN 'partly' THEN 'gedeeltelijk toegewezen' ELSE 'geweigerd' END,
    p_basis, p_route, p_session, p_address);
END $$;
REVOKE ALL ON FUNCTION org.decide_request(uuid, uuid, text, text[], bytea, text[], date, date, uuid[], jsonb, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION org.decide_request(uuid, uuid, text, text[], bytea, text[], date, date, uuid[], jsonb, text, text, text, text) TO dossierwijzer_app;

-- ---------------------------------------------------------------- the privacy officer's confirmation of a retention destruction

CREATE FUNCTION org.confirm_retention_destruction(p_client uuid, p_organisation uuid, p_confirmed_by uuid, p_at timestamptz,
                                                  p_route text, p_session text, p_address text)
  RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM org.employees e
                  WHERE e.id = p_confirmed_by AND e.organisation_id = p_organisation AND e.active AND e.role = 'privacy-officer') THEN
    RAISE EXCEPTION 'confirmation: employee % is not a privacy officer of organisation %', p_confirmed_by, p_organisation USING ERRCODE = 'DW003';
  END IF;
  UPDATE org.retention_reviews
     SET status = 'confirmed', hold_reason = NULL, hold_reason_ciphertext = NULL, decided_by = p_confirmed_by, decided_at = p_at
   WHERE client_id = p_client AND organisation_id = p_organisation AND status IN ('pending', 'confirmed', 'held');
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  PERFORM audit.append_from_definer(p_confirmed_by, p_client, 'confirm-destruction', 'dossier',
    'Bewaartermijn verstreken; vernietiging bevestigd door de privacyfunctionaris', ARRAY['Jeugdwet 7.3.8', 'BW 7:454'],
    p_route, p_session, p_address);
  RETURN true;
END $$;
REVOKE ALL ON FUNCTION org.confirm_retention_destruction(uuid, uuid, uuid, timestamptz, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION org.confirm_retention_destruction(uuid, uuid, uuid, timestamptz, text, text, text) TO dossierwijzer_app;

-- ---------------------------------------------------------------- the application role cannot forge them

-- Column privileges: the decision columns are no longer the application role's to UPDATE. INSERT stays (a request
-- refused at intake is inserted with its refusal; the trigger below allows exactly that).
REVOKE UPDATE ON org.requests FROM dossierwijzer_app;
GRANT UPDATE (identity_document, identity_checked_by, identity_checked_at, state, consent_missing, consent_recorded_on,
              deadline, extension_notice_on, appeal_deadline, fulfilled_on, fulfilled_by, fee_cents, withdrawn_consent_id,
              consent_of, consent_given_on, consent_how, consent_reference, consent_reference_ciphertext,
              extension_reasons_ciphertext, answer_received_on, details_ciphertext)
  ON org.requests TO dossierwijzer_app;

REVOKE UPDATE ON org.retention_reviews FROM dossierwijzer_app;
GRANT UPDATE (last_change, kept_until, listed_at, status, decided_by, decided_at, hold_reason, hold_reason_ciphertext, destroyed_at)
  ON org.retention_reviews TO dossierwijzer_app;

-- The transitions themselves, for the application role writing directly (inside the functions above current_user
-- is the owner and these checks do not apply).
CREATE FUNCTION org.refuse_forged_request_decision() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF current_user <> 'dossierwijzer_app' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF (NEW.decision IS NOT NULL AND NOT (NEW.state = 'refused-at-intake' AND NEW.decision = 'refused'))
       OR NEW.state IN ('decided', 'fulfilled') OR NEW.destruction_confirmed_by IS NOT NULL OR NEW.consulted_professional IS NOT NULL THEN
      RAISE EXCEPTION 'a request is decided only through org.decide_request' USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF NEW.state IS DISTINCT FROM OLD.state AND (NEW.state = 'decided' OR (NEW.state = 'fulfilled' AND OLD.state <> 'decided')) THEN
    RAISE EXCEPTION 'a request is decided only through org.decide_request' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER requests_decided_by_function BEFORE INSERT OR UPDATE ON org.requests
  FOR EACH ROW EXECUTE FUNCTION org.refuse_forged_request_decision();

CREATE FUNCTION org.refuse_forged_retention_confirmation() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF current_user <> 'dossierwijzer_app' OR NEW.status <> 'confirmed' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' OR OLD.status <> 'confirmed' OR NEW.decided_by IS DISTINCT FROM OLD.decided_by
     OR NEW.decided_at IS DISTINCT FROM OLD.decided_at THEN
    RAISE EXCEPTION 'a retention destruction is confirmed only through org.confirm_retention_destruction' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER retention_reviews_confirmed_by_function BEFORE INSERT OR UPDATE ON org.retention_reviews
  FOR EACH ROW EXECUTE FUNCTION org.refuse_forged_retention_confirmation();

-- ---------------------------------------------------------------- destruction logs itself

-- The destruction's own log row: who carried it out, on which decision.
CREATE FUNCTION care.log_destruction(target uuid, p_reason text, p_part text, p_executed_by uuid) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF p_reason = 'retention-expired' THEN
    PERFORM audit.append_from_definer(p_executed_by, target, 'destroy', p_part,
      'Bewaartermijn verstreken; vernietiging bevestigd door de privacyfunctionaris', ARRAY['Jeugdwet 7.3.8', 'BW 7:454'],
      'retention destroy-confirmed', NULL, NULL, 'privacy-officer');
  ELSE
    PERFORM audit.append_from_definer(p_executed_by, target, 'destroy', p_part,
      'Vernietiging op verzoek, na besluit', ARRAY['Jeugdwet 7.3.9'], 'care.destroy_dossier', NULL, NULL);
  END IF;
END $$;
REVOKE ALL ON FUNCTION care.log_destruction(uuid, text, text, uuid) FROM PUBLIC;

CREATE OR REPLACE FUNCTION care.destroy_dossier(target uuid, p_organisation uuid, p_reason text, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer;
BEGIN
  PERFORM care.assert_destruction_decided(target, p_organisation, p_reason, p_request, 'dossier', NULL);
  removed := care.destroy_dossier_decided(target, p_organisation, p_reason, p_request, p_decided_on, p_executed_by);
  PERFORM care.log_destruction(target, p_reason, 'dossier', p_executed_by);
  RETURN removed;
END $$;

CREATE OR REPLACE FUNCTION care.destroy_dossier_part(target uuid, kinds text[], p_part text, p_organisation uuid, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer;
BEGIN
  PERFORM care.assert_destruction_decided(target, p_organisation, 'client-request', p_request, p_part, NULL);
  IF EXISTS (SELECT 1 FROM unnest(kinds) k WHERE care.part_of_entry_kind(k) <> p_part) THEN
    RAISE EXCEPTION 'destruction: an entry kind outside part %', p_part USING ERRCODE = 'DW002';
  END IF;
  removed := care.destroy_dossier_part_decided(target, kinds, p_part, p_organisation, p_request, p_decided_on, p_executed_by);
  PERFORM care.log_destruction(target, 'client-request', p_part, p_executed_by);
  RETURN removed;
END $$;

CREATE OR REPLACE FUNCTION care.destroy_dossier_entries(target uuid, entry_ids uuid[], p_part text, p_organisation uuid, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer;
BEGIN
  PERFORM care.assert_destruction_decided(target, p_organisation, 'client-request', p_request, NULL, entry_ids);
  removed := care.destroy_dossier_entries_decided(target, entry_ids, p_part, p_organisation, p_request, p_decided_on, p_executed_by);
  PERFORM care.log_destruction(target, 'client-request', p_part, p_executed_by);
  RETURN removed;
END $$;
