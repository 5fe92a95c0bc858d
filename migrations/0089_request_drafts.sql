-- Drafts of the texts typed about a request (issue 15, "nothing typed is lost"): the decision with its reasons (the
-- letter's text), the extension notice's reasons (AVG 12(3)), and the client's own statement written down at its
-- fulfilment (Jeugdwet 7.3.8; BW 7:454). Each is tied to the request it is about, so the request's page finds it
-- again; a statement draft may also name the entry it is about (chosen or not yet).
--
-- 0067 allowed an own-statement target without a request and without its entry; no form saved one, and a row of that
-- shape stays valid. A decision or extension draft needs its request.
ALTER TABLE care.drafts ADD COLUMN request_id uuid;
ALTER TABLE care.drafts DROP CONSTRAINT drafts_target_check;
ALTER TABLE care.drafts DROP CONSTRAINT drafts_check;
ALTER TABLE care.drafts ADD CONSTRAINT drafts_target_check CHECK (target IN ('entry', 'annotation', 'statement', 'decision', 'extension'));
-- The entry an annotation annotates (always), or the entry an own statement is about (once chosen); nothing else names one.
ALTER TABLE care.drafts ADD CONSTRAINT drafts_entry_check CHECK (
  (target <> 'annotation' OR entry_id IS NOT NULL) AND (entry_id IS NULL OR target IN ('annotation', 'statement')));
-- No foreign key, like entry_id: the request's row may go first. Only request drafts name one; decision and extension always do.
ALTER TABLE care.drafts ADD CONSTRAINT drafts_request_check CHECK (
  (target NOT IN ('decision', 'extension') OR request_id IS NOT NULL) AND (request_id IS NULL OR target IN ('statement', 'decision', 'extension')));
