/**
 * Secure messages between a portal user and the care team (issue 19 item 6).
 *
 * A message is a `correspondence` entry of the dossier, sealed under the client's data key like every entry
 * ({title, text, source}, AAD `entry:<id>`): so inspection, copy, portability, retention and destruction include it,
 * and the database keeps it append-only. Its thread (one per portal account) and direction are in `care.messages`;
 * attachments are sealed under the same key (AAD `message-attachment:<id>`) in `care.message_attachments`.
 * A team member's message is authored by that employee; a portal user's is recorded with the dossier's holder as
 * the responsible author (care.entries names employees only) and the sender as its source (ARCHITECTURE.md).
 *
 * The team's functions take the gate's `ClientScope` (read: `read` on the dossier; answer: `record` on the dossier —
 * the engine's recording rule refuses administrative staff, managers and interns the client objected to). The
 * portal user's take the `PortalScope` the gate made for that account (action `message`).
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { ClientBoundScope, ClientScope, PortalScope } from '../../access/gate-scope.js';
import { dataKeyOf } from '../../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../../crypto/envelope.js';
import { appendPortalCorrespondence, entriesOf } from '../../dossier/dossier-store.js';
import type { SourceKind } from '../../dossier/entry-kinds.js';
import { badRequest, notFound } from '../../errors.js';
import { relationsOfScope } from '../../representation/relation-store.js';
import { calendarDate } from '../../shared/calendar-date.js';
import { closedAfterTransfer, dossierTransfer } from '../../transfers/transfer-record.js';
import { momentInWords } from '../../shared/labels.js';
import { checkAttachment, type CheckedAttachment } from './attachment-check.js';
import { messagesOf, type AttachmentMediaType, type AttachmentRow, type MessageRow } from './message-store.js';
import type { Notice } from './notification-mailer.js';

/** What an entry seals (as the dossier service reads it). */
const SealedEntry = Type.Object({ title: Type.Union([Type.String(), Type.Null()]), text: Type.String(), source: Type.Union([Type.String(), Type.Null()]) });
/** What an attachment seals. */
const SealedAttachment = Type.Object({ name: Type.String(), content: Type.String() });

/** Longest message text, in characters (a message, not a report; the entry bound DW_MAX_ENTRY_BYTES also holds). */
export const MESSAGE_MAX_CHARS = 10_000;

/** An attachment opened for download. */
export interface OpenedAttachment { name: string; mediaType: AttachmentMediaType; bytes: Buffer }

export interface AttachmentRef { id: string; name: string; mediaType: AttachmentMediaType; bytes: number }

/** A message as the team sees it. */
export interface TeamMessage {
  id: string;
  from: 'portal' | 'team';
  /** The portal user's name, or the employee's "name (function)". */
  author: string;
  sentAt: string;
  sentOn: string;
  text: string;
  attachments: AttachmentRef[];
  /** Whether the other side has read it (a portal message: someone of the team answered or read; a team message: the portal user wrote after it). */
  readByOtherSide: boolean;
}

/** A message as the portal user sees it. */
export interface PortalMessage {
  id: string;
  from: 'me' | 'team';
  author: string;
  sentAt: string;
  sentOn: string;
  text: string;
  attachments: AttachmentRef[];
}

export interface Thread {
  accountId: string;
  /** The portal user's name as they wrote it last. */
  with: string;
  /** Messages from the portal user the team has not answered yet. */
  unanswered: number;
  messages: TeamMessage[];
}

export interface NewMessage {
  text: string;
  attachment?: { name: string; contentBase64: string };
}

/** What a sent message leads to after commit: the notice to queue (no client data in it). */
export interface Sent<M> {
  message: M;
  notice: Notice;
}

interface Loaded {
  row: MessageRow;
  title: string | null;
  text: string;
  source: string | null;
  authorName: string;
  authorFunction: string;
  attachments: AttachmentRef[];
}

