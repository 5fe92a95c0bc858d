/**
 * What the logged-in employee may do with a client's request, asked of the rules engine itself
 * (src/rules/acts.ts, pure): the screens show a form only to whom the engine allows the act, and tell the
 * others why before they fill anything in (issue 15). The server's gate asks the same engine and stays the
 * judge; this only spares people a form they would be refused.
 */
import { Act, type RequestKindWord } from '../../../../src/rules/acts.js';
import type { Decision } from '../../../../src/rules/decision.js';
import { mayDo as mayDoWithClient } from '../../shared/permissions';
import type { ClientDetail } from '../../shared/client-detail';
import type { Me } from '../auth/Login';

export type RequestAct = typeof Act.registerRequest | typeof Act.decideRequest | typeof Act.fulfilRequest | typeof Act.confirmDestruction | typeof Act.endRestriction;
export const RequestAct = {
  register: Act.registerRequest, decide: Act.decideRequest, fulfil: Act.fulfilRequest, confirmDestruction: Act.confirmDestruction, endRestriction: Act.endRestriction,
} as const satisfies Record<string, RequestAct>;

/** The engine's answer: may `me` perform `act` (for a request of `kind`) on this client's requests? */
export function mayDo(me: Me, client: ClientDetail, act: RequestAct, kind?: string): Decision {
  // The request screens send no acting-for header, so administrative staff act for nobody here.
  return mayDoWithClient(me, client, act, kind === undefined ? {} : { requestKind: kind as RequestKindWord });
}
