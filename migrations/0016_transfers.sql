-- Transfer of a dossier (DOMAIN §5; 003 §2.2.8; 000): to a successor care
-- provider with the client's consent, or to the Nidos guardian of an
-- unaccompanied minor (the guardian holds custody). The transfer is checked by
-- the rules engine and recorded as a disclosure (register row and dossier
-- entry); this record is kept beside it, without any care content, and from
-- then on the dossier is closed to new entries. The record names no FK to the
-- disclosure or its entry, so the sanctioned destruction path can still
-- remove those.

ALTER TABLE org.disclosures DROP CONSTRAINT disclosures_basis_check;
ALTER TABLE org.disclosures ADD CONSTRAINT disclosures_basis_check CHECK (basis IN ('consent', 'family-guardian-threat', 'cbs-statistics',
  'municipality-billing', 'inspectorate', 'disciplinary-or-legal-procedure', 'conflict-of-duties', 'child-protection-report', 'legal-representative'));

CREATE TABLE org.transfers (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  client_id uuid NOT NULL UNIQUE REFERENCES formal.clients(id),   -- a dossier is transferred once
  recipient text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 300),
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('successor-provider', 'nidos-guardian')),
  transferred_on date NOT NULL,
  citations text[] NOT NULL,
  disclosure_id uuid NOT NULL,
  -- Who reads the package: the guardian's relation, and whether consent was given (the engine's facts).
  guardian_relation_id uuid,
  consent_given boolean NOT NULL,
  CHECK ((recipient_kind = 'nidos-guardian') = (guardian_relation_id IS NOT NULL)),
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX transfers_organisation ON org.transfers (organisation_id, transferred_on DESC);
GRANT SELECT, INSERT ON org.transfers TO dossierwijzer_app;
CREATE TRIGGER transfers_append_only BEFORE UPDATE OR DELETE ON org.transfers FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

-- Closed to new entries after transfer, also for a path that forgets to ask.
-- Still allowed: the record of a later disclosure (a legal duty goes on) and
-- the client's own statement (Jeugdwet 7.3.8 lid 2) while we keep the dossier.
CREATE FUNCTION care.refuse_entry_after_transfer() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, org AS $$
BEGIN
  IF NEW.kind NOT IN ('disclosure', 'own-statement') AND EXISTS (SELECT 1 FROM org.transfers WHERE client_id = NEW.client_id) THEN
    RAISE EXCEPTION 'dossier transferred: no new entries (dossier overgedragen: geen nieuwe dossierregels)' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER entries_closed_after_transfer BEFORE INSERT ON care.entries FOR EACH ROW EXECUTE FUNCTION care.refuse_entry_after_transfer();
