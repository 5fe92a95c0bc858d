/**
 * `dossierwijzer start` refuses to run in production on a database that does
 * not make commits durable (issue 8 §2): PGlite does not fsync, so it is the
 * case we can produce in a test; a real PostgreSQL server with fsync on passes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkDurability } from '../db/durability-check.js';
import { createScratchDatabase } from '../db/scratch-database.js';
import { runCli } from '../test-support/run-cli.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dw-start-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe('start', () => {
  it('refuses to run in production when commits are not durable (PGlite: fsync off)', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('DW_DATA_DIR', dataDir);
    vi.stubEnv('DW_MASTER_KEY', randomBytes(32).toString('base64'));
    vi.stubEnv('PORT', '0');
    const result = await runCli(['start']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Refusing to start in production');
    expect(result.err).toContain('fsync=off');
  });
});

describe('the durability check', () => {
  it('reads fsync and synchronous_commit from the database itself', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'dw_durability');
    try {
      const durability = await checkDurability(scratch.db);
      if (scratch.url === undefined) {
        expect(durability).toMatchObject({ fsync: 'off', durable: false });
      } else {
        // The CI server runs with the safe defaults.
        expect(durability).toMatchObject({ fsync: 'on', synchronousCommit: 'on', durable: true });
      }
    } finally {
      await scratch.drop();
    }
  });
});
