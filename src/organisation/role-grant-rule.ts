/**
 * Who may approve a privileged role (four-eyes principle, "vier-ogenprincipe").
 *
 * An appointment within the organisation, like `decideAdministration` in
 * access/policy.ts, not a rule of client law, so it lives here rather than in
 * src/rules. Pure: facts in, decision with articles and a Dutch explanation out.
 *
 * The roles of manager and privacy officer open dossiers for a purpose or
 * review the log of who opened them; the application administrator decides who
 * may do anything at all. If the administrator alone could hand out those roles,
 * they could make a puppet manager and read any dossier through it. So:
 * - the administrator asks, and a second person — a manager or the privacy
 *   officer — approves (NEN 7510-2 A.6.1.2 segregation of duties; A.9.2.2 and
 *   A.9.2.3 provisioning and privileged access rights; AVG 32 lid 1 and 4);
 * - never the employee concerned, and never whoever asked.
 */
import { AccessBasis } from '../access/access-log.js';
import type { PolicyDecision } from '../access/policy.js';
import { Citation } from '../rules/citations.js';
import { EmployeeRole } from './employee-roles.js';

/** Roles whose grant needs a second person's approval. */
export const PRIVILEGED_ROLES: readonly EmployeeRole[] = [EmployeeRole.manager, EmployeeRole.privacyOfficer, EmployeeRole.applicationAdministrator];

export function isPrivilegedRole(role: EmployeeRole): boolean {
  return PRIVILEGED_ROLES.includes(role);
}

/** Roles that may approve (or refuse) a privileged grant. */
const APPROVERS: readonly EmployeeRole[] = [EmployeeRole.manager, EmployeeRole.privacyOfficer];

export const ROLE_GRANT_CITATIONS: readonly Citation[] = [Citation.nen_7510_2_a_6_1_2, Citation.nen_7510_2_a_9_2_3, Citation.avg_32];

export interface RoleGrantFacts {
  approver: { employeeId: string; role: EmployeeRole };
  grant: { employeeId: string; requestedBy: string };
}

/**
 * May this employee approve or refuse this pending grant?
 * @example
 * decideRoleGrant({ approver: { employeeId: po, role: 'privacy-officer' }, grant: { employeeId: newManager, requestedBy: admin } }).allowed // true
 */
export function decideRoleGrant(facts: RoleGrantFacts): PolicyDecision {
  const refuse = (rule: string, explanationNl: string, explanationEn: string): PolicyDecision => ({
    allowed: false, basis: AccessBasis.none, citations: ROLE_GRANT_CITATIONS, explanationNl, explanationEn, rule,
  });
  if (!APPROVERS.includes(facts.approver.role)) {
    return refuse('role-grant.not-appointed',
      'Alleen een leidinggevende of de functionaris gegevensbescherming keurt een rol als leidinggevende, functionaris gegevensbescherming of functioneel beheerder goed. '
      + 'Zo kan de functioneel beheerder niet in zijn eentje iemand toegang tot dossiers geven (vier-ogenprincipe).',
      'Only a manager or the privacy officer approves a privileged role, so the administrator cannot grant access to dossiers alone (four-eyes principle).');
  }
  if (facts.approver.employeeId === facts.grant.employeeId) {
    return refuse('role-grant.own-grant',
      'U kunt uw eigen rol niet goedkeuren. Een andere leidinggevende of de functionaris gegevensbescherming moet dat doen.',
      'You cannot approve your own role; another manager or the privacy officer must.');
  }
  if (facts.approver.employeeId === facts.grant.requestedBy) {
    return refuse('role-grant.own-request',
      'U heeft deze rol zelf aangevraagd. Een tweede persoon moet hem goedkeuren.',
      'You asked for this role yourself; a second person must approve it.');
  }
  return {
    allowed: true, basis: AccessBasis.legalDuty, citations: ROLE_GRANT_CITATIONS,
    explanationNl: 'Een tweede persoon (leidinggevende of functionaris gegevensbescherming) beslist over de rol.',
    explanationEn: 'Allowed: a second person decides on the role.',
    rule: 'role-grant.second-person',
  };
}

/** Who may see the pending grants: those who may decide them. */
export function decidePendingGrantsView(role: EmployeeRole): PolicyDecision {
  const appointed = APPROVERS.includes(role);
  return {
    allowed: appointed, basis: appointed ? AccessBasis.legalDuty : AccessBasis.none, citations: ROLE_GRANT_CITATIONS,
    explanationNl: appointed
      ? 'U ziet de rollen die op goedkeuring wachten.'
      : 'Alleen een leidinggevende of de functionaris gegevensbescherming ziet en beoordeelt rollen die op goedkeuring wachten. '
        + 'Zo kan de functioneel beheerder niet in zijn eentje iemand toegang tot dossiers geven (vier-ogenprincipe).',
    explanationEn: appointed ? 'Allowed.' : 'Only a manager or the privacy officer sees and decides pending role grants.',
    rule: appointed ? 'role-grant.view' : 'role-grant.view-not-appointed',
  };
}

/**
 * May this account act at all? An account whose privileged role awaits a
 * second person's approval has no rights yet (the puppet reproduction of issue
 * 14: the administrator makes an account a manager and uses it at once) — it
 * may only see who it is, change its password and log out, which the
 * authentication hook leaves open.
 * @example
 * decideAccountUse({ role: 'manager', rolePending: true }).allowed // false
 */
export function decideAccountUse(facts: { role: EmployeeRole; rolePending: boolean }): PolicyDecision {
  if (!facts.rolePending) {
    return {
      allowed: true, basis: AccessBasis.legalDuty, citations: ROLE_GRANT_CITATIONS, explanationNl: 'Uw rol is goedgekeurd.',
      explanationEn: 'Allowed: the role was approved.', rule: 'role-grant.approved',
    };
  }
  return {
    allowed: false, basis: AccessBasis.none, citations: ROLE_GRANT_CITATIONS,
    explanationNl: 'Uw account wacht op goedkeuring van uw rol door een tweede persoon (een leidinggevende of de functionaris gegevensbescherming). '
      + 'Tot dan kunt u nog niets doen in Dossierwijzer.',
    explanationEn: 'Your account awaits approval of its role by a second person (a manager or the privacy officer). Until then you cannot do anything.',
    rule: 'role-grant.pending',
  };
}
