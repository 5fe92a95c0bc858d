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
export const AccessAction = {
  read: 'read', record: 'record', register: 'register', reviewLog: 'review-log', administer: 'administer', manageCareTeam: 'manage-care-team',
} as const;
export type AccessAction = (typeof AccessAction)[keyof typeof AccessAction];

/**
 * What a `manage-care-team` intent changes: who is in the care team (and so
 * who may open the dossier), or the client's objection to interns — a
 * restriction the client asks for — recorded or withdrawn.
 */
export const CareTeamChange = { team: 'team', recordObjection: 'record-objection', withdrawObjection: 'withdraw-objection', recordDeath: 'record-death' } as const;
export type CareTeamChange = (typeof CareTeamChange)[keyof typeof CareTeamChange];

/** The recorded purpose (DOMAIN §2: the manager's; `legal-claims` for reading a restricted dossier, AVG 18(2)), as the API accepts it. */
export const AccessPurpose = { qualityControl: 'quality-control', complaint: 'complaint', incident: 'incident', legalClaims: 'legal-claims' } as const;
export type AccessPurpose = (typeof AccessPurpose)[keyof typeof AccessPurpose];

export interface AccessIntent {
  action: AccessAction;
  part: Part;
  purpose?: AccessPurpose;
  /** For `manage-care-team`: what is changed (default: the team itself). */
  careTeamChange?: CareTeamChange;
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
  /**
   * Administrative staff named, in the acting-for header, a professional who is
   * involved in this client's care now (checked by the access layer): the
   * administrative task done for that professional (004 C).
   */
  actingForInvolvedProfessional?: boolean;
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

const CARE_TEAM_CITATIONS = ['AVG 5(1)(f)', 'AVG 32', 'Jeugdwet 7.3.11'] as const;

/**
 * Who may change a client's care team (DOMAIN §2: only employees directly
 * involved see the dossier, so whoever adds a member grants access to it).
 * An organisational authorisation like the administration's, decided here:
 * the dossier's current holder, who leads the care, and a manager (the team
 * leader assigns care). Not administrative staff, members, substitutes,
 * interns, the privacy officer or the application administrator (AVG 5(1)(f)
 * and 32: access is granted by those responsible for it, not by anyone who
 * can reach the dossier). The client's objection to interns is a restriction
 * the client asks for: anyone in the care team may record it at once, but
 * only the holder or a manager may withdraw it.
 */
export function decideCareTeamManagement(role: EmployeeRole, relation: CareRelation | undefined, change: CareTeamChange = CareTeamChange.team): PolicyDecision {
  const holder = role === 'care-professional' && relation === 'holder';
  const manager = role === 'manager';
  const actor = actorOf(role, relation);
  const inCareTeam = actor === 'care-professional' || actor === 'substitute' || actor === 'intern';
  const allowed = change === CareTeamChange.recordObjection ? inCareTeam || manager : holder || manager;
  const basis = !allowed ? AccessBasis.none : manager ? AccessBasis.managementPurpose : AccessBasis.careRelation;
  const [explanationNl, explanationEn, rule] = ((): [string, string, string] => {
    switch (change) {
      case CareTeamChange.team:
        return allowed
          ? ['De dossierhouder of een leidinggevende bepaalt wie in het behandelteam zit.', 'Allowed.', `manage-care-team.${holder ? 'holder' : 'manager'}`]
          : [
              'Alleen de dossierhouder van deze cliënt of een leidinggevende bepaalt wie in het behandelteam zit. Wie in het team komt, kan het dossier openen. Daarom mag niet iedereen die het dossier kan bereiken het team veranderen.',
              'Only the client\'s dossier holder or a manager decides who is in the care team: whoever joins it can open the dossier.',
              'manage-care-team.not-responsible',
            ];
      case CareTeamChange.recordObjection:
        return allowed
          ? ['Wie bij de hulp betrokken is, legt het bezwaar van de cliënt tegen stagiairs meteen vast.', 'Allowed.', 'manage-care-team.record-objection']
          : [
              'Alleen wie nu bij de hulp aan deze cliënt betrokken is, of een leidinggevende, legt het bezwaar van de cliënt tegen stagiairs vast.',
              'Only those now involved in this client\'s care, or a manager, record the client\'s objection to interns.',
              'manage-care-team.record-objection.not-involved',
            ];
      case CareTeamChange.recordDeath:
        // The death changes who may see the dossier (Jeugdwet 7.3.12a): recorded by whoever is responsible for it.
        return allowed
          ? ['De dossierhouder of een leidinggevende legt het overlijden van de cliënt vast.', 'Allowed.', 'manage-care-team.record-death']
          : [
              'Alleen de dossierhouder of een leidinggevende legt het overlijden van de cliënt vast. Daarna gelden andere regels voor wie het dossier mag inzien.',
              'Only the dossier holder or a manager records the client\'s death; after it, other rules decide who may inspect the dossier.',
              'manage-care-team.record-death.not-responsible',
            ];
      case CareTeamChange.withdrawObjection:
        return allowed
          ? ['De dossierhouder of een leidinggevende trekt het bezwaar tegen stagiairs in, als de cliënt dat wil.', 'Allowed.', 'manage-care-team.withdraw-objection']
          : [
              'Alleen de dossierhouder of een leidinggevende mag het bezwaar van de cliënt tegen stagiairs intrekken. Daarna kunnen stagiairs het dossier weer lezen.',
              'Only the dossier holder or a manager may withdraw the client\'s objection to interns; after that, interns can read the dossier again.',
              'manage-care-team.withdraw-objection.not-responsible',
            ];
    }
  })();
  return { allowed, basis, citations: CARE_TEAM_CITATIONS, explanationNl, explanationEn, rule };
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
  switch (input.intent.action) {
    case 'read':
      return toPolicy(decide({ ...question, action: 'read' }), actor, facts);
    case 'record':
      return toPolicy(decideRecording(question), actor, facts);
    case 'review-log':
      return decideLogReview(input.role);
    case 'administer':
      return decideAdministration(input.role);
    case 'manage-care-team':
      return decideCareTeamManagement(input.role, input.relation, input.intent.careTeamChange);
    case 'register':
      // Registering a client records administrative data about them, before any care relation exists:
      // whoever may start care (a care professional) or keeps the administration may do it.
      return toPolicy(decideRecording({ ...question, actor: input.role === 'care-professional' ? 'care-professional' : actor, part: 'administrative-data' }), actor, facts);
  }
}
