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
import { readChainHead, type Checkpoint } from './log-checkpoints.js';

export interface RestoreMarker {
  id: string;
  /** The backup's log head: its last row and that row's hash (hex). */
  headSeq: number;
  headHash: string;
  /** When the backup was taken (ISO 8601, UTC). */
  backupTakenAt: string;
  /** When it was restored (ISO 8601, UTC). */
  restoredAt: string;
  restoredBy: string;
  source: string;
}

interface MarkerRow {
  id: string;
  head_seq: string;
  head_hash: string;
  backup_taken_at: Date;
  restored_at: Date;
  restored_by: string;
  source: string;
}

/** Every restore marker, oldest first; none on a schema from before migration 0060 (verify-log may run on one). */
export async function readRestoreMarkers(db: Queryable): Promise<RestoreMarker[]> {
  const [present] = await db.query<{ present: boolean }>(`SELECT to_regclass('audit.log_restores') IS NOT NULL AS present`);
  if (present?.present !== true) return [];
  const rows = await db.query<MarkerRow>(
    'SELECT id, head_seq, head_hash, backup_taken_at, restored_at, restored_by, source FROM audit.log_restores ORDER BY restored_at, id');
  return rows.map((r) => ({
    id: r.id, headSeq: Number(r.head_seq), headHash: r.head_hash, backupTakenAt: r.backup_taken_at.toISOString(),
    restoredAt: r.restored_at.toISOString(), restoredBy: r.restored_by, source: r.source,
  }));
}

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
  await owner.query(
    `INSERT INTO audit.log_restores (id, head_seq, head_hash, backup_taken_at, restored_at, restored_by, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [marker.id, marker.headSeq, marker.headHash, marker.backupTakenAt, marker.restoredAt, marker.restoredBy, marker.source],
  );
  return marker;
}

/** When the log's last row was written: the best estimate of a backup's time when no manifest says it. */
export async function lastLogRowTime(db: Queryable): Promise<Date | undefined> {
  const [row] = await db.query<{ occurred_at: Date }>('SELECT occurred_at FROM audit.access_log ORDER BY seq DESC LIMIT 1');
  return row?.occurred_at;
}

/** The restore line for the checkpoints file: a checkpoint at the restored head that names the marker. */
export function restoreCheckpoint(marker: RestoreMarker): Checkpoint {
  return {
    seq: marker.headSeq, rowHash: marker.headHash, at: marker.restoredAt,
    restore: { id: marker.id, backupTakenAt: marker.backupTakenAt, by: marker.restoredBy },
  };
}
