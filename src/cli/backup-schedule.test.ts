/**
 * Online backup of a PGlite database by the running server (issue 17 item 1):
 * the server holds the only handle to an embedded database, so
 * `dossierwijzer backup` could not run beside it and a PGlite installation
 * had no backup without stopping. Now the server takes them (DW_BACKUP_DIR,
 * every DW_BACKUP_HOURS and on SIGUSR2) in one exclusive turn on the handle.
 *
 * The test: backup (while writes go on), write more, restore, start,
 * write, verify-log passes — with the restore's signed marker. Always on
 * PGlite (DATABASE_URL is cleared): on PostgreSQL the schedule does not run.
 */
import { mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendAccessLog } from '../access/access-log-store.js';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { asSystem } from '../db/organisation-scope.js';
import { createApp } from '../http/app.js';
import { runCli } from '../test-support/run-cli.js';
import type { BackupManifest } from './backup-command.js';
import { backupFileName, startBackupSchedule, type BackupLog } from './backup-schedule.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

const dataDir = mkdtempSync(path.join(tmpdir(), 'dw-online-backup-'));
const backupDir = path.join(dataDir, 'backups');

function appendRows(db: Database, count: number, label: string): Promise<void> {
  return asSystem(async () => {
    for (let i = 0; i < count; i += 1) {
      await appendAccessLog(db, [{
        organisationId: '00000000-0000-4000-8000-00000000000c', employeeId: null, employeeRole: 'manager', clientId: null, action: 'read',
        part: 'dossier', outcome: 'denied', basis: 'none', purpose: `${label} ${i}`, route: '/api/clients/:clientId', sessionId: null, address: null,
      }]);
    }
  });
}

function capture(): BackupLog & { lines: { level: string; object: object; message: string }[] } {
  const lines: { level: string; object: object; message: string }[] = [];
  const at = (level: string) => (object: object, message: string) => void lines.push({ level, object, message });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

async function backups(): Promise<string[]> {
  return (await readdir(backupDir)).filter((name) => name.endsWith('.backup')).sort();
}

beforeAll(() => {
  vi.stubEnv('DW_DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('DATABASE_MIGRATION_URL', '');
  vi.stubEnv('DW_DEMO', 'false');
  vi.stubEnv('DW_MASTER_KEY', '');
  vi.stubEnv('DW_MASTER_KEY_FILE', path.join(dataDir, 'master.key'));
  vi.stubEnv('DW_LOG_CHECKPOINT_FILE', path.join(dataDir, 'access-log.checkpoints'));
  vi.stubEnv('DW_BACKUP_DIR', backupDir);
  vi.stubEnv('DW_BACKUP_HOURS', '0');
  vi.stubEnv('DW_BACKUP_KEEP', '2');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('online backup of a PGlite database by the server', () => {
  let manifest: BackupManifest;
  let file: string;

  it('SIGUSR2 takes a backup while the server serves: writes during it wait their turn and succeed', async () => {
    const app = await createApp(loadConfig());
    try {
      await appendRows(app.deps.db, 10, 'voor de backup');
      const log = capture();
      const schedule = startBackupSchedule(app.deps.db, loadConfig(), log);
      expect(schedule).toBeDefined();
      try {
        const writing = appendRows(app.deps.db, 5, 'tijdens de backup');
        process.emit('SIGUSR2');
        await vi.waitFor(() => expect(log.lines.filter((l) => l.message.startsWith('backup '))).toHaveLength(1), { timeout: 60_000, interval: 50 });
        await writing;
        expect(log.lines.find((l) => l.level === 'error'), JSON.stringify(log.lines.map((l) => [l.message, String((l.object as { err?: Error }).err?.stack)]))).toBeUndefined();
        const [name] = await backups();
        expect(name).toMatch(/^dossierwijzer-\d{8}T\d{9}Z\.backup$/);
        file = path.join(backupDir, name!);
        manifest = JSON.parse(await readFile(`${file}.manifest.json`, 'utf8')) as BackupManifest;
        expect(manifest).toMatchObject({ format: 'dossierwijzer-backup', kind: 'pglite', file: name });
        expect(manifest.logHead.seq).toBeGreaterThanOrEqual(10);
        expect(manifest.logHead.seq).toBeLessThanOrEqual(15);
        expect(manifest.masterKeyFingerprint).toMatch(/^[0-9a-f]{16}$/);
        expect(log.lines.at(-1)!.message).toMatch(/the master key and the checkpoints file are not in it/);
        // The requests' role is taken up again after the checkpoint (which needs the superuser).
        expect(await app.deps.db.query<{ role: string }>('SELECT current_user AS role')).toEqual([{ role: 'dossierwijzer_app' }]);
        // Written after the backup: lost with the restore below, and explained by its marker.
        await appendRows(app.deps.db, 10, 'na de backup');
      } finally {
        await schedule?.stop();
      }
    } finally {
      await app.close(); // a checkpoint at the head, past the backup's
    }
  });

  it('restore, start, write: verify-log passes and names the restore (signed)', async () => {
    const restored = await runCli(['restore', file, '--by', 'beheerder D']);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain(`Restore recorded: the database is at the backup of ${manifest.takenAt}; access log up to row ${manifest.logHead.seq}.`);
    const app = await createApp(loadConfig());
    await appendRows(app.deps.db, 3, 'na het terugzetten');
    await app.close();
    const verify = await runCli(['verify-log', '--require-signed']);
    expect(verify.err).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(new RegExp(`^Access log intact: ${manifest.logHead.seq + 3} rows verified`));
    expect(verify.out).toMatch(new RegExp(`to the backup of ${manifest.takenAt} \\(log row ${manifest.logHead.seq}\\) by beheerder D, from .*\\[signature valid\\]`));
  });

  it('keeps the newest DW_BACKUP_KEEP backups, with their manifests', async () => {
    const app = await createApp(loadConfig());
    // Named later than the backup above (the real time), so the newest two are these three's last two.
    let tick = Date.parse('2030-01-01T04:00:00.000Z');
    const schedule = startBackupSchedule(app.deps.db, loadConfig(), capture(), () => new Date(tick += 60_000));
    try {
      for (let i = 0; i < 3; i++) expect(await schedule!.takeNow()).toBeDefined();
    } finally {
      await schedule?.stop();
      await app.close();
    }
    expect(await backups()).toEqual([backupFileName(new Date('2030-01-01T04:02:00.000Z')), backupFileName(new Date('2030-01-01T04:03:00.000Z'))]);
    expect((await readdir(backupDir)).filter((name) => name.endsWith('.manifest.json'))).toHaveLength(2);
  });

  it('does not run on PostgreSQL (several servers would each dump): it says to use `dossierwijzer backup`', () => {
    const log = capture();
    const config = { ...loadConfig(), databaseUrl: 'postgres://dw@db.example/dw' };
    expect(startBackupSchedule({ kind: 'postgres' } as Database, config, log)).toBeUndefined();
    expect(log.lines).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringMatching(/on PostgreSQL take backups with `dossierwijzer backup FILE`/) })]);
  });
});
