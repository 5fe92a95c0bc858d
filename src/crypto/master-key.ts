/**
 * The master key that wraps every client's data key: from DW_MASTER_KEY
 * (base64, 32 bytes), or from a key file created on first start with mode 0600.
 * A key file that anyone but its owner may read is refused (issue 13 part 7):
 * whoever reads it reads every dossier.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import type { Queryable } from '../db/database.js';
import { dateInWords } from '../rules/index.js';
import { someWrappedClientKey } from './client-key-store.js';
import { KEY_BYTES, unwrapDataKey } from './envelope.js';
import { keyFingerprint } from './master-key-rotation.js';
import { lastFinishedRotation, rotationThatRetired, unfinishedRotation } from './master-key-rotation-store.js';

function decode(base64: string, origin: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new ConfigError(`${origin} must hold ${KEY_BYTES} bytes in base64 (got ${key.length})`);
  return key;
}

/** A path quoted for a POSIX shell, so the chmod command in a message can be pasted as it is. */
function shellQuote(value: string): string {
  return /^[\w./-]+$/.test(value) ? value : `'${value.replaceAll('\'', '\'\\\'\'')}'`;
}

/** Refuses the key file when the group or others have any access to it (not on Windows, where modes do not say who may read). */
async function assertKeyFilePrivate(file: string): Promise<void> {
  if (process.platform === 'win32') return;
  const { mode } = await stat(file);
  if ((mode & 0o077) === 0) return;
  const octal = `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
  const quoted = shellQuote(file);
  throw new ConfigError(
    `het bestand met de hoofdsleutel ${file} is leesbaar voor anderen dan de eigenaar (rechten ${octal}). `
    + `Herstel: chmod 600 ${quoted}, en vervang de sleutel (dossierwijzer rotate-master-key) als anderen hem gelezen kunnen hebben / `
    + `the master key file ${file} can be read by others than its owner (mode ${octal}). Fix: chmod 600 ${quoted}, `
    + 'and rotate the key (dossierwijzer rotate-master-key) if others may have read it');
}

/**
 * Reads a master key file (base64, 32 bytes); refuses one that the group or
 * others can read, with the chmod command that fixes it.
 */
export async function readMasterKeyFile(file: string): Promise<Buffer> {
  await assertKeyFilePrivate(file);
  return decode(await readFile(file, 'utf8'), file);
}

/**
 * Returns the master key, creating the key file (0600, its folder 0700) when
 * neither it nor DW_MASTER_KEY exists; refuses a key file others can read.
 */
export async function loadMasterKey(config: Pick<Config, 'masterKey' | 'masterKeyFile'>): Promise<Buffer> {
  if (config.masterKey !== undefined) return decode(config.masterKey, 'DW_MASTER_KEY');
  try {
    return await readMasterKeyFile(config.masterKeyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(config.masterKeyFile), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  // 'wx' fails if another process created it meanwhile; then read theirs.
  try {
    await writeFile(config.masterKeyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readMasterKeyFile(config.masterKeyFile);
  }
}

/**
 * Refuses to run with a master key that does not open the stored data keys
 * (a lost key file silently replaced by a new one, a wrong DW_MASTER_KEY, a
 * key retired by `rotate-master-key`): better a clear start-up error than
 * every read failing later. Refuses as well while a master key rotation is
 * unfinished: the values are then under two keys (master-key-rotation.ts).
 */
export async function assertMasterKeyFits(db: Queryable, masterKey: Buffer): Promise<void> {
  const rotating = await unfinishedRotation(db);
  if (rotating !== undefined) {
    const since = rotating.startedAt.toISOString().slice(0, 10);
    throw new ConfigError(
      `het vervangen van de hoofdsleutel is op ${dateInWords(since)} begonnen en niet afgemaakt (sleutel ${rotating.oldFingerprint} → ${rotating.newFingerprint}). `
      + 'Maak het eerst af met: dossierwijzer rotate-master-key --new-key-file <het nieuwe sleutelbestand>, met de oude sleutel nog ingesteld / '
      + `a master key rotation started on ${since} is unfinished (key ${rotating.oldFingerprint} → ${rotating.newFingerprint}); the data are under two keys. `
      + 'Finish it first: dossierwijzer rotate-master-key --new-key-file <the new key file>, with the old key still configured');
  }
  // A key a finished rotation retired (and no later one brought back) is refused by its fingerprint, also when no client
  // key exists yet to try it on: a server started with it would seal new data under the retired key.
  const fingerprint = keyFingerprint(masterKey);
  const retired = await rotationThatRetired(db, fingerprint);
  if (retired !== undefined && (await lastFinishedRotation(db))?.newFingerprint !== fingerprint) {
    const on = retired.finishedAt!.toISOString().slice(0, 10);
    throw new ConfigError(
      `deze hoofdsleutel (${retired.oldFingerprint}) is op ${dateInWords(on)} vervangen door sleutel ${retired.newFingerprint}: stel de nieuwe sleutel in `
      + `(DW_MASTER_KEY of het sleutelbestand) / this master key (${retired.oldFingerprint}) was replaced on ${on} by key ${retired.newFingerprint}: `
      + 'configure the new key (DW_MASTER_KEY or its key file)');
  }
  const sample = await someWrappedClientKey(db);
  if (sample === undefined) return;
  try {
    unwrapDataKey(masterKey, sample.wrapped_key, sample.client_id);
  } catch {
    throw new ConfigError('the master key does not open the stored client keys: restore the original key (DW_MASTER_KEY or its key file) before starting');
  }
}
