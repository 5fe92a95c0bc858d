/**
 * The gate's handlers for client subjects (gate.ts): one existing client, a
 * list of clients, a new client. Each loads the facts (client-access.ts), asks
 * the policy (which asks the rules engine) and writes its log rows through
 * gate-log.ts; no legal condition lives here.
 */
import { SCOPE_TX } from '../db/scope-tx.js';
import type { Database, Queryable } from '../db/database.js';
import { AppError, badRequest, forbidden, notFound } from '../errors.js';
import type { AccessLogRow } from './access-log.js';
import { AccessBasis, AccessOutcome, sessionRow, writeInWork, writeRead, writeRefusal } from './gate-log.js';
import {
  actorOf, decideEmployeeAccess, decideWithoutClient, hidesClientExistence, type AccessIntent, type PolicyDecision,
} from './policy.js';
import type { CareRelation } from '../organisation/employee-roles.js';
import { calendarDate } from '../shared/calendar-date.js';
import { Fact, type Decision } from '../rules/index.js';
import { decidePurpose, PurposeReference } from '../rules/decide-purpose.js';
import { decideEmergencyOpening } from '../rules/decide-emergency.js';
import { auditSampleIncludes, complaintAbout, incidentAbout } from '../registers/register-store.js';
import { isCurrentHold } from '../retention/procedure-holds.js';
import { emergencyAccessRoles } from '../organisation/emergency-access-roles.js';
import { isResponsibleFor, loadClientFacts, recordedFactsOf } from './client-access.js';
import {
  ACTING_FOR_HEADER, CLIENT_EXISTENCE_PART, EMERGENCY_SUMMARY_PART, FIND_FOR_EMERGENCY_PURPOSE,
  type AccessOptions, type ClientScope, type ListCandidate, type ListScope, type NewClientScope, type RegistrationOutcome, type RequestContext,
} from './gate-scope.js';

const logRow = sessionRow;

/** The engine's decision as the access layer needs it; `basisIfAllowed` for the log. */
function policyOf(decision: Decision, basisIfAllowed: AccessBasis): PolicyDecision {
  const allowed = decision.outcome === 'allow';
  return {
    allowed, basis: allowed ? basisIfAllowed : AccessBasis.none, citations: decision.basis, explanationNl: decision.explanation,
    explanationEn: allowed ? 'Allowed.' : 'Not allowed; see the Dutch explanation and the articles in "basis".', rule: decision.rule,
  };
}

/**
 * Whether the record a purpose names exists and is about this client, in this
 * organisation (issue 14: purposes are references). Each register answers for
 * its own table.
 */
async function referenceFound(tx: Queryable, purpose: NonNullable<AccessIntent['purpose']>, organisationId: string, clientId: string, reference: string, today: string): Promise<boolean> {
  switch (purpose) {
    case 'complaint':
      return complaintAbout(tx, organisationId, clientId, reference);
    case 'incident':
      return incidentAbout(tx, organisationId, clientId, reference);
    case 'quality-control':
      return auditSampleIncludes(tx, organisationId, clientId, reference, today);
    case 'legal-claims':
      return isCurrentHold(tx, organisationId, clientId, reference);
  }
}

type Outcome<T> = { kind: 'ok'; value: T } | { kind: 'not-found' } | { kind: 'denied'; decision: PolicyDecision } | { kind: 'bad-acting-for' };

function actingForRefused(detailNl: string, detailEn: string): AppError {
  return badRequest('invalid-acting-for', ACTING_FOR_HEADER, detailNl, detailEn);
}

/**
 * The professional named in the acting-for header, checked for form and for
 * the caller's role: only administrative staff act on behalf of a
 * professional; everyone else acts on their own responsibility (an intern
 * under the holder's, which the log fills in itself). Throws 400, logged.
 */
