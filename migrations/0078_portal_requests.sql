-- Requests made in the portal (issue 19 item 4). The requester submits the request themself: no employee recorded it,
-- so the portal account and session it was made in are its record (recorded_at the time). An own statement written in
-- the portal is kept with the request — the entry it disputes and the statement's text, sealed under the client's key
-- like the request's details — until the professional fulfils the request and it is added beside that entry
-- (Jeugdwet 7.3.8; 003 §3.4).
ALTER TABLE org.requests ALTER COLUMN recorded_by DROP NOT NULL;
ALTER TABLE org.requests ADD COLUMN recorded_by_portal_account uuid REFERENCES org.portal_accounts(id);
ALTER TABLE org.requests ADD COLUMN recorded_in_portal_session text;
ALTER TABLE org.requests ADD COLUMN statement_entry_id uuid;
ALTER TABLE org.requests ADD COLUMN statement_ciphertext bytea;
ALTER TABLE org.requests ADD CONSTRAINT requests_recorded_by_someone
  CHECK (recorded_by IS NOT NULL OR (recorded_by_portal_account IS NOT NULL AND recorded_in_portal_session IS NOT NULL));
ALTER TABLE org.requests ADD CONSTRAINT requests_statement_whole
  CHECK ((statement_entry_id IS NULL) = (statement_ciphertext IS NULL) AND (statement_entry_id IS NULL OR kind = 'add-statement'));
