/**
 * Who may read and who may change the organisation's privacy settings: which
 * roles may break the glass (migration 0051) and whether a destruction waits
 * for a second person's confirmation (migration 0057).
 *
 * An appointment within the organisation, like `decideRoleGrant`, not a rule
 * of client law, so it lives here rather than in src/rules. Pure: facts in,
 * decision with articles and a Dutch explanation out.
 *
 * Why the privacy officer changes them, and nobody else:
 * - Both settings are safeguards of the dossiers' confidentiality (AVG 5(1)(f),
 *   25, 32): one decides who can open any dossier without a care relation, the
 *   other that nothing is destroyed on one person's word. Watching over such
 *   safeguards is the privacy officer's task (AVG 39), from an independent
 *   position (AVG 38).
 * - Not the application administrator: they already decide who has which
 *   account and role. If they could also open break-the-glass to more roles or
 *   switch the four-eyes destruction off, one person would both hand out access
 *   and loosen the checks on it (NEN 7510-2 A.6.1.2 segregation of duties).
 *   The database keeps the second confirmation out of their reach as well
 *   (migration 0071, `org.set_destruction_second_confirmation`).
 * - Not a manager: a manager assigns care and decides requests, and is among
 *   those the settings restrain (a manager may be given emergency access, and
 *   confirms destructions). A manager reads the settings, because a manager
 *   reviews the privacy officer's own emergency access and must know the rules.
 * - Never the application administrator's role in the emergency roles: that
 *   role sees no clients at all (decide-emergency.ts; the column's check).
 */
import { AccessBasis } from '../access/access-log.js';
import type { PolicyDecision } from '../access/policy.js';
import { Citation } from '../rules/citations.js';
import { EmployeeRole } from './employee-roles.js';

/** The roles an organisation may let break the glass: every role but the application administrator's (0051's check). */
export const EMERGENCY_ROLE_CHOICES: readonly EmployeeRole[] = [
  EmployeeRole.careProfessional, EmployeeRole.intern, EmployeeRole.adminStaff, EmployeeRole.manager, EmployeeRole.privacyOfficer,
];

/** The organisation's privacy settings as the API shows them. */
export interface OrganisationSettings {
  /** Roles that may open a dossier in an emergency (break the glass). */
  emergencyAccessRoles: EmployeeRole[];
  /** A destruction on request is carried out only after a second authorised person confirms it. */
  destructionSecondConfirmation: boolean;
}

export const SETTINGS_CITATIONS: readonly Citation[] = [Citation.avg_39, Citation.avg_38, Citation.avg_32, Citation.nen_7510_2_a_6_1_2];

const READERS: readonly EmployeeRole[] = [EmployeeRole.privacyOfficer, EmployeeRole.manager];

/**
 * May this role see the organisation's privacy settings?
 * @example
 * decideSettingsView('manager').allowed // true
 * decideSettingsView('application-administrator').allowed // false
 */
export function decideSettingsView(role: EmployeeRole): PolicyDecision {
  const allowed = READERS.includes(role);
  return {
    allowed, basis: allowed ? AccessBasis.legalDuty : AccessBasis.none, citations: SETTINGS_CITATIONS,
    explanationNl: allowed
      ? 'U ziet wie noodtoegang heeft en of een vernietiging een tweede bevestiging nodig heeft.'
      : 'Alleen de functionaris gegevensbescherming en leidinggevenden zien de privacy-instellingen van de organisatie. '
        + 'De functionaris gegevensbescherming stelt ze in.',
    explanationEn: allowed ? 'Allowed.' : 'Only the privacy officer and managers see the organisation\'s privacy settings.',
    rule: allowed ? 'settings.view' : 'settings.view-not-appointed',
  };
}

/**
 * May this role change the organisation's privacy settings? Only the privacy officer.
 * @example
 * decideSettingsChange('privacy-officer').allowed // true
 * decideSettingsChange('application-administrator').allowed // false
 */
export function decideSettingsChange(role: EmployeeRole): PolicyDecision {
  if (role === EmployeeRole.privacyOfficer) {
    return {
      allowed: true, basis: AccessBasis.legalDuty, citations: SETTINGS_CITATIONS,
      explanationNl: 'De functionaris gegevensbescherming stelt in wie noodtoegang heeft en of een vernietiging een tweede bevestiging nodig heeft.',
      explanationEn: 'Allowed: the privacy officer sets the privacy safeguards.', rule: 'settings.change.privacy-officer',
    };
  }
  const why = role === EmployeeRole.applicationAdministrator
    ? 'U beheert al wie welk account en welke rol heeft. Als u ook de noodtoegang ruimer kon maken of de tweede bevestiging kon uitzetten, zou niemand meer meekijken (vier-ogenprincipe).'
    : 'Deze instellingen beschermen de dossiers. Daarom stelt iemand ze in die onafhankelijk toezicht houdt.';
  return {
    allowed: false, basis: AccessBasis.none, citations: SETTINGS_CITATIONS,
    explanationNl: `Alleen de functionaris gegevensbescherming verandert wie noodtoegang heeft en of een vernietiging een tweede bevestiging nodig heeft. ${why}`,
    explanationEn: 'Only the privacy officer changes who may break the glass and whether a destruction needs a second confirmation.',
    rule: role === EmployeeRole.applicationAdministrator ? 'settings.change.application-administrator' : 'settings.change.not-appointed',
  };
}

/** The first role in `roles` an organisation may not let break the glass (the application administrator's), if any. */
export function refusedEmergencyRole(roles: readonly string[]): string | undefined {
  return roles.find((role) => !(EMERGENCY_ROLE_CHOICES as readonly string[]).includes(role));
}