async function claimedActingFor(db: Database, ctx: RequestContext, intent: AccessIntent): Promise<string | undefined> {
  const raw = ctx.actingFor;
  if (raw === undefined) return undefined;
  let problem: AppError | undefined;
  if (ctx.actor.role !== 'admin-staff') {
    problem = actingForRefused(
      'Alleen administratieve medewerkers geven aan namens welke hulpverlener zij werken. U werkt op eigen verantwoordelijkheid; laat deze kop weg.',
      'Only administrative staff name the professional they act for. You act on your own responsibility; leave this header out.');
  } else if (typeof raw !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(raw)) {
    problem = actingForRefused('Noem één medewerker, met zijn of haar id.', 'Name one employee, by id.');
  }
  if (problem === undefined) return (raw as string).toLowerCase();
  await writeRefusal(db, [logRow(ctx, null, intent, AccessOutcome.denied, undefined)]);
  throw problem;
}

/**
 * The client subject: decides, logs and runs `work` for one client, all in one
 * transaction (a read: without BEGIN/COMMIT, its row group-committed).
 * Throws 404 when the client does not exist in the caller's organisation,
 * 403 with the engine's explanation when the policy refuses; both are logged.
 * For a role that knows clients only through its care relations
 * (`hidesClientExistence`), a missing or foreign client gets the very 403 an
 * own client without relation gets (`decideWithoutClient`).
 * @example
 * const page = await enter(db, ctx, { kind: 'client', clientId }, { action: 'read', part: 'dossier' },
 *   (scope) => readTimeline(scope, masterKey, { limit: 50 }));
 */
