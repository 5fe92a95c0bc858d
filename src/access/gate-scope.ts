/**
 * What the gate (gate.ts) hands the work, and what it is told about a request:
 * the scopes bound to a decided subject and intent, and the request's context.
 * Only gate files make a scope; services take one and so cannot be reached
 * without a decision and its log row. Kept apart from the gate itself so that
 * the modules the gate loads its facts from can name these types without an
 * import cycle.
 */
import type { Queryable } from '../db/database.js';
import type { HoldsTransaction } from '../db/scope-tx.js';
import type { Actor } from '../auth/sessions.js';
import type { AppError } from '../errors.js';
import type { AdministrationAct, AdministrationDetails } from '../organisation/administration-acts.js';
import type { Citation } from '../rules/citations.js';
import type { Actor as EngineActor } from '../rules/vocabulary.js';
import type { PolicyDecision } from './policy.js';

/**
 * The header in which administrative staff name the professional on whose
 * behalf they do an administrative task (NEN 7513: "the responsible user on
 * whose behalf they acted"). Accepted only for a professional of the same
 * organisation with a current care relation with the client.
 */
export const ACTING_FOR_HEADER = 'x-dossierwijzer-acting-for';

/** What the log names as the part seen in the first step of breaking the glass. */
export const EMERGENCY_SUMMARY_PART = 'emergency-summary';

/** Where a request came from, for the log. */
export interface RequestContext {
  actor: Actor;
  route: string;
  address: string | null;
  now: Date;
  /** The `x-dossierwijzer-acting-for` header as sent, if it was; checked by the gate for a client subject. */
  actingFor?: string | string[] | undefined;
}

