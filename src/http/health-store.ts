/**
 * The readiness probe's row (`ops.health_probe`, migrations/0041), owned by
 * the health routes (issue 14: one owner per table). System work on the
 * plumbing's database, outside any request.
 */
import type { Database } from '../db/database.js';

/**
 * Updates the probe's one row in a transaction of its own: "a commit succeeds" is then a real commit that
 * writes WAL (and waits for a synchronous standby when one is configured); a read-only transaction commits
 * without either and would stay green while every write hangs.
 */
export async function commitHealthProbe(db: Database): Promise<void> {
  await db.transaction((tx) => tx.query('UPDATE ops.health_probe SET probed_at = now() WHERE id = 1'));
}
