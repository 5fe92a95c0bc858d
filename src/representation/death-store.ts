/**
 * The representation module's store of a client's death (issue 14: one owner
 * per table): the record (`formal.client_deaths`, migration 0045), its
 * corrections (`formal.client_death_corrections`, 0064) and what the client
 * wanted in life about inspection after death (`formal.client_wishes_after_death`,
 * 0065). All three are append-only; client-death.ts reads the death as it
 * stands from them. Work on a client reaches them through {@link deathOfScope},
 * bound to the gate's scope.
 */
import { employeeIdOf, type ClientBoundScope } from '../access/gate-scope.js';
import { txOf } from '../db/scope-tx.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import { RELATION_NAMES } from './relation-store.js';

// The vocabulary of the tables' columns; client-death.ts re-exports it for the services.
export const DeathCorrection = { diedOn: 'died-on', notDeceased: 'not-deceased' } as const;
export type DeathCorrection = (typeof DeathCorrection)[keyof typeof DeathCorrection];
export const DeathEstablishedHow = { brp: 'brp', deathCertificate: 'death-certificate', family: 'family', otherDocument: 'other-document' } as const;
export type DeathEstablishedHow = (typeof DeathEstablishedHow)[keyof typeof DeathEstablishedHow];
export const WishAfterDeath = { consented: 'consented', objected: 'objected', withdrawn: 'withdrawn' } as const;
export type WishAfterDeath = (typeof WishAfterDeath)[keyof typeof WishAfterDeath];
export const ExpressedHow = { inWriting: 'in-writing', electronic: 'electronic' } as const;
export type ExpressedHow = (typeof ExpressedHow)[keyof typeof ExpressedHow];
/** The wish about everyone recorded with the death (before per-person wishes, 0065). */
export type WishInLife = 'none' | 'consented' | 'objected';

export interface DeathRow { died_on: string; wish_in_life: WishInLife; display_name: string; recorded_at: Date }
export interface CorrectionRow {
  correction: DeathCorrection; died_on: string | null; established_how: DeathEstablishedHow; display_name: string; recorded_at: Date;
}
export interface WishRow {
  id: string; relation_id: string | null; relation_name: string | null; wish: WishAfterDeath; expressed_on: string; expressed_how: ExpressedHow;
  display_name: string; recorded_at: Date;
}

/**
 * The death of the scope's client, its corrections and the wishes in life: each new row is recorded by the scope's
 * actor at the scope's time.
 * @example const { death, corrections } = await deathOfScope(scope).rows();
 */
export function deathOfScope(scope: ClientBoundScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** The record, if any, and its corrections in order (none without a record). */
    rows: async (): Promise<{ death: DeathRow | undefined; corrections: CorrectionRow[] }> => {
      const [death] = await tx.query<DeathRow>(
        `SELECT d.died_on, d.wish_in_life, e.display_name, d.recorded_at FROM formal.client_deaths d JOIN ${EMPLOYEES} e ON e.id = d.recorded_by
          WHERE d.client_id = $1`, [clientId]);
      if (death === undefined) return { death, corrections: [] };
      const corrections = await tx.query<CorrectionRow>(
        `SELECT c.correction, c.died_on, c.established_how, e.display_name, c.recorded_at
           FROM formal.client_death_corrections c JOIN ${EMPLOYEES} e ON e.id = c.recorded_by
          WHERE c.client_id = $1 ORDER BY c.seq`, [clientId]);
      return { death, corrections };
    },

    /** Every wish recorded, in the order expressed, with the person it is about by name. */
    wishes: (): Promise<WishRow[]> => tx.query<WishRow>(
      `SELECT w.id, w.relation_id, r.name AS relation_name, w.wish, w.expressed_on, w.expressed_how, e.display_name, w.recorded_at
         FROM formal.client_wishes_after_death w JOIN ${EMPLOYEES} e ON e.id = w.recorded_by
         LEFT JOIN ${RELATION_NAMES} r ON r.id = w.relation_id
        WHERE w.client_id = $1 ORDER BY w.expressed_on, w.seq`, [clientId]),

    record: async (diedOn: string, wishInLife: WishInLife): Promise<void> => {
      await tx.query('INSERT INTO formal.client_deaths (client_id, died_on, wish_in_life, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5)',
        [clientId, diedOn, wishInLife, employeeIdOf(scope), scope.now]);
    },

    correct: async (id: string, correction: { correction: DeathCorrection; diedOn: string | null; establishedHow: DeathEstablishedHow }): Promise<void> => {
      await tx.query(
        `INSERT INTO formal.client_death_corrections (id, client_id, correction, died_on, established_how, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, clientId, correction.correction, correction.diedOn, correction.establishedHow, employeeIdOf(scope), scope.now]);
    },

    addWish: async (id: string, wish: { relationId: string | null; wish: WishAfterDeath; expressedOn: string; expressedHow: ExpressedHow }): Promise<void> => {
      await tx.query(
        `INSERT INTO formal.client_wishes_after_death (id, client_id, relation_id, wish, expressed_on, expressed_how, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, clientId, wish.relationId, wish.wish, wish.expressedOn, wish.expressedHow, employeeIdOf(scope), scope.now]);
    },
  };
}
