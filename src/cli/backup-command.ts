/**
 * `dossierwijzer backup FILE`: a consistent copy of the configured database
 * (issue 17 item 1), and beside it `FILE.manifest.json` saying what it holds.
 *
 *   PostgreSQL  `pg_dump --format=custom` as the owner (DATABASE_MIGRATION_URL, else DATABASE_URL):
 *               one consistent snapshot while the servers keep serving; restore it with
 *               `dossierwijzer restore FILE` (or pg_restore by hand, then `dossierwijzer restored`).
 *   PGlite      the data folder as a gzipped tarball (PGlite's dumpDataDir), taken with the server
 *               STOPPED: an embedded database has one process at a time. While the server runs, it
 *               takes them itself (DW_BACKUP_DIR, every DW_BACKUP_HOURS and on SIGUSR2;
 *               backup-schedule.ts, `takeOnlinePgliteBackup`): the same file and manifest.
 *
 * The manifest records when the backup was taken (the database's clock), the
 * access log's head at that moment, the migrations it has, the fingerprint of
 * the master key it needs, and the file's SHA-256 (checked by `restore`). The
 * backup holds no master key and no checkpoints file: both are kept elsewhere
 * on purpose (docs/operations.md, "Backup"). The file is written as
 * `FILE.partial` and renamed when complete and fsync'd, so a failed backup never
 * leaves a file that looks whole.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { readChainHead } from '../access/log-checkpoints.js';
import { loadConfig, type Config } from '../config/config.js';
import { keyFingerprint } from '../crypto/master-key-rotation.js';
import { loadMasterKey, readMasterKeyFile } from '../crypto/master-key.js';
import { DataDirInUseError, withDataDirLock } from '../db/data-dir-lock.js';
import type { Queryable } from '../db/database.js';
import { pgliteDir } from '../db/open-database.js';
import type { PgliteDatabase } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import type { Command } from './command.js';

const usage = `Usage: dossierwijzer backup FILE [--json]

Writes a consistent copy of the configured database to FILE and what it holds
to FILE.manifest.json (time, access-log head, migrations, master-key
fingerprint, SHA-256). PostgreSQL: pg_dump (custom format) as the owner, while
the servers run. PGlite: stop the server first, or let the running server take
them (DW_BACKUP_DIR, every DW_BACKUP_HOURS and on SIGUSR2: kill -USR2 <pid>).

The master key and the checkpoints file are not in the backup: keep the key
in a separate, safe place, and ship the checkpoints file off the host.
`;

export const BACKUP_FORMAT = 'dossierwijzer-backup';

/** What `FILE.manifest.json` says about a backup. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  kind: 'postgres' | 'pglite';
  /** When the backup was taken, by the database's clock (ISO 8601). */
  takenAt: string;
  /** The access log's last row when the backup started (the backup holds at least this). */
  logHead: { seq: number; rowHash: string };
  migrations: string[];
  /** Fingerprint of the master key the backup's data needs (never the key). */
  masterKeyFingerprint: string | null;
  file: string;
  bytes: number;
  sha256: string;
}

export function manifestPath(file: string): string {
  return `${file}.manifest.json`;
}

/** A PostgreSQL URL split into a URL without its password and the password (for PGPASSWORD, never a process argument). */
export function withoutPassword(url: string): { url: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), password };
}

