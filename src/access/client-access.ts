/**
 * The one way in to client data. `withClientAccess` loads the facts, asks the
 * policy (which asks the rules engine), writes the access log, and only then
 * hands the work a `ClientScope` — in one transaction, so the access and its
 * log row are committed together or not at all. Services that read or change
 * client data take a `ClientScope`, which nothing else can construct.
 */
import type { Queryable, Database } from '../db/database.js';
import { AppError, badRequest, forbidden, notFound } from '../errors.js';
import type { Actor } from '../auth/sessions.js';
import { appendAccessLog, AccessBasis, AccessOutcome, type AccessLogRow } from './access-log.js';
import { appendReadLog } from './log-group-commit.js';
import {
  actorOf, decideAdministration, decideEmployeeAccess, decideLogReview, decideWithoutClient, hidesClientExistence, type AccessIntent, type PolicyDecision,
} from './policy.js';
import type { CareRelation } from '../organisation/employee-roles.js';
import { calendarDate } from '../shared/calendar-date.js';
import { Fact, type Decision } from '../rules/index.js';
import { decidePurpose, PurposeReference } from '../rules/decide-purpose.js';
import { decideEmergencyOpening } from '../rules/decide-emergency.js';
import { auditSampleIncludes, complaintAbout, incidentAbout } from '../registers/purpose-references.js';
import { isCurrentHold } from '../retention/procedure-holds.js';
import { emergencyAccessRoles } from '../organisation/emergency-access-roles.js';
import { decideEmergencyReviewQueue } from '../emergency/emergency-policy.js';

/**
 * The header in which administrative staff name the professional on whose
 * behalf they do an administrative task (NEN 7513: "the responsible user on
 * whose behalf they acted"). Accepted only for a professional of the same
 * organisation with a current care relation with the client.
 */
export const ACTING_FOR_HEADER = 'x-dossierwijzer-acting-for';

/** Where a request came from, for the log. */
export interface RequestContext {
  actor: Actor;
  route: string;
  address: string | null;
  now: Date;
  /** The `x-dossierwijzer-acting-for` header as sent, if it was; checked by `withClientAccess`. */
  actingFor?: string | string[] | undefined;
}

/**
 * Breaking the glass, in two steps (issue 14; 003 §2.2.8). `open` records the
 * grant and shows the emergency summary only; `confirm` is the second, logged
 * confirmation after which the rest of the dossier opens for the grant's time.
 * Both are decided first by the engine (`decideEmergencyOpening`: the
 * organisation's roles, never the application administrator, the client's
 * objection to interns) inside the access transaction.
 */
export type EmergencyStep =
  | { kind: 'open'; record: (tx: Queryable, clientId: string) => Promise<void> }
  /** Confirms this employee's open grant; throws a 4xx AppError when there is none to confirm. */
  | { kind: 'confirm'; confirm: (tx: Queryable, clientId: string) => Promise<void> };

/** What a route adds to its intent: the record its purpose names, a break-the-glass step. */
export interface AccessOptions {
  /** The id of the record `intent.purpose` names (complaint, incident, audit, procedure hold); checked in the access transaction. */
  purposeReference?: string;
  emergency?: EmergencyStep;
}

/** The facts about a client that access decisions need (no care content). */
export interface ClientFacts {
  id: string;
  organisationId: string;
  birthDate: string;
}

const scopeBrand: unique symbol = Symbol('ClientScope');

/** Proof that access to one client was decided and is being logged; only `withClientAccess` makes one. */
export interface ClientScope {
  readonly [scopeBrand]: true;
  readonly tx: Queryable;
  readonly client: ClientFacts;
  readonly actor: Actor;
  readonly decision: PolicyDecision;
  readonly now: Date;
  /**
   * Read with the facts in the same round trip, to spare the hot read path
   * two queries: the wrapped data key (null: destroyed) and whether
   * processing is restricted. As of the start of the access.
   */
  readonly preloaded: { readonly wrappedKey: Buffer | null; readonly processingRestricted: boolean };
  /** Records which entries the work touched, for the log row. */
  touch(entryIds: readonly string[]): void;
}

