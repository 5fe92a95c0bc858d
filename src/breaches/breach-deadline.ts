/**
 * The 72-hour deadline for notifying the Autoriteit Persoonsgegevens of a
 * personal data breach (AVG 33(1)): "without undue delay and, where feasible,
 * not later than 72 hours after having become aware of it". Counted in hours
 * from the moment of discovery, not in working days: weekends and holidays do
 * not extend it (the Algemene termijnenwet does not apply to an EU-law period
 * in hours). Pure: no I/O.
 */

export const AP_NOTIFICATION_HOURS = 72;

export interface NotificationDeadline {
  /** ISO instant by which the AP must be notified. */
  deadline: string;
  /** Whole minutes left (negative once passed). */
  minutesLeft: number;
  overdue: boolean;
  /** Dutch, e.g. "nog 71 uur en 30 minuten" or "2 uur en 5 minuten te laat". */
  text: string;
}

function hoursAndMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} uur en ${m} ${m === 1 ? 'minuut' : 'minuten'}`;
}

/** The deadline for a breach discovered at `discoveredAt`, seen at `now`. */
export function notificationDeadline(discoveredAt: Date, now: Date): NotificationDeadline {
  const deadline = new Date(discoveredAt.getTime() + AP_NOTIFICATION_HOURS * 3_600_000);
  const ms = deadline.getTime() - now.getTime();
  const minutesLeft = ms >= 0 ? Math.floor(ms / 60_000) : -Math.ceil(-ms / 60_000);
  const overdue = ms < 0;
  return {
    deadline: deadline.toISOString(),
    minutesLeft,
    overdue,
    text: overdue ? `${hoursAndMinutes(-minutesLeft)} te laat` : `nog ${hoursAndMinutes(minutesLeft)}`,
  };
}
