-- Accounts (issue 4, part 1): the TOTP second factor (RFC 6238), recovery
-- codes, the one-time log-in challenge between the password and the code, and
-- log-in throttling that works across processes.
--
-- Numbered 0002 but written after 0003–0010: it touches only org.employees
-- (new nullable columns) and new tables, so it applies the same whether it
-- runs before 0003 (a fresh database) or after 0010 (an existing one).

-- The TOTP secret is AES-256-GCM ciphertext under the master key, bound to
-- `totp:<employee id>` (src/crypto/envelope.ts); never stored in clear.
-- totp_last_step is the last accepted RFC 6238 time step: a code of that step
-- or an earlier one is refused (a code accepted once is refused the second time).
ALTER TABLE org.employees
  ADD COLUMN totp_secret bytea,
  ADD COLUMN totp_enrolled_at timestamptz,
  ADD COLUMN totp_last_step bigint,
  ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
  ADD COLUMN password_changed_at timestamptz,
  ADD COLUMN disabled_at timestamptz;

-- Between the password and the second factor. Not a session: it opens no
-- route. Only the SHA-256 of the id is stored; it lives five minutes, allows a
-- few code attempts and is used at most once.
CREATE TABLE org.login_challenges (
  id_hash bytea PRIMARY KEY,
  employee_id uuid NOT NULL REFERENCES org.employees(id),
  kind text NOT NULL CHECK (kind IN ('totp', 'enrol')),
  -- enrolment only: the proposed secret, sealed under the master key (`totp-pending:<employee id>`)
  pending_secret bytea,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  used_at timestamptz,
  CHECK ((kind = 'enrol') = (pending_secret IS NOT NULL))
);
CREATE INDEX login_challenges_employee ON org.login_challenges (employee_id);

-- One-time recovery codes: only their SHA-256 (they are random,
-- about 49 random bits each and used once: a fast hash suffices).
CREATE TABLE org.recovery_codes (
  employee_id uuid NOT NULL REFERENCES org.employees(id),
  code_hash bytea NOT NULL,
  created_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (employee_id, code_hash)
);

-- Failed log-in attempts per account (SHA-256 of the lower-cased user name,
-- whether or not such an account exists) and per address.
CREATE TABLE org.login_throttle (
  scope text NOT NULL CHECK (scope IN ('account', 'address')),
  key_hash bytea NOT NULL,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  blocked_until timestamptz,
  PRIMARY KEY (scope, key_hash)
);

GRANT SELECT, INSERT, UPDATE ON org.login_challenges, org.recovery_codes, org.login_throttle TO dossierwijzer_app;
-- Resetting an employee's second factor removes their recovery codes; old challenges may be cleaned up.
GRANT DELETE ON org.recovery_codes, org.login_challenges, org.login_throttle TO dossierwijzer_app;
