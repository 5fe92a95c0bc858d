-- The client portal's OpenID Connect log-in (issue 19 item 1: DigiD through a broker, beside password and TOTP).
--
-- An identity at the configured provider (its issuer and the subject it names the person by) is bound to a portal
-- account only by completing the one-time invitation a professional handed over after checking the identity document;
-- from then on a log-in through the provider starts that account's session. Stored is the SHA-256 of
-- `portal-oidc:<issuer>\n<subject>` in hex: the log-in only needs an equality look-up, and a copy of the database does
-- not reveal the broker's identifier of the person (for some brokers a stable cross-service pseudonym). Text, not
-- bytea: a hash involves no key, and there is then no column for a master-key rotation to classify.
ALTER TABLE org.portal_accounts ADD COLUMN oidc_identity text CHECK (oidc_identity ~ '^[0-9a-f]{64}$');
ALTER TABLE org.portal_accounts ADD COLUMN oidc_linked_at timestamptz;
ALTER TABLE org.portal_accounts ADD CONSTRAINT portal_accounts_oidc_linked CHECK ((oidc_identity IS NULL) = (oidc_linked_at IS NULL));
-- A log-in through the provider must lead to exactly one account (one person in one dossier): an identity is bound to
-- one live account at most. A parent with portal accounts for two children links the provider to one of them and uses
-- a user name and password for the other (the invitation says so when it refuses the second link).
CREATE UNIQUE INDEX portal_accounts_oidc_identity ON org.portal_accounts (oidc_identity) WHERE oidc_identity IS NOT NULL AND disabled_at IS NULL;

-- A log-in through the provider that has begun and not yet come back (the authorization request's `state`): the
-- browser holds the rest (nonce, PKCE verifier, purpose) in a sealed, short-lived cookie; this row makes the way back
-- one-time — a callback replayed with the same state (and cookie) finds it spent. Only the state's SHA-256 (hex) is
-- stored. A log-in has no organisation until it comes back (NULL); linking an invitation names the invitation's.
CREATE TABLE org.portal_oidc_pending (
  state_hash text PRIMARY KEY CHECK (state_hash ~ '^[0-9a-f]{64}$'),
  organisation_id uuid REFERENCES org.organisations(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  spent_at timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX portal_oidc_pending_expiry ON org.portal_oidc_pending (expires_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON org.portal_oidc_pending TO dossierwijzer_app;

-- Row-level security in 0063's shape: the row's own organisation (a pending log-in without one is seen only in the
-- system scope, where the log-in runs).
ALTER TABLE org.portal_oidc_pending ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON org.portal_oidc_pending TO dossierwijzer_app
  USING (org.in_scope(organisation_id)) WITH CHECK (org.in_scope(organisation_id));
