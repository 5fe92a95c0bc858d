-- Two things of issue 15 (a web application a hulpverlener can work in all day).
--
-- 1. The organisation's contact details, for the letters it sends (item 3). Until now org.organisations held a name
--    only, so a decision letter could not say where to write to and told the requester to ask the dossier holder
--    for the address. A letter on a request must tell the requester how to reach the organisation (AVG 12(1)–(2):
--    the controller makes it easy to exercise the rights). All optional: an organisation without them keeps the
--    old sentence. Set by the privacy officer with the other organisation settings (organisation-settings-rule.ts),
--    each change a row of the hash-chained administration log with its old and new value. Plain text: the
--    organisation's own public details, no client data. The application checks the form (a 400 naming the field);
--    the checks below only bound what any path can store.
ALTER TABLE org.organisations
  ADD COLUMN postal_address text,
  ADD COLUMN postal_code text,
  ADD COLUMN town text,
  ADD COLUMN phone text,
  ADD COLUMN email text,
  ADD COLUMN website text,
  ADD CONSTRAINT organisations_contact_bounded CHECK (
    coalesce(length(postal_address), 0) <= 200 AND coalesce(length(postal_code), 0) <= 10 AND coalesce(length(town), 0) <= 100
    AND coalesce(length(phone), 0) <= 30 AND coalesce(length(email), 0) <= 200 AND coalesce(length(website), 0) <= 200);

-- 2. The end of care (item 4). care.dossiers.care_ended_on existed since 0001 but nothing set it. The end is recorded
--    once, by the dossier holder or a manager (the act end-care, src/rules/acts.ts), with why (a closed list: no free
--    text about the client outside the sealed tables), who and when. It is a change of the dossier, so the retention
--    period of twenty years counts from it at the earliest (Jeugdwet 7.3.8; BW 7:454 lid 3: "vanaf het tijdstip
--    waarop de laatste wijziging in het dossier heeft plaatsgevonden"; 000: "tot 20 jaar na afloop van de
--    hulpverlening"): the retention store reads care_ended_on beside the entries.
ALTER TABLE care.dossiers
  ADD COLUMN care_end_reason text,
  ADD COLUMN care_ended_by uuid REFERENCES org.employees(id),
  ADD COLUMN care_ended_at timestamptz,
  ADD CONSTRAINT dossiers_care_end_reason_known
    CHECK (care_end_reason IS NULL OR care_end_reason IN ('goals-reached', 'client-stopped', 'referred', 'moved', 'other')),
  -- An end is recorded whole or not at all.
  ADD CONSTRAINT dossiers_care_end_whole CHECK (
    (care_ended_on IS NULL) = (care_end_reason IS NULL) AND (care_ended_on IS NULL) = (care_ended_by IS NULL)
    AND (care_ended_on IS NULL) = (care_ended_at IS NULL));

-- Recorded once: an end already recorded is not changed or taken back by the application (a mistake is corrected by
-- the operator, as the owner, with the history in the access log).
CREATE FUNCTION care.refuse_care_end_change() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  IF OLD.care_ended_on IS NOT NULL AND current_user = 'dossierwijzer_app'
     AND (NEW.care_ended_on IS DISTINCT FROM OLD.care_ended_on OR NEW.care_end_reason IS DISTINCT FROM OLD.care_end_reason
          OR NEW.care_ended_by IS DISTINCT FROM OLD.care_ended_by OR NEW.care_ended_at IS DISTINCT FROM OLD.care_ended_at) THEN
    RAISE EXCEPTION 'care ended: the end is recorded once (hulp beëindigd: het einde wordt één keer vastgelegd)' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER dossiers_care_end_once BEFORE UPDATE ON care.dossiers FOR EACH ROW EXECUTE FUNCTION care.refuse_care_end_change();
