/**
 * A start-up that is refused leaves nothing open. `createApp` used to open
 * (and migrate) the database before it read the master key, and never closed
 * it when the key or anything after it was refused: a leaked handle, and a
 * refused key file cost a whole database start. Now an existing key is read
 * and checked first, and the database is closed on any later refusal.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config/config.js';
import { openPostgres } from '../db/postgres-database.js';
import { createScratchDatabase } from '../db/scratch-database.js';
import { createApp } from './app.js';

const serverUrl = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dw-app-start-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('createApp refused at start-up', () => {
  it('refuses a master key file others can read before it opens the database: the data folder is not even created', async () => {
    const dataDir = path.join(root, 'never-opened');
    const keyFile = path.join(root, 'readable.key');
    await writeFile(keyFile, `${randomBytes(32).toString('base64')}\n`);
    await chmod(keyFile, 0o644);
    const config = loadConfig({ DW_DATA_DIR: dataDir, DW_MASTER_KEY_FILE: keyFile, DATABASE_URL: '', DW_DEMO: 'false', LOG_LEVEL: 'silent' });
    const started = Date.now();
    await expect(createApp(config)).rejects.toThrow(ConfigError);
    expect(existsSync(dataDir)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.skipIf(serverUrl === undefined)('closes the database it opened when the key is refused after opening it (PostgreSQL: no connection left)', async () => {
    const scratch = await createScratchDatabase(serverUrl, 'dw_start');
    const name = new URL(scratch.url!).pathname.slice(1);
    await scratch.db.close();
    const admin = openPostgres(serverUrl!, { maxConnections: 1 });
    try {
      // An unfinished master key rotation: every key is refused, after the database was opened.
      const owner = openPostgres(scratch.url!, { maxConnections: 1 });
      await owner.query('INSERT INTO care.master_key_rotations (old_fingerprint, new_fingerprint) VALUES (\'0000000000000000\', \'1111111111111111\')')
        .finally(() => owner.close());
      const config = loadConfig({
        DATABASE_URL: scratch.url, DW_DATA_DIR: path.join(root, 'pg'), DW_MASTER_KEY: randomBytes(32).toString('base64'), DW_DEMO: 'false', LOG_LEVEL: 'silent',
      });
      await expect(createApp(config)).rejects.toThrow(/niet afgemaakt/);
      const connections = async () => Number((await admin.query<{ n: string }>(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]))[0]!.n);
      for (let i = 0; i < 40 && await connections() > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await connections()).toBe(0);
    } finally {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => admin.close());
    }
  });
});
