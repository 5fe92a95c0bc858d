-- The privacy officer's administration log (GET /api/admin-log, src/organisation/administration-log.ts) reads the
-- access-log rows without a client whose action is `administer`, newest first, per organisation. They are few among
-- millions of client rows, so without an index of their own every page would scan the log backwards. A partial
-- index holds only those rows: it costs nothing on the hot path of client reads.
CREATE INDEX access_log_administration ON audit.access_log (organisation_id, seq DESC)
  WHERE client_id IS NULL AND action = 'administer';
