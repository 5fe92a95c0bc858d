/**
 * The gate (issue 14, "One gate"): the one way in to client data and to every
 * other act the access log records. `enter(db, ctx, subject, intent, work)`
 * takes what the request is about (a client, a list of clients, a new client,
 * a family, a register, the log review, administration, the caller's own
 * things, a download), decides it once — each subject kind by its policy,
 * which asks the rules engine; no legal condition lives here — writes the log
 * rows through its one writer (gate-log.ts), and hands the work a scope bound
 * to that subject and intent, never a bare database.
 *
 * The subject handlers live beside this file (gate-client.ts, gate-family.ts,
 * gate-records.ts, gate-administration.ts, gate-own.ts, gate-download.ts); the
 * scope types in gate-scope.ts. Routes enter through `gatedRoute`
 * (http/gated-route.ts), which names the subject and intent from the request.
 *
 * What each subject keeps from the doors it replaced:
 * - a client: the uniform 403 for roles that know clients only through their
 *   care relations, the acting-for header, purposes as references to a record,
 *   breaking the glass in two steps, a read without BEGIN/COMMIT whose row is
 *   group-committed, a refusal logged in its own transaction;
 * - lists, reviews and registers: one row per client shown or named;
 * - a family: one row per member.
 */
import type { Database } from '../db/database.js';
import type { Register, RegisterAction } from '../registers/register-policy.js';
import {
  enterAccount, enterAdministration, type AccountScope, type AdministrationArea, type AdministrationIntent, type AdministrationScope,
} from './gate-administration.js';
import { enterClient, enterClientList, enterNewClient } from './gate-client.js';
import { enterDownload } from './gate-download.js';
import { enterEnrolment, type EnrolmentScope } from './gate-enrolment.js';
import { enterFamily, enterFamilyLinking } from './gate-family.js';
import { enterOwn, type OwnIntent } from './gate-own.js';
import { enterPortal, enterPortalInvitation } from './gate-portal.js';
import { enterEmergencyReview, enterLogReview, enterRegister } from './gate-records.js';
import type {
  AccessOptions, ClientScope, DownloadScope, FamilyScope, ListScope, NewClientScope, OwnScope, PortalContext, PortalIntent, PortalInvitationScope, PortalScope, PublicContext,
  RecordScope, RequestContext,
} from './gate-scope.js';
import type { AccessIntent } from './policy.js';

export * from './gate-scope.js';
export { AdministrationArea, type AdministrationIntent, type AdministrationScope } from './gate-administration.js';
export type { OwnIntent } from './gate-own.js';
export type { Enrolled, EnrolmentScope } from './gate-enrolment.js';

/** What a request is about. */
export type Subject =
  /** One existing client (`/api/clients/:clientId…`). */
  | { kind: 'client'; clientId: string }
  /** A list of clients (caseload, search, open requests): each one shown is decided and logged. */
  | { kind: 'client-list' }
  /** A client about to be registered, born on `born`. */
  | { kind: 'new-client'; born: string }
  /** A family part. */
  | { kind: 'family'; familyId: string }
  /**
   * Dossiers being linked into a family: a new one, or an existing one, which
   * the caller must first be let into to record in the family part.
   */
  | { kind: 'family-linking'; familyId: string; memberIds: readonly string[]; into: 'new' | 'existing' }
  /** A register beside the dossier (complaints, incidents, …). */
  | { kind: 'register'; register: Register }
  /** The privacy officer's views over the log and the organisation (review queue, reports, retention, breaches). */
  | { kind: 'log-review' }
  /** The emergency-access review queue (the privacy officer's, a manager's for the privacy officer's own). */
  | { kind: 'emergency-review' }
  /** Accounts, roles, teams, role grants. */
  | { kind: 'administration'; area: AdministrationArea }
  /** The caller's own session, work notes, export progress. */
  | { kind: 'own' }
  /** A copy fetched by its token and code (no session). */
  | { kind: 'download' }
  /** An enrolment link completed by its employee (no session yet). */
  | { kind: 'enrolment' }
  /** A session's account itself: may it act at all (a privileged role awaiting its second person may not). */
  | { kind: 'account'; rolePending: boolean }
  /**
   * A portal user's own dossier (issue 19; gate-portal.ts): the client or relation behind the `dw_portal` session.
   * `clientId`, when the route names one, must be the account's (else 404, logged).
   */
  | { kind: 'portal'; clientId?: string }
  /** A portal invitation's one-time link opened or completed (no session yet; gate-portal.ts). */
  | { kind: 'portal-invitation' };

export type SubjectKind = Subject['kind'];

