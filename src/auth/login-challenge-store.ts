/**
 * The auth module's store of log-in challenges (`org.login_challenges`, issue
 * 14: one owner per table): the one-time step between password and code, of
 * which only the id's hash is stored. The log-in has no scope yet (it is how a
 * caller gets one) and passes the plumbing's database or its own transaction;
 * the administrator's reset and an enrolment pass the gate's scope.
 */
import type { SealedColumn } from '../crypto/sealed-column.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';
import type { AccountScope } from '../organisation/employee-store.js';

/** A TOTP secret proposed during enrolment, sealed under the master key until the enrolment completes. */
export const PENDING_TOTP_SECRETS: SealedColumn = {
  name: 'TOTP secrets being enrolled', table: 'org.login_challenges', key: { column: 'id_hash', type: 'bytea' }, column: 'pending_secret',
  place: { column: 'employee_id', aad: (id) => `totp-pending:${id}` },
};

export type ChallengeKind = 'totp' | 'enrol';

/** Stores a new challenge after a right password: a code is asked next, or (no factor yet) a sealed secret is proposed for enrolment. */
export async function insertChallenge(
  db: Queryable, challenge: { idHash: Buffer; employeeId: string; kind: ChallengeKind; pendingSecret: Buffer | null; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO org.login_challenges (id_hash, employee_id, kind, pending_secret, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [challenge.idHash, challenge.employeeId, challenge.kind, challenge.pendingSecret, challenge.createdAt, challenge.expiresAt]);
}

/** The live (unused, unexpired) challenge of this kind with this id hash; undefined when there is none. */
export async function liveChallenge(
  db: Queryable, idHash: Buffer, kind: ChallengeKind, now: Date,
): Promise<{ employee_id: string; pending_secret: Buffer | null } | undefined> {
  const [live] = await db.query<{ employee_id: string; pending_secret: Buffer | null }>(
    'SELECT employee_id, pending_secret FROM org.login_challenges WHERE id_hash = $1 AND kind = $2 AND used_at IS NULL AND expires_at > $3', [idHash, kind, now]);
  return live;
}

/** Counts a code tried against the challenge; false when `maxAttempts` were tried already (the challenge is spent). */
export async function countChallengeAttempt(db: Queryable, idHash: Buffer, maxAttempts: number): Promise<boolean> {
  const counted = await db.query('UPDATE org.login_challenges SET attempts = attempts + 1 WHERE id_hash = $1 AND attempts < $2 RETURNING attempts', [idHash, maxAttempts]);
  return counted.length > 0;
}

/** Spends the challenge (a right code); false when it was spent meanwhile. */
export async function spendChallenge(tx: Queryable, idHash: Buffer, now: Date): Promise<boolean> {
  const spent = await tx.query('UPDATE org.login_challenges SET used_at = $2 WHERE id_hash = $1 AND used_at IS NULL RETURNING employee_id', [idHash, now]);
  return spent.length > 0;
}

/** Spends every open challenge of the employee (a reset, or an enrolment replacing the second factor). */
export async function spendChallengesOf(scope: AccountScope, employeeId: string): Promise<void> {
  await txOf(scope).query('UPDATE org.login_challenges SET used_at = $2 WHERE employee_id = $1 AND used_at IS NULL', [employeeId, scope.now]);
}