export async function enterClient<T>(
  db: Database,
  ctx: RequestContext,
  clientId: string,
  intent: AccessIntent,
  work: (scope: ClientScope) => Promise<T>,
  options: AccessOptions = {},
): Promise<T> {
  const emergencyStep = options.emergency;
  const purposeReference = intent.purpose === undefined ? null : options.purposeReference ?? null;
  // Every row of this access carries the reference its purpose named (what was claimed, also when refused).
  const row = (...args: Parameters<typeof logRow>): AccessLogRow => ({ ...logRow(...args), purposeReference });
  // The first step of breaking the glass shows the emergency summary only: the log says so.
  const loggedIntent: AccessIntent = emergencyStep?.kind === 'open' ? { ...intent, part: EMERGENCY_SUMMARY_PART as AccessIntent['part'] } : intent;
  let decided: PolicyDecision | undefined;
  let actingForId: string | null = null;
  let outcome: Outcome<T>;
  const claimed = await claimedActingFor(db, ctx, intent);
  try {
    outcome = await runDecided();
  } catch (error) {
    // The work refused (bad input, a rule of the service): nothing was changed,
    // but the attempt is still logged, in its own transaction.
    if (error instanceof AppError && error.status < 500 && decided !== undefined) {
      await writeRefusal(db, [row(ctx, clientId, loggedIntent, AccessOutcome.denied, decided, [], actingForId)]);
    }
    throw error;
  }
  switch (outcome.kind) {
    case 'ok':
      return outcome.value;
    case 'not-found':
      throw notFound('Deze cliënt bestaat niet of valt buiten uw organisatie.', 'This client does not exist or is outside your organisation.');
    case 'denied':
      throw forbidden(outcome.decision.explanationNl, outcome.decision.explanationEn, outcome.decision.citations);
    case 'bad-acting-for':
      throw actingForRefused(
        'De medewerker namens wie u werkt, moet in uw organisatie werken en nu bij de hulp aan deze cliënt betrokken zijn.',
        'The employee you act for must work in your organisation and be involved in this client\'s care now.');
  }

  function runDecided(): Promise<Outcome<T>> {
    // A change and its log row share one transaction (both or neither). A read
    // changes nothing, so it needs no BEGIN/COMMIT: its log row is written
    // before the answer leaves, and if that write fails, the request fails.
    // Its log row is group-committed with those of other reads (log-group-commit.ts).
    const readOnly = intent.action === 'read' && emergencyStep === undefined;
    const run = readOnly
      ? (work: (tx: Queryable) => Promise<Outcome<T>>) => work(db)
      : (work: (tx: Queryable) => Promise<Outcome<T>>) => db.transaction(work);
    return run(async (tx) => {
      const log = (rows: readonly AccessLogRow[]) => (readOnly ? writeRead(db, rows) : writeInWork(tx, rows));
      const today = calendarDate(ctx.now);
      const facts = await loadClientFacts(tx, ctx, clientId, today);
      // A role that knows clients only through its care relations gets, for an id it cannot reach, the same
      // refusal whether the client is missing, of another organisation or of its own (no existence leak).
      // Breaking the glass is the exception: it cannot pretend to open what is not there; it is reviewed anyway.
      // Decided only when needed (issue 18): most reads are of an own client, and the engine's second run cost as
      // much as the first.
      const hides = hidesClientExistence(ctx.actor.role) && emergencyStep === undefined;
      let uniformDecided: PolicyDecision | undefined;
      const uniformRefusal = (): PolicyDecision | undefined => {
        if (!hides) return undefined;
        uniformDecided ??= decideWithoutClient(ctx.actor.role, intent, today);
        return uniformDecided.allowed ? undefined : uniformDecided;
      };
      if (facts === undefined) {
        const uniform = uniformRefusal();
        if (uniform !== undefined) {
          await log([row(ctx, null, loggedIntent, AccessOutcome.notFound, uniform)]);
          return { kind: 'denied', decision: uniform };
        }
        await log([row(ctx, null, loggedIntent, AccessOutcome.notFound, undefined)]);
        return { kind: 'not-found' };
      }
      const { relation, holderId, recordedFacts, emergency, wrappedKey, ...client } = facts;
      // NEN 7513: the responsible user. An intern works under the dossier holder's responsibility; administrative
      // staff may name the professional they act for, if that professional is involved in this client's care.
      if (claimed !== undefined) {
        if (!(await isResponsibleFor(tx, client.organisationId, client.id, claimed, today))) {
          await log([row(ctx, client.id, loggedIntent, AccessOutcome.denied, undefined)]);
          return { kind: 'bad-acting-for' };
        }
        actingForId = claimed;
      } else if (actorOf(ctx.actor.role, relation) === 'intern') {
        actingForId = holderId;
      }
      const actor = actorOf(ctx.actor.role, relation);
      const uniform = !emergency && actor === 'employee-without-relation' ? uniformRefusal() : undefined;
      const refuse = async (decision: PolicyDecision): Promise<Outcome<T>> => {
        await log([row(ctx, client.id, loggedIntent, AccessOutcome.denied, decision, [], actingForId)]);
        return { kind: 'denied', decision };
      };

      // Breaking the glass (both steps): the engine decides whether this employee may, in this organisation,
      // for this client; the grant (or its confirmation) is written in the same transaction as its log row.
      let emergencyDecision: PolicyDecision | undefined;
      if (emergencyStep !== undefined) {
        emergencyDecision = policyOf(decideEmergencyOpening({
          role: ctx.actor.role, allowedRoles: await emergencyAccessRoles(tx, client.organisationId),
          actsAsIntern: ctx.actor.role === 'intern' || relation === 'intern',
          clientObjectsToInterns: recordedFacts.includes(Fact.clientObjectsToInterns),
        }), AccessBasis.emergency);
        if (!emergencyDecision.allowed) return refuse(emergencyDecision);
        decided = emergencyDecision;
        if (emergencyStep.kind === 'open') await emergencyStep.record(tx, client.id);
        else await emergencyStep.confirm(tx, client.id);
      }

      // A named purpose counts only as a reference to a record about this client (issue 14).
      if (intent.purpose !== undefined && emergencyStep === undefined) {
        let reference: PurposeReference = PurposeReference.missing;
        if (purposeReference !== null) {
          const found = await referenceFound(tx, intent.purpose, client.organisationId, client.id, purposeReference, today);
          reference = found ? PurposeReference.found : PurposeReference.notFound;
        }
        const verdict = policyOf(decidePurpose({ actor, purpose: intent.purpose, reference }), AccessBasis.managementPurpose);
        // Outside a hiding role's reach the answer stays the uniform one: a purpose must not tell which ids exist.
        if (!verdict.allowed) return refuse(uniform ?? verdict);
      }

      // An intern stays an intern in an emergency (000: the objection has no emergency exception).
      const engineRelation: CareRelation | undefined = emergency && ctx.actor.role === 'intern' && relation === undefined ? 'intern' : relation;
      const clientFacts = emergency ? [...recordedFacts, Fact.emergency] : recordedFacts;
      const engine = emergencyDecision ?? decideEmployeeAccess({
        role: ctx.actor.role, relation: engineRelation, intent, clientBorn: client.birthDate, today, clientFacts,
        actingForInvolvedProfessional: claimed !== undefined && actingForId === claimed,
        actingForHolder: claimed !== undefined && actingForId === claimed && claimed === holderId,
      });
      const decision = !engine.allowed && uniform !== undefined ? uniform : engine;
      if (!decision.allowed) return refuse(decision);
      const touched: string[] = [];
      const scope = {
        [SCOPE_TX]: tx, client, actor: ctx.actor, decision, now: ctx.now,
        preloaded: { wrappedKey, processingRestricted: recordedFacts.includes(Fact.processingRestricted) },
        touch: (ids: readonly string[]) => { touched.push(...ids); },
      } as ClientScope; // the one place a ClientScope is made
      decided = decision;
      const value = await work(scope);
      await log([row(ctx, client.id, loggedIntent, AccessOutcome.allowed, decision, touched, actingForId)]);
      return { kind: 'ok', value };
    });
  }
}