/** A request without a session (a download by its token, an enrolment link): where it came from, for the log. */
export interface PublicContext {
  route: string;
  address: string | null;
  now: Date;
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

declare const clientScopeBrand: unique symbol;
declare const portalScopeBrand: unique symbol;

/**
 * What every scope bound to one client holds, whoever asks (issue 19): the
 * transaction, the client's facts, the moment of the access, the preloaded
 * key, and where the entries touched are told for the log row. The reading
 * services and store accessors that need no more than this (the reader view,
 * entries, shieldings, agreements, competence, relations, the death record)
 * take a `ClientBoundScope`, so that both an employee's `ClientScope` and a
 * portal user's `PortalScope` reach them; what records who did something
 * (`recorded_by`) takes a `ClientScope` (`employeeIdOf`).
 */
export interface ClientBoundScope extends HoldsTransaction {
  readonly client: ClientFacts;
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

/** Proof that access to one client was decided and is being logged; only the gate makes one. */
export interface ClientScope extends ClientBoundScope {
  readonly [clientScopeBrand]: true;
  readonly actor: Actor;
  readonly decision: PolicyDecision;
}

/**
 * The employee a client-bound scope acts as, for what a store records as done by someone (`recorded_by`): only an
 * employee's `ClientScope` records; a portal user's scope never reaches a store's writer (the services that write
 * take a `ClientScope`), and this throws if one ever does.
 */
export function employeeIdOf(scope: ClientBoundScope): string {
  const actor = (scope as Partial<ClientScope>).actor;
  if (actor === undefined) throw new Error('a portal scope cannot record as an employee');
  return actor.employeeId;
}

/**
 * A portal account as the portal's session resolves it (issue 19; migration 0073): one person — the client, or one
 * registered relation (`formal.client_relations`) — for one client dossier.
 */
export interface PortalAccount {
  id: string;
  organisationId: string;
  clientId: string;
  kind: 'client' | 'relation';
  /** The relation record; null for the client. */
  relationId: string | null;
  /** "Voornamen Achternaam" of the client or the relation. */
  displayName: string;
  /** "Voornamen Achternaam" of the client whose dossier it is. */
  clientName?: string;
  /** A short, non-secret id of the portal session for the access log (not the token). */
  sessionId: string;
}

/** Where a portal request came from, for the log: the account behind the `dw_portal` session. */
export interface PortalContext {
  account: PortalAccount;
  route: string;
  address: string | null;
  now: Date;
}

/**
 * What a portal user asks (gate-portal.ts). The engine's own actions (`inspect`, `copy`, `correct`, `add-statement`,
 * `destroy`, `general-information`) are decided by `decide` for that person today on `part`; the portal's acts
 * (`request` a right, manage a `consent`, send a `message`, `read-log` "who has seen my dossier", `account`: the
 * account's own page) are decided by `decidePortalStanding` (src/rules/decide-portal-invitation.ts): the person has a
 * right to something in this dossier today. The work may ask the engine more precisely for what it shows.
 */
export type PortalAction =
  | 'inspect' | 'copy' | 'correct' | 'add-statement' | 'destroy' | 'general-information'
  | 'request' | 'consent' | 'message' | 'read-log' | 'account';
export interface PortalIntent {
  action: PortalAction;
  /** An engine part (`dossier`, `care-plan`, …); defaults to `dossier`. */
  part?: string;
  /**
   * The work decides every entry by its own part (the portal's dossier view): the door also lets in a person the engine
   * refuses the whole dossier but allows at least one part the young person consented to for them (Jeugdwet 7.3.11).
   */
  byPart?: true;
}

/** The engine's decision for the portal user, as the gate logged it. */
export interface PortalDecision {
  allowed: true;
  /** The engine's words for the basis (access-log basis) and the articles. */
  basis: string;
  citations: readonly Citation[];
  explanation: string;
}

/**
 * Proof that a portal user's act on their own dossier was decided by the engine for that person today and is
 * being logged (gate-portal.ts). `reader` is what `readerView` (src/shielding/reader-view.ts) takes for this person.
 */
export interface PortalScope extends ClientBoundScope {
  readonly [portalScopeBrand]: true;
  readonly account: {
    readonly id: string; readonly kind: 'client' | 'relation'; readonly relationId: string | null; readonly displayName: string; readonly clientName?: string;
  };
  /** The person as the engine reads them today: their actor word, relation, and (inspect) whether consent is recorded. */
  readonly reader: PortalReader;
  readonly decision: PortalDecision;
}

/** The shape of `Reader` (src/shielding/reader-view.ts), repeated here so the scope types import no service. */
export interface PortalReader {
  actor: EngineActor;
  relationId: string | null;
  action: 'inspect' | 'copy' | 'disclose' | 'general-information';
  consentGiven: boolean;
  consentedParts?: readonly string[];
}

/** What work on a family part may touch: the family, its members, and the transaction. */
export interface FamilyScope extends HoldsTransaction {
  readonly familyId: string;
  readonly organisationId: string;
  readonly members: readonly string[];
  readonly actor: Actor;
  readonly now: Date;
}

/**
 * The scope of work that is about records rather than one client (a register,
 * the privacy officer's reviews): decided before the work, and every client
 * the work shows or names is told to `concerns`, so the gate logs one row per
 * client ("who saw this dossier" also shows who read a complaint about them).
 */
export interface RecordScope extends HoldsTransaction {
  readonly actor: Actor;
  readonly now: Date;
  readonly decision: PolicyDecision;
  /** The clients this work showed or named; each is logged once. */
  concerns(clientIds: readonly string[]): void;
}

/** What a list candidate must tell the gate so the engine can decide it: its birth date and the caller's relation. */
export interface ListCandidate {
  birthDate: string;
  relation: string | null;
}

/** A list of clients (a caseload, a search, open requests): the work proposes, the gate decides per client and logs each shown. */
export interface ListScope extends HoldsTransaction {
  readonly actor: Actor;
  readonly now: Date;
  /** The candidates the engine lets this caller see, in their order; each is logged. */
  admit<C extends ListCandidate>(candidates: readonly C[], clientIdOf: (candidate: C) => string): Promise<C[]>;
  /**
   * Finding a client organisation-wide (issue 15): each candidate the caller may see is `client`; one they may not,
   * but for whom they could break the glass (the engine's `decideEmergencyOpening`: the organisation's roles, an
   * intern never for a client who objected), is `existence` — only that the client exists may be shown. Both are
   * logged; the others are dropped.
   */
  find<C extends ListCandidate>(candidates: readonly C[], clientIdOf: (candidate: C) => string): Promise<{ candidate: C; shown: 'client' | 'existence' }[]>;
}

/** What the log names as the part seen when a search shows only that a client exists, and why. */
export const CLIENT_EXISTENCE_PART = 'client-existence';
export const FIND_FOR_EMERGENCY_PURPOSE = 'find-client-for-emergency-access';

/**
 * What registration found: a new client, or a client of the organisation
 * that already has this BSN (nothing written).
 */
export type RegistrationOutcome = { kind: 'created'; clientId: string } | { kind: 'duplicate'; clientId: string; refusal: AppError };

/**
 * Registering a client: the work creates the client (or finds the BSN taken)
 * and says which through `created` or `duplicate`; the gate logs the new client,
 * or the look at the existing one, and then throws the duplicate's refusal.
 */
export interface NewClientScope extends HoldsTransaction {
  readonly actor: Actor;
  readonly now: Date;
  readonly decision: PolicyDecision;
  created(clientId: string): void;
  duplicate(clientId: string, refusal: AppError): void;
}

/** A client whose data the caller's own records hold (own work notes), as the engine needs it to decide. */
export interface OwnUse {
  clientId: string;
  birthDate: string;
  /** The author's current care relation with the client, if any. */
  relation: string | null;
}

/**
 * The caller's own things (their session, their work notes, their export's
 * progress): every query the work makes is bound to the caller; `used` names
 * the clients whose data the caller's own records held, logged once each as
 * the author's use of their own notes.
 */
export interface OwnScope extends HoldsTransaction {
  readonly actor: Actor;
  readonly now: Date;
  used(uses: readonly OwnUse[]): void;
}

/** What the link behind a download names: the client, and the employee who prepared it (the responsible user). */
export interface DownloadLink {
  organisationId: string;
  clientId: string;
  preparedBy: string;
}

/** A download by its token and code: the work finds the link and says whether it let the requester have the document. */
export interface DownloadScope extends HoldsTransaction {
  readonly now: Date;
  /** Called once the link is known: `allowed` when the document is handed over. Logged whatever the outcome. */
  attempted(link: DownloadLink, allowed: boolean): void;
}

/** The administration work's scope: the acts it did, each one row, and a refusal decided inside the work. */
export interface AdministrationScope extends HoldsTransaction {
  readonly actor: Actor;
  readonly now: Date;
  readonly decision: PolicyDecision;
  /** One row for this act, written after the work in its transaction; `citations` default to the area's decision. */
  record(act: AdministrationAct, details: AdministrationDetails, citations?: readonly Citation[]): void;
  /** Refuses with the rule's explanation (403); the refusal is logged in a transaction of its own. */
  refuse(decision: PolicyDecision, act: AdministrationAct, details: AdministrationDetails): never;
}

/** Who completed the enrolment: the employee of the link. */
export interface Enrolled {
  organisationId: string;
  employeeId: string;
  role: string;
}

/** The enrolment work's scope: its transaction, and `completed` to name who enrolled (required: no row, no enrolment). */
export interface EnrolmentScope extends HoldsTransaction {
  readonly now: Date;
  completed(who: Enrolled): void;
}

/** The invitation behind a one-time portal link, as the gate logs it. */
export interface PortalInvitee {
  organisationId: string;
  clientId: string;
  accountId: string;
  relationId: string | null;
  /** The employee who made the invitation (the responsible user, logged as acting-for). */
  invitedBy: string;
}

/** The engine's answer whether a person may have a portal account today (`decidePortalStanding`). */
export interface PortalStandingAnswer {
  allowed: boolean;
  explanation: string;
  basis: readonly Citation[];
}

/**
 * An invitation link opened or completed (no session yet: the link is the proof): the work finds the invitation and
 * says how the attempt ended through `attempted` (one row each, logged also when refused: a link used twice or
 * expired shows in the log), and may ask the engine about the invitee today through `standing`.
 */
export interface PortalInvitationScope extends HoldsTransaction {
  readonly now: Date;
  attempted(invitee: PortalInvitee, allowed: boolean, standing?: PortalStandingAnswer): void;
  standing(invitee: PortalInvitee): Promise<PortalStandingAnswer>;
}
