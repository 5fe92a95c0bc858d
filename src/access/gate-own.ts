/**
 * The gate's handler for the caller's own things (gate.ts): their session,
 * their personal work notes, their export's progress. Nothing is decided up
 * front — the work's queries are bound to the caller — but where the caller's
 * own records hold a client's data (a work note is about a client), each
 * client is decided by the engine as the author's use of their own notes and
 * logged once (part `personal-work-note`, no entry ids, no content).
 */
import { SCOPE_TX } from '../db/scope-tx.js';
import type { Database, Queryable } from '../db/database.js';
import type { CareRelation } from '../organisation/employee-roles.js';
import { Fact, type Part } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { AccessLogRow } from './access-log.js';
import { AccessBasis, AccessOutcome, sessionRow, writeInWork, writeRead } from './gate-log.js';
import type { OwnScope, OwnUse, RequestContext } from './gate-scope.js';
import { decideEmployeeAccess } from './policy.js';

/** What the caller does with their own things: read them, or change them (write, destroy). */
export interface OwnIntent {
  action: 'read' | 'record';
  part: Part;
}

function useRow(ctx: RequestContext, intent: OwnIntent, use: OwnUse): AccessLogRow {
  const decision = decideEmployeeAccess({
    role: ctx.actor.role, relation: (use.relation ?? undefined) as CareRelation | undefined, intent: { action: 'read', part: intent.part }, clientBorn: use.birthDate,
    today: calendarDate(ctx.now), clientFacts: [Fact.author],
  });
  const basis = decision.allowed ? AccessBasis.authorOwnNote : AccessBasis.none;
  return sessionRow(ctx, use.clientId, intent, decision.allowed ? AccessOutcome.allowed : AccessOutcome.denied, { basis, citations: decision.citations });
}

/**
 * The own subject. A read needs no BEGIN/COMMIT (its rows, if any, are
 * group-committed before the answer leaves); a change and its rows share one
 * transaction.
 */
export async function enterOwn<T>(db: Database, ctx: RequestContext, intent: OwnIntent, work: (scope: OwnScope) => Promise<T>): Promise<T> {
  const run = async (tx: Queryable, write: (rows: readonly AccessLogRow[]) => Promise<void>): Promise<T> => {
    const uses = new Map<string, OwnUse>();
    const used = (list: readonly OwnUse[]) => {
      for (const use of list) if (!uses.has(use.clientId)) uses.set(use.clientId, use);
    };
    const value = await work({ [SCOPE_TX]: tx, actor: ctx.actor, now: ctx.now, used });
    if (uses.size > 0) await write([...uses.values()].map((use) => useRow(ctx, intent, use)));
    return value;
  };
  if (intent.action === 'read') return run(db, (rows) => writeRead(db, rows));
  return db.transaction((tx) => run(tx, (rows) => writeInWork(tx, rows)));
}
