-- A destroyed dossier takes its client portal with it (issue 19; Jeugdwet 7.3.9; AVG 5(1)(c) and (e); DOMAIN §5:
-- "destruction leaves a record that it happened, not what was in it").
--
-- Until now the destruction of a whole dossier — on a granted request or at the end of the retention period — left the
-- portal behind: the accounts of the client and the relations stayed live with their sessions, an open invitation could
-- still be completed, the user names and password hashes and the addresses for "er is een nieuw bericht" stayed, and
-- so did the release records of the destroyed entries (which entry went into the portal when, which was held back on
-- which ground — serious harm to the client, another person's privacy — and which colleague was consulted).
--
-- From here, in the same statement as the destruction and whichever path carried it out:
-- * every portal account of the dossier is disabled (by whoever carried out the destruction), its user name, password
--   hash and second factor erased; its open sessions end and their addresses are erased; an open invitation is voided;
--   a log-in step under way is removed; its notification address (org.message_notification_addresses) is removed.
--   The account row itself stays, without anything that identifies the person: the access log names portal users by
--   the account id (employee_id, gate-log.ts), and requests and consents given in the portal keep it as their evidence
--   (0077, 0078); like the destruction record, those rows show that something happened, not who could log in as whom.
-- * the release records of the destroyed entries are removed — for a partial destruction too, entry by entry. They say
--   nothing the destruction record needs (what kind, when, at whose request, on which decision: org.destruction_records)
--   and something about what the dossier held: that an entry would seriously harm the client, or was about another
--   person. Their reasons were sealed under the dossier's key and unreadable already; the rest goes now.
-- What the destruction records itself (org.destruction_records, the access-log row) is unchanged.
--
-- Triggers rather than a new body of care.destroy_dossier: the outer functions are redefined now and then (0055, 0067),
-- and a trigger on what every path writes — the destruction record, the deletion of the entries — cannot be left out
-- by the next body. Both run as the owner (SECURITY DEFINER): the application role may delete none of these rows.

CREATE FUNCTION org.close_portal_of_destroyed_dossier() RETURNS trigger
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
         disabled_at = COALESCE(a.disabled_at, clock_timestamp()), disabled_by = COALESCE(a.disabled_by, NEW.executed_by)
   WHERE a.client_id = NEW.client_id;
  -- The entries went first (their own trigger below); this also takes rows of entries destroyed before 0085.
  DELETE FROM care.portal_releases r WHERE r.client_id = NEW.client_id;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION org.close_portal_of_destroyed_dossier() FROM PUBLIC;

CREATE TRIGGER destruction_closes_portal AFTER INSERT ON org.destruction_records
  FOR EACH ROW WHEN (NEW.scope = 'whole-dossier' AND NEW.client_id IS NOT NULL)
  EXECUTE FUNCTION org.close_portal_of_destroyed_dossier();

-- Entries are deleted only by the sanctioned destruction (care.entries is append-only otherwise): their release records go with them.
CREATE FUNCTION care.forget_portal_releases_of_destroyed_entries() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  DELETE FROM care.portal_releases r USING destroyed d WHERE r.client_id = d.client_id AND r.entry_id = d.id;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION care.forget_portal_releases_of_destroyed_entries() FROM PUBLIC;

CREATE TRIGGER entries_destroyed_forget_portal_releases AFTER DELETE ON care.entries
  REFERENCING OLD TABLE AS destroyed FOR EACH STATEMENT
  EXECUTE FUNCTION care.forget_portal_releases_of_destroyed_entries();

-- Dossiers destroyed before this migration: release records whose entry is gone, and the accounts made before the
-- dossier's destruction (a dossier destroyed on request may have been continued, and invited again, since).
DELETE FROM care.portal_releases r WHERE NOT EXISTS (SELECT 1 FROM care.entries e WHERE e.id = r.entry_id);
DELETE FROM org.message_notification_addresses n USING org.portal_accounts a, org.destruction_records d
 WHERE a.id = n.portal_account_id AND d.client_id = a.client_id AND d.scope = 'whole-dossier' AND a.created_at < d.executed_at;
DELETE FROM org.portal_login_challenges c USING org.portal_accounts a, org.destruction_records d
 WHERE a.id = c.account_id AND d.client_id = a.client_id AND d.scope = 'whole-dossier' AND a.created_at < d.executed_at;
UPDATE org.portal_sessions s SET ended_at = COALESCE(s.ended_at, clock_timestamp()), address = NULL
  FROM org.portal_accounts a, org.destruction_records d
 WHERE a.id = s.account_id AND d.client_id = a.client_id AND d.scope = 'whole-dossier' AND a.created_at < d.executed_at;
UPDATE org.portal_invitations i SET revoked_at = clock_timestamp()
  FROM org.portal_accounts a, org.destruction_records d
 WHERE a.id = i.account_id AND d.client_id = a.client_id AND d.scope = 'whole-dossier' AND a.created_at < d.executed_at
   AND i.used_at IS NULL AND i.revoked_at IS NULL;
UPDATE org.portal_accounts a
   SET username = NULL, password_hash = NULL, totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL,
       disabled_at = COALESCE(a.disabled_at, d.executed_at), disabled_by = COALESCE(a.disabled_by, d.executed_by)
  FROM org.destruction_records d
 WHERE d.client_id = a.client_id AND d.scope = 'whole-dossier' AND a.created_at < d.executed_at;
