-- Restore markers (issue 17 item 1): a database restored from a backup has lost
-- the access-log rows written after the backup was taken. Without a record of
-- that, `verify-log` cannot tell the restore from a log cut short by an
-- attacker ("truncated"), and once the server writes past the old head every
-- later verification reports a rebuilt chain.
--
-- `dossierwijzer restore` / `dossierwijzer restored` write one row here, as the
-- owner, in the restored database: the log head the backup holds (its last
-- seq and row_hash), when the backup was taken, when and by whom it was
-- restored. The same marker is appended to the checkpoints file, outside the
-- database (src/access/log-checkpoints.ts). `verify-log` accepts a gap only
-- when the two agree: someone who can write the database but not the
-- checkpoints file cannot explain away rows they deleted by adding a row here.
--
-- Append-only like the log itself; the application only reads it.

CREATE TABLE audit.log_restores (
  id uuid PRIMARY KEY,
  -- the backup's log head: the restored database's last row when the marker was written
  head_seq bigint NOT NULL CHECK (head_seq >= 0),
  -- lower-case hex as in the checkpoints file (text, not bytea: it is compared with that file, and is no ciphertext)
  head_hash text NOT NULL CHECK (head_hash ~ '^[0-9a-f]{64}$'),
  backup_taken_at timestamptz NOT NULL,
  restored_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- the operator as the command saw them (operating-system user, database user, --by); no client data
  restored_by text NOT NULL CHECK (length(restored_by) BETWEEN 1 AND 200),
  -- the backup file's name, or how the database was restored (pg_restore by hand, a storage snapshot …)
  source text NOT NULL CHECK (length(source) BETWEEN 1 AND 500)
);

CREATE TRIGGER log_restores_append_only BEFORE UPDATE OR DELETE ON audit.log_restores
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER log_restores_no_truncate BEFORE TRUNCATE ON audit.log_restores
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

GRANT SELECT ON audit.log_restores TO dossierwijzer_app;
