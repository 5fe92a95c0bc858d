/**
 * The people around the client and what they are on a given day: holding
 * custody, the representative of an adult who is not competent, a parent
 * without custody, or someone else.
 *
 * - Custody (ouderlijk gezag, voogdij) is held in one of the kinds the
 *   national register names (003 §2.3.5), over a period, and only over a
 *   minor: it ends at 18 without any end date being recorded (BW 1:233). A
 *   non-parent who holds custody together with a parent (BW 1:253t) holds it
 *   like the parent: custody includes representing the child (BW 1:245 lid 4–5).
 * - An adult who is not competent is represented by, in this order, a curator
 *   or mentor; else the person the client authorised in writing; else the
 *   spouse, registered partner or life companion; else a parent, child,
 *   brother or sister (BW 7:465 lid 3; Jeugdwet 7.3.15). Everyone in the first
 *   rank with anyone in it on the day is a representative; the list holds
 *   only those who are there and willing to act (lid 4: whoever does not
 *   act is left out).
 */
import { ageOn } from './age.js';
import { compareDates, toCalendarDate, type IsoDate } from './calendar.js';
import { Citation } from './citations.js';
import { Actor, CustodyKind, Relation } from './vocabulary.js';

/** One person around the client. */
export interface Person {
  /** Unique among the persons of one question. */
  readonly id: string;
  readonly relation: Relation;
  /** The kind of custody the person holds, if any. */
  readonly custody?: CustodyKind;
  /** First day (inclusive) of the custody, or of the role curator, mentor or authorised. */
  readonly from?: IsoDate;
  /** Last day (inclusive) of the same. */
  readonly to?: IsoDate;
}

/** Names a person of {@link Person} as the one who asks. */
export interface PersonRef {
  readonly person: string;
}

/** What a person is on a day, and therefore how the rules answer them. */
export type PersonStanding =
  | { readonly kind: 'custody'; readonly person: Person; readonly nonParent: boolean }
  | { readonly kind: 'representative'; readonly person: Person; readonly rank: 1 | 2 | 3 | 4 }
  | { readonly kind: 'parent-without-custody'; readonly person: Person }
  | { readonly kind: 'adult-client'; readonly person: Person }
  | { readonly kind: 'third-party'; readonly person: Person };

function within(person: Person, day: IsoDate): boolean {
  const d = toCalendarDate(day, 'day');
  if (person.from !== undefined && compareDates(d, toCalendarDate(person.from, 'from')) < 0) return false;
  if (person.to !== undefined && compareDates(d, toCalendarDate(person.to, 'to')) > 0) return false;
  return true;
}

function ageOnDay(born: IsoDate, day: IsoDate): number {
  return ageOn(toCalendarDate(born, 'client.born'), toCalendarDate(day, 'day'));
}

/**
 * Whether `person` holds custody of a client born on `born` on `day`: a kind
 * of custody, within its period, and the client still a minor (BW 1:233).
 * @example holdsCustodyOn({ id: 'm', relation: 'parent', custody: 'two-headed-parental' }, '2007-11-22', '2026-11-22') // false (the client is 19)
 */
export function holdsCustodyOn(person: Person, born: IsoDate, day: IsoDate): boolean {
  return person.custody !== undefined && within(person, day) && ageOnDay(born, day) < 18;
}

const ranks: readonly (readonly Relation[])[] = [
  [Relation.curator, Relation.mentor],
  [Relation.authorised],
  [Relation.partner],
  [Relation.parent, Relation.child, Relation.sibling],
];

/** Roles that exist only for a period (the court's appointment, the written authorisation). */
function roleCurrent(person: Person, day: IsoDate): boolean {
  const periodic = person.relation === Relation.curator || person.relation === Relation.mentor || person.relation === Relation.authorised;
  return !periodic || within(person, day);
}

/**
 * The representatives of an adult client who is not competent on `day`, with
 * their rank (BW 7:465 lid 3): empty when the client is a minor or competent,
 * or when nobody of any rank is there.
 */
export function representativesOn(
  persons: readonly Person[],
  client: { born: IsoDate; competent?: boolean },
  day: IsoDate,
): { rank: 1 | 2 | 3 | 4; persons: readonly Person[] } | undefined {
  if (ageOnDay(client.born, day) < 18 || (client.competent ?? true)) return undefined;
  for (const [index, relations] of ranks.entries()) {
    const inRank = persons.filter((p) => relations.includes(p.relation) && roleCurrent(p, day));
    if (inRank.length > 0) return { rank: (index + 1) as 1 | 2 | 3 | 4, persons: inRank };
  }
  return undefined;
}

/**
 * What `person` is on `day` (format 2 `persons`, conformance README-v2).
 * @example personStandingOn(stepfather, [mother, stepfather], { born: '2016-11-22' }, '2026-11-22').kind // 'custody'
 */
