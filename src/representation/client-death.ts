/**
 * The client's death (Jeugdwet 7.3.12a; migrations 0045, 0064, 0065): the record, its corrections and what the
 * client wanted in life about inspection after death, per person.
 *
 * - A recorded death is never changed. A mistaken date or a death recorded by mistake is corrected by a new row
 *   (0064); the latest correction counts and the earlier records stay, shown as corrected. Who may correct is who
 *   may record a death (src/rules/acts.ts `correct-death`).
 * - What the client recorded in life is per person where the law distinguishes (0065): consent "to this person's
 *   inspection or copy" (Jeugdwet 7.3.12a lid 1(a)) and an objection to it (lid 4) are about a person, or about
 *   everyone. For a requester the wish about them counts first, then one about everyone, then the single value
 *   recorded with the death before 0065.
 */
import { randomUUID } from 'node:crypto';
import type { ClientBoundScope, ClientScope } from '../access/client-access.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { calendarDate } from '../shared/calendar-date.js';
import { ageOn, toCalendarDate } from '../rules/index.js';
import {
  DeathCorrection, deathOfScope, WishAfterDeath,
  type CorrectionRow, type DeathEstablishedHow, type DeathRow, type ExpressedHow, type WishInLife, type WishRow,
} from './death-store.js';
import { relationsOfScope } from './relation-store.js';

// The vocabulary lives with the tables' store (death-store.ts), re-exported here for the routes and services.
export { DeathCorrection, DeathEstablishedHow, ExpressedHow, WishAfterDeath } from './death-store.js';

/** The client's death as it stands (migration 0045, with the latest correction of 0064). */
export interface ClientDeath {
  diedOn: string;
  /** The wish about everyone recorded with the death (before per-person wishes, 0065). */
  wishInLife: WishInLife;
  recordedBy: string;
  recordedAt: string;
}

/** One row of the death's history: the record, then each correction; all but the latest are `corrected`. */
export interface DeathRecord {
  kind: 'recorded' | DeathCorrection;
  /** The day of death this row says; null for `not-deceased`. */
  diedOn: string | null;
  establishedHow: DeathEstablishedHow | null;
  recordedBy: string;
  recordedAt: string;
  corrected: boolean;
}

/** The death as it stands and its history, oldest first. */
export interface DeathHistory {
  current: ClientDeath | null;
  records: DeathRecord[];
}

/** The death's history from its rows: the record and its corrections, the latest counting. */
function historyOf({ death, corrections }: { death: DeathRow | undefined; corrections: CorrectionRow[] }): DeathHistory {
  if (death === undefined) return { current: null, records: [] };
  const records: DeathRecord[] = [
    { kind: 'recorded', diedOn: death.died_on, establishedHow: null, recordedBy: death.display_name, recordedAt: death.recorded_at.toISOString(), corrected: corrections.length > 0 },
    ...corrections.map((c, i) => ({
      kind: c.correction, diedOn: c.died_on, establishedHow: c.established_how, recordedBy: c.display_name, recordedAt: c.recorded_at.toISOString(),
      corrected: i < corrections.length - 1,
    })),
  ];
  const latest = corrections.at(-1);
  const diedOn = latest === undefined ? death.died_on : latest.died_on;
  return {
    current: diedOn === null ? null : { diedOn, wishInLife: death.wish_in_life, recordedBy: death.display_name, recordedAt: death.recorded_at.toISOString() },
    records,
  };
}

/** The death's history: the record and its corrections, the latest counting. */
export async function deathHistoryOf(scope: ClientBoundScope): Promise<DeathHistory> {
  return historyOf(await deathOfScope(scope).rows());
}

/** The client's death as it stands, if any: a death corrected as recorded by mistake is none. */
export async function deathOf(scope: ClientBoundScope): Promise<ClientDeath | undefined> {
  return (await deathHistoryOf(scope)).current ?? undefined;
}

/**
 * Records the client's death (Jeugdwet 7.3.12a): the day, and what the
 * client recorded in life about inspection after death. Once only; the
 * access log holds who did it. A death once corrected as a mistake is
 * recorded again by a correction with the day (the record stays one).
 */
export async function recordDeath(scope: ClientScope, input: { diedOn: string; wishInLife?: ClientDeath['wishInLife'] }): Promise<ClientDeath> {
  checkDay(scope, input.diedOn);
  const deaths = deathOfScope(scope);
  const rows = await deaths.rows();
  if (rows.death !== undefined) {
    const corrected = historyOf(rows).current === null;
    throw conflict('death-already-recorded',
      corrected
        ? 'Het overlijden van deze cliënt is eerder vastgelegd en daarna als vergissing gecorrigeerd. Leg het overlijden opnieuw vast met een correctie en de juiste datum.'
        : 'Het overlijden van deze cliënt is al vastgelegd. Klopt de datum niet, of is het overlijden per vergissing vastgelegd? Leg dan een correctie vast.',
      corrected ? 'The death was recorded and later corrected as a mistake; record it again by a correction with the day.' : 'This client\'s death has already been recorded.');
  }
  await deaths.record(input.diedOn, input.wishInLife ?? 'none');
  return (await deathOf(scope))!;
}

function checkDay(scope: ClientScope, diedOn: string): void {
  if (diedOn > calendarDate(scope.now)) throw badRequest('date-in-future', 'diedOn', 'De datum van overlijden ligt in de toekomst.', 'The date of death is in the future.');
  if (diedOn < scope.client.birthDate) throw badRequest('invalid-date', 'diedOn', 'De datum van overlijden ligt voor de geboortedatum.', 'The date of death is before the birth date.');
}

/** What a correction says. */
export interface NewDeathCorrection {
  correction: DeathCorrection;
  /** Required for `died-on`; not given for `not-deceased`. */
  diedOn?: string;
  establishedHow: DeathEstablishedHow;
}

