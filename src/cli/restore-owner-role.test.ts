/**
 * docs/operations.md as written, on PostgreSQL: the owner role migrates once with CREATEROLE, which is then taken
 * away (`ALTER ROLE … NOCREATEROLE`, "optional: only the first migration needed it"); later a backup is restored
 * into an empty database as that owner. Walking the runbook, `restore` failed there: it tried to create
 * `dossierwijzer_app`, which already existed, and an owner without CREATEROLE gets "permission denied to create role"
 * (42501), not "already exists" — so a restore following the runbook to the letter was refused.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openPostgres } from '../db/postgres-database.js';
import { runCli } from '../test-support/run-cli.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const serverUrl = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
const dir = mkdtempSync(path.join(tmpdir(), 'dw-restore-owner-'));
const suffix = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const owner = `dw_owner_${suffix}`;
const databases = [`dw_src_${suffix}`, `dw_dst_${suffix}`];

async function admin(sql: string): Promise<void> {
  const db = openPostgres(serverUrl!, { maxConnections: 1 });
  try {
    await db.exec(sql);
  } finally {
    await db.close();
  }
}

function urlOf(database: string): string {
  const url = new URL(serverUrl!);
  url.username = owner;
  url.password = '';
  url.pathname = `/${database}`;
  return url.toString();
}

function configure(database: string): void {
  vi.stubEnv('DATABASE_URL', urlOf(database));
  vi.stubEnv('DATABASE_MIGRATION_URL', urlOf(database));
}

beforeAll(() => {
  vi.stubEnv('DW_DATA_DIR', dir);
  vi.stubEnv('DW_MASTER_KEY', randomBytes(32).toString('base64'));
  vi.stubEnv('DW_LOG_CHECKPOINT_FILE', path.join(dir, 'access-log.checkpoints'));
  vi.stubEnv('DW_DEMO', 'false');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  if (serverUrl !== undefined) {
    for (const name of databases) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin(`DROP ROLE IF EXISTS ${owner}`).catch(() => undefined);
  }
  await rm(dir, { recursive: true, force: true });
});

describe.runIf(serverUrl !== undefined)('restore as an owner without CREATEROLE (docs/operations.md, PostgreSQL)', () => {
  it('migrate with CREATEROLE, take it away, back up, restore into an empty database: restored and recorded', async () => {
    await admin(`CREATE ROLE ${owner} LOGIN CREATEROLE`);
    await admin(`CREATE DATABASE ${databases[0]} OWNER ${owner}`);
    configure(databases[0]!);
    const migrated = await runCli(['migrate']);
    expect(migrated.code, migrated.err).toBe(0);
    await admin(`ALTER ROLE ${owner} NOCREATEROLE`);
    const file = path.join(dir, 'nightly.backup');
    const backup = await runCli(['backup', file]);
    expect(backup.code, backup.err).toBe(0);

    await admin(`CREATE DATABASE ${databases[1]} OWNER ${owner}`);
    configure(databases[1]!);
    const restored = await runCli(['restore', file, '--by', 'beheerder R']);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toContain('Restore recorded: the database is at the backup of');
  });
});
