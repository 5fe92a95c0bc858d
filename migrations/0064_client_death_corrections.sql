-- Issue 16: a recorded death can be corrected — a mistaken date, or a death recorded by mistake. The record of
-- 0045 is never changed: a correction is a new row beside it, the old one kept and shown as corrected. The latest
-- correction counts: `died-on` gives the day of death (also after an earlier `not-deceased`), `not-deceased` says
-- the client did not die. Who may correct is who may record a death (src/rules/acts.ts: the holder or a manager),
-- with how the correction was established (never assumed).
CREATE TABLE formal.client_death_corrections (
  id uuid PRIMARY KEY,
  -- The order of the corrections (the clock may show two in the same instant).
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  client_id uuid NOT NULL REFERENCES formal.client_deaths(client_id),
  correction text NOT NULL CHECK (correction IN ('died-on', 'not-deceased')),
  died_on date,
  established_how text NOT NULL CHECK (established_how IN ('brp', 'death-certificate', 'family', 'other-document')),
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  CHECK ((correction = 'died-on') = (died_on IS NOT NULL))
);
CREATE INDEX client_death_corrections_client ON formal.client_death_corrections (client_id, seq);
CREATE TRIGGER client_death_corrections_append_only BEFORE UPDATE OR DELETE ON formal.client_death_corrections
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER client_death_corrections_no_truncate BEFORE TRUNCATE ON formal.client_death_corrections
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
GRANT SELECT, INSERT ON formal.client_death_corrections TO dossierwijzer_app;

-- Row-level security as 0062 writes it for a client_id table: the client's organisation, looked up by key per row.
ALTER TABLE formal.client_death_corrections ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON formal.client_death_corrections TO dossierwijzer_app
  USING ((SELECT org.in_system_scope())
         OR (SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = client_death_corrections.client_id) = (SELECT org.scope_organisation()))
  WITH CHECK ((SELECT org.in_system_scope())
         OR (SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = client_death_corrections.client_id) = (SELECT org.scope_organisation()));
