/**
 * The master key that wraps every client's data key: from DW_MASTER_KEY
 * (base64, 32 bytes), or from a key file created on first start with mode 0600.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import { KEY_BYTES } from './envelope.js';

function decode(base64: string, origin: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new ConfigError(`${origin} must hold ${KEY_BYTES} bytes in base64 (got ${key.length})`);
  return key;
}

/** Returns the master key, creating the key file (0600) when neither it nor DW_MASTER_KEY exists. */
export async function loadMasterKey(config: Pick<Config, 'masterKey' | 'masterKeyFile'>): Promise<Buffer> {
  if (config.masterKey !== undefined) return decode(config.masterKey, 'DW_MASTER_KEY');
  try {
    return decode(await readFile(config.masterKeyFile, 'utf8'), config.masterKeyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(config.masterKeyFile), { recursive: true });
  const key = randomBytes(KEY_BYTES);
  // 'wx' fails if another process created it meanwhile; then read theirs.
  try {
    await writeFile(config.masterKeyFile, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return decode(await readFile(config.masterKeyFile, 'utf8'), config.masterKeyFile);
  }
}
