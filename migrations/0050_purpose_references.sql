-- Purposes are references (issue 14, deliverable 3). A manager's complaint or
-- incident purpose names a recorded complaint or incident about the client; a
-- legal-claims reading of a restricted dossier names a recorded procedure (a
-- retention hold on the client, AVG 18(2)); quality control by sample names a
-- recorded audit with its sample of clients. The access layer checks the
-- reference in the access transaction; the log row carries it.

-- The reference an access named, next to its purpose. NULL for rows without
-- one, which is every row written before this migration.
ALTER TABLE audit.access_log ADD COLUMN purpose_reference uuid;

-- The chained hash covers the reference. A row without one keeps the v1 form
-- byte for byte (so every existing row still verifies); a row with one is
-- hashed in the v2 form: the v2 tag, the v1 fields, then the reference. The
-- form is a function of the stored row, so adding, removing or changing a
-- reference afterwards breaks the row's hash either way. Re-implemented in
-- src/access/log-chain.ts. No SET search_path, so it stays inlinable (0003).
CREATE OR REPLACE FUNCTION audit.access_log_canonical(r audit.access_log) RETURNS bytea
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT audit.chain_field(CASE WHEN r.purpose_reference IS NULL THEN 'dossierwijzer.access_log.v1' ELSE 'dossierwijzer.access_log.v2' END)
      || audit.chain_field(r.seq::text)
      || audit.chain_field(pg_catalog.to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
      || audit.chain_field(r.organisation_id::text)
      || audit.chain_field(r.employee_id::text)
      || audit.chain_field(r.acting_for_id::text)
      || audit.chain_field(r.employee_role)
      || audit.chain_field(r.client_id::text)
      || audit.chain_field(r.action)
      || audit.chain_field(r.part)
      || audit.chain_field(r.outcome)
      || audit.chain_field(r.basis)
      || audit.chain_field(r.purpose)
      || audit.chain_array(r.citations)
      || audit.chain_array(r.entry_ids::text[])
      || audit.chain_field(r.route)
      || audit.chain_field(r.session_id)
      || audit.chain_field(r.address)
      || CASE WHEN r.purpose_reference IS NULL THEN '\x'::bytea ELSE audit.chain_field(r.purpose_reference::text) END
$$;

-- A retention hold ("needed for a procedure", 003 §3.2) gets an id of its own,
-- so that a legal-claims reading can name it. A hold released and made again
-- is a new row, so a new id: a reference to an ended procedure no longer opens.
ALTER TABLE org.retention_reviews ADD COLUMN hold_id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX retention_reviews_hold_id ON org.retention_reviews (hold_id);

-- Quality control by sample (DOMAIN §2: "de accountant en kwaliteitsauditor
-- via een steekproef"; 004 C): an audit is registered, with its sample of
-- clients, before anyone reads for it — by a manager or the privacy officer
-- (src/registers). The subject names the audit, not a client. Written once:
-- a sample widened afterwards would be a self-declared purpose again.
CREATE TABLE org.quality_audits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  subject text NOT NULL CHECK (length(subject) BETWEEN 3 AND 300),
  starts_on date NOT NULL,
  ends_on date NOT NULL CHECK (ends_on >= starts_on),
  registered_by uuid NOT NULL REFERENCES org.employees(id),
  registered_at timestamptz NOT NULL
);
CREATE INDEX quality_audits_organisation ON org.quality_audits (organisation_id, starts_on DESC);

-- The sample. No foreign key to the client, like the other registers (0014):
-- the record outlives a destroyed dossier on its own terms.
CREATE TABLE org.quality_audit_clients (
  audit_id uuid NOT NULL REFERENCES org.quality_audits(id),
  client_id uuid NOT NULL,
  PRIMARY KEY (audit_id, client_id)
);
CREATE INDEX quality_audit_clients_client ON org.quality_audit_clients (client_id);

CREATE TRIGGER quality_audits_append_only BEFORE UPDATE OR DELETE ON org.quality_audits
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER quality_audits_no_truncate BEFORE TRUNCATE ON org.quality_audits
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER quality_audit_clients_append_only BEFORE UPDATE OR DELETE ON org.quality_audit_clients
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER quality_audit_clients_no_truncate BEFORE TRUNCATE ON org.quality_audit_clients
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

GRANT SELECT, INSERT ON org.quality_audits, org.quality_audit_clients TO dossierwijzer_app;
