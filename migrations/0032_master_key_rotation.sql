-- Master key rotation (issue 13 part 12): `dossierwijzer rotate-master-key`
-- rewraps every value sealed directly under the master key (the clients' and
-- families' data keys, TOTP secrets, the registers and the breach register)
-- under a new key, in batches, and records here that it is under way.
--
-- A rotation is one row: the fingerprints of the old and the new key (an
-- HMAC-SHA-256 of a fixed label under the key, never the key), when it started
-- and when every value was verified to open under the new key. While a row has
-- no finished_at the server refuses to start (the values are then under two
-- keys); running the command again with the same keys resumes it. Which
-- values are done needs no column: AES-GCM tells a value sealed under the new
-- key from one under the old, so each batch skips what the new key opens.
-- Only the owner reads or writes this table (the command runs as the owner;
-- the application only reads it at start).

CREATE TABLE care.master_key_rotations (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  old_fingerprint text NOT NULL CHECK (old_fingerprint ~ '^[0-9a-f]{16}$'),
  new_fingerprint text NOT NULL CHECK (new_fingerprint ~ '^[0-9a-f]{16}$' AND new_fingerprint <> old_fingerprint),
  started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  finished_at timestamptz,
  values_rewrapped bigint
);
-- At most one rotation at a time.
CREATE UNIQUE INDEX master_key_rotations_one_unfinished ON care.master_key_rotations ((true)) WHERE finished_at IS NULL;

GRANT SELECT ON care.master_key_rotations TO dossierwijzer_app;
