/**
 * The one way into the registers beside the dossier: decide, then run the
 * work and write the access-log rows in one transaction; a refusal is logged
 * too. A record that names clients logs one row per client, so "who saw this
 * dossier" also shows who read a complaint or incident about the client.
 */
import { appendAccessLog, AccessOutcome, type AccessLogRow } from '../access/access-log.js';
import type { RequestContext } from '../access/client-access.js';
import type { PolicyDecision } from '../access/policy.js';
import type { Database, Queryable } from '../db/database.js';
import { forbidden } from '../errors.js';
import { decideRegisterAccess, type Register, type RegisterAction } from './register-policy.js';

function logRows(ctx: RequestContext, register: Register, action: RegisterAction, outcome: AccessOutcome, decision: PolicyDecision, clientIds: readonly (string | null)[]): AccessLogRow[] {
  return clientIds.map((clientId) => ({
    organisationId: ctx.actor.organisationId, employeeId: ctx.actor.employeeId, employeeRole: ctx.actor.role, clientId,
    action, part: `register:${register}`, outcome, basis: decision.basis, citations: decision.citations,
    route: ctx.route, sessionId: ctx.actor.sessionId, address: ctx.address,
  }));
}

export async function withRegisterAccess<T>(
  db: Database, ctx: RequestContext, register: Register, action: RegisterAction,
  work: (tx: Queryable) => Promise<{ value: T; clientIds: readonly string[] }>,
): Promise<T> {
  const decision = decideRegisterAccess(ctx.actor.role, register, action);
  if (!decision.allowed) {
    await db.transaction((tx) => appendAccessLog(tx, logRows(ctx, register, action, AccessOutcome.denied, decision, [null])));
    throw forbidden(decision.explanationNl, decision.explanationEn, decision.citations);
  }
  return db.transaction(async (tx) => {
    const { value, clientIds } = await work(tx);
    const named = [...new Set(clientIds)];
    await appendAccessLog(tx, logRows(ctx, register, action, AccessOutcome.allowed, decision, named.length === 0 ? [null] : named));
    return value;
  });
}
