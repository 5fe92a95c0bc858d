-- The last free text about a client that was still stored in clear (issue 13 item 8), after 0033:
--
--   * the disclosure register's recipient (org.disclosures.recipient) and the transfer record's
--     recipient (org.transfers.recipient): to whom a client's data went. Often an organisation, but it
--     can name a person (a grandmother, a family guardian, a teacher). The register must outlive a
--     destroyed dossier (0018: it shows that there was a disclosure, to whom and on what basis; AVG
--     5(2) accountability, AVG 19: the recipients are told of an erasure and the client may ask who
--     they were; DOMAIN §5: a client must learn where a transferred dossier went; 003 §3.3: the provider
--     must be able to show a disciplinary court or the inspectorate what it did). So these are sealed
--     under the MASTER key, not the client's: a dump no longer shows them, and they are rotated with
--     the master key (src/crypto/master-key-rotation.ts). Migration 0038 erases them with the formal
--     data when the retention period ends.
--   * the expert consulted for a competence assessment (care.competence_assessments.expert_consulted):
--     a person's name in care content; sealed under the CLIENT's key, so destruction shreds it.
--   * the breach register's reasons why the AP was (not) notified and why the clients were (not)
--     informed (org.data_breaches.ap_reason, .clients_reason): they can name the children and what
--     was exposed. Into the breach's sealed content under the master key, like its description and
--     risk assessment (0019; the register has its own retention).
--
-- Same pattern as 0033: a ciphertext column beside the plaintext one; a NOT VALID check forbids new
-- plaintext; the application seals the rows written before this migration at start-up
-- (sealLegacyFreeText, src/retention/client-free-text.ts); rows of clients whose key is already gone
-- have their expert's name emptied here; the sanctioned destruction empties any that is still left.
--
-- org.transfers and care.competence_assessments are append-only. Their UPDATE trigger is replaced by
-- one that still refuses every change except three one-way ones on the sealed column pair:
--   seal:   plaintext (non-empty) -> NULL/'' while the ciphertext goes from NULL to a value;
--   empty:  plaintext (non-empty) -> NULL/'' with the ciphertext unchanged (destruction);
--   rewrap: the ciphertext replaced while the plaintext stays empty, only by the owner
--           (master key rotation; the application role cannot);
-- plus, for 0038, erase: plaintext '' and ciphertext NULL, only by the owner.
-- Every other column must stay as it was; `may_clear` names columns a foreign key may set to NULL
-- (the disclosure's entry, when destruction deletes it). DELETE stays refused as before.

CREATE FUNCTION audit.allow_only_sealing() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
  plain text := TG_ARGV[0];
  sealed text := TG_ARGV[1];
  o jsonb := to_jsonb(OLD);
  n jsonb := to_jsonb(NEW);
  col text;
  owner_only boolean := current_user <> 'dossierwijzer_app';
BEGIN
  FOR i IN 2 .. TG_NARGS - 1 LOOP
    col := TG_ARGV[i];
    IF (n -> col) IS DISTINCT FROM (o -> col) AND (n ->> col) IS NOT NULL THEN
      RAISE EXCEPTION 'append-only: UPDATE of %.%.% is refused (alleen toevoegen)', TG_TABLE_SCHEMA, TG_TABLE_NAME, col USING ERRCODE = 'DW001';
    END IF;
    o := o - col;
    n := n - col;
  END LOOP;
  IF (o - plain - sealed) IS DISTINCT FROM (n - plain - sealed) THEN
    RAISE EXCEPTION 'append-only: UPDATE on %.% is refused; add an annotation instead (alleen toevoegen: wijzigen of verwijderen kan niet, voeg een aantekening toe)',
      TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'DW001';
  END IF;
  IF (o -> plain) IS NOT DISTINCT FROM (n -> plain) AND (o -> sealed) IS NOT DISTINCT FROM (n -> sealed) THEN
    RETURN NEW;  -- only a column in may_clear changed
  END IF;
  IF COALESCE(o ->> plain, '') <> '' AND COALESCE(n ->> plain, '') = '' THEN
    -- seal (ciphertext set where there was none) or empty (ciphertext untouched)
    IF ((o ->> sealed) IS NULL AND (n ->> sealed) IS NOT NULL) OR (o -> sealed) IS NOT DISTINCT FROM (n -> sealed) THEN
      RETURN NEW;
    END IF;
  ELSIF COALESCE(o ->> plain, '') = '' AND COALESCE(n ->> plain, '') = '' AND owner_only THEN
    -- rewrap (a value replaced by a value) or erase (plaintext '' and ciphertext gone)
    IF ((o ->> sealed) IS NOT NULL AND (n ->> sealed) IS NOT NULL) OR ((n ->> plain) = '' AND (n ->> sealed) IS NULL) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'append-only: UPDATE of %.%.% is refused (alleen toevoegen)', TG_TABLE_SCHEMA, TG_TABLE_NAME, sealed USING ERRCODE = 'DW001';
END $$;

-- ---------------------------------------------------------------- the disclosure register (master key)
ALTER TABLE org.disclosures ADD COLUMN recipient_ciphertext bytea;  -- {recipient}, AAD disclosure-recipient:<id>
ALTER TABLE org.disclosures ALTER COLUMN recipient DROP NOT NULL;
ALTER TABLE org.disclosures ADD CONSTRAINT disclosures_names_recipient CHECK (recipient IS NOT NULL OR recipient_ciphertext IS NOT NULL);
ALTER TABLE org.disclosures ADD CONSTRAINT disclosures_no_plain_recipient CHECK (COALESCE(recipient, '') = '') NOT VALID;
CREATE INDEX disclosures_unsealed ON org.disclosures (id) WHERE COALESCE(recipient, '') <> '';
CREATE TRIGGER disclosures_only_sealing BEFORE UPDATE ON org.disclosures
  FOR EACH ROW EXECUTE FUNCTION audit.allow_only_sealing('recipient', 'recipient_ciphertext', 'entry_id');
GRANT UPDATE (recipient, recipient_ciphertext) ON org.disclosures TO dossierwijzer_app;

-- ---------------------------------------------------------------- the transfer record (master key)
ALTER TABLE org.transfers ADD COLUMN recipient_ciphertext bytea;  -- {recipient}, AAD transfer-recipient:<id>
ALTER TABLE org.transfers ALTER COLUMN recipient DROP NOT NULL;
ALTER TABLE org.transfers DROP CONSTRAINT transfers_recipient_check;
ALTER TABLE org.transfers ADD CONSTRAINT transfers_recipient_length CHECK (recipient IS NULL OR length(recipient) <= 300);
ALTER TABLE org.transfers ADD CONSTRAINT transfers_names_recipient CHECK (recipient IS NOT NULL OR recipient_ciphertext IS NOT NULL);
ALTER TABLE org.transfers ADD CONSTRAINT transfers_no_plain_recipient CHECK (COALESCE(recipient, '') = '') NOT VALID;
CREATE INDEX transfers_unsealed ON org.transfers (id) WHERE COALESCE(recipient, '') <> '';
DROP TRIGGER transfers_append_only ON org.transfers;
CREATE TRIGGER transfers_append_only BEFORE DELETE ON org.transfers FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER transfers_only_sealing BEFORE UPDATE ON org.transfers
  FOR EACH ROW EXECUTE FUNCTION audit.allow_only_sealing('recipient', 'recipient_ciphertext');
GRANT UPDATE (recipient, recipient_ciphertext) ON org.transfers TO dossierwijzer_app;

-- ---------------------------------------------------------------- the expert consulted (client's key)
ALTER TABLE care.competence_assessments ADD COLUMN expert_consulted_ciphertext bytea;  -- {text}, AAD competence-expert:<id>
ALTER TABLE care.competence_assessments ALTER COLUMN expert_consulted DROP NOT NULL;
ALTER TABLE care.competence_assessments ADD CONSTRAINT competence_assessments_names_expert
  CHECK (expert_consulted IS NOT NULL OR expert_consulted_ciphertext IS NOT NULL);
ALTER TABLE care.competence_assessments ADD CONSTRAINT competence_assessments_no_plain_text CHECK (COALESCE(expert_consulted, '') = '') NOT VALID;
CREATE INDEX competence_assessments_unsealed ON care.competence_assessments (client_id) WHERE COALESCE(expert_consulted, '') <> '';
DROP TRIGGER competence_assessments_append_only ON care.competence_assessments;
CREATE TRIGGER competence_assessments_append_only BEFORE DELETE ON care.competence_assessments
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER competence_assessments_only_sealing BEFORE UPDATE ON care.competence_assessments
  FOR EACH ROW EXECUTE FUNCTION audit.allow_only_sealing('expert_consulted', 'expert_consulted_ciphertext');
GRANT UPDATE (expert_consulted, expert_consulted_ciphertext) ON care.competence_assessments TO dossierwijzer_app;

-- ---------------------------------------------------------------- the breach register's reasons (master key)
-- From here the reasons are in the sealed content {description, riskAssessment, apReason, clientsReason};
-- a row "not notified" / "not informed" has its reason there (or, written before, in clear until sealed).
ALTER TABLE org.data_breaches DROP CONSTRAINT data_breaches_check1;
ALTER TABLE org.data_breaches DROP CONSTRAINT data_breaches_check3;
ALTER TABLE org.data_breaches ADD CONSTRAINT data_breaches_ap_reason CHECK (ap_notified IS DISTINCT FROM false OR ap_reason IS NOT NULL OR content IS NOT NULL);
ALTER TABLE org.data_breaches ADD CONSTRAINT data_breaches_clients_reason CHECK (clients_informed IS DISTINCT FROM false OR clients_reason IS NOT NULL OR content IS NOT NULL);
ALTER TABLE org.data_breaches ADD CONSTRAINT data_breaches_no_plain_text
  CHECK (ap_reason IS NULL AND clients_reason IS NULL AND risk_assessment IS NULL) NOT VALID;
CREATE INDEX data_breaches_unsealed ON org.data_breaches (id)
  WHERE ap_reason IS NOT NULL OR clients_reason IS NOT NULL OR risk_assessment IS NOT NULL OR content IS NULL;

-- ---------------------------------------------------------------- emptying what cannot be sealed
-- 0033's function, plus the expert consulted. Called by care.destroy_client_content (0034) after the key is gone.
CREATE OR REPLACE FUNCTION care.empty_unsealed_free_text(p_client uuid) RETURNS void
  LANGUAGE sql SET search_path = pg_catalog AS $$
  UPDATE org.consents
     SET information_given = CASE WHEN information_given IS NULL THEN NULL ELSE '' END,
         recipient = CASE WHEN recipient IS NULL THEN NULL ELSE '' END,
         purpose = CASE WHEN purpose IS NULL THEN NULL ELSE '' END,
         data_description = CASE WHEN data_description IS NULL THEN NULL ELSE '' END,
         declaration_reference = NULL
   WHERE client_id = p_client
     AND (COALESCE(information_given, '') <> '' OR COALESCE(recipient, '') <> '' OR COALESCE(purpose, '') <> ''
          OR COALESCE(data_description, '') <> '' OR COALESCE(declaration_reference, '') <> '');
  UPDATE org.emergency_accesses SET review_note = NULL WHERE client_id = p_client AND COALESCE(review_note, '') <> '';
  UPDATE org.processing_restrictions SET end_reason = '' WHERE client_id = p_client AND COALESCE(end_reason, '') <> '';
  UPDATE org.retention_reviews SET hold_reason = '' WHERE client_id = p_client AND COALESCE(hold_reason, '') <> '';
  UPDATE org.requests SET consent_reference = NULL WHERE client_id = p_client AND consent_reference IS NOT NULL;
  UPDATE care.competence_assessments SET expert_consulted = '' WHERE client_id = p_client AND COALESCE(expert_consulted, '') <> '';
$$;
REVOKE ALL ON FUNCTION care.empty_unsealed_free_text(uuid) FROM PUBLIC;

-- Clients whose key was destroyed before this migration: the expert's name can no longer be sealed.
UPDATE care.competence_assessments a SET expert_consulted = ''
 WHERE COALESCE(a.expert_consulted, '') <> ''
   AND NOT EXISTS (SELECT 1 FROM care.client_keys k WHERE k.client_id = a.client_id);
