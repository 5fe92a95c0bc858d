/**
 * The requests module's store of the 7-day download links (`org.download_links`,
 * issue 14: one owner per table): a client's links, bound to the gate's client
 * scope; a link by its token, bound to the gate's download scope (no session).
 * Only SHA-256 hashes of token and code are stored; the document is sealed
 * under the client's key.
 */
import type { ClientScope, DownloadScope } from '../access/gate-scope.js';
import { wrappedClientKey } from '../crypto/client-key-store.js';
import { txOf } from '../db/scope-tx.js';

/** A link as the professional's list shows it. */
export interface LinkRow {
  id: string; created_at: Date; expires_at: Date; revoked_at: Date | null; fetches: number; failed_attempts: number;
}

/** A link as the requester's fetch needs it: whose, the code's hash, the sealed document, who prepared it. */
export interface FetchedLinkRow extends LinkRow {
  organisation_id: string; client_id: string; code_hash: Buffer; document: Buffer; filename: string; created_by: string;
}

/** A prepared link as it is stored: the hashes of token and code, the sealed document; the client and who prepared it come from the scope. */
export interface NewLinkRow { id: string; requestId: string; tokenHash: Buffer; codeHash: Buffer; document: Buffer; filename: string; expiresAt: Date }

/**
 * The download links of the scope's client (org.download_links).
 * @example const links = await downloadLinksOf(scope).ofRequest(requestId);
 */
export function downloadLinksOf(scope: ClientScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** Stores a prepared link, by the scope's employee, now. */
    insert: async (l: NewLinkRow): Promise<void> => {
      await tx.query(
        `INSERT INTO org.download_links (id, organisation_id, client_id, request_id, token_hash, code_hash, document, filename, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [l.id, scope.client.organisationId, clientId, l.requestId, l.tokenHash, l.codeHash, l.document, l.filename,
          scope.actor.employeeId, scope.now, l.expiresAt]);
    },
    /** The links of a request, newest first. */
    ofRequest: (requestId: string): Promise<LinkRow[]> => tx.query<LinkRow>(
      'SELECT id, created_at, expires_at, revoked_at, fetches, failed_attempts FROM org.download_links WHERE request_id = $1 AND client_id = $2 ORDER BY created_at DESC',
      [requestId, clientId]),
    /** Revokes a link of a request, by the scope's employee, now; false when there is no such link not yet revoked. */
    revoke: async (requestId: string, linkId: string): Promise<boolean> => (await tx.query(
      'UPDATE org.download_links SET revoked_at = $4, revoked_by = $5 WHERE id = $1 AND request_id = $2 AND client_id = $3 AND revoked_at IS NULL RETURNING id',
      [linkId, requestId, clientId, scope.now, scope.actor.employeeId])).length > 0,
  };
}

/**
 * The link a download's token names (org.download_links), bound to the download scope: found by the token's hash
 * and locked, so the count of wrong codes cannot be raced.
 * @example const link = await downloadLinkOf(scope).byTokenForUpdate(sha256(token));
 */
export function downloadLinkOf(scope: DownloadScope) {
  const tx = txOf(scope);
  return {
    byTokenForUpdate: async (tokenHash: Buffer): Promise<FetchedLinkRow | undefined> => (await tx.query<FetchedLinkRow>(
      `SELECT id, organisation_id, client_id, code_hash, document, filename, created_by, created_at, expires_at, revoked_at, fetches, failed_attempts
         FROM org.download_links WHERE token_hash = $1 FOR UPDATE`, [tokenHash]))[0],
    /** Counts a fetch of the document. */
    countFetch: async (linkId: string): Promise<void> => {
      await tx.query('UPDATE org.download_links SET fetches = fetches + 1 WHERE id = $1', [linkId]);
    },
    /** The wrapped data key of the link's client (null once the dossier was destroyed): the link names a client the scope does not. */
    wrappedKeyOf: (clientId: string): Promise<Buffer | null> => wrappedClientKey(tx, clientId),
    /** Counts a wrong code towards the lock. */
    countWrongCode: async (linkId: string): Promise<void> => {
      await tx.query('UPDATE org.download_links SET failed_attempts = failed_attempts + 1 WHERE id = $1', [linkId]);
    },
  };
}