/** Per subject kind: the context it needs, the intent it is asked, the scope its work gets, its options. */
export interface Doors {
  'client': { ctx: RequestContext; intent: AccessIntent; scope: ClientScope; options: AccessOptions };
  'client-list': { ctx: RequestContext; intent: 'read'; scope: ListScope; options: never };
  'new-client': { ctx: RequestContext; intent: 'register'; scope: NewClientScope; options: never };
  'family': { ctx: RequestContext; intent: AccessIntent; scope: FamilyScope; options: never };
  'family-linking': { ctx: RequestContext; intent: 'link'; scope: FamilyScope; options: never };
  'register': { ctx: RequestContext; intent: RegisterAction; scope: RecordScope; options: never };
  'log-review': { ctx: RequestContext; intent: 'review'; scope: RecordScope; options: never };
  'emergency-review': { ctx: RequestContext; intent: 'review'; scope: RecordScope; options: never };
  'administration': { ctx: RequestContext; intent: AdministrationIntent; scope: AdministrationScope; options: never };
  'own': { ctx: RequestContext; intent: OwnIntent; scope: OwnScope; options: never };
  'download': { ctx: PublicContext; intent: 'download-copy'; scope: DownloadScope; options: never };
  'enrolment': { ctx: PublicContext; intent: 'complete'; scope: EnrolmentScope; options: never };
  'account': { ctx: RequestContext; intent: 'act'; scope: AccountScope; options: never };
  'portal': { ctx: PortalContext; intent: PortalIntent; scope: PortalScope; options: never };
  'portal-invitation': { ctx: PublicContext; intent: 'open' | 'complete'; scope: PortalInvitationScope; options: never };
}

/** The scope the work for a subject of kind `K` receives. */
export type ScopeOf<K extends SubjectKind> = Doors[K]['scope'];
/** The intent a subject of kind `K` is asked with. */
export type IntentOf<K extends SubjectKind> = Doors[K]['intent'];
/** The subject of kind `K`. */
export type SubjectOf<K extends SubjectKind> = Extract<Subject, { kind: K }>;

/**
 * Decides `intent` on `subject` for the caller in `ctx`, writes the log rows,
 * and runs `work` with a scope bound to both: a refusal is logged and thrown
 * (403 with the engine's explanation and articles; 404 for what is not there),
 * the work's own 4xx is logged as a refused attempt where the subject did so
 * before. The work's value is the answer.
 * @example
 * const page = await enter(db, ctx, { kind: 'client', clientId }, { action: 'read', part: 'dossier' },
 *   (scope) => readTimeline(scope, masterKey, { limit: 50 }));
 * const complaints = await enter(db, ctx, { kind: 'register', register: Register.complaints }, 'read', async (scope) => {
 *   const list = await listComplaints(scope.tx, …);
 *   scope.concerns(list.flatMap((c) => c.clientIds));
 *   return list;
 * });
 */
export function enter<S extends Subject, T>(
  db: Database, ctx: Doors[S['kind']]['ctx'], subject: S, intent: Doors[S['kind']]['intent'],
  work: (scope: Doors[S['kind']]['scope']) => Promise<T>, options?: Doors[S['kind']]['options'],
): Promise<T> {
  // TypeScript does not narrow the generic parameters with `subject`; the signature above ties them together,
  // so each case restates the types it was given.
  const given = subject;
  switch (given.kind) {
    case 'client':
      return enterClient(db, ctx as RequestContext, given.clientId, intent as AccessIntent, work as (scope: ClientScope) => Promise<T>, (options ?? {}));
    case 'client-list':
      return enterClientList(db, ctx as RequestContext, work as (scope: ListScope) => Promise<T>);
    case 'new-client':
      return enterNewClient(db, ctx as RequestContext, given.born, work as (scope: NewClientScope) => Promise<T>);
    case 'family':
      return enterFamily(db, ctx as RequestContext, given.familyId, intent as AccessIntent, work as (scope: FamilyScope) => Promise<T>);
    case 'family-linking':
      if (given.into === 'existing') {
        return enterFamily(db, ctx as RequestContext, given.familyId, { action: 'record', part: 'dossier' }, () => Promise.resolve())
          .then(() => enterFamilyLinking(db, ctx as RequestContext, given.familyId, given.memberIds, work as (scope: FamilyScope) => Promise<T>));
      }
      return enterFamilyLinking(db, ctx as RequestContext, given.familyId, given.memberIds, work as (scope: FamilyScope) => Promise<T>);
    case 'register':
      return enterRegister(db, ctx as RequestContext, given.register, intent as RegisterAction, work as (scope: RecordScope) => Promise<T>);
    case 'log-review':
      return enterLogReview(db, ctx as RequestContext, work as (scope: RecordScope) => Promise<T>);
    case 'emergency-review':
      return enterEmergencyReview(db, ctx as RequestContext, work as (scope: RecordScope) => Promise<T>);
    case 'administration':
      return enterAdministration(db, ctx as RequestContext, given.area, intent as AdministrationIntent, work as (scope: AdministrationScope) => Promise<T>);
    case 'own':
      return enterOwn(db, ctx as RequestContext, intent as OwnIntent, work as (scope: OwnScope) => Promise<T>);
    case 'download':
      return enterDownload(db, ctx, work as (scope: DownloadScope) => Promise<T>);
    case 'enrolment':
      return enterEnrolment(db, ctx, work as (scope: EnrolmentScope) => Promise<T>);
    case 'account':
      return enterAccount(db, ctx as RequestContext, given.rolePending, work as (scope: AccountScope) => Promise<T>);
    case 'portal':
      return enterPortal(db, ctx as PortalContext, given.clientId, intent as PortalIntent, work as (scope: PortalScope) => Promise<T>);
    case 'portal-invitation':
      return enterPortalInvitation(db, ctx, intent as 'open' | 'complete', work as (scope: PortalInvitationScope) => Promise<T>);
  }
}

// ---------------------------------------------------------------------------
// The old doors (withClientAccess, withClientList, withRegistration, withLogReview) are gone: every caller enters.
