-- Representation, competence, start-of-care agreements and consents
-- (DOMAIN §1, §3, §4; 003 §2.3.5, §3.1; Jeugdwet 7.3.4, 7.3.11; BW 7:465).

-- A guardian may be a certified institution (gecertificeerde instelling); a
-- family guardian acts under a child-protection order (OTS).
ALTER TABLE formal.client_relations ADD COLUMN institution text;
ALTER TABLE formal.client_relations ADD COLUMN ended_by uuid REFERENCES org.employees(id);

-- Competence assessments for clients of 12 and over: the facts, the expert
-- consulted, the date and who represents (003 §3.1). The facts are care
-- content, so they are encrypted under the client's key. Never changed: a new
-- assessment supersedes the previous one.
CREATE TABLE care.competence_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  matter text NOT NULL CHECK (matter IN ('dossier-rights', 'care-consent')),
  competent boolean NOT NULL,
  assessed_on date NOT NULL,
  expert_consulted text NOT NULL,
  representative_relation_id uuid REFERENCES formal.client_relations(id),
  assessed_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  facts_ciphertext bytea NOT NULL,
  CHECK (competent OR representative_relation_id IS NOT NULL)
);
CREATE INDEX competence_assessments_client ON care.competence_assessments (client_id, matter, assessed_on DESC, recorded_at DESC);
CREATE TRIGGER competence_assessments_append_only BEFORE UPDATE OR DELETE ON care.competence_assessments
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER competence_assessments_no_truncate BEFORE TRUNCATE ON care.competence_assessments
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- Agreements made at the start of care with a client of 12–15: what parents do
-- not receive (003 §2.3.5, §3.1). Ended, never deleted.
CREATE TABLE org.start_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  agreement text NOT NULL CHECK (agreement IN ('no-conversation-reports-to-parents')),
  agreed_on date NOT NULL,
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  ended_on date,
  ended_by uuid REFERENCES org.employees(id)
);
CREATE INDEX start_agreements_client ON org.start_agreements (client_id);

-- Consents: to care (who gave it, and what information was given beforehand,
-- Jeugdwet 7.3.2) and to disclosure (to whom, purpose, which data, valid
-- from/to, the signed declaration). Withdrawal takes effect at once (AVG 7(3)).
CREATE TABLE org.consents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  kind text NOT NULL CHECK (kind IN ('care', 'disclosure')),
  given_by text NOT NULL CHECK (given_by IN ('client', 'legal-representatives', 'other-person')),
  given_by_relation_id uuid REFERENCES formal.client_relations(id),
  given_on date NOT NULL,
  information_given text NOT NULL,
  recipient text,
  purpose text,
  data_description text,
  valid_from date NOT NULL,
  valid_to date,
  declaration_reference text,
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES org.employees(id),
  CHECK (kind = 'care' OR (recipient IS NOT NULL AND purpose IS NOT NULL AND data_description IS NOT NULL)),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX consents_client ON org.consents (client_id, kind);

GRANT SELECT, INSERT ON care.competence_assessments TO dossierwijzer_app;
GRANT SELECT, INSERT, UPDATE ON org.start_agreements, org.consents TO dossierwijzer_app;
