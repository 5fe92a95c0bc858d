/**
 * The owner store of `care.drafts` (migration 0067), bound to the gate's
 * client scope: every query of `draftsOf(scope)` is bound to the scope's
 * employee as author and to the scope's client, and sees only unexpired rows.
 * The rows hold only ciphertext; sealing is the service's (draft-service.ts).
 * The daily sweep destroys expired drafts with the plumbing's database.
 */
import type { ClientScope } from '../access/gate-scope.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';

/**
 * What a draft becomes when finalised: an entry, an annotation of an entry, or, about a request (0089), the client's
 * own statement added at its fulfilment, the decision with its reasons (the letter's text), or the extension notice.
 */
export const DraftTarget = { entry: 'entry', annotation: 'annotation', statement: 'statement', decision: 'decision', extension: 'extension' } as const;
export type DraftTarget = (typeof DraftTarget)[keyof typeof DraftTarget];
export const DRAFT_TARGETS: readonly DraftTarget[] = Object.values(DraftTarget);
/** The targets that are about a request, and need its id. */
export const REQUEST_DRAFT_TARGETS: readonly DraftTarget[] = [DraftTarget.statement, DraftTarget.decision, DraftTarget.extension];

export interface DraftRow {
  id: string;
  target: DraftTarget;
  entry_id: string | null;
  request_id: string | null;
  updated_at: Date | string;
  expires_at: Date | string;
  ciphertext: Buffer;
}

/**
 * The drafts of the scope's employee about the scope's client (`care.drafts`), as of the scope's now: no other
 * author's draft, and no draft about another client, is read, counted, replaced or removed here.
 * @example const mine = await draftsOf(scope).list();
 */
export function draftsOf(scope: ClientScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  const authorId = scope.actor.employeeId;
  const now = scope.now;
  return {
    /**
     * The author's unexpired drafts about the client, last saved first: those about `requestId` when given, else those
     * about no request (the timeline's entries and annotations).
     */
    list: (requestId?: string): Promise<DraftRow[]> =>
      tx.query<DraftRow>(
        `SELECT id, target, entry_id, request_id, updated_at, expires_at, ciphertext FROM care.drafts
      WHERE author_id = $1 AND client_id = $2 AND expires_at > $3 AND request_id IS NOT DISTINCT FROM $4 ORDER BY updated_at DESC, id`,
        [authorId, clientId, now.toISOString(), requestId ?? null]),

    /** How many unexpired drafts the author keeps about the client, not counting `exceptId`. */
    count: async (exceptId: string): Promise<number> => {
      const [row] = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM care.drafts WHERE author_id = $1 AND client_id = $2 AND expires_at > $3 AND id <> $4',
        [authorId, clientId, now.toISOString(), exceptId]);
      return row?.n ?? 0;
    },

    /**
     * Writes the author's draft by id, saved now: a new one, or the author's own about this client replaced. False when
     * the id is someone else's (or about another client): that draft is not touched.
     */
    save: async (draft: {
      id: string; target: DraftTarget; entryId: string | null; requestId: string | null; expiresAt: Date; ciphertext: Buffer;
    }): Promise<boolean> => {
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO care.drafts (id, client_id, author_id, target, entry_id, request_id, updated_at, expires_at, ciphertext)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (id) DO UPDATE SET target = excluded.target, entry_id = excluded.entry_id, request_id = excluded.request_id,
            updated_at = excluded.updated_at, expires_at = excluded.expires_at, ciphertext = excluded.ciphertext
      WHERE care.drafts.author_id = excluded.author_id AND care.drafts.client_id = excluded.client_id
     RETURNING id`,
        [draft.id, clientId, authorId, draft.target, draft.entryId, draft.requestId, now.toISOString(), draft.expiresAt.toISOString(), draft.ciphertext]);
      return rows.length > 0;
    },

    /** Removes the author's draft about the client (and about `requestId`, or no request); false when there is none of theirs with that id. */
    remove: async (id: string, requestId?: string): Promise<boolean> => {
      const rows = await tx.query<{ id: string }>(
        'DELETE FROM care.drafts WHERE id = $1 AND author_id = $2 AND client_id = $3 AND request_id IS NOT DISTINCT FROM $4 RETURNING id',
        [id, authorId, clientId, requestId ?? null]);
      return rows.length > 0;
    },

    /** Destroys every draft past its expiry now, of any author and client of the organisation (row-level security); returns how many. */
    destroyExpired: (): Promise<number> => destroyExpiredDrafts(tx, now),
  };
}

/** Destroys every draft past its expiry (in the caller's organisation scope); returns how many. */
export async function destroyExpiredDrafts(db: Queryable, now: Date): Promise<number> {
  const rows = await db.query<{ id: string }>('DELETE FROM care.drafts WHERE expires_at <= $1 RETURNING id', [now.toISOString()]);
  return rows.length;
}
