/**
 * The answer to "may this actor do this action on this part of this client's
 * dossier, given these facts, on this date?", and the situation the rules
 * read it from. The input has the shape of a `decide` scenario of the
 * conformance format.
 */
import { ageOn, Capacity, standingOf, type ClientFacts, type ClientStanding } from './age.js';
import { compareDates, toCalendarDate, type IsoDate } from './calendar.js';
import type { Citation } from './citations.js';
import { actorOfStanding, holdsCustodyOn, personStandingOn, type Person, type PersonRef, type PersonStanding } from './persons.js';
import { Actor, ConsentParty, Outcome, Part, type Action, type Fact } from './vocabulary.js';

/** What `decide` is asked. */
export interface DecideInput {
  /** The day the question is asked, `YYYY-MM-DD` (the rules never read the clock). */
  readonly on: IsoDate;
  readonly client: ClientFacts;
  /** An actor word, or one of `persons` by id (answered as what that person is on `on`). */
  readonly actor: Actor | PersonRef;
  /** The people around the client who are there and willing to act (custody, representation). */
  readonly persons?: readonly Person[];
  readonly action: Action;
  /** Defaults to `dossier`, the whole care dossier. */
  readonly part?: Part;
  /** Recorded facts; order and duplicates do not matter. */
  readonly facts?: Iterable<Fact>;
}

interface DecisionCommon {
  /** Every article the decision rests on, written `<law> <article>`. */
  readonly basis: readonly Citation[];
  /** Dutch at B1 level, for the person it is about or their parent. */
  readonly explanation: string;
  /** Stable name of the rule that decided, for logs and tests. */
  readonly rule: string;
}

/** Allowed. */
export interface AllowDecision extends DecisionCommon {
  readonly outcome: typeof Outcome.allow;
}

/** Not allowed. */
export interface DenyDecision extends DecisionCommon {
  readonly outcome: typeof Outcome.deny;
  /** Whose consent would change the answer, where consent can (e.g. the other person for third-party information). */
  readonly unlessConsentOf?: readonly ConsentParty[];
}

/** Allowed once the consent of `consentOf` is recorded. */
export interface NeedsConsentDecision extends DecisionCommon {
  readonly outcome: typeof Outcome.needsConsent;
  readonly consentOf: readonly [ConsentParty, ...ConsentParty[]];
}

/** A decision of the rules engine. */
export type Decision = AllowDecision | DenyDecision | NeedsConsentDecision;

/** The client's death as the rules read it (Jeugdwet 7.3.12a). */
export interface DeathFacts {
  readonly on: IsoDate;
  /** Age in full years on the day of death. */
  readonly age: number;
  /** Whether the actor held custody on the day of death. */
  readonly actorHeldCustody: boolean;
}

/** The input, normalised and with the client's standing on the date. */
export interface Situation {
  /** The actor the rules answer: a person is answered as what they are on the date. */
  readonly actor: Actor;
  /** Set when the actor is one of `persons`. */
  readonly person?: PersonStanding;
  readonly action: Action;
  readonly part: Part;
  readonly facts: ReadonlySet<Fact>;
  readonly standing: ClientStanding;
  /** Set when the client died on or before the date asked. */
  readonly death?: DeathFacts;
}

function isPersonRef(actor: Actor | PersonRef): actor is PersonRef {
  return typeof actor === 'object';
}

/**
 * Reads a {@link DecideInput} into a {@link Situation}.
 * @throws RangeError on an invalid date, or an actor naming no person of `persons`.
 */
export function situationOf(input: DecideInput): Situation {
  const persons = input.persons ?? [];
  let actor: Actor;
  let person: PersonStanding | undefined;
  let heldCustodyOnDeath: (day: IsoDate) => boolean;
  if (isPersonRef(input.actor)) {
    const ref = input.actor.person;
    const found = persons.find((p) => p.id === ref);
    if (found === undefined) throw new RangeError(`actor "${ref}" is not one of the persons`);
    person = personStandingOn(found, persons, input.client, input.on);
    actor = actorOfStanding(person);
    heldCustodyOnDeath = (day) => holdsCustodyOn(found, input.client.born, day);
  } else {
    actor = input.actor;
    // A format-1 word for a legal representative stands for whoever held custody (Jeugdwet 7.3.12a lid 2).
    heldCustodyOnDeath = () => actor === Actor.parentWithCustody || actor === Actor.guardian;
  }
  const standing = standingOf(input.client, input.on);
  let death: DeathFacts | undefined;
  const deceased = input.client.deceased;
  if (deceased !== undefined && compareDates(toCalendarDate(deceased, 'client.deceased'), toCalendarDate(input.on, 'on')) <= 0) {
    const age = ageOn(toCalendarDate(input.client.born, 'client.born'), toCalendarDate(deceased, 'client.deceased'));
    death = { on: deceased, age, actorHeldCustody: age < 18 && heldCustodyOnDeath(deceased) };
  }
  return {
    actor,
    ...(person === undefined ? {} : { person }),
    action: input.action,
    part: input.part ?? Part.dossier,
    facts: new Set(input.facts ?? []),
    standing,
    ...(death === undefined ? {} : { death }),
  };
}

/** Builds an `allow`. */
export function allow(rule: string, basis: readonly Citation[], explanation: string): AllowDecision {
  return { outcome: Outcome.allow, basis, explanation, rule };
}

/** Builds a `deny`. */
export function deny(rule: string, basis: readonly Citation[], explanation: string, unlessConsentOf?: readonly ConsentParty[]): DenyDecision {
  return unlessConsentOf === undefined
    ? { outcome: Outcome.deny, basis, explanation, rule }
    : { outcome: Outcome.deny, basis, explanation, rule, unlessConsentOf };
}

/** Builds a `needs-consent`. */
export function needsConsent(
  rule: string,
  basis: readonly Citation[],
  explanation: string,
  consentOf: readonly [ConsentParty, ...ConsentParty[]],
): NeedsConsentDecision {
  return { outcome: Outcome.needsConsent, basis, explanation, rule, consentOf };
}

/**
 * Whose consent `consent-given` stands for: the client from 12, the legal
 * representatives below 12 or when a minor is not competent, the
 * representative when an adult is not competent (Jeugdwet 7.3.11, 7.3.15;
 * BW 7:457, 7:465 lid 3; conformance README-v2).
 */
export function consentHoldersOf(standing: ClientStanding): readonly [ConsentParty] {
  switch (standing.capacity) {
    case Capacity.represented: return [ConsentParty.legalRepresentatives];
    case Capacity.representedAdult: return [ConsentParty.representative];
    case Capacity.shared:
    case Capacity.independent: return [ConsentParty.client];
  }
}

/** Merges citation lists without duplicates, keeping first-seen order. */
export function cite(...lists: readonly (readonly Citation[])[]): readonly Citation[] {
  return [...new Set(lists.flat())];
}
