-- Issue 16: what the client recorded in life about inspection after death is per person where the law
-- distinguishes: consent "to this person's" inspection or copy (Jeugdwet 7.3.12a lid 1(a)) and an objection to it
-- (lid 4) name a person, or everyone (relation_id NULL). 0045 kept one value for everyone on the death record; it
-- stays the fallback. A wish is changed by a new row (append-only): per person the latest counts, `withdrawn` ends
-- it (then the wish about everyone counts). Recorded with the day and how the client expressed it: in writing or
-- electronically, as lid 1(a) and lid 4 require.
CREATE TABLE formal.client_wishes_after_death (
  id uuid PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  relation_id uuid REFERENCES formal.client_relations(id),
  wish text NOT NULL CHECK (wish IN ('consented', 'objected', 'withdrawn')),
  expressed_on date NOT NULL,
  expressed_how text NOT NULL CHECK (expressed_how IN ('in-writing', 'electronic')),
  recorded_by uuid NOT NULL REFERENCES org.employees(id),
  recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX client_wishes_after_death_client ON formal.client_wishes_after_death (client_id, seq);
CREATE TRIGGER client_wishes_after_death_append_only BEFORE UPDATE OR DELETE ON formal.client_wishes_after_death
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER client_wishes_after_death_no_truncate BEFORE TRUNCATE ON formal.client_wishes_after_death
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
GRANT SELECT, INSERT ON formal.client_wishes_after_death TO dossierwijzer_app;

ALTER TABLE formal.client_wishes_after_death ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON formal.client_wishes_after_death TO dossierwijzer_app
  USING ((SELECT org.in_system_scope())
         OR (SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = client_wishes_after_death.client_id) = (SELECT org.scope_organisation()))
  WITH CHECK ((SELECT org.in_system_scope())
         OR (SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = client_wishes_after_death.client_id) = (SELECT org.scope_organisation()));
