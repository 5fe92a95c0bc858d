/**
 * Where an employee's second factor lives: the TOTP secret sealed under the
 * master key (AES-256-GCM, bound to `totp:<employee id>`), the last accepted
 * time step, and the hashes of the one-time recovery codes.
 */
import { Type } from 'typebox';
import type { Queryable } from '../db/database.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import { clearTotpSecret, recordTotpStep, sealedTotpSecret, storeTotpSecret, type AccountScope } from '../organisation/employee-store.js';
import { spendChallengesOf } from './login-challenge-store.js';
import { deleteRecoveryCodes, replaceRecoveryCodes, spendRecoveryCode } from './recovery-code-store.js';
import { newRecoveryCodes, recoveryCodeHash } from './totp.js';

const secretContext = (employeeId: string) => `totp:${employeeId}`;
const pendingContext = (employeeId: string) => `totp-pending:${employeeId}`;

/** What `sealTotpSecret` seals. */
const SealedSecret = Type.Object({ secret: Type.String() });

/** Seals a TOTP secret for the database. */
export function sealTotpSecret(masterKey: Buffer, employeeId: string, secretBase32: string, pending = false): Buffer {
  return encryptJson(masterKey, { secret: secretBase32 }, pending ? pendingContext(employeeId) : secretContext(employeeId));
}

/** Opens what `sealTotpSecret` sealed; throws `DecryptionError` when it was not sealed for this employee. */
export function openTotpSecret(masterKey: Buffer, employeeId: string, sealed: Buffer, pending = false): string {
  return decryptJson(masterKey, sealed, pending ? pendingContext(employeeId) : secretContext(employeeId), SealedSecret).secret;
}

/**
 * Sets an employee's TOTP secret directly — for the demo seed and the test
 * harness, which play the part of the enrolment. Everyone else enrols through
 * `POST /api/auth/login/enrol`, which proves the app holds the secret.
 */
export async function setTotpSecret(db: Queryable, masterKey: Buffer, employeeId: string, secretBase32: string, now: Date): Promise<void> {
  await storeTotpSecret(db, employeeId, sealTotpSecret(masterKey, employeeId, secretBase32), now);
}

/** The employee's TOTP secret in clear, or undefined when none is enrolled. */
export async function loadTotpSecret(db: Queryable, masterKey: Buffer, employeeId: string): Promise<string | undefined> {
  const sealed = await sealedTotpSecret(db, employeeId);
  return sealed === null ? undefined : openTotpSecret(masterKey, employeeId, sealed);
}

/**
 * Records `step` as the employee's last accepted time step, unless that step or
 * a later one was accepted already — atomically, so of two requests with the
 * same code only one gets through (RFC 6238 §5.2: a code is valid once).
 */
export async function acceptTotpStep(db: Queryable, employeeId: string, step: number): Promise<boolean> {
  return recordTotpStep(db, employeeId, step);
}

/** Replaces the employee's recovery codes with ten new ones and returns them (shown once, stored as hashes). */
export async function issueRecoveryCodes(where: Queryable | AccountScope, employeeId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(where, employeeId, codes.map(recoveryCodeHash), now);
  return codes;
}

/** Uses up a recovery code; false when it is not one of the employee's unused codes. */
export function useRecoveryCode(db: Queryable, employeeId: string, code: string, now: Date): Promise<boolean> {
  return spendRecoveryCode(db, employeeId, recoveryCodeHash(code), now);
}

/** Removes the second factor (the administrator's reset, an enrolment): the TOTP secret, the recovery codes and open log-in challenges. */
export async function resetSecondFactor(scope: AccountScope, employeeId: string): Promise<void> {
  await clearTotpSecret(scope, employeeId);
  await deleteRecoveryCodes(scope, employeeId);
  await spendChallengesOf(scope, employeeId);
}
