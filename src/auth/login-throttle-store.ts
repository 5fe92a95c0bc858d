/**
 * The auth module's store of log-in throttling (`org.login_throttle`, issue
 * 14: one owner per table): per account and per address, only the SHA-256 of
 * each key. The log-in has no scope (it is how a caller gets one), so the
 * throttle (login-throttle.ts) opens its own transaction on the plumbing's
 * database and passes it here.
 */
import type { Queryable } from '../db/database.js';

/** What is counted against one key. */
export interface ThrottleRow {
  failures: number;
  last_failure_at: Date;
  blocked_until: Date | null;
}

/** The key's row, created when there is none, locked until the transaction ends. */
export async function lockThrottleRow(tx: Queryable, scope: string, keyHash: Buffer, now: Date): Promise<ThrottleRow> {
  await tx.query(
    `INSERT INTO org.login_throttle (scope, key_hash, failures, last_failure_at) VALUES ($1, $2, 0, $3)
     ON CONFLICT (scope, key_hash) DO NOTHING`, [scope, keyHash, now]);
  const rows = await tx.query<ThrottleRow>('SELECT failures, last_failure_at, blocked_until FROM org.login_throttle WHERE scope = $1 AND key_hash = $2 FOR UPDATE', [scope, keyHash]);
  return rows[0]!;
}

/** Stores the key's count after an attempt, and the block it earned (null: none). */
export async function storeThrottleCount(tx: Queryable, scope: string, keyHash: Buffer, failures: number, at: Date, blockedUntil: Date | null): Promise<void> {
  await tx.query(
    'UPDATE org.login_throttle SET failures = $3, last_failure_at = $4, blocked_until = $5 WHERE scope = $1 AND key_hash = $2',
    [scope, keyHash, failures, at, blockedUntil]);
}

/** Forgets the key's count (a complete log-in clears the account's). */
export async function forgetThrottleKey(tx: Queryable, scope: string, keyHash: Buffer): Promise<void> {
  await tx.query('DELETE FROM org.login_throttle WHERE scope = $1 AND key_hash = $2', [scope, keyHash]);
}

/** Takes one failure back, and the block `set` (if it is still the key's) back to `previous`. */
export async function takeBackThrottleFailure(tx: Queryable, scope: string, keyHash: Buffer, set: Date | null, previous: Date | null): Promise<void> {
  await tx.query(
    `UPDATE org.login_throttle
        SET failures = greatest(failures - 1, 0),
            blocked_until = CASE WHEN $3::timestamptz IS NOT NULL AND blocked_until = $3::timestamptz THEN $4::timestamptz ELSE blocked_until END
      WHERE scope = $1 AND key_hash = $2`, [scope, keyHash, set, previous]);
}
