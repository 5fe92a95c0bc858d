-- The client portal's realm (issue 19, item 1): accounts for clients and their registered relations, the one-time
-- invitations a professional hands over, and the portal's own sessions and log-in challenges. A portal user is never
-- an employee: nothing here references or extends org.employees, org.sessions or org.login_challenges, so no staff
-- query can find a portal user and no portal session opens a staff route (separate cookie `dw_portal`, ARCHITECTURE.md).
--
-- One account per person per client dossier: the client (relation_id NULL) or one registered relation
-- (formal.client_relations). Many accounts per dossier. An account is made when it is first invited, without
-- credentials; completing an invitation sets its user name, password and TOTP secret (sealed under the master key,
-- like an employee's). A new invitation for the same person revokes the open one and, once completed, replaces the
-- credentials (a lost phone or password: the professional invites again after checking identity again).
CREATE TABLE org.portal_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  relation_id uuid REFERENCES formal.client_relations(id),   -- NULL: the client themself
  username text,                                               -- chosen when the invitation is completed
  password_hash text,
  totp_secret bytea,                                           -- sealed under the master key (`portal-totp:<id>`)
  totp_enrolled_at timestamptz,
  totp_last_step bigint,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES org.employees(id),
  disabled_at timestamptz,
  disabled_by uuid REFERENCES org.employees(id),
  CHECK (username IS NULL OR length(btrim(username)) BETWEEN 3 AND 200),
  CHECK ((username IS NULL) = (password_hash IS NULL))
);
-- One live account per person per dossier; a user name once across all organisations (the log-in knows no organisation).
CREATE UNIQUE INDEX portal_accounts_one_per_person
  ON org.portal_accounts (client_id, coalesce(relation_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE disabled_at IS NULL;
CREATE UNIQUE INDEX portal_accounts_username ON org.portal_accounts (lower(username)) WHERE username IS NOT NULL;
CREATE INDEX portal_accounts_client ON org.portal_accounts (client_id);
GRANT SELECT, INSERT, UPDATE ON org.portal_accounts TO dossierwijzer_app;

-- A one-time link: only the SHA-256 of its token is stored; it expires, and is used once (used_at). The professional
-- states the identity document they checked (as for a request: the existing identity-check record's shape).
CREATE TABLE org.portal_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id uuid NOT NULL REFERENCES org.portal_accounts(id),
  token_hash bytea NOT NULL UNIQUE,
  created_by uuid NOT NULL REFERENCES org.employees(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  identity_document text NOT NULL CHECK (identity_document IN ('passport', 'identity-card', 'driving-licence', 'residence-permit', 'other')),
  identity_checked_at timestamptz NOT NULL,
  CHECK (expires_at > created_at),
  CHECK (used_at IS NULL OR revoked_at IS NULL)
);
CREATE INDEX portal_invitations_account ON org.portal_invitations (account_id) WHERE used_at IS NULL AND revoked_at IS NULL;
GRANT SELECT, INSERT, UPDATE ON org.portal_invitations TO dossierwijzer_app;

-- The portal's sessions: the cookie holds a random token, the table its SHA-256 (as org.sessions).
CREATE TABLE org.portal_sessions (
  token_hash bytea PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES org.portal_accounts(id),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  address text
);
CREATE INDEX portal_sessions_account ON org.portal_sessions (account_id) WHERE ended_at IS NULL;
GRANT SELECT, INSERT, UPDATE ON org.portal_sessions TO dossierwijzer_app;

-- The step between password and code (as org.login_challenges): one-time, five minutes, a few attempts.
CREATE TABLE org.portal_login_challenges (
  id_hash bytea PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES org.portal_accounts(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  spent_at timestamptz
);
CREATE INDEX portal_login_challenges_account ON org.portal_login_challenges (account_id);
GRANT SELECT, INSERT, UPDATE, DELETE ON org.portal_login_challenges TO dossierwijzer_app;

-- Row-level security in 0063's shape: org.in_scope(<organisation>), the account's own column or a scalar look-up on
-- the parent account's key.
ALTER TABLE org.portal_accounts ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON org.portal_accounts TO dossierwijzer_app
  USING (org.in_scope(organisation_id)) WITH CHECK (org.in_scope(organisation_id));
ALTER TABLE org.portal_invitations ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON org.portal_invitations TO dossierwijzer_app
  USING (org.in_scope((SELECT dw_a.organisation_id FROM org.portal_accounts dw_a WHERE dw_a.id = portal_invitations.account_id)))
  WITH CHECK (org.in_scope((SELECT dw_a.organisation_id FROM org.portal_accounts dw_a WHERE dw_a.id = portal_invitations.account_id)));
ALTER TABLE org.portal_sessions ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON org.portal_sessions TO dossierwijzer_app
  USING (org.in_scope((SELECT dw_a.organisation_id FROM org.portal_accounts dw_a WHERE dw_a.id = portal_sessions.account_id)))
  WITH CHECK (org.in_scope((SELECT dw_a.organisation_id FROM org.portal_accounts dw_a WHERE dw_a.id = portal_sessions.account_id)));
ALTER TABLE org.portal_login_challenges ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON org.portal_login_challenges TO dossierwijzer_app
  USING (org.in_scope((SELECT dw_a.organisation_id FROM org.portal_accounts dw_a WHERE dw_a.id = portal_login_challenges.account_id)))
  WITH CHECK (org.in_scope((SELECT dw_a.organisation_id FROM org.portal_accounts dw_a WHERE dw_a.id = portal_login_challenges.account_id)));
