/**
 * The gate's handlers for a family part (003 §2.3.4; gate.ts). The members'
 * own dossiers stay separate and go through the client subject one by one;
 * the family part is open to an employee whom the engine lets in for at least
 * one member (the professional working with the family), and every access is
 * logged once per member, because the family part concerns each of them.
 * Linking dossiers into a family needs the engine's leave to record in every
 * one of them (you link what you work on).
 */
import { SCOPE_TX } from '../db/scope-tx.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { Citation } from '../rules/citations.js';
import { Fact } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { AccessLogRow } from './access-log.js';
import { allClientsOf, familyMembers, loadClientFacts } from './client-access.js';
import { AccessOutcome, sessionRow as logRow, writeInWork, writeRefusal } from './gate-log.js';
import type { FamilyScope, RequestContext } from './gate-scope.js';
import { decideEmployeeAccess, decideWithoutClient, hidesClientExistence, type AccessIntent, type PolicyDecision } from './policy.js';

/** The family subject: read or record in the family part. */
export function enterFamily<T>(db: Database, ctx: RequestContext, familyId: string, intent: AccessIntent, work: (scope: FamilyScope) => Promise<T>): Promise<T> {
  return familyDecision(db, ctx, intent, false, async (tx) => {
    const members = await familyMembers(tx, ctx.actor.organisationId, familyId);
    return members === undefined ? undefined : { familyId, members };
  }, work);
}

/** The family-linking subject: new members into a new or existing family, decided as recording in each member's dossier. */
export function enterFamilyLinking<T>(db: Database, ctx: RequestContext, familyId: string, memberIds: readonly string[], work: (scope: FamilyScope) => Promise<T>): Promise<T> {
  return familyDecision(db, ctx, { action: 'record', part: 'dossier' }, true, async (tx) => {
    if (!await allClientsOf(tx, ctx.actor.organisationId, memberIds)) return undefined;
    return { familyId, members: [...new Set(memberIds)] };
  }, work);
}

async function familyDecision<T>(
  db: Database, ctx: RequestContext, intent: AccessIntent, requireAll: boolean,
  resolve: (tx: Queryable) => Promise<{ familyId: string; members: string[] } | undefined>, work: (scope: FamilyScope) => Promise<T>,
): Promise<T> {
  const denied: AccessLogRow[] = [];
  try {
    return await db.transaction(async (tx) => {
      const today = calendarDate(ctx.now);
      const resolved = await resolve(tx);
      if (resolved === undefined) {
        // As for a single client: a role that knows clients only through its care relations gets the
        // same refusal for a family or member it cannot reach, whether it exists or not.
        const uniform = hidesClientExistence(ctx.actor.role) ? decideWithoutClient(ctx.actor.role, intent, today) : undefined;
        denied.push(logRow(ctx, null, intent, AccessOutcome.notFound, uniform));
        if (uniform !== undefined && !uniform.allowed) throw forbidden(uniform.explanationNl, uniform.explanationEn, uniform.citations);
        throw notFound('Dit gezin of deze cliënt bestaat niet of valt buiten uw organisatie.', 'This family or client does not exist or is outside your organisation.');
      }
      const { familyId, members } = resolved;
      const decisions: { clientId: string; decision: PolicyDecision }[] = [];
      for (const clientId of members) {
        const facts = await loadClientFacts(tx, ctx, clientId, today);
        if (facts === undefined) continue;
        const clientFacts = facts.emergency ? [...facts.recordedFacts, Fact.emergency] : facts.recordedFacts;
        decisions.push({ clientId, decision: decideEmployeeAccess({ role: ctx.actor.role, relation: facts.relation, intent, clientBorn: facts.birthDate, today, clientFacts }) });
      }
      const allowed = decisions.filter((d) => d.decision.allowed);
      const refusal = decisions.find((d) => !d.decision.allowed);
      if (allowed.length === 0 || (requireAll && refusal !== undefined)) {
        const reason = refusal?.decision;
        denied.push(...(decisions.length === 0 ? [logRow(ctx, null, intent, AccessOutcome.denied, reason)] : decisions.map((d) => logRow(ctx, d.clientId, intent, AccessOutcome.denied, d.decision))));
        throw forbidden(
          reason?.explanationNl ?? 'U werkt met geen van de gezinsleden; daarom kunt u het gezinsdeel niet openen.',
          reason?.explanationEn ?? 'You work with none of the family members, so you cannot open the family part.',
          reason?.citations ?? [Citation.bw_7_457],
        );
      }
      const value = await work({ [SCOPE_TX]: tx, familyId, organisationId: ctx.actor.organisationId, members, actor: ctx.actor, now: ctx.now });
      const basis = allowed[0]!.decision;
      await writeInWork(tx, members.map((clientId) => logRow(ctx, clientId, intent, AccessOutcome.allowed, basis)));
      return value;
    });
  } catch (error) {
    // The refusal, or a 4xx from the work, is logged in its own transaction (the first one rolled back).
    if (error instanceof AppError && error.status < 500) {
      await writeRefusal(db, denied.length > 0 ? denied : [logRow(ctx, null, intent, AccessOutcome.denied, undefined)]);
    }
    throw error;
  }
}
