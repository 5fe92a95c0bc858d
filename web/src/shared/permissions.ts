/**
 * What the logged-in employee may do with one client, asked of the rules engine itself (src/rules/acts.ts, pure)
 * in the browser: a screen shows a form only to whom the engine allows the act, and tells the others why before
 * they fill anything in (issue 15). The server's gate asks the same engine and stays the judge; this only spares
 * people a form they would be refused. Shared by the request screens (features/requests/request-permissions.ts) and the
 * daily administration (features/client/).
 */
import { ActingFor, Employee, decideAct, type Act, type RequestKindWord } from '../../../src/rules/acts.js';
import type { Decision } from '../../../src/rules/decision.js';
import { Fact, type Part } from '../../../src/rules/vocabulary.js';
import { today } from './labels';
import type { ClientDetail } from './client-detail';
import type { Me } from '../features/auth/Login';

/**
 * The engine's employee for this client, as the server's gate counts it (src/access/policy.ts `employeeOf`). The
 * session gives the role; the dossier names the holder. A care professional who opens the dossier and is not its
 * holder is in the care team (a member or substitute: the same rights) — unless they read it by emergency access:
 * the glass is broken by those without a care relation (the client page offers it only after a refusal), and the gate
 * decides for them as a professional without relation, with the emergency among the facts ({@link factsOf}).
 */
export function employeeOf(me: Me, client: ClientDetail): Employee {
  switch (me.role) {
    case 'care-professional':
      if (client.dossier?.holder?.id === me.employeeId) return Employee.holder;
      return readsByEmergency(client) ? Employee.professionalWithoutRelation : Employee.member;
    case 'intern': return Employee.intern;
    case 'admin-staff': return Employee.adminStaff;
    case 'manager': return Employee.manager;
    case 'privacy-officer': return Employee.privacyOfficer;
    default: return Employee.applicationAdministrator;
  }
}

/** The record carries the caller's own running emergency access only when the gate let them in by it (basis emergency). */
function readsByEmergency(client: ClientDetail): boolean {
  return client.emergencyAccess != null;
}

/**
 * The facts about this client the engine is told, as the gate adds them (src/access/gate-client.ts): an emergency
 * access of the caller that runs now. With it the engine lets the caller read what the emergency needs and refuses,
 * with its reason, every act that writes or changes rights (src/rules/decide-read.ts, decide-record.ts, acts.ts).
 */
export function factsOf(client: ClientDetail): Fact[] {
  return readsByEmergency(client) ? [Fact.emergency] : [];
}

/** What else the engine is told: whom administrative staff act for (the acting-for header), a request's kind, the part. */
export interface AskMore {
  actingFor?: ActingFor;
  requestKind?: RequestKindWord;
  part?: Part;
}

/**
 * The engine's answer: may `me` perform `act` on this client?
 * @example
 * mayDo(me, client, Act.endRelation, { actingFor: ActingFor.holder }).outcome; // 'allow' for administrative staff acting for the holder
 */
export function mayDo(me: Me, client: ClientDetail, act: Act, more: AskMore = {}): Decision {
  return decideAct({
    act, employee: employeeOf(me, client), actingFor: more.actingFor ?? ActingFor.nobody, on: today(), client: { born: client.birthDate },
    facts: factsOf(client),
    ...(more.requestKind === undefined ? {} : { requestKind: more.requestKind }),
    ...(more.part === undefined ? {} : { part: more.part }),
  });
}
