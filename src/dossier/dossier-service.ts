/**
 * The care dossier: chronological entries and their annotations, encrypted
 * under the client's data key. Every function takes a `ClientScope`, so it can
 * only run inside `withClientAccess` (decided and logged).
 */
import { randomUUID } from 'node:crypto';
import type { ClientScope } from '../access/client-access.js';
import type { Queryable } from '../db/database.js';
import { clientDataKey } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import type { AppError } from '../errors.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { calendarDate } from '../shared/calendar-date.js';
import { ENTRY_KIND_LABELS, type AnnotationKind, type EntryKind, type SourceKind, type StatementType } from './entry-kinds.js';

export interface NewEntry {
  kind: EntryKind;
  title?: string;
  text: string;
  occurredOn?: string;
  source: { kind: SourceKind; description?: string };
  statementType?: StatementType;
}

export interface NewAnnotation {
  kind: AnnotationKind;
  reason: string;
}

export interface PersonRef {
  id: string;
  name: string;
  function: string;
}

export interface Annotation {
  id: string;
  kind: AnnotationKind;
  reason: string;
  author: PersonRef;
  recordedAt: string;
}

export interface Entry {
  id: string;
  kind: EntryKind;
  kindLabel: string;
  title: string | null;
  text: string;
  occurredOn: string | null;
  recordedAt: string;
  author: PersonRef;
  source: { kind: SourceKind; description: string | null };
  statementType: StatementType | null;
  annotations: Annotation[];
}

export interface TimelinePage {
  entries: Entry[];
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextCursor: string | null;
}

