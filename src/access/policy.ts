/**
 * The access policy for employees: translates who the employee is (role,
 * care relation) and what they ask into the rules engine's words, and the
 * engine's answer into what the access layer needs (allowed, the basis for
 * the log, the articles and the Dutch explanation). No legal condition lives
 * here; they live in src/rules.
 */
import type { CareRelation, EmployeeRole } from '../organisation/employee-roles.js';
import { ActingFor, decide, decideAct, decideRecording, Employee, Fact, isWordOf, Act, type Actor, type Decision, type Part, type RequestKindWord } from '../rules/index.js';
import type { Citation } from '../rules/citations.js';
import { AccessBasis } from './access-log.js';

/**
 * What an employee wants to do with a client's data: reading or recording care
 * content (`read`, `record`: the engine's `decide` and `decideRecording`),
 * registering a new client, the appointments (`review-log`, `administer`), or
 * any act of the vocabulary of acts (`src/rules/acts.ts`) — an act that changes
 * rights is named as itself (`lift-shielding`, `decide-request`, …), so the
 * access log's `action` says which act was asked.
 */
export const AccessAction = {
  read: 'read', record: 'record', register: 'register', reviewLog: 'review-log', administer: 'administer',
} as const;
export type AccessAction = (typeof AccessAction)[keyof typeof AccessAction] | Act;

/** The recorded purpose (DOMAIN §2: the manager's; `legal-claims` for reading a restricted dossier, AVG 18(2)), as the API accepts it. */
export const AccessPurpose = { qualityControl: 'quality-control', complaint: 'complaint', incident: 'incident', legalClaims: 'legal-claims' } as const;
export type AccessPurpose = (typeof AccessPurpose)[keyof typeof AccessPurpose];

export interface AccessIntent {
  action: AccessAction;
  part: Part;
  purpose?: AccessPurpose;
  /** For `decide-request` / `fulfil-request`: the request's kind, when the route knows it (else: may the employee do it for any kind). */
  requestKind?: RequestKindWord;
}

export interface EmployeeAccessFacts {
  role: EmployeeRole;
  relation: CareRelation | undefined;
  intent: AccessIntent;
  clientBorn: string;
  today: string;
  /** Facts recorded on the client, e.g. `client-objects-to-interns`. */
  clientFacts?: readonly Fact[];
  /**
   * Administrative staff named, in the acting-for header, a professional who is
   * involved in this client's care now (checked by the access layer): the
   * administrative task done for that professional (004 C).
   */
  actingForInvolvedProfessional?: boolean;
  /** The professional named in the acting-for header is the client's current dossier holder (acts the holder delegates). */
  actingForHolder?: boolean;
}

export interface PolicyDecision {
  allowed: boolean;
  basis: AccessBasis;
  /** The articles the decision rests on: only from the catalogue (rules/citations.ts). */
  citations: readonly Citation[];
  explanationNl: string;
  explanationEn: string;
  /** The engine's rule name, for tests and the log's reviewers. */
  rule: string;
  /**
   * Who the employee is for this client and whom they act for, as the acts were decided: a service that learns
   * more about the act inside the access (a request's kind) asks `decideAct` again with these, without a query.
   */
  employee?: { readonly employee: Employee; readonly actingFor: ActingFor };
}

