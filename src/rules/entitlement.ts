/**
 * Who may exercise the client's dossier rights (inspection, copy, correction,
 * own statement, destruction), before any limit of part or fact:
 * - the client from 12 when competent (Jeugdwet 7.3.10; BW 7:456; 003 §3.1);
 *   under 12, or 12+ not competent, the legal representatives act instead
 *   (BW 7:465; 004 D: "Ben je jonger dan 12 jaar? Dan kan je in principe niet
 *   je eigen dossier inkijken");
 * - parents with custody and the guardian (legal representatives): for a
 *   represented client they act for the client; for 12–15 they have their own
 *   right to information, inspection and copy without the young person's
 *   consent (Jeugdwet 7.3.11; 004 D), and may ask for correction and add their
 *   view (001: "Dit geldt ook voor je ouders (totdat je 16 jaar bent)";
 *   003 §2.3.9), but destruction is the young person's right (003 §3.1:
 *   "Vanaf 12 jaar oefent de jeugdige in principe zelfstandig zijn
 *   dossier-rechten uit"); from 16 only with the young person's consent
 *   (003 §2.3.5; 004 D); from 18 parental authority has ended (BW 1:233), so
 *   they need the consent of the client — or of the representative when the
 *   adult is not competent;
 * - the representative of an adult who is not competent (curator, mentor,
 *   authorised person, partner, family: BW 7:465 lid 3; Jeugdwet 7.3.15)
 *   exercises the rights for the client;
 * - nobody else: these are the client's rights.
 */
import { Capacity } from './age.js';
import { Citation } from './citations.js';
import { ageSentence } from './explanations.js';
import type { Situation } from './decision.js';
import { Action, Actor, ConsentParty } from './vocabulary.js';

/** The dossier rights of the client. */
export type RightAction = typeof Action.inspect | typeof Action.copy | typeof Action.correct | typeof Action.addStatement | typeof Action.destroy;

/** Whether and how the actor holds the right. */
export type Entitlement =
  | { readonly kind: 'holds'; readonly basis: readonly Citation[]; readonly why: string; readonly ownParentalRight: boolean }
  | { readonly kind: 'needs-consent'; readonly basis: readonly Citation[]; readonly why: string; readonly consentOf: readonly [ConsentParty] }
  | { readonly kind: 'none'; readonly basis: readonly Citation[]; readonly why: string; readonly rule: string };

/** The articles that give the client each right. */
export const rightBasis: Readonly<Record<RightAction, readonly Citation[]>> = {
  'inspect': [Citation.jeugdwet_7_3_10, Citation.bw_7_456, Citation.avg_15],
  'copy': [Citation.jeugdwet_7_3_10, Citation.bw_7_456, Citation.avg_15],
  'correct': [Citation.avg_16],
  'add-statement': [Citation.jeugdwet_7_3_8, Citation.bw_7_454],
  'destroy': [Citation.jeugdwet_7_3_9, Citation.bw_7_455, Citation.avg_17],
};

/** True for the actors that are legal representatives (wettelijk vertegenwoordigers). */
export function isLegalRepresentative(actor: Actor): boolean {
  return actor === Actor.parentWithCustody || actor === Actor.guardian;
}

/** True for whoever may act for the client: a legal representative or the representative of an adult. */
export function actsForClient(actor: Actor): boolean {
  return isLegalRepresentative(actor) || actor === Actor.representative;
}

function forClient(s: Situation, action: RightAction): Entitlement {
  const { standing } = s;
  if (standing.capacity === Capacity.shared || standing.capacity === Capacity.independent) {
    return { kind: 'holds', basis: rightBasis[action], why: `${ageSentence(standing)} Vanaf 12 jaar oefent de jongere deze rechten zelf uit.`, ownParentalRight: false };
  }
  if (standing.capacity === Capacity.representedAdult) {
    return {
      kind: 'none',
      rule: 'rights.client.adult-not-competent',
      basis: [...rightBasis[action], Citation.bw_7_465, Citation.jeugdwet_7_3_15],
      why: `${ageSentence(standing)} Na een zorgvuldige beoordeling kan de cliënt zijn belangen hierin niet goed overzien. Daarom oefent zijn vertegenwoordiger deze rechten uit: een curator of mentor, anders wie hij schriftelijk heeft gemachtigd, anders zijn partner, anders een ouder, kind, broer of zus.`,
    };
  }
  if (standing.age < 12) {
    return {
      kind: 'none',
      rule: 'rights.client.under-12',
      basis: [...rightBasis[action], Citation.bw_7_465],
      why: `${ageSentence(standing)} Onder de 12 jaar kan een kind dit niet zelf vragen. De ouders met gezag of de voogd doen dat voor het kind.`,
    };
  }
  return {
    kind: 'none',
    rule: 'rights.client.not-competent',
    basis: [...rightBasis[action], Citation.bw_7_465],
    why: `${ageSentence(standing)} Na een zorgvuldige beoordeling kan de jongere zijn belangen hierin niet goed overzien. Daarom oefent de wettelijk vertegenwoordiger (ouders met gezag of voogd) deze rechten uit, niet de jongere alleen.`,
  };
}

