/**
 * The migrator on an empty database — in-memory PGlite, or a fresh database on
 * the PostgreSQL server when DATABASE_URL is set: versions with checksums, a
 * changed applied file stops it, and a database that ran the first release of
 * 0029 (its text kept in src/db/fixtures) is repaired by 0040.
 */
import { randomBytes } from 'node:crypto';
import { appendFile, copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ROLE, type Database } from './database.js';
import { migrate, MigrationChecksumError, migrationChecksum, migrationStatus, MIGRATIONS_DIR, readMigrations } from './migrate.js';
import { openPglite } from './pglite-database.js';
import { openPostgres } from './postgres-database.js';

const OLD_0029 = fileURLToPath(new URL('./fixtures/0029_destruction_needs_a_decision.before-cfcffd9.sql', import.meta.url));
const serverUrl = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;

/** An empty database as its owner, and how to throw it away. */
async function emptyDatabase(): Promise<{ db: Database; drop(): Promise<void> }> {
  if (serverUrl === undefined) {
    const db = await openPglite(undefined);
    return { db, drop: () => db.close() };
  }
  const name = `dw_migrate_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = openPostgres(serverUrl, { maxConnections: 1 });
  await admin.exec(`CREATE DATABASE ${name}`).finally(() => admin.close());
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), { maxConnections: 1 });
  return {
    db,
    async drop() {
      await db.close();
      const cleaner = openPostgres(serverUrl, { maxConnections: 1 });
      await cleaner.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => cleaner.close());
    },
  };
}

/** A folder with copies of the migrations up to and including `last` (by number). */
async function migrationsUpTo(last: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dw-migrations-'));
  for (const file of (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql') && f.slice(0, 4) <= last)) {
    await copyFile(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
  }
  return dir;
}

async function destroyDossierBody(db: Database): Promise<string> {
  const [row] = await db.query<{ prosrc: string }>(
    'SELECT p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = \'care\' AND p.proname = \'destroy_dossier\'');
  return row!.prosrc;
}

let database: { db: Database; drop(): Promise<void> };
let dirs: string[] = [];
beforeEach(async () => { database = await emptyDatabase(); });
afterEach(async () => {
  await database.drop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  dirs = [];
});

describe('migrations', () => {
  it('apply once, record their versions with the checksum of each file, and are a no-op the second time', async () => {
    const { db } = database;
    const first = await migrate(db);
    expect(first.applied[0]).toBe('0001_foundation.sql');
    const second = await migrate(db);
    expect(second.applied).toEqual([]);
    expect(second.backfilled).toEqual([]);
    expect(second.alreadyApplied).toBe(first.applied.length);
    const [role] = await db.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    expect(role?.rolname).toBe(APP_ROLE);

    const rows = await db.query<{ version: string; checksum: string }>('SELECT version, checksum FROM public.schema_migrations ORDER BY version');
    const files = await readMigrations();
    expect(rows).toEqual(files.map((f) => ({ version: f.file, checksum: f.checksum })));
    expect(rows.find((r) => r.version.startsWith('0029'))?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(await migrationStatus(db)).toEqual({ pending: [], unknown: [], changed: [] });

    const tables = await db.query<{ schema: string; name: string }>(
      'SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_schema IN (\'formal\', \'care\') ORDER BY 1, 2');
    expect(tables.filter((t) => t.schema === 'formal').map((t) => t.name)).toEqual(expect.arrayContaining(['clients', 'care_allocations', 'time_registrations', 'identity_checks']));
    expect(tables.filter((t) => t.schema === 'care').map((t) => t.name)).toEqual(expect.arrayContaining(['entries', 'entry_annotations', 'dossiers', 'client_keys']));
  });

  it('stop with a message naming the file when an applied migration was changed, and apply nothing after it', async () => {
    const { db } = database;
    const dir = await migrationsUpTo('0030');
    dirs.push(dir);
    await migrate(db, dir);
    await appendFile(path.join(dir, '0030_consent_withdrawer.sql'), '\n-- edited after release\nCREATE TABLE org.should_not_exist (a int);\n');
    await copyFile(path.join(MIGRATIONS_DIR, '0040_repair_0029_drift.sql'), path.join(dir, '0040_repair_0029_drift.sql'));
    const error = await migrate(db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationChecksumError);
    expect((error as Error).message).toContain('Migration 0030_consent_withdrawer.sql was changed after it had been applied');
    expect(await db.query('SELECT 1 FROM public.schema_migrations WHERE version LIKE \'0040%\'')).toEqual([]);
    expect((await migrationStatus(db, dir)).changed).toEqual(['0030_consent_withdrawer.sql']);
    // Line endings alone are no change.
    expect(migrationChecksum('a;\r\nb;\r\n')).toBe(migrationChecksum('a;\nb;\n'));
  });

  it('backfill checksums on a database migrated before they existed (trust on first use)', async () => {
    const { db } = database;
    await migrate(db);
    await db.exec('ALTER TABLE public.schema_migrations DROP COLUMN checksum');
    const again = await migrate(db);
    expect(again.applied).toEqual([]);
    expect(again.repaired).toEqual([]);
    expect(again.backfilled.length).toBe(again.alreadyApplied);
    expect(await migrationStatus(db)).toEqual({ pending: [], unknown: [], changed: [] });
  });

  for (const history of ['before checksums existed', 'with the checksum of the old body'] as const) {
    it(`repair a database that ran the first release of 0029 (${history}) by applying 0040`, async () => {
      const { db } = database;
      const dir = await migrationsUpTo('0028');
      dirs.push(dir);
      await copyFile(OLD_0029, path.join(dir, '0029_destruction_needs_a_decision.sql'));
      await migrate(db, dir);
      if (history === 'before checksums existed') await db.exec('UPDATE public.schema_migrations SET checksum = NULL');
      // The drift as it was: destroy_dossier asks for no part, and the kind-to-part function is missing.
      expect(await destroyDossierBody(db)).toContain('p_request, NULL, NULL)');
      expect(await db.query('SELECT 1 FROM pg_proc WHERE proname = \'part_of_entry_kind\'')).toEqual([]);

      const result = await migrate(db);
      expect(result.applied).toContain('0040_repair_0029_drift.sql');
      expect(result.repaired).toHaveLength(1);
      expect(result.repaired[0]).toContain('0029_destruction_needs_a_decision.sql');
      expect(await destroyDossierBody(db)).toContain('p_request, \'dossier\', NULL)');
      const [kindPart] = await db.query<{ part: string }>('SELECT care.part_of_entry_kind(\'plan\') AS part');
      expect(kindPart?.part).toBe('care-plan');
      const [erase] = await db.query<{ prosrc: string }>('SELECT prosrc FROM pg_proc WHERE proname = \'erase_client_identity\'');
      expect(erase?.prosrc).toContain('consent_reference = NULL');
      // The record now holds the current file's checksum, and a further run is quiet.
      expect(await migrationStatus(db)).toEqual({ pending: [], unknown: [], changed: [] });
      const [row] = await db.query<{ checksum: string }>('SELECT checksum FROM public.schema_migrations WHERE version = \'0029_destruction_needs_a_decision.sql\'');
      expect(row?.checksum).toBe((await readMigrations()).find((f) => f.file.startsWith('0029'))?.checksum);
      expect(await migrate(db)).toMatchObject({ applied: [], repaired: [], backfilled: [] });
    }, 60_000);
  }
});
