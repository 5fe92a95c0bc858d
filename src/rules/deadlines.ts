/**
 * The deadlines of the dossier rights, all moved past Saturdays, Sundays and
 * holidays (Algemene termijnenwet art. 1; EU Regulation 1182/71 art. 3(4)):
 * - deciding on a request: one month after receipt, three when the client was
 *   told in time of an extension (AVG 12(3); UAVG 34; 003 §3.1, §4);
 * - carrying out a granted destruction: three months after the request
 *   (Jeugdwet 7.3.9; 001);
 * - going to court: six weeks after the answer (Jeugdwet 7.3.17; UAVG 35; 003 §4).
 * Periods in months end on the same date of the last month, or on that month's
 * last day (EU Regulation 1182/71 art. 3(2)(c)).
 */
import { addDays, addMonths, formatIsoDate, isoWeekday, toCalendarDate, type IsoDate } from './calendar.js';
import { Citation } from './citations.js';
import { holidayOn, nextWorkingDayFrom } from './holidays.js';

/** A computed last day, with the day the period itself ended before moving. */
export interface DeadlineAnswer {
  /** The last day, `YYYY-MM-DD`, moved to a working day. */
  readonly date: IsoDate;
  /** The end of the period before moving past weekends and holidays. */
  readonly periodEnd: IsoDate;
  readonly basis: readonly Citation[];
  /** Dutch, B1. */
  readonly explanation: string;
}

const weekendNames: Readonly<Record<number, string>> = { 6: 'zaterdag', 7: 'zondag' };

/** Moves a period end past weekends and holidays, with a Dutch sentence saying why. */
function moved(periodEndIso: IsoDate): { date: IsoDate; note: string } {
  const periodEnd = toCalendarDate(periodEndIso, 'period end');
  const dateIso = formatIsoDate(nextWorkingDayFrom(periodEnd));
  if (dateIso === periodEndIso) return { date: dateIso, note: '' };
  const holiday = holidayOn(periodEnd);
  const reason = holiday !== undefined ? `${holiday.name}, een feestdag` : `een ${weekendNames[isoWeekday(periodEnd)] ?? 'vrije dag'}`;
  return { date: dateIso, note: ` Die dag is ${reason}. Daarom schuift de termijn op naar de eerstvolgende werkdag: ${dateIso}.` };
}

/**
 * By when a request for inspection, copy, correction or destruction must be
 * decided: one month after receipt, or three months when `extended`.
 * @example responseDeadline({ received: '2026-01-31' }).date // '2026-03-02'
 */
export function responseDeadline(input: { received: IsoDate; extended?: boolean }): DeadlineAnswer {
  const received = toCalendarDate(input.received, 'received');
  const months = input.extended === true ? 3 : 1;
  const periodEnd = formatIsoDate(addMonths(received, months));
  const { date, note } = moved(periodEnd);
  const first = months === 1
    ? `De organisatie moet binnen één maand na ontvangst van uw verzoek beslissen: uiterlijk ${periodEnd}.`
    : `De organisatie heeft u op tijd laten weten dat zij meer tijd nodig heeft. Zij moet dan binnen drie maanden na ontvangst beslissen: uiterlijk ${periodEnd}.`;
  return {
    date,
    periodEnd,
    basis: [Citation.avg_12, Citation.uavg_34, Citation.regulation_1182_71_3, Citation.atw_1, Citation.atw_3],
    explanation: first + note,
  };
}

/**
 * By when a granted destruction must be carried out: three months after the request.
 * @example destructionDeadline({ received: '2026-03-16' }).date // '2026-06-16'
 */
export function destructionDeadline(input: { received: IsoDate }): DeadlineAnswer {
  const received = toCalendarDate(input.received, 'received');
  const periodEnd = formatIsoDate(addMonths(received, 3));
  const { date, note } = moved(periodEnd);
  return {
    date,
    periodEnd,
    basis: [Citation.jeugdwet_7_3_9, Citation.atw_1, Citation.atw_3],
    explanation: `Als uw verzoek om vernietiging wordt toegewezen, moet de organisatie het dossier binnen drie maanden na uw verzoek vernietigen: uiterlijk ${periodEnd}.${note}`,
  };
}

/**
 * Until when the client can ask the civil court to review a decision on
 * inspection, copy, correction or destruction: six weeks after the answer.
 * (When no answer came in time there is no deadline — 003 §4.)
 * @example appealDeadline({ answered: '2026-03-02' }).date // '2026-04-13'
 */
export function appealDeadline(input: { answered: IsoDate }): DeadlineAnswer {
  const answered = toCalendarDate(input.answered, 'answered');
  const periodEnd = formatIsoDate(addDays(answered, 42));
  const { date, note } = moved(periodEnd);
  return {
    date,
    periodEnd,
    basis: [Citation.jeugdwet_7_3_17, Citation.uavg_35, Citation.atw_1, Citation.atw_3],
    explanation: `Bent u het niet eens met de beslissing? Dan kunt u binnen zes weken na het antwoord naar de rechter. U heeft daar geen advocaat voor nodig. De laatste dag is ${periodEnd}.${note}`,
  };
}
