/**
 * What the logged-in employee may do with a client's request, asked of the rules engine itself
 * (src/rules/acts.ts, pure): the screens show a form only to whom the engine allows the act, and tell the
 * others why before they fill anything in (issue 15). The server's gate asks the same engine and stays the
 * judge; this only spares people a form they would be refused.
 */
import { Act, ActingFor, Employee, decideAct, type RequestKindWord } from '../../../src/rules/acts.js';
import type { Decision } from '../../../src/rules/decision.js';
import { today } from '../labels';
import type { ClientDetail } from '../client-detail';
import type { Me } from './Login';

export type RequestAct = typeof Act.registerRequest | typeof Act.decideRequest | typeof Act.fulfilRequest | typeof Act.confirmDestruction | typeof Act.endRestriction;
export const RequestAct = {
  register: Act.registerRequest, decide: Act.decideRequest, fulfil: Act.fulfilRequest, confirmDestruction: Act.confirmDestruction, endRestriction: Act.endRestriction,
} as const satisfies Record<string, RequestAct>;

/**
 * The engine's employee for this client. The session gives the role; the dossier names the holder. A care
 * professional who can open the dossier and is not its holder is in the care team (a member or substitute:
 * the same rights). The web sends no acting-for header, so administrative staff act for nobody.
 */
function employeeOf(me: Me, client: ClientDetail): Employee {
  switch (me.role) {
    case 'care-professional': return client.dossier?.holder?.id === me.employeeId ? Employee.holder : Employee.member;
    case 'intern': return Employee.intern;
    case 'admin-staff': return Employee.adminStaff;
    case 'manager': return Employee.manager;
    case 'privacy-officer': return Employee.privacyOfficer;
    default: return Employee.applicationAdministrator;
  }
}

/** The engine's answer: may `me` perform `act` (for a request of `kind`) on this client's requests? */
export function mayDo(me: Me, client: ClientDetail, act: RequestAct, kind?: string): Decision {
  return decideAct({
    act, employee: employeeOf(me, client), actingFor: ActingFor.nobody, on: today(), client: { born: client.birthDate },
    ...(kind === undefined ? {} : { requestKind: kind as RequestKindWord }),
  });
}
