-- Foundation: organisation, clients (formal data), care dossier (care content),
-- access log. Formal data and care content live in separate schemas; no query
-- in the `formal` code path joins `care` (DOMAIN §1, 003 §2.2.8).

DO $$ BEGIN
  CREATE ROLE dossierwijzer_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

CREATE SCHEMA org;
CREATE SCHEMA formal;
CREATE SCHEMA care;
CREATE SCHEMA audit;

-- Refuses a change to an append-only table. TRUNCATE bypasses row triggers, so
-- tables using this also get a statement-level TRUNCATE trigger.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('dossierwijzer.sanctioned_destruction', true) = 'on'
     AND current_user <> 'dossierwijzer_app' THEN
    RETURN OLD; -- the one deliberate exception: destruction through care.destroy_client_data
  END IF;
  RAISE EXCEPTION 'append-only: % on %.% is refused; add an annotation instead (alleen toevoegen: wijzigen of verwijderen kan niet, voeg een aantekening toe)',
    TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'DW001';
END $$;

-- ---------------------------------------------------------------- organisation
CREATE TABLE org.organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org.teams (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  name text NOT NULL,
  UNIQUE (organisation_id, name)
);

CREATE TABLE org.employees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  function_title text NOT NULL, -- functie, shown as the dossier holder's function (003 §2.3.1)
  role text NOT NULL CHECK (role IN ('care-professional', 'admin-staff', 'intern', 'manager', 'privacy-officer', 'application-administrator')),
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE org.team_members (
  team_id uuid NOT NULL REFERENCES org.teams(id),
  employee_id uuid NOT NULL REFERENCES org.employees(id),
  PRIMARY KEY (team_id, employee_id)
);

CREATE TABLE org.sessions (
  token_hash bytea PRIMARY KEY, -- SHA-256 of the cookie value; the value itself is never stored
  employee_id uuid NOT NULL REFERENCES org.employees(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  address text
);
CREATE INDEX sessions_employee ON org.sessions (employee_id) WHERE ended_at IS NULL;

-- ---------------------------------------------------------------- formal data
CREATE TABLE formal.clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  bsn text CHECK (bsn ~ '^[0-9]{9}$'),
  family_name text NOT NULL,
  given_names text NOT NULL,
  birth_date date NOT NULL,
  gender text NOT NULL CHECK (gender IN ('female', 'male', 'other', 'unknown')),
  street_address text,
  postcode text,
  town text,
  phone text,
  email text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES org.employees(id),
  -- Without a BSN, Jeugdwet 7.2.4 requires name, first names, address, postcode, town and birth date.
  CONSTRAINT client_identity CHECK (bsn IS NOT NULL OR (street_address IS NOT NULL AND postcode IS NOT NULL AND town IS NOT NULL)),
  UNIQUE (organisation_id, bsn)
);
CREATE INDEX clients_organisation ON formal.clients (organisation_id, family_name, id);

-- That identity was checked, by whom and how — never an image or a readable BSN (004 D).
CREATE TABLE formal.identity_checks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  document_type text NOT NULL CHECK (document_type IN ('passport', 'identity-card', 'driving-licence', 'residence-permit', 'other')),
  checked_by uuid NOT NULL REFERENCES org.employees(id),
  checked_at timestamptz NOT NULL
);
CREATE INDEX identity_checks_client ON formal.identity_checks (client_id);

-- Parents, guardians and family guardians with custody, kept with history:
-- custody changes over time, so a relation is closed (valid_to) and a new one added.
-- Custody kinds follow the BRP (DOMAIN §1).
CREATE TABLE formal.client_relations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  relation text NOT NULL CHECK (relation IN ('parent', 'guardian', 'family-guardian', 'foster-parent', 'other')),
  has_custody boolean NOT NULL,
  custody_kind text CHECK (custody_kind IN ('two-headed-parental', 'single-headed-parental', 'joint-with-non-parent',
    'guardianship', 'guardianship-institution', 'temporarily-none', 'undeterminable')),
  family_name text NOT NULL,
  given_names text NOT NULL,
  phone text,
  email text,
  established_how text NOT NULL, -- e.g. 'gezagsregister geraadpleegd'
  valid_from date NOT NULL,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NOT NULL REFERENCES org.employees(id)
);
CREATE INDEX client_relations_client ON formal.client_relations (client_id);

-- Zorgtoewijzing: the municipality's allocation of care (billing), no care content.
CREATE TABLE formal.care_allocations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  municipality text NOT NULL,
  product_code text NOT NULL,
  starts_on date NOT NULL,
  ends_on date,
  volume integer,
  unit text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_allocations_client ON formal.care_allocations (client_id);

CREATE TABLE formal.time_registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  employee_id uuid NOT NULL REFERENCES org.employees(id),
  worked_on date NOT NULL,
  minutes integer NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
  activity_code text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX time_registrations_client ON formal.time_registrations (client_id, worked_on);

-- ---------------------------------------------------------------- care content
-- One data key per client, wrapped by the master key. Destroying it makes every
-- encrypted entry of the client unreadable (crypto-shredding).
CREATE TABLE care.client_keys (
  client_id uuid PRIMARY KEY REFERENCES formal.clients(id),
  wrapped_key bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE care.dossiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL UNIQUE REFERENCES formal.clients(id),
  holder_id uuid NOT NULL REFERENCES org.employees(id), -- dossierhouder (003 §2.3.1)
  care_started_on date NOT NULL,
  care_ended_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (care_ended_on IS NULL OR care_ended_on >= care_started_on)
);

