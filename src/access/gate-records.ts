/**
 * The gate's handlers for work about records rather than one client (gate.ts):
 * the privacy officer's log review, the emergency-review queue, and the
 * registers beside the dossier (complaints, incidents, prospective clients,
 * quality audits, records of processing). Each is decided before the work by
 * its policy; the work tells `scope.concerns` every client it showed or named,
 * and the gate logs one row per client in the work's transaction, so "who saw
 * this dossier" also shows who read a complaint or a review about the client.
 */
import { SCOPE_TX } from '../db/scope-tx.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError, forbidden } from '../errors.js';
import { decideEmergencyReviewQueue } from '../emergency/emergency-policy.js';
import { decideRegisterAccess, type Register, type RegisterAction } from '../registers/register-policy.js';
import type { AccessLogRow } from './access-log.js';
import { AccessBasis, AccessOutcome, sessionRow, writeInWork, writeRefusal } from './gate-log.js';
import type { RecordScope, RequestContext } from './gate-scope.js';
import { decideLogReview, type AccessIntent, type PolicyDecision } from './policy.js';

const REVIEW: AccessIntent = { action: 'review-log', part: 'dossier' };

/**
 * The log-review subject: the privacy officer's organisation-wide views (review
 * queue, unusual-access report, retention, breaches, the administration log),
 * allowed only to the appointed reviewer. A refusal by the work (e.g. a review
 * of one's own emergency access) is logged too.
 */
export function enterLogReview<T>(db: Database, ctx: RequestContext, work: (scope: RecordScope) => Promise<T>): Promise<T> {
  return review(db, ctx, decideLogReview(ctx.actor.role), work);
}

/**
 * The emergency-review subject: the privacy officer's queue for everyone's
 * emergency access but a privacy officer's own, a manager's for the privacy
 * officer's (nobody reviews their own; `emergency/emergency-policy.ts`).
 */
export function enterEmergencyReview<T>(db: Database, ctx: RequestContext, work: (scope: RecordScope) => Promise<T>): Promise<T> {
  return review(db, ctx, decideEmergencyReviewQueue(ctx.actor.role), work);
}

async function review<T>(db: Database, ctx: RequestContext, decision: PolicyDecision, work: (scope: RecordScope) => Promise<T>): Promise<T> {
  if (!decision.allowed) {
    await writeRefusal(db, [sessionRow(ctx, null, REVIEW, AccessOutcome.denied, decision)]);
    throw forbidden(decision.explanationNl, decision.explanationEn, decision.citations);
  }
  try {
    return await db.transaction(async (tx) => {
      const { scope, named } = recordScope(tx, ctx, decision);
      const value = await work(scope);
      await writeInWork(tx, named().map((id) => sessionRow(ctx, id, REVIEW, AccessOutcome.allowed, decision)));
      return value;
    });
  } catch (error) {
    // The work refused: nothing changed, but the attempt is logged.
    if (error instanceof AppError && error.status < 500) {
      const refusal = { basis: AccessBasis.none, citations: error.extra.basis ?? [] };
      await writeRefusal(db, [sessionRow(ctx, null, REVIEW, AccessOutcome.denied, refusal)]);
    }
    throw error;
  }
}

/**
 * The register subject: decided per register and action by the register
 * policy; a record that names no client is logged once without one.
 */
export async function enterRegister<T>(
  db: Database, ctx: RequestContext, register: Register, action: RegisterAction, work: (scope: RecordScope) => Promise<T>,
): Promise<T> {
  const intent = { action, part: `register:${register}` };
  const decision = decideRegisterAccess(ctx.actor.role, register, action);
  const rows = (outcome: AccessOutcome, clientIds: readonly (string | null)[]): AccessLogRow[] =>
    clientIds.map((clientId) => sessionRow(ctx, clientId, intent, outcome, decision));
  if (!decision.allowed) {
    await writeRefusal(db, rows(AccessOutcome.denied, [null]));
    throw forbidden(decision.explanationNl, decision.explanationEn, decision.citations);
  }
  return db.transaction(async (tx) => {
    const { scope, named } = recordScope(tx, ctx, decision);
    const value = await work(scope);
    const clients = named();
    await writeInWork(tx, rows(AccessOutcome.allowed, clients.length === 0 ? [null] : clients));
    return value;
  });
}

function recordScope(tx: Queryable, ctx: RequestContext, decision: PolicyDecision): { scope: RecordScope; named: () => string[] } {
  const clients = new Set<string>();
  return {
    scope: { [SCOPE_TX]: tx, actor: ctx.actor, now: ctx.now, decision, concerns: (ids) => { for (const id of ids) clients.add(id); } },
    named: () => [...clients],
  };
}
