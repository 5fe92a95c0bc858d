/**
 * Restore markers (issue 17 item 1): the record that the database was restored
 * from a backup, so that the access-log rows written after the backup was taken
 * are an explained loss, not a log cut short.
 *
 * A marker lives in two places that must agree (migrations/0060):
 * - `audit.log_restores` in the restored database: the backup's log head (the
 *   restored database's last row), when the backup was taken, when and by whom
 *   it was restored, from what;
 * - a restore line in the checkpoints file, outside the database
 *   (log-checkpoints.ts): `{"seq","rowHash","at","restore":{"id",…}}`.
 *
 * `verify-log` lets a restore line void the checkpoints written before it that
 * lie beyond its head (the history that was lost) only when the database holds
 * the same marker; someone who can write the database but not the checkpoints
 * file cannot explain away deleted rows, and someone who can write only the
 * file cannot delete rows.
 *
 * Signed (migration 0070): whoever controls both could otherwise stage a
 * restore. The restore commands sign each marker — HMAC-SHA-256 over its
 * canonical fields under a key derived from the master key (HKDF, label
 * `dossierwijzer restore marker v1`) — and store the signature, with the
 * fingerprint of the master key that made it, in the database and in the
 * restore line. `verify-log` checks it where the master key is configured
 * (where the server runs) and fails on a bad one; a marker from before 0070
 * is unsigned and reported as such.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '../crypto/derived-key.js';
import { keyFingerprint } from '../crypto/master-key-rotation.js';
import type { Queryable } from '../db/database.js';
import { insertRestoreMarker, readChainHead, type RestoreMarker } from './access-log-store.js';
import type { Checkpoint } from './log-checkpoints.js';

/** The HKDF label of the restore markers' signing key: a key of its own, used for nothing else. */
export const RESTORE_MARKER_KEY_INFO = 'dossierwijzer restore marker v1';

/** The key restore markers are signed with, and the fingerprint of the master key it is derived from. */
export interface RestoreSigningKey {
  key: Buffer;
  fingerprint: string;
}

/** The signing key under `masterKey`. */
export function restoreSigningKey(masterKey: Buffer): RestoreSigningKey {
  return { key: deriveKey(masterKey, RESTORE_MARKER_KEY_INFO), fingerprint: keyFingerprint(masterKey) };
}

/** What is signed: every field of the marker but the signature, in a fixed order (JSON: no field can run into the next). */
function canonical(marker: Omit<RestoreMarker, 'signature' | 'signedWith'>): string {
  return JSON.stringify(['restore-marker', marker.id, marker.headSeq, marker.headHash, marker.backupTakenAt, marker.restoredAt, marker.restoredBy, marker.source]);
}

function hmac(key: Buffer, marker: Omit<RestoreMarker, 'signature' | 'signedWith'>): Buffer {
  return createHmac('sha256', key).update(canonical(marker), 'utf8').digest();
}

/**
 * How a marker's signature checks out:
 * - `valid`:       made under the configured master key;
 * - `invalid`:     not made under it — the marker was forged or changed (verify-log fails);
 * - `retired-key`: made under a master key a finished rotation retired (not checkable any more);
 * - `unsigned`:    written before migration 0070;
 * - `not-checked`: no master key configured here.
 */
export type RestoreSignature = 'valid' | 'invalid' | 'retired-key' | 'unsigned' | 'not-checked';

/**
 * Checks `marker`'s signature with `signing` (undefined: no master key here); `retired` holds the fingerprints of
 * master keys a finished rotation replaced. A signature under any other key is `invalid`.
 */
export function checkRestoreSignature(
  marker: RestoreMarker, signing: RestoreSigningKey | undefined, retired: ReadonlySet<string> = new Set(),
): RestoreSignature {
  if (marker.signature === null || marker.signedWith === null) return 'unsigned';
  if (signing === undefined) return 'not-checked';
  if (marker.signedWith !== signing.fingerprint) return retired.has(marker.signedWith) ? 'retired-key' : 'invalid';
  const given = Buffer.from(marker.signature, 'hex');
  const expected = hmac(signing.key, marker);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'invalid';
}

export { readRestoreMarkers, type RestoreMarker } from './access-log-store.js';

/**
 * Records that the database (as it is now) was restored from a backup taken at
 * `backupTakenAt`: the marker's head is the current last row of the log. Runs as
 * the owner (the application role may only read markers).
 * @example const marker = await recordRestoreMarker(tx, { backupTakenAt, restoredBy: 'root (postgres)', source: 'dw-2026-12-04.backup', now, signing: restoreSigningKey(masterKey) });
 */
export async function recordRestoreMarker(
  owner: Queryable,
  input: { backupTakenAt: Date; restoredBy: string; source: string; now: Date; signing: RestoreSigningKey },
): Promise<RestoreMarker> {
  const head = await readChainHead(owner);
  const fields = {
    id: randomUUID(), headSeq: head.seq, headHash: head.rowHash, backupTakenAt: input.backupTakenAt.toISOString(),
    restoredAt: input.now.toISOString(), restoredBy: input.restoredBy.slice(0, 200), source: input.source.slice(0, 500),
  };
  const marker: RestoreMarker = { ...fields, signature: hmac(input.signing.key, fields).toString('hex'), signedWith: input.signing.fingerprint };
  await insertRestoreMarker(owner, marker);
  return marker;
}

/** The restore line for the checkpoints file: a checkpoint at the restored head that names the marker, with its signature. */
export function restoreCheckpoint(marker: RestoreMarker): Checkpoint {
  return {
    seq: marker.headSeq, rowHash: marker.headHash, at: marker.restoredAt,
    restore: {
      id: marker.id, backupTakenAt: marker.backupTakenAt, by: marker.restoredBy,
      ...(marker.signature === null || marker.signedWith === null ? {} : { signature: marker.signature, signedWith: marker.signedWith }),
    },
  };
}
