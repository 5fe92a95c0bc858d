/**
 * The auth module's store of sessions (`org.sessions`, issue 14: one owner per
 * table). The cookie holds a random token; the table holds only its SHA-256.
 *
 * The log-in has no scope yet (it is how a caller gets one), so its steps and
 * the authentication hook pass the plumbing's database or their own
 * transaction; an account's administration or enrolment passes the gate's
 * scope, and the caller's own log-out its own scope.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { OwnScope } from '../access/gate-scope.js';
import type { Queryable } from '../db/database.js';
import { inOrganisation } from '../db/organisation-scope.js';
import { SCOPE_TX, txOf } from '../db/scope-tx.js';
import type { EmployeeRole } from '../organisation/employee-roles.js';
import { EMPLOYEES, type AccountScope } from '../organisation/employee-store.js';
import { forgetSessionsOf, sessionCacheOf } from './session-cache.js';
import type { SessionSettings, SessionState } from './sessions.js';

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The log-in passes a database or transaction; an account's administration or enrolment, its scope. */
function queryable(where: Queryable | AccountScope): Queryable {
  return SCOPE_TX in where ? txOf(where) : where;
}

/** The log's name for a session: the first 16 hex digits of the token hash. */
function sessionLogId(tokenHash: Buffer): string {
  return tokenHash.subarray(0, 8).toString('hex');
}

/** Starts a new session (always a new id: no session fixation) and returns the cookie token. */
export async function createSession(
  where: Queryable | AccountScope, employeeId: string, settings: SessionSettings, address: string | undefined, now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + settings.lifetimeMinutes * 60_000);
  await queryable(where).query(
    'INSERT INTO org.sessions (token_hash, employee_id, created_at, last_seen_at, expires_at, address) VALUES ($1, $2, $3, $3, $4, $5)',
    [hashToken(token), employeeId, now, expiresAt, address ?? null],
  );
  return token;
}

/** How stale `last_seen_at` may get before a request refreshes it: a write per request would cost a commit each. */
export const TOUCH_AFTER_MS = 30_000;

/** Resolves a token to its actor, refreshing the idle timer; undefined when missing, expired or ended. */
export async function resolveSessionState(db: Queryable, token: string, settings: SessionSettings, now: Date): Promise<SessionState | undefined> {
  return (await lookUpSession(db, token, settings, now))?.state;
}

/** `resolveSessionState` with the session's last_seen_at (after any refresh) and expiry, for the cache. */
async function lookUpSession(
  db: Queryable, token: string, settings: SessionSettings, now: Date,
): Promise<{ state: SessionState; lastSeenAt: Date; expiresAt: Date } | undefined> {
  const tokenHash = hashToken(token);
  const idleCutoff = new Date(now.getTime() - settings.idleMinutes * 60_000);
  const rows = await db.query<{
    employee_id: string; organisation_id: string; role: EmployeeRole; display_name: string; last_seen_at: Date; expires_at: Date; role_pending: boolean;
  }>(
    `SELECT e.id AS employee_id, e.organisation_id, e.role, e.display_name, s.last_seen_at, s.expires_at, e.role_pending
       FROM org.sessions s JOIN ${EMPLOYEES} e ON e.id = s.employee_id
      WHERE s.token_hash = $1 AND e.active AND s.ended_at IS NULL AND s.expires_at > $2 AND s.last_seen_at > $3`,
    [tokenHash, now, idleCutoff],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  let lastSeenAt = row.last_seen_at;
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    await db.query('UPDATE org.sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2', [tokenHash, now]);
    lastSeenAt = now;
  }
  const state: SessionState = {
    actor: {
      employeeId: row.employee_id, organisationId: row.organisation_id, role: row.role, displayName: row.display_name, sessionId: sessionLogId(tokenHash),
    },
    rolePending: row.role_pending,
  };
  return { state, lastSeenAt, expiresAt: row.expires_at };
}

/**
 * The organisation of each recently resolved session, by token hash. The next look-up of that session runs in
 * that organisation's scope — the scope the rest of its request runs in — so a pooled connection keeps one scope
 * instead of switching to the cross-organisation scope and back on every request (two round trips more per
 * request under row-level security, migration 0056). The map decides nothing: under the policies a wrong or
 * stale entry finds no session, and the look-up across organisations follows. Bounded: emptied when full.
 */
const organisationOfSession = new Map<string, string>();
const REMEMBERED_SESSIONS = 10_000;

/**
 * `resolveSessionState`, first in the organisation this session belonged to last time (see `organisationOfSession`);
 * from the server's session cache when one listens (session-cache.ts, DW_SESSION_CACHE_MS), without a query.
 */
export async function resolveSessionStateInItsScope(db: Queryable, token: string, settings: SessionSettings, now: Date): Promise<SessionState | undefined> {
  const key = hashToken(token).toString('base64');
  const cache = sessionCacheOf(db);
  const cached = cache?.get(key, settings, now);
  if (cached !== undefined) return cached;
  const mark = cache?.mark() ?? 0;
  const keep = (found: Awaited<ReturnType<typeof lookUpSession>>) => {
    if (found !== undefined) cache?.put(key, mark, found.state, found.lastSeenAt, found.expiresAt, now);
    return found?.state;
  };
  const known = organisationOfSession.get(key);
  if (known !== undefined) {
    const found = await inOrganisation(known, () => lookUpSession(db, token, settings, now));
    if (found !== undefined) return keep(found);
    organisationOfSession.delete(key);
  }
  const found = await lookUpSession(db, token, settings, now);
  if (found !== undefined) {
    if (organisationOfSession.size >= REMEMBERED_SESSIONS) organisationOfSession.clear();
    organisationOfSession.set(key, found.state.actor.organisationId);
  }
  return keep(found);
}

/** Ends the caller's own session, the one of this token (log-out). */
export async function endOwnSession(scope: OwnScope, token: string): Promise<void> {
  // This server forgets it at once (the database's notification tells the others when the log-out commits).
  forgetSessionsOf(scope.actor.employeeId);
  await txOf(scope).query('UPDATE org.sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL', [hashToken(token), scope.now]);
}

/** Ends every open session of an employee (password change, account disabled or reset, enrolment). */
export async function endAllSessions(where: Queryable | AccountScope, employeeId: string, now: Date): Promise<void> {
  forgetSessionsOf(employeeId);
  await queryable(where).query('UPDATE org.sessions SET ended_at = $2 WHERE employee_id = $1 AND ended_at IS NULL', [employeeId, now]);
}
