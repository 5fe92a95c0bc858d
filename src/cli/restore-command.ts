/**
 * `dossierwijzer restore FILE` and `dossierwijzer restored` (issue 17 item 1):
 * a restore that is recorded, so that it does not look like tampering and does
 * not bring ended sessions back to life.
 *
 * `restore FILE` (a backup made by `dossierwijzer backup`; the servers stopped):
 *   PostgreSQL  into the configured database, which must be empty (a fresh
 *               `CREATE DATABASE … OWNER <owner>`), as the owner
 *               (DATABASE_MIGRATION_URL, else DATABASE_URL). The application
 *               role `dossierwijzer_app` is created first when the cluster has
 *               none (a fresh cluster used to fail with 62 GRANT errors), then
 *               `pg_restore --no-owner --single-transaction --exit-on-error`:
 *               everything is owned by the restoring owner, the privileges of
 *               the dump are granted to the application role again.
 *   PGlite      the data folder is unpacked from the tarball; an existing one is
 *               moved aside to `pglite.before-restore-<time>`, never deleted.
 *   Then, as `restored` below.
 *
 * `restored` (after a restore made some other way: pg_restore by hand, a
 * storage snapshot, point-in-time recovery): migrates, and in one transaction
 * writes the restore marker (audit.log_restores: the log head now, the
 * backup's time, who; signed under the configured master key, which must
 * open the restored data — log-restores.ts) and ends what the restore revived
 * (ops.invalidate_after_restore, migration 0061): every session, unused log-in
 * challenge, enrolment link and unexpired download link. Then it appends the
 * restore line to the checkpoints file, which from then on continues from the
 * restored head, and prints the accounts to check: account changes made after
 * the backup are lost and must be re-applied.
 *
 * `restored --checkpoints-only`: another server's checkpoints file gets the
 * restore lines the database records and it lacks; nothing else changes.
 */
import { open, readFile, rename, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { lastLogRowTime, readChainHead, readRestoreMarkers, type RestoreMarker } from '../access/access-log-store.js';
import { appendCheckpoint, readCheckpoints } from '../access/log-checkpoints.js';
import { recordRestoreMarker, restoreCheckpoint, restoreSigningKey } from '../access/log-restores.js';
import { loadConfig, type Config } from '../config/config.js';
import { assertMasterKeyFits } from '../crypto/master-key.js';
import { DataDirInUseError, withDataDirLock } from '../db/data-dir-lock.js';
import { APP_ROLE, type Database, type Queryable } from '../db/database.js';
import { makeTreePrivate } from '../db/file-permissions.js';
import { migrate } from '../db/migrate.js';
import { pgliteDir } from '../db/open-database.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { BACKUP_FORMAT, configuredMasterKey, manifestPath, runTool, sha256File, withoutPassword, type BackupManifest } from './backup-command.js';
import type { Command } from './command.js';

const restoreUsage = `Usage: dossierwijzer restore FILE [--by NAME] [--backup-time ISO-TIME]

Restores a backup made by \`dossierwijzer backup\` into the configured database
and records the restore (see \`dossierwijzer restored --help\`). Stop every
server first. PostgreSQL: the database must exist and be empty (create it as in
docs/operations.md); the restore runs as the owner (DATABASE_MIGRATION_URL, else
DATABASE_URL) and creates the role ${APP_ROLE} if the cluster has none. PGlite:
an existing data folder is moved aside, never deleted.

  --by NAME            who restores (default: the operating-system user and the database user)
  --backup-time TIME   when the backup was taken, if FILE.manifest.json is missing
`;

const restoredUsage = `Usage: dossierwijzer restored [--backup-time ISO-TIME] [--source TEXT] [--by NAME] | --checkpoints-only

Records that the configured database was restored from a backup (by pg_restore
by hand, a storage snapshot, point-in-time recovery): a restore marker in the
database and in the checkpoints file, so that verify-log reports the restore
and the rows lost with it instead of a truncated log; every session, unused
enrolment link and download link ends. Prints the accounts whose changes after
the backup may have been lost. Stop every server first.

  --backup-time TIME   when the backup was taken (default: the time of the last access-log row it holds)
  --source TEXT        what was restored (default: "restored by hand")
  --by NAME            who restores (default: the operating-system user and the database user)
  --checkpoints-only   only add the restores the database records to this server's checkpoints file
                       (each server with its own checkpoints file runs this once after a restore)
`;

export class RestoreError extends Error {}

interface InvalidationReport {
  sessionsEnded: number;
  challengesSpent: number;
  enrolmentLinksRevoked: number;
  downloadLinksRevoked: { linkId: string; requestId: string; createdAt: string }[];
  activeAccounts: { username: string; role: string; createdAt: string; passwordChangedAt: string | null; totpEnrolledAt: string | null }[];
}

export interface RestoreOutcome {
  marker: RestoreMarker;
  invalidated: InvalidationReport;
  checkpointsFile: string;
}

function operator(by: string | undefined, databaseUser: string): string {
  if (by !== undefined && by.trim() !== '') return by.trim();
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (a container): keep "unknown"
  }
  return `${user} (database user ${databaseUser})`;
}

