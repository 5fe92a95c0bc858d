-- The second person's confirmation of a destruction (issue 14, deliverable 1: "a destruction is carried out only
-- after a second authorised person confirms it (an organisation setting, on by default)").
--
-- A granted destroy request is carried out only once a second, different authorised person — the client's current
-- dossier holder, a manager or a privacy officer of the organisation, never the decider — confirmed it through
-- org.confirm_request_destruction, which writes its own log row. care.assert_destruction_decided (0029/0040/0055)
-- refuses the destruction until then while org.organisations.destruction_second_confirmation is on (the default);
-- only the owner can switch it off. The confirmation columns were created in 0055, out of the application role's
-- reach (column privileges and the request trigger).

ALTER TABLE org.organisations
  ADD COLUMN destruction_second_confirmation boolean NOT NULL DEFAULT true;
COMMENT ON COLUMN org.organisations.destruction_second_confirmation IS
  'A destruction on request is carried out only after a second authorised person (not the decider) confirms it (issue 14).';

-- The setting itself is the owner's to change (there is no route for it): the application role, which may update
-- other organisation settings, cannot switch the second confirmation off.
CREATE FUNCTION org.refuse_app_second_confirmation_change() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF current_user = 'dossierwijzer_app' AND NEW.destruction_second_confirmation IS DISTINCT FROM OLD.destruction_second_confirmation THEN
    RAISE EXCEPTION 'the second confirmation of destruction is changed only by the owner' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER organisations_second_confirmation_by_owner BEFORE UPDATE ON org.organisations
  FOR EACH ROW EXECUTE FUNCTION org.refuse_app_second_confirmation_change();

-- ---------------------------------------------------------------- the second person's confirmation of a destruction

-- Authorised to confirm: the client's current dossier holder, a manager or a privacy officer of the organisation —
-- never the person who decided (two people, not one person twice).
CREATE FUNCTION org.confirm_request_destruction(p_request uuid, p_confirmed_by uuid, p_at timestamptz, p_route text, p_session text, p_address text)
  RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  r record;
BEGIN
  SELECT q.id, q.client_id, q.kind, q.part, q.state, q.decision, q.decided_by, q.destruction_confirmed_by INTO r
    FROM org.requests q WHERE q.id = p_request FOR UPDATE;
  IF NOT FOUND OR r.kind <> 'destroy' OR r.state <> 'decided' OR r.decision NOT IN ('granted', 'partly') THEN
    RAISE EXCEPTION 'confirmation: request % is no granted destruction waiting to be carried out', p_request USING ERRCODE = 'DW003';
  END IF;
  IF r.destruction_confirmed_by IS NOT NULL THEN
    RAISE EXCEPTION 'confirmation: the destruction of request % was already confirmed', p_request USING ERRCODE = 'DW003';
  END IF;
  IF p_confirmed_by = r.decided_by THEN
    RAISE EXCEPTION 'confirmation: the decider cannot also be the second person' USING ERRCODE = 'DW005';
  END IF;
  IF NOT (org.may_decide_for_client(p_confirmed_by, r.client_id, p_at::date)
          OR EXISTS (SELECT 1 FROM org.employees e JOIN formal.clients c ON c.organisation_id = e.organisation_id
                      WHERE e.id = p_confirmed_by AND c.id = r.client_id AND e.active AND e.role = 'privacy-officer')) THEN
    RAISE EXCEPTION 'confirmation: employee % may not confirm the destruction of client %', p_confirmed_by, r.client_id USING ERRCODE = 'DW003';
  END IF;
  UPDATE org.requests SET destruction_confirmed_by = p_confirmed_by, destruction_confirmed_at = p_at WHERE id = p_request;
  PERFORM audit.append_from_definer(p_confirmed_by, r.client_id, 'confirm-destruction', r.part,
    'Tweede bevestiging van de vernietiging op verzoek', ARRAY['Jeugdwet 7.3.9'], p_route, p_session, p_address);
END $$;
REVOKE ALL ON FUNCTION org.confirm_request_destruction(uuid, uuid, timestamptz, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION org.confirm_request_destruction(uuid, uuid, timestamptz, text, text, text) TO dossierwijzer_app;

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
    IF EXISTS (SELECT 1 FROM org.organisations o WHERE o.id = p_organisation AND o.destruction_second_confirmation)
       AND NOT EXISTS (SELECT 1 FROM org.requests r WHERE r.id = p_request AND r.destruction_confirmed_by IS NOT NULL) THEN
      RAISE EXCEPTION 'destruction: request % waits for the confirmation of a second person', p_request USING ERRCODE = 'DW006';
    END IF;
  ELSIF p_reason = 'retention-expired' THEN
    IF NOT EXISTS (SELECT 1 FROM org.retention_reviews WHERE client_id = target AND organisation_id = p_organisation AND status = 'confirmed') THEN
      RAISE EXCEPTION 'destruction: the retention destruction of client % was not confirmed', target USING ERRCODE = 'DW002';
    END IF;
  ELSE
    RAISE EXCEPTION 'destruction: reason % is not a decision', p_reason USING ERRCODE = 'DW002';
  END IF;
END $$;
