/**
 * The deadlines of the dossier rights, all moved past Saturdays, Sundays and
 * holidays (Algemene termijnenwet art. 1; EU Regulation 1182/71 art. 3(4)):
 * - deciding on a request: one month after receipt, three when the client was
 *   told in time of an extension (AVG 12(3); UAVG 34; 003 §3.1, §4);
 * - carrying out a granted destruction: three months after the request
 *   (Jeugdwet 7.3.9; 001);
 * - going to court: six weeks after the client received the answer
 *   (Jeugdwet 7.3.17; UAVG 35; 003 §4: "binnen 6 weken na ontvangst van het
 *   antwoord"); no time limit at all when the answer came late (003 §4: "dan
 *   is de indiening van het verzoekschrift bij de rechter niet aan een termijn
 *   gebonden").
 * Periods in months end on the same date of the last month, or on that month's
 * last day (EU Regulation 1182/71 art. 3(2)(c)).
 */
import { addDays, addMonths, compareDates, formatIsoDate, isoWeekday, toCalendarDate, type IsoDate } from './calendar.js';
import { Citation } from './citations.js';
import { dateInWords } from './explanations.js';
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
  const weekend = weekendNames[isoWeekday(periodEnd)];
  const reason = weekend !== undefined
    ? `een ${weekend}`
    : holiday !== undefined && holiday.source.includes('art. 3(3)')
      ? `een ${holiday.name}`
      : `${holiday?.name ?? 'een vrije dag'}, een feestdag`;
  return { date: dateIso, note: ` Die dag is ${reason}. Daarom schuift de termijn op naar de eerstvolgende werkdag: ${dateInWords(dateIso)}.` };
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
    ? `De organisatie moet binnen één maand na ontvangst van uw verzoek beslissen: uiterlijk ${dateInWords(periodEnd)}.`
    : `De organisatie heeft u op tijd en met de redenen laten weten dat zij meer tijd nodig heeft. Zij moet dan binnen drie maanden na ontvangst beslissen: uiterlijk ${dateInWords(periodEnd)}.`;
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
    explanation: `Als uw verzoek om vernietiging wordt toegewezen, moet de organisatie het dossier binnen drie maanden na uw verzoek vernietigen: uiterlijk ${dateInWords(periodEnd)}.${note}`,
  };
}

/**
 * Until when the client can ask the civil court to review a decision on
 * inspection, copy, correction or destruction: six weeks after the client
 * received the answer. This deadline exists only when the answer came in time
 * — use {@link requestDeadlines} to know whether it did (003 §4).
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
    explanation: `Bent u het niet eens met de beslissing? Dan kunt u binnen zes weken nadat u het antwoord ontving (${dateInWords(input.answered)}) naar de rechter. U heeft daar geen advocaat voor nodig. De zes weken lopen tot en met ${dateInWords(periodEnd)}.${note}`,
  };
}

/** What {@link requestDeadlines} is asked: the dates of one request. */
export interface RequestDeadlinesInput {
  /** The day the request came in. */
  readonly received: IsoDate;
  /** The day the client was told the decision takes longer, and whether that notice gave the reasons. */
  readonly extension?: { readonly notified: IsoDate; readonly reasons: boolean };
  /** The day the organisation decided and sent its answer. */
  readonly decided?: IsoDate;
  /** The day the client received the answer. */
  readonly answerReceived?: IsoDate;
}

/** The deadlines of one request. */
export interface RequestDeadlinesAnswer {
  /** The last day to decide, moved past weekends and holidays. */
  readonly decisionDeadline: IsoDate;
  /** Whether the deadline was validly extended to three months (AVG 12(3)). */
  readonly extended: boolean;
  /** The last day to go to court, or `null`: no answer received yet, or the answer was late (no time limit). */
  readonly appealDeadline: IsoDate | null;
  /** Whether the decision came after the decision deadline. */
  readonly late: boolean;
  readonly basis: readonly Citation[];
  /** Dutch, B1, dates in words. */
  readonly explanation: string;
}

/**
 * The deadlines of one request, to the day: the decision deadline (one month,
 * or three when the client was told within the first month, with the reasons
 * for the delay — AVG 12(3)), and the appeal deadline, six weeks after the
 * client received a timely answer (Jeugdwet 7.3.17; UAVG 35; 003 §4), or none.
 * @example requestDeadlines({ received: '2026-03-16', decided: '2026-04-09', answerReceived: '2026-04-14' }).appealDeadline // '2026-05-26'
 * @example requestDeadlines({ received: '2026-03-16', decided: '2026-04-20', answerReceived: '2026-04-22' }).appealDeadline // null
 */
export function requestDeadlines(input: RequestDeadlinesInput): RequestDeadlinesAnswer {
  const oneMonth = responseDeadline({ received: input.received });
  const parts: string[] = [oneMonth.explanation];
  let extended = false;
  if (input.extension !== undefined) {
    const inTime = compareDates(toCalendarDate(input.extension.notified, 'extension.notified'), toCalendarDate(oneMonth.date, 'deadline')) <= 0;
    extended = inTime && input.extension.reasons;
    if (extended) {
      parts.push(`Op ${dateInWords(input.extension.notified)} liet de organisatie u weten, met de redenen, dat zij meer tijd nodig heeft. Dat was op tijd, dus de termijn is verlengd met twee maanden.`);
    } else if (!inTime) {
      parts.push(`De organisatie liet pas op ${dateInWords(input.extension.notified)} weten dat zij meer tijd nodig heeft. Dat was na de eerste maand. Daarom is de termijn niet verlengd.`);
    } else {
      parts.push(`De organisatie liet op ${dateInWords(input.extension.notified)} weten dat zij meer tijd nodig heeft, maar gaf daarbij niet de redenen. De wet vraagt die redenen. Daarom is de termijn niet verlengd.`);
    }
  }
  const decision = extended ? responseDeadline({ received: input.received, extended: true }) : oneMonth;
  if (extended) parts.push(decision.explanation);
  const late = input.decided !== undefined
    && compareDates(toCalendarDate(input.decided, 'decided'), toCalendarDate(decision.date, 'deadline')) > 0;
  let appeal: IsoDate | null = null;
  const basis = new Set<Citation>(decision.basis);
  if (input.decided === undefined) {
    parts.push('Er is nog niet beslist.');
  } else if (late) {
    parts.push(`De organisatie besliste op ${dateInWords(input.decided)}, na de termijn. Daarom kunt u zonder termijn naar de rechter: er is geen laatste dag.`);
    [Citation.jeugdwet_7_3_17, Citation.uavg_35].forEach((c) => basis.add(c));
  } else if (input.answerReceived === undefined) {
    parts.push(`De organisatie besliste op ${dateInWords(input.decided)}, op tijd. De termijn om naar de rechter te gaan begint als u het antwoord ontvangt.`);
    [Citation.jeugdwet_7_3_17, Citation.uavg_35].forEach((c) => basis.add(c));
  } else {
    const a = appealDeadline({ answered: input.answerReceived });
    appeal = a.date;
    parts.push(a.explanation);
    a.basis.forEach((c) => basis.add(c));
  }
  return { decisionDeadline: decision.date, extended, appealDeadline: appeal, late, basis: [...basis], explanation: parts.join(' ') };
}