/**
 * The new-client subject: registers a new client through the policy and the
 * log; the log row names the new client, in the same transaction as its
 * creation.
 *
 * A BSN that is already registered tells the caller that this person is a
 * client of the organisation: that is a look at the client's administrative
 * data, so it is decided and logged as one, against that client (issue 13:
 * it shows in "who saw this dossier" and, without a care relation, in the
 * unusual-access report). Then the work's refusal is thrown; nothing is
 * written but the log row.
 */
export async function enterNewClient<T>(
  db: Database, ctx: RequestContext, clientBorn: string, work: (scope: NewClientScope) => Promise<T>,
): Promise<T> {
  const intent: AccessIntent = { action: 'register', part: 'administrative-data' };
  const today = calendarDate(ctx.now);
  const decision = decideEmployeeAccess({ role: ctx.actor.role, relation: undefined, intent, clientBorn, today });
  if (!decision.allowed) {
    await writeRefusal(db, [logRow(ctx, null, intent, AccessOutcome.denied, decision)]);
    throw forbidden(decision.explanationNl, decision.explanationEn, decision.citations);
  }
  let outcome: { value: T; registration: RegistrationOutcome };
  try {
    outcome = await db.transaction(async (tx) => {
      let registration: RegistrationOutcome | undefined;
      const value = await work({
        [SCOPE_TX]: tx, actor: ctx.actor, now: ctx.now, decision,
        created: (clientId) => { registration = { kind: 'created', clientId }; },
        duplicate: (clientId, refusal) => { registration = { kind: 'duplicate', clientId, refusal }; },
      });
      if (registration === undefined) throw new Error('registration work said neither created nor duplicate');
      if (registration.kind === 'created') {
        await writeInWork(tx, [logRow(ctx, registration.clientId, intent, AccessOutcome.allowed, decision)]);
        return { value, registration };
      }
      const existing = await loadClientFacts(tx, ctx, registration.clientId, today);
      if (existing === undefined) throw new Error('duplicate client vanished inside its own transaction');
      const seen: AccessIntent = { action: 'read', part: 'administrative-data' };
      const look = decideEmployeeAccess({
        role: ctx.actor.role, relation: existing.relation, intent: seen, clientBorn: existing.birthDate, today, clientFacts: existing.recordedFacts,
      });
      await writeInWork(tx, [logRow(ctx, registration.clientId, seen, look.allowed ? AccessOutcome.allowed : AccessOutcome.denied, look)]);
      return { value, registration };
    });
  } catch (error) {
    // A registration refused by the work says something about a client: log the attempt.
    if (error instanceof AppError && error.status < 500) {
      await writeRefusal(db, [logRow(ctx, null, intent, AccessOutcome.denied, decision)]);
    }
    throw error;
  }
  if (outcome.registration.kind === 'duplicate') throw outcome.registration.refusal;
  return outcome.value;
}