/**
 * Corrects the recorded death by a new row (append-only, 0064): another day of death, or that the client did not
 * die. The earlier rows stay and are shown as corrected; from now on the engine reads the death as corrected.
 */
export async function correctDeath(scope: ClientScope, input: NewDeathCorrection): Promise<DeathHistory> {
  const history = await deathHistoryOf(scope);
  if (history.records.length === 0) throw notFound('Voor deze cliënt is geen overlijden vastgelegd.', 'No death is recorded for this client.');
  if (input.correction === DeathCorrection.diedOn) {
    if (input.diedOn === undefined) throw badRequest('field-required', 'diedOn', 'Geef de juiste datum van overlijden.', 'Give the correct date of death.');
    checkDay(scope, input.diedOn);
    if (history.current?.diedOn === input.diedOn) {
      throw conflict('correction-unchanged', 'Deze datum van overlijden staat er al. Er is niets te corrigeren.', 'This date of death is already recorded.');
    }
  } else {
    if (input.diedOn !== undefined) {
      throw badRequest('field-not-allowed', 'diedOn', 'Bij "niet overleden" hoort geen datum van overlijden.', 'A correction "not deceased" has no date of death.');
    }
    if (history.current === null) throw conflict('correction-unchanged', 'Het overlijden is al gecorrigeerd als vergissing.', 'The death has already been corrected as a mistake.');
  }
  await deathOfScope(scope).correct(randomUUID(), { correction: input.correction, diedOn: input.diedOn ?? null, establishedHow: input.establishedHow });
  return deathHistoryOf(scope);
}

/** A wish the client recorded in life about inspection after death, about one person or everyone (0065). */
export interface RecordedWish {
  id: string;
  /** The person it is about; null: everyone. */
  relationId: string | null;
  relationName: string | null;
  wish: WishAfterDeath;
  expressedOn: string;
  expressedHow: ExpressedHow;
  recordedBy: string;
  recordedAt: string;
  /** A later wish about the same person (or about everyone) replaces this one. */
  replaced: boolean;
}

/** The wishes from their rows; per person the latest counts. */
function recordedWishes(rows: readonly WishRow[]): RecordedWish[] {
  return rows.map((w, i) => ({
    id: w.id, relationId: w.relation_id, relationName: w.relation_name, wish: w.wish, expressedOn: w.expressed_on, expressedHow: w.expressed_how,
    recordedBy: w.display_name, recordedAt: w.recorded_at.toISOString(),
    replaced: rows.slice(i + 1).some((later) => later.relation_id === w.relation_id),
  }));
}

/** Every wish recorded, in the order they were expressed; per person the latest counts. */
export async function wishesOf(scope: ClientBoundScope): Promise<RecordedWish[]> {
  return recordedWishes(await deathOfScope(scope).wishes());
}

/**
 * What the client wanted in life about this requester's inspection after death: the latest wish about them, else
 * the latest about everyone, else the value recorded with the death before 0065 (Jeugdwet 7.3.12a lid 1(a), lid 4).
 */
export function wishInLifeFor(wishes: readonly RecordedWish[], requesterRelationId: string | null, recordedWithDeath: WishInLife): WishInLife {
  const latest = (relationId: string | null) => wishes.filter((w) => w.relationId === relationId).at(-1);
  const own = requesterRelationId === null ? undefined : latest(requesterRelationId);
  if (own !== undefined && own.wish !== WishAfterDeath.withdrawn) return own.wish;
  const everyone = latest(null);
  if (everyone !== undefined) return everyone.wish === WishAfterDeath.withdrawn ? 'none' : everyone.wish;
  return recordedWithDeath;
}

/** What is recorded about a wish. */
export interface NewWish {
  /** The person it is about; absent: everyone. */
  relationId?: string;
  wish: WishAfterDeath;
  expressedOn: string;
  expressedHow: ExpressedHow;
}

/**
 * Records what the client wanted in life about inspection after death, about one person or everyone. It must have
 * been expressed in writing or electronically (lid 1(a), lid 4), in life, and from 12: lid 4 names the client of 12
 * or over, and below 12 the client does not exercise such rights alone (BW 7:465).
 */
export async function recordWish(scope: ClientScope, input: NewWish): Promise<RecordedWish[]> {
  const today = calendarDate(scope.now);
  if (input.expressedOn > today) throw badRequest('date-in-future', 'expressedOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  const death = await deathOf(scope);
  if (death !== undefined && input.expressedOn > death.diedOn) {
    throw badRequest('invalid-date', 'expressedOn', 'Deze wens moet de cliënt bij leven hebben vastgelegd: de datum ligt na het overlijden.', 'The wish must have been expressed in life.');
  }
  if (input.expressedOn < scope.client.birthDate || ageOn(toCalendarDate(scope.client.birthDate, 'born'), toCalendarDate(input.expressedOn, 'expressedOn')) < 12) {
    throw badRequest('invalid-date', 'expressedOn',
      'Een wens over inzage na het overlijden legt de cliënt zelf vast vanaf 12 jaar. Op deze datum was de cliënt jonger.',
      'The client records such a wish from 12 (Jeugdwet 7.3.12a lid 4).');
  }
  if (input.relationId !== undefined) {
    if (!(await relationsOfScope(scope).exists(input.relationId))) throw badRequest('invalid-value', 'relationId', 'Deze persoon is geen relatie van de cliënt.', 'This person is not a relation of the client.');
  }
  await deathOfScope(scope).addWish(randomUUID(), {
    relationId: input.relationId ?? null, wish: input.wish, expressedOn: input.expressedOn, expressedHow: input.expressedHow,
  });
  return wishesOf(scope);
}
