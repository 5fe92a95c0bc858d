/**
 * The shielding module's store of `care.shieldings` (issue 14: one owner per
 * table), bound to the gate's client scope: `shieldingsOf(scope)` reaches only
 * the scope's client's shieldings. Reasons go in and come out sealed under the
 * client's key; the service seals and opens them.
 */
import { employeeIdOf, type ClientBoundScope } from '../access/gate-scope.js';
import { txOf } from '../db/scope-tx.js';

export type ShieldingKind = 'about-another-person' | 'shielded-from';

/** What a shielding covers. */
export const ShieldingTarget = {
  /** The entry's text: a passage of it, or without a passage the whole entry. */
  text: 'text',
  title: 'title',
  /** The free-text description of the source ("moeder (nu …)"); the source's kind stays. */
  source: 'source',
  /** One annotation beside the entry. */
  annotation: 'annotation',
  /** The client's formal contact data: address, postcode, town, phone and e-mail. */
  contactData: 'contact-data',
} as const;
export type ShieldingTarget = (typeof ShieldingTarget)[keyof typeof ShieldingTarget];

/** A shielding as stored; its reason sealed. */
export interface ShieldingRow {
  id: string; entry_id: string | null; kind: ShieldingKind; target: ShieldingTarget; passage_start: number | null; passage_end: number | null;
  annotation_id: string | null; shielded_from: string[]; reason_ciphertext: Buffer; other_person_consented_on: string | null; recorded_at: Date;
}

/** What lifting a shielding, or recording the other person's consent, needs to know of it. */
export interface LockedShielding {
  lifted_at: Date | null; kind: ShieldingKind; other_person_consented_on: string | null; entry_id: string | null;
}

/**
 * The shieldings of the scope's client (`care.shieldings`), recorded and lifted by the scope's employee, now.
 * Lifted, never deleted. Every statement names the client, so an id of another client's shielding changes nothing.
 * @example const inForce = await shieldingsOf(scope).inForce();
 */
export function shieldingsOf(scope: ClientBoundScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** The shieldings in force (not lifted), in the order they were recorded. */
    inForce: (): Promise<ShieldingRow[]> =>
      tx.query<ShieldingRow>('SELECT * FROM care.shieldings WHERE client_id = $1 AND lifted_at IS NULL ORDER BY recorded_at, id', [clientId]),

    /** Records a shielding by the scope's employee; `entryId` null for the client's contact data. */
    record: async (row: {
      id: string; entryId: string | null; kind: ShieldingKind; target: ShieldingTarget; passage: { start: number; end: number } | null;
      annotationId: string | null; shieldedFrom: readonly string[]; reasonCiphertext: Buffer;
    }): Promise<void> => {
      await tx.query(
        `INSERT INTO care.shieldings (id, client_id, entry_id, kind, target, passage_start, passage_end, annotation_id, shielded_from, reason_ciphertext, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [row.id, clientId, row.entryId, row.kind, row.target, row.passage?.start ?? null, row.passage?.end ?? null, row.annotationId, row.shieldedFrom,
          row.reasonCiphertext, employeeIdOf(scope)]);
    },

    /** One shielding of this client, locked until the access commits (lifted or not); undefined when it is not one. */
    lock: async (shieldingId: string): Promise<LockedShielding | undefined> =>
      (await tx.query<LockedShielding>(
        'SELECT lifted_at, kind, other_person_consented_on, entry_id FROM care.shieldings WHERE id = $1 AND client_id = $2 FOR UPDATE', [shieldingId, clientId]))[0],

    /** Records the day the other person consented to the information about them being shown. */
    otherPersonConsented: async (shieldingId: string, on: string): Promise<void> => {
      await tx.query('UPDATE care.shieldings SET other_person_consented_on = $2 WHERE id = $1 AND client_id = $3', [shieldingId, on, clientId]);
    },

    /** Lifts a shielding by the scope's employee, now, with the reason sealed. */
    lift: async (shieldingId: string, reasonCiphertext: Buffer): Promise<void> => {
      await tx.query('UPDATE care.shieldings SET lifted_at = $2, lifted_by = $3, lift_reason_ciphertext = $4 WHERE id = $1 AND client_id = $5',
        [shieldingId, scope.now, employeeIdOf(scope), reasonCiphertext, clientId]);
    },
  };
}
