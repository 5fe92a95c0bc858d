/**
 * The gate's portal door (issue 19): a client or a registered relation, logged
 * in to the client portal, acting on the one dossier their account is for.
 *
 * `enter(db, portalCtx, { kind: 'portal' }, intent, work)` loads the facts —
 * the client's birth date, the person's relation and custody history (the
 * registered relations as the engine's persons), competence, agreements with
 * the young person, the death on record — asks the rules engine for that
 * person today, logs the row through the gate's one writer (the portal account
 * as the user: gate-log.ts `portalRole`), and hands the work a `PortalScope`
 * with the reader `readerView` takes. A refusal is 403 with the engine's Dutch
 * explanation and its articles, logged; a client id that is not the account's,
 * or a dossier that is no longer there, 404, logged; a 4xx of the work is
 * logged as a refused attempt (nothing it did is kept).
 */
import type { Database, Queryable } from '../db/database.js';
import { SCOPE_TX } from '../db/scope-tx.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { consentedPartsOfScope } from '../consents/consent-store.js';
import { portalClientFacts } from '../portal/portal-account-store.js';
import { agreementsOf } from '../representation/agreement-store.js';
import { competenceOf } from '../representation/competence-store.js';
import { relationsOfScope } from '../representation/relation-store.js';
import { personsOn, withPeopleOf } from '../representation/representation-service.js';
import {
  Action, Actor, actorOfStanding, decide, decidePortalStanding, Fact, Outcome, personStandingOn,
  type DecideInput, type Decision, type Part,
} from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import { AccessBasis, AccessOutcome } from './access-log.js';
import { portalRole, rowOf, writeInWork, writeRefusal } from './gate-log.js';
import type {
  ClientBoundScope, PortalContext, PortalDecision, PortalIntent, PortalInvitationScope, PortalInvitee, PortalReader, PortalScope,
  PortalStandingAnswer, PublicContext,
} from './gate-scope.js';
import type { AccessLogRow } from './access-log.js';

/** The engine's own actions; the portal's other acts are decided by the person's standing today. */
const ENGINE_ACTIONS: ReadonlySet<string> = new Set<string>([
  Action.inspect, Action.copy, Action.correct, Action.addStatement, Action.destroy, Action.generalInformation,
]);

/** Relations answered by their own actor word whatever the client's age (Besluit Jeugdwet 4.1.5; BW 1:257). */
const OWN_RULE_ACTORS: Readonly<Record<string, Actor>> = { 'family-guardian': Actor.familyGuardian, 'confidential-advisor': Actor.confidentialAdvisor };

/** What the door found out about the person today: their reader and the engine's question without action and part. */
export interface PortalPerson {
  reader: Omit<PortalReader, 'action'>;
  question: Omit<DecideInput, 'action' | 'part'>;
  /** The parts the young person consented to for this relation (`dossier`: all of it); empty for the client. */
  consentedParts: readonly Part[];
}

/**
 * The person behind a portal account as the engine reads them on `on`: the client, or the relation as the person
 * they are that day (custody held or ended, representative of an adult, …) among the registered relations.
 * Exported for the portal's services that ask the engine more than the door did (which parts to show, …).
 */
export async function portalPersonOn(scope: ClientBoundScope, relationId: string | null, on: string): Promise<PortalPerson> {
  const competent = await competenceOf(scope).isCompetent('dossier-rights');
  const facts: Fact[] = [...await agreementsOf(scope).facts()];
  if (scope.preloaded.processingRestricted) facts.push(Fact.processingRestricted);
  const client = { born: scope.client.birthDate, competent };
  let actor: Actor = Actor.client;
  if (relationId !== null) {
    const kind = await relationsOfScope(scope).kindOf(relationId);
    const persons = await personsOn(scope, on);
    const person = persons.find((p) => p.id === relationId);
    actor = kind !== undefined && OWN_RULE_ACTORS[kind] !== undefined
      ? OWN_RULE_ACTORS[kind]
      : person === undefined ? Actor.thirdParty : actorOfStanding(personStandingOn(person, persons, client, on));
  }
  // The young person's consent (16+) per parent and part, given in the portal (src/portal/rights; 001; Jeugdwet 7.3.11).
  const consentedParts = relationId === null ? [] : await consentedPartsOfScope(scope, relationId, on);
  const consentGiven = consentedParts.includes('dossier');
  const question = await withPeopleOf(scope, relationId, { on, client, actor, action: Action.inspect, facts });
  const rest: Omit<DecideInput, 'action' | 'part'> = {
    on: question.on, client: question.client, actor: question.actor,
    ...(question.persons === undefined ? {} : { persons: question.persons }), ...(question.facts === undefined ? {} : { facts: question.facts }),
  };
  return { reader: { actor, relationId, consentGiven }, question: rest, consentedParts };
}

