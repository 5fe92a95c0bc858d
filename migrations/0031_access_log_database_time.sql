-- The access log's time is the database's, never the caller's (issue 13, part 5).
--
-- Until now occurred_at defaulted to clock_timestamp() but any INSERT could
-- supply its own value: the application role could append a row dated 2020
-- and the chain (which hashes whatever is stored) accepted it. From here on the
-- chain trigger sets occurred_at itself, for every role, while it holds the
-- log-wide chain lock, and only then computes the hash — so the hash covers the
-- value that is stored. Taking the time under the lock also makes the log's
-- time order its chain order: a row is never older than its predecessor
-- (greatest() keeps that true if the system clock is stepped back).
-- `dossierwijzer verify-log` refuses a row older than its predecessor from
-- audit.access_log_clock.from_seq on: rows written before this migration took
-- their time before the lock, so concurrent ones may be slightly out of order.

CREATE OR REPLACE FUNCTION audit.chain_access_log() RETURNS trigger
  LANGUAGE plpgsql SET search_path = pg_catalog, audit AS $$
DECLARE
  head record;
BEGIN
  -- 7513 (NEN 7513): one lock for the whole log, held until this transaction ends.
  PERFORM pg_advisory_xact_lock(7513);
  -- A fresh snapshot after the lock (READ COMMITTED): sees the previous holder's committed rows.
  SELECT l.seq, l.row_hash, l.occurred_at INTO head FROM audit.access_log l ORDER BY l.seq DESC LIMIT 1;
  IF FOUND THEN
    NEW.seq := head.seq + 1;
    NEW.prev_hash := head.row_hash;
    NEW.occurred_at := greatest(clock_timestamp(), head.occurred_at);
  ELSE
    NEW.seq := 1;
    NEW.prev_hash := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    NEW.occurred_at := clock_timestamp();
  END IF;
  NEW.row_hash := sha256(NEW.prev_hash || audit.access_log_canonical(NEW));
  RETURN NEW;
END $$;

-- From which row on the database set the time (one row; written once, here).
CREATE TABLE audit.access_log_clock (
  from_seq bigint NOT NULL CHECK (from_seq >= 1),
  since timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE UNIQUE INDEX access_log_clock_one_row ON audit.access_log_clock ((true));
INSERT INTO audit.access_log_clock (from_seq) SELECT coalesce(max(seq), 0) + 1 FROM audit.access_log;
CREATE TRIGGER access_log_clock_append_only BEFORE UPDATE OR DELETE ON audit.access_log_clock
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER access_log_clock_no_truncate BEFORE TRUNCATE ON audit.access_log_clock
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
GRANT SELECT ON audit.access_log_clock TO dossierwijzer_app;
