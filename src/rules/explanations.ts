/**
 * Dutch words for the vocabulary, at B1 level, for the explanations the
 * rules give. Short words a parent uses, not the words of the law.
 */
import type { ClientStanding } from './age.js';
import type { ConsentParty } from './vocabulary.js';
import { type Action, type Actor, type Part } from './vocabulary.js';

/** Dutch name of an actor, with article, lower case. */
export const actorName: Readonly<Record<Actor, string>> = {
  'client': 'de jongere',
  'parent-with-custody': 'een ouder met gezag',
  'parent-without-custody': 'een ouder zonder gezag',
  'guardian': 'de voogd',
  'family-guardian': 'de gezinsvoogd',
  'confidential-advisor': 'de vertrouwenspersoon',
  'municipality': 'de gemeente',
  'third-party': 'een andere organisatie of persoon',
  'care-professional': 'de hulpverlener',
  'substitute': 'de vervanger van de hulpverlener',
  'intern': 'een stagiair',
  'admin-staff': 'een administratief medewerker',
  'manager': 'een leidinggevende',
  'employee-without-relation': 'een medewerker die niet bij de hulp betrokken is',
  'inspector': 'de inspectie (IGJ)',
  'representative': 'de vertegenwoordiger',
};

/** Dutch name of an action, as an infinitive phrase. */
export const actionName: Readonly<Record<Action, string>> = {
  'inspect': 'inzien',
  'copy': 'een kopie krijgen',
  'correct': 'laten verbeteren',
  'add-statement': 'een eigen verklaring laten toevoegen',
  'destroy': 'laten vernietigen',
  'general-information': 'algemene informatie over de hulp krijgen',
  'read': 'lezen voor het werk',
  'disclose': 'gegevens krijgen van de organisatie',
};

/** Dutch name of a part, with article. */
export const partName: Readonly<Record<Part, string>> = {
  'dossier': 'het dossier',
  'conversation-report': 'de gespreksverslagen',
  'care-plan': 'het plan',
  'evaluation': 'de evaluaties',
  'research-report': 'de onderzoeksrapporten',
  'raw-test-data': 'de ruwe testgegevens',
  'third-party-information': 'de informatie over iemand anders',
  'administrative-data': 'de administratieve gegevens',
  'personal-work-note': 'de persoonlijke werkaantekeningen',
};

/** Dutch name of whose consent is meant. */
export const consentPartyName: Readonly<Record<ConsentParty, string>> = {
  'client': 'de jongere',
  'legal-representatives': 'de ouders met gezag of de voogd',
  'representative': 'de vertegenwoordiger van de cliënt (curator, mentor, gemachtigde, partner of familie)',
  'other-person': 'de persoon over wie de informatie gaat',
};

/** "Het kind is 9 jaar." / "De jongere is 14 jaar." / "De cliënt is 20 jaar." */
export function ageSentence(standing: ClientStanding): string {
  if (standing.age < 12) return `Het kind is ${standing.age} jaar.`;
  return standing.age < 18 ? `De jongere is ${standing.age} jaar.` : `De cliënt is ${standing.age} jaar.`;
}

const monthNames = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'] as const;

/**
 * A date in words, as people read it in a letter.
 * @example dateInWords('2026-04-16') // '16 april 2026'
 */
export function dateInWords(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day ?? ''} ${monthNames[(month ?? 1) - 1] ?? ''} ${year ?? ''}`;
}

/** Capitalises the first letter. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