/** The owner's handle on the configured database, migrated (a backup from an older release gets this one's migrations). */
async function openAsOwner(config: Config): Promise<Database> {
  const owner = config.databaseUrl === undefined
    ? await openPglite(pgliteDir(config))
    : openPostgres(config.databaseMigrationUrl ?? config.databaseUrl, { maxConnections: 1 });
  try {
    await migrate(owner);
    return owner;
  } catch (error) {
    await owner.close();
    throw error;
  }
}

const NO_MASTER_KEY = 'no master key is configured (DW_MASTER_KEY or its key file): restore the key this backup\'s data was sealed under first '
  + '(the restore marker is signed with it, and the server cannot read the data without it)';

/**
 * The configured master key, which must open the restored data: the restore marker is signed under it
 * (log-restores.ts), and a marker signed under a wrong key would fail every later verification.
 */
async function fittingMasterKey(config: Config, db: Queryable): Promise<Buffer> {
  const key = await configuredMasterKey(config);
  if (key === undefined) throw new RestoreError(NO_MASTER_KEY);
  try {
    await assertMasterKeyFits(db, key);
  } catch (error) {
    throw new RestoreError(`the configured master key does not fit the restored data: ${(error as Error).message}`);
  }
  return key;
}

/**
 * Records a restore of the configured database: the marker and the invalidation in one transaction (as
 * the owner), then the restore line in the checkpoints file.
 */
export async function recordRestore(config: Config, input: { backupTakenAt: Date | undefined; source: string; by: string | undefined; now?: Date }): Promise<RestoreOutcome> {
  const owner = await openAsOwner(config);
  try {
    const [who] = await owner.query<{ user: string }>('SELECT current_user AS user');
    const markers = await readRestoreMarkers(owner);
    const latest = markers.at(-1);
    const head = await readChainHead(owner);
    if (latest !== undefined && latest.headSeq === head.seq && latest.headHash === head.rowHash) {
      throw new RestoreError(`this restore was already recorded on ${latest.restoredAt} (log row ${latest.headSeq}). `
        + 'On another server with its own checkpoints file run `dossierwijzer restored --checkpoints-only`.');
    }
    const signing = restoreSigningKey(await fittingMasterKey(config, owner));
    const now = input.now ?? new Date();
    const backupTakenAt = input.backupTakenAt ?? await lastLogRowTime(owner) ?? now;
    const { marker, invalidated } = await owner.transaction(async (tx) => {
      const recorded = await recordRestoreMarker(tx, { backupTakenAt, restoredBy: operator(input.by, who?.user ?? 'unknown'), source: input.source, now, signing });
      const [row] = await tx.query<{ report: InvalidationReport }>('SELECT ops.invalidate_after_restore($1) AS report', [now]);
      return { marker: recorded, invalidated: row!.report };
    });
    await appendCheckpoint(config.logCheckpointFile, restoreCheckpoint(marker));
    return { marker, invalidated, checkpointsFile: config.logCheckpointFile };
  } finally {
    await owner.close();
  }
}