interface LoadedFacts extends ClientFacts {
  relation: CareRelation | undefined;
  /** The client's current dossier holder: the responsible user an intern works under. */
  holderId: string | null;
  /** Facts recorded on the client that the rules read (e.g. `client-objects-to-interns`). */
  recordedFacts: Fact[];
  /** This employee holds an unexpired, confirmed emergency access to this client (the summary alone opens nothing more). */
  emergency: boolean;
  wrappedKey: Buffer | null;
}

/** The client's facts, the employee's current care relation and emergency access, in one round trip. */
async function loadClientFacts(tx: Queryable, ctx: RequestContext, clientId: string, today: string): Promise<LoadedFacts | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) return undefined;
  const rows = await tx.query<{
    id: string; organisation_id: string; birth_date: string; relation: CareRelation | null; holder_id: string | null; facts: Fact[]; emergency: boolean; wrapped_key: Buffer | null;
  }>(
    `SELECT c.id, c.organisation_id, c.birth_date, (SELECT k.wrapped_key FROM care.client_keys k WHERE k.client_id = c.id) AS wrapped_key,
            (SELECT relation FROM org.care_team t
              WHERE t.employee_id = $3 AND t.client_id = c.id AND t.starts_on <= $4 AND (t.ends_on IS NULL OR t.ends_on >= $4)
              ORDER BY CASE relation WHEN 'holder' THEN 0 WHEN 'member' THEN 1 WHEN 'substitute' THEN 2 ELSE 3 END
              LIMIT 1) AS relation,
            (SELECT t.employee_id FROM org.care_team t
              WHERE t.client_id = c.id AND t.relation = 'holder' AND t.starts_on <= $4 AND (t.ends_on IS NULL OR t.ends_on >= $4)
              ORDER BY t.starts_on DESC, t.employee_id LIMIT 1) AS holder_id,
            ARRAY(SELECT DISTINCT fact FROM org.client_access_facts f WHERE f.client_id = c.id AND f.withdrawn_at IS NULL
                  UNION SELECT 'processing-restricted' FROM org.processing_restrictions p WHERE p.client_id = c.id AND p.ended_at IS NULL) AS facts,
            EXISTS (SELECT 1 FROM org.emergency_accesses g
                     WHERE g.client_id = c.id AND g.employee_id = $3 AND g.started_at <= $5 AND g.expires_at > $5
                       AND g.confirmed_at IS NOT NULL) AS emergency
       FROM formal.clients c WHERE c.id = $1 AND c.organisation_id = $2`,
    [clientId, ctx.actor.organisationId, ctx.actor.employeeId, today, ctx.now],
  );
  const row = rows[0];
  return row === undefined
    ? undefined
    : {
        id: row.id, organisationId: row.organisation_id, birthDate: row.birth_date, relation: row.relation ?? undefined, holderId: row.holder_id,
        recordedFacts: row.facts, emergency: row.emergency, wrappedKey: row.wrapped_key,
      };
}

/** What the log names as the part seen in the first step of breaking the glass. */
export const EMERGENCY_SUMMARY_PART = 'emergency-summary';

function logRow(
  ctx: RequestContext, clientId: string | null, intent: AccessIntent, outcome: AccessLogRow['outcome'], decision: PolicyDecision | undefined,
  entryIds: readonly string[] = [], actingForId: string | null = null,
): AccessLogRow {
  return {
    organisationId: ctx.actor.organisationId,
    employeeId: ctx.actor.employeeId,
    actingForId,
    employeeRole: ctx.actor.role,
    clientId,
    action: intent.action,
    part: intent.part,
    outcome,
    basis: decision?.basis ?? 'none',
    purpose: intent.purpose ?? null,
    citations: decision?.citations ?? [],
    entryIds,
    route: ctx.route,
    sessionId: ctx.actor.sessionId,
    address: ctx.address,
  };
}

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
  await db.transaction((tx) => appendAccessLog(tx, [logRow(ctx, null, intent, AccessOutcome.denied, undefined)]));
  throw problem;
}

