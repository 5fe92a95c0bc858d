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
 *   without consent (004 C; 003 §3.1); no access to the care dossier.
 * - A parent without custody: general information until the child is 16,
 *   unless it is not in the child's interest (BW 1:377c; 003 §3.1).
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
import { consentPartyName } from './explanations.js';
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
  if (s.part === Part.administrativeData) {
    return allow(`${rule}.municipality.billing`, [Citation.avg_6],
      'De gemeente betaalt de hulp. Voor de controle van de rekening krijgt zij naam, adres, BSN en de soort hulp. Inhoudelijke informatie over de hulp krijgt zij niet.');
  }
  const lead = 'De gemeente heeft geen toegang tot het hulpverleningsdossier. Daarop rust het beroepsgeheim van de hulpverlener. Zij krijgt alleen gegevens voor de betaling (naam, adres, BSN en soort hulp).';
  if (s.facts.has(Fact.consentGiven)) {
    return allow(`${rule}.municipality.consent-given`, cite([Citation.jeugdwet_7_3_11, Citation.bw_7_457]), `${lead} Voor deze gegevens is wel toestemming gegeven en vastgelegd.`);
  }
  return deny(`${rule}.municipality.care-content`, [Citation.jeugdwet_7_3_11, Citation.bw_7_457], lead, consentHoldersOf(s.standing));
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
      return withConsent(s, 'disclose.third-party', [],
        'Aan anderen worden in principe geen gegevens gegeven. Een organisatie die gegevens vraagt, moet een ondertekende toestemmingsverklaring laten zien.');
  }
}

/** Decides `disclose`: the organisation providing data to the actor. */
export function decideDisclose(s: Situation): Decision {
  switch (s.actor) {
    case Actor.client:
    case Actor.parentWithCustody:
    case Actor.guardian:
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
    case Actor.guardian: {
      if (seriousHarm) {
        return deny(`${rule}.representative.serious-harm`, [Citation.jeugdwet_7_3_11, Citation.bw_7_457, Citation.jeugdwet_7_3_2],
          'De hulpverlener heeft na overleg met een andere hulpverlener besloten dat het geven van deze informatie de jongere duidelijk ernstig zou schaden. Een goed hulpverlener geeft haar dan niet.');
      }
      if (s.standing.capacity === Capacity.independent) {
        return s.facts.has(Fact.consentGiven)
          ? allow(`${rule}.representative.consent-given`, [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
              'Vanaf 16 jaar beslist de jongere zelf welke informatie de ouders krijgen. De jongere heeft toestemming gegeven.')
          : needsConsent(`${rule}.representative.needs-consent`, [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
              'Vanaf 16 jaar beslist de jongere zelf welke informatie de ouders krijgen. Daarvoor is toestemming van de jongere nodig, en die is nog niet vastgelegd.',
              [ConsentParty.client]);
      }
      return allow(`${rule}.representative.${s.standing.capacity}`, [Citation.jeugdwet_7_3_11, Citation.bw_7_465],
        'Ouders met gezag en de voogd hebben recht op informatie over de hulp aan hun kind zolang het jonger is dan 16 jaar, of als het zijn belangen hierin niet goed kan overzien.');
    }
    case Actor.parentWithoutCustody:
      if (s.standing.age >= 16) {
        if (s.facts.has(Fact.consentGiven)) {
          return allow(`${rule}.parent-without-custody.16.consent-given`, [Citation.jeugdwet_7_3_11, Citation.bw_1_377c],
            'Het recht van een ouder zonder gezag op algemene informatie loopt tot het kind 16 jaar is. De jongere heeft wel zelf toestemming gegeven om deze ouder te informeren.');
        }
        return deny(`${rule}.parent-without-custody.16`, [Citation.bw_1_377c],
          'Een ouder zonder gezag heeft recht op algemene informatie over de hulp tot het kind 16 jaar is. De jongere is nu 16 of ouder. De jongere kan zelf beslissen om deze ouder te informeren.',
          consentHoldersOf(s.standing));
      }
      if (seriousHarm) {
        return deny(`${rule}.parent-without-custody.not-in-interest`, [Citation.bw_1_377c],
          'De hulpverlener geeft deze informatie niet, omdat het geven ervan niet in het belang van het kind is: het zou het kind ernstig schaden.');
      }
      return allow(`${rule}.parent-without-custody`, [Citation.bw_1_377c],
        'Een ouder zonder gezag heeft geen inzage in het dossier, maar krijgt op verzoek algemene informatie: wanneer de hulp begon en eindigde, wat de doelen zijn en wat de resultaten zijn. Dat recht loopt tot het kind 16 jaar is.');
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