/** Who the employee is for this client, in the words of the acts (`src/rules/acts.ts`). */
export function employeeOf(role: EmployeeRole, relation: CareRelation | undefined): Employee {
  switch (role) {
    case 'care-professional':
      switch (relation) {
        case 'holder': return Employee.holder;
        case 'member': return Employee.member;
        case 'substitute': return Employee.substitute;
        case 'intern': return Employee.intern;
        case undefined: return Employee.professionalWithoutRelation;
      }
      break;
    case 'intern':
      return relation === undefined ? Employee.withoutRelation : Employee.intern;
    case 'admin-staff':
      return Employee.adminStaff;
    case 'manager':
      return Employee.manager;
    case 'privacy-officer':
      return Employee.privacyOfficer;
    case 'application-administrator':
      return Employee.applicationAdministrator;
  }
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
    case 'representative':
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

const EMPTY_CLIENT = { born: '2000-01-01' } as const;

/** An appointment within the organisation (log review, administration), decided by the acts without any client. */
function decideAppointment(role: EmployeeRole, act: typeof Act.reviewLog | typeof Act.administerAccount): PolicyDecision {
  const employee = employeeOf(role, undefined);
  const decision = decideAct({ act, employee, on: EMPTY_CLIENT.born, client: EMPTY_CLIENT });
  const allowed = decision.outcome === 'allow';
  const en = act === Act.reviewLog
    ? 'Only the privacy officer may see who accessed dossiers and review emergency access.'
    : 'Only the application administrator manages employees, roles and teams.';
  return {
    allowed, basis: allowed ? AccessBasis.legalDuty : AccessBasis.none, citations: decision.basis,
    explanationNl: decision.explanation, explanationEn: allowed ? 'Allowed.' : en, rule: decision.rule,
    employee: { employee, actingFor: ActingFor.nobody },
  };
}

/**
 * NEN 7513: the access log is readable only by those appointed to review it —
 * here the privacy officer (FG, AVG 38–39): the act `review-log`.
 */
export function decideLogReview(role: EmployeeRole): PolicyDecision {
  return decideAppointment(role, Act.reviewLog);
}

/**
 * NEN 7510-2 A.9.2: granting and withdrawing access rights (employees, roles,
 * teams, accounts) is a privileged task, given to the application
 * administrator (functioneel beheerder) alone: the act `administer-account`.
 */
export function decideAdministration(role: EmployeeRole): PolicyDecision {
  return decideAppointment(role, Act.administerAccount);
}

/**
 * Whether this role learns of a client only through a care relation (care
 * professionals, interns) or not at all (the application administrator, who
 * manages accounts, never clients). For such a role a client id outside its
 * reach — missing, of another organisation, or of its own organisation
 * without a relation — must answer the same way, or the answers tell it
 * which ids exist (issue 4: no existence leak). Administrative staff,
 * managers and the privacy officer see the organisation's clients by their
 * task, so a missing id is simply not found for them.
 */
export function hidesClientExistence(role: EmployeeRole): boolean {
  switch (role) {
    case 'care-professional':
    case 'intern':
    case 'application-administrator':
      return true;
    case 'admin-staff':
    case 'manager':
    case 'privacy-officer':
      return false;
  }
}

/**
 * The refusal an employee without a relation gets for `intent`, decided
 * without any fact about the client (not its age, not a recorded restriction
 * or objection): the same answer whether the client exists or not. Used for
 * roles that `hidesClientExistence`.
 */
export function decideWithoutClient(role: EmployeeRole, intent: AccessIntent, today: string): PolicyDecision {
  return decideEmployeeAccess({ role, relation: undefined, intent, clientBorn: today, today, clientFacts: [] });
}

/** Whom administrative staff act for, from what the access layer checked; nobody for every other role. */
function actingForOf(input: EmployeeAccessFacts): ActingFor {
  if (input.role !== 'admin-staff' || input.actingForInvolvedProfessional !== true) return ActingFor.nobody;
  return input.actingForHolder === true ? ActingFor.holder : ActingFor.involved;
}

/** Decides an employee's access to one client's data through the rules engine. */
export function decideEmployeeAccess(input: EmployeeAccessFacts): PolicyDecision {
  const actor = actorOf(input.role, input.relation);
  const facts = new Set<Fact>(input.clientFacts ?? []);
  if (input.intent.purpose !== undefined) facts.add(purposeFacts[input.intent.purpose]);
  // 004 C: administrative staff use care content only "voor het uitvoeren van administratieve handelingen, zoals
  // het versturen van brieven en het invoeren van rapportages" — the task is the one they do, logged, for the
  // involved professional they name. Without that professional, no task; for any other role, no such fact.
  if (input.role === 'admin-staff' && input.actingForInvolvedProfessional === true) facts.add(Fact.purposeAdministrativeTask);
  const question = { on: input.today, client: { born: input.clientBorn }, actor, part: input.intent.part, facts };
  const action = input.intent.action;
  // The appointments are acts too, but answer with their own basis (a legal duty, not a care relation).
  if (action === 'review-log') return decideLogReview(input.role);
  if (action === 'administer') return decideAdministration(input.role);
  if (isWordOf(Act, action)) {
    // An act of the vocabulary (src/rules/acts.ts), decided there for who the employee is for this client.
    const employee = { employee: employeeOf(input.role, input.relation), actingFor: actingForOf(input) };
    const decision = decideAct({
      act: action, ...employee, on: input.today, client: { born: input.clientBorn }, part: input.intent.part, facts,
      ...(input.intent.requestKind === undefined ? {} : { requestKind: input.intent.requestKind }),
    });
    const policy = toPolicy(decision, actor, facts);
    // The privacy officer acts by appointment (AVG 39), not by a care relation.
    return { ...policy, basis: policy.allowed && employee.employee === Employee.privacyOfficer ? AccessBasis.legalDuty : policy.basis, employee };
  }
  switch (action) {
    case 'read':
      return toPolicy(decide({ ...question, action: 'read' }), actor, facts);
    case 'record':
      return toPolicy(decideRecording(question), actor, facts);
    case 'register':
      // Registering a client records administrative data about them, before any care relation exists:
      // whoever may start care (a care professional) or keeps the administration may do it.
      return toPolicy(decideRecording({ ...question, actor: input.role === 'care-professional' ? 'care-professional' : actor, part: 'administrative-data' }), actor, facts);
  }
}

/**
 * The same act asked again inside an access, now that the work knows more (a request's kind, loaded with the
 * request): decided for the employee the gate decided for, with no query.
 */
export function decideActAgain(decided: PolicyDecision, act: Act, today: string, more: { requestKind?: RequestKindWord }): PolicyDecision {
  const employee = decided.employee ?? { employee: Employee.withoutRelation, actingFor: ActingFor.nobody };
  const decision = decideAct({ act, ...employee, on: today, client: { born: today }, ...more });
  const allowed = decision.outcome === 'allow';
  return {
    allowed, basis: allowed ? decided.basis : AccessBasis.none, citations: decision.basis, explanationNl: decision.explanation,
    explanationEn: allowed ? 'Allowed.' : 'Not allowed; see the Dutch explanation and the articles in "basis".', rule: decision.rule, employee,
  };
}
