/**
 * What on a caseload needs the professional's attention first (issue 15 item 9), as a pure function from facts to
 * ranked signals: no I/O, no clock (today is a parameter). The caseload route gathers the facts with one query per
 * signal kind for the whole caseload and asks this module which signals there are and in which order.
 *
 * - An open request runs to a deadline the law sets (AVG 12(3): one month, extendable; Jeugdwet 7.3.9: a destruction
 *   carried out within three months): past it is late (urgent), within a week soon.
 * - Starting care needs the consent of whoever the engine names (careConsent, rules/care-consent.ts; Jeugdwet
 *   7.3.4, 7.3.5; BW 7:450, 7:465): missing, it is urgent — care without it is not allowed.
 * - A consent that ends within a month must be renewed before it ends (AVG 7: a consent in force is needed for
 *   what rests on it); within a week, soon.
 * - The plan of care is evaluated with the client periodically (the hulpverleningsplan, 003 §2.3.5); the interval is
 *   the organisation's practice, here half a year after the last plan or evaluation: due, soon; more than a month
 *   overdue, urgent.
 * - Someone without a care relation broke the glass on the dossier (003 §2.2.8): the team should know. In the last
 *   week, or still not reviewed, soon; otherwise for information.
 */
import { addDays, formatIsoDate, toCalendarDate, type IsoDate } from './calendar.js';
import { careConsent, type CareConsenter } from './care-consent.js';

/** The ISO date `days` days after `date` (before when negative). */
function plusDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(addDays(toCalendarDate(date, 'date'), days));
}

/** How urgent a signal is: 3 urgent, 2 soon, 1 for information. */
export type Urgency = 1 | 2 | 3;

/** Half a year after the last plan or evaluation the next evaluation is due (the organisation's practice). */
export const EVALUATION_INTERVAL_DAYS = 182;
/** A consent ending within this many days is signalled. */
export const CONSENT_NOTICE_DAYS = 30;
/** Emergency accesses of this many days back are signalled. */
export const EMERGENCY_NOTICE_DAYS = 30;

export type Signal =
  | { kind: 'request'; urgency: Urgency; on: IsoDate; requestId: string; requestKind: string; due: 'decision' | 'fulfilment'; overdue: boolean }
  | { kind: 'care-consent-missing'; urgency: Urgency; missing: readonly CareConsenter[] }
  | { kind: 'consent-expiring'; urgency: Urgency; on: IsoDate; consentKind: 'care' | 'disclosure' }
  | { kind: 'evaluation-due'; urgency: Urgency; on: IsoDate; never: boolean }
  | { kind: 'emergency-access'; urgency: Urgency; on: IsoDate; count: number; unreviewed: boolean };

/** The facts of one client of the caseload, as the stores read them for the whole caseload at once. */
export interface CaseloadFacts {
  clientId: string;
  born: IsoDate;
  /** Latest assessment of competence for care consent; undefined: none (competent is presumed, BW 7:465). */
  competentForCare?: boolean | undefined;
  requests: readonly { id: string; kind: string; state: string; dueOn: IsoDate }[];
  /** Consents in force today (not withdrawn, within their validity). */
  consents: readonly { kind: 'care' | 'disclosure'; givenBy: string; validTo: IsoDate | null }[];
  /** The day of the last plan and of the last evaluation (null: none). */
  lastPlanOn: IsoDate | null;
  lastEvaluationOn: IsoDate | null;
  /** Emergency accesses of the last EMERGENCY_NOTICE_DAYS days. */
  emergency: { count: number; lastOn: IsoDate; unreviewed: boolean } | null;
}

/**
 * The signals of one client, most urgent first (then the earliest date).
 * @example signalsOf({ clientId: 'c', born: '2012-01-01', requests: [], consents: [], lastPlanOn: null, lastEvaluationOn: null, emergency: null }, '2026-12-05')
 *   // [{ kind: 'care-consent-missing', urgency: 3, missing: ['client', 'legal-representatives'] }]
 */
export function signalsOf(facts: CaseloadFacts, today: IsoDate): Signal[] {
  const signals: Signal[] = [];
  const inAWeek = plusDays(today, 7);
  for (const r of facts.requests) {
    const overdue = r.dueOn < today;
    signals.push({
      kind: 'request', urgency: overdue ? 3 : r.dueOn <= inAWeek ? 2 : 1, on: r.dueOn, requestId: r.id, requestKind: r.kind,
      due: r.state === 'decided' ? 'fulfilment' : 'decision', overdue,
    });
  }
  const required = careConsent({ on: today, client: { born: facts.born, ...(facts.competentForCare === undefined ? {} : { competent: facts.competentForCare }) } }).consentOf;
  const given = new Set(facts.consents.filter((c) => c.kind === 'care').map((c) => c.givenBy));
  const missing = required.filter((p) => !given.has(p));
  if (missing.length > 0) signals.push({ kind: 'care-consent-missing', urgency: 3, missing });
  const notice = plusDays(today, CONSENT_NOTICE_DAYS);
  for (const c of facts.consents) {
    if (c.validTo !== null && c.validTo <= notice) signals.push({ kind: 'consent-expiring', urgency: c.validTo <= inAWeek ? 2 : 1, on: c.validTo, consentKind: c.kind });
  }
  const last = [facts.lastPlanOn, facts.lastEvaluationOn].filter((d): d is IsoDate => d !== null).sort().pop();
  if (last === undefined) {
    signals.push({ kind: 'evaluation-due', urgency: 2, on: today, never: true });
  } else {
    const due = plusDays(last, EVALUATION_INTERVAL_DAYS);
    if (due <= notice) signals.push({ kind: 'evaluation-due', urgency: plusDays(due, 30) < today ? 3 : due <= today ? 2 : 1, on: due, never: false });
  }
  if (facts.emergency !== null && facts.emergency.count > 0) {
    const recent = facts.emergency.lastOn >= plusDays(today, -7);
    signals.push({
      kind: 'emergency-access', urgency: recent || facts.emergency.unreviewed ? 2 : 1, on: facts.emergency.lastOn,
      count: facts.emergency.count, unreviewed: facts.emergency.unreviewed,
    });
  }
  return signals.sort(bySignal);
}

function dateOf(s: Signal): IsoDate {
  return s.kind === 'care-consent-missing' ? '0000-01-01' : s.on;
}

function bySignal(a: Signal, b: Signal): number {
  return b.urgency - a.urgency || dateOf(a).localeCompare(dateOf(b));
}

/**
 * The caseload in the order of attention: the client whose most urgent signal is most urgent (then earliest) first,
 * then by how many urgent and soon signals, clients without signals last in their given order.
 */
export function rankCaseload<T extends { signals: readonly Signal[] }>(clients: readonly T[]): T[] {
  const score = (c: T) => [3, 2, 1].map((u) => c.signals.filter((s) => s.urgency === u).length);
  return clients
    .map((client, index) => ({ client, index, top: client.signals[0], counts: score(client) }))
    .sort((a, b) => {
      if (a.top === undefined || b.top === undefined) return (a.top === undefined ? 1 : 0) - (b.top === undefined ? 1 : 0) || a.index - b.index;
      return bySignal(a.top, b.top) || b.counts[0]! - a.counts[0]! || b.counts[1]! - a.counts[1]! || a.index - b.index;
    })
    .map((c) => c.client);
}