function forRepresentative(s: Situation, action: RightAction): Entitlement {
  const { standing } = s;
  switch (standing.capacity) {
    case Capacity.represented:
      return {
        kind: 'holds',
        basis: [...rightBasis[action], Citation.bw_7_465],
        why: standing.age < 12
          ? `${ageSentence(standing)} Onder de 12 jaar oefenen de ouders met gezag of de voogd de rechten van het kind uit.`
          : `${ageSentence(standing)} De jongere kan zijn belangen hierin niet goed overzien. Daarom oefent de wettelijk vertegenwoordiger de rechten uit.`,
        ownParentalRight: false,
      };
    case Capacity.shared:
      if (action === Action.destroy) {
        return {
          kind: 'needs-consent',
          basis: [...rightBasis[action], Citation.jeugdwet_7_3_11],
          why: `${ageSentence(standing)} Vanaf 12 jaar vraagt de jongere zelf om vernietiging. Ouders met gezag of de voogd kunnen dat alleen met toestemming van de jongere.`,
          consentOf: [ConsentParty.client],
        };
      }
      return {
        kind: 'holds',
        basis: [Citation.jeugdwet_7_3_11, ...rightBasis[action]],
        why: `${ageSentence(standing)} Van 12 tot 16 jaar hebben ouders met gezag en de voogd een eigen recht op informatie, inzage en een kopie. Toestemming van de jongere is daarvoor niet nodig.`,
        ownParentalRight: true,
      };
    case Capacity.independent:
      return standing.age >= 18
        ? {
            kind: 'needs-consent',
            basis: [Citation.jeugdwet_7_3_11, Citation.bw_7_457, Citation.bw_1_233, ...rightBasis[action]],
            why: `${ageSentence(standing)} De cliënt is volwassen; het gezag eindigt op 18 jaar. Ouders en anderen mogen dit alleen met toestemming van de cliënt.`,
            consentOf: [ConsentParty.client],
          }
        : {
            kind: 'needs-consent',
            basis: [Citation.jeugdwet_7_3_11, Citation.bw_7_457, ...rightBasis[action]],
            why: `${ageSentence(standing)} Vanaf 16 jaar beslist de jongere zelf. Ouders met gezag of de voogd mogen dit alleen met toestemming van de jongere.`,
            consentOf: [ConsentParty.client],
          };
    case Capacity.representedAdult:
      return {
        kind: 'needs-consent',
        basis: [Citation.jeugdwet_7_3_11, Citation.bw_7_457, Citation.bw_1_233, Citation.bw_7_465, ...rightBasis[action]],
        why: `${ageSentence(standing)} De cliënt is volwassen; het gezag eindigt op 18 jaar. De cliënt kan zijn belangen hierin niet goed overzien, dus beslist zijn vertegenwoordiger (een curator of mentor, anders wie hij schriftelijk heeft gemachtigd, anders zijn partner, anders familie). Anderen mogen dit alleen met toestemming van die vertegenwoordiger.`,
        consentOf: [ConsentParty.representative],
      };
  }
}

