/**
 * Age decides who decides (003 §2.3.5): under 12 the legal representatives,
 * 12 to 15 the young person and the parents with custody, from 16 the young
 * person alone; from 18 the client is an adult and parental authority has
 * ended (BW 1:233). A minor of 12 or over assessed not competent for the
 * matter (wilsonbekwaam ter zake) is represented by the parents with custody
 * or the guardian, as a child under 12 is (BW 7:465 lid 1–2; 003 §3.1). An
 * adult who is not competent has no parents with custody: a curator or
 * mentor, else the person authorised in writing, else the partner, else a
 * parent, child, brother or sister represents them (BW 7:465 lid 3–4;
 * Jeugdwet 7.3.15; 003 §3.1: "legt hij vast wie als vertegenwoordiger van de
 * cliënt optreedt").
 */
import { compareDates, toCalendarDate, type CalendarDate, type IsoDate } from './calendar.js';

/** Age bands of the law. */
export const AgeBand = {
  under12: 'under-12',
  from12to15: '12-15',
  from16to17: '16-17',
  adult: 'adult',
} as const;
export type AgeBand = (typeof AgeBand)[keyof typeof AgeBand];

/** Who exercises the client's rights. */
export const Capacity = {
  /** Under 12, or 12–17 not competent: the legal representatives (custody) act; the client cannot act alone. */
  represented: 'represented',
  /** 18+ not competent: the representative of BW 7:465 lid 3 acts; custody has ended (BW 1:233). */
  representedAdult: 'represented-adult',
  /** 12–15 and competent: the young person acts; parents with custody keep their own right (Jeugdwet 7.3.11). */
  shared: 'shared',
  /** 16+ and competent: the young person alone; others only with their consent. */
  independent: 'independent',
} as const;
export type Capacity = (typeof Capacity)[keyof typeof Capacity];

/** The client as the rules see them. */
export interface ClientFacts {
  /** Birth date, `YYYY-MM-DD`. */
  readonly born: IsoDate;
  /** False when assessed wilsonbekwaam ter zake; defaults to true. */
  readonly competent?: boolean;
  /** The day the client died, `YYYY-MM-DD` (Jeugdwet 7.3.12a). */
  readonly deceased?: IsoDate;
}

/**
 * Age in full years on a date.
 *
 * Someone born on 29 February turns a year older on 1 March in a common
 * year: the year of life is complete only after 28 February has passed, as
 * in Dutch civil practice (the birthday "29 February" rolls over to 1 March).
 * @example ageOn({ year: 2012, month: 11, day: 22 }, { year: 2026, month: 11, day: 22 }) // 14
 * @example ageOn({ year: 2008, month: 2, day: 29 }, { year: 2026, month: 2, day: 28 }) // 17
 */
export function ageOn(born: CalendarDate, on: CalendarDate): number {
  if (compareDates(on, born) < 0) throw new RangeError('the date lies before the birth date');
  let age = on.year - born.year;
  // Compare (month, day) within the year; 29 Feb against a common year's 28 Feb
  // simply compares as "not yet", which gives 1 March as the birthday.
  if (on.month < born.month || (on.month === born.month && on.day < born.day)) age -= 1;
  return age;
}

/**
 * The age band for an age in full years.
 * @example ageBandOf(14) // '12-15'
 */
export function ageBandOf(age: number): AgeBand {
  if (age < 12) return AgeBand.under12;
  if (age < 16) return AgeBand.from12to15;
  if (age < 18) return AgeBand.from16to17;
  return AgeBand.adult;
}

/**
 * Who exercises the client's rights, from band and competence.
 * @example capacityOf('12-15', false) // 'represented'
 */
export function capacityOf(band: AgeBand, competent: boolean): Capacity {
  switch (band) {
    case AgeBand.under12: return Capacity.represented;
    case AgeBand.from12to15: return competent ? Capacity.shared : Capacity.represented;
    case AgeBand.from16to17: return competent ? Capacity.independent : Capacity.represented;
    case AgeBand.adult: return competent ? Capacity.independent : Capacity.representedAdult;
  }
}

/** Age, band and capacity of a client on a date. */
export interface ClientStanding {
  readonly age: number;
  readonly band: AgeBand;
  readonly competent: boolean;
  readonly capacity: Capacity;
}

/**
 * Everything the rules derive from birth date, competence and the date asked.
 * @example standingOf({ born: '2012-11-22' }, '2026-11-22') // { age: 14, band: '12-15', competent: true, capacity: 'shared' }
 */
export function standingOf(client: ClientFacts, on: IsoDate): ClientStanding {
  const age = ageOn(toCalendarDate(client.born, 'client.born'), toCalendarDate(on, 'on'));
  const band = ageBandOf(age);
  const competent = client.competent ?? true;
  return { age, band, competent, capacity: capacityOf(band, competent) };
}
