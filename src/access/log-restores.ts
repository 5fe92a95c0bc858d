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
 * file cannot delete rows. Whoever controls both could stage a restore — but
 * it is then reported, with its time and operator, on every verification.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { insertRestoreMarker, readChainHead, type RestoreMarker } from './access-log-store.js';
import type { Checkpoint } from './log-checkpoints.js';

export { readRestoreMarkers, type RestoreMarker } from './access-log-store.js';

/**
 * Records that the database (as it is now) was restored from a backup taken at
 * `backupTakenAt`: the marker's head is the current last row of the log. Runs as
 * the owner (the application role may only read markers).
 * @example const marker = await recordRestoreMarker(tx, { backupTakenAt, restoredBy: 'root (postgres)', source: 'dw-2026-12-04.backup', now });
 */
export async function recordRestoreMarker(
  owner: Queryable,
  input: { backupTakenAt: Date; restoredBy: string; source: string; now: Date },
): Promise<RestoreMarker> {
  const head = await readChainHead(owner);
  const marker: RestoreMarker = {
    id: randomUUID(), headSeq: head.seq, headHash: head.rowHash, backupTakenAt: input.backupTakenAt.toISOString(),
    restoredAt: input.now.toISOString(), restoredBy: input.restoredBy.slice(0, 200), source: input.source.slice(0, 500),
  };
  await insertRestoreMarker(owner, marker);
  return marker;
}

/** The restore line for the checkpoints file: a checkpoint at the restored head that names the marker. */
export function restoreCheckpoint(marker: RestoreMarker): Checkpoint {
  return {
    seq: marker.headSeq, rowHash: marker.headHash, at: marker.restoredAt,
    restore: { id: marker.id, backupTakenAt: marker.backupTakenAt, by: marker.restoredBy },
  };
}
