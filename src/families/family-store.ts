/**
 * The families module's store of `formal.families`, `formal.family_members`,
 * `care.family_keys` and `care.family_entries` (issue 14: one owner per
 * table): the family part bound to the gate's family scope for the service,
 * and the few functions and projections the other modules use.
 */
import type { ClientScope, FamilyScope } from '../access/gate-scope.js';
import { CLIENTS } from '../clients/client-store.js';
import type { SealedColumn } from '../crypto/sealed-column.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';
import { EMPLOYEES } from '../organisation/employee-store.js';

/** The families' data keys, wrapped by the master key (rewrapped, not replaced, by a rotation). */
export const FAMILY_DATA_KEYS: SealedColumn = {
  name: 'family data keys', table: 'care.family_keys', key: { column: 'family_id', type: 'uuid' }, column: 'wrapped_key', place: { column: 'family_id', aad: (id) => `client-key:family:${id}` },
};

/** The families the scope's client belongs to, by name. */
export function familiesOfScope(scope: ClientScope): Promise<{ id: string; name: string }[]> {
  return txOf(scope).query<{ id: string; name: string }>(
    'SELECT f.id, f.name FROM formal.families f JOIN formal.family_members m ON m.family_id = f.id WHERE m.client_id = $1 ORDER BY f.name', [scope.client.id]);
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

/** What a family part records (003 §2.3.4). */
export const FAMILY_ENTRY_KINDS = ['family-plan', 'family-conversation-report', 'family-evaluation', 'network-meeting'] as const;
export type FamilyEntryKind = (typeof FAMILY_ENTRY_KINDS)[number];

export interface FamilyEntryRow {
  id: string; kind: FamilyEntryKind; ciphertext: Buffer; recorded_at: Date; author_id: string; author_name: string;
}

/**
 * The family part the gate decided (`scope.familyId`), in the scope's transaction: the family of a new link
 * (`create`), its members, its data key and its entries. Nothing here reaches another family.
 */
export function familyPartOf(scope: FamilyScope) {
  const tx = txOf(scope);
  const familyId = scope.familyId;
  return {
    /** Creates the scope's family in the scope's organisation, by the scope's employee, with its wrapped data key. */
    create: async (name: string, wrappedKey: Buffer): Promise<void> => {
      await tx.query('INSERT INTO formal.families (id, organisation_id, name, created_by, created_at) VALUES ($1, $2, $3, $4, $5)',
        [familyId, scope.organisationId, name, scope.actor.employeeId, scope.now]);
      await tx.query('INSERT INTO care.family_keys (family_id, wrapped_key) VALUES ($1, $2)', [familyId, wrappedKey]);
    },
    /** Adds members (each once; one already in is left as it is). */
    addMembers: async (memberIds: readonly string[]): Promise<void> => {
      await tx.query(
        `INSERT INTO formal.family_members (family_id, client_id, added_at) SELECT $1, m, $3 FROM unnest($2::uuid[]) AS m ON CONFLICT DO NOTHING`,
        [familyId, [...new Set(memberIds)], scope.now]);
    },
    /** The family's name and its members by age, oldest first. */
    read: async (): Promise<{ name: string; members: { client_id: string; name: string }[] }> => {
      const [family] = await tx.query<{ name: string }>('SELECT name FROM formal.families WHERE id = $1', [familyId]);
      const members = await tx.query<{ client_id: string; name: string }>(
        `SELECT m.client_id, c.given_names || ' ' || c.family_name AS name
           FROM formal.family_members m JOIN ${CLIENTS} c ON c.id = m.client_id WHERE m.family_id = $1 ORDER BY c.birth_date, c.id`, [familyId]);
      return { name: family!.name, members };
    },
    /** The family's data key, wrapped by the master key. */
    wrappedKey: async (): Promise<Buffer> => {
      const [row] = await tx.query<{ wrapped_key: Buffer }>('SELECT wrapped_key FROM care.family_keys WHERE family_id = $1', [familyId]);
      return row!.wrapped_key;
    },
    /** Records an entry by the scope's employee at the scope's time. */
    addEntry: async (entry: { id: string; kind: FamilyEntryKind; ciphertext: Buffer }): Promise<void> => {
      await tx.query('INSERT INTO care.family_entries (id, family_id, kind, ciphertext, author_id, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [entry.id, familyId, entry.kind, entry.ciphertext, scope.actor.employeeId, scope.now]);
    },
    /** The family part's entries, newest first, with their authors' names. */
    entries: (): Promise<FamilyEntryRow[]> => tx.query<FamilyEntryRow>(
      `SELECT f.id, f.kind, f.ciphertext, f.recorded_at, f.author_id, e.display_name AS author_name
         FROM care.family_entries f JOIN ${EMPLOYEES} e ON e.id = f.author_id WHERE f.family_id = $1 ORDER BY f.recorded_at DESC, f.id`, [familyId]),
  };
}