/** Runs a PostgreSQL client tool; rejects with its stderr when it fails. */
export function runTool(tool: string, args: readonly string[], password: string | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env: { ...process.env, ...(password === undefined ? {} : { PGPASSWORD: password }) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.on('error', (error) => reject(new Error(`${tool} could not be run (${error.message}); is the PostgreSQL client installed and on PATH?`)));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${tool} failed (exit ${code}): ${err.trim().slice(0, 2000)}`))));
  });
}

export async function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function describeDatabase(db: Queryable): Promise<{ takenAt: Date; head: { seq: number; rowHash: string }; migrations: string[] }> {
  const [clock] = await db.query<{ now: Date }>('SELECT clock_timestamp() AS now');
  const head = await readChainHead(db);
  const migrations = (await db.query<{ version: string }>('SELECT version FROM public.schema_migrations ORDER BY version')).map((r) => r.version);
  return { takenAt: clock!.now, head, migrations };
}

/** The configured master key if there is one (DW_MASTER_KEY or its file); never creates one, unlike loadMasterKey. */
export async function configuredMasterKey(config: Config): Promise<Buffer | undefined> {
  try {
    return config.masterKey !== undefined ? await loadMasterKey(config) : await readMasterKeyFile(config.masterKeyFile);
  } catch {
    return undefined;
  }
}

async function masterKeyFingerprint(config: Config): Promise<string | null> {
  const key = await configuredMasterKey(config);
  return key === undefined ? null : keyFingerprint(key);
}

/** Takes the backup; returns its manifest. The file appears only when complete. */
export async function takeBackup(config: Config, file: string): Promise<BackupManifest> {
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  let described: Awaited<ReturnType<typeof describeDatabase>>;
  try {
    if (config.databaseUrl !== undefined) {
      const ownerUrl = config.databaseMigrationUrl ?? config.databaseUrl;
      const db = openPostgres(ownerUrl, { maxConnections: 1 });
      try {
        described = await describeDatabase(db);
      } finally {
        await db.close();
      }
      // pg_dump takes its own snapshot as it starts, a moment after the head above: the backup holds at least that head.
      const { url, password } = withoutPassword(ownerUrl);
      await runTool(process.env.DW_PG_DUMP ?? 'pg_dump', ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${url}`], password);
    } else {
      // Never beside a running server (data-dir-lock.ts): refused with DataDirInUseError before the folder is opened.
      described = await withDataDirLock(pgliteDir(config), async () => {
        const pg = new PGlite({ dataDir: pgliteDir(config) });
        try {
          await pg.waitReady;
          const db: Queryable = { query: async <Row>(text: string, params: readonly unknown[] = []) => (await pg.query<Row>(text, [...params])).rows };
          const seen = await describeDatabase(db);
          const tarball = await pg.dumpDataDir('gzip');
          await writeFile(partial, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
          return seen;
        } finally {
          await pg.close();
        }
      });
    }
    await fsyncFile(partial);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return writeManifest(config, target, config.databaseUrl === undefined ? 'pglite' : 'postgres', described);
}

async function writeManifest(
  config: Config, target: string, kind: BackupManifest['kind'], described: Awaited<ReturnType<typeof describeDatabase>>,
): Promise<BackupManifest> {
  const { sha256, bytes } = await sha256File(target);
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT, version: 1, kind,
    takenAt: described.takenAt.toISOString(), logHead: described.head, migrations: described.migrations,
    masterKeyFingerprint: await masterKeyFingerprint(config), file: path.basename(target), bytes, sha256,
  };
  await writeFile(manifestPath(target), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/**
 * The backup of a PGlite database the server has open (the only handle there can be): described and dumped in one
 * exclusive turn on the handle (`PgliteDatabase.exclusive`), so the manifest's log head and time are the tarball's;
 * requests wait for that turn (a checkpoint and a copy of the folder) and are then served as before. Same file and
 * manifest as `dossierwijzer backup` with the server stopped; `dossierwijzer restore FILE` restores either.
 * Run it across organisations (`asSystem`): the log head is read through row-level security. `onPause` hears how long
 * the turn held the handle (what requests waited; the `dossierwijzer_backup_pause_seconds` metric).
 */
export async function takeOnlinePgliteBackup(
  db: PgliteDatabase, config: Config, file: string, onPause?: (seconds: number) => void,
): Promise<BackupManifest> {
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  let described: Awaited<ReturnType<typeof describeDatabase>>;
  try {
    const tarball = await db.exclusive(async (handle) => {
      const started = performance.now();
      try {
        described = await describeDatabase(handle);
        return await handle.dumpDataDir('gzip');
      } finally {
        onPause?.((performance.now() - started) / 1000);
      }
    });
    await writeFile(partial, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
    await fsyncFile(partial);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return writeManifest(config, target, 'pglite', described!);
}

export const backupCommand: Command = async (args) => {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (parsed.values.help === true) {
    process.stdout.write(usage);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    process.stderr.write(usage);
    return 2;
  }
  const config = loadConfig();
  let manifest: BackupManifest;
  try {
    manifest = await takeBackup(config, file);
  } catch (error) {
    if (error instanceof DataDirInUseError) throw error; // main.ts says what to do instead
    process.stderr.write(`Backup failed: ${(error as Error).message}\n`);
    return 1;
  }
  if (parsed.values.json === true) {
    process.stdout.write(`${JSON.stringify(manifest)}\n`);
    return 0;
  }
  process.stdout.write([
    `Backup written: ${path.resolve(file)} (${manifest.kind}, ${manifest.bytes.toLocaleString('en-US')} bytes, SHA-256 ${manifest.sha256})`,
    `  taken at ${manifest.takenAt}; access log up to row ${manifest.logHead.seq} at least; ${manifest.migrations.length} migrations`,
    `  manifest: ${manifestPath(path.resolve(file))}`,
    manifest.masterKeyFingerprint === null
      ? '  master key: not found with this configuration; the backup is useless without the key its data was sealed under'
      : `  needs the master key with fingerprint ${manifest.masterKeyFingerprint} (not in the backup: keep it safe, separately)`,
    '',
  ].join('\n'));
  return 0;
};
