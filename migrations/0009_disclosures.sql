-- The disclosure register (DOMAIN §4; 003 §2.3.14): every disclosure — with
-- whom, when, what, with or without consent, on what legal basis, whether the
-- client was told beforehand — checked by the engine and recorded as a
-- dossier entry of kind 'disclosure'.
CREATE TABLE org.disclosures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  recipient text NOT NULL,
  basis text NOT NULL CHECK (basis IN ('consent', 'family-guardian-threat', 'cbs-statistics', 'municipality-billing', 'inspectorate',
    'disciplinary-or-legal-procedure', 'conflict-of-duties', 'child-protection-report')),
  consent_id uuid REFERENCES org.consents(id),
  part text NOT NULL,
  disclosed_on date NOT NULL,
  client_told_beforehand boolean NOT NULL,
  citations text[] NOT NULL,
  entry_id uuid NOT NULL REFERENCES care.entries(id),
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK (basis <> 'consent' OR consent_id IS NOT NULL)
);
CREATE INDEX disclosures_client ON org.disclosures (client_id, disclosed_on DESC);
CREATE INDEX disclosures_organisation ON org.disclosures (organisation_id, disclosed_on DESC);
GRANT SELECT, INSERT ON org.disclosures TO dossierwijzer_app;
