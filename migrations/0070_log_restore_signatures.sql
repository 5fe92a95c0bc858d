-- Signed restore markers (issue 17 item 1): a restore marker (migration 0060)
-- is accepted by `verify-log` when the database and the checkpoints file agree
-- on it — so whoever could write both could stage a "restore" that explains
-- away deleted access-log rows. From now on `dossierwijzer restore` /
-- `restored` sign each marker: an HMAC-SHA-256 over its fields (id, head seq
-- and hash, backup time, restore time, operator, source) under a key derived
-- from the master key (src/access/log-restores.ts). The same signature goes
-- into the restore line of the checkpoints file; `verify-log` checks it when
-- the master key is configured and fails on a bad one.
--
-- `signed_with` is the fingerprint of the master key that signed
-- (keyFingerprint, src/crypto/master-key-rotation.ts): after a master key
-- rotation the old markers stay signed under the retired key, which
-- verify-log can then name instead of failing them.
--
-- Both nullable: markers written before this migration stay unsigned and are
-- reported as such. The table stays append-only (0060's triggers).

ALTER TABLE audit.log_restores
  ADD COLUMN signature text CHECK (signature ~ '^[0-9a-f]{64}$'),
  ADD COLUMN signed_with text CHECK (signed_with ~ '^[0-9a-f]{16}$'),
  ADD CONSTRAINT log_restores_signature_whole CHECK ((signature IS NULL) = (signed_with IS NULL));
