/**
 * The one way in to client data. `withClientAccess` loads the facts, asks the
 * policy (which asks the rules engine), writes the access log, and only then
 * hands the work a `ClientScope` — in one transaction, so the access and its
 * log row are committed together or not at all. Services that read or change
 * client data take a `ClientScope`, which nothing else can construct.
 */
import type { Queryable, Database } from '../db/database.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { Actor } from '../auth/sessions.js';
import { appendAccessLog, AccessOutcome, type AccessLogRow } from './access-log.js';
import { decideEmployeeAccess, decideLogReview, type AccessIntent, type PolicyDecision } from './policy.js';
import type { CareRelation } from '../organisation/employee-roles.js';
import { calendarDate } from '../shared/calendar-date.js';
import { Fact } from '../rules/index.js';

/** Where a request came from, for the log. */
export interface RequestContext {
  actor: Actor;
  route: string;
  address: string | null;
  now: Date;
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
  /** Records which entries the work touched, for the log row. */
  touch(entryIds: readonly string[]): void;
}

interface LoadedFacts extends ClientFacts {
  relation: CareRelation | undefined;
  /** Facts recorded on the client that the rules read (e.g. `client-objects-to-interns`). */
  recordedFacts: Fact[];
  /** This employee holds an unexpired emergency access to this client. */
  emergency: boolean;
}

/** The client's facts, the employee's current care relation and emergency access, in one round trip. */
async function loadClientFacts(tx: Queryable, ctx: RequestContext, clientId: string, today: string): Promise<LoadedFacts | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) return undefined;
  const rows = await tx.query<{ id: string; organisation_id: string; birth_date: string; relation: CareRelation | null; facts: Fact[]; emergency: boolean }>(
    `SELECT c.id, c.organisation_id, c.birth_date,
            (SELECT relation FROM org.care_team t
              WHERE t.employee_id = $3 AND t.client_id = c.id AND t.starts_on <= $4 AND (t.ends_on IS NULL OR t.ends_on >= $4)
              ORDER BY CASE relation WHEN 'holder' THEN 0 WHEN 'member' THEN 1 WHEN 'substitute' THEN 2 ELSE 3 END
              LIMIT 1) AS relation,
            ARRAY(SELECT DISTINCT fact FROM org.client_access_facts f WHERE f.client_id = c.id AND f.withdrawn_at IS NULL) AS facts,
            EXISTS (SELECT 1 FROM org.emergency_accesses g
                     WHERE g.client_id = c.id AND g.employee_id = $3 AND g.started_at <= $5 AND g.expires_at > $5) AS emergency
       FROM formal.clients c WHERE c.id = $1 AND c.organisation_id = $2`,
    [clientId, ctx.actor.organisationId, ctx.actor.employeeId, today, ctx.now],
  );
  const row = rows[0];
  return row === undefined
    ? undefined
    : {
        id: row.id, organisationId: row.organisation_id, birthDate: row.birth_date, relation: row.relation ?? undefined,
        recordedFacts: row.facts, emergency: row.emergency,
      };
}

