/**
 * Log-in throttling per account and per address, with growing back-off
 * (OWASP ASVS 4.0 §2.2.1; NEN 7510-2 A.9.4.2 asks for protection against
 * brute-force log-ins). Stored in the database (login-throttle-store.ts), so it
 * holds across processes.
 *
 * Every attempt (password or code) is counted BEFORE it is checked, in one
 * transaction holding the rows' locks: a burst of parallel guesses cannot all
 * slip in before the first failure is written. A successful step takes its
 * count back; a complete log-in clears the account's count. From the
 * `threshold`-th counted attempt within the window on, each attempt blocks the
 * key for 2^(n − threshold + 1) seconds, capped; a blocked attempt is refused
 * without looking at the password. The count decays only after a quiet window
 * that starts when the last block ends.
 *
 * The account key is the lower-cased user name, whether or not such an account
 * exists, so throttling says nothing about which accounts exist. Only SHA-256
 * of each key is stored.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db/database.js';
import { forgetThrottleKey, lockThrottleRow, storeThrottleCount, takeBackThrottleFailure, type ThrottleRow } from './login-throttle-store.js';

export interface ThrottleSettings {
  windowMinutes: number;
  accountFailures: number;
  addressFailures: number;
  maxBlockSeconds: number;
}

/** What an attempt is counted against: the user name tried (when known) and the caller's address. */
export interface ThrottleKeys {
  username?: string;
  address: string;
}

/** What an allowed attempt changed, so that a success can take exactly that back. */
export interface AttemptTicket {
  keys: ThrottleKeys;
  /** Per key: the block this attempt set (when it was the threshold-th or later), with the block it replaced. */
  blocks: { scope: Scope; set: Date | null; previous: Date | null }[];
}

export type AttemptVerdict = { allowed: true; ticket: AttemptTicket } | { allowed: false; retryAfterSeconds: number };

type Scope = 'account' | 'address';

interface Key {
  scope: Scope;
  hash: Buffer;
  threshold: number;
}

function keysOf(keys: ThrottleKeys, settings: ThrottleSettings): Key[] {
  const hash = (scope: Scope, value: string) => createHash('sha256').update(`${scope}:${value}`, 'utf8').digest();
  // Always account before address: the same lock order everywhere, so two attempts cannot deadlock.
  return [
    ...(keys.username === undefined ? [] : [{ scope: 'account' as const, hash: hash('account', keys.username.toLowerCase()), threshold: settings.accountFailures }]),
    { scope: 'address' as const, hash: hash('address', keys.address), threshold: settings.addressFailures },
  ];
}

/**
 * Counts an attempt against every key, or refuses it when a key is blocked
 * (then nothing is counted).
 */
export async function beginAttempt(db: Database, keys: ThrottleKeys, settings: ThrottleSettings, now: Date): Promise<AttemptVerdict> {
  return db.transaction(async (tx) => {
    const locked: { key: Key; row: ThrottleRow }[] = [];
    for (const key of keysOf(keys, settings)) locked.push({ key, row: await lockThrottleRow(tx, key.scope, key.hash, now) });
    const blockedUntil = Math.max(0, ...locked.map(({ row }) => row.blocked_until?.getTime() ?? 0));
    if (blockedUntil > now.getTime()) return { allowed: false, retryAfterSeconds: Math.ceil((blockedUntil - now.getTime()) / 1000) };
    const blocks: AttemptTicket['blocks'] = [];
    for (const { key, row } of locked) {
      const quietSince = Math.max(row.last_failure_at.getTime(), row.blocked_until?.getTime() ?? 0);
      const failures = (now.getTime() - quietSince > settings.windowMinutes * 60_000 ? 0 : row.failures) + 1;
      const blockSeconds = failures >= key.threshold ? Math.min(2 ** (failures - key.threshold + 1), settings.maxBlockSeconds) : 0;
      const blockedUntil = blockSeconds === 0 ? null : new Date(now.getTime() + blockSeconds * 1000);
      await storeThrottleCount(tx, key.scope, key.hash, failures, now, blockedUntil);
      blocks.push({ scope: key.scope, set: blockedUntil, previous: row.blocked_until });
    }
    return { allowed: true, ticket: { keys, blocks } };
  });
}

/**
 * Takes back what a successful attempt counted: one failure, and the block it
 * set, if no later attempt replaced it (a block earned by earlier failures
 * stays). `complete`: the whole log-in succeeded, which also clears the
 * account's count (not the address's: one good log-in from an address must
 * not wipe out guesses at other accounts).
 */
export async function attemptSucceeded(db: Database, ticket: AttemptTicket, settings: ThrottleSettings, complete: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    for (const key of keysOf(ticket.keys, settings)) {
      if (complete && key.scope === 'account') {
        await forgetThrottleKey(tx, key.scope, key.hash);
        continue;
      }
      const block = ticket.blocks.find((b) => b.scope === key.scope);
      await takeBackThrottleFailure(tx, key.scope, key.hash, block?.set ?? null, block?.previous ?? null);
    }
  });
}