/** A client-bound scope for the door's own questions, from the facts it loaded. */
function factsScope(tx: Queryable, facts: { id: string; organisation_id: string; birth_date: string; wrapped_key: Buffer | null; restricted: boolean }, now: Date,
  touch: (ids: readonly string[]) => void = () => undefined): ClientBoundScope {
  return {
    [SCOPE_TX]: tx,
    client: { id: facts.id, organisationId: facts.organisation_id, birthDate: facts.birth_date },
    now,
    preloaded: { wrappedKey: facts.wrapped_key, processingRestricted: facts.restricted },
    touch,
  };
}

/**
 * Whether the person may have a portal account today, by the engine (`decidePortalStanding`) — for the professional's
 * invitation (the client scope's work) and the invitation's completion.
 */
export async function portalStandingOf(scope: ClientBoundScope, relationId: string | null): Promise<PortalStandingAnswer> {
  const person = await portalPersonOn(scope, relationId, calendarDate(scope.now));
  const decision = decidePortalStanding(person.question);
  return { allowed: decision.outcome === Outcome.allow, explanation: decision.explanation, basis: decision.basis };
}

/**
 * An invitation link opened or completed (gate.ts subject `portal-invitation`): one row per attempt, the portal account
 * as the user and the inviting employee as the responsible one; a refused attempt's row in its own transaction.
 */
export async function enterPortalInvitation<T>(db: Database, ctx: PublicContext, act: 'open' | 'complete', work: (scope: PortalInvitationScope) => Promise<T>): Promise<T> {
  const rows: AccessLogRow[] = [];
  const attempted = (invitee: PortalInvitee, allowed: boolean, standing?: PortalStandingAnswer): void => {
    rows.push(rowOf({ kind: 'public', ctx, organisationId: invitee.organisationId, employeeId: invitee.accountId, employeeRole: portalRole(invitee.relationId === null ? 'client' : 'relation') }, {
      clientId: invitee.clientId, action: `portal-invitation-${act}`, part: 'administrative-data', actingForId: invitee.invitedBy,
      outcome: allowed ? AccessOutcome.allowed : AccessOutcome.denied,
      decision: { basis: allowed ? AccessBasis.legalDuty : AccessBasis.none, citations: standing?.basis ?? [] },
    }));
  };
  try {
    return await db.transaction(async (tx) => {
      const value = await work({
        [SCOPE_TX]: tx, now: ctx.now, attempted,
        standing: async (invitee) => {
          const facts = await portalClientFacts(tx, invitee.clientId, invitee.organisationId);
          if (facts === undefined) return { allowed: false, explanation: 'Dit dossier bestaat niet meer.', basis: [] };
          return portalStandingOf(factsScope(tx, facts, ctx.now), invitee.relationId);
        },
      });
      await writeInWork(tx, rows);
      return value;
    });
  } catch (error) {
    if (error instanceof AppError && error.status < 500 && rows.length > 0) await writeRefusal(db, rows.map((r) => ({ ...r, outcome: AccessOutcome.denied, basis: AccessBasis.none })));
    throw error;
  }
}

/** The engine's answer for the intent; `byConsentedPart`: it allows only through a part the young person consented to. */
function decideIntent(person: PortalPerson, intent: PortalIntent): Decision & { byConsentedPart?: true } {
  const consented = person.reader.consentGiven || person.consentedParts.includes((intent.part ?? 'dossier') as Part);
  const facts = [...person.question.facts ?? [], ...(consented ? [Fact.consentGiven] : [])];
  if (ENGINE_ACTIONS.has(intent.action)) {
    const whole = decide({ ...person.question, facts, action: intent.action as Action, part: (intent.part ?? 'dossier') as Part });
    if (whole.outcome === Outcome.allow || intent.byPart !== true) return whole;
    // The work decides each entry by its own part (the portal's dossier view): a part the young person consented to for
    // this person, allowed by the engine with the consent for that part only, lets them in; the view withholds the rest.
    const withConsent = [...person.question.facts ?? [], Fact.consentGiven];
    for (const part of person.consentedParts) {
      const decision = decide({ ...person.question, facts: withConsent, action: intent.action as Action, part });
      if (decision.outcome === Outcome.allow) return { ...decision, byConsentedPart: true };
    }
    return whole;
  }
  return decidePortalStanding({ ...person.question, facts });
}

