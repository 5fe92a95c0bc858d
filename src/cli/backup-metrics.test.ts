/**
 * The online backup's pause in /metrics (issue 17 item 5): while the server takes a backup of its embedded database
 * (DW_BACKUP_DIR, backup-schedule.ts) every request waits for the handle. How long is
 * `dossierwijzer_backup_pause_seconds`; each backup's outcome is `dossierwijzer_backups_total{outcome}`; the last
 * good one `dossierwijzer_backup_last_done_seconds`. Through the app's own GET /metrics, on PGlite (the schedule does
 * not run on PostgreSQL).
 */
import { mkdtempSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createApp, type App } from '../http/app.js';
import { startBackupSchedule, type BackupLog } from './backup-schedule.js';

vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

const dataDir = mkdtempSync(path.join(tmpdir(), 'dw-backup-metrics-'));
const quiet: BackupLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
let app: App;

async function metrics(): Promise<string> {
  const answer = await app.server.inject({ method: 'GET', url: '/metrics' });
  expect(answer.statusCode).toBe(200);
  return answer.body;
}

function value(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? Number.NaN : Number(line.slice(series.length + 1));
}

beforeAll(async () => {
  vi.stubEnv('DW_DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', '');
  vi.stubEnv('DW_DEMO', 'false');
  vi.stubEnv('DW_MASTER_KEY', '');
  vi.stubEnv('DW_MASTER_KEY_FILE', path.join(dataDir, 'master.key'));
  vi.stubEnv('DW_LOG_CHECKPOINT_FILE', path.join(dataDir, 'access-log.checkpoints'));
  vi.stubEnv('DW_BACKUP_HOURS', '0');
  vi.stubEnv('LOG_LEVEL', 'silent');
  app = await createApp(loadConfig());
});
afterAll(async () => {
  await app.close();
  vi.unstubAllEnvs();
});

describe('the online backup in /metrics', () => {
  it('before any backup: no backup series on a server without DW_BACKUP_DIR', async () => {
    const text = await metrics();
    expect(text).toContain('# TYPE dossierwijzer_backups_total counter');
    expect(text).not.toMatch(/^dossierwijzer_backups?_/m);
  });

  it('counts each backup by outcome, with how long requests waited for the handle', async () => {
    const config = { ...loadConfig(), backup: { dir: path.join(dataDir, 'backups'), hours: 0, keep: 3 } };
    const schedule = startBackupSchedule(app.deps.db, config, quiet, undefined, app.metrics)!;
    try {
      const scheduled = await metrics();
      expect(value(scheduled, 'dossierwijzer_backups_total{outcome="done"}')).toBe(0);
      expect(value(scheduled, 'dossierwijzer_backups_total{outcome="failed"}')).toBe(0);

      const started = performance.now();
      const first = schedule.takeNow();
      const second = schedule.takeNow(); // while the first is being taken: skipped
      // A request made during the backup waits for the handle, then is answered.
      const waiting = app.server.inject({ method: 'GET', url: '/health' });
      expect(await first).toBeDefined();
      expect(await second).toBeUndefined();
      expect((await waiting).statusCode).toBe(200);
      const total = (performance.now() - started) / 1000;

      const text = await metrics();
      expect(text).toContain('# TYPE dossierwijzer_backup_pause_seconds histogram');
      expect(value(text, 'dossierwijzer_backups_total{outcome="done"}')).toBe(1);
      expect(value(text, 'dossierwijzer_backups_total{outcome="skipped"}')).toBe(1);
      expect(value(text, 'dossierwijzer_backup_pause_seconds_count')).toBe(1);
      const pause = value(text, 'dossierwijzer_backup_pause_seconds_sum');
      expect(pause).toBeGreaterThan(0);
      expect(pause).toBeLessThanOrEqual(total);
      expect(value(text, 'dossierwijzer_backup_pause_seconds_bucket{le="+Inf"}')).toBe(1);
      expect(value(text, 'dossierwijzer_backup_last_done_seconds')).toBeGreaterThan(Date.now() / 1000 - 600);
    } finally {
      await schedule.stop();
    }
  });

  it('a backup that cannot be written counts as failed', async () => {
    const blocked = path.join(dataDir, 'not-a-folder');
    await writeFile(blocked, 'a file where the backup folder should be');
    const config = { ...loadConfig(), backup: { dir: blocked, hours: 0, keep: 3 } };
    const schedule = startBackupSchedule(app.deps.db, config, quiet, undefined, app.metrics)!;
    try {
      expect(await schedule.takeNow()).toBeUndefined();
    } finally {
      await schedule.stop();
    }
    const text = await metrics();
    expect(value(text, 'dossierwijzer_backups_total{outcome="failed"}')).toBe(1);
    expect(value(text, 'dossierwijzer_backups_total{outcome="done"}')).toBe(1);
  });
});
