-- Free text about a client outside the care tables was stored in clear, so
-- destroying a dossier (which shreds the client's data key) left it readable in
-- the database and in every backup: the consent texts (what information was
-- given, recipient, purpose, which data, where the declaration is kept), the
-- privacy officer's note on an emergency access, the reason a restriction of
-- processing ended, the reason a dossier is held past its retention, and where
-- a request's consent declaration is kept (issue 13 item 8; Jeugdwet 7.3.9;
-- AVG 5(1)(e), 17).
--
-- From here these texts are AES-256-GCM ciphertext under the client's data key
-- (src/retention/client-free-text.ts), bound to their row, like the entries.
-- SQL cannot encrypt (the keys are in the application), so:
--   * each table gets a ciphertext column; its plaintext columns stay, but may
--     from now on only be NULL or '' (a NOT VALID check: it holds for every
--     row written or changed from here on, and for old rows once sealed);
--   * the application seals the old rows at start-up, before it serves
--     (sealLegacyFreeText: encrypts, then empties the plaintext; idempotent);
--   * rows of clients whose key is already gone (destroyed before this
--     migration) cannot be sealed and need not be: their texts are emptied here;
--   * the sanctioned destruction (care.destroy_client_content, 0034) empties
--     whatever plaintext is still left for the client it destroys, so a
--     destruction run before the first start-up (the retention CLI has no
--     master key) leaves nothing readable either.
-- The partial indexes keep the start-up check for unsealed rows instant.

-- ---------------------------------------------------------------- consents
ALTER TABLE org.consents ADD COLUMN content_ciphertext bytea;  -- {informationGiven, recipient, purpose, dataDescription, declarationReference}
ALTER TABLE org.consents ALTER COLUMN information_given DROP NOT NULL;
ALTER TABLE org.consents DROP CONSTRAINT consents_check;
ALTER TABLE org.consents ADD CONSTRAINT consents_disclosure_names_recipient
  CHECK (kind = 'care' OR content_ciphertext IS NOT NULL OR (recipient IS NOT NULL AND purpose IS NOT NULL AND data_description IS NOT NULL));
ALTER TABLE org.consents ADD CONSTRAINT consents_no_plain_text
  CHECK (COALESCE(information_given, '') = '' AND COALESCE(recipient, '') = '' AND COALESCE(purpose, '') = ''
         AND COALESCE(data_description, '') = '' AND COALESCE(declaration_reference, '') = '') NOT VALID;
CREATE INDEX consents_unsealed ON org.consents (client_id)
  WHERE COALESCE(information_given, '') <> '' OR COALESCE(recipient, '') <> '' OR COALESCE(purpose, '') <> ''
     OR COALESCE(data_description, '') <> '' OR COALESCE(declaration_reference, '') <> '';

-- ---------------------------------------------------------------- emergency access review
ALTER TABLE org.emergency_accesses ADD COLUMN review_note_ciphertext bytea;  -- {note}
ALTER TABLE org.emergency_accesses ADD CONSTRAINT emergency_accesses_no_plain_text CHECK (COALESCE(review_note, '') = '') NOT VALID;
CREATE INDEX emergency_accesses_unsealed ON org.emergency_accesses (client_id) WHERE COALESCE(review_note, '') <> '';

-- ---------------------------------------------------------------- restriction of processing
ALTER TABLE org.processing_restrictions ADD COLUMN end_reason_ciphertext bytea;  -- {reason}
ALTER TABLE org.processing_restrictions DROP CONSTRAINT processing_restrictions_check;
ALTER TABLE org.processing_restrictions ADD CONSTRAINT processing_restrictions_ended
  CHECK ((ended_at IS NULL) = (ended_by IS NULL) AND (ended_at IS NULL) = (end_reason IS NULL AND end_reason_ciphertext IS NULL));
ALTER TABLE org.processing_restrictions ADD CONSTRAINT processing_restrictions_no_plain_text CHECK (COALESCE(end_reason, '') = '') NOT VALID;
CREATE INDEX processing_restrictions_unsealed ON org.processing_restrictions (client_id) WHERE COALESCE(end_reason, '') <> '';

-- ---------------------------------------------------------------- retention hold
ALTER TABLE org.retention_reviews ADD COLUMN hold_reason_ciphertext bytea;  -- {reason}
ALTER TABLE org.retention_reviews DROP CONSTRAINT retention_reviews_hold_reason_check;
ALTER TABLE org.retention_reviews ADD CONSTRAINT retention_reviews_hold_reason_length CHECK (hold_reason IS NULL OR length(hold_reason) <= 2000);
ALTER TABLE org.retention_reviews DROP CONSTRAINT retention_reviews_check;
ALTER TABLE org.retention_reviews ADD CONSTRAINT retention_reviews_held_with_reason
  CHECK ((status = 'held') = (hold_reason IS NOT NULL OR hold_reason_ciphertext IS NOT NULL));
ALTER TABLE org.retention_reviews ADD CONSTRAINT retention_reviews_no_plain_text CHECK (COALESCE(hold_reason, '') = '') NOT VALID;
CREATE INDEX retention_reviews_unsealed ON org.retention_reviews (client_id) WHERE COALESCE(hold_reason, '') <> '';

-- ---------------------------------------------------------------- a request's consent declaration
ALTER TABLE org.requests ADD COLUMN consent_reference_ciphertext bytea;  -- {reference}
ALTER TABLE org.requests ADD CONSTRAINT requests_no_plain_consent_reference CHECK (consent_reference IS NULL) NOT VALID;
CREATE INDEX requests_unsealed_consent_reference ON org.requests (client_id) WHERE consent_reference IS NOT NULL;

-- ---------------------------------------------------------------- emptying what cannot be sealed
-- Empties, for one client, every free text above that is still in clear. Called by the sanctioned
-- destruction (0034) after the key is gone, and below for the clients destroyed before this migration.
-- Not callable by the application role.
CREATE FUNCTION care.empty_unsealed_free_text(p_client uuid) RETURNS void
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
$$;
REVOKE ALL ON FUNCTION care.empty_unsealed_free_text(uuid) FROM PUBLIC;

-- Clients whose key was destroyed before this migration: their texts could no longer be sealed.
SELECT care.empty_unsealed_free_text(c.id)
  FROM formal.clients c
 WHERE NOT EXISTS (SELECT 1 FROM care.client_keys k WHERE k.client_id = c.id);
