-- The recipients in the disclosure register and the transfer record are sealed under the master key
-- because they must outlive a destroyed dossier (0037). They need not outlive the retention period:
-- when it ends, the formal data are erased (0026, formal.erase_client_identity) and so, from here, are
-- these recipients — what stays is that a disclosure or transfer happened, when and on what basis
-- (DOMAIN §5: "a record that it happened, not what was in it"; AVG 5(1)(e)).
--
-- A trigger on the erasure itself rather than a new body of formal.erase_client_identity: 0040
-- re-applies that function's body, so a body changed here would be overwritten on a fresh database.
-- The trigger function runs as the owner (SECURITY DEFINER), which the sealing trigger of 0037 lets
-- erase a sealed value (plaintext '' and ciphertext NULL); the application role cannot.
CREATE FUNCTION org.erase_recipients_with_identity() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  UPDATE org.disclosures SET recipient = '', recipient_ciphertext = NULL
   WHERE client_id = NEW.id AND (recipient_ciphertext IS NOT NULL OR COALESCE(recipient, '') <> '');
  UPDATE org.transfers SET recipient = '', recipient_ciphertext = NULL
   WHERE client_id = NEW.id AND (recipient_ciphertext IS NOT NULL OR COALESCE(recipient, '') <> '');
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION org.erase_recipients_with_identity() FROM PUBLIC;

CREATE TRIGGER clients_identity_erased_erases_recipients AFTER UPDATE OF identity_erased_at ON formal.clients
  FOR EACH ROW WHEN (OLD.identity_erased_at IS NULL AND NEW.identity_erased_at IS NOT NULL)
  EXECUTE FUNCTION org.erase_recipients_with_identity();

-- Clients erased before this migration.
UPDATE org.disclosures d SET recipient = '', recipient_ciphertext = NULL
  FROM formal.clients c WHERE c.id = d.client_id AND c.identity_erased_at IS NOT NULL
   AND (d.recipient_ciphertext IS NOT NULL OR COALESCE(d.recipient, '') <> '');
UPDATE org.transfers t SET recipient = '', recipient_ciphertext = NULL
  FROM formal.clients c WHERE c.id = t.client_id AND c.identity_erased_at IS NOT NULL
   AND (t.recipient_ciphertext IS NOT NULL OR COALESCE(t.recipient, '') <> '');

-- The 7-day download's file name holds no client data (not the name: `afschrift-<request id>.pdf`,
-- src/requests/download-links.ts) and the database keeps it so. Every row ever written has this form.
ALTER TABLE org.download_links ADD CONSTRAINT download_links_filename_names_no_one
  CHECK (filename ~ '^afschrift-[0-9a-f-]{36}\.pdf$') NOT VALID;