async function load(scope: ClientBoundScope, masterKey: Buffer, rows: readonly MessageRow[]): Promise<Loaded[]> {
  if (rows.length === 0) return [];
  const key = await dataKeyOf(scope, masterKey);
  const ids = rows.map((row) => row.entry_id);
  const entries = new Map((await entriesOf(scope).rows({ ids })).map((entry) => [entry.id, entry]));
  const attachments = new Map<string, AttachmentRow[]>();
  for (const a of await messagesOf(scope).attachments(ids)) attachments.set(a.entry_id, [...(attachments.get(a.entry_id) ?? []), a]);
  const loaded: Loaded[] = [];
  for (const row of rows) {
    // A message whose entry was destroyed (partial destruction of the correspondence) goes with it (cascade); an entry
    // missing here is one the join did not return, so it is skipped, never shown half.
    const entry = entries.get(row.entry_id);
    if (entry === undefined) continue;
    const content = decryptJson(key, entry.ciphertext, `entry:${entry.id}`, SealedEntry);
    const refs: AttachmentRef[] = [];
    for (const a of attachments.get(row.entry_id) ?? []) {
      // The name is sealed with the bytes; a listing opens it (attachments are small and few).
      const sealed = await messagesOf(scope).attachment(row.entry_id, a.id);
      const name = sealed === undefined ? 'bijlage' : decryptJson(key, sealed.ciphertext, `message-attachment:${a.id}`, SealedAttachment).name;
      refs.push({ id: a.id, name, mediaType: a.media_type, bytes: a.byte_size });
    }
    loaded.push({
      row, title: content.title, text: content.text, source: content.source,
      authorName: entry.author_name, authorFunction: entry.author_function, attachments: refs,
    });
  }
  scope.touch(loaded.map((message) => message.row.entry_id));
  return loaded;
}

function teamMessage(message: Loaded): TeamMessage {
  const fromPortal = message.row.direction === 'from-portal';
  return {
    id: message.row.entry_id, from: fromPortal ? 'portal' : 'team',
    author: fromPortal ? (message.source ?? 'Portaalgebruiker') : `${message.authorName} (${message.authorFunction})`,
    sentAt: message.row.sent_at.toISOString(), sentOn: momentInWords(message.row.sent_at), text: message.text, attachments: message.attachments,
    readByOtherSide: fromPortal ? message.row.read_by_team : message.row.read_by_portal,
  };
}

function portalMessage(message: Loaded): PortalMessage {
  const mine = message.row.direction === 'from-portal';
  return {
    id: message.row.entry_id, from: mine ? 'me' : 'team',
    author: mine ? (message.source ?? 'Ik') : `${message.authorName} (${message.authorFunction})`,
    sentAt: message.row.sent_at.toISOString(), sentOn: momentInWords(message.row.sent_at), text: message.text, attachments: message.attachments,
  };
}

function checkText(text: string, maxEntryBytes: number): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw badRequest('empty-text', 'text', 'Schrijf eerst uw bericht.', 'The message is empty.');
  if (trimmed.length > MESSAGE_MAX_CHARS || Buffer.byteLength(trimmed, 'utf8') > maxEntryBytes) {
    throw badRequest('entry-too-large', 'text', `Uw bericht is te lang. Het mag hoogstens ${MESSAGE_MAX_CHARS} tekens hebben.`, `The message is longer than ${MESSAGE_MAX_CHARS} characters.`);
  }
  return trimmed;
}

/** Checks the text and the attachment before anything is written: a refused attachment stores nothing. */
function checked(input: NewMessage, limits: MessageLimits): { text: string; attachment: CheckedAttachment | undefined } {
  const text = checkText(input.text, limits.maxEntryBytes);
  const attachment = input.attachment === undefined ? undefined : checkAttachment(input.attachment, limits.attachmentMaxBytes);
  return { text, attachment };
}

export interface MessageLimits { maxEntryBytes: number; attachmentMaxBytes: number }

