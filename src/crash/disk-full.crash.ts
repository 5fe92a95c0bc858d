/**
 * A full disk turns /health/ready red (issue 17, "Done when"): with PGlite on
 * a full disk every request failed (reads too: each writes its log row) while
 * /health said 200. Here the data folder is a small tmpfs of its own (needs
 * root and mount; skipped otherwise), the server runs on it, and the rest of
 * the file system is filled until ENOSPC: `/health/ready` answers 503 naming
 * `disk`, `/health/live` stays 200; once space is freed it is green again.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createApp, type App } from '../http/app.js';

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(path.join(os.tmpdir(), 'dw-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    execFileSync('rmdir', [probe]);
  }
}

const mountable = canMount();
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dw-disk-full-'));
const filler = path.join(dataDir, 'filler');
let app: App | undefined;

beforeAll(() => {
  if (mountable) execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m,mode=0700', 'tmpfs', dataDir]);
});
afterAll(async () => {
  await app?.close().catch(() => undefined);
  if (mountable) execFileSync('umount', ['-l', dataDir]);
  await rm(dataDir, { recursive: true, force: true });
});

async function fillUp(): Promise<void> {
  const handle = await open(filler, 'w');
  const chunk = Buffer.alloc(1024 * 1024, 0x5a);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

it.skipIf(!mountable)('a full disk under the data folder turns ready red (disk) while live stays green, and green again once freed', async () => {
  const config = loadConfig({ DW_DEMO: 'false', LOG_LEVEL: 'warn', DW_DATA_DIR: dataDir, DATABASE_URL: '', DW_READY_TIMEOUT_MS: '5000' });
  app = await createApp(config);
  const ready = () => app!.server.inject({ method: 'GET', url: '/health/ready' });
  expect((await ready()).statusCode).toBe(200);

  await fillUp();
  const red = await ready();
  expect(red.statusCode).toBe(503);
  const body = red.json<{ failing: string[]; checks: { disk: { reason: string } } }>();
  expect(body.failing).toContain('disk');
  expect(body.checks.disk.reason).toMatch(/ENOSPC|MiB free/);
  expect((await app.server.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);

  await rm(filler);
  await expect.poll(async () => (await ready()).statusCode, { timeout: 30_000 }).toBe(200);
});
