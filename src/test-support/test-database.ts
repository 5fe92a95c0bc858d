/**
 * A fresh, migrated database per test file: in-memory PGlite by default, and a
 * uniquely named database on the PostgreSQL server when DATABASE_URL is set
 * (created here, dropped in `drop()`). Tests never depend on leftovers.
 */
import { APP_ROLE, type Database } from '../db/database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createScratchDatabase, type ScratchDatabase } from '../db/scratch-database.js';

export type TestDatabase = ScratchDatabase;

export function createTestDatabase(): Promise<TestDatabase> {
  return createScratchDatabase(process.env.DATABASE_URL, 'dw_test');
}

/**
 * Runs `work` as the tables' owner, as a migration or an attacker with owner rights would: on PGlite its one
 * connection leaves the application role for a moment; on a server a separate owner connection is opened.
 */
export async function asOwner<T>(database: TestDatabase, work: (owner: Database) => Promise<T>): Promise<T> {
  if (database.url === undefined) {
    await database.db.exec('RESET ROLE');
    try {
      return await work(database.db);
    } finally {
      await database.db.exec(`SET ROLE ${APP_ROLE}`);
    }
  }
  const owner = openPostgres(database.url, { maxConnections: 1 });
  try {
    return await work(owner);
  } finally {
    await owner.close();
  }
}