async function store(scope: ClientBoundScope, key: Buffer, entryId: string, accountId: string, direction: 'from-portal' | 'from-team', attachment: CheckedAttachment | undefined): Promise<void> {
  const messages = messagesOf(scope);
  await messages.add({ entryId, accountId, direction, sentAt: scope.now });
  if (attachment !== undefined) {
    const id = randomUUID();
    await messages.attach({
      id, entryId, mediaType: attachment.mediaType, byteSize: attachment.bytes.length,
      ciphertext: encryptJson(key, { name: attachment.name, content: attachment.bytes.toString('base64') }, `message-attachment:${id}`),
    });
  }
}

// ---------------------------------------------------------------- the care team

/** Every thread of the client, each oldest message first, threads with unanswered messages first. */
export async function readThreads(scope: ClientScope, masterKey: Buffer): Promise<Thread[]> {
  const loaded = await load(scope, masterKey, await messagesOf(scope).all());
  const threads = new Map<string, Thread>();
  for (const message of loaded) {
    const thread = threads.get(message.row.portal_account_id) ?? { accountId: message.row.portal_account_id, with: 'Portaalgebruiker', unanswered: 0, messages: [] };
    const shown = teamMessage(message);
    if (shown.from === 'portal') {
      thread.with = shown.author;
      thread.unanswered = shown.readByOtherSide ? 0 : thread.unanswered + 1;
    }
    thread.messages.push(shown);
    threads.set(thread.accountId, thread);
  }
  return [...threads.values()].sort((a, b) => Number(b.unanswered > 0) - Number(a.unanswered > 0)
    || (b.messages.at(-1)?.sentAt ?? '').localeCompare(a.messages.at(-1)?.sentAt ?? ''));
}

/**
 * The team's answer in a thread (by the scope's employee): a correspondence entry authored by them. The portal
 * user's messages in the thread count as read. Only an existing thread (the portal user wrote first) is answered.
 */
export async function answerThread(
  scope: ClientScope, masterKey: Buffer, limits: MessageLimits, accountId: string, input: NewMessage,
): Promise<Sent<TeamMessage>> {
  const { text, attachment } = checked(input, limits);
  const messages = messagesOf(scope);
  const thread = await messages.thread(accountId);
  if (thread.length === 0) throw notFound('Er is geen gesprek met deze portaalgebruiker in dit dossier.', 'There is no conversation with this portal user in this dossier.');
  // After a transfer the dossier is closed to new entries, as the dossier service refuses them.
  const transfer = await dossierTransfer(scope, masterKey);
  if (transfer !== undefined) throw closedAfterTransfer(transfer);
  const key = await dataKeyOf(scope, masterKey);
  const withName = (await load(scope, masterKey, thread.filter((row) => row.direction === 'from-portal').slice(-1)))[0]?.source ?? 'de portaalgebruiker';
  const entryId = randomUUID();
  await entriesOf(scope).append({
    id: entryId, kind: 'correspondence', occurredOn: calendarDate(scope.now), sourceKind: 'care-professional', statementType: null,
    ciphertext: encryptJson(key, { title: `Bericht via het portaal aan ${withName}`, text, source: null }, `entry:${entryId}`),
  });
  await store(scope, key, entryId, accountId, 'from-team', attachment);
  await messages.markRead(thread.filter((row) => row.direction === 'from-portal').map((row) => row.entry_id), 'team', scope.now);
  const [sent] = await load(scope, masterKey, await messages.thread(accountId).then((rows) => rows.filter((row) => row.entry_id === entryId)));
  if (sent === undefined) throw new Error('message vanished after insert');
  const portalAddress = await messages.portalAddress(accountId);
  return { message: teamMessage(sent), notice: { kind: 'to-portal', to: portalAddress === null ? [] : [portalAddress] } };
}

/** One attachment's name, type and bytes, for the team. */
export async function teamAttachment(scope: ClientScope, masterKey: Buffer, messageId: string, attachmentId: string): Promise<OpenedAttachment> {
  return openAttachment(scope, masterKey, messageId, attachmentId, undefined);
}

