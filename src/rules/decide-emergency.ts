/**
 * Breaking the glass (003 §2.2.8: "dat in geval van nood er wel toegang is
 * tot het dossier"; NEN 7513 basis "emergency"). Who may open a dossier in an
 * emergency is the organisation's choice among its care roles; by default the
 * care professionals (who also substitute for each other). Never the
 * application administrator, who manages accounts and sees no clients at all.
 * The client's explicit objection to interns has no emergency exception (000:
 * "Stagiaires krijgen geen toegang tot het dossier wanneer u hier
 * uitdrukkelijk bezwaar tegen heeft"): the emergency is met by someone the
 * client did not refuse. What the glass opens first is the emergency summary
 * (003 §2.2.8: medication, key contacts, known risks "direct kenbaar"); the
 * rest only after a second confirmation (the access layer's two steps).
 */
import { Citation } from './citations.js';
import { allow, deny, type Decision } from './decision.js';

/** An employee's function, in the words of the organisation (not a care relation). */
export const EmergencyRole = {
  careProfessional: 'care-professional', intern: 'intern', adminStaff: 'admin-staff', manager: 'manager',
  privacyOfficer: 'privacy-officer', applicationAdministrator: 'application-administrator',
} as const;
export type EmergencyRole = (typeof EmergencyRole)[keyof typeof EmergencyRole];

/** The organisation's default: care professionals (and so the substitutes). */
export const DEFAULT_EMERGENCY_ROLES: readonly EmergencyRole[] = [EmergencyRole.careProfessional];

export interface EmergencyOpeningQuestion {
  role: EmergencyRole;
  /** The roles the organisation lets break the glass (its setting). */
  allowedRoles: readonly EmergencyRole[];
  /** The employee works as an intern (the role, or an intern's relation with this client). */
  actsAsIntern: boolean;
  /** The client explicitly objected to interns (000). */
  clientObjectsToInterns: boolean;
}

const ROLE_NL: Record<EmergencyRole, string> = {
  'care-professional': 'hulpverleners', 'intern': 'stagiairs', 'admin-staff': 'administratief medewerkers', 'manager': 'leidinggevenden',
  'privacy-officer': 'de functionaris gegevensbescherming', 'application-administrator': 'de functioneel beheerder',
};

/** "a", "a en b", "a, b en c". */
function andList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} en ${words[words.length - 1]!}`;
}

/**
 * Whether this employee may break the glass for this client.
 * @example
 * decideEmergencyOpening({ role: 'admin-staff', allowedRoles: ['care-professional'], actsAsIntern: false, clientObjectsToInterns: false }).outcome // 'deny'
 */
export function decideEmergencyOpening(q: EmergencyOpeningQuestion): Decision {
  if (q.role === EmergencyRole.applicationAdministrator) {
    return deny('emergency.application-administrator', [Citation.avg_5, Citation.jeugdwet_7_3_11],
      'Als functioneel beheerder beheert u accounts en rollen, geen cliënten. Daarom kunt u geen dossier openen, ook niet in een noodsituatie. Is er nu nood? Waarschuw dan een hulpverlener of de collega die dienst heeft. Die kan noodtoegang vragen.');
  }
  if (!q.allowedRoles.includes(q.role)) {
    const who = q.allowedRoles.length === 0
      ? 'In uw organisatie kan niemand noodtoegang vragen.'
      : `In uw organisatie is noodtoegang voor ${andList(q.allowedRoles.map((r) => ROLE_NL[r]))}.`;
    return deny('emergency.role-not-allowed', [Citation.avg_5, Citation.jeugdwet_7_3_11, Citation.bw_7_457],
      `${who} Met uw functie kunt u dit dossier daarom niet openen, ook niet in een noodsituatie. Is er nu nood? Waarschuw dan een hulpverlener of de collega die dienst heeft.`);
  }
  if (q.actsAsIntern && q.clientObjectsToInterns) {
    return deny('emergency.intern.client-objects', [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
      'U werkt hier als stagiair, en deze cliënt heeft bezwaar tegen stagiairs die het dossier lezen. Dat bezwaar geldt ook in een noodsituatie. Waarschuw een hulpverlener of de collega die dienst heeft. Die kan noodtoegang vragen.');
  }
  return allow('emergency.opened', [Citation.avg_9, Citation.avg_6],
    'Er is een noodsituatie gemeld, met een reden. U ziet eerst de noodsamenvatting: medicatie, belangrijke contactpersonen en bekende risico\'s. Het hele dossier opent pas als u dat nog een keer bevestigt. Alles wordt vastgelegd en achteraf beoordeeld.');
}
