/**
 * The messages module's store of `care.messages`, `care.message_attachments` and `care.message_reads` (migration
 * 0079; issue 14: one owner per table). A message's content is a `correspondence` entry of the dossier (written and
 * read through the dossier store); these tables hold its thread (the portal account), direction, sealed
 * attachments and read marks. Bound to a scope of one client: no other client's row is reached. Append-only.
 */
import type { ClientBoundScope, OwnScope } from '../../access/gate-scope.js';
import { strongestCareRelationOn } from '../../care-team/care-team-store.js';
import type { Queryable } from '../../db/database.js';
import { txOf } from '../../db/scope-tx.js';
import { ENTRY_MOMENTS } from '../../dossier/dossier-store.js';
import { EMPLOYEES } from '../../organisation/employee-store.js';

export type MessageDirection = 'from-portal' | 'from-team';
export type AttachmentMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';
export type MessageSide = 'team' | 'portal';

/** A message's place in its thread. */
export interface MessageRow {
  entry_id: string; portal_account_id: string; direction: MessageDirection; sent_at: Date;
  /** Whether the other side read it. */
  read_by_team: boolean; read_by_portal: boolean;
}

/** An attachment as listed (no content). */
export interface AttachmentRow { id: string; entry_id: string; media_type: AttachmentMediaType; byte_size: number }

/** An attachment with its sealed name and bytes. */
export interface SealedAttachmentRow extends AttachmentRow { ciphertext: Buffer }

/**
 * The messages of the scope's client.
 * @example const thread = await messagesOf(scope).thread(accountId);
 */
