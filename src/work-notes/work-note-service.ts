/**
 * Personal work notes (003 §2.3.13; DOMAIN §1): a professional's own notes
 * about a client, outside the dossier and visible to their author alone. Each
 * has an expiry (default 30 days, DW_WORK_NOTE_DAYS) after which it is
 * destroyed by the daily sweep. "Move into dossier" turns a note into a real
 * entry through the normal entry path (`addEntry` inside the gate's client scope,
 * so the rules for recording apply) and removes the note in the same
 * transaction; from then on it falls under the client's rights.
 *
 * Encryption: under the client's data key, not a key of the author. A note is
 * always about one client: destroying that client's dossier (retention or a
 * destruction request) destroys the key and with it every note about the
 * client, and moving a note into the dossier needs no re-keying across
 * owners. Privacy towards colleagues is enforced by access (every query is
 * bound to the author), and the access log records only that the author used
 * their notes (part `personal-work-note`, no entry ids, no content).
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { ClientScope, OwnScope } from '../access/gate.js';
import { dataKeyOf } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import { badRequest } from '../errors.js';
import { notesAboutClientOf, ownNotesOf, type OwnNoteRow } from './work-note-store.js';

export { destroyExpiredNotes, ownNoteClient } from './work-note-store.js';

/** What a work note seals. */
const SealedNote = Type.Object({ text: Type.String() });

export const PART = 'personal-work-note';

export interface WorkNote {
  id: string;
  clientId: string;
  text: string;
  createdAt: string;
  expiresAt: string;
}

/** Writes a note by the scope's employee (the route's policy decided `record` on `personal-work-note`). */
export async function addWorkNote(scope: ClientScope, masterKey: Buffer, input: { text: string; expiresInDays: number; maxBytes: number }): Promise<WorkNote> {
  if (Buffer.byteLength(input.text, 'utf8') > input.maxBytes) {
    throw badRequest('note-too-large', 'text', `De tekst is groter dan ${input.maxBytes} bytes.`, `The text is larger than ${input.maxBytes} bytes.`);
  }
  const key = await dataKeyOf(scope, masterKey);
  const id = randomUUID();
  const expiresAt = new Date(scope.now.getTime() + input.expiresInDays * 86_400_000);
  await notesAboutClientOf(scope).add({ id, expiresAt, ciphertext: encryptJson(key, { text: input.text }, `work-note:${id}`) });
  return { id, clientId: scope.client.id, text: input.text, createdAt: scope.now.toISOString(), expiresAt: expiresAt.toISOString() };
}

/** What the gate needs to log the author's use of their notes about a client. */
function usesOf(rows: readonly OwnNoteRow[]): { clientId: string; birthDate: string; relation: string | null }[] {
  return rows.map((row) => ({ clientId: row.client_id, birthDate: row.birth_date, relation: row.relation }));
}

/** The author's own notes (never anyone else's); the gate logs that the author used them, per client. */
export async function listOwnNotes(scope: OwnScope, masterKey: Buffer): Promise<WorkNote[]> {
  const own = ownNotesOf(scope);
  const rows = await own.list();
  const keys = new Map<string, Buffer>();
  const notes: WorkNote[] = [];
  for (const row of rows) {
    let key = keys.get(row.client_id);
    if (key === undefined) {
      key = await own.clientKey(masterKey, row.client_id);
      keys.set(row.client_id, key);
    }
    const { text } = decryptJson(key, row.ciphertext, `work-note:${row.id}`, SealedNote);
    notes.push({
      id: row.id, clientId: row.client_id, text, createdAt: new Date(row.created_at).toISOString(), expiresAt: new Date(row.expires_at).toISOString(),
    });
  }
  scope.used(usesOf(rows));
  return notes;
}

/** Destroys one of the author's own notes; false when there is none with that id. The gate logs it without content. */
export async function deleteOwnNote(scope: OwnScope, noteId: string): Promise<boolean> {
  const own = ownNotesOf(scope);
  const row = await own.find(noteId);
  if (row === undefined) return false;
  await own.destroy(noteId);
  scope.used(usesOf([row]));
  return true;
}

/** Inside the entry's client scope: reads and removes the author's note (the entry is added by the caller). */
export async function takeOwnNote(scope: ClientScope, masterKey: Buffer, noteId: string): Promise<string | undefined> {
  const ciphertext = await notesAboutClientOf(scope).take(noteId);
  if (ciphertext === undefined) return undefined;
  const key = await dataKeyOf(scope, masterKey);
  return decryptJson(key, ciphertext, `work-note:${noteId}`, SealedNote).text;
}
