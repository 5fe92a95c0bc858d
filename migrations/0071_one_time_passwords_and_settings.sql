-- Two things of issue 14 that the database must hold, not only the application.
--
-- 1. One-time passwords from before the enrolment links (0052).
--    Before 0052 the application administrator created an account with a one-time password and the employee was
--    to change it at the first log-in (`must_change_password`). Nothing reads that column any more, so an account
--    that never changed its one-time password still logs in with a password its administrator knows — and if it
--    has no second factor yet, the log-in offers to enrol one (auth-routes.ts: `next: 'enrol'`), so whoever knows
--    the password can make the second factor their own. Such an account gets what a reset gives it
--    (enrolment.ts `clearCredentials`): no password, no second factor, no recovery codes, no open log-in
--    challenges, no live sessions. Nobody can log in to it until its employee completes an enrolment link, which
--    the administrator issues as for any account that is not enrolled (POST /api/admin/employees/:id/reset). The
--    column stays (it is history); it is set to false because the one-time password it spoke of is gone.
--    A privileged role on such an account is left as it is: the account cannot be used until the enrolment, and
--    a reset through the administrator's API asks the second person again.
UPDATE org.sessions SET ended_at = now()
 WHERE ended_at IS NULL AND employee_id IN (SELECT id FROM org.employees WHERE must_change_password);
DELETE FROM org.login_challenges WHERE employee_id IN (SELECT id FROM org.employees WHERE must_change_password);
DELETE FROM org.recovery_codes WHERE employee_id IN (SELECT id FROM org.employees WHERE must_change_password);
UPDATE org.employees
   SET password_hash = NULL, totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL, must_change_password = false
 WHERE must_change_password;

-- 2. The second confirmation of a destruction, changed by the privacy officer.
--    0057 let only the owner switch `destruction_second_confirmation` (a trigger refuses the application role), so
--    that no bug and no application administrator can switch the four-eyes destruction off. The setting is a
--    privacy safeguard (AVG 25 and 32): it is the privacy officer's to set (organisation/organisation-settings-rule.ts).
--    This function is the one way the application changes it: it runs as the owner, and only for an active
--    privacy officer of that organisation whose role is not awaiting approval. It returns the value it replaced.
--    The access-log row of the act is written by the gate in the same transaction (an administration act).
CREATE FUNCTION org.set_destruction_second_confirmation(p_organisation uuid, p_by uuid, p_on boolean)
  RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  previous boolean;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM org.employees e
                  WHERE e.id = p_by AND e.organisation_id = p_organisation AND e.active AND NOT e.role_pending
                    AND e.role = 'privacy-officer') THEN
    RAISE EXCEPTION 'setting: employee % may not change the second confirmation of organisation %', p_by, p_organisation
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT destruction_second_confirmation INTO previous FROM org.organisations WHERE id = p_organisation FOR UPDATE;
  UPDATE org.organisations SET destruction_second_confirmation = p_on WHERE id = p_organisation;
  RETURN previous;
END $$;
REVOKE ALL ON FUNCTION org.set_destruction_second_confirmation(uuid, uuid, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION org.set_destruction_second_confirmation(uuid, uuid, boolean) TO dossierwijzer_app;
