/**
 * After the client's death (Jeugdwet 7.3.12a; BW 7:458a–458b; 003 §3.1: "Sinds
 * 1 januari 2020 hebben o.a. nabestaanden van een overleden cliënt onder
 * voorwaarden recht op inzage in het dossier"). Nobody exercises the client's
 * rights any more and a consent recorded for the living client counts for
 * nothing; professional secrecy continues. Employees and the inspectorate
 * read as before. Anyone else gets information, inspection or a copy only on
 * a ground of 7.3.12a:
 * - lid 1(a): the client consented in life, in writing or electronically;
 * - lid 1(b): a compelling interest that may be harmed and needs the data;
 * - lid 2: the client died before 16 and the person held custody that day;
 * never when the client, from 12 and competent, recorded an objection (lid 4),
 * and never beyond the limits of part (another person's privacy, raw test
 * data, personal work notes).
 */
import { Citation } from './citations.js';
import { allow, deny, type Decision, type Situation } from './decision.js';
import { dateInWords } from './explanations.js';
import { Action, Actor, ConsentParty, Fact, isEmployeeActor, Part } from './vocabulary.js';

const basis = [Citation.jeugdwet_7_3_12a, Citation.bw_7_458a] as const;

/** The answer after death, or `undefined` when the client is alive or the actor is an employee. */
export function decideAfterDeath(s: Situation): Decision | undefined {
  const death = s.death;
  if (death === undefined || isEmployeeActor(s.actor) || s.action === Action.read) return undefined;
  const died = `De cliënt is overleden op ${dateInWords(death.on)}.`;
  switch (s.action) {
    case Action.correct:
    case Action.addStatement:
    case Action.destroy:
      return deny(`deceased.${s.action}`, [...basis, Citation.jeugdwet_7_3_11],
        `${died} Niemand oefent daarna de rechten van de cliënt uit: het dossier wordt niet meer verbeterd, aangevuld of op verzoek vernietigd.`);
    case Action.inspect:
    case Action.copy:
    case Action.disclose:
    case Action.generalInformation:
      break;
  }
  if (s.actor === Actor.client) {
    return deny('deceased.client', [...basis], `${died} Niemand oefent daarna de rechten van de cliënt uit.`);
  }
  if (s.actor === Actor.municipality && s.part !== Part.administrativeData) {
    return deny('deceased.municipality', [Citation.jeugdwet_7_3_11, Citation.bw_7_457],
      `${died} De gemeente heeft geen toegang tot het hulpverleningsdossier, ook niet na het overlijden.`);
  }
  if (s.facts.has(Fact.objectedInLife)) {
    return deny('deceased.objected-in-life', [...basis],
      `${died} De cliënt heeft bij leven schriftelijk of elektronisch vastgelegd dat hij dit niet wilde. Daaraan houdt de hulpverlener zich.`);
  }
  const custodyUnder16 = death.age < 16 && death.actorHeldCustody;
  const ground = s.facts.has(Fact.consentedInLife)
    ? 'consented-in-life'
    : s.facts.has(Fact.compellingInterest)
      ? 'compelling-interest'
      : custodyUnder16 ? 'custody-under-16' : undefined;
  if (ground === undefined) {
    return deny('deceased.no-ground', [...basis, Citation.jeugdwet_7_3_11],
      `${died} Het beroepsgeheim geldt ook na de dood. Informatie, inzage of een kopie is alleen mogelijk als de cliënt daar bij leven toestemming voor gaf, als u een zwaarwegend belang heeft dat u alleen met deze gegevens kunt beschermen, of als u het gezag had over een kind dat jonger dan 16 jaar overleed. Dat is hier niet vastgelegd.`);
  }
  if (s.part === Part.personalWorkNote) {
    return deny('deceased.personal-work-note', [Citation.jeugdwet_7_3_8], 'Persoonlijke werkaantekeningen horen niet bij het dossier en worden met niemand gedeeld.');
  }
  if (s.part === Part.thirdPartyInformation && !s.facts.has(Fact.otherPersonConsents)) {
    return deny('deceased.third-party-information', [...basis, Citation.jeugdwet_7_3_10],
      'In het dossier staat informatie over iemand anders. Die wordt afgeschermd, tenzij die persoon toestemming geeft.', [ConsentParty.otherPerson]);
  }
  if (s.part === Part.rawTestData && s.action !== Action.inspect && s.action !== Action.generalInformation) {
    return deny('deceased.raw-test-data', [Citation.jeugdwet_7_3_10],
      'Ruwe testgegevens mag u inzien, maar u krijgt er geen kopie van.');
  }
  const why = ground === 'consented-in-life'
    ? 'De cliënt heeft bij leven schriftelijk of elektronisch toestemming gegeven.'
    : ground === 'compelling-interest'
      ? 'U heeft een zwaarwegend belang dat geschaad kan worden, en u heeft deze gegevens nodig om dat te beschermen.'
      : 'Het kind overleed voordat het 16 jaar was, en u had op die dag het gezag.';
  return allow(`deceased.${ground}`, [...basis], `${died} ${why} Daarom mag het, zoals de wet regelt voor nabestaanden.`);
}
