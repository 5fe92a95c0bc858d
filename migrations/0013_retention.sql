-- Retention (Jeugdwet 7.3.8; BW 7:454(3); 003 §3.2; DOMAIN §5): the
-- organisation's own retention term, and the privacy officer's review list of
-- dossiers whose term has ended. A dossier is destroyed only after the privacy
-- officer confirmed it, through the sanctioned path (care.destroy_client_content),
-- in one transaction with its destruction record (org.destruction_records,
-- reason 'retention-expired') and this list's progress marker (status 'destroyed').

-- The organisation's own stated term (a setting), always with its reason. A term
-- below the legal minimum is stored but never shortens the legal minimum; the
-- system warns about it (the rules engine knows the minimum).
CREATE TABLE org.retention_settings (
  organisation_id uuid PRIMARY KEY REFERENCES org.organisations(id),
  term_years integer NOT NULL CHECK (term_years BETWEEN 1 AND 120),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  set_by uuid NOT NULL REFERENCES org.employees(id),
  set_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- The review list. One row per dossier: 'pending' (due, waiting for the privacy
-- officer), 'confirmed' (to be destroyed), 'held' (kept: needed for a procedure,
-- with the reason), 'destroyed' (done; the marker a resumed run skips).
-- No care content: dates and who decided.
CREATE TABLE org.retention_reviews (
  client_id uuid PRIMARY KEY,              -- no FK needed beyond the client's lifetime; the client row stays (formal data)
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  last_change date NOT NULL,
  kept_until date NOT NULL,                -- the last day the dossier had to be kept
  listed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'held', 'destroyed')),
  decided_by uuid REFERENCES org.employees(id),
  decided_at timestamptz,
  hold_reason text CHECK (hold_reason IS NULL OR length(hold_reason) BETWEEN 1 AND 2000),
  destroyed_at timestamptz,
  CHECK ((status = 'held') = (hold_reason IS NOT NULL)),
  CHECK (status = 'pending' OR decided_by IS NOT NULL),
  CHECK ((status = 'destroyed') = (destroyed_at IS NOT NULL))
);
CREATE INDEX retention_reviews_status ON org.retention_reviews (organisation_id, status, client_id);

-- The last change of a dossier includes its annotations: find their latest fast.
CREATE INDEX entry_annotations_client_time ON care.entry_annotations (client_id, recorded_at DESC);

GRANT SELECT, INSERT, UPDATE ON org.retention_settings TO dossierwijzer_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON org.retention_reviews TO dossierwijzer_app;

-- ---------------------------------------------------------------- data breach register
-- AVG 33–34 (DOMAIN §6): every personal data breach is registered — what
-- happened, when it was discovered, whom it affected, the risk assessment,
-- whether the Autoriteit Persoonsgegevens was notified (within 72 hours of
-- discovery) or why not, and whether the clients were informed or why not.
-- The privacy officer's register; an emergency access judged unjustified opens
-- a draft here (src/emergency).
CREATE TABLE org.data_breaches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  status text NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 10000),
  discovered_at timestamptz NOT NULL,
  risk text NOT NULL CHECK (risk IN ('not-assessed', 'unlikely', 'risk', 'high-risk')),
  risk_assessment text CHECK (risk_assessment IS NULL OR length(risk_assessment) <= 10000),
  ap_notified boolean,                     -- null: not decided yet
  ap_notified_at timestamptz,
  ap_reason text,                          -- why (not) notified
  clients_informed boolean,
  clients_informed_at timestamptz,
  clients_reason text,
  emergency_access_id uuid UNIQUE REFERENCES org.emergency_accesses(id),
  created_by uuid NOT NULL REFERENCES org.employees(id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  updated_by uuid REFERENCES org.employees(id),
  updated_at timestamptz,
  CHECK (ap_notified IS DISTINCT FROM true OR ap_notified_at IS NOT NULL),
  CHECK (ap_notified IS DISTINCT FROM false OR ap_reason IS NOT NULL),
  CHECK (clients_informed IS DISTINCT FROM true OR clients_informed_at IS NOT NULL),
  CHECK (clients_informed IS DISTINCT FROM false OR clients_reason IS NOT NULL)
);
CREATE INDEX data_breaches_organisation ON org.data_breaches (organisation_id, discovered_at DESC);

CREATE TABLE org.data_breach_clients (
  breach_id uuid NOT NULL REFERENCES org.data_breaches(id),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  PRIMARY KEY (breach_id, client_id)
);

GRANT SELECT, INSERT, UPDATE ON org.data_breaches TO dossierwijzer_app;
GRANT SELECT, INSERT, DELETE ON org.data_breach_clients TO dossierwijzer_app;

-- ---------------------------------------------------------------- personal work notes
-- A professional's own notes about a client, outside the dossier and private to
-- their author (003 §2.3.13): destroyed once they serve no purpose — at the
-- latest at `expires_at` (default 30 days) — or moved into the dossier as an
-- entry, from then on under the client's rights. Encrypted under the client's
-- data key (so destroying the dossier's key also shreds any note about the
-- client); only the author's requests ever read them.
CREATE TABLE care.work_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  author_id uuid NOT NULL REFERENCES org.employees(id),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  expires_at timestamptz NOT NULL,
  ciphertext bytea NOT NULL               -- encrypted {text}
);
CREATE INDEX work_notes_author ON care.work_notes (author_id, created_at DESC);
CREATE INDEX work_notes_expiry ON care.work_notes (expires_at);
GRANT SELECT, INSERT, DELETE ON care.work_notes TO dossierwijzer_app;
