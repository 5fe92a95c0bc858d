/**
 * The families module's store of `formal.families`, `formal.family_members`
 * and `care.family_entries` for the other modules (issue 14: one owner per
 * table).
 */
import { CLIENTS } from '../clients/client-store.js';
import type { SealedColumn } from '../crypto/sealed-column.js';
import type { Queryable } from '../db/database.js';

/** The families' data keys, wrapped by the master key (rewrapped, not replaced, by a rotation). */
export const FAMILY_DATA_KEYS: SealedColumn = {
  name: 'family data keys', table: 'care.family_keys', key: { column: 'family_id', type: 'uuid' }, column: 'wrapped_key', place: { column: 'family_id', aad: (id) => `client-key:family:${id}` },
};

/** The families the client belongs to, by name. */
export async function familiesOf(tx: Queryable, clientId: string): Promise<{ id: string; name: string }[]> {
  return tx.query<{ id: string; name: string }>(
    'SELECT f.id, f.name FROM formal.families f JOIN formal.family_members m ON m.family_id = f.id WHERE m.client_id = $1 ORDER BY f.name', [clientId]);
}

/**
 * SQL expression: when the latest entry in a family part the client `clientId` (an SQL expression) belongs to
 * was recorded; NULL without any. The family part belongs to each member's dossier (003 §2.3.4).
 */
export function lastFamilyEntryRecordedAt(clientId: string): string {
  return `(SELECT max(fe.recorded_at) FROM formal.family_members fm JOIN care.family_entries fe ON fe.family_id = fm.family_id WHERE fm.client_id = ${clientId})`;
}

/** SQL expression: the birth date of the youngest member of any family the client `clientId` (an SQL expression) belongs to; NULL without one. */
export function youngestFamilyMemberBorn(clientId: string): string {
  return `(SELECT max(c2.birth_date) FROM formal.family_members f1
      JOIN formal.family_members f2 ON f2.family_id = f1.family_id JOIN ${CLIENTS} c2 ON c2.id = f2.client_id
     WHERE f1.client_id = ${clientId})`;
}

/** The members of a family of the organisation in the order they joined; undefined when the organisation has no such family. */
export async function familyMemberIds(tx: Queryable, organisationId: string, familyId: string): Promise<string[] | undefined> {
  const family = await tx.query('SELECT 1 FROM formal.families WHERE id = $1 AND organisation_id = $2', [familyId, organisationId]);
  if (family.length === 0) return undefined;
  const members = await tx.query<{ client_id: string }>('SELECT client_id FROM formal.family_members WHERE family_id = $1 ORDER BY added_at, client_id', [familyId]);
  return members.map((m) => m.client_id);
}
