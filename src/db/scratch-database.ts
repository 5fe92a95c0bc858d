/**
 * A fresh, migrated, throw-away database: in-memory PGlite, or a uniquely
 * named database on the PostgreSQL server at `serverUrl` (created here,
 * dropped by `drop()`). Used by tests and benchmarks; never by the app.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from './database.js';
import { openMigratedPglite, openMigratedPostgres } from './open-database.js';
import { openPostgres } from './postgres-database.js';

export interface ScratchDatabase {
  /** The application's handle, running as the application role. */
  db: Database;
  /** The URL of the scratch database on the server; undefined on PGlite. */
  url: string | undefined;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createScratchDatabase(serverUrl: string | undefined, prefix: string, maxConnections = 5): Promise<ScratchDatabase> {
  if (serverUrl === undefined || serverUrl === '') {
    const { db } = await openMigratedPglite(undefined);
    return { db, url: undefined, drop: () => db.close() };
  }
  // The name is generated here from a fixed prefix and random hex: safe to inline.
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres(serverUrl, { maxConnections: 1 });
  try {
    await admin.exec(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const url = withDatabase(serverUrl, name);
  const { db } = await openMigratedPostgres(url, maxConnections);
  return {
    db,
    url,
    async drop() {
      await db.close();
      const cleaner = openPostgres(serverUrl, { maxConnections: 1 });
      try {
        await cleaner.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleaner.close();
      }
    },
  };
}
