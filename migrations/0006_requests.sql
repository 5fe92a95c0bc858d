-- Requests to exercise the client's rights (DOMAIN §3; Jeugdwet 7.3.9–7.3.10;
-- BW 7:456; AVG 12, 15–21): intake, the engine's answer on whether this
-- requester may make it, the decision deadline, extension, the decision with
-- its reasons and the appeal deadline, fulfilment.
CREATE TABLE org.requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  kind text NOT NULL CHECK (kind IN ('inspect', 'copy', 'correct', 'add-statement', 'destroy', 'restrict', 'object', 'portability',
    'withdraw-consent', 'general-information')),
  requester_kind text NOT NULL,          -- the engine's actor: client, parent-with-custody, guardian, …
  requester_relation_id uuid REFERENCES formal.client_relations(id),
  channel text NOT NULL CHECK (channel IN ('written', 'electronic', 'in-person')),
  received_on date NOT NULL,
  identity_document text CHECK (identity_document IN ('passport', 'identity-card', 'driving-licence', 'residence-permit', 'other')),
  identity_checked_by uuid REFERENCES org.employees(id),
  identity_checked_at timestamptz,
  -- The request's own words (what, which parts, why) may carry care content: encrypted under the client's key.
  details_ciphertext bytea NOT NULL,
  part text NOT NULL DEFAULT 'dossier',
  state text NOT NULL CHECK (state IN ('received', 'extended', 'decided', 'fulfilled', 'refused-at-intake')),
  intake_outcome text NOT NULL CHECK (intake_outcome IN ('allow', 'deny', 'needs-consent')),
  intake_basis text[] NOT NULL,
  intake_explanation text NOT NULL,
  consent_missing text[] NOT NULL DEFAULT '{}',
  consent_recorded_on date,
  deadline date NOT NULL,
  extension_notice_on date,
  decision text CHECK (decision IN ('granted', 'partly', 'refused')),
  decision_facts text[] NOT NULL DEFAULT '{}',
  decision_reasons_ciphertext bytea,
  decision_basis text[] NOT NULL DEFAULT '{}',
  decided_on date,
  decided_by uuid REFERENCES org.employees(id),
  appeal_deadline date,
  execution_deadline date,            -- a granted destruction: within three months (Jeugdwet 7.3.9)
  fulfilled_on date,
  fulfilled_by uuid REFERENCES org.employees(id),
  fee_cents integer CHECK (fee_cents IS NULL OR fee_cents >= 0),
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((state IN ('decided', 'fulfilled')) = (decision IS NOT NULL) OR state = 'refused-at-intake')
);
CREATE INDEX requests_open ON org.requests (organisation_id, deadline) WHERE state IN ('received', 'extended');
CREATE INDEX requests_client ON org.requests (client_id, received_on DESC);

GRANT SELECT, INSERT, UPDATE ON org.requests TO dossierwijzer_app;