/** The representative of an adult who is not competent (BW 7:465 lid 3; Jeugdwet 7.3.15). */
function forAdultRepresentative(s: Situation, action: RightAction): Entitlement {
  const { standing } = s;
  switch (standing.capacity) {
    case Capacity.representedAdult:
      return {
        kind: 'holds',
        basis: [...rightBasis[action], Citation.bw_7_465, Citation.jeugdwet_7_3_15],
        why: `${ageSentence(standing)} De cliënt kan zijn belangen hierin niet goed overzien. Daarom oefent de vertegenwoordiger de rechten van de cliënt uit.`,
        ownParentalRight: false,
      };
    case Capacity.independent:
      return {
        kind: 'needs-consent',
        basis: [Citation.jeugdwet_7_3_11, Citation.bw_7_457, ...rightBasis[action]],
        why: `${ageSentence(standing)} De cliënt kan zelf beslissen. Een ander mag dit alleen met toestemming van de cliënt.`,
        consentOf: [ConsentParty.client],
      };
    case Capacity.represented:
    case Capacity.shared:
      return {
        kind: 'none',
        rule: 'rights.representative.minor',
        basis: [Citation.bw_7_465, Citation.jeugdwet_7_3_11],
        why: `${ageSentence(standing)} Voor een minderjarige treden de ouders met gezag of de voogd op, geen andere vertegenwoordiger.`,
      };
  }
}

function forOthers(s: Situation, action: RightAction): Entitlement {
  switch (s.actor) {
    case Actor.parentWithoutCustody:
      return {
        kind: 'none',
        rule: 'rights.parent-without-custody',
        basis: [Citation.bw_1_377c, ...rightBasis[action]],
        why: 'Een ouder zonder gezag heeft geen recht op inzage of een kopie van het dossier en kan het niet laten verbeteren of vernietigen. Tot het kind 16 jaar is, kan deze ouder wel algemene informatie over de hulp vragen.',
      };
    case Actor.confidentialAdvisor:
      return {
        kind: 'none',
        rule: 'rights.confidential-advisor',
        basis: [Citation.besluit_jeugdwet_4_1_5, Citation.jeugdwet_7_3_11],
        why: 'De vertrouwenspersoon krijgt de informatie die nodig is voor zijn taak, maar heeft geen recht op inzage in het dossier. Het beroepsgeheim van de hulpverlener gaat voor.',
      };
    case Actor.municipality:
      return {
        kind: 'none',
        rule: 'rights.municipality',
        basis: [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
        why: 'De gemeente heeft geen toegang tot het hulpverleningsdossier, ook niet met toestemming: wie afhankelijk is van de gemeente voor hulp, kan niet echt vrij toestemming geven. Op het dossier rust het beroepsgeheim van de hulpverlener. De gemeente krijgt alleen gegevens voor de betaling (naam, adres, BSN en soort hulp).',
      };
    case Actor.familyGuardian:
      return {
        kind: 'none',
        rule: 'rights.family-guardian',
        basis: [Citation.jeugdwet_7_3_11],
        why: 'De gezinsvoogd is geen wettelijk vertegenwoordiger. De gezinsvoogd krijgt alleen informatie als dat nodig is om een bedreiging van de ontwikkeling van het kind af te wenden, of met toestemming.',
      };
    case Actor.thirdParty:
      return {
        kind: 'none',
        rule: 'rights.third-party',
        basis: [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
        why: 'Dit zijn rechten van de jongere en de wettelijk vertegenwoordigers. Een andere organisatie of persoon krijgt alleen gegevens als daar vooraf toestemming voor is gegeven.',
      };
    case Actor.careProfessional:
    case Actor.substitute:
    case Actor.intern:
    case Actor.adminStaff:
    case Actor.manager:
    case Actor.employeeWithoutRelation:
    case Actor.inspector:
      return {
        kind: 'none',
        rule: 'rights.employee',
        basis: [...rightBasis[action]],
        why: 'Inzien, een kopie vragen, laten verbeteren, een eigen verklaring toevoegen en laten vernietigen zijn rechten van de jongere en de wettelijk vertegenwoordigers. Medewerkers en de inspectie lezen het dossier voor hun werk (read); de hulpverlener haalt niets uit het dossier weg.',
      };
    case Actor.client:
    case Actor.parentWithCustody:
    case Actor.guardian:
    case Actor.representative:
      // Handled by the callers above; kept for the exhaustive switch.
      return entitlementOf(s, action);
  }
}

/**
 * Whether the actor holds the client's right to `action`.
 * @example entitlementOf(situationOf({ on: '2026-11-22', client: { born: '2009-11-22' }, actor: 'parent-with-custody', action: 'inspect' }), 'inspect').kind // 'needs-consent'
 */
export function entitlementOf(s: Situation, action: RightAction): Entitlement {
  if (s.actor === Actor.client) return forClient(s, action);
  if (isLegalRepresentative(s.actor)) return forRepresentative(s, action);
  if (s.actor === Actor.representative) return forAdultRepresentative(s, action);
  return forOthers(s, action);
}