/**
 * The client-list subject: the work proposes candidates and hands them to
 * `scope.admit`, which asks the policy per client and keeps those it may see;
 * every client shown is logged, in the work's transaction. The facts recorded
 * on the candidates (an objection to interns, a processing restriction) are
 * read in one query for the whole page, so the engine decides each client on
 * the same facts as for one client — an intern never sees, in a list or a
 * search, a client who objected to interns (issue 13).
 */
export function enterClientList<T>(db: Database, ctx: RequestContext, work: (scope: ListScope) => Promise<T>): Promise<T> {
  const intent: AccessIntent = { action: 'read', part: 'administrative-data' };
  const today = calendarDate(ctx.now);
  return db.transaction(async (tx) => {
    const rows: AccessLogRow[] = [];
    const scope: ListScope = {
      [SCOPE_TX]: tx, actor: ctx.actor, now: ctx.now,
      admit: async <C extends ListCandidate>(proposed: readonly C[], clientIdOf: (candidate: C) => string): Promise<C[]> => {
        const recorded = await recordedFactsOf(tx, [...new Set(proposed.map(clientIdOf))]);
        const shown: C[] = [];
        for (const candidate of proposed) {
          const decision = decideEmployeeAccess({
            role: ctx.actor.role, relation: (candidate.relation ?? undefined) as CareRelation | undefined, intent, clientBorn: candidate.birthDate, today,
            clientFacts: recorded.get(clientIdOf(candidate)) ?? [],
          });
          if (!decision.allowed) continue;
          shown.push(candidate);
          rows.push(logRow(ctx, clientIdOf(candidate), intent, AccessOutcome.allowed, decision));
        }
        return shown;
      },
      find: async <C extends ListCandidate>(proposed: readonly C[], clientIdOf: (candidate: C) => string) => {
        const recorded = await recordedFactsOf(tx, [...new Set(proposed.map(clientIdOf))]);
        const allowedRoles = proposed.length === 0 ? [] : await emergencyAccessRoles(tx, ctx.actor.organisationId);
        const existence = { action: 'read', part: CLIENT_EXISTENCE_PART, purpose: FIND_FOR_EMERGENCY_PURPOSE };
        const shown: { candidate: C; shown: 'client' | 'existence' }[] = [];
        for (const candidate of proposed) {
          const relation = (candidate.relation ?? undefined) as CareRelation | undefined;
          const clientFacts = recorded.get(clientIdOf(candidate)) ?? [];
          const decision = decideEmployeeAccess({ role: ctx.actor.role, relation, intent, clientBorn: candidate.birthDate, today, clientFacts });
          if (decision.allowed) {
            shown.push({ candidate, shown: 'client' });
            rows.push(logRow(ctx, clientIdOf(candidate), intent, AccessOutcome.allowed, decision));
            continue;
          }
          // Who could break the glass for this client may learn that the client exists, and nothing more.
          const glass = policyOf(decideEmergencyOpening({
            role: ctx.actor.role, allowedRoles, actsAsIntern: ctx.actor.role === 'intern' || relation === 'intern',
            clientObjectsToInterns: clientFacts.includes(Fact.clientObjectsToInterns),
          }), AccessBasis.emergency);
          if (!glass.allowed) continue;
          shown.push({ candidate, shown: 'existence' });
          rows.push(logRow(ctx, clientIdOf(candidate), existence, AccessOutcome.allowed, glass));
        }
        return shown;
      },
    };
    const value = await work(scope);
    await writeInWork(tx, rows);
    return value;
  });
}