interface EntryContent {
  title: string | null;
  text: string;
  source: string | null;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Appends an entry written by the scope's employee. */
export async function addEntry(scope: ClientScope, masterKey: Buffer, maxEntryBytes: number, input: NewEntry): Promise<Entry> {
  const { tx, client, actor } = scope;
  if (byteLength(input.text) > maxEntryBytes) {
    throw badRequest('entry-too-large', 'text', `De tekst is groter dan ${maxEntryBytes} bytes.`, `The text is larger than ${maxEntryBytes} bytes.`);
  }
  if (input.occurredOn !== undefined && input.occurredOn < '1900-01-01') {
    throw badRequest('invalid-date', 'occurredOn', 'Deze datum is niet aannemelijk.', 'This date is not plausible.');
  }
  if (input.occurredOn !== undefined && input.occurredOn > calendarDate(scope.now)) {
    throw badRequest('date-in-future', 'occurredOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  }
  const key = await clientDataKey(tx, masterKey, client.id);
  const id = randomUUID();
  const content: EntryContent = { title: input.title ?? null, text: input.text, source: input.source.description ?? null };
  await tx.query(
    `INSERT INTO care.entries (id, client_id, kind, author_id, occurred_on, source_kind, statement_type, ciphertext)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, client.id, input.kind, actor.employeeId, input.occurredOn ?? null, input.source.kind, input.statementType ?? null,
      encryptJson(key, content, `entry:${id}`)],
  );
  scope.touch([id]);
  const entry = (await loadEntries(tx, key, client.id, { ids: [id] }))[0];
  if (entry === undefined) throw new Error('entry vanished after insert');
  return entry;
}

/** Adds an annotation beside an entry ("bij nader inzien onjuist"); the entry itself never changes. */
export async function annotateEntry(scope: ClientScope, masterKey: Buffer, entryId: string, input: NewAnnotation): Promise<Entry> {
  const { tx, client, actor } = scope;
  const exists = await tx.query('SELECT 1 FROM care.entries WHERE id = $1 AND client_id = $2', [entryId, client.id]);
  if (exists.length === 0) throw notFound('Deze dossierregel bestaat niet in dit dossier.', 'This entry does not exist in this dossier.');
  const key = await clientDataKey(tx, masterKey, client.id);
  const id = randomUUID();
  await tx.query(
    'INSERT INTO care.entry_annotations (id, entry_id, client_id, kind, author_id, ciphertext) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, entryId, client.id, input.kind, actor.employeeId, encryptJson(key, { reason: input.reason }, `annotation:${id}`)],
  );
  scope.touch([entryId]);
  const entry = (await loadEntries(tx, key, client.id, { ids: [entryId] }))[0];
  if (entry === undefined) throw new Error('entry vanished after annotation');
  return entry;
}

/** Refuses any change or deletion of an entry, with the reason; append-only is also enforced by the database. */
export function refuseEntryChange(): AppError {
  return conflict('entry-append-only',
    'Een dossierregel kan niet worden gewijzigd of verwijderd. Is iets onjuist of verouderd? Voeg dan een aantekening toe; de oorspronkelijke tekst blijft zichtbaar.',
    'A dossier entry cannot be changed or deleted. If something is wrong or outdated, add an annotation; the original stays visible.');
}

interface Cursor {
  micros: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.micros}|${cursor.id}`, 'utf8').toString('base64url');
}

function decodeCursor(value: string): Cursor {
  const [micros, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  // Microseconds since 1970 stay below 10^16 until the year 2286; anything else was not made by us.
  if (micros === undefined || id === undefined || !/^\d{1,16}$/.test(micros) || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    throw badRequest('invalid-cursor', 'before', 'De paginaverwijzing is ongeldig.', 'The page cursor is invalid.');
  }
  return { micros, id };
}

interface EntryRow {
  id: string;
  kind: EntryKind;
  recorded_at: Date;
  micros: string;
  occurred_on: string | null;
  source_kind: SourceKind;
  statement_type: StatementType | null;
  ciphertext: Buffer;
  author_id: string;
  author_name: string;
  author_function: string;
}

interface LoadOptions {
  ids?: readonly string[];
  kinds?: readonly EntryKind[];
  before?: Cursor;
  limit?: number;
}

async function loadRows(tx: Queryable, clientId: string, options: LoadOptions): Promise<EntryRow[]> {
  const params: unknown[] = [clientId];
  const where = ['e.client_id = $1'];
  if (options.ids !== undefined) {
    params.push(options.ids);
    where.push(`e.id = ANY($${params.length}::uuid[])`);
  }
  if (options.kinds !== undefined && options.kinds.length > 0) {
    params.push(options.kinds);
    where.push(`e.kind = ANY($${params.length}::text[])`);
  }
  if (options.before !== undefined) {
    params.push(options.before.micros, options.before.id);
    where.push(`(e.recorded_at, e.id) < (timestamptz 'epoch' + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::uuid)`);
  }
  let limit = '';
  if (options.limit !== undefined) {
    params.push(options.limit);
    limit = `LIMIT $${params.length}`;
  }
  return tx.query<EntryRow>(
    `SELECT e.id, e.kind, e.recorded_at, (extract(epoch FROM e.recorded_at) * 1000000)::bigint AS micros, e.occurred_on,
            e.source_kind, e.statement_type, e.ciphertext, a.id AS author_id, a.display_name AS author_name, a.function_title AS author_function
       FROM care.entries e JOIN org.employees a ON a.id = e.author_id
      WHERE ${where.join(' AND ')}
      ORDER BY e.recorded_at DESC, e.id DESC ${limit}`,
    params,
  );
}

async function loadAnnotations(tx: Queryable, key: Buffer, entryIds: readonly string[]): Promise<Map<string, Annotation[]>> {
  const byEntry = new Map<string, Annotation[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = await tx.query<{ id: string; entry_id: string; kind: AnnotationKind; recorded_at: Date; ciphertext: Buffer; author_id: string; author_name: string; author_function: string }>(
    `SELECT n.id, n.entry_id, n.kind, n.recorded_at, n.ciphertext, a.id AS author_id, a.display_name AS author_name, a.function_title AS author_function
       FROM care.entry_annotations n JOIN org.employees a ON a.id = n.author_id
      WHERE n.entry_id = ANY($1::uuid[]) ORDER BY n.recorded_at, n.id`,
    [entryIds],
  );
  for (const row of rows) {
    const { reason } = decryptJson(key, row.ciphertext, `annotation:${row.id}`) as { reason: string };
    const list = byEntry.get(row.entry_id) ?? [];
    list.push({
      id: row.id, kind: row.kind, reason, recordedAt: row.recorded_at.toISOString(),
      author: { id: row.author_id, name: row.author_name, function: row.author_function },
    });
    byEntry.set(row.entry_id, list);
  }
  return byEntry;
}

async function loadEntries(tx: Queryable, key: Buffer, clientId: string, options: LoadOptions): Promise<Entry[]> {
  const rows = await loadRows(tx, clientId, options);
  return decorate(tx, key, rows);
}

async function decorate(tx: Queryable, key: Buffer, rows: readonly EntryRow[]): Promise<Entry[]> {
  const annotations = await loadAnnotations(tx, key, rows.map((r) => r.id));
  return rows.map((row) => {
    const content = decryptJson(key, row.ciphertext, `entry:${row.id}`) as EntryContent;
    return {
      id: row.id, kind: row.kind, kindLabel: ENTRY_KIND_LABELS[row.kind], title: content.title, text: content.text,
      occurredOn: row.occurred_on, recordedAt: row.recorded_at.toISOString(),
      author: { id: row.author_id, name: row.author_name, function: row.author_function },
      source: { kind: row.source_kind, description: content.source }, statementType: row.statement_type,
      annotations: annotations.get(row.id) ?? [],
    };
  });
}

/** One page of the timeline, newest first, optionally filtered by kind. */
export async function readTimeline(scope: ClientScope, masterKey: Buffer, options: { limit: number; before?: string; kinds?: readonly EntryKind[] }): Promise<TimelinePage> {
  const { tx, client } = scope;
  const key = await clientDataKey(tx, masterKey, client.id);
  const rows = await loadRows(tx, client.id, {
    limit: options.limit + 1,
    ...(options.kinds === undefined ? {} : { kinds: options.kinds }),
    ...(options.before === undefined ? {} : { before: decodeCursor(options.before) }),
  });
  const page = rows.slice(0, options.limit);
  const entries = await decorate(tx, key, page);
  scope.touch(entries.map((e) => e.id));
  const last = page[page.length - 1];
  return { entries, nextCursor: rows.length > options.limit && last !== undefined ? encodeCursor({ micros: last.micros, id: last.id }) : null };
}

/** Every entry of the client, oldest first (reader views, copies, exports). */
export async function readAllEntries(scope: ClientScope, masterKey: Buffer): Promise<Entry[]> {
  const key = await clientDataKey(scope.tx, masterKey, scope.client.id);
  const entries = (await loadEntries(scope.tx, key, scope.client.id, {})).reverse();
  scope.touch(entries.map((e) => e.id));
  return entries;
}

/** One entry with its annotations (its history). */
export async function readEntry(scope: ClientScope, masterKey: Buffer, entryId: string): Promise<Entry> {
  const key = await clientDataKey(scope.tx, masterKey, scope.client.id);
  const entry = (await loadEntries(scope.tx, key, scope.client.id, { ids: [entryId] }))[0];
  if (entry === undefined) throw notFound('Deze dossierregel bestaat niet in dit dossier.', 'This entry does not exist in this dossier.');
  scope.touch([entry.id]);
  return entry;
}
