-- Secure messages between a portal user and the care team (issue 19 item 6).
--
-- A message IS an entry of the dossier: one care.entries row of kind 'correspondence', sealed under the client's data
-- key like every entry ({title, text, source}, AAD `entry:<id>`). So inspection, copy, portability, retention,
-- partial destruction of the correspondence and destruction of the dossier already include it, and it is
-- append-only in the database. care.entries.author_id must name an employee (0001): a team member's answer is authored
-- by that employee; a portal user's message is recorded with the dossier's holder as the responsible author (as an
-- own statement is recorded by an employee) and the sender in its source kind, its sealed source text and, here, the
-- portal account.
--
-- care.messages adds what an entry does not hold: the thread (one per portal account), the direction. It references
-- the entry ON DELETE CASCADE, so the sanctioned destruction of the entries (care.destroy_client_content,
-- care.destroy_dossier_entries_decided …) takes the message rows, their attachments and read marks with them: the
-- cascade runs as the tables' owner with dossierwijzer.sanctioned_destruction on, which audit.refuse_change lets pass;
-- the application role can change or delete nothing.
CREATE TABLE care.messages (
  entry_id uuid PRIMARY KEY REFERENCES care.entries(id) ON DELETE CASCADE,
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  -- The thread: the portal account the conversation is with. No foreign key to org.portal_accounts on purpose: a
  -- message is part of the dossier and outlives the account (disabled, or removed with the realm's own data).
  portal_account_id uuid NOT NULL,
  direction text NOT NULL CHECK (direction IN ('from-portal', 'from-team')),
  sent_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX messages_thread ON care.messages (client_id, portal_account_id, sent_at);
CREATE INDEX messages_account ON care.messages (portal_account_id, sent_at);

-- An attachment: its name and bytes sealed under the client's data key (AAD `message-attachment:<id>`); the media type
-- is the one its bytes were found to be (magic number), never the one claimed.
CREATE TABLE care.message_attachments (
  id uuid PRIMARY KEY,
  entry_id uuid NOT NULL REFERENCES care.messages(entry_id) ON DELETE CASCADE,
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  byte_size integer NOT NULL CHECK (byte_size > 0),
  ciphertext bytea NOT NULL
);
CREATE INDEX message_attachments_entry ON care.message_attachments (entry_id);
CREATE INDEX message_attachments_client ON care.message_attachments (client_id);

-- That a message was read, once per side ('team': someone of the care team opened the thread; 'portal': the account).
CREATE TABLE care.message_reads (
  entry_id uuid NOT NULL REFERENCES care.messages(entry_id) ON DELETE CASCADE,
  client_id uuid NOT NULL REFERENCES formal.clients(id),
  read_by text NOT NULL CHECK (read_by IN ('team', 'portal')),
  read_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (entry_id, read_by)
);
CREATE INDEX message_reads_client ON care.message_reads (client_id);

GRANT SELECT, INSERT ON care.messages, care.message_attachments, care.message_reads TO dossierwijzer_app;

CREATE TRIGGER messages_append_only BEFORE UPDATE OR DELETE ON care.messages FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER messages_no_truncate BEFORE TRUNCATE ON care.messages FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER message_attachments_append_only BEFORE UPDATE OR DELETE ON care.message_attachments FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER message_attachments_no_truncate BEFORE TRUNCATE ON care.message_attachments FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER message_reads_append_only BEFORE UPDATE OR DELETE ON care.message_reads FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER message_reads_no_truncate BEFORE TRUNCATE ON care.message_reads FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- Row-level security in 0063's shape: the client's organisation as a scalar look-up on its key.
ALTER TABLE care.messages ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON care.messages TO dossierwijzer_app
  USING (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = messages.client_id)))
  WITH CHECK (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = messages.client_id)));
ALTER TABLE care.message_attachments ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON care.message_attachments TO dossierwijzer_app
  USING (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = message_attachments.client_id)))
  WITH CHECK (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = message_attachments.client_id)));
ALTER TABLE care.message_reads ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON care.message_reads TO dossierwijzer_app
  USING (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = message_reads.client_id)))
  WITH CHECK (org.in_scope((SELECT dw_c.organisation_id FROM formal.clients dw_c WHERE dw_c.id = message_reads.client_id)));

-- Where "er is een nieuw bericht" goes: an address each employee or portal user sets for themself (opt-in; nothing is
-- sent without one). Exactly one of employee / portal account. Not client data; no foreign key to the portal's
-- accounts (the realm's own table), the account id is checked by the portal's session that sets it.
CREATE TABLE org.message_notification_addresses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES org.organisations(id),
  employee_id uuid REFERENCES org.employees(id),
  portal_account_id uuid,
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND email LIKE '%_@_%'),
  updated_at timestamptz NOT NULL,
  CHECK ((employee_id IS NULL) <> (portal_account_id IS NULL))
);
CREATE UNIQUE INDEX message_notification_addresses_employee ON org.message_notification_addresses (employee_id) WHERE employee_id IS NOT NULL;
CREATE UNIQUE INDEX message_notification_addresses_account ON org.message_notification_addresses (portal_account_id) WHERE portal_account_id IS NOT NULL;
GRANT SELECT, INSERT, UPDATE, DELETE ON org.message_notification_addresses TO dossierwijzer_app;
ALTER TABLE org.message_notification_addresses ENABLE ROW LEVEL SECURITY;
CREATE POLICY dw_organisation ON org.message_notification_addresses TO dossierwijzer_app
  USING (org.in_scope(organisation_id)) WITH CHECK (org.in_scope(organisation_id));
