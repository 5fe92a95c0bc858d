/**
 * Migrate once, copy per test file. Running every migration for every test file cost seconds each (PGlite's
 * initdb plus ~50 migrations); a test file now starts from a copy of a database migrated once:
 *
 * - PGlite: the data directory of a migrated in-memory database, dumped to a tarball in the OS temp dir
 *   (`dossierwijzer-pglite-template-<key>.tar`) and loaded into each test database (`loadDataDir`).
 * - PostgreSQL: a database `dw_template_<key>` on the server, copied with `CREATE DATABASE … TEMPLATE`.
 *
 * The key is a hash of the migration files (names and contents; for PGlite also its version), computed by every
 * test file, so a migration added or edited during a run gets a new template and never a stale one. Each copy
 * is still opened through the normal path (scratch-database.ts → open-database.ts): the migration run checks
 * the recorded checksums and applies anything newer, and the handle switches to the application role.
 *
 * Built lazily by whichever test file asks first, under a lock (a lock file for PGlite, an advisory lock on the
 * server for PostgreSQL), so parallel workers — and several people's runs on one machine or server — build each
 * template once and never see a half-built one: the tarball is written under a temporary name and renamed, the
 * template database is migrated under a temporary name and renamed. Tests of migrations themselves
 * (db/migrate.test.ts) open their own databases and never come here.
 */
import { createHash, randomBytes } from 'node:crypto';
import { openAsBlob, readFileSync } from 'node:fs';
import { open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Queryable } from '../db/database.js';
import { migrate, readMigrations, type MigrationFile } from '../db/migrate.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { withDatabase, type ScratchTemplate } from '../db/scratch-database.js';

/** Templates not used (PGlite) or built (PostgreSQL) for this long belong to another migration set: removed. */
const OUTDATED_MS = 24 * 60 * 60 * 1000;
/** A lock file older than this is a crashed builder's, whatever its process id says (ids are reused). */
const STALE_LOCK_MS = 10 * 60 * 1000;
/** An advisory lock key of our own (not migrate.ts's 7_310_311): "dw template". */
const TEMPLATE_LOCK_KEY = 7_310_312;
/**
 * Measured: a PGlite start with the default 128 MB of shared buffers costs 0.6-0.8 s more CPU than with 16 MB
 * (about 40% of the start), and a test database holds a few MB. Only a tuning setting: no behaviour changes.
 */
const TEST_PGLITE_SETTINGS: Readonly<Record<string, string>> = { shared_buffers: '16MB' };
const PG_PREFIX = 'dw_template_';
const PG_BUILD_PREFIX = 'dw_tplbuild_';

function migrationsKey(files: readonly MigrationFile[], extra = ''): string {
  const hash = createHash('sha256');
  for (const { file, checksum } of files) hash.update(`${file}\0${checksum}\n`);
  return hash.update(extra).digest('hex').slice(0, 16);
}

/** Refuses a template whose recorded migrations are not exactly `files` (the folder changed while it was built). */
async function assertMigratedWith(db: Queryable, files: readonly MigrationFile[]): Promise<void> {
  const rows = await db.query<{ version: string; checksum: string | null }>('SELECT version, checksum FROM public.schema_migrations ORDER BY version');
  const recorded = rows.map((r) => `${r.version}:${r.checksum ?? ''}`).join(',');
  const expected = files.map((f) => `${f.file}:${f.checksum}`).join(',');
  if (recorded !== expected) throw new TemplateRaceError();
}

/** The migrations folder changed between hashing and migrating: hash again and build again. */
class TemplateRaceError extends Error {
  constructor() { super('the migrations changed while the template was built'); }
}

async function withRetryOnRace<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof TemplateRaceError) || attempt >= 5) throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// PGlite

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/** Takes the lock file, or returns false when another live builder holds it (a stale one is removed). */
async function tryLock(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx', 0o600);
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error;
  }
  try {
    const [pid, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    let alive = true;
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      alive = !isCode(error, 'ESRCH');
    }
    // An empty file is a builder between open and write: alive unless old.
    if ((pid !== '' && !alive) || Date.now() - info.mtimeMs > STALE_LOCK_MS) await unlink(lockPath);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
  return false;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, (error: unknown) => {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  });
}

/** Removes other keys' tarballs that nobody has used for a day (each use rewrites the `.used` marker beside it). */
async function removeOutdatedTarballs(dir: string, keep: string): Promise<void> {
  for (const name of await readdir(dir)) {
    // Also the `.partial` files of a builder that crashed while writing.
    if (!/^dossierwijzer-pglite-template-[0-9a-f]+\.tar(\.\d+\.[0-9a-f]+\.partial)?$/.test(name) || name === keep) continue;
    const file = path.join(dir, name);
    const used = await stat(`${file}.used`).catch(() => stat(file)).catch(() => undefined);
    // A run that still wants it after this builds it again.
    if (used !== undefined && Date.now() - used.mtimeMs > OUTDATED_MS) {
      await unlink(file).catch(() => undefined);
      await unlink(`${file}.used`).catch(() => undefined);
    }
  }
}