async function openAttachment(scope: ClientBoundScope, masterKey: Buffer, messageId: string, attachmentId: string, accountId: string | undefined): Promise<OpenedAttachment> {
  const sealed = await messagesOf(scope).attachment(messageId, attachmentId, accountId);
  if (sealed === undefined) throw notFound('Deze bijlage bestaat niet.', 'This attachment does not exist.');
  const key = await dataKeyOf(scope, masterKey);
  const { name, content } = decryptJson(key, sealed.ciphertext, `message-attachment:${sealed.id}`, SealedAttachment);
  scope.touch([messageId]);
  return { name, mediaType: sealed.media_type, bytes: Buffer.from(content, 'base64') };
}

// ---------------------------------------------------------------- the portal user

/** The portal user's thread, oldest first. */
export async function readOwnThread(scope: PortalScope, masterKey: Buffer): Promise<PortalMessage[]> {
  return (await load(scope, masterKey, await messagesOf(scope).thread(scope.account.id))).map(portalMessage);
}

/** What the sender is, as the entry's source kind: the client, or the relation's kind. */
async function senderKind(scope: PortalScope): Promise<SourceKind> {
  if (scope.account.kind === 'client' || scope.account.relationId === null) return 'client';
  const kind = await relationsOfScope(scope).kindOf(scope.account.relationId);
  const sources: Partial<Record<string, SourceKind>> = { 'parent': 'parent', 'foster-parent': 'parent', 'guardian': 'guardian', 'family-guardian': 'family-guardian' };
  return (kind === undefined ? undefined : sources[kind]) ?? 'other';
}

/**
 * A message from the portal user to the care team: a correspondence entry recorded with the dossier's holder as
 * responsible author and the sender as its source; the team's earlier messages in the thread count as read.
 */
export async function sendFromPortal(scope: PortalScope, masterKey: Buffer, limits: MessageLimits, input: NewMessage): Promise<Sent<PortalMessage>> {
  const { text, attachment } = checked(input, limits);
  const messages = messagesOf(scope);
  const key = await dataKeyOf(scope, masterKey);
  const entryId = randomUUID();
  const appended = await appendPortalCorrespondence(scope, {
    id: entryId, occurredOn: calendarDate(scope.now), sourceKind: await senderKind(scope),
    ciphertext: encryptJson(key, { title: 'Bericht via het portaal', text, source: scope.account.displayName }, `entry:${entryId}`),
  });
  if (!appended) throw notFound('Er is (nog) geen dossier om uw bericht in te bewaren.', 'There is no dossier to keep the message in.');
  await store(scope, key, entryId, scope.account.id, 'from-portal', attachment);
  const thread = await messages.thread(scope.account.id);
  await messages.markRead(thread.filter((row) => row.direction === 'from-team').map((row) => row.entry_id), 'portal', scope.now);
  const [sent] = await load(scope, masterKey, thread.filter((row) => row.entry_id === entryId));
  if (sent === undefined) throw new Error('message vanished after insert');
  return { message: portalMessage(sent), notice: { kind: 'to-team', to: await messages.teamAddresses(calendarDate(scope.now)) } };
}

/** One attachment of the portal user's own thread. */
export function portalAttachment(scope: PortalScope, masterKey: Buffer, messageId: string, attachmentId: string): Promise<OpenedAttachment> {
  return openAttachment(scope, masterKey, messageId, attachmentId, scope.account.id);
}

/** The portal user's notification address (null: none, nothing is sent). */
export function portalNotificationAddress(scope: PortalScope): Promise<string | null> {
  return messagesOf(scope).portalAddress(scope.account.id);
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Checks an address someone sets for their notifications. */
export function checkAddress(email: string | null): string | null {
  if (email === null) return null;
  const trimmed = email.trim();
  if (trimmed === '') return null;
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) {
    throw badRequest('invalid-email', 'email', 'Dit is geen geldig e-mailadres.', 'This is not a valid e-mail address.');
  }
  return trimmed;
}

/** Sets (or, with null, removes) the portal user's notification address. */
export async function setPortalNotificationAddress(scope: PortalScope, email: string | null): Promise<string | null> {
  const address = checkAddress(email);
  await messagesOf(scope).setPortalAddress(scope.account.id, address, scope.now);
  return address;
}
