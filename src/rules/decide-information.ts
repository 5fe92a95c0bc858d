/**
 * Information and disclosure: general information about the care
 * (`general-information`) and the organisation providing data to someone
 * (`disclose`).
 * - In principle no data to anyone outside the care team without prior
 *   consent (Jeugdwet 7.3.11; BW 7:457; 001; 002; 004 C); whose consent: the
 *   client from 12 — also for 12–15, the young person alone (003 §3.1: "aan
 *   anderen dan de betrokkene boven de 12 jaar geen inlichtingen … dan met
 *   toestemming van die jongere") —, the legal representatives under 12 or
 *   when the client is not competent.
 * - The family guardian's own right where it averts a threat to the child's
 *   development (Jeugdwet 7.3.11 lid 4; 004 C; 001).
 * - The municipality: billing data (name, address, BSN, type of service)
 *   without consent (004 C; 003 §3.1); no access to the care dossier, with or
 *   without consent (003 §3.1: "De gemeente heeft geen toegang tot het
 *   hulpverleningsdossier"; 003 §2.2.2: consent towards a body that finances
 *   the care is rarely free).
 * - A parent without custody: general information — when the help started,
 *   whether it ended, its goals and its results — until the child is 16,
 *   unless it is not in the child's interest (BW 1:377c; 003 §3.1); from 16
 *   the young person decides what the parents get (001), so it needs their
 *   consent.
 * - Statistics and research: with consent; without it only where asking is
 *   not reasonably possible or cannot be required, and the client did not
 *   object (Jeugdwet 7.3.12; BW 7:458; 003 §3.5).
 * - Legal representatives: information by their own right under 16 or for a
 *   represented client; from 16 with the young person's consent (001; 002).
 * - The client: informed about their own care (Jeugdwet 7.3.2; BW 7:448).
 * Inside the organisation, disclosure to an employee is the same as `read`.
 */
import { Capacity } from './age.js';
import { Citation } from './citations.js';
import { allow, cite, consentHoldersOf, deny, needsConsent, type Decision, type Situation } from './decision.js';
import { decideRead } from './decide-read.js';
import { decideRight } from './decide-rights.js';
import { ageSentence, consentPartyName } from './explanations.js';
import { Action, Actor, ConsentParty, Fact, Part } from './vocabulary.js';

const consentBasis = [Citation.jeugdwet_7_3_11, Citation.bw_7_457] as const;

function consentSentence(s: Situation): string {
  const holders = consentHoldersOf(s.standing);
  return `Daarvoor is vooraf toestemming nodig van ${consentPartyName[holders[0]]}.`;
}

/** Disclosure that needs the consent of whoever holds it; the common path. */
function withConsent(s: Situation, rule: string, basis: readonly Citation[], lead: string): Decision {
  if (s.facts.has(Fact.consentGiven)) {
    return allow(`${rule}.consent-given`, cite(basis, consentBasis), `${lead} De toestemming is vastgelegd. Daarom mogen de gegevens worden gegeven. De organisatie legt vast wat met wie is gedeeld.`);
  }
  return needsConsent(`${rule}.needs-consent`, cite(basis, consentBasis), `${lead} ${consentSentence(s)} Die is nog niet vastgelegd.`, consentHoldersOf(s.standing));
}

/** Limits that hold for any disclosure outside the organisation. */
function outsideLimits(s: Situation, rule: string): Decision | undefined {
  switch (s.part) {
    case Part.personalWorkNote:
      return deny(`${rule}.personal-work-note`, [Citation.jeugdwet_7_3_8],
        'Persoonlijke werkaantekeningen horen niet bij het dossier en worden met niemand gedeeld.');
    case Part.rawTestData:
      return deny(`${rule}.raw-test-data`, [Citation.jeugdwet_7_3_10],
        'Ruwe testgegevens worden niet verspreid. De test is eigendom van de maker en werkt niet meer goed als hij rondgaat. De uitkomsten staan in het onderzoeksrapport.');
    case Part.thirdPartyInformation:
      return s.facts.has(Fact.otherPersonConsents)
        ? undefined
        : deny(`${rule}.third-party-information`, [Citation.jeugdwet_7_3_10, Citation.jeugdwet_7_3_11],
            'Dit is informatie over iemand anders dan de jongere. Die wordt alleen gedeeld als die persoon daar toestemming voor geeft.',
            [ConsentParty.otherPerson]);
    case Part.dossier:
    case Part.conversationReport:
    case Part.carePlan:
    case Part.evaluation:
    case Part.researchReport:
    case Part.administrativeData:
      return undefined;
  }
}

