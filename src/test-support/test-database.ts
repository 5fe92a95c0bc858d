/**
 * A fresh, migrated database per test file: in-memory PGlite by default, and a
 * uniquely named database on the PostgreSQL server when DATABASE_URL is set
 * (created here, dropped in `drop()`). Tests never depend on leftovers.
 * Each is a copy of a template migrated once per migration set
 * (template-database.ts), opened through the same path as a migrated one.
 */
import { APP_ROLE, type Database } from '../db/database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createScratchDatabase, type ScratchDatabase } from '../db/scratch-database.js';
import { templateEnabled, testTemplate } from './template-database.js';

export type TestDatabase = ScratchDatabase;

/** SQLSTATE invalid_catalog_name: the template was dropped between finding it and copying it. */
const NO_SUCH_DATABASE = '3D000';

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  for (let attempt = 1; ; attempt += 1) {
    const template = templateEnabled() ? await testTemplate(serverUrl) : undefined;
    try {
      return await createScratchDatabase(serverUrl, 'dw_test', 5, template);
    } catch (error) {
      const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
      if (code !== NO_SUCH_DATABASE || attempt >= 3) throw error;
    }
  }
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
