/**
 * The care team: which employees have a care relation with a client, in which
 * role (holder, member, substitute, intern) and for which period — the facts
 * the access policy decides on (DOMAIN §2). Also the recorded facts about a
 * client that change access, such as an objection to interns (000).
 */
import type { ClientScope } from '../access/client-access.js';
import { dossierOf } from '../dossier/dossier-store.js';
import { badRequest, conflict, notFound } from '../errors.js';
import type { CareRelation } from '../organisation/employee-roles.js';
import { calendarDate } from '../shared/calendar-date.js';
import { accessFactsOf, careTeamOf } from './care-team-store.js';

export interface CareTeamMember {
  id: string;
  employee: { id: string; name: string; function: string; role: string };
  relation: CareRelation;
  startsOn: string;
  endsOn: string | null;
}

export async function listCareTeam(scope: ClientScope): Promise<CareTeamMember[]> {
  const rows = await careTeamOf(scope).members();
  return rows.map((r) => ({
    id: r.id, employee: { id: r.employee_id, name: r.display_name, function: r.function_title, role: r.role },
    relation: r.relation, startsOn: r.starts_on, endsOn: r.ends_on,
  }));
}

/** A colleague who can join this client's care team: an active care professional or intern of the client's organisation. */
export interface CareTeamCandidate { id: string; name: string; function: string; role: 'care-professional' | 'intern' }

/**
 * The colleagues the holder or a manager can add to the care team (the form's choice; the route is decided as
 * change-care-team, so only they see the list), by name.
 */
export async function listCareTeamCandidates(scope: ClientScope): Promise<CareTeamCandidate[]> {
  const rows = await careTeamOf(scope).candidates();
  return rows.map((r) => ({ id: r.id, name: r.display_name, function: r.function_title, role: r.role }));
}

/**
 * After the end of care nobody joins the team but a new holder (who takes over the closed dossier): a member would
 * open a dossier whose care is over (DOMAIN §2). 409 once the end is recorded.
 */
export async function refuseAfterEndOfCare(scope: ClientScope): Promise<void> {
  const end = await dossierOf(scope).careEnd();
  if (end !== undefined && end.care_ended_on !== null) {
    throw conflict('care-already-ended', 'De hulp aan deze cliënt is gestopt. Er komt niemand meer bij in het team, alleen een nieuwe dossierhouder.',
      'Care for this client has ended: nobody joins the team any more, except a new dossier holder.');
  }
}

/**
 * Links an employee of the same organisation to the client's care team as member, substitute or intern. Never as
 * holder: a dossier has one holder on each day (the responsible professional, 003 §2.1; Jeugdwet 7.3.8), so a holder
 * starts only through the hand-over, which ends the holder until then in the same transaction (end-of-care.ts). A
 * holder added here would hold the dossier beside the current one.
 */
export async function addCareTeamMember(scope: ClientScope, input: { employeeId: string; relation: CareRelation; startsOn: string; endsOn?: string }): Promise<CareTeamMember> {
  if (input.relation === 'holder') {
    // 'relation-mismatch' until the catalogue has a code of its own for this (see the module's report).
    throw badRequest('relation-mismatch', 'relation',
      'Een nieuwe dossierhouder kiest u met "Dossierhouder wijzigen" (de overdracht). Een dossier heeft op elke dag één dossierhouder. Voeg een collega hier toe als teamlid of vervanger.',
      'A new dossier holder is appointed through the hand-over (POST /api/clients/{clientId}/care-team/hand-over): a dossier has one holder on each day. Add a colleague here as member or substitute.');
  }
  if (input.endsOn !== undefined && input.endsOn < input.startsOn) {
    throw badRequest('invalid-period', 'endsOn', 'De einddatum ligt voor de begindatum.', 'The end date is before the start date.');
  }
  await refuseAfterEndOfCare(scope);
  const team = careTeamOf(scope);
  const employee = await team.colleague(input.employeeId);
  if (employee === undefined || !employee.active) {
    throw badRequest('unknown-employee', 'employeeId', 'Deze medewerker bestaat niet in uw organisatie.', 'This employee does not exist in your organisation.');
  }
  if ((employee.role === 'intern') !== (input.relation === 'intern')) {
    throw badRequest('relation-mismatch', 'relation', 'Een stagiair krijgt de relatie "stagiair", en alleen een stagiair.', 'Interns get the relation "intern", and only interns do.');
  }
  const id = await team.add({ employeeId: input.employeeId, relation: input.relation, startsOn: input.startsOn, endsOn: input.endsOn ?? null });
  const member = (await listCareTeam(scope)).find((m) => m.id === id);
  if (member === undefined) throw new Error('care team member vanished after insert');
  return member;
}

