/**
 * The answer to "may this actor do this action on this part of this client's
 * dossier, given these facts, on this date?", and the situation the rules
 * read it from. The input has the shape of a `decide` scenario of the
 * conformance format.
 */
import { Capacity, standingOf, type ClientFacts, type ClientStanding } from './age.js';
import type { IsoDate } from './calendar.js';
import type { Citation } from './citations.js';
import { ConsentParty, Outcome, Part, type Action, type Actor, type Fact } from './vocabulary.js';

/** What `decide` is asked. */
export interface DecideInput {
  /** The day the question is asked, `YYYY-MM-DD` (the rules never read the clock). */
  readonly on: IsoDate;
  readonly client: ClientFacts;
  readonly actor: Actor;
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

/** The input, normalised and with the client's standing on the date. */
export interface Situation {
  readonly actor: Actor;
  readonly action: Action;
  readonly part: Part;
  readonly facts: ReadonlySet<Fact>;
  readonly standing: ClientStanding;
}

/** Reads a {@link DecideInput} into a {@link Situation}; throws `RangeError` on an invalid date. */
export function situationOf(input: DecideInput): Situation {
  return {
    actor: input.actor,
    action: input.action,
    part: input.part ?? Part.dossier,
    facts: new Set(input.facts ?? []),
    standing: standingOf(input.client, input.on),
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
 * representatives below 12 or when the client is not competent
 * (Jeugdwet 7.3.11; BW 7:457, 7:465; conformance README).
 */
export function consentHoldersOf(standing: ClientStanding): readonly [ConsentParty] {
  return standing.capacity === Capacity.represented ? [ConsentParty.legalRepresentatives] : [ConsentParty.client];
}

/** Merges citation lists without duplicates, keeping first-seen order. */
export function cite(...lists: readonly (readonly Citation[])[]): readonly Citation[] {
  return [...new Set(lists.flat())];
}
