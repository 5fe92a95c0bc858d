/**
 * Keys derived from the master key for a purpose other than wrapping data keys
 * (HKDF-SHA-256, RFC 5869, node:crypto): each purpose has its own `info` label,
 * so a key derived for one purpose says nothing about the master key or about
 * another purpose's key. First user: the signature of restore markers
 * (access/log-restores.ts).
 *
 * A derived key follows the master key: after `rotate-master-key`, values made
 * under the old derived key no longer check under the new one (the caller
 * records which master key it used, by its fingerprint).
 */
import { hkdfSync } from 'node:crypto';
import { KEY_BYTES } from './envelope.js';

/**
 * The 32-byte key for `info` under `masterKey`.
 * @example const key = deriveKey(masterKey, 'dossierwijzer restore marker v1');
 */
export function deriveKey(masterKey: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), Buffer.from(info, 'utf8'), KEY_BYTES));
}
