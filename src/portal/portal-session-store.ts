/**
 * The portal's sessions and log-in challenges (`org.portal_sessions`,
 * `org.portal_login_challenges`; migration 0073): the portal realm's own, apart
 * from the staff's `org.sessions`, so a portal token never resolves to an
 * employee and a staff token never to a portal account. The cookie holds a
 * random token; the table only its SHA-256.
 *
 * The session look-up runs before any organisation is known (the token is all
 * there is), so it runs across organisations (`asSystem`), as the staff's does.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { PortalAccount } from '../access/gate-scope.js';
import { CLIENTS } from '../clients/client-store.js';
import type { Queryable } from '../db/database.js';
import { asSystem } from '../db/organisation-scope.js';
import { SCOPE_TX, txOf, type HoldsTransaction } from '../db/scope-tx.js';
import { RELATION_NAMES } from '../representation/relation-store.js';
import { PORTAL_ACCOUNTS } from './portal-account-store.js';

export interface PortalSessionSettings {
  idleMinutes: number;
  lifetimeMinutes: number;
}

/** A transaction, or a gate scope's. */
type Where = Queryable | HoldsTransaction;
function q(where: Where): Queryable {
  return SCOPE_TX in where ? txOf(where) : where;
}

export function hashPortalToken(token: string): Buffer {
  return createHash('sha256').update(`portal:${token}`, 'utf8').digest();
}

/** The log's name for a portal session: `p-` and the first 14 hex digits of the token hash (never the token). */
function sessionLogId(tokenHash: Buffer): string {
  return `p-${tokenHash.subarray(0, 7).toString('hex')}`;
}

/** Starts a portal session (always a new id) and returns the cookie token. */
export async function createPortalSession(
  where: Where, accountId: string, settings: PortalSessionSettings, address: string | undefined, now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await q(where).query(
    'INSERT INTO org.portal_sessions (token_hash, account_id, created_at, last_seen_at, expires_at, address) VALUES ($1, $2, $3, $3, $4, $5)',
    [hashPortalToken(token), accountId, now, new Date(now.getTime() + settings.lifetimeMinutes * 60_000), address ?? null]);
  return token;
}

const TOUCH_AFTER_MS = 30_000;

/**
 * The portal account behind a token, across organisations; undefined when the session is missing, idle too long,
 * expired or ended, or the account is disabled or has no credentials (a new invitation cleared them).
 */
export function resolvePortalSession(db: Queryable, token: string, settings: PortalSessionSettings, now: Date): Promise<PortalAccount | undefined> {
  return asSystem(async (): Promise<PortalAccount | undefined> => {
    const tokenHash = hashPortalToken(token);
    const rows = await db.query<{
      id: string; organisation_id: string; client_id: string; relation_id: string | null; client_name: string; relation_name: string | null; last_seen_at: Date;
    }>(
      `SELECT a.id, a.organisation_id, a.client_id, a.relation_id, c.given_names || ' ' || c.family_name AS client_name, r.name AS relation_name, s.last_seen_at
         FROM org.portal_sessions s
         JOIN ${PORTAL_ACCOUNTS} a ON a.id = s.account_id
         JOIN ${CLIENTS} c ON c.id = a.client_id
         LEFT JOIN ${RELATION_NAMES} r ON r.id = a.relation_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > $2 AND s.last_seen_at > $3
          AND a.live`,
      [tokenHash, now, new Date(now.getTime() - settings.idleMinutes * 60_000)]);
    const row = rows[0];
    if (row === undefined) return undefined;
    if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
      await db.query('UPDATE org.portal_sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2', [tokenHash, now]);
    }
    return {
      id: row.id, organisationId: row.organisation_id, clientId: row.client_id, kind: row.relation_id === null ? 'client' : 'relation',
      relationId: row.relation_id, displayName: row.relation_name ?? row.client_name, clientName: row.client_name, sessionId: sessionLogId(tokenHash),
    };
  });
}

/**
 * Ends the portal session of this token (log-out), in the gate scope's transaction: on PGlite's one connection a
 * statement beside the open transaction waits for it, and the transaction for the route's answer — for ever.
 */
export async function endPortalSession(where: Where, token: string, now: Date): Promise<void> {
  await asSystem(() => q(where).query('UPDATE org.portal_sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL', [hashPortalToken(token), now]));
}

/** Ends every open session of a portal account (new credentials, a new invitation, a disabled account). */
export async function endAllPortalSessions(where: Where, accountId: string, now: Date): Promise<void> {
  await q(where).query('UPDATE org.portal_sessions SET ended_at = $2 WHERE account_id = $1 AND ended_at IS NULL', [accountId, now]);
}

/** Stores a log-in challenge (only its hash). */
export async function insertPortalChallenge(db: Queryable, row: { idHash: Buffer; accountId: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await asSystem(() => db.query('INSERT INTO org.portal_login_challenges (id_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [row.idHash, row.accountId, row.createdAt, row.expiresAt]));
}

/** The account of a live (unspent, unexpired) challenge. */
export function livePortalChallenge(db: Queryable, idHash: Buffer, now: Date): Promise<string | undefined> {
  return asSystem(async () => (await db.query<{ account_id: string }>(
    'SELECT account_id FROM org.portal_login_challenges WHERE id_hash = $1 AND spent_at IS NULL AND expires_at > $2', [idHash, now]))[0]?.account_id);
}

/** Counts an attempt against the challenge; false once it has had `max` attempts. */
export function countPortalChallengeAttempt(db: Queryable, idHash: Buffer, max: number): Promise<boolean> {
  return asSystem(async () => (await db.query(
    'UPDATE org.portal_login_challenges SET attempts = attempts + 1 WHERE id_hash = $1 AND attempts < $2 RETURNING 1', [idHash, max])).length > 0);
}

/** Spends the challenge; false when it was spent already. */
export async function spendPortalChallenge(tx: Queryable, idHash: Buffer, now: Date): Promise<boolean> {
  return (await tx.query('UPDATE org.portal_login_challenges SET spent_at = $2 WHERE id_hash = $1 AND spent_at IS NULL RETURNING 1', [idHash, now])).length > 0;
}
