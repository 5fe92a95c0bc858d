/**
 * Family dossiers (003 §2.3.4): a family part with its own entries and data
 * key, linked to the members' own dossiers. The service only runs inside
 * `withFamilyAccess`; it never reads a member's entries.
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { FamilyScope } from '../access/client-access.js';
import { decryptJson, encryptJson, newDataKey, unwrapDataKey, wrapDataKey } from '../crypto/envelope.js';
import type { Queryable } from '../db/database.js';
import { CLIENTS } from '../clients/client-store.js';
import { badRequest } from '../errors.js';
import { EMPLOYEES } from '../organisation/employee-store.js';

/** What a family entry seals. */
const SealedFamilyEntry = Type.Object({ text: Type.String() });

const keyContext = (familyId: string) => `family:${familyId}`;
const entryContext = (entryId: string) => `family-entry:${entryId}`;

export const FAMILY_ENTRY_KINDS = ['family-plan', 'family-conversation-report', 'family-evaluation', 'network-meeting'] as const;
export type FamilyEntryKind = (typeof FAMILY_ENTRY_KINDS)[number];

export interface Family {
  id: string;
  name: string;
  members: { clientId: string; name: string }[];
}

export interface FamilyEntry {
  id: string;
  kind: FamilyEntryKind;
  text: string;
  recordedAt: string;
  author: { id: string; name: string };
}

/** Creates a family of existing clients with its own data key; the caller has checked access to every member. */
export async function createFamily(
  tx: Queryable, masterKey: Buffer, organisationId: string, employeeId: string, now: Date, name: string, memberIds: readonly string[], id: string = randomUUID(),
): Promise<string> {
  await tx.query('INSERT INTO formal.families (id, organisation_id, name, created_by, created_at) VALUES ($1, $2, $3, $4, $5)', [id, organisationId, name, employeeId, now]);
  await tx.query('INSERT INTO care.family_keys (family_id, wrapped_key) VALUES ($1, $2)', [id, wrapDataKey(masterKey, newDataKey(), keyContext(id))]);
  await addMembers(tx, id, memberIds, now);
  return id;
}

export async function addMembers(tx: Queryable, familyId: string, memberIds: readonly string[], now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO formal.family_members (family_id, client_id, added_at) SELECT $1, m, $3 FROM unnest($2::uuid[]) AS m ON CONFLICT DO NOTHING`,
    [familyId, [...new Set(memberIds)], now]);
}

export async function readFamily(scope: FamilyScope): Promise<Family> {
  const [family] = await scope.tx.query<{ name: string }>('SELECT name FROM formal.families WHERE id = $1', [scope.familyId]);
  const members = await scope.tx.query<{ client_id: string; name: string }>(
    `SELECT m.client_id, c.given_names || ' ' || c.family_name AS name
       FROM formal.family_members m JOIN ${CLIENTS} c ON c.id = m.client_id WHERE m.family_id = $1 ORDER BY c.birth_date, c.id`, [scope.familyId]);
  return { id: scope.familyId, name: family!.name, members: members.map((m) => ({ clientId: m.client_id, name: m.name })) };
}

async function familyKey(tx: Queryable, masterKey: Buffer, familyId: string): Promise<Buffer> {
  const [row] = await tx.query<{ wrapped_key: Buffer }>('SELECT wrapped_key FROM care.family_keys WHERE family_id = $1', [familyId]);
  return unwrapDataKey(masterKey, row!.wrapped_key, keyContext(familyId));
}

export async function recordFamilyEntry(scope: FamilyScope, masterKey: Buffer, input: { kind: FamilyEntryKind; text: string }): Promise<FamilyEntry> {
  if (input.text.trim() === '') throw badRequest('empty-text', 'text', 'Schrijf iets op.', 'Write something.');
  const key = await familyKey(scope.tx, masterKey, scope.familyId);
  const id = randomUUID();
  await scope.tx.query('INSERT INTO care.family_entries (id, family_id, kind, ciphertext, author_id, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, scope.familyId, input.kind, encryptJson(key, { text: input.text }, entryContext(id)), scope.actor.employeeId, scope.now]);
  return { id, kind: input.kind, text: input.text, recordedAt: scope.now.toISOString(), author: { id: scope.actor.employeeId, name: scope.actor.displayName } };
}

export async function listFamilyEntries(scope: FamilyScope, masterKey: Buffer): Promise<FamilyEntry[]> {
  const key = await familyKey(scope.tx, masterKey, scope.familyId);
  const rows = await scope.tx.query<{ id: string; kind: FamilyEntryKind; ciphertext: Buffer; recorded_at: Date; author_id: string; author_name: string }>(
    `SELECT f.id, f.kind, f.ciphertext, f.recorded_at, f.author_id, e.display_name AS author_name
       FROM care.family_entries f JOIN ${EMPLOYEES} e ON e.id = f.author_id WHERE f.family_id = $1 ORDER BY f.recorded_at DESC, f.id`, [scope.familyId]);
  return rows.map((r) => ({
    id: r.id, kind: r.kind, text: decryptJson(key, r.ciphertext, entryContext(r.id), SealedFamilyEntry).text,
    recordedAt: r.recorded_at.toISOString(), author: { id: r.author_id, name: r.author_name },
  }));
}
