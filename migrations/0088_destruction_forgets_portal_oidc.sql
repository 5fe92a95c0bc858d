-- A destroyed dossier also forgets the provider identities linked to its portal accounts (issue 19; completes 0085).
--
-- 0084 (the portal's OpenID Connect log-in) and 0085 (destruction closes the portal) were written side by side: 0085's
-- trigger erases user names, password hashes and second factors but left `oidc_identity` — the hash of the broker's
-- identifier of the person — and `oidc_linked_at` on the disabled account. A disabled account no longer logs in, but
-- the hash still says which person at the broker had a portal account in this (destroyed) dossier. It goes now, in the
-- same trigger, and for dossiers destroyed before this migration.
CREATE OR REPLACE FUNCTION org.close_portal_of_destroyed_dossier() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  UPDATE org.portal_sessions s SET ended_at = COALESCE(s.ended_at, clock_timestamp()), address = NULL
    FROM org.portal_accounts a WHERE a.id = s.account_id AND a.client_id = NEW.client_id AND (s.ended_at IS NULL OR s.address IS NOT NULL);
  UPDATE org.portal_invitations i SET revoked_at = clock_timestamp()
    FROM org.portal_accounts a WHERE a.id = i.account_id AND a.client_id = NEW.client_id AND i.used_at IS NULL AND i.revoked_at IS NULL;
  DELETE FROM org.portal_login_challenges c USING org.portal_accounts a WHERE a.id = c.account_id AND a.client_id = NEW.client_id;
  DELETE FROM org.message_notification_addresses n USING org.portal_accounts a WHERE a.id = n.portal_account_id AND a.client_id = NEW.client_id;
  UPDATE org.portal_accounts a
     SET username = NULL, password_hash = NULL, totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL,
         oidc_identity = NULL, oidc_linked_at = NULL,
         disabled_at = COALESCE(a.disabled_at, clock_timestamp()), disabled_by = COALESCE(a.disabled_by, NEW.executed_by)
   WHERE a.client_id = NEW.client_id;
  -- The entries went first (their own trigger, 0085); this also takes rows of entries destroyed before 0085.
  DELETE FROM care.portal_releases r WHERE r.client_id = NEW.client_id;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION org.close_portal_of_destroyed_dossier() FROM PUBLIC;

UPDATE org.portal_accounts a SET oidc_identity = NULL, oidc_linked_at = NULL
  FROM org.destruction_records d
 WHERE d.client_id = a.client_id AND d.scope = 'whole-dossier' AND a.created_at < d.executed_at AND a.oidc_identity IS NOT NULL;
