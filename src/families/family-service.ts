/**
 * Family dossiers (003 §2.3.4): a family part with its own entries and data
 * key, linked to the members' own dossiers. The service only runs inside the
 * gate's family scope (`gate-family.ts`) and reaches the family part through
 * the store bound to it; it never reads a member's entries.
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { FamilyScope } from '../access/client-access.js';
import { decryptJson, encryptJson, newDataKey, unwrapDataKey, wrapDataKey } from '../crypto/envelope.js';
import { badRequest } from '../errors.js';
import { familyPartOf, type FamilyEntryKind } from './family-store.js';

export { FAMILY_ENTRY_KINDS, type FamilyEntryKind } from './family-store.js';

/** What a family entry seals. */
const SealedFamilyEntry = Type.Object({ text: Type.String() });

const keyContext = (familyId: string) => `family:${familyId}`;
const entryContext = (entryId: string) => `family-entry:${entryId}`;

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

/** Creates the scope's family of its members (the gate decided recording in each), with its own data key. */
export async function createFamily(scope: FamilyScope, masterKey: Buffer, name: string): Promise<void> {
  const family = familyPartOf(scope);
  await family.create(name, wrapDataKey(masterKey, newDataKey(), keyContext(scope.familyId)));
  await family.addMembers(scope.members);
}

/** Adds clients to the scope's family (the gate decided recording in each new member's dossier). */
export async function addMembers(scope: FamilyScope, memberIds: readonly string[]): Promise<void> {
  await familyPartOf(scope).addMembers(memberIds);
}

export async function readFamily(scope: FamilyScope): Promise<Family> {
  const { name, members } = await familyPartOf(scope).read();
  return { id: scope.familyId, name, members: members.map((m) => ({ clientId: m.client_id, name: m.name })) };
}

async function familyKey(scope: FamilyScope, masterKey: Buffer): Promise<Buffer> {
  return unwrapDataKey(masterKey, await familyPartOf(scope).wrappedKey(), keyContext(scope.familyId));
}

export async function recordFamilyEntry(scope: FamilyScope, masterKey: Buffer, input: { kind: FamilyEntryKind; text: string }): Promise<FamilyEntry> {
  if (input.text.trim() === '') throw badRequest('empty-text', 'text', 'Schrijf iets op.', 'Write something.');
  const key = await familyKey(scope, masterKey);
  const id = randomUUID();
  await familyPartOf(scope).addEntry({ id, kind: input.kind, ciphertext: encryptJson(key, { text: input.text }, entryContext(id)) });
  return { id, kind: input.kind, text: input.text, recordedAt: scope.now.toISOString(), author: { id: scope.actor.employeeId, name: scope.actor.displayName } };
}

export async function listFamilyEntries(scope: FamilyScope, masterKey: Buffer): Promise<FamilyEntry[]> {
  const key = await familyKey(scope, masterKey);
  const rows = await familyPartOf(scope).entries();
  return rows.map((r) => ({
    id: r.id, kind: r.kind, text: decryptJson(key, r.ciphertext, entryContext(r.id), SealedFamilyEntry).text,
    recordedAt: r.recorded_at.toISOString(), author: { id: r.author_id, name: r.author_name },
  }));
}
