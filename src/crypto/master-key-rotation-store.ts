/**
 * The record of master key rotations (`care.master_key_rotations`,
 * migrations/0032), owned by the crypto module (issue 14: one owner per
 * table): from a rotation's first batch until every value was verified to
 * open under the new key (master-key-rotation.ts), and afterwards which key
 * each one retired (master-key.ts refuses to start on a retired key).
 * System work: the rotation command and start-up pass the database itself.
 */
import type { Queryable } from '../db/database.js';

export interface Rotation {
  id: number;
  oldFingerprint: string;
  newFingerprint: string;
  startedAt: Date;
  finishedAt: Date | null;
}

interface RotationRow {
  id: number;
  old_fingerprint: string;
  new_fingerprint: string;
  started_at: Date;
  finished_at: Date | null;
}

const toRotation = (r: RotationRow): Rotation => ({
  id: Number(r.id), oldFingerprint: r.old_fingerprint, newFingerprint: r.new_fingerprint, startedAt: r.started_at, finishedAt: r.finished_at,
});

/** The rotation under way, if any (at most one: a unique index). */
export async function unfinishedRotation(db: Queryable): Promise<Rotation | undefined> {
  const [row] = await db.query<RotationRow>(
    'SELECT id, old_fingerprint, new_fingerprint, started_at, finished_at FROM care.master_key_rotations WHERE finished_at IS NULL');
  return row === undefined ? undefined : toRotation(row);
}

/** The last finished rotation: its new key is the one the data are under now. */
export async function lastFinishedRotation(db: Queryable): Promise<Rotation | undefined> {
  const [row] = await db.query<RotationRow>(
    `SELECT id, old_fingerprint, new_fingerprint, started_at, finished_at FROM care.master_key_rotations
      WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1`);
  return row === undefined ? undefined : toRotation(row);
}

/** The last finished rotation whose old key has this fingerprint (a retired key), if any. */
export async function rotationThatRetired(db: Queryable, fingerprint: string): Promise<Rotation | undefined> {
  const [row] = await db.query<RotationRow>(
    `SELECT id, old_fingerprint, new_fingerprint, started_at, finished_at FROM care.master_key_rotations
      WHERE finished_at IS NOT NULL AND old_fingerprint = $1 ORDER BY finished_at DESC LIMIT 1`, [fingerprint]);
  return row === undefined ? undefined : toRotation(row);
}

/** Records a rotation from the key with `oldFingerprint` to the one with `newFingerprint`, started now. */
export async function recordRotation(db: Queryable, oldFingerprint: string, newFingerprint: string): Promise<Rotation> {
  const [row] = await db.query<RotationRow>(
    `INSERT INTO care.master_key_rotations (old_fingerprint, new_fingerprint) VALUES ($1, $2)
     RETURNING id, old_fingerprint, new_fingerprint, started_at, finished_at`, [oldFingerprint, newFingerprint]);
  return toRotation(row!);
}

/** Marks the rotation finished (after `verifyAllOpen` found nothing the new key does not open). */
export async function finishRotation(db: Queryable, rotation: Rotation, values: number): Promise<void> {
  await db.query('UPDATE care.master_key_rotations SET finished_at = clock_timestamp(), values_rewrapped = $2 WHERE id = $1 AND finished_at IS NULL',
    [rotation.id, values]);
}
