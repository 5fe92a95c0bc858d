/**
 * The auth module's store of recovery codes (`org.recovery_codes`, issue 14:
 * one owner per table): only each code's hash, one-time. The log-in has no
 * scope yet and passes its transaction; an enrolment or the administrator's
 * reset passes the gate's scope.
 */
import type { Queryable } from '../db/database.js';
import { SCOPE_TX, txOf } from '../db/scope-tx.js';
import type { AccountScope } from '../organisation/employee-store.js';

/** Replaces the employee's recovery codes with these (hashes), made at `now`. */
export async function replaceRecoveryCodes(where: Queryable | AccountScope, employeeId: string, codeHashes: readonly Buffer[], now: Date): Promise<void> {
  const tx = SCOPE_TX in where ? txOf(where) : where;
  await tx.query('DELETE FROM org.recovery_codes WHERE employee_id = $1', [employeeId]);
  for (const codeHash of codeHashes) {
    await tx.query('INSERT INTO org.recovery_codes (employee_id, code_hash, created_at) VALUES ($1, $2, $3)', [employeeId, codeHash, now]);
  }
}

/** Uses up the employee's unused code with this hash (log-in step 2); false when there is none. */
export async function spendRecoveryCode(tx: Queryable, employeeId: string, codeHash: Buffer, now: Date): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE org.recovery_codes SET used_at = $3 WHERE employee_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING code_hash',
    [employeeId, codeHash, now]);
  return rows.length === 1;
}

/** Forgets the employee's recovery codes (a reset, or an enrolment replacing the second factor). */
export async function deleteRecoveryCodes(scope: AccountScope, employeeId: string): Promise<void> {
  await txOf(scope).query('DELETE FROM org.recovery_codes WHERE employee_id = $1', [employeeId]);
}
