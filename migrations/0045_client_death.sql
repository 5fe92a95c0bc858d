-- Issue 16 (law v2): a client's death is recorded — the date, who recorded it
-- and when, and what the client recorded in life about inspection after death
-- (consent in writing or electronically, or an objection: Jeugdwet 7.3.12a
-- lid 1(a) and lid 4). The rules engine reads it for every request by an
-- heir or relation; employees read as before. One record per client, never
-- changed (an error is a matter for the database administrator, logged).
CREATE TABLE formal.client_deaths (
  client_id uuid PRIMARY KEY REFERENCES formal.clients(id),
  died_on date NOT NULL,
  wish_in_life text NOT NULL DEFAULT 'none' CHECK (wish_in_life IN ('none', 'consented', 'objected')),
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TRIGGER client_deaths_append_only BEFORE UPDATE OR DELETE ON formal.client_deaths
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
GRANT SELECT, INSERT ON formal.client_deaths TO dossierwijzer_app;
