-- Drafts (issue 15, "nothing typed is lost"): what a professional is typing — a new entry, an annotation, an own
-- statement — kept as they type, sealed under the client's data key like the entries (AAD `draft:<id>`), visible
-- only to their author and not part of the dossier: finalising posts the normal append-only entry (or annotation)
-- and removes the draft. A draft expires like a work note (DW_WORK_NOTE_DAYS after its last save).
--
-- Sealed under the client's key, so destroying the dossier's key shreds every draft about the client; the
-- sanctioned destruction (care.destroy_dossier, 0055) removes the rows too, below.
CREATE TABLE care.drafts (
  id uuid PRIMARY KEY,
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  author_id uuid NOT NULL REFERENCES org.employees(id),
  -- What the draft becomes when finalised: an entry of a kind, an annotation of an entry, an own statement.
  target text NOT NULL CHECK (target IN ('entry', 'annotation', 'statement')),
  -- The entry an annotation draft annotates (NULL otherwise). No foreign key: the entry may be destroyed first.
  entry_id uuid,
  updated_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ciphertext bytea NOT NULL,              -- encrypted {fields}, under the client's data key
  CHECK ((target = 'annotation') = (entry_id IS NOT NULL))
);
CREATE INDEX drafts_author_client ON care.drafts (author_id, client_id, updated_at DESC);
CREATE INDEX drafts_client ON care.drafts (client_id);
CREATE INDEX drafts_expiry ON care.drafts (expires_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON care.drafts TO dossierwijzer_app;

-- Row-level security as 0062 writes it: the client's organisation as a scalar subquery on its key.
ALTER TABLE care.drafts ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON care.drafts TO dossierwijzer_app
  USING ((SELECT org.in_system_scope()) OR (SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = drafts.client_id) = (SELECT org.scope_organisation()))
  WITH CHECK ((SELECT org.in_system_scope()) OR (SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = drafts.client_id) = (SELECT org.scope_organisation()));

-- As in 0055, plus: the drafts about the client go with the dossier (their key is gone already).
CREATE OR REPLACE FUNCTION care.destroy_dossier(target uuid, p_organisation uuid, p_reason text, p_request uuid, p_decided_on date, p_executed_by uuid) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, care AS $$
DECLARE removed integer;
BEGIN
  PERFORM care.assert_destruction_decided(target, p_organisation, p_reason, p_request, 'dossier', NULL);
  removed := care.destroy_dossier_decided(target, p_organisation, p_reason, p_request, p_decided_on, p_executed_by);
  DELETE FROM care.drafts d WHERE d.client_id = destroy_dossier.target;
  PERFORM care.log_destruction(target, p_reason, 'dossier', p_executed_by);
  RETURN removed;
END $$;
REVOKE ALL ON FUNCTION care.destroy_dossier(uuid, uuid, text, uuid, date, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION care.destroy_dossier(uuid, uuid, text, uuid, date, uuid) TO dossierwijzer_app;
