/**
 * The gate's handler for administration (gate.ts): accounts, roles and teams
 * (the application administrator, NEN 7510-2 A.9.2) and privileged role grants
 * awaiting a second person (a manager or the privacy officer). No client data
 * passes here, but every act and every refusal is a row in the hash-chained
 * access log (NEN 7513; NEN 7510-2 A.12.4.3): the administrator's own acts are
 * logged where the administrator cannot change them.
 */
import type { Database, Queryable } from '../db/database.js';
import { SCOPE_TX } from '../db/scope-tx.js';
import { AppError, forbidden } from '../errors.js';
import {
  ADMINISTER_ACTION, ADMINISTER_PART, AdministrationAct, administrationPurpose, type AdministrationDetails,
} from '../organisation/administration-acts.js';
import { decideAccountUse, decidePendingGrantsView } from '../organisation/role-grant-rule.js';
import { decideSettingsChange, decideSettingsView } from '../organisation/organisation-settings-rule.js';
import type { Citation } from '../rules/citations.js';
import { Citation as CitationValue } from '../rules/citations.js';
import type { HoldsTransaction } from '../db/scope-tx.js';
import type { AccessLogRow } from './access-log.js';
import { AccessBasis, AccessOutcome, rowOf, writeInWork, writeRefusal, type LogWho } from './gate-log.js';
import type { AdministrationScope, RequestContext } from './gate-scope.js';
import { decideAdministration, type PolicyDecision } from './policy.js';

export type { AdministrationScope } from './gate-scope.js';

/** Which administration: the accounts API (`/api/admin`), or the second person's side of role grants. */
export const AdministrationArea = {
  accounts: 'accounts', roleGrants: 'role-grants',
  /** The organisation's privacy settings: read (privacy officer, manager) and change (privacy officer); organisation-settings-rule.ts. */
  settings: 'settings', settingsChange: 'settings-change',
} as const;
export type AdministrationArea = (typeof AdministrationArea)[keyof typeof AdministrationArea];

/** What the caller asks: the act (for the refusal's row; none: the whole accounts API) and whom it concerns. */
export interface AdministrationIntent {
  act?: AdministrationAct;
  details?: AdministrationDetails;
}

function decisionFor(area: AdministrationArea, ctx: RequestContext): PolicyDecision {
  switch (area) {
    case AdministrationArea.accounts:
      return decideAdministration(ctx.actor.role);
    case AdministrationArea.roleGrants:
      return decidePendingGrantsView(ctx.actor.role);
    case AdministrationArea.settings:
      return decideSettingsView(ctx.actor.role);
    case AdministrationArea.settingsChange:
      return decideSettingsChange(ctx.actor.role);
  }
}

/** Who did it: a session's employee, or (enrolment) the employee completing their own link without a session. */
export type AdministrationActor =
  | { kind: 'session'; ctx: RequestContext }
  | { kind: 'enrolment'; organisationId: string; employeeId: string; role: string; route: string; address: string | null };

function administrationRow(
  who: AdministrationActor, act: AdministrationAct | undefined, details: AdministrationDetails,
  decision: { outcome?: AccessOutcome; basis?: AccessBasis; citations: readonly Citation[] },
): AccessLogRow {
  const logWho: LogWho = who.kind === 'session'
    ? who
    : { kind: 'public', ctx: { route: who.route, address: who.address, now: new Date(0) }, organisationId: who.organisationId, employeeId: who.employeeId, employeeRole: who.role };
  const outcome = decision.outcome ?? AccessOutcome.allowed;
  return rowOf(logWho, {
    clientId: null, action: ADMINISTER_ACTION, part: ADMINISTER_PART, outcome,
    decision: { basis: decision.basis ?? (outcome === AccessOutcome.allowed ? AccessBasis.legalDuty : AccessBasis.none), citations: decision.citations },
    purpose: act === undefined ? null : administrationPurpose(act, details),
  });
}

/**
 * Appends one administration row inside `tx`, for the acts that have no
 * scope of their own yet: an employee completing their enrolment link (no
 * session), the authentication hook refusing a session whose role awaits
 * approval. Call it as the last step of the act's transaction.
 * @deprecated phase 2: these enter the gate as the administration subject.
 */
export function logAdministration(
  tx: Queryable, who: AdministrationActor, act: AdministrationAct, details: AdministrationDetails,
  decision: { outcome?: AccessOutcome; basis?: AccessBasis; citations: readonly Citation[] },
): Promise<void> {
  return writeInWork(tx, [administrationRow(who, act, details, decision)]);
}

/**
 * The administration subject: decides the area for the caller's role, logs a
 * refusal (the refusal row names the act asked, if the route knows it), runs
 * the work in one transaction and writes a row per act it recorded.
 */