-- Who is in the client's care team, in which role and when: the care relation.
CREATE TABLE org.care_team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  employee_id uuid NOT NULL REFERENCES org.employees(id),
  relation text NOT NULL CHECK (relation IN ('holder', 'member', 'substitute', 'intern')),
  starts_on date NOT NULL,
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_team_employee ON org.care_team (employee_id, client_id);
CREATE INDEX care_team_client ON org.care_team (client_id);

CREATE TABLE care.entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  kind text NOT NULL CHECK (kind IN (
    'referral', 'intake-report', 'help-question', 'plan', 'evaluation', 'conversation-report',
    'research-report', 'raw-test-data', 'case-discussion', 'court-decision', 'correspondence',
    'third-party-information', 'strengths-inventory', 'work-agreement', 'decision',
    'information-given', 'disclosure', 'meldcode-step', 'freedom-restriction', 'own-statement')),
  author_id uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  occurred_on date,
  source_kind text NOT NULL CHECK (source_kind IN (
    'client', 'parent', 'guardian', 'family-guardian', 'care-professional', 'other-professional',
    'school', 'court', 'municipality', 'other')),
  statement_type text CHECK (statement_type IN ('fact', 'opinion')),
  -- AES-256-GCM ciphertext of {title, text, source}: iv ‖ tag ‖ ciphertext.
  ciphertext bytea NOT NULL
);
CREATE INDEX entries_timeline ON care.entries (client_id, recorded_at DESC, id DESC);
CREATE INDEX entries_timeline_kind ON care.entries (client_id, kind, recorded_at DESC, id DESC);

-- A correction never changes the entry: it is an annotation beside it (003 §2.1, §2.3.6).
CREATE TABLE care.entry_annotations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  entry_id uuid NOT NULL REFERENCES care.entries(id),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  kind text NOT NULL CHECK (kind IN ('incorrect', 'outdated', 'addition')),
  author_id uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  ciphertext bytea NOT NULL -- encrypted {reason}
);
CREATE INDEX entry_annotations_entry ON care.entry_annotations (entry_id, recorded_at);

CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON care.entries
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON care.entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER entry_annotations_append_only BEFORE UPDATE OR DELETE ON care.entry_annotations
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER entry_annotations_no_truncate BEFORE TRUNCATE ON care.entry_annotations
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- ---------------------------------------------------------------- access log
-- NEN 7513: every read and change of client data, allowed or refused.
CREATE TABLE audit.access_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  organisation_id uuid NOT NULL,
  employee_id uuid,
  acting_for_id uuid,           -- the responsible user on whose behalf the employee acted
  employee_role text,
  client_id uuid,               -- null when the requested client does not exist for this caller
  action text NOT NULL,
  part text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied', 'not-found')),
  basis text NOT NULL,          -- care-relation, emergency, consent, legal-duty, administrative-task, none
  purpose text,
  citations text[] NOT NULL DEFAULT '{}',
  entry_ids uuid[] NOT NULL DEFAULT '{}',
  route text NOT NULL,
  session_id text,
  address text,
  prev_hash bytea,
  row_hash bytea
);
CREATE INDEX access_log_client ON audit.access_log (client_id, occurred_at DESC);
CREATE INDEX access_log_employee ON audit.access_log (employee_id, occurred_at DESC);

CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON audit.access_log
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON audit.access_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- ---------------------------------------------------------------- destruction
-- The one sanctioned path that removes care content: runs as the owner, with
-- the guard the append-only trigger looks for. Leaves the key gone, so even a
-- backup of the rows can no longer be read.
CREATE FUNCTION care.destroy_client_content(target uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer;
BEGIN
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'on', true);
  DELETE FROM care.client_keys WHERE client_id = target;
  DELETE FROM care.entry_annotations WHERE client_id = target;
  DELETE FROM care.entries WHERE client_id = target;
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('dossierwijzer.sanctioned_destruction', 'off', true);
  RETURN removed;
END $$;

-- Only the key: used where rows must stay (e.g. a retained log) but content must become unreadable.
CREATE FUNCTION care.destroy_client_key(target uuid) RETURNS boolean
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
  DELETE FROM care.client_keys WHERE client_id = target RETURNING true;
$$;

-- ---------------------------------------------------------------- privileges
-- The application role reads and appends; it owns nothing and cannot change history.
GRANT USAGE ON SCHEMA org, formal, care, audit TO dossierwijzer_app;
GRANT SELECT, INSERT, UPDATE ON org.organisations, org.teams, org.employees, org.sessions TO dossierwijzer_app;
GRANT SELECT, INSERT, DELETE ON org.team_members TO dossierwijzer_app;
GRANT SELECT, INSERT, UPDATE ON formal.clients, formal.client_relations, formal.care_allocations, formal.time_registrations TO dossierwijzer_app;
GRANT SELECT, INSERT ON formal.identity_checks TO dossierwijzer_app;
GRANT SELECT, INSERT ON care.client_keys, care.entries, care.entry_annotations TO dossierwijzer_app;
GRANT SELECT, INSERT, UPDATE ON care.dossiers, org.care_team TO dossierwijzer_app;
GRANT SELECT, INSERT ON audit.access_log TO dossierwijzer_app;
REVOKE ALL ON FUNCTION care.destroy_client_content(uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION care.destroy_client_key(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION care.destroy_client_content(uuid) TO dossierwijzer_app;
GRANT EXECUTE ON FUNCTION care.destroy_client_key(uuid) TO dossierwijzer_app;
