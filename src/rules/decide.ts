/**
 * The one entry of the access rules: may this actor do this action on this
 * part of this client's dossier, given these facts, on this date? Dispatches
 * by action family to the rule modules; each answer carries its basis and a
 * Dutch explanation.
 */
import { decideDisclose, decideGeneralInformation } from './decide-information.js';
import { decideRead } from './decide-read.js';
import { decideRight } from './decide-rights.js';
import { situationOf, type DecideInput, type Decision } from './decision.js';
import { Action } from './vocabulary.js';

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
