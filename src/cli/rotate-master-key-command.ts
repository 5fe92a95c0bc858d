/**
 * `dossierwijzer rotate-master-key --new-key-file FILE`: replaces the master
 * key (a leaked or retiring one) by rewrapping every value sealed directly
 * under it — the clients' and families' data keys, TOTP secrets, the
 * registers and the breach register (crypto/master-key-rotation.ts) — in
 * batches, as the database owner, then verifies that every value opens with
 * the new key before it records the rotation as finished.
 *
 * Stop the server first. Killed at any point (kill -9, a power cut) it is run
 * again with the same two keys and goes on where it stopped; until it
 * finishes the server refuses to start. The old key is the configured one
 * (DW_MASTER_KEY or DW_MASTER_KEY_FILE); FILE is created with a fresh random
 * key (mode 0600) when it does not exist yet.
 *
 * Environment for tests: DW_TEST_PAUSE_AFTER_BATCH, milliseconds to pause
 * after each committed batch, so the crash test's kill lands mid-run.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { KEY_BYTES, opensWith } from '../crypto/envelope.js';
import { loadMasterKey, readMasterKeyFile } from '../crypto/master-key.js';
import {
  beginRotation, finishRotation, keyFingerprint, rewrapAll, RotationError, SEALED_UNDER_MASTER_KEY, verifyAllOpen, type Unopenable,
} from '../crypto/master-key-rotation.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import type { Database } from '../db/database.js';
import { ensurePrivateDir } from '../db/file-permissions.js';
import { migrate } from '../db/migrate.js';
import { pgliteDir } from '../db/open-database.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import type { Command } from './command.js';
import { withProgressLine } from './progress-line.js';

const BATCH = 500;

const usage = `Usage: dossierwijzer rotate-master-key --new-key-file FILE [--batch-size N]

Replaces the master key: every client and family data key, TOTP secret and
register entry sealed under the configured master key (DW_MASTER_KEY or
DW_MASTER_KEY_FILE) is sealed again under the key in FILE, in batches, and
verified to open with it. Stop the server first. If the run is interrupted,
run the same command again: it goes on where it stopped (the server refuses
to start until it has finished).

  --new-key-file FILE  the new key (base64, 32 bytes, mode 0600); created with a fresh random key when missing
  --batch-size N       values per transaction (default ${BATCH})

Exit status: 0 rotated and verified, 1 not finished (values that neither key
opens are named), 2 usage, configuration or database errors.
`;

class UsageError extends Error {}

/** The database as its owner, migrated: the application role may not rewrite data keys. */
async function openAsOwner(config: Config): Promise<Database> {
  let db: Database;
  if (config.databaseUrl === undefined) {
    await ensurePrivateDir(config.dataDir);
    db = await openPglite(pgliteDir(config));
  } else {
    db = openPostgres(config.databaseMigrationUrl ?? config.databaseUrl, { maxConnections: 1 });
  }
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

/** The new key: read (refused when others can read it), or created 0600 with a fresh random key. */
async function newKeyFrom(file: string): Promise<{ key: Buffer; created: boolean }> {
  if (!existsSync(file)) {
    const key = randomBytes(KEY_BYTES);
    await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return { key, created: true };
  }
  return { key: await readMasterKeyFile(file), created: false };
}

/** Before anything is recorded: the configured key must be the current one (or the run is a resumed one). */
async function assertOldKeyIsCurrent(db: Database, oldKey: Buffer, newKey: Buffer): Promise<void> {
  for (const c of SEALED_UNDER_MASTER_KEY) {
    const [sample] = await db.query<{ place: string; sealed: Buffer }>(
      `SELECT ${c.place.column}::text AS place, ${c.column} AS sealed FROM ${c.table} WHERE ${c.column} IS NOT NULL LIMIT 1`);
    if (sample === undefined) continue;
    const aad = c.place.aad(sample.place);
    if (!opensWith(oldKey, sample.sealed, aad) && !opensWith(newKey, sample.sealed, aad)) {
      throw new RotationError(`the configured master key (${keyFingerprint(oldKey)}) does not open the stored ${c.name}, nor does the new key: `
        + 'configure the key the data are sealed under now (DW_MASTER_KEY or DW_MASTER_KEY_FILE); nothing was changed');
    }
  }
}

function listUnopenable(unopenable: readonly Unopenable[]): string {
  const shown = unopenable.slice(0, 10).map((u) => `  ${u.name} (${u.table}) ${u.key}`).join('\n');
  return `${shown}${unopenable.length > 10 ? `\n  … and ${unopenable.length - 10} more` : ''}\n`;
}

function nextSteps(config: Config, file: string, oldFingerprint: string, newFingerprint: string): string {
  const replace = config.masterKey !== undefined
    ? `Set DW_MASTER_KEY to the contents of ${file} (the new key, ${newFingerprint}) wherever the server is configured, then start the server.`
    : `Replace the key file: install ${file} as ${config.masterKeyFile} (mode 0600), or point DW_MASTER_KEY_FILE at it; then start the server.`;
  return [
    'Next steps:',
    `  1. ${replace}`,
    `     Started with the old key (${oldFingerprint}) the server refuses and names the new one.`,
    `  2. Keep the old key (${oldFingerprint}) — offline, apart from the backups — until every backup made before this rotation`,
    '     has expired: restoring such a backup needs the key it was made with. Then destroy it.',
    '  3. Make a new backup now, so the newest backup is under the new key.',
    '  4. The access log\'s checkpoints file is not affected (it holds hashes, not keys): keep writing and shipping it as before.',
    '',
  ].join('\n');
}

export const rotateMasterKeyCommand: Command = async (args) => {
  let values: { 'new-key-file'?: string | undefined; 'batch-size'?: string | undefined; 'help'?: boolean | undefined };
  let batchSize = BATCH;
  try {
    ({ values } = parseArgs({
      args, allowPositionals: false, strict: true,
      options: { 'new-key-file': { type: 'string' }, 'batch-size': { type: 'string' }, 'help': { type: 'boolean', short: 'h' } },
    }));
    if (values.help !== true && values['new-key-file'] === undefined) throw new UsageError('--new-key-file is required');
    if (values['batch-size'] !== undefined) {
      batchSize = Number(values['batch-size']);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) throw new UsageError('--batch-size must be a whole number from 1 to 100000');
    }
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(usage);
    return 0;
  }
  const file = values['new-key-file']!;
  const config = loadConfig();
  if (config.masterKey === undefined && !existsSync(config.masterKeyFile)) {
    throw new ConfigError(`no master key to replace: neither DW_MASTER_KEY nor the key file ${config.masterKeyFile} exists`);
  }
  const oldKey = await loadMasterKey(config);
  const { key: newKey, created } = await newKeyFrom(file);
  if (newKey.equals(oldKey)) {
    process.stderr.write(`The key in ${file} is the configured master key already: nothing to rotate.\n`);
    return 2;
  }
  const oldFingerprint = keyFingerprint(oldKey);
  const newFingerprint = keyFingerprint(newKey);
  if (created) process.stdout.write(`Created ${file} with a fresh random key (mode 0600).\n`);

  const pause = Number(process.env.DW_TEST_PAUSE_AFTER_BATCH ?? '');
  let db: Database | undefined;
  try {
    db = await openAsOwner(config);
    await assertOldKeyIsCurrent(db, oldKey, newKey);
    const { rotation, resumed } = await beginRotation(db, oldKey, newKey);
    process.stdout.write(`${resumed ? 'Resuming' : 'Starting'} the rotation of the master key ${oldFingerprint} → ${newFingerprint}.\n`);
    const owner = db;
    const result = await withProgressLine(process.stderr, (progress) => {
      let column: string | undefined;
      return rewrapAll(owner, oldKey, newKey, {
        batchSize,
        onProgress: (p) => {
          // One line per sealed column, so each one's count stays on screen (and in the log) when it is done.
          if (p.name !== column) progress.done();
          column = p.name;
          progress.update(`progress ${p.name} ${p.done}/${p.total}`);
        },
        ...(Number.isInteger(pause) && pause > 0 ? { afterBatch: () => sleep(pause) } : {}),
      });
    });
    if (result.unopenable.length > 0) {
      process.stderr.write(`${result.unopenable.length} values open with neither key and were left as they are; the rotation is NOT finished `
        + `(the server will not start until it is):\n${listUnopenable(result.unopenable)}`);
      return 1;
    }
    const verified = await verifyAllOpen(db, newKey, batchSize);
    if (verified.unopenable.length > 0) {
      process.stderr.write(`${verified.unopenable.length} values do not open with the new key; the rotation is NOT finished:\n${listUnopenable(verified.unopenable)}`);
      return 1;
    }
    await finishRotation(db, rotation, result.rewrapped);
    process.stdout.write(`Master key rotated: ${result.rewrapped} values rewrapped in this run (${result.alreadyNew} were already under the new key); `
      + `all ${verified.opened} verified to open with the new key ${newFingerprint}.\n`);
    process.stdout.write(nextSteps(config, file, oldFingerprint, newFingerprint));
    return 0;
  } catch (error) {
    if (error instanceof RotationError) {
      process.stderr.write(`Cannot rotate: ${error.message}.\n`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof DataDirInUseError) throw error;
    process.stderr.write(`The rotation failed: ${(error as Error).message}\nRun the same command again to resume it.\n`);
    return 2;
  } finally {
    await db?.close().catch(() => undefined);
  }
};
