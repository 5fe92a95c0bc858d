/**
 * Deciding and fulfilling a request are acts decided per kind (src/rules/acts.ts):
 * handing over a copy is not carrying out a destruction. The route knows only
 * the request's id, so the gate decides the act for any kind (may this employee
 * fulfil requests at all?) and, once inside the access, this module loads the
 * kind — one indexed look-up of one column, no decryption — and asks the engine
 * again for exactly that kind, with the employee the gate decided for. A refusal
 * is the engine's 403, and the gate logs the attempt as denied.
 *
 * Why not in the gate: the gate's intent is built from the HTTP request alone,
 * before any transaction; loading a row there would give the gate a second,
 * module-specific query for two routes. Deciding here keeps the gate generic
 * and the second decision as pure as the first.
 */
import type { ClientScope } from '../access/client-access.js';
import { decideActAgain } from '../access/policy.js';
import { forbidden } from '../errors.js';
import type { Act, RequestKindWord } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { RequestKind } from './request-kinds.js';
import { requestsOf } from './request-store.js';

// The engine's words for the kinds are the requests module's words: a new kind on one side fails to compile here.
const SAME_WORDS: Record<RequestKind, RequestKindWord> = {
  'inspect': 'inspect', 'copy': 'copy', 'correct': 'correct', 'add-statement': 'add-statement', 'destroy': 'destroy', 'restrict': 'restrict',
  'object': 'object', 'portability': 'portability', 'withdraw-consent': 'withdraw-consent', 'general-information': 'general-information',
};

/**
 * Refuses with the engine's explanation when the scope's employee may not do `act` for this request's kind.
 * An unknown request passes: the service answers it 404 itself.
 */
export async function assertRequestAct(scope: ClientScope, act: typeof Act.decideRequest | typeof Act.fulfilRequest, requestId: string): Promise<void> {
  const kind = await requestsOf(scope).kindOf(requestId);
  if (kind === undefined) return;
  const decision = decideActAgain(scope.decision, act, calendarDate(scope.now), { requestKind: SAME_WORDS[kind] });
  if (!decision.allowed) throw forbidden(decision.explanationNl, decision.explanationEn, decision.citations);
}