export function personStandingOn(person: Person, persons: readonly Person[], client: { born: IsoDate; competent?: boolean }, day: IsoDate): PersonStanding {
  if (holdsCustodyOn(person, client.born, day)) {
    return { kind: 'custody', person, nonParent: person.relation !== Relation.parent };
  }
  const representatives = representativesOn(persons, client, day);
  if (representatives !== undefined && representatives.persons.some((p) => p.id === person.id)) {
    return { kind: 'representative', person, rank: representatives.rank };
  }
  const adult = ageOnDay(client.born, day) >= 18;
  if (!adult && person.relation === Relation.parent) return { kind: 'parent-without-custody', person };
  if (adult) return { kind: 'adult-client', person };
  return { kind: 'third-party', person };
}

/**
 * The actor a person is answered as. A person holding custody is a legal
 * representative like a parent with custody; for an adult client everyone but
 * the representative needs consent, as a former parent with custody does.
 */
export function actorOfStanding(standing: PersonStanding): Actor {
  switch (standing.kind) {
    case 'custody': return Actor.parentWithCustody;
    case 'representative': return Actor.representative;
    case 'parent-without-custody': return Actor.parentWithoutCustody;
    case 'adult-client': return Actor.parentWithCustody;
    case 'third-party': return Actor.thirdParty;
  }
}

/** The articles by which a person is what they are, added to every answer about them. */
export function standingBasis(standing: PersonStanding): readonly Citation[] {
  switch (standing.kind) {
    case 'custody':
      return standing.person.custody === CustodyKind.jointWithNonParent || standing.nonParent
        ? [Citation.bw_1_245, Citation.bw_1_253t]
        : [Citation.bw_1_245];
    case 'representative': {
      const appointed = standing.person.relation === Relation.curator
        ? [Citation.bw_1_378]
        : standing.person.relation === Relation.mentor ? [Citation.bw_1_450] : [];
      return [Citation.bw_7_465, Citation.jeugdwet_7_3_15, ...appointed];
    }
    case 'parent-without-custody':
      return [];
    case 'adult-client':
      return [Citation.bw_1_233];
    case 'third-party':
      return [];
  }
}

const relationName: Readonly<Record<Relation, string>> = {
  parent: 'de ouder',
  partner: 'de partner',
  child: 'het kind van de cliënt',
  sibling: 'de broer of zus',
  curator: 'de curator',
  mentor: 'de mentor',
  authorised: 'de schriftelijk gemachtigde',
  other: 'deze persoon',
};

/** A Dutch sentence saying what the person is, put before the explanation. */
export function standingSentence(standing: PersonStanding): string {
  const who = relationName[standing.person.relation];
  switch (standing.kind) {
    case 'custody':
      return standing.nonParent
        ? `${capital(who)} heeft samen met de ouder het gezag. Daarmee is ${who} wettelijk vertegenwoordiger, net als een ouder met gezag.`
        : `${capital(who)} heeft het gezag.`;
    case 'representative':
      return `De cliënt is volwassen en kan zijn belangen hierin niet goed overzien. ${capital(who)} is nu zijn vertegenwoordiger.`;
    case 'parent-without-custody':
      return `${capital(who)} heeft (nu) geen gezag.`;
    case 'adult-client':
      return 'De cliënt is volwassen. Het gezag eindigt als iemand 18 jaar wordt.';
    case 'third-party':
      return `${capital(who)} heeft geen gezag over het kind.`;
  }
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The relation in a short label (lower case, no article). */
const relationWord: Readonly<Record<Relation, string>> = {
  parent: 'ouder',
  partner: 'partner',
  child: 'kind van de cliënt',
  sibling: 'broer of zus',
  curator: 'curator',
  mentor: 'mentor',
  authorised: 'schriftelijk gemachtigde',
  other: 'derde',
};

/**
 * A short Dutch label for what the person is on the day, for lists and letters: not the word recorded when a
 * request came in, since custody ends at 18 (BW 1:233) and an adult's representative follows from the ranks
 * of BW 7:465 lid 3 on the day.
 * @example standingLabel(personStandingOn(mother, [mother], { born: '2007-01-01' }, '2026-12-04')) // 'ouder (geen gezag meer: de cliënt is volwassen)'
 */
export function standingLabel(standing: PersonStanding): string {
  const word = relationWord[standing.person.relation];
  switch (standing.kind) {
    case 'custody':
      if (standing.person.custody === CustodyKind.guardianship) return 'voogd (gezag)';
      return standing.nonParent ? 'gezag samen met de ouder (wettelijk vertegenwoordiger)' : 'ouder met gezag';
    case 'representative':
      return `vertegenwoordiger (${word})`;
    case 'parent-without-custody':
      return 'ouder zonder gezag';
    case 'adult-client':
      return standing.person.relation === Relation.parent
        ? 'ouder (geen gezag meer: de cliënt is volwassen)'
        : standing.person.relation === Relation.other ? 'derde (de cliënt is volwassen)' : `${word} (geen vertegenwoordiger)`;
    case 'third-party':
      return word;
  }
}
