/**
 * The access policy for employees: translates who the employee is (role,
 * care relation) and what they ask into the rules engine's words, and the
 * engine's answer into what the access layer needs (allowed, the basis for
 * the log, the articles and the Dutch explanation). No legal condition lives
 * here; they live in src/rules.
 */
import type { CareRelation, EmployeeRole } from '../organisation/employee-roles.js';
import { decide, decideRecording, Fact, type Actor, type Decision, type Part } from '../rules/index.js';
import type { Queryable } from '../db/database.js';
import { AccessBasis } from './access-log.js';

/** What an employee wants to do with a client's data. */
export const AccessAction = { read: 'read', record: 'record', register: 'register', reviewLog: 'review-log', administer: 'administer' } as const;
export type AccessAction = (typeof AccessAction)[keyof typeof AccessAction];

/** The recorded purpose (DOMAIN §2: the manager's; `legal-claims` for reading a restricted dossier, AVG 18(2)), as the API accepts it. */
export const AccessPurpose = { qualityControl: 'quality-control', complaint: 'complaint', incident: 'incident', legalClaims: 'legal-claims' } as const;
export type AccessPurpose = (typeof AccessPurpose)[keyof typeof AccessPurpose];

export interface AccessIntent {
  action: AccessAction;
  part: Part;
  purpose?: AccessPurpose;
  /** Break the glass: records the emergency grant (in the access transaction) before deciding. */
  openEmergency?: (tx: Queryable, clientId: string) => Promise<void>;
}

export interface EmployeeAccessFacts {
  role: EmployeeRole;
  relation: CareRelation | undefined;
  intent: AccessIntent;
  clientBorn: string;
  today: string;
  /** Facts recorded on the client, e.g. `client-objects-to-interns`. */
  clientFacts?: readonly Fact[];
}

export interface PolicyDecision {
  allowed: boolean;
  basis: AccessBasis;
  citations: readonly string[];
  explanationNl: string;
  explanationEn: string;
  /** The engine's rule name, for tests and the log's reviewers. */
  rule: string;
}

/** Which of the engine's actors this employee is, for this client. */
export function actorOf(role: EmployeeRole, relation: CareRelation | undefined): Actor {
  switch (role) {
    case 'care-professional':
      switch (relation) {
        case 'holder':
        case 'member':
          return 'care-professional';
        case 'substitute':
          return 'substitute';
        case 'intern':
          return 'intern';
        case undefined:
          return 'employee-without-relation';
      }
      break;
    case 'intern':
      return relation === undefined ? 'employee-without-relation' : 'intern';
    case 'admin-staff':
      return 'admin-staff';
    case 'manager':
      return 'manager';
    case 'privacy-officer':
    case 'application-administrator':
      return 'employee-without-relation';
  }
}

const purposeFacts: Record<AccessPurpose, Fact> = {
  'quality-control': Fact.purposeQualityControl,
  'complaint': Fact.purposeComplaint,
  'incident': Fact.purposeIncident,
  'legal-claims': Fact.purposeLegalClaims,
};

function basisOf(actor: Actor, facts: ReadonlySet<Fact>): AccessBasis {
  if (facts.has(Fact.emergency)) return AccessBasis.emergency;
  switch (actor) {
    case 'care-professional':
    case 'substitute':
    case 'intern':
      return AccessBasis.careRelation;
    case 'admin-staff':
      return AccessBasis.administrativeTask;
    case 'manager':
      return AccessBasis.managementPurpose;
    case 'inspector':
      return AccessBasis.legalDuty;
    case 'employee-without-relation':
    case 'client':
    case 'parent-with-custody':
    case 'parent-without-custody':
    case 'guardian':
    case 'family-guardian':
    case 'confidential-advisor':
    case 'municipality':
    case 'third-party':
      return AccessBasis.none;
  }
}

function toPolicy(decision: Decision, actor: Actor, facts: ReadonlySet<Fact>): PolicyDecision {
  const allowed = decision.outcome === 'allow';
  return {
    allowed,
    basis: allowed ? basisOf(actor, facts) : AccessBasis.none,
    citations: decision.basis,
    explanationNl: decision.explanation,
    explanationEn: allowed ? 'Allowed.' : 'Not allowed; see the Dutch explanation and the articles in "basis".',
    rule: decision.rule,
  };
}

/**
 * NEN 7513: the access log is readable only by those appointed to review it —
 * here the privacy officer (FG, AVG 38–39). An appointment within the
 * organisation, not a condition of the law on the client's rights, so it is
 * decided here rather than in src/rules.
 */
export function decideLogReview(role: EmployeeRole): PolicyDecision {
  const appointed = role === 'privacy-officer';
  return {
    allowed: appointed, basis: appointed ? AccessBasis.legalDuty : AccessBasis.none, citations: ['AVG 39', 'AVG 32'],
    explanationNl: appointed
      ? 'De functionaris gegevensbescherming controleert wie dossiers heeft ingezien.'
      : 'Alleen de functionaris gegevensbescherming mag zien wie dossiers heeft ingezien en noodtoegang beoordelen.',
    explanationEn: appointed ? 'Allowed.' : 'Only the privacy officer may see who accessed dossiers and review emergency access.',
    rule: appointed ? 'review-log.privacy-officer' : 'review-log.not-appointed',
  };
}

/**
 * NEN 7510-2 A.9.2: granting and withdrawing access rights (employees, roles,
 * teams, accounts) is a privileged task, given here to the application
 * administrator (functioneel beheerder) alone. Like the log review, an
 * appointment within the organisation rather than a rule of client law.
 */
export function decideAdministration(role: EmployeeRole): PolicyDecision {
  const appointed = role === 'application-administrator';
  return {
    allowed: appointed, basis: appointed ? AccessBasis.legalDuty : AccessBasis.none, citations: ['NEN 7510-2 A.9.2'],
    explanationNl: appointed
      ? 'De functioneel beheerder beheert medewerkers, rollen en teams.'
      : 'Alleen de functioneel beheerder beheert medewerkers, rollen en teams. Zo bepaalt niemand anders wie welke dossiers kan openen.',
    explanationEn: appointed ? 'Allowed.' : 'Only the application administrator manages employees, roles and teams.',
    rule: appointed ? 'administer.application-administrator' : 'administer.not-appointed',
  };
}

/** Decides an employee's access to one client's data through the rules engine. */
export function decideEmployeeAccess(input: EmployeeAccessFacts): PolicyDecision {
  const actor = actorOf(input.role, input.relation);
  const facts = new Set<Fact>(input.clientFacts ?? []);
  if (input.intent.purpose !== undefined) facts.add(purposeFacts[input.intent.purpose]);
  const question = { on: input.today, client: { born: input.clientBorn }, actor, part: input.intent.part, facts };
  switch (input.intent.action) {
    case 'read':
      return toPolicy(decide({ ...question, action: 'read' }), actor, facts);
    case 'record':
      return toPolicy(decideRecording(question), actor, facts);
    case 'review-log':
      return decideLogReview(input.role);
    case 'administer':
      return decideAdministration(input.role);
    case 'register':
      // Registering a client records administrative data about them, before any care relation exists:
      // whoever may start care (a care professional) or keeps the administration may do it.
      return toPolicy(decideRecording({ ...question, actor: input.role === 'care-professional' ? 'care-professional' : actor, part: 'administrative-data' }), actor, facts);
  }
}
