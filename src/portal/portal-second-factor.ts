/**
 * A portal account's TOTP secret, sealed under the master key as an
 * employee's is (auth/second-factor.ts), bound to `portal-totp:<account id>`
 * so that a sealed secret cannot be moved between an employee and a portal
 * account, nor between accounts.
 */
import { Type } from 'typebox';
import { decryptJson, encryptJson } from '../crypto/envelope.js';

const SealedSecret = Type.Object({ secret: Type.String() });
const context = (accountId: string) => `portal-totp:${accountId}`;

export function sealPortalTotpSecret(masterKey: Buffer, accountId: string, secretBase32: string): Buffer {
  return encryptJson(masterKey, { secret: secretBase32 }, context(accountId));
}

/** Throws `DecryptionError` when it was not sealed for this account. */
export function openPortalTotpSecret(masterKey: Buffer, accountId: string, sealed: Buffer): string {
  return decryptJson(masterKey, sealed, context(accountId), SealedSecret).secret;
}
