/**
 * Online backups of a PGlite database, taken by the server itself (issue 17
 * item 1). The server holds the only handle to an embedded database, so
 * `dossierwijzer backup` cannot run beside it; with `DW_BACKUP_DIR` set the
 * server writes a backup there every `DW_BACKUP_HOURS` hours (0: only when
 * asked) and whenever it receives SIGUSR2 (`kill -USR2 <pid>`), keeping the
 * newest `DW_BACKUP_KEEP`. Each is the same gzipped data folder and manifest as
 * `dossierwijzer backup` (backup-command.ts, `takeOnlinePgliteBackup`), taken in
 * one exclusive turn on the handle: requests wait a moment and are served after.
 * Restore one with `dossierwijzer restore FILE` (server stopped).
 *
 * As with every backup, the master key and the checkpoints file are not in it:
 * keep the key elsewhere and ship the checkpoints file off the host
 * (docs/operations.md, "Backup and restore").
 *
 * On PostgreSQL the schedule does not run (several servers would each dump):
 * take backups with `dossierwijzer backup` (pg_dump) from one place, beside the
 * running servers.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Database } from '../db/database.js';
import { asSystem } from '../db/organisation-scope.js';
import type { PgliteDatabase } from '../db/pglite-database.js';
import { manifestPath, takeOnlinePgliteBackup, type BackupManifest } from './backup-command.js';

/** What the schedule logs (the server's logger). */
export interface BackupLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** Where the schedule reports each backup's outcome (the server's metrics, http/metrics.ts). */
export interface BackupObserver {
  backupsScheduled(): void;
  backupTaken(outcome: 'done' | 'failed' | 'skipped', pauseSeconds?: number): void;
}

export interface BackupSchedule {
  /** Takes a backup now (as SIGUSR2 does); undefined when one is already being taken. */
  takeNow(): Promise<BackupManifest | undefined>;
  /** Stops the timer and the signal, after the backup being taken (if any) is done. */
  stop(): Promise<void>;
}

const NAME = /^dossierwijzer-\d{8}T\d{6}(\d{3})?Z\.backup$/;

/** `dossierwijzer-20261205T031500123Z.backup`: sorts by time, no characters a file system or shell minds. */
export function backupFileName(at: Date): string {
  return `dossierwijzer-${at.toISOString().replace(/[-:]/g, '').replace('.', '')}.backup`;
}

function isPglite(db: Database): db is PgliteDatabase {
  return db.kind === 'pglite' && typeof (db as Partial<PgliteDatabase>).exclusive === 'function';
}

/** Removes all but the newest `keep` backups (and their manifests) in `dir`; names this schedule did not write stay. */
async function prune(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => NAME.test(name)).sort();
  const old = names.slice(0, Math.max(0, names.length - keep));
  for (const name of old) {
    await rm(path.join(dir, name), { force: true });
    await rm(manifestPath(path.join(dir, name)), { force: true });
  }
  return old;
}

/**
 * Starts the schedule when `DW_BACKUP_DIR` is set and the database is PGlite; undefined otherwise (on PostgreSQL
 * after a warning).
 */
export function startBackupSchedule(
  db: Database, config: Config, log: BackupLog, now: () => Date = () => new Date(), observer?: BackupObserver,
): BackupSchedule | undefined {
  const { dir, hours, keep } = config.backup;
  if (dir === undefined) return undefined;
  if (config.databaseUrl !== undefined || !isPglite(db)) {
    log.warn({ event: 'backup-schedule', dir }, 'DW_BACKUP_DIR is for an embedded (PGlite) database; on PostgreSQL take backups with '
    + '`dossierwijzer backup FILE` (pg_dump) from one place while the servers run: no backups are taken by this server');
    return undefined;
  }
  let running: Promise<BackupManifest | undefined> | undefined;
  const takeNow = (): Promise<BackupManifest | undefined> => {
    if (running !== undefined) {
      observer?.backupTaken('skipped');
      log.warn({ event: 'backup', dir }, 'a backup is already being taken; this request is skipped');
      return Promise.resolve(undefined);
    }
    const started = performance.now();
    running = (async () => {
      let pause: number | undefined;
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const file = path.join(dir, backupFileName(now()));
        const manifest = await asSystem(() => takeOnlinePgliteBackup(db, config, file, (seconds) => {
          pause = seconds;
        }));
        const removed = await prune(dir, keep);
        observer?.backupTaken('done', pause);
        log.info({
          event: 'backup', file, bytes: manifest.bytes, pauseSeconds: pause === undefined ? undefined : Number(pause.toFixed(3)), logHeadSeq: manifest.logHead.seq, masterKeyFingerprint: manifest.masterKeyFingerprint,
          seconds: Number(((performance.now() - started) / 1000).toFixed(3)), removed,
        }, `backup written: ${file} (access log up to row ${manifest.logHead.seq}); the master key and the checkpoints file are not in it`);
        return manifest;
      } catch (err) {
        observer?.backupTaken('failed', pause);
        log.error({ event: 'backup', err, dir }, 'backup failed: no backup was written');
        return undefined;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  observer?.backupsScheduled();
  const onSignal = () => void takeNow();
  process.on('SIGUSR2', onSignal);
  const timer = hours > 0 ? setInterval(() => void takeNow(), hours * 3_600_000) : undefined;
  timer?.unref();
  log.info({ event: 'backup-schedule', dir, hours, keep },
    `online backups to ${dir}${hours > 0 ? ` every ${hours} h` : ''} and on SIGUSR2 (kill -USR2 ${process.pid}); the newest ${keep} are kept`);
  return {
    takeNow,
    async stop() {
      clearInterval(timer);
      process.off('SIGUSR2', onSignal);
      await running;
    },
  };
}
