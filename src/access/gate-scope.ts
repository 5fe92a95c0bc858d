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

/** Proof that access to one client was decided and is being logged; only the gate makes one. */
export interface ClientScope extends HoldsTransaction {
  readonly [clientScopeBrand]: true;
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
