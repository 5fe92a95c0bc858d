/**
 * The end of care and the hand-over of a dossier (issue 15 item 4), each one act in the gate's one transaction.
 *
 * **End of care** (the act `end-care`: the dossier holder or a manager, src/rules/acts.ts). What it means for the
 * dossier:
 * - the day, why (a closed list) and who are recorded once on the dossier (migration 0086; a second end is a 409,
 *   and the database refuses to change a recorded end);
 * - the care team closes: every membership that would count after that day ends on it (kept in the history), so
 *   only those directly involved in care see the dossier (DOMAIN §2) — after the care, nobody but the holder, who
 *   keeps the closed dossier to answer the client's requests (003 §2.1, §2.3.6) and the client's caseload entry,
 *   marked as ended instead of active;
 * - it is a change of the dossier, so the twenty years of retention count from it at the earliest (Jeugdwet 7.3.8;
 *   BW 7:454 lid 3; retention-store.ts reads `care_ended_at` beside the entries);
 * - general information to a parent without custody says the care stopped on that day (BW 1:377c; general-information.ts).
 *
 * **Hand-over** (the act `change-care-team`): the new holder from a day, every holder until then ending the day
 * before, optionally staying on as a member — three changes that were three calls from the browser and are now one
 * transaction, so a refusal or a failure halfway leaves the team as it was, never with two holders or none.
 */
import type { ClientScope } from '../access/client-access.js';
import { dossierOf, type CareEndReason } from '../dossier/dossier-store.js';
import { badRequest, conflict } from '../errors.js';
import { calendarDate } from '../shared/calendar-date.js';
import { listCareTeam, refuseAfterEndOfCare, type CareTeamMember } from './care-team-service.js';
import { careTeamOf } from './care-team-store.js';

/** A recorded end of care as the API shows it. */
export interface CareEnd {
  endedOn: string;
  reason: CareEndReason;
  endedBy: string | null;
  recordedAt: string;
}

/** The end of care of the scope's client; null while the care runs. */
export async function careEndOf(scope: ClientScope): Promise<CareEnd | null> {
  const row = await dossierOf(scope).careEnd();
  if (row === undefined || row.care_ended_on === null || row.care_end_reason === null || row.care_ended_at === null) return null;
  return { endedOn: row.care_ended_on, reason: row.care_end_reason, endedBy: row.ended_by_name, recordedAt: row.care_ended_at.toISOString() };
}

/**
 * Records that the care of the scope's client ended on `endedOn` (not after today, not before the care started) and
 * closes the care team after that day.
 * @example await endCare(scope, { endedOn: '2026-12-04', reason: 'goals-reached' });
 */
export async function endCare(scope: ClientScope, input: { endedOn: string; reason: CareEndReason }): Promise<CareEnd & { membershipsEnded: number }> {
  const today = calendarDate(scope.now);
  const dossier = dossierOf(scope);
  const current = await dossier.careEnd();
  if (current === undefined) throw conflict('care-already-ended', 'Deze cliënt heeft geen dossier waarin de hulp loopt.', 'This client has no dossier with care running.');
  if (current.care_ended_on !== null) {
    throw conflict('care-already-ended', 'Het einde van de hulp is al vastgelegd. Dat kan maar één keer.', 'The end of care has already been recorded; it is recorded once.');
  }
  if (input.endedOn > today) {
    throw badRequest('date-in-future', 'endedOn', 'De laatste dag van de hulp ligt in de toekomst. Leg het einde vast als de hulp gestopt is.',
      'The last day of care lies in the future; record the end once care has stopped.');
  }
  if (input.endedOn < current.care_started_on) {
    throw badRequest('invalid-period', 'endedOn', 'De laatste dag van de hulp ligt voor de dag waarop de hulp begon.', 'The last day of care is before care started.');
  }
  if (!(await dossier.endCare(input.endedOn, input.reason))) {
    throw conflict('care-already-ended', 'Het einde van de hulp is al vastgelegd. Dat kan maar één keer.', 'The end of care has already been recorded; it is recorded once.');
  }
  const membershipsEnded = await careTeamOf(scope).closeAfter(input.endedOn);
  const ended = await careEndOf(scope);
  if (ended === null) throw new Error('the end of care vanished after it was recorded');
  return { ...ended, membershipsEnded };
}

/** The calendar day before `day` (YYYY-MM-DD). */
function dayBefore(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Hands the dossier of the scope's client to `employeeId` from `holderFrom`: every holder who would still be one on
 * that day ends the day before (and with `formerHolderStays` joins as a member from `holderFrom`), the new holder
 * joins as holder — all in the caller's one transaction. The team afterwards.
 */
export async function handOverDossier(
  scope: ClientScope, input: { employeeId: string; holderFrom: string; formerHolderStays: boolean },
): Promise<CareTeamMember[]> {
  if (input.formerHolderStays) await refuseAfterEndOfCare(scope);
  const team = careTeamOf(scope);
  const colleague = await team.colleague(input.employeeId);
  if (colleague === undefined || !colleague.active || colleague.role !== 'care-professional') {
    throw badRequest('unknown-employee', 'employeeId', 'Kies een hulpverlener van uw organisatie als nieuwe dossierhouder. Een stagiair kan geen dossierhouder zijn.',
      'Choose a care professional of your organisation as the new holder; an intern cannot hold a dossier.');
  }
  const members = await team.members();
  const holders = members.filter((m) => m.relation === 'holder' && (m.ends_on === null || m.ends_on >= input.holderFrom));
  if (holders.some((m) => m.employee_id === input.employeeId)) {
    throw conflict('already-holder', 'Deze collega is op die dag al dossierhouder.', 'This colleague already holds the dossier on that day.');
  }
  const lastDay = dayBefore(input.holderFrom);
  if (holders.some((m) => m.starts_on > lastDay)) {
    throw badRequest('invalid-period', 'holderFrom', 'De nieuwe dossierhouder kan pas beginnen na de eerste dag van de huidige dossierhouder.',
      'The new holder can only start after the first day of the current holder.');
  }
  for (const holder of holders) {
    await team.end(holder.id, lastDay);
    if (input.formerHolderStays) await team.add({ employeeId: holder.employee_id, relation: 'member', startsOn: input.holderFrom, endsOn: null });
  }
  // Nothing else is written: the holder in effect is read from these dated memberships on each day (careTeamHolderOn),
  // so a hand-over dated later counts from its day without a job that would have to run on it.
  await team.add({ employeeId: input.employeeId, relation: 'holder', startsOn: input.holderFrom, endsOn: null });
  return listCareTeam(scope);
}
