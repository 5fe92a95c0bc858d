/**
 * The gate's one log-row writer (issue 14, "One gate"): every access-log row
 * the application writes is built here, from the request's context, the
 * intent and the decision, and written either inside the work's transaction
 * (a change and its row: both or neither), group-committed (a read), or in a
 * transaction of its own (a refusal, after the work's transaction rolled back).
 * `gate.test.ts` fails when another module appends to the log.
 */
import type { Database, Queryable } from '../db/database.js';
import type { Citation } from '../rules/citations.js';
import { AccessBasis, AccessOutcome, type AccessLogRow } from './access-log.js';
import { appendAccessLog } from './access-log-store.js';
import type { PortalContext, PublicContext, RequestContext } from './gate-scope.js';
import { appendReadLog } from './log-group-commit.js';

/** What one row says beyond who asked: the client, what was asked, how it ended and on what basis. */
export interface LogLine {
  clientId: string | null;
  action: string;
  part: string;
  outcome: AccessOutcome;
  /** The decision; none for a refusal before one was made (not found, bad input). */
  decision?: { basis: AccessBasis; citations: readonly Citation[] } | undefined;
  purpose?: string | null;
  purposeReference?: string | null;
  entryIds?: readonly string[];
  actingForId?: string | null;
}

/** Who the row names as the user: the session's employee, or (no session) the one the work names. */
export type LogWho =
  | { kind: 'session'; ctx: RequestContext }
  | { kind: 'public'; ctx: PublicContext; organisationId: string; employeeId: string | null; employeeRole: string; sessionId?: null }
  /**
   * A portal user (issue 19): the row's `employee_id` is the portal account's id, `employee_role` `portal-client` or
   * `portal-relation`, `session_id` the portal session's short id (`p-…`). No employee has such an id or role.
   */
  | { kind: 'portal'; ctx: PortalContext };

/** The log's role word for a portal account. */
export function portalRole(kind: 'client' | 'relation'): string {
  return kind === 'client' ? 'portal-client' : 'portal-relation';
}

export function rowOf(who: LogWho, line: LogLine): AccessLogRow {
  const user = who.kind === 'session'
    ? { organisationId: who.ctx.actor.organisationId, employeeId: who.ctx.actor.employeeId, employeeRole: who.ctx.actor.role, sessionId: who.ctx.actor.sessionId }
    : who.kind === 'portal'
      ? { organisationId: who.ctx.account.organisationId, employeeId: who.ctx.account.id, employeeRole: portalRole(who.ctx.account.kind), sessionId: who.ctx.account.sessionId }
      : { organisationId: who.organisationId, employeeId: who.employeeId, employeeRole: who.employeeRole, sessionId: null };
  return {
    ...user,
    actingForId: line.actingForId ?? null,
    clientId: line.clientId,
    action: line.action,
    part: line.part,
    outcome: line.outcome,
    basis: line.decision?.basis ?? AccessBasis.none,
    purpose: line.purpose ?? null,
    purposeReference: line.purposeReference ?? null,
    citations: line.decision?.citations ?? [],
    entryIds: line.entryIds ?? [],
    route: who.ctx.route,
    address: who.ctx.address,
  };
}

/** A row for a session's request: `intent` names the action and part, `decision` (if one was made) the basis and articles. */
export function sessionRow(
  ctx: RequestContext, clientId: string | null, intent: { action: string; part: string; purpose?: string | undefined }, outcome: AccessOutcome,
  decision: { basis: AccessBasis; citations: readonly Citation[] } | undefined, entryIds: readonly string[] = [], actingForId: string | null = null,
): AccessLogRow {
  return rowOf({ kind: 'session', ctx }, { clientId, action: intent.action, part: intent.part, outcome, decision, purpose: intent.purpose ?? null, entryIds, actingForId });
}

/** Writes rows inside the work's transaction: call it as the work's last step (the chain lock is held until commit). */
export function writeInWork(tx: Queryable, rows: readonly AccessLogRow[]): Promise<void> {
  return appendAccessLog(tx, rows);
}

/** Writes a read's rows, group-committed with other reads; resolves once they are committed. */
export function writeRead(db: Database, rows: readonly AccessLogRow[]): Promise<void> {
  return appendReadLog(db, rows);
}

/**
 * Writes a refusal's rows in a transaction of their own (the work's, if any, rolled back): one INSERT outside
 * BEGIN/COMMIT, which is its own transaction, committed before it answers (issue 18: one round trip, not three).
 */
export function writeRefusal(db: Database, rows: readonly AccessLogRow[]): Promise<void> {
  return appendAccessLog(db, rows);
}

export { AccessBasis, AccessOutcome };
