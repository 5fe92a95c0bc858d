/**
 * The demo seed's one transaction (issue 14: only the gate, the stores and the
 * plumbing reach src/db/). The whole seed runs in it under an advisory lock,
 * the transaction seen as a Database so that the gate's own transactions
 * (`enter`) become part of it: several servers starting at once in demo mode
 * wait for each other, exactly one creates the organisation, and a seed that
 * fails half-way leaves nothing behind.
 */
import { transactionAsDatabase, type Database } from '../db/database.js';

/** The advisory lock key of the demo seed (fixed; the migrator uses 7_310_311, the sweep 7_310_312). */
export const DEMO_SEED_LOCK = 7_310_313;

/** Runs `work` in one transaction that holds the demo seed's lock to its end; `work` gets the transaction as a Database. */
export function inSeedTransaction<T>(db: Database, work: (db: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // Held to the end of the transaction: a second server waits here, then finds the organisation.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK]);
    return work(transactionAsDatabase(db.kind, tx));
  });
}
