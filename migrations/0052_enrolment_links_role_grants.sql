-- Separation of duties in administration (issue 14 deliverable 5).
--
-- 1. The application administrator no longer sets anyone's password or second
--    factor. Creating or resetting an account yields a one-time enrolment link
--    that the employee opens to choose their own password and enrol their own
--    TOTP. Only the SHA-256 of the link's token is stored; it expires (72 h by
--    default), is used at most once, and a newer link or a reset revokes it.
-- 2. Granting a privileged role (manager, privacy officer, application
--    administrator) needs a second person's approval (NEN 7510-2 A.6.1.2
--    segregation of duties, A.9.2.3 privileged access rights; AVG 32). Until
--    approved the grant is pending:
--    - a new account created with such a role has `role_pending`: it may log in
--      but is refused everything (src/auth/auth-routes.ts);
--    - an existing account keeps its current role until the grant is approved.

CREATE TABLE org.enrolment_links (
  token_hash bytea PRIMARY KEY,              -- SHA-256 of the token; the token itself is never stored
  employee_id uuid NOT NULL REFERENCES org.employees(id),
  kind text NOT NULL CHECK (kind IN ('new-account', 'reset')),
  created_by uuid NOT NULL REFERENCES org.employees(id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,       -- wrong TOTP codes tried against it; five spend it
  used_at timestamptz,
  revoked_at timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX enrolment_links_employee ON org.enrolment_links (employee_id);

ALTER TABLE org.employees ADD COLUMN role_pending boolean NOT NULL DEFAULT false;

CREATE TABLE org.role_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  employee_id uuid NOT NULL REFERENCES org.employees(id),
  role text NOT NULL CHECK (role IN ('manager', 'privacy-officer', 'application-administrator')),
  -- why a grant is asked: a new account, a role change, or a reset of a privileged account
  reason text NOT NULL CHECK (reason IN ('new-account', 'role-change', 'reset')),
  requested_by uuid NOT NULL REFERENCES org.employees(id),
  requested_at timestamptz NOT NULL,
  outcome text CHECK (outcome IN ('approved', 'refused', 'withdrawn')),
  decided_by uuid REFERENCES org.employees(id),
  decided_at timestamptz,
  CHECK ((outcome IS NULL) = (decided_at IS NULL)),
  -- a second person: never the employee concerned, never the one who asked (held here too, not only in the code)
  CHECK (outcome IS DISTINCT FROM 'approved' OR (decided_by IS NOT NULL AND decided_by <> employee_id AND decided_by <> requested_by)),
  CHECK (requested_by <> employee_id)
);
CREATE UNIQUE INDEX role_grants_one_open ON org.role_grants (employee_id) WHERE outcome IS NULL;
CREATE INDEX role_grants_organisation_open ON org.role_grants (organisation_id) WHERE outcome IS NULL;

GRANT SELECT, INSERT, UPDATE ON org.enrolment_links, org.role_grants TO dossierwijzer_app;
