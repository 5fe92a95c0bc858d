/**
 * The one entry of the access rules: may this actor do this action on this
 * part of this client's dossier, given these facts, on this date? Dispatches
 * by action family to the rule modules; each answer carries its basis and a
 * Dutch explanation.
 */
import { decideAfterDeath } from './decide-after-death.js';
import { decideDisclose, decideGeneralInformation } from './decide-information.js';
import { decideRead } from './decide-read.js';
import { decideRight } from './decide-rights.js';
import { cite, situationOf, type DecideInput, type Decision, type Situation } from './decision.js';
import { standingBasis, standingSentence } from './persons.js';
import { Action, GeneralInformationItem, Outcome } from './vocabulary.js';

/**
 * Decides whether `actor` may do `action` on `part` of the client's dossier.
 *
 * @throws RangeError when `on` or `client.born` is not a real date, or `on` lies before the birth.
 * @example
 * ```ts
 * const d = decide({
 *   on: '2026-11-22',
 *   client: { born: '2009-11-22' },
 *   actor: 'parent-with-custody',
 *   action: 'inspect',
 * });
 * // d.outcome === 'needs-consent', d.consentOf → ['client'], d.basis includes 'Jeugdwet 7.3.11'
 * ```
 */
export function decide(input: DecideInput): Decision {
  const s = situationOf(input);
  const decision = decideSituation(s);
  if (s.person === undefined) return decision;
  // A person is answered as what they are on the day; say so, with the articles that make them so.
  return { ...decision, basis: cite(decision.basis, standingBasis(s.person)), explanation: `${standingSentence(s.person)} ${decision.explanation}` };
}

function decideSituation(s: Situation): Decision {
  const afterDeath = decideAfterDeath(s);
  if (afterDeath !== undefined) return afterDeath;
  switch (s.action) {
    case Action.inspect:
    case Action.copy:
    case Action.correct:
    case Action.addStatement:
    case Action.destroy:
      return decideRight(s, s.action);
    case Action.generalInformation:
      return decideGeneralInformation(s);
    case Action.read:
      return decideRead(s);
    case Action.disclose:
      return decideDisclose(s);
  }
}

/** What {@link generalInformation} is asked: as `decide`, without action and part. */
export type GeneralInformationInput = Omit<DecideInput, 'action' | 'part'>;

/** The items of general information the actor gets now, with the decision behind them. */
export interface GeneralInformationAnswer {
  /** `start`, `end`, `goals`, `results` when allowed; none otherwise. */
  readonly items: readonly GeneralInformationItem[];
  readonly decision: Decision;
  readonly basis: Decision['basis'];
  readonly explanation: string;
}

/**
 * Which general information about the care the actor gets on request now
 * (BW 1:377c; 003 §3.1): when the help started, whether and when it ended,
 * its goals as set in the plan and its results as evaluated — their content,
 * not only dates — or nothing when `decide` does not allow it.
 * @example generalInformation({ on: '2026-11-22', client: { born: '2017-11-22' }, actor: 'parent-without-custody' }).items // ['start', 'end', 'goals', 'results']
 */
export function generalInformation(input: GeneralInformationInput): GeneralInformationAnswer {
  const decision = decide({ ...input, action: Action.generalInformation });
  const items = decision.outcome === Outcome.allow ? Object.values(GeneralInformationItem) : [];
  return { items, decision, basis: decision.basis, explanation: decision.explanation };
}
