/**
 * Found walking docs/operations.md ("Installing on PostgreSQL", several servers): with the master key
 * (DW_MASTER_KEY_FILE) and the checkpoints file (DW_LOG_CHECKPOINT_FILE) outside the data folder, nothing made
 * DW_DATA_DIR on PostgreSQL, and /health/ready stayed 503 for ever — `disk` failing with ENOENT on its probe file —
 * so a load balancer never sent the server traffic. The server now makes its data folder (0700) at start.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { createApp } from './app.js';

let database: TestDatabase;
let root: string;
beforeAll(async () => {
  database = await createTestDatabase();
  root = await mkdtemp(path.join(os.tmpdir(), 'dw-health-folder-'));
}, 120_000);
afterAll(async () => {
  await database.drop();
  await rm(root, { recursive: true, force: true });
});

describe('the data folder of a server on PostgreSQL', () => {
  it('is made at start when nothing else put a file there, so /health/ready can turn green', async () => {
    const dataDir = path.join(root, 'not-yet-there');
    const config = loadConfig({
      DW_DEMO: 'false', LOG_LEVEL: 'silent', DW_DATA_DIR: dataDir, DW_MASTER_KEY: randomBytes(32).toString('base64'),
      DW_LOG_CHECKPOINT_FILE: path.join(root, 'checkpoints', '{host}.checkpoints'),
      ...(database.url === undefined ? {} : { DATABASE_URL: database.url }),
    });
    // On PGlite the database itself lives in the data folder (made as it always was); the case is PostgreSQL's.
    const app = await createApp(config);
    try {
      expect(((await stat(dataDir)).mode & 0o777).toString(8)).toBe('700');
      const ready = await app.server.inject({ method: 'GET', url: '/health/ready' });
      const body = ready.json<{ checks: Record<string, { ok: boolean; reason?: string }> }>();
      expect(body.checks.disk, JSON.stringify(body.checks.disk)).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  }, 120_000);
});
