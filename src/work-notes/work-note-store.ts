/**
 * The work-notes module's store of `care.work_notes` (issue 14: one owner per
 * table). Every query is bound to the author: a note about the client of the
 * gate's client scope by the scope's employee, or the caller's own notes in
 * the own scope; nobody else's note is ever read. The daily sweep's
 * destruction of expired notes is system work and takes the database.
 */
import type { ClientScope, OwnScope } from '../access/gate-scope.js';
import type { Actor } from '../auth/sessions.js';
import { careRelationOn } from '../care-team/care-team-store.js';
import { CLIENTS } from '../clients/client-store.js';
import { CLIENTS_WITH_KEY } from '../crypto/client-key-store.js';
import { clientDataKey } from '../crypto/client-keys.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';
import type { CareRelation } from '../organisation/employee-roles.js';
import { calendarDate } from '../shared/calendar-date.js';

export interface OwnNoteRow {
  id: string; client_id: string; created_at: Date | string; expires_at: Date | string; ciphertext: Buffer;
  birth_date: string; organisation_id: string; relation: CareRelation | null;
}

/** Whose notes, and when: the author (employee and organisation) and the moment that decides what has expired. */
interface Author { actor: Pick<Actor, 'employeeId' | 'organisationId'>; now: Date }

async function ownNotes(tx: Queryable, scope: Author, noteId?: string): Promise<OwnNoteRow[]> {
  // Only the author's own, unexpired notes, about clients of the author's organisation whose key still exists.
  return tx.query<OwnNoteRow>(
    `SELECT n.id, n.client_id, n.created_at, n.expires_at, n.ciphertext, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date, c.organisation_id, t.relation
       FROM care.work_notes n JOIN ${CLIENTS} c ON c.id = n.client_id LEFT JOIN ${careRelationOn('n.client_id', 'n.author_id', '$3::date')} t ON true
      WHERE n.author_id = $1 AND c.organisation_id = $2 AND n.expires_at > $4
        AND ($5::uuid IS NULL OR n.id = $5) AND EXISTS (SELECT 1 FROM ${CLIENTS_WITH_KEY} k WHERE k.client_id = n.client_id)
      ORDER BY n.created_at DESC, n.id`,
    [scope.actor.employeeId, scope.actor.organisationId, calendarDate(scope.now), scope.now.toISOString(), noteId ?? null]);
}

/** The scope's employee's notes about the scope's client. */
export function notesAboutClientOf(scope: ClientScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  const authorId = scope.actor.employeeId;
  return {
    /** Writes a note by the scope's employee, created at the scope's time. */
    add: async (note: { id: string; expiresAt: Date; ciphertext: Buffer }): Promise<void> => {
      await tx.query(
        'INSERT INTO care.work_notes (id, client_id, author_id, created_at, expires_at, ciphertext) VALUES ($1, $2, $3, $4, $5, $6)',
        [note.id, clientId, authorId, scope.now.toISOString(), note.expiresAt.toISOString(), note.ciphertext]);
    },
    /** Removes the author's unexpired note about this client and returns its sealed text; undefined when there is none. */
    take: async (noteId: string): Promise<Buffer | undefined> => {
      const rows = await tx.query<{ ciphertext: Buffer }>(
        'DELETE FROM care.work_notes WHERE id = $1 AND author_id = $2 AND client_id = $3 AND expires_at > $4 RETURNING ciphertext',
        [noteId, authorId, clientId, scope.now.toISOString()]);
      return rows[0]?.ciphertext;
    },
  };
}

/** The caller's own notes (never anyone else's), in the own scope. */
export function ownNotesOf(scope: OwnScope) {
  const tx = txOf(scope);
  return {
    /** Every unexpired note of the author, newest first, with what the gate needs to log their use. */
    list: (): Promise<OwnNoteRow[]> => ownNotes(tx, scope),
    /** One of the author's unexpired notes; undefined when there is none with that id. */
    find: async (noteId: string): Promise<OwnNoteRow | undefined> => (await ownNotes(tx, scope, noteId))[0],
    /** Destroys one of the author's notes. */
    destroy: async (noteId: string): Promise<void> => {
      await tx.query('DELETE FROM care.work_notes WHERE id = $1 AND author_id = $2', [noteId, scope.actor.employeeId]);
    },
    /** The data key of a client the author's notes are about (the notes are sealed under it); 410 once destroyed. */
    clientKey: (masterKey: Buffer, clientId: string): Promise<Buffer> => clientDataKey(tx, masterKey, clientId),
  };
}

/**
 * Before the gate, to name the subject of "move into dossier": the client one of the author's own unexpired
 * notes is about; undefined for another's note or none. Nothing else about the note is read.
 */
export async function ownNoteClient(db: Queryable, author: Author, noteId: string): Promise<string | undefined> {
  const [row] = await ownNotes(db, author, noteId);
  return row?.client_id;
}

/** Destroys every note past its expiry (the daily sweep); returns how many. */
export async function destroyExpiredNotes(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query<{ id: string }>('DELETE FROM care.work_notes WHERE expires_at <= $1 RETURNING id', [now.toISOString()]);
  return rows.length;
}
