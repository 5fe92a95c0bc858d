/**
 * Opens the configured database, migrated and ready, as the application role.
 * Migrations run as the connecting user (the schema owner); the application
 * then works as `dossierwijzer_app`, which cannot change history.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { APP_ROLE, type Database } from './database.js';
import { assertPrivate, ensurePrivateDir } from './file-permissions.js';
import { migrate, type MigrationResult } from './migrate.js';
import { openPglite, type PgliteOpenOptions } from './pglite-database.js';
import { openPostgres, type PostgresOptions } from './postgres-database.js';

export interface OpenedDatabase {
  db: Database;
  migrations: MigrationResult;
}

/** PGlite's folder inside the data directory. */
export function pgliteDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'pglite');
}

/**
 * Opens PGlite at `dataDir` (undefined = in memory; created 0700, made owner-only), migrates, then drops to the
 * application role. With `loadDataDir` (a migrated data directory, test-support/template-database.ts) it starts
 * from that copy: the migration run then only checks the recorded checksums and applies what is newer.
 */
export async function openMigratedPglite(dataDir: string | undefined, options: PgliteOpenOptions = {}): Promise<OpenedDatabase> {
  const db = await openPglite(dataDir, options);
  const migrations = await migrate(db);
  // PGlite has a single connection: switching its role switches the whole app.
  await db.exec(`SET ROLE ${APP_ROLE}`);
  return { db, migrations };
}

/**
 * Migrates the server database through a one-connection owner pool (at
 * `ownerUrl`, default `url`), then opens the application pool at `url` as the
 * application role.
 */
export async function openMigratedPostgres(url: string, pool?: number | Omit<PostgresOptions, 'role'>, ownerUrl: string = url): Promise<OpenedDatabase> {
  const owner = openPostgres(ownerUrl, { maxConnections: 1 });
  let migrations: MigrationResult;
  try {
    migrations = await migrate(owner);
  } finally {
    await owner.close();
  }
  const db = openPostgres(url, { role: APP_ROLE, ...(typeof pool === 'number' ? { maxConnections: pool } : pool) });
  return { db, migrations };
}

/**
 * Opens what `config` names: PostgreSQL when DATABASE_URL is set, PGlite in the
 * data folder otherwise. The data folder (PGlite's database, the master key
 * file and the checkpoints by default) is created 0700, and one that the group
 * or others can enter is refused with a ConfigError that names the chmod
 * command (with DATABASE_URL, only when it exists).
 */
export async function openDatabase(config: Config): Promise<OpenedDatabase> {
  if (config.databaseUrl === undefined) await ensurePrivateDir(config.dataDir);
  else if (existsSync(config.dataDir)) await assertPrivate('data-dir', config.dataDir);
  return config.databaseUrl === undefined
    ? openMigratedPglite(pgliteDir(config))
    : openMigratedPostgres(config.databaseUrl, { ...config.database, maxConnections: config.database.poolSize }, config.databaseMigrationUrl);
}

/**
 * Opens what `config` names as it is, as the application role: no migration, nothing written. For tools that only
 * read (`verify-log`), so they also work on a read-only replica. An embedded database that does not exist yet is an
 * error here, not a new empty one.
 */
export async function openDatabaseAsIs(config: Config): Promise<Database> {
  if (config.databaseUrl !== undefined) return openPostgres(config.databaseUrl, { ...config.database, maxConnections: 2, role: APP_ROLE });
  const dir = pgliteDir(config);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) throw new Error(`no database at ${dir}`);
  await assertPrivate('data-dir', config.dataDir);
  const db = await openPglite(dir);
  await db.exec(`SET ROLE ${APP_ROLE}`);
  return db;
}