export async function enterAdministration<T>(
  db: Database, ctx: RequestContext, area: AdministrationArea, intent: AdministrationIntent,
  work: (scope: AdministrationScope) => Promise<T>,
): Promise<T> {
  const who: AdministrationActor = { kind: 'session', ctx };
  const decision = decisionFor(area, ctx);
  if (!decision.allowed) {
    await writeRefusal(db, [administrationRow(who, intent.act, intent.details ?? {}, { outcome: AccessOutcome.denied, citations: decision.citations })]);
    throw forbidden(decision.explanationNl, decision.explanationEn, decision.citations);
  }
  let refusal: AccessLogRow | undefined;
  try {
    return await db.transaction(async (tx) => {
      const acts: AccessLogRow[] = [];
      const value = await work({
        [SCOPE_TX]: tx, actor: ctx.actor, now: ctx.now, decision,
        record: (act, details, citations = decision.citations) => { acts.push(administrationRow(who, act, details, { citations })); },
        refuse: (refused, act, details) => {
          refusal = administrationRow(who, act, details, { outcome: AccessOutcome.denied, citations: refused.citations });
          throw forbidden(refused.explanationNl, refused.explanationEn, refused.citations);
        },
      });
      // Log rows last: the chain lock is held from the first append until commit.
      await writeInWork(tx, acts);
      return value;
    });
  } catch (error) {
    if (refusal !== undefined && error instanceof AppError) await writeRefusal(db, [refusal]);
    throw error;
  }
}

/** What an account may do once the gate let it act: nothing on data, so no transaction — just who and when. */
export interface AccountScope {
  readonly actor: RequestContext['actor'];
  readonly now: Date;
}

/**
 * The account subject: may this session's account act at all (decideAccountUse)?
 * A refusal — a privileged role still awaiting its second person — is a row in
 * the hash-chained log and a 403 with the rule's explanation; an account that
 * may act is not logged here (the act it then does is).
 */
export async function enterAccount<T>(db: Database, ctx: RequestContext, rolePending: boolean, work: (scope: AccountScope) => Promise<T>): Promise<T> {
  const decision = decideAccountUse({ role: ctx.actor.role, rolePending });
  if (!decision.allowed) {
    const details = { employee: ctx.actor.employeeId, role: ctx.actor.role };
    await writeRefusal(db, [administrationRow({ kind: 'session', ctx }, AdministrationAct.pendingRoleRefused, details, { outcome: AccessOutcome.denied, citations: decision.citations })]);
    throw new AppError('role-pending', 403, decision.explanationNl, decision.explanationEn, { basis: decision.citations });
  }
  return work({ actor: ctx.actor, now: ctx.now });
}

/** The route the set-up command's rows name: not an HTTP route, the command that wrote them. */
export const SETUP_ROUTE = 'cli setup-organisation';
/** The role the set-up command's rows name: a system actor, no employee (there is none yet to name). */
export const SETUP_ACTOR_ROLE = 'system';

/** Who runs the set-up: the operator named by the command's required `--by`, and when. */
export interface SetupContext {
  operator: string;
  now: Date;
}

/** What the set-up work gets: its transaction behind the scope (for the organisation's store), and a recorder of its acts. */
export interface SetupScope extends HoldsTransaction {
  readonly now: Date;
  /** The operator who ran the command, as the links and the log rows name them. */
  readonly operator: string;
  /** Records an act on the organisation's accounts; the gate writes its row last in the same transaction. */
  record(organisationId: string, act: AdministrationAct, details: AdministrationDetails): void;
}

/**
 * The set-up subject (`dossierwijzer setup-organisation`): an organisation's
 * first accounts, made before there is any employee to act or to approve. The
 * actor is the system, not a session: nothing is decided here (the operator at
 * the console owns the installation; the command refuses an organisation that
 * has accounts already), but every account made is a row in the hash-chained
 * log, written in the work's transaction (both or neither). The row names no
 * employee, role `system`, route `cli setup-organisation`, and in its purpose
 * the act, the account, its role and the operator (`by=`, percent-encoded so
 * the purpose stays `key=value` pairs separated by spaces).
 */
export function enterSetup<T>(db: Database, ctx: SetupContext, work: (scope: SetupScope) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const acts: AccessLogRow[] = [];
    const value = await work({
      [SCOPE_TX]: tx, now: ctx.now, operator: ctx.operator,
      record: (organisationId, act, details) => {
        const who: LogWho = { kind: 'public', ctx: { route: SETUP_ROUTE, address: null, now: ctx.now }, organisationId, employeeId: null, employeeRole: SETUP_ACTOR_ROLE };
        acts.push(rowOf(who, {
          clientId: null, action: ADMINISTER_ACTION, part: ADMINISTER_PART, outcome: AccessOutcome.allowed,
          decision: { basis: AccessBasis.legalDuty, citations: SETUP_CITATIONS },
          purpose: `${administrationPurpose(act, details)} by=${encodeURIComponent(ctx.operator)}`,
        }));
      },
    });
    // Log rows last: the chain lock is held from the first append until commit.
    await writeInWork(tx, acts);
    return value;
  });
}

/** Provisioning accounts (A.9.2), secrets reaching only their owner (A.9.2.4), the four-eyes pair from the start (A.6.1.2). */
const SETUP_CITATIONS: readonly Citation[] = [CitationValue.nen_7510_2_a_9_2, CitationValue.nen_7510_2_a_9_2_4, CitationValue.nen_7510_2_a_6_1_2];
