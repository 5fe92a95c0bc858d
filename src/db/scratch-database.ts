/**
 * A fresh, migrated, throw-away database: in-memory PGlite, or a uniquely
 * named database on the PostgreSQL server at `serverUrl` (created here,
 * dropped by `drop()`). Used by tests and benchmarks; never by the app.
 *
 * Without a template every scratch database runs every migration (the bench
 * and the start-up tests rely on that). Tests pass a template
 * (test-support/template-database.ts) so that a migrated copy is opened
 * instead; the opening path is the same either way — the migration run (which
 * then finds nothing to apply) and the switch to the application role.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from './database.js';
import { openMigratedPglite, openMigratedPostgres } from './open-database.js';
import { SYSTEM_SCOPE, withDefaultScope } from './organisation-scope.js';
import { openPostgres } from './postgres-database.js';

export interface ScratchDatabase {
  /** The application's handle, running as the application role. */
  db: Database;
  /** The URL of the scratch database on the server; undefined on PGlite. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A migrated starting point to copy instead of migrating from nothing. */
export type ScratchTemplate =
  /** PGlite: a migrated data directory as `dumpDataDir` gives it, and server settings to start it with. */
  | { kind: 'pglite'; dataDir: Blob; settings?: Readonly<Record<string, string>> }
  /** PostgreSQL: a migrated database on the same server, with no connections open to it. */
  | { kind: 'postgres'; database: string };

/** Names this module puts into SQL unquoted: generated prefixes and template names only. */
const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `url` with its database name replaced by `name`. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Tests and benchmarks set up their fixtures with plain SQL across organisations, so outside any scope their handle
 * works in the system scope; inside an `inOrganisation` context (an HTTP request of a logged-in employee) the
 * request's own organisation still holds, exactly as in the app. The app's own handle (`openDatabase`) has no such
 * default: outside a scope it sees no row. row-level-security.test.ts checks both from raw SQL.
 */
function acrossOrganisations(db: Database): Database {
  return withDefaultScope(db, SYSTEM_SCOPE);
}

export async function createScratchDatabase(
  serverUrl: string | undefined, prefix: string, maxConnections = 5, template?: ScratchTemplate,
): Promise<ScratchDatabase> {
  if (serverUrl === undefined || serverUrl === '') {
    const { db } = await openMigratedPglite(undefined, template?.kind === 'pglite' ? { loadDataDir: template.dataDir, ...(template.settings === undefined ? {} : { settings: template.settings }) } : {});
    return { db: acrossOrganisations(db), url: undefined, drop: () => db.close() };
  }
  // The name is generated here from a fixed prefix and random hex: safe to inline.
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const source = template?.kind === 'postgres' ? template.database : undefined;
  if (!SAFE_NAME.test(name) || (source !== undefined && !SAFE_NAME.test(source))) throw new Error(`unsafe database name: ${name} / ${source}`);
  const admin = openPostgres(serverUrl, { maxConnections: 1 });
  try {
    await admin.exec(source === undefined ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${source}`);
  } finally {
    await admin.close();
  }
  const url = withDatabase(serverUrl, name);
  const { db } = await openMigratedPostgres(url, maxConnections);
  return {
    db: acrossOrganisations(db),
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
