/**
 * Checks at start that the database makes a commit durable: `fsync` on (data
 * reaches the disk) and `synchronous_commit` not `off` (a 2xx is answered only
 * after the commit is on disk). Either one off means a power cut can lose
 * entries — and their access-log rows — that were already confirmed.
 */
import type { Queryable } from './database.js';

export interface Durability {
  fsync: string;
  synchronousCommit: string;
  durable: boolean;
}

export async function checkDurability(db: Queryable): Promise<Durability> {
  const [fsync] = await db.query<{ fsync: string }>('SHOW fsync');
  const [commit] = await db.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
  const durability = { fsync: fsync?.fsync ?? 'unknown', synchronousCommit: commit?.synchronous_commit ?? 'unknown' };
  return { ...durability, durable: durability.fsync === 'on' && durability.synchronousCommit !== 'off' };
}

/** What `start` says when the check fails; in production it refuses to run. */
export function durabilityProblem(d: Durability, embedded: boolean): string {
  if (embedded) return `the embedded PGlite database does not fsync (fsync=${d.fsync}): a crash can lose confirmed writes. Use PostgreSQL (DATABASE_URL) for real data.`;
  return `The database does not make commits durable (fsync=${d.fsync}, synchronous_commit=${d.synchronousCommit}): `
    + 'a crash could lose confirmed entries and their access-log rows. Turn fsync on and synchronous_commit to on (or remote_apply).';
}
