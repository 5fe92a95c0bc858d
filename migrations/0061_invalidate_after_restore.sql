-- What a restore brings back to life (issue 17 item 1), ended in one step.
--
-- A database restored from a backup forgets everything after the backup was
-- taken: a log-out, an ended session, a used or revoked enrolment link, a
-- revoked download link are all "not yet happened" again. Links and sessions
-- issued after the backup are simply absent (their tokens no longer open
-- anything); those issued before it and ended after it would work again.
-- `dossierwijzer restore` / `restored` call this as the owner, in the same
-- transaction that writes the restore marker (audit.log_restores, 0060):
--
--   every open session ends            (everyone logs in again);
--   every unused log-in challenge and enrolment link is spent or revoked
--                                      (the administrator issues new ones);
--   every unexpired download link is revoked
--                                      (the professional prepares a new one for the requester).
--
-- It returns what it did and the accounts that are active in the restored
-- database, so that the operator can re-apply account changes made after the
-- backup (an account disabled since is active again; a password or second
-- factor changed since is the old one again). It changes no care content and
-- writes no access-log row (the restore marker is the record).
--
-- org.enrolment_links is reached dynamically: it is created by 0052 (issue
-- 14), which may land after this migration on some databases.

CREATE FUNCTION ops.invalidate_after_restore(p_now timestamptz) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  sessions_ended integer;
  challenges_spent integer;
  enrolment_links_revoked integer := 0;
  downloads jsonb;
  accounts jsonb;
BEGIN
  UPDATE org.sessions SET ended_at = p_now WHERE ended_at IS NULL AND expires_at > p_now;
  GET DIAGNOSTICS sessions_ended = ROW_COUNT;

  UPDATE org.login_challenges SET used_at = p_now WHERE used_at IS NULL AND expires_at > p_now;
  GET DIAGNOSTICS challenges_spent = ROW_COUNT;

  IF to_regclass('org.enrolment_links') IS NOT NULL THEN
    EXECUTE 'UPDATE org.enrolment_links SET revoked_at = $1 WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > $1' USING p_now;
    GET DIAGNOSTICS enrolment_links_revoked = ROW_COUNT;
  END IF;

  WITH revoked AS (
    UPDATE org.download_links SET revoked_at = p_now
     WHERE revoked_at IS NULL AND expires_at > p_now
    RETURNING id, request_id, created_at
  )
  SELECT coalesce(jsonb_agg(jsonb_build_object('linkId', id, 'requestId', request_id, 'createdAt', created_at) ORDER BY created_at), '[]'::jsonb)
    INTO downloads FROM revoked;

  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'username', username, 'role', role, 'createdAt', created_at, 'passwordChangedAt', password_changed_at,
           'totpEnrolledAt', totp_enrolled_at) ORDER BY username), '[]'::jsonb)
    INTO accounts FROM org.employees WHERE active;

  RETURN jsonb_build_object(
    'sessionsEnded', sessions_ended, 'challengesSpent', challenges_spent, 'enrolmentLinksRevoked', enrolment_links_revoked,
    'downloadLinksRevoked', downloads, 'activeAccounts', accounts);
END $$;

REVOKE ALL ON FUNCTION ops.invalidate_after_restore(timestamptz) FROM PUBLIC;
