-- Formal data edited in the daily administration (issue 15, Deliver 4): a client's new address, phone or
-- e-mail, passed on by the client or a parent, is not a request under AVG 16 but is kept the same way —
-- old value, new value, when, by whom — in the append-only history of corrections, with how it became known
-- instead of a request.
ALTER TABLE formal.data_corrections ALTER COLUMN request_id DROP NOT NULL;
ALTER TABLE formal.data_corrections ADD COLUMN reason text;
ALTER TABLE formal.data_corrections ADD CONSTRAINT data_corrections_request_or_reason
  CHECK (request_id IS NOT NULL OR (reason IS NOT NULL AND length(reason) BETWEEN 3 AND 500));