function familyGuardian(s: Situation, rule: string): Decision {
  if (s.facts.has(Fact.threatToDevelopment)) {
    return allow(`${rule}.family-guardian.threat`, [Citation.jeugdwet_7_3_11],
      'Het kind staat onder toezicht. De gezinsvoogd heeft een eigen recht op informatie als dat helpt om een bedreiging van de ontwikkeling van het kind af te wenden. De hulpverlener moet die informatie dan geven, ook zonder toestemming (spreekplicht).');
  }
  return withConsent(s, `${rule}.family-guardian`, [Citation.jeugdwet_7_3_11],
    'De gezinsvoogd heeft alleen een eigen recht op informatie als dat nodig is om een bedreiging van de ontwikkeling van het kind af te wenden. Dat is hier niet vastgelegd.');
}

function municipality(s: Situation, rule: string): Decision {
  if (s.part === Part.administrativeData && rule === 'disclose') {
    return allow(`${rule}.municipality.billing`, [Citation.avg_6],
      'De gemeente betaalt de hulp. Voor de controle van de rekening krijgt zij naam, adres, BSN en de soort hulp. Inhoudelijke informatie over de hulp krijgt zij niet.');
  }
  // 003 §3.1 and §2.2.2: no access, and consent cannot open it — so no `unlessConsentOf` either.
  const consentNote = s.facts.has(Fact.consentGiven)
    ? ' Ook met toestemming krijgt de gemeente deze gegevens niet: wie afhankelijk is van de gemeente voor hulp, kan niet echt vrij toestemming geven.'
    : '';
  return deny(`${rule}.municipality.care-content`, [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
    `De gemeente heeft geen toegang tot het hulpverleningsdossier. Daarop rust het beroepsgeheim van de hulpverlener. Zij krijgt alleen gegevens voor de betaling (naam, adres, BSN en soort hulp).${consentNote}`);
}

/**
 * Statistics or scientific research (Jeugdwet 7.3.12; BW 7:458; 003 §3.5):
 * in principle with consent; without it only under the exception, and never
 * against the client's explicit objection.
 */
function research(s: Situation): Decision | undefined {
  if (s.facts.has(Fact.consentGiven) || !s.facts.has(Fact.researchException)) return undefined;
  const basis = [Citation.jeugdwet_7_3_12, Citation.bw_7_458];
  if (s.facts.has(Fact.clientObjectsToResearch)) {
    return deny('disclose.research.client-objects', basis,
      'De gegevens worden gevraagd voor statistiek of wetenschappelijk onderzoek, zonder toestemming. Dat mag niet, want de cliënt (of wie voor hem optreedt) heeft daar uitdrukkelijk bezwaar tegen gemaakt.');
  }
  return allow('disclose.research.exception', basis,
    'De gegevens zijn nodig voor statistiek of wetenschappelijk onderzoek dat het algemeen belang dient. Om toestemming vragen kan hier redelijkerwijs niet of hoeft niet, de gegevens worden zo goed mogelijk beschermd, en de cliënt heeft geen bezwaar gemaakt. Daarom mogen ze zonder toestemming worden gegeven. De organisatie legt vast wat is gegeven.');
}

type OutsideActor = typeof Actor.familyGuardian | typeof Actor.municipality | typeof Actor.parentWithoutCustody
  | typeof Actor.confidentialAdvisor | typeof Actor.thirdParty;

function discloseOutside(s: Situation, actor: OutsideActor): Decision {
  const limit = outsideLimits(s, 'disclose');
  if (limit !== undefined) return limit;
  switch (actor) {
    case Actor.familyGuardian:
      return familyGuardian(s, 'disclose');
    case Actor.municipality:
      return municipality(s, 'disclose');
    case Actor.confidentialAdvisor:
      return withConsent(s, 'disclose.confidential-advisor', [Citation.besluit_jeugdwet_4_1_5],
        'De vertrouwenspersoon krijgt wat nodig is voor zijn taak, maar het beroepsgeheim van de hulpverlener gaat voor.');
    case Actor.parentWithoutCustody:
      return withConsent(s, 'disclose.parent-without-custody', [Citation.bw_1_377c],
        'Een ouder zonder gezag heeft geen recht op gegevens uit het dossier, alleen op algemene informatie over de hulp tot het kind 16 jaar is.');
    case Actor.thirdParty:
      return research(s) ?? withConsent(s, 'disclose.third-party', [],
        'Aan anderen worden in principe geen gegevens gegeven. Een organisatie die gegevens vraagt, moet een ondertekende toestemmingsverklaring laten zien.');
  }
}

/** Decides `disclose`: the organisation providing data to the actor. */
export function decideDisclose(s: Situation): Decision {
  switch (s.actor) {
    case Actor.client:
    case Actor.parentWithCustody:
    case Actor.guardian:
    case Actor.representative:
      // Providing data to the client or a representative is giving a copy.
      return decideRight(s, Action.copy);
    case Actor.careProfessional:
    case Actor.substitute:
    case Actor.intern:
    case Actor.adminStaff:
    case Actor.manager:
    case Actor.employeeWithoutRelation:
    case Actor.inspector:
      return decideRead(s, 'disclose');
    case Actor.familyGuardian:
    case Actor.municipality:
    case Actor.parentWithoutCustody:
    case Actor.confidentialAdvisor:
    case Actor.thirdParty:
      return discloseOutside(s, s.actor);
  }
}

/** What general information holds, in words (003 §3.1; BW 1:377c). */
export const generalInformationSentence = 'wanneer de hulp begon, of de hulp al is afgesloten en wanneer, wat de doelen van de hulp zijn (zoals in het plan staat) en wat de hulp heeft bereikt (zoals in de evaluaties staat)';

/** Parents with custody, the guardian and the representative of an adult. */
function representativeInformation(s: Situation, rule: string): Decision {
  switch (s.standing.capacity) {
    case Capacity.independent:
      return s.facts.has(Fact.consentGiven)
        ? allow(`${rule}.representative.consent-given`, [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
            `${ageSentence(s.standing)} Vanaf 16 jaar beslist de jongere zelf welke informatie anderen, ook de ouders, krijgen. De toestemming is gegeven.`)
        : needsConsent(`${rule}.representative.needs-consent`, [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
            `${ageSentence(s.standing)} Vanaf 16 jaar beslist de jongere zelf welke informatie anderen, ook de ouders, krijgen. Daarvoor is toestemming van de jongere nodig, en die is nog niet vastgelegd.`,
            [ConsentParty.client]);
    case Capacity.representedAdult:
      if (s.actor === Actor.representative) {
        return allow(`${rule}.representative.adult`, [Citation.bw_7_465, Citation.jeugdwet_7_3_15, Citation.jeugdwet_7_3_2],
          `${ageSentence(s.standing)} De cliënt kan zijn belangen hierin niet goed overzien. De vertegenwoordiger krijgt de informatie die de cliënt zelf zou krijgen.`);
      }
      return s.facts.has(Fact.consentGiven)
        ? allow(`${rule}.adult.representative-consent-given`, [Citation.jeugdwet_7_3_11, Citation.bw_7_457, Citation.bw_1_233],
            `${ageSentence(s.standing)} Het gezag eindigt op 18 jaar. De vertegenwoordiger van de cliënt heeft toestemming gegeven.`)
        : needsConsent(`${rule}.adult.needs-consent`, [Citation.jeugdwet_7_3_11, Citation.bw_7_457, Citation.bw_1_233, Citation.bw_7_465],
            `${ageSentence(s.standing)} Het gezag eindigt op 18 jaar. De cliënt kan zijn belangen hierin niet goed overzien, dus beslist zijn vertegenwoordiger. Diens toestemming is nog niet vastgelegd.`,
            [ConsentParty.representative]);
    case Capacity.represented:
    case Capacity.shared:
      if (s.actor === Actor.representative) {
        return withConsent(s, `${rule}.representative.minor`, [], 'Voor een minderjarige treden de ouders met gezag of de voogd op, geen andere vertegenwoordiger.');
      }
      return allow(`${rule}.representative.${s.standing.capacity}`, [Citation.jeugdwet_7_3_11, Citation.bw_7_465],
        `Ouders met gezag en de voogd hebben recht op informatie over de hulp aan hun kind zolang het jonger is dan 16 jaar, of als het zijn belangen hierin niet goed kan overzien: ${generalInformationSentence}.`);
  }
}

/** Decides `general-information`: when care started and ended, its goals and results. */
export function decideGeneralInformation(s: Situation): Decision {
  const rule = 'general-information';
  const seriousHarm = s.facts.has(Fact.seriousHarmAssessed);
  switch (s.actor) {
    case Actor.client:
      if (seriousHarm) {
        return deny(`${rule}.client.serious-harm`, [Citation.jeugdwet_7_3_2, Citation.bw_7_448],
          'De hulpverlener heeft na overleg met een andere hulpverlener besloten dat deze informatie de jongere nu duidelijk ernstig zou schaden. Daarom wordt zij nu niet gegeven.');
      }
      return allow(`${rule}.client`, [Citation.jeugdwet_7_3_2, Citation.bw_7_448],
        'De jongere krijgt informatie over de eigen hulp, op een manier die past bij zijn leeftijd en begrip.');
    case Actor.parentWithCustody:
    case Actor.guardian:
    case Actor.representative: {
      if (seriousHarm) {
        return deny(`${rule}.representative.serious-harm`, [Citation.jeugdwet_7_3_11, Citation.bw_7_457, Citation.jeugdwet_7_3_2],
          'De hulpverlener heeft na overleg met een andere hulpverlener besloten dat het geven van deze informatie de cliënt duidelijk ernstig zou schaden. Een goed hulpverlener geeft haar dan niet.');
      }
      return representativeInformation(s, rule);
    }
    case Actor.parentWithoutCustody:
      if (s.standing.age >= 16) {
        // BW 1:377c runs until 16 (003 §3.1); from 16 the young person decides what the parents get (001; 002).
        const holders = consentHoldersOf(s.standing);
        if (s.facts.has(Fact.consentGiven)) {
          return allow(`${rule}.parent-without-custody.16.consent-given`, [Citation.jeugdwet_7_3_11, Citation.bw_7_457, Citation.bw_1_377c],
            `Het recht van een ouder zonder gezag op algemene informatie loopt tot het kind 16 jaar is. Daarna beslist ${consentPartyName[holders[0]]} welke informatie deze ouder krijgt. Die toestemming is gegeven en vastgelegd.`);
        }
        return needsConsent(`${rule}.parent-without-custody.16.needs-consent`, [Citation.bw_1_377c, Citation.jeugdwet_7_3_11, Citation.bw_7_457],
          `Een ouder zonder gezag heeft recht op algemene informatie over de hulp tot het kind 16 jaar is. ${ageSentence(s.standing)} Nu beslist ${consentPartyName[holders[0]]} welke informatie deze ouder krijgt. Die toestemming is nog niet vastgelegd.`,
          holders);
      }
      if (seriousHarm) {
        return deny(`${rule}.parent-without-custody.not-in-interest`, [Citation.bw_1_377c],
          'De hulpverlener geeft deze informatie niet, omdat het geven ervan niet in het belang van het kind is: het zou het kind ernstig schaden.');
      }
      return allow(`${rule}.parent-without-custody`, [Citation.bw_1_377c],
        `Een ouder zonder gezag heeft geen inzage in het dossier, maar krijgt op verzoek algemene informatie: ${generalInformationSentence}. Dat recht loopt tot het kind 16 jaar is.`);
    case Actor.familyGuardian:
      return familyGuardian(s, rule);
    case Actor.municipality:
      return municipality(s, rule);
    case Actor.confidentialAdvisor:
      return withConsent(s, `${rule}.confidential-advisor`, [Citation.besluit_jeugdwet_4_1_5],
        'De vertrouwenspersoon krijgt wat nodig is voor zijn taak, maar het beroepsgeheim van de hulpverlener gaat voor.');
    case Actor.thirdParty:
      return withConsent(s, `${rule}.third-party`, [], 'Aan anderen wordt in principe geen informatie over de hulp gegeven.');
    case Actor.careProfessional:
    case Actor.substitute:
    case Actor.intern:
    case Actor.adminStaff:
    case Actor.manager:
    case Actor.employeeWithoutRelation:
    case Actor.inspector:
      return decideRead(s, rule);
  }
}
