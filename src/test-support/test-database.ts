/**
 * A fresh, migrated database per test file: in-memory PGlite by default, and a
 * uniquely named database on the PostgreSQL server when DATABASE_URL is set
 * (created here, dropped in `drop()`). Tests never depend on leftovers.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.js';
import { openMigratedPglite, openMigratedPostgres } from '../db/open-database.js';
import { openPostgres } from '../db/postgres-database.js';

export interface TestDatabase {
  /** The application's handle, running as the application role. */
  db: Database;
  /** A handle as the owner (superuser on the test server; PGlite's single user). Only for tests of the database's own guards. */
  url: string | undefined;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl === undefined || serverUrl === '') {
    const { db } = await openMigratedPglite(undefined);
    return { db, url: undefined, drop: () => db.close() };
  }
  const name = `dw_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres(serverUrl, { maxConnections: 1 });
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = withDatabase(serverUrl, name);
  const { db } = await openMigratedPostgres(url, 5);
  return {
    db,
    url,
    async drop() {
      await db.close();
      const cleaner = openPostgres(serverUrl, { maxConnections: 1 });
      await cleaner.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleaner.close();
    },
  };
}
