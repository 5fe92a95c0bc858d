-- When an entry reaches the client portal (issue 19 item 2; rules/decide-portal-release.ts).
--
-- An entry is in the portal once the dossier holder releases it, or by itself an organisation-set number of days
-- after it was recorded — unless the holder withholds it on a ground of the law: it would clearly cause the client
-- serious harm, decided after consulting another professional (Jeugdwet 7.3.2 lid 4), or it must stay out to protect
-- another person's privacy (Jeugdwet 7.3.10).
--
-- Append-only, like the entries: the application may insert and read, never change or delete. A withholding is
-- lifted by a later release row; the latest row of an entry decides. The reason is sealed under the client's data key
-- (AAD `portal-release:<id>`), so destroying the dossier's key shreds it; what stays is who decided what, when and on
-- which ground. No foreign key to the entry: an entry may be destroyed (a partial destruction) and its release rows
-- then point nowhere, which is harmless (they are read only beside an entry that exists).
CREATE TABLE care.portal_releases (
  id uuid PRIMARY KEY,
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  entry_id uuid NOT NULL,
  decision text NOT NULL CHECK (decision IN ('release', 'withhold')),
  ground text CHECK (ground IN ('serious-harm', 'privacy-of-another')),
  -- The other professional consulted before withholding for serious harm (Jeugdwet 7.3.2 lid 4).
  consulted_employee_id uuid REFERENCES org.employees(id),
  reason_ciphertext bytea,
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL,
  CHECK ((decision = 'withhold') = (ground IS NOT NULL)),
  CHECK (ground IS DISTINCT FROM 'serious-harm' OR consulted_employee_id IS NOT NULL),
  CHECK (consulted_employee_id IS DISTINCT FROM recorded_by)
);
CREATE INDEX portal_releases_client ON care.portal_releases (client_id, entry_id, recorded_at);
GRANT SELECT, INSERT ON care.portal_releases TO dossierwijzer_app;

-- Row-level security in 0063's shape: the client's organisation as a scalar look-up on its key.
ALTER TABLE care.portal_releases ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON care.portal_releases TO dossierwijzer_app
  USING (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = portal_releases.client_id)))
  WITH CHECK (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = portal_releases.client_id)));

-- The organisation's number of days after which an entry reaches the portal by itself (0: the day it is recorded).
-- Set by the privacy officer (Privacy → Instellingen), like the other privacy settings.
ALTER TABLE org.organisations ADD COLUMN IF NOT EXISTS portal_release_days integer NOT NULL DEFAULT 14
  CHECK (portal_release_days BETWEEN 0 AND 365);
COMMENT ON COLUMN org.organisations.portal_release_days IS
  'Days after recording after which an entry is released to the client portal by itself, unless withheld (Jeugdwet 7.3.2 lid 4, 7.3.10).';