/** Appends to this server's checkpoints file the restore lines the database records and the file lacks. */
export async function addMissingRestoreLines(config: Config): Promise<RestoreMarker[]> {
  const owner = await openAsOwner(config);
  try {
    const markers = await readRestoreMarkers(owner);
    let lines: { restore?: { id: string } }[] = [];
    try {
      lines = await readCheckpoints(config.logCheckpointFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const missing = markers.filter((m) => !lines.some((l) => l.restore?.id === m.id));
    for (const marker of missing) await appendCheckpoint(config.logCheckpointFile, restoreCheckpoint(marker));
    return missing;
  } finally {
    await owner.close();
  }
}

async function readManifest(file: string): Promise<BackupManifest | undefined> {
  let text: string;
  try {
    text = await readFile(manifestPath(file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new RestoreError(`${manifestPath(file)} is not a Dossierwijzer backup manifest`);
  return manifest;
}

/** What the file holds, by its first bytes: pg_dump's custom format starts "PGDMP", a gzipped tarball 1f 8b. */
async function backupKind(file: string): Promise<'postgres' | 'pglite' | undefined> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'postgres';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
    return undefined;
  } finally {
    await handle.close();
  }
}

async function restorePostgres(config: Config, file: string): Promise<void> {
  const ownerUrl = config.databaseMigrationUrl ?? config.databaseUrl!;
  const owner = openPostgres(ownerUrl, { maxConnections: 1 });
  try {
    const [state] = await owner.query<{ used: boolean; superuser: boolean }>(
      `SELECT to_regnamespace('audit') IS NOT NULL OR to_regclass('public.schema_migrations') IS NOT NULL AS used,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`);
    if (state?.used === true) {
      const name = new URL(ownerUrl).pathname.slice(1);
      throw new RestoreError(`the database "${name}" is not empty: restore into an empty database. With every server stopped, as a superuser: `
        + `DROP DATABASE ${name}; CREATE DATABASE ${name} OWNER <the owner role>; — or restore into a new database and point DATABASE_URL at it.`);
    }
    if (state?.superuser === true) {
      process.stderr.write('Warning: restoring as a superuser: every table will be owned by it. Restore as the owner role '
        + '(DATABASE_MIGRATION_URL) so that the application role stays the only other one (docs/operations.md).\n');
    }
    // The same statement as migrations/0001: the dump's GRANTs name this role, and a fresh cluster has none. Only when
    // it is missing: an owner without CREATEROLE (docs/operations.md takes it away after the first migration) may not
    // even try to create a role that exists (42501, not duplicate_object).
    await owner.exec(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
        CREATE ROLE ${APP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$;`).catch((error: unknown) => {
      throw new RestoreError(`the role ${APP_ROLE} does not exist and could not be created (${(error as Error).message}): `
        + `create it as a superuser (CREATE ROLE ${APP_ROLE} NOLOGIN;) or give the owner CREATEROLE, then run restore again`);
    });
  } finally {
    await owner.close();
  }
  const { url, password } = withoutPassword(ownerUrl);
  await runTool(process.env.DW_PG_RESTORE ?? 'pg_restore',
    ['--no-owner', '--single-transaction', '--exit-on-error', '--no-password', `--dbname=${url}`, file], password);
}

async function restorePglite(config: Config, file: string, now: Date): Promise<string | undefined> {
  const dir = pgliteDir(config);
  let movedTo: string | undefined;
  const exists = await stat(dir).then(() => true, () => false);
  if (exists) {
    movedTo = `${dir}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    await rename(dir, movedTo);
  }
  const tarball = new Blob([await readFile(file)]);
  const pg = new PGlite({ dataDir: dir, loadDataDir: tarball });
  await pg.waitReady;
  await pg.close();
  await makeTreePrivate(dir);
  return movedTo;
}

/** Restores `file` into the configured database and records the restore. */
export async function restoreBackup(config: Config, file: string, options: { by?: string; backupTime?: Date; now?: Date } = {}): Promise<RestoreOutcome & { movedAside: string | undefined }> {
  const source = path.resolve(file);
  const manifest = await readManifest(source);
  if (manifest !== undefined) {
    const actual = await sha256File(source);
    if (actual.sha256 !== manifest.sha256) {
      throw new RestoreError(`${source} does not match its manifest (SHA-256 ${actual.sha256}, manifest ${manifest.sha256}): the file is damaged or not the one the manifest describes`);
    }
  }
  const kind = await backupKind(source);
  const expected = config.databaseUrl === undefined ? 'pglite' : 'postgres';
  if (kind === undefined) throw new RestoreError(`${source} is not a Dossierwijzer backup (neither a pg_dump custom-format archive nor a PGlite data tarball)`);
  if (kind !== expected) {
    throw new RestoreError(`${source} is a ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} backup, but the configuration names ${expected === 'postgres' ? 'a PostgreSQL database (DATABASE_URL)' : 'PGlite (no DATABASE_URL)'}`);
  }
  // The marker is signed under the master key: without one, do not restore what could not be recorded.
  if (await configuredMasterKey(config) === undefined) throw new RestoreError(NO_MASTER_KEY);
  const now = options.now ?? new Date();
  // PGlite: the folder is ours from moving it aside to recording the restore; a running server keeps it (data-dir-lock.ts).
  if (kind === 'pglite') return withDataDirLock(pgliteDir(config), () => restoreAndRecord(config, source, manifest, kind, now, options));
  return restoreAndRecord(config, source, manifest, kind, now, options);
}

async function restoreAndRecord(
  config: Config, source: string, manifest: BackupManifest | undefined, kind: 'postgres' | 'pglite', now: Date, options: { by?: string; backupTime?: Date },
): Promise<RestoreOutcome & { movedAside: string | undefined }> {
  let movedAside: string | undefined;
  if (kind === 'postgres') await restorePostgres(config, source);
  else movedAside = await restorePglite(config, source, now);
  const backupTakenAt = options.backupTime ?? (manifest === undefined ? undefined : new Date(manifest.takenAt));
  try {
    const outcome = await recordRestore(config, { backupTakenAt, source: path.basename(source), by: options.by, now });
    return { ...outcome, movedAside };
  } catch (error) {
    if (!(error instanceof RestoreError)) throw error;
    throw new RestoreError(`the backup was restored, but the restore was not recorded: ${error.message}. Fix that, then record it with `
      + `\`dossierwijzer restored --source ${path.basename(source)}${backupTakenAt === undefined ? '' : ` --backup-time ${backupTakenAt.toISOString()}`}\` (the server refuses to start until then)`);
  }
}

function report(outcome: RestoreOutcome, backupTimeKnown: boolean): string {
  const { marker, invalidated } = outcome;
  const lines = [
    `Restore recorded: the database is at the backup of ${marker.backupTakenAt}${backupTimeKnown ? '' : ' (estimated: the time of its last access-log row)'}; `
    + `access log up to row ${marker.headSeq}. Rows and changes made after the backup are lost.`,
    `  marker ${marker.id} by ${marker.restoredBy}, signed under master key ${marker.signedWith}; restore line appended to ${outcome.checkpointsFile}`,
    `  ended: ${invalidated.sessionsEnded} session(s), ${invalidated.challengesSpent} log-in challenge(s), ${invalidated.enrolmentLinksRevoked} enrolment link(s) `
    + '(everyone logs in again; the administrator issues new enrolment links)',
    `  revoked: ${invalidated.downloadLinksRevoked.length} download link(s)${invalidated.downloadLinksRevoked.length === 0 ? '' : ' — prepare a new one for these requests:'}`,
    ...invalidated.downloadLinksRevoked.map((d) => `    request ${d.requestId} (link of ${d.createdAt})`),
    '',
    `Account changes made after ${marker.backupTakenAt} are lost and must be re-applied by the application administrator:`,
    '  accounts disabled since are active again; role, team and privileged-role approvals are as they were; passwords and second',
    '  factors changed or reset since are the old ones again; accounts created since do not exist. Active accounts now:',
    ...invalidated.activeAccounts.map((a) => `    ${a.username.padEnd(24)} ${a.role.padEnd(26)} password changed ${a.passwordChangedAt ?? 'never'}`),
  ];
  lines.push('', 'Other servers with their own checkpoints file: run `dossierwijzer restored --checkpoints-only` there before starting them.', '');
  return lines.join('\n');
}

function parseTime(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new RestoreError(`${name} must be an ISO time such as 2026-12-04T03:00:00Z, not "${value}"`);
  return time;
}

export const restoreCommand: Command = async (args) => {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: true, strict: true,
      options: { 'by': { type: 'string' }, 'backup-time': { type: 'string' }, 'help': { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${restoreUsage}`);
    return 2;
  }
  if (parsed.values.help === true) {
    process.stdout.write(restoreUsage);
    return 0;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    process.stderr.write(restoreUsage);
    return 2;
  }
  const config = loadConfig();
  try {
    const backupTime = parseTime(parsed.values['backup-time'], '--backup-time');
    const outcome = await restoreBackup(config, file, { ...(parsed.values.by === undefined ? {} : { by: parsed.values.by }), ...(backupTime === undefined ? {} : { backupTime }) });
    if (outcome.movedAside !== undefined) process.stdout.write(`The data folder that was there is kept at ${outcome.movedAside} (delete it once the restore is checked).\n`);
    const manifestKnown = backupTime !== undefined || (await readManifest(path.resolve(file))) !== undefined;
    process.stdout.write(`Restored ${path.resolve(file)}.\n${report(outcome, manifestKnown)}`);
    return 0;
  } catch (error) {
    if (error instanceof DataDirInUseError) throw error; // main.ts says what to do instead
    process.stderr.write(`Restore failed: ${(error as Error).message}\n`);
    return 1;
  }
};

export const restoredCommand: Command = async (args) => {
  let parsed;
  try {
    parsed = parseArgs({
      args, allowPositionals: false, strict: true,
      options: {
        'backup-time': { type: 'string' }, 'source': { type: 'string' }, 'by': { type: 'string' }, 'checkpoints-only': { type: 'boolean' },
        'help': { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${restoredUsage}`);
    return 2;
  }
  if (parsed.values.help === true) {
    process.stdout.write(restoredUsage);
    return 0;
  }
  const config = loadConfig();
  try {
    if (parsed.values['checkpoints-only'] === true) {
      const added = await addMissingRestoreLines(config);
      process.stdout.write(added.length === 0
        ? `${config.logCheckpointFile} already has every restore the database records.\n`
        : added.map((m) => `Restore of ${m.restoredAt} (backup of ${m.backupTakenAt}, log row ${m.headSeq}) added to ${config.logCheckpointFile}.\n`).join(''));
      return 0;
    }
    const backupTime = parseTime(parsed.values['backup-time'], '--backup-time');
    const outcome = await recordRestore(config, { backupTakenAt: backupTime, source: parsed.values.source ?? 'restored by hand', by: parsed.values.by });
    process.stdout.write(report(outcome, backupTime !== undefined));
    return 0;
  } catch (error) {
    if (error instanceof DataDirInUseError) throw error; // main.ts says what to do instead
    process.stderr.write(`${error instanceof RestoreError ? 'Refused' : 'Failed'}: ${(error as Error).message}\n`);
    return 1;
  }
};