/**
 * Ends a membership (kept for history); from the day after `endsOn` the relation no longer counts. Not the holder's:
 * the dossier would be left without a holder (no one responsible, letters without a signatory). A holder's membership
 * ends only by the hand-over, which names the next holder in the same transaction; the end of care keeps it.
 */
export async function endCareTeamMembership(scope: ClientScope, memberId: string, endsOn: string | undefined): Promise<CareTeamMember> {
  const end = endsOn ?? calendarDate(scope.now);
  const team = careTeamOf(scope);
  const current = await team.period(memberId);
  if (current === undefined) throw notFound('Dit teamlid bestaat niet bij deze cliënt.', 'This care team member does not exist for this client.');
  if (current.ends_on !== null && current.ends_on <= end) throw conflict('already-ended', 'Deze relatie is al beëindigd.', 'This relation has already ended.');
  if (end < current.starts_on) throw badRequest('invalid-period', 'endsOn', 'De einddatum ligt voor de begindatum.', 'The end date is before the start date.');
  if (current.relation === 'holder') {
    // 'conflict' until the catalogue has a code of its own for this (see the module's report).
    throw conflict('conflict',
      'Dit is de dossierhouder. Het dossier heeft altijd een dossierhouder nodig. Kies eerst een nieuwe dossierhouder met "Dossierhouder wijzigen" (de overdracht). Dan stopt deze dossierhouder vanzelf, de dag voordat de nieuwe begint. Is de hulp gestopt? Leg dat vast bij "Einde hulp". De dossierhouder houdt het dossier dan.',
      'This is the dossier holder\'s membership: the dossier always needs a holder. Hand the dossier over first (POST /api/clients/{clientId}/care-team/hand-over); that ends this holdership the day before the new holder starts. If care has stopped, record the end of care: the holder keeps the dossier.');
  }
  await team.end(memberId, end);
  return (await listCareTeam(scope)).find((m) => m.id === memberId)!;
}

export const ACCESS_FACTS = ['client-objects-to-interns'] as const;
export type AccessFact = (typeof ACCESS_FACTS)[number];

export interface RecordedAccessFact {
  id: string;
  fact: AccessFact;
  recordedBy: string;
  recordedAt: string;
}

export async function listAccessFacts(scope: ClientScope): Promise<RecordedAccessFact[]> {
  const rows = await accessFactsOf<AccessFact>(scope).inForce();
  return rows.map((r) => ({ id: r.id, fact: r.fact, recordedBy: r.display_name, recordedAt: r.recorded_at.toISOString() }));
}

/** Records a fact such as the client's objection to interns; effective at once. */
export async function recordAccessFact(scope: ClientScope, fact: AccessFact): Promise<RecordedAccessFact[]> {
  const existing = await listAccessFacts(scope);
  if (existing.some((f) => f.fact === fact)) throw conflict('fact-already-recorded', 'Dit is al vastgelegd.', 'This fact is already recorded.');
  await accessFactsOf<AccessFact>(scope).record(fact);
  return listAccessFacts(scope);
}

/** Withdraws a recorded fact (e.g. the client no longer objects); the record stays. */
export async function withdrawAccessFact(scope: ClientScope, factId: string): Promise<RecordedAccessFact[]> {
  if (!(await accessFactsOf<AccessFact>(scope).withdraw(factId))) throw notFound('Dit feit is niet (meer) vastgelegd.', 'This fact is not (or no longer) recorded.');
  return listAccessFacts(scope);
}
