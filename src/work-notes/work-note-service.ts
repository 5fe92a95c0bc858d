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
import { careRelationOn } from '../care-team/care-team-store.js';
import { CLIENTS } from '../clients/client-store.js';
import { CLIENTS_WITH_KEY } from '../crypto/client-key-store.js';
import { clientDataKey } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import type { Queryable } from '../db/database.js';
import { badRequest } from '../errors.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { CareRelation } from '../organisation/employee-roles.js';

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
  const key = await clientDataKey(scope.tx, masterKey, scope.client.id);
  const id = randomUUID();
  const expiresAt = new Date(scope.now.getTime() + input.expiresInDays * 86_400_000);
  await scope.tx.query(
    'INSERT INTO care.work_notes (id, client_id, author_id, created_at, expires_at, ciphertext) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, scope.client.id, scope.actor.employeeId, scope.now.toISOString(), expiresAt.toISOString(), encryptJson(key, { text: input.text }, `work-note:${id}`)]);
  return { id, clientId: scope.client.id, text: input.text, createdAt: scope.now.toISOString(), expiresAt: expiresAt.toISOString() };
}

interface NoteRow {
  id: string; client_id: string; created_at: Date | string; expires_at: Date | string; ciphertext: Buffer;
  birth_date: string; organisation_id: string; relation: CareRelation | null;
}

async function ownNotes(tx: Queryable, scope: Pick<OwnScope, 'actor' | 'now'>, noteId?: string): Promise<NoteRow[]> {
  // Only the author's own, unexpired notes, about clients of the author's organisation whose key still exists.
  return tx.query<NoteRow>(
    `SELECT n.id, n.client_id, n.created_at, n.expires_at, n.ciphertext, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.organisation_id, t.relation
       FROM care.work_notes n JOIN ${CLIENTS} c ON c.id = n.client_id LEFT JOIN ${careRelationOn('n.client_id', 'n.author_id', '$3::date')} t ON true
      WHERE n.author_id = $1 AND c.organisation_id = $2 AND n.expires_at > $4
        AND ($5::uuid IS NULL OR n.id = $5) AND EXISTS (SELECT 1 FROM ${CLIENTS_WITH_KEY} k WHERE k.client_id = n.client_id)
      ORDER BY n.created_at DESC, n.id`,
    [scope.actor.employeeId, scope.actor.organisationId, calendarDate(scope.now), scope.now.toISOString(), noteId ?? null]);
}

/** What the gate needs to log the author's use of their notes about a client. */
function usesOf(rows: readonly NoteRow[]): { clientId: string; birthDate: string; relation: string | null }[] {
  return rows.map((row) => ({ clientId: row.client_id, birthDate: row.birth_date, relation: row.relation }));
}

/** The author's own notes (never anyone else's); the gate logs that the author used them, per client. */
export async function listOwnNotes(scope: OwnScope, masterKey: Buffer): Promise<WorkNote[]> {
  const rows = await ownNotes(scope.tx, scope);
  const keys = new Map<string, Buffer>();
  const notes: WorkNote[] = [];
  for (const row of rows) {
    let key = keys.get(row.client_id);
    if (key === undefined) {
      key = await clientDataKey(scope.tx, masterKey, row.client_id);
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

/** One of the author's own notes, or undefined (another's note is indistinguishable from none). Nothing about the note is read but its client. */
export async function findOwnNote(db: Queryable, scope: Pick<OwnScope, 'actor' | 'now'>, noteId: string): Promise<{ clientId: string } | undefined> {
  const [row] = await ownNotes(db, scope, noteId);
  return row === undefined ? undefined : { clientId: row.client_id };
}

/** Destroys one of the author's own notes; false when there is none with that id. The gate logs it without content. */
export async function deleteOwnNote(scope: OwnScope, noteId: string): Promise<boolean> {
  const [row] = await ownNotes(scope.tx, scope, noteId);
  if (row === undefined) return false;
  await scope.tx.query('DELETE FROM care.work_notes WHERE id = $1 AND author_id = $2', [noteId, scope.actor.employeeId]);
  scope.used(usesOf([row]));
  return true;
}

/** Inside the entry's client scope: reads and removes the author's note (the entry is added by the caller). */
export async function takeOwnNote(scope: ClientScope, masterKey: Buffer, noteId: string): Promise<string | undefined> {
  const rows = await scope.tx.query<{ ciphertext: Buffer }>(
    'DELETE FROM care.work_notes WHERE id = $1 AND author_id = $2 AND client_id = $3 AND expires_at > $4 RETURNING ciphertext',
    [noteId, scope.actor.employeeId, scope.client.id, scope.now.toISOString()]);
  const row = rows[0];
  if (row === undefined) return undefined;
  const key = await clientDataKey(scope.tx, masterKey, scope.client.id);
  return decryptJson(key, row.ciphertext, `work-note:${noteId}`, SealedNote).text;
}

/** Destroys every note past its expiry (the daily sweep); returns how many. */
export async function destroyExpiredNotes(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query<{ id: string }>('DELETE FROM care.work_notes WHERE expires_at <= $1 RETURNING id', [now.toISOString()]);
  return rows.length;
}