export function messagesOf(scope: ClientBoundScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  const columns = `m.entry_id, m.portal_account_id, m.direction, m.sent_at,
    EXISTS (SELECT 1 FROM care.message_reads r WHERE r.entry_id = m.entry_id AND r.read_by = 'team') AS read_by_team,
    EXISTS (SELECT 1 FROM care.message_reads r WHERE r.entry_id = m.entry_id AND r.read_by = 'portal') AS read_by_portal`;
  return {
    /** One thread (a portal account's), oldest first. */
    thread: (accountId: string): Promise<MessageRow[]> => tx.query<MessageRow>(
      `SELECT ${columns} FROM care.messages m WHERE m.client_id = $1 AND m.portal_account_id = $2 ORDER BY m.sent_at, (SELECT e.recorded_at FROM ${ENTRY_MOMENTS} e WHERE e.id = m.entry_id), m.entry_id`,
      [clientId, accountId]),

    /** Every thread of the client, oldest message first. */
    all: (): Promise<MessageRow[]> => tx.query<MessageRow>(
      `SELECT ${columns} FROM care.messages m WHERE m.client_id = $1 ORDER BY m.portal_account_id, m.sent_at, (SELECT e.recorded_at FROM ${ENTRY_MOMENTS} e WHERE e.id = m.entry_id), m.entry_id`, [clientId]),

    /** Whether a thread with this account exists in this dossier (the team answers only an existing thread). */
    threadExists: async (accountId: string): Promise<boolean> =>
      (await tx.query('SELECT 1 FROM care.messages WHERE client_id = $1 AND portal_account_id = $2 LIMIT 1', [clientId, accountId])).length > 0,

    /** Records the message whose entry was just appended. */
    add: async (message: { entryId: string; accountId: string; direction: MessageDirection; sentAt: Date }): Promise<void> => {
      await tx.query('INSERT INTO care.messages (entry_id, client_id, portal_account_id, direction, sent_at) VALUES ($1, $2, $3, $4, $5)',
        [message.entryId, clientId, message.accountId, message.direction, message.sentAt]);
    },

    /** Adds a sealed attachment to a message of this dossier. */
    attach: async (attachment: { id: string; entryId: string; mediaType: AttachmentMediaType; byteSize: number; ciphertext: Buffer }): Promise<void> => {
      await tx.query('INSERT INTO care.message_attachments (id, entry_id, client_id, media_type, byte_size, ciphertext) VALUES ($1, $2, $3, $4, $5, $6)',
        [attachment.id, attachment.entryId, clientId, attachment.mediaType, attachment.byteSize, attachment.ciphertext]);
    },

    /** The attachments of these messages (no content). */
    attachments: async (entryIds: readonly string[]): Promise<AttachmentRow[]> => entryIds.length === 0
      ? []
      : tx.query<AttachmentRow>(
          'SELECT id, entry_id, media_type, byte_size FROM care.message_attachments WHERE client_id = $1 AND entry_id = ANY($2::uuid[]) ORDER BY id',
          [clientId, entryIds]),

    /** One attachment with its sealed content, when it belongs to this message of this dossier (and, if given, this thread). */
    attachment: async (entryId: string, attachmentId: string, accountId?: string): Promise<SealedAttachmentRow | undefined> => (await tx.query<SealedAttachmentRow>(
      `SELECT a.id, a.entry_id, a.media_type, a.byte_size, a.ciphertext
         FROM care.message_attachments a JOIN care.messages m ON m.entry_id = a.entry_id
        WHERE a.client_id = $1 AND a.entry_id = $2 AND a.id = $3 AND ($4::uuid IS NULL OR m.portal_account_id = $4::uuid)`,
      [clientId, entryId, attachmentId, accountId ?? null]))[0],

    /** Marks these messages read by one side (once; a second mark changes nothing). */
    markRead: async (entryIds: readonly string[], side: MessageSide, at: Date): Promise<void> => {
      if (entryIds.length === 0) return;
      await tx.query(
        `INSERT INTO care.message_reads (entry_id, client_id, read_by, read_at)
         SELECT m.entry_id, m.client_id, $3, $4 FROM care.messages m WHERE m.client_id = $1 AND m.entry_id = ANY($2::uuid[])
         ON CONFLICT (entry_id, read_by) DO NOTHING`,
        [clientId, entryIds, side, at]);
    },

    /** The notification address the portal account set, if any. */
    portalAddress: async (accountId: string): Promise<string | null> => (await tx.query<{ email: string }>(
      'SELECT email FROM org.message_notification_addresses WHERE portal_account_id = $1 AND organisation_id = $2', [accountId, scope.client.organisationId]))[0]?.email ?? null,

    /** The notification addresses of the client's care team on `day` (holder, members, substitutes, interns), active employees only. */
    teamAddresses: async (day: string): Promise<string[]> => (await tx.query<{ email: string }>(
      `SELECT a.email FROM org.message_notification_addresses a JOIN ${EMPLOYEES} e ON e.id = a.employee_id AND e.active
        WHERE a.organisation_id = $3 AND ${strongestCareRelationOn('$1', 'a.employee_id', '$2')} IS NOT NULL`,
      [clientId, day, scope.client.organisationId])).map((row) => row.email),

    /** Sets (or, with null, removes) the portal account's notification address. */
    setPortalAddress: (accountId: string, email: string | null, at: Date): Promise<void> =>
      setAddress(tx, { column: 'portal_account_id', id: accountId, organisationId: scope.client.organisationId }, email, at),
  };
}

async function setAddress(tx: Queryable, owner: { column: 'employee_id' | 'portal_account_id'; id: string; organisationId: string }, email: string | null, at: Date): Promise<void> {
  if (email === null) {
    await tx.query(`DELETE FROM org.message_notification_addresses WHERE ${owner.column} = $1`, [owner.id]);
    return;
  }
  const updated = await tx.query(`UPDATE org.message_notification_addresses SET email = $2, updated_at = $3 WHERE ${owner.column} = $1 RETURNING id`, [owner.id, email, at]);
  if (updated.length === 0) {
    await tx.query(`INSERT INTO org.message_notification_addresses (organisation_id, ${owner.column}, email, updated_at) VALUES ($1, $2, $3, $4)`,
      [owner.organisationId, owner.id, email, at]);
  }
}

/** The caller's own notification address (an employee's). */
export function ownNotificationAddressOf(scope: OwnScope) {
  const tx = txOf(scope);
  return {
    get: async (): Promise<string | null> => (await tx.query<{ email: string }>(
      'SELECT email FROM org.message_notification_addresses WHERE employee_id = $1', [scope.actor.employeeId]))[0]?.email ?? null,
    set: (email: string | null): Promise<void> =>
      setAddress(tx, { column: 'employee_id', id: scope.actor.employeeId, organisationId: scope.actor.organisationId }, email, scope.now),
  };
}