/** Whether `employeeId` may be named as the responsible user for this client: same organisation, a current care relation. */
async function isResponsibleFor(tx: Queryable, organisationId: string, clientId: string, employeeId: string, today: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM org.care_team t JOIN org.employees e ON e.id = t.employee_id
      WHERE t.client_id = $1 AND t.employee_id = $2 AND e.organisation_id = $3 AND e.active
        AND t.relation IN ('holder', 'member', 'substitute') AND t.starts_on <= $4 AND (t.ends_on IS NULL OR t.ends_on >= $4)
      LIMIT 1`, [clientId, employeeId, organisationId, today]);
  return rows.length > 0;
}

/**
 * Decides, logs and runs `work` for one client, all in one transaction.
 * Throws 404 when the client does not exist in the caller's organisation,
 * 403 with the engine's explanation when the policy refuses; both are logged.
 * For a role that knows clients only through its care relations
 * (`hidesClientExistence`), a missing or foreign client gets the very 403 an
 * own client without relation gets (`decideWithoutClient`).
 * @example
 * const page = await withClientAccess(db, ctx, clientId, { action: 'read', part: 'dossier' },
 *   (scope) => readTimeline(scope, masterKey, { limit: 50 }));
 */
export async function withClientAccess<T>(
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
      await db.transaction((tx) => appendAccessLog(tx, [row(ctx, clientId, loggedIntent, AccessOutcome.denied, decided, [], actingForId)]));
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
      const log = (rows: readonly AccessLogRow[]) => (readOnly ? appendReadLog(db, rows) : appendAccessLog(tx, rows));
      const today = calendarDate(ctx.now);
      const facts = await loadClientFacts(tx, ctx, clientId, today);
      // A role that knows clients only through its care relations gets, for an id it cannot reach, the same
      // refusal whether the client is missing, of another organisation or of its own (no existence leak).
      // Breaking the glass is the exception: it cannot pretend to open what is not there; it is reviewed anyway.
      const uniform = hidesClientExistence(ctx.actor.role) && emergencyStep === undefined ? decideWithoutClient(ctx.actor.role, intent, today) : undefined;
      if (facts === undefined) {
        if (uniform !== undefined && !uniform.allowed) {
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
      const outsideReach = uniform !== undefined && !uniform.allowed && !emergency && actor === 'employee-without-relation';
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
        if (!verdict.allowed) return refuse(outsideReach ? uniform : verdict);
      }

      // An intern stays an intern in an emergency (000: the objection has no emergency exception).
      const engineRelation: CareRelation | undefined = emergency && ctx.actor.role === 'intern' && relation === undefined ? 'intern' : relation;
      const clientFacts = emergency ? [...recordedFacts, Fact.emergency] : recordedFacts;
      const engine = emergencyDecision ?? decideEmployeeAccess({
        role: ctx.actor.role, relation: engineRelation, intent, clientBorn: client.birthDate, today, clientFacts,
        actingForInvolvedProfessional: claimed !== undefined && actingForId === claimed,
        actingForHolder: claimed !== undefined && actingForId === claimed && claimed === holderId,
      });
      const decision = !engine.allowed && outsideReach ? uniform : engine;
      if (!decision.allowed) return refuse(decision);
      const touched: string[] = [];
      const scope: ClientScope = {
        [scopeBrand]: true, tx, client, actor: ctx.actor, decision, now: ctx.now,
        preloaded: { wrappedKey, processingRestricted: recordedFacts.includes(Fact.processingRestricted) },
        touch: (ids) => { touched.push(...ids); },
      };
      decided = decision;
      const value = await work(scope);
      await log([row(ctx, client.id, loggedIntent, AccessOutcome.allowed, decision, touched, actingForId)]);
      return { kind: 'ok', value };
    });
  }
}

/** Logs access to several clients at once (a list view), after the caller filtered them by policy. */
export async function logListAccess(tx: Queryable, ctx: RequestContext, clientIds: readonly string[], intent: AccessIntent, decision: PolicyDecision): Promise<void> {
  await appendAccessLog(tx, clientIds.map((id) => logRow(ctx, id, intent, AccessOutcome.allowed, decision)));
}

/**
 * What registration found: a new client, or a client of the organisation
 * that already has this BSN (nothing written).
 */
export type RegistrationOutcome = { kind: 'created'; clientId: string } | { kind: 'duplicate'; clientId: string; refusal: AppError };

/**
 * Registers a new client through the policy and the log: the log row names the
 * new client, in the same transaction as its creation.
 *
 * A BSN that is already registered tells the caller that this person is a
 * client of the organisation: that is a look at the client's administrative
 * data, so it is decided and logged as one, against that client (issue 13:
 * it shows in "who saw this dossier" and, without a care relation, in the
 * unusual-access report). Then the work's refusal is thrown; nothing is
 * written but the log row.
 */
export async function withRegistration(
  db: Database, ctx: RequestContext, clientBorn: string, work: (tx: Queryable) => Promise<RegistrationOutcome>,
): Promise<string> {
  const intent: AccessIntent = { action: 'register', part: 'administrative-data' };
  const today = calendarDate(ctx.now);
  const decision = decideEmployeeAccess({ role: ctx.actor.role, relation: undefined, intent, clientBorn, today });
  if (!decision.allowed) {
    await db.transaction((tx) => appendAccessLog(tx, [logRow(ctx, null, intent, AccessOutcome.denied, decision)]));
    throw forbidden(decision.explanationNl, decision.explanationEn, decision.citations);
  }
  let outcome: RegistrationOutcome;
  try {
    outcome = await db.transaction(async (tx) => {
      const result = await work(tx);
      if (result.kind === 'created') {
        await appendAccessLog(tx, [logRow(ctx, result.clientId, intent, AccessOutcome.allowed, decision)]);
        return result;
      }
      const existing = await loadClientFacts(tx, ctx, result.clientId, today);
      if (existing === undefined) throw new Error('duplicate client vanished inside its own transaction');
      const seen: AccessIntent = { action: 'read', part: 'administrative-data' };
      const look = decideEmployeeAccess({
        role: ctx.actor.role, relation: existing.relation, intent: seen, clientBorn: existing.birthDate, today, clientFacts: existing.recordedFacts,
      });
      await appendAccessLog(tx, [logRow(ctx, result.clientId, seen, look.allowed ? AccessOutcome.allowed : AccessOutcome.denied, look)]);
      return result;
    });
  } catch (error) {
    // A registration refused by the work says something about a client: log the attempt.
    if (error instanceof AppError && error.status < 500) {
      await db.transaction((tx) => appendAccessLog(tx, [logRow(ctx, null, intent, AccessOutcome.denied, decision)]));
    }
    throw error;
  }
  if (outcome.kind === 'duplicate') throw outcome.refusal;
  return outcome.clientId;
}

/**
 * Lists clients: `candidates` proposes, the policy decides per client, and
 * every client shown is logged. The facts recorded on the candidates (an
 * objection to interns, a processing restriction) are read in one query for
 * the whole page, so the engine decides each client on the same facts as
 * `withClientAccess` does — an intern never sees, in a list or a search, a
 * client who objected to interns (issue 13).
 */
export async function withClientList<T extends { birthDate: string; relation: string | null }>(
  db: Database, ctx: RequestContext, candidates: (tx: Queryable) => Promise<T[]>,
  clientIdOf: (candidate: T) => string = (candidate) => (candidate as T & { id: string }).id,
): Promise<T[]> {
  const intent: AccessIntent = { action: 'read', part: 'administrative-data' };
  const today = calendarDate(ctx.now);
  return db.transaction(async (tx) => {
    const shown: T[] = [];
    const rows: AccessLogRow[] = [];
    const proposed = await candidates(tx);
    const recorded = await recordedFactsOf(tx, [...new Set(proposed.map(clientIdOf))]);
    for (const candidate of proposed) {
      const decision = decideEmployeeAccess({
        role: ctx.actor.role, relation: (candidate.relation ?? undefined) as CareRelation | undefined, intent, clientBorn: candidate.birthDate, today,
        clientFacts: recorded.get(clientIdOf(candidate)) ?? [],
      });
      if (!decision.allowed) continue;
      shown.push(candidate);
      rows.push(logRow(ctx, clientIdOf(candidate), intent, AccessOutcome.allowed, decision));
    }
    await appendAccessLog(tx, rows);
    return shown;
  });
}

/** The facts recorded on each of these clients that the rules read (as `loadClientFacts` reads them for one), in one query. */
async function recordedFactsOf(tx: Queryable, clientIds: readonly string[]): Promise<Map<string, Fact[]>> {
  if (clientIds.length === 0) return new Map();
  const rows = await tx.query<{ client_id: string; fact: Fact }>(
    `SELECT DISTINCT f.client_id, f.fact FROM org.client_access_facts f WHERE f.client_id = ANY($1::uuid[]) AND f.withdrawn_at IS NULL
     UNION SELECT DISTINCT p.client_id, 'processing-restricted' FROM org.processing_restrictions p WHERE p.client_id = ANY($1::uuid[]) AND p.ended_at IS NULL`,
    [clientIds]);
  const facts = new Map<string, Fact[]>();
  for (const row of rows) facts.set(row.client_id, [...facts.get(row.client_id) ?? [], row.fact]);
  return facts;
}

/**
 * The privacy officer's organisation-wide views (review queue, unusual-access
 * report): allowed only to the appointed reviewer, and every client the view
 * shows is logged as access to that client's data.
 */
export function withLogReview<T>(db: Database, ctx: RequestContext, work: (tx: Queryable) => Promise<{ value: T; clientIds: readonly string[] }>): Promise<T> {
  return withReview(db, ctx, decideLogReview(ctx.actor.role), work);
}

/**
 * The emergency-review queue: the privacy officer's for everyone's emergency
 * access but a privacy officer's own, a manager's for the privacy officer's
 * (nobody reviews their own; `emergency/emergency-policy.ts`). Logged like
 * the log review: one row per client shown, a refusal from the work too.
 */
export function withEmergencyReview<T>(db: Database, ctx: RequestContext, work: (tx: Queryable) => Promise<{ value: T; clientIds: readonly string[] }>): Promise<T> {
  return withReview(db, ctx, decideEmergencyReviewQueue(ctx.actor.role), work);
}

async function withReview<T>(db: Database, ctx: RequestContext, decision: PolicyDecision, work: (tx: Queryable) => Promise<{ value: T; clientIds: readonly string[] }>): Promise<T> {
  const intent: AccessIntent = { action: 'review-log', part: 'dossier' };
  if (!decision.allowed) {
    await db.transaction((tx) => appendAccessLog(tx, [logRow(ctx, null, intent, AccessOutcome.denied, decision)]));
    throw forbidden(decision.explanationNl, decision.explanationEn, decision.citations);
  }
  try {
    return await db.transaction(async (tx) => {
      const { value, clientIds } = await work(tx);
      await appendAccessLog(tx, [...new Set(clientIds)].map((id) => logRow(ctx, id, intent, AccessOutcome.allowed, decision)));
      return value;
    });
  } catch (error) {
    // The work refused (e.g. a review of one's own emergency access): nothing changed, but the attempt is logged.
    if (error instanceof AppError && error.status < 500) {
      const refusal = { ...decision, basis: AccessBasis.none, citations: error.extra.basis ?? [] };
      await db.transaction((tx) => appendAccessLog(tx, [logRow(ctx, null, intent, AccessOutcome.denied, refusal)]));
    }
    throw error;
  }
}

/**
 * Lets only the application administrator through to the administration API
 * (employees, roles, teams). No client data passes there, but a refusal is an
 * attempt to change who may open dossiers, so it goes into the access log like
 * any other refusal.
 */
export async function assertAdministrator(db: Database, ctx: RequestContext): Promise<void> {
  const decision = decideAdministration(ctx.actor.role);
  if (decision.allowed) return;
  await db.transaction((tx) => appendAccessLog(tx, [logRow(ctx, null, { action: 'administer', part: 'administrative-data' }, AccessOutcome.denied, decision)]));
  throw forbidden(decision.explanationNl, decision.explanationEn, decision.citations);
}

/** What work on a family part may touch: the family, its members, and the transaction. */
export interface FamilyScope {
  readonly tx: Queryable;
  readonly familyId: string;
  readonly organisationId: string;
  readonly members: readonly string[];
  readonly actor: Actor;
  readonly now: Date;
}

/**
 * The one way into a family part (003 §2.3.4). The members' own dossiers stay
 * separate and go through `withClientAccess` one by one; the family part is
 * open to an employee whom the engine lets in for at least one member (the
 * professional working with the family), and every access is logged once per
 * member, because the family part concerns each of them.
 */
export function withFamilyAccess<T>(db: Database, ctx: RequestContext, familyId: string, intent: AccessIntent, work: (scope: FamilyScope) => Promise<T>): Promise<T> {
  return withFamilyDecision(db, ctx, intent, false, async (tx) => {
    if (!/^[0-9a-f-]{36}$/i.test(familyId)) return undefined;
    const family = await tx.query('SELECT 1 FROM formal.families WHERE id = $1 AND organisation_id = $2', [familyId, ctx.actor.organisationId]);
    if (family.length === 0) return undefined;
    const members = await tx.query<{ client_id: string }>('SELECT client_id FROM formal.family_members WHERE family_id = $1 ORDER BY added_at, client_id', [familyId]);
    return { familyId, members: members.map((m) => m.client_id) };
  }, work);
}

/**
 * Links dossiers into a new family, or new members into one: only when the
 * engine lets the employee record in every one of those dossiers (you link
 * what you work on). Logged per member.
 */
export function withFamilyLinking<T>(db: Database, ctx: RequestContext, familyId: string, memberIds: readonly string[], work: (scope: FamilyScope) => Promise<T>): Promise<T> {
  return withFamilyDecision(db, ctx, { action: 'record', part: 'dossier' }, true, async (tx) => {
    for (const clientId of memberIds) {
      if (!/^[0-9a-f-]{36}$/i.test(clientId)) return undefined;
    }
    const found = await tx.query<{ id: string }>('SELECT id FROM formal.clients WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [ctx.actor.organisationId, [...memberIds]]);
    if (found.length !== new Set(memberIds).size || memberIds.length === 0) return undefined;
    return { familyId, members: [...new Set(memberIds)] };
  }, work);
}

async function withFamilyDecision<T>(
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
          reason?.citations ?? ['BW 7:457'],
        );
      }
      const value = await work({ tx, familyId, organisationId: ctx.actor.organisationId, members, actor: ctx.actor, now: ctx.now });
      const basis = allowed[0]!.decision;
      await appendAccessLog(tx, members.map((clientId) => logRow(ctx, clientId, intent, AccessOutcome.allowed, basis)));
      return value;
    });
  } catch (error) {
    // The refusal, or a 4xx from the work, is logged in its own transaction (the first one rolled back).
    if (error instanceof AppError && error.status < 500) {
      await db.transaction((tx) => appendAccessLog(tx, denied.length > 0 ? denied : [logRow(ctx, null, intent, AccessOutcome.denied, undefined)]));
    }
    throw error;
  }
}
