/**
 * Who may keep and read the records beside the dossier. These are
 * appointments within the organisation, not rules of client law, so they live
 * here rather than in src/rules (like the log review in access/policy.ts):
 * - complaints: received by administrative staff or a manager, handled by the
 *   manager; the privacy officer oversees (AVG 39);
 * - incidents and calamities: reported by anyone who works with clients,
 *   investigated by the manager, who also reports to the inspectorate
 *   (Jeugdwet 4.1.8);
 * - prospective clients: registered and read by those who do intake;
 * - the records of processing (AVG 30): kept by the privacy officer, read by
 *   the privacy officer and the application administrator;
 * - quality audits with their sample of clients (DOMAIN §2: quality control
 *   "by sample"; 004 C): registered and read by a manager or the privacy
 *   officer; a manager's quality-control purpose must name one (issue 14).
 */
import type { PolicyDecision } from '../access/policy.js';
import { AccessBasis } from '../access/access-log.js';
import type { EmployeeRole } from '../organisation/employee-roles.js';
import { Citation } from '../rules/citations.js';

export const Register = {
  complaints: 'complaints',
  incidents: 'incidents',
  prospectiveClients: 'prospective-clients',
  processingActivities: 'processing-activities',
  qualityAudits: 'quality-audits',
} as const;
export type Register = (typeof Register)[keyof typeof Register];

export type RegisterAction = 'read' | 'record' | 'handle';

type Grants = Record<RegisterAction, readonly EmployeeRole[]>;

const GRANTS: Record<Register, Grants> = {
  'complaints': { record: ['admin-staff', 'manager'], read: ['manager', 'privacy-officer'], handle: ['manager'] },
  'incidents': { record: ['care-professional', 'intern', 'admin-staff', 'manager'], read: ['manager', 'privacy-officer'], handle: ['manager'] },
  'prospective-clients': { record: ['admin-staff', 'care-professional'], read: ['admin-staff', 'care-professional'], handle: ['admin-staff', 'care-professional'] },
  'processing-activities': { record: ['privacy-officer'], read: ['privacy-officer', 'application-administrator'], handle: ['privacy-officer'] },
  'quality-audits': { record: ['manager', 'privacy-officer'], read: ['manager', 'privacy-officer'], handle: [] },
};

const NAMES_NL: Record<Register, string> = {
  'complaints': 'het klachtenregister',
  'incidents': 'het register van incidenten en calamiteiten',
  'prospective-clients': 'de aanmeldingen',
  'processing-activities': 'het register van verwerkingen',
  'quality-audits': 'het register van kwaliteitscontroles',
};

const CITATIONS: Record<Register, readonly Citation[]> = {
  'complaints': [Citation.jeugdwet_4_2, Citation.avg_5_1_f],
  'incidents': [Citation.jeugdwet_4_1_8, Citation.avg_5_1_f],
  'prospective-clients': [Citation.avg_5_1_f],
  'processing-activities': [Citation.avg_30],
  'quality-audits': [Citation.avg_5_1_b, Citation.jeugdwet_7_3_11],
};

export function decideRegisterAccess(role: EmployeeRole, register: Register, action: RegisterAction): PolicyDecision {
  const allowed = GRANTS[register][action].includes(role);
  const name = NAMES_NL[register];
  const sentence: Record<RegisterAction, [string, string]> = {
    read: [`U mag ${name} inzien.`, `Met uw rol mag u ${name} niet inzien.`],
    record: [`U mag gegevens vastleggen in ${name}.`, `Met uw rol mag u niets vastleggen in ${name}.`],
    handle: [`U mag zaken afhandelen in ${name}.`, `Met uw rol mag u geen zaken afhandelen in ${name}.`],
  };
  return {
    allowed,
    basis: allowed ? AccessBasis.legalDuty : AccessBasis.none,
    citations: CITATIONS[register],
    explanationNl: allowed
      ? sentence[action][0]
      : `${sentence[action][1]} Dit register staat los van het dossier en is alleen voor wie er een taak in heeft.`,
    explanationEn: allowed ? 'Allowed.' : `Your role may not ${action} in the ${register} register.`,
    rule: `register.${register}.${action}.${allowed ? 'allowed' : 'refused'}`,
  };
}