function logRow(ctx: RequestContext, clientId: string | null, intent: AccessIntent, outcome: AccessLogRow['outcome'], decision: PolicyDecision | undefined, entryIds: readonly string[] = []): AccessLogRow {
  return {
    organisationId: ctx.actor.organisationId,
    employeeId: ctx.actor.employeeId,
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

type Outcome<T> = { kind: 'ok'; value: T } | { kind: 'not-found' } | { kind: 'denied'; decision: PolicyDecision };

/**
 * Decides, logs and runs `work` for one client, all in one transaction.
 * Throws 404 when the client does not exist in the caller's organisation,
 * 403 with the engine's explanation when the policy refuses; both are logged.
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
): Promise<T> {
  let decided: PolicyDecision | undefined;
  let outcome: Outcome<T>;
  try {
    outcome = await runDecided();
  } catch (error) {
    // The work refused (bad input, a rule of the service): nothing was changed,
    // but the attempt is still logged, in its own transaction.
    if (error instanceof AppError && error.status < 500 && decided !== undefined) {
      await db.transaction((tx) => appendAccessLog(tx, [logRow(ctx, clientId, intent, AccessOutcome.denied, decided)]));
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
  }

  function runDecided(): Promise<Outcome<T>> {
    // A change and its log row share one transaction (both or neither). A read
    // changes nothing, so it needs no BEGIN/COMMIT: its log row is written
    // before the answer leaves, and if that write fails, the request fails.
    const run = intent.action === 'read' && intent.openEmergency === undefined
      ? (work: (tx: Queryable) => Promise<Outcome<T>>) => work(db)
      : (work: (tx: Queryable) => Promise<Outcome<T>>) => db.transaction(work);
    return run(async (tx) => {
      const today = calendarDate(ctx.now);
      const facts = await loadClientFacts(tx, ctx, clientId, today);
      if (facts === undefined) {
        await appendAccessLog(tx, [logRow(ctx, null, intent, AccessOutcome.notFound, undefined)]);
        return { kind: 'not-found' };
      }
      const { relation, recordedFacts, emergency, ...client } = facts;
      // Breaking the glass: the grant is recorded in the same transaction as the access it opens.
      if (intent.openEmergency !== undefined) await intent.openEmergency(tx, client.id);
      const clientFacts = emergency || intent.openEmergency !== undefined ? [...recordedFacts, Fact.emergency] : recordedFacts;
      const decision = decideEmployeeAccess({ role: ctx.actor.role, relation, intent, clientBorn: client.birthDate, today, clientFacts });
      if (!decision.allowed) {
        await appendAccessLog(tx, [logRow(ctx, client.id, intent, AccessOutcome.denied, decision)]);
        return { kind: 'denied', decision };
      }
      const touched: string[] = [];
      const scope: ClientScope = {
        [scopeBrand]: true, tx, client, actor: ctx.actor, decision, now: ctx.now,
        touch: (ids) => { touched.push(...ids); },
      };
      decided = decision;
      const value = await work(scope);
      await appendAccessLog(tx, [logRow(ctx, client.id, intent, AccessOutcome.allowed, decision, touched)]);
      return { kind: 'ok', value };
    });
  }
}

/** Logs access to several clients at once (a list view), after the caller filtered them by policy. */
export async function logListAccess(tx: Queryable, ctx: RequestContext, clientIds: readonly string[], intent: AccessIntent, decision: PolicyDecision): Promise<void> {
  await appendAccessLog(tx, clientIds.map((id) => logRow(ctx, id, intent, AccessOutcome.allowed, decision)));
}

/**
 * Registers a new client through the policy and the log: the log row names the
 * new client, in the same transaction as its creation.
 */
export async function withRegistration(db: Database, ctx: RequestContext, clientBorn: string, work: (tx: Queryable) => Promise<string>): Promise<string> {
  const intent: AccessIntent = { action: 'register', part: 'administrative-data' };
  const decision = decideEmployeeAccess({ role: ctx.actor.role, relation: undefined, intent, clientBorn, today: calendarDate(ctx.now) });
  if (!decision.allowed) {
    await db.transaction((tx) => appendAccessLog(tx, [logRow(ctx, null, intent, AccessOutcome.denied, decision)]));
    throw forbidden(decision.explanationNl, decision.explanationEn, decision.citations);
  }
  try {
    return await db.transaction(async (tx) => {
      const clientId = await work(tx);
      await appendAccessLog(tx, [logRow(ctx, clientId, intent, AccessOutcome.allowed, decision)]);
      return clientId;
    });
  } catch (error) {
    // A refused registration (e.g. a BSN already registered) says something about a client: log the attempt.
    if (error instanceof AppError && error.status < 500) {
      await db.transaction((tx) => appendAccessLog(tx, [logRow(ctx, null, intent, AccessOutcome.denied, decision)]));
    }
    throw error;
  }
}

/**
 * Lists clients: `candidates` proposes, the policy decides per client, and
 * every client shown is logged.
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
    for (const candidate of await candidates(tx)) {
      const decision = decideEmployeeAccess({ role: ctx.actor.role, relation: (candidate.relation ?? undefined) as CareRelation | undefined, intent, clientBorn: candidate.birthDate, today });
      if (!decision.allowed) continue;
      shown.push(candidate);
      rows.push(logRow(ctx, clientIdOf(candidate), intent, AccessOutcome.allowed, decision));
    }
    await appendAccessLog(tx, rows);
    return shown;
  });
}

/**
 * The privacy officer's organisation-wide views (review queue, unusual-access
 * report): allowed only to the appointed reviewer, and every client the view
 * shows is logged as access to that client's data.
 */
export async function withLogReview<T>(db: Database, ctx: RequestContext, work: (tx: Queryable) => Promise<{ value: T; clientIds: readonly string[] }>): Promise<T> {
  const intent: AccessIntent = { action: 'review-log', part: 'dossier' };
  const decision = decideLogReview(ctx.actor.role);
  if (!decision.allowed) {
    await db.transaction((tx) => appendAccessLog(tx, [logRow(ctx, null, intent, AccessOutcome.denied, decision)]));
    throw forbidden(decision.explanationNl, decision.explanationEn, decision.citations);
  }
  return db.transaction(async (tx) => {
    const { value, clientIds } = await work(tx);
    await appendAccessLog(tx, [...new Set(clientIds)].map((id) => logRow(ctx, id, intent, AccessOutcome.allowed, decision)));
    return value;
  });
}