async function buildPgliteTarball(file: string, files: readonly MigrationFile[]): Promise<void> {
  const db = await openPglite(undefined);
  let tarball: Blob;
  try {
    await migrate(db);
    await assertMigratedWith(db, files);
    tarball = await db.dumpDataDir();
  } finally {
    await db.close();
  }
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  await writeFile(partial, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
  await rename(partial, file);
}

/** The migrated PGlite data directory for the current migrations, built on first use. */
export function pgliteTemplate(dir: string = os.tmpdir()): Promise<ScratchTemplate> {
  return withRetryOnRace(async () => {
    const files = await readMigrations();
    const name = `dossierwijzer-pglite-template-${migrationsKey(files, `pglite ${pgliteVersion()}`)}.tar`;
    const file = path.join(dir, name);
    const deadline = Date.now() + STALE_LOCK_MS;
    for (;;) {
      try {
        // Backed by the file, not read into memory here (two copies of 44 MB cost 0.5 s of CPU). Such a Blob fails
        // to read once the file's time or inode changes, so the tarball is never touched or replaced after its
        // rename: its last use is the time of a marker file beside it (removeOutdatedTarballs).
        const dataDir = await openAsBlob(file);
        await writeFile(`${file}.used`, '', { mode: 0o600 });
        return { kind: 'pglite', dataDir, settings: TEST_PGLITE_SETTINGS };
      } catch (error) {
        // Node 20's openAsBlob says ERR_INVALID_ARG_VALUE ("Unable to open file as blob") for a missing file, not ENOENT.
        if (!isCode(error, 'ENOENT') && !(isCode(error, 'ERR_INVALID_ARG_VALUE') && !await exists(file))) throw error;
      }
      if (await tryLock(`${file}.lock`)) {
        try {
          // Another builder may have finished between our look and our lock: never replace a tarball in use.
          if (!await exists(file)) await buildPgliteTarball(file, files);
          await removeOutdatedTarballs(dir, name);
        } finally {
          await unlink(`${file}.lock`).catch(() => undefined);
        }
        continue;
      }
      if (Date.now() > deadline) throw new Error(`no PGlite template after waiting for ${file}.lock`);
      await sleep(100);
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL

interface TemplateRow {
  datname: string;
  built: string | null;
}

async function templates(admin: Queryable): Promise<TemplateRow[]> {
  return admin.query<TemplateRow>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS built FROM pg_database
      WHERE datname LIKE 'dw\\_template\\_%' OR datname LIKE 'dw\\_tplbuild\\_%'`);
}

function builtAt(row: TemplateRow): number {
  const at = Date.parse((row.built ?? '').replace(/^dossierwijzer test template, built /, ''));
  return Number.isNaN(at) ? 0 : at;
}

/**
 * Builds `dw_template_<key>` unless it exists. Runs under the advisory lock, so at most one builder works at a
 * time per server database the lock is taken in (the one DATABASE_URL names).
 */
async function buildPostgresTemplate(serverUrl: string, admin: Queryable, database: string, files: readonly MigrationFile[]): Promise<void> {
  const existing = await templates(admin);
  if (existing.some((row) => row.datname === database)) return;
  // Old templates are dropped only when they belong to other migrations and were built over a day ago: a run on
  // an older checkout that still uses one gets 3D000 on its next copy and builds it again (createTemplateCopy).
  // Half-built leftovers of a crashed builder go after an hour (a live builder holds the lock we hold now, but a
  // run whose DATABASE_URL names another database takes its lock there, so give it time).
  for (const row of existing) {
    const age = Date.now() - builtAt(row);
    const outdated = row.datname.startsWith(PG_BUILD_PREFIX) ? age > 60 * 60 * 1000 : age > OUTDATED_MS;
    // The names come from pg_database and match the LIKE patterns above; checked again before inlining.
    if (outdated && /^dw_(template|tplbuild)_[0-9a-f_]+$/.test(row.datname)) {
      await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    }
  }
  const building = `${PG_BUILD_PREFIX}${database.slice(PG_PREFIX.length)}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${building}`);
  await admin.query(`COMMENT ON DATABASE ${building} IS 'dossierwijzer test template, built ${new Date().toISOString()}'`);
  const owner = openPostgres(withDatabase(serverUrl, building), { maxConnections: 1 });
  try {
    await migrate(owner);
    await assertMigratedWith(owner, files);
  } catch (error) {
    await owner.close();
    await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    throw error;
  }
  await owner.close();
  // No one may connect to a template: CREATE DATABASE … TEMPLATE fails while anyone is connected to it.
  // (RENAME waits up to 5 s, as CREATE DATABASE does, for our closed connection's backend to go.)
  await admin.query(`ALTER DATABASE ${building} WITH ALLOW_CONNECTIONS false`);
  await admin.query(`ALTER DATABASE ${building} RENAME TO ${database}`);
}

/** The name of the migrated template database for the current migrations on the server, built on first use. */
export function postgresTemplate(serverUrl: string): Promise<ScratchTemplate> {
  return withRetryOnRace(async () => {
    const files = await readMigrations();
    const database = `${PG_PREFIX}${migrationsKey(files)}`;
    const admin = openPostgres(serverUrl, { maxConnections: 1 });
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.length === 0) {
        // Session-level advisory lock on the pool's one connection: held until unlocked or the connection ends.
        await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
        try {
          await buildPostgresTemplate(serverUrl, admin, database, files);
        } finally {
          await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_KEY]);
        }
      }
    } finally {
      await admin.close();
    }
    return { kind: 'postgres', database };
  });
}

/** `DW_TEST_TEMPLATE=0` migrates every test database from nothing, as before templates (to compare or rule them out). */
export function templateEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.DW_TEST_TEMPLATE !== '0';
}

/** The template for the configured database: PostgreSQL's when `serverUrl` is set, PGlite's otherwise. */
export function testTemplate(serverUrl: string | undefined): Promise<ScratchTemplate> {
  return serverUrl === undefined || serverUrl === '' ? pgliteTemplate() : postgresTemplate(serverUrl);
}