function readerAction(intent: PortalIntent): PortalReader['action'] {
  return intent.action === 'copy' ? 'copy' : intent.action === 'general-information' ? 'general-information' : 'inspect';
}

function portalNotFound(): AppError {
  return notFound('Dit dossier of dit onderdeel bestaat niet of hoort niet bij uw account.', 'This dossier or item does not exist or does not belong to your account.');
}

/** Runs the portal user's work on their own dossier, decided by the engine for that person today, and logged. */
export async function enterPortal<T>(
  db: Database, ctx: PortalContext, clientId: string | undefined, intent: PortalIntent, work: (scope: PortalScope) => Promise<T>,
): Promise<T> {
  const part = intent.part ?? 'dossier';
  const line = (outcome: AccessOutcome, decision?: PortalDecision | { basis: AccessBasis; citations: readonly string[] }, entryIds: readonly string[] = [], cid: string | null = ctx.account.clientId) =>
    rowOf({ kind: 'portal', ctx }, {
      clientId: cid, action: intent.action, part, outcome, entryIds,
      ...(decision === undefined ? {} : { decision: { basis: decision.basis as AccessBasis, citations: decision.citations as PortalDecision['citations'] } }),
    });
  if (clientId !== undefined && clientId !== ctx.account.clientId) {
    await writeRefusal(db, [line(AccessOutcome.notFound, undefined, [], null)]);
    throw portalNotFound();
  }
  let decided: PortalDecision | undefined;
  let refusal: { decision: Decision } | undefined;
  try {
    return await db.transaction(async (tx: Queryable) => {
      const facts = await portalClientFacts(tx, ctx.account.clientId, ctx.account.organisationId);
      if (facts === undefined) return Promise.reject(portalNotFound());
      const touched = new Set<string>();
      const base = factsScope(tx, facts, ctx.now, (ids) => {
        for (const id of ids) touched.add(id);
      });
      const person = await portalPersonOn(base, ctx.account.relationId, calendarDate(ctx.now));
      const decision = decideIntent(person, intent);
      // The account's own page (`account`: who am I, log out) is open to every live account; it says what the engine
      // answers today but refuses nothing (the person must be able to see why they see nothing).
      if (decision.outcome !== Outcome.allow && intent.action !== 'account') {
        refusal = { decision };
        throw forbidden(decision.explanation, 'Not allowed; see the Dutch explanation and the articles in "basis".', decision.basis);
      }
      decided = {
        allowed: true,
        basis: decision.outcome !== Outcome.allow
          ? AccessBasis.none
          : person.reader.consentGiven || decision.byConsentedPart === true ? AccessBasis.consent : AccessBasis.legalDuty,
        citations: decision.basis, explanation: decision.explanation,
      };
      const scope = {
        ...base,
        account: {
          id: ctx.account.id, kind: ctx.account.kind, relationId: ctx.account.relationId, displayName: ctx.account.displayName,
          ...(ctx.account.clientName === undefined ? {} : { clientName: ctx.account.clientName }),
        },
        // The view asks the engine per entry with the consent for that entry's part only (reader-view.ts `consentedParts`).
        reader: { ...person.reader, action: readerAction(intent), ...(person.consentedParts.length === 0 ? {} : { consentedParts: person.consentedParts }) },
        decision: decided,
      } as unknown as PortalScope;
      const value = await work(scope);
      await writeInWork(tx, [line(AccessOutcome.allowed, decided, [...touched])]);
      return value;
    });
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      if (refusal !== undefined) {
        await writeRefusal(db, [line(AccessOutcome.denied, { basis: AccessBasis.none, citations: refusal.decision.basis })]);
      } else if (error.status === 404 && decided === undefined) {
        await writeRefusal(db, [line(AccessOutcome.notFound)]);
      } else {
        await writeRefusal(db, [line(AccessOutcome.denied, decided)]);
      }
    }
    throw error;
  }
}
