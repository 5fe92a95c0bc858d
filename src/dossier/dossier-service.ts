/**
 * The care dossier: chronological entries and their annotations, encrypted
 * under the client's data key. Every function takes a `ClientScope`, so it can
 * only run inside the gate's client subject (`enter`: decided and logged).
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { ClientScope } from '../access/client-access.js';
import type { Queryable } from '../db/database.js';
import { clientDataKey, unwrapClientKey } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import { restrictionInForce } from '../requests/restriction-store.js';
import { Citation } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import { closedAfterTransfer, transferOf } from '../transfers/transfer-record.js';
import { ENTRY_KIND_LABELS, type AnnotationKind, type EntryKind, type SourceKind, type StatementType } from './entry-kinds.js';

/** What an entry seals (EntryContent): title and source may be null. */
const SealedEntry = Type.Object({ title: Type.Union([Type.String(), Type.Null()]), text: Type.String(), source: Type.Union([Type.String(), Type.Null()]) });
/** What an annotation seals: its reason. */
const SealedAnnotation = Type.Object({ reason: Type.String() });

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
  /** The request this annotation fulfils (a correction, AVG 16). */
  requestId?: string;
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
  /** Set when the annotation corrects the entry on a client's request (AVG 16). */
  requestId: string | null;
}

/** A client's own statement shown beside the entry it disputes (Jeugdwet 7.3.8; BW 7:454 lid 2; 003 §3.4). */
export interface StatementRef {
  id: string;
  title: string | null;
  text: string;
  recordedAt: string;
  source: { kind: SourceKind; description: string | null };
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
  /** For an own statement: the entry it disputes. */
  disputes: string | null;
  /** Own statements of the client disputing this entry, shown beside it. */
  statements: StatementRef[];
}

export interface TimelinePage {
  entries: Entry[];
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** Processing restricted on the client's request (AVG 18), shown on the dossier. */
  processingRestriction: ProcessingRestriction | null;
}

export interface ProcessingRestriction {
  since: string;
  requestId: string;
  /** "Verwerking beperkt sinds …, op verzoek …". */
  notice: string;
}

/** The client's active restriction of processing, if any (AVG 18; recorded on fulfilment of a `restrict` request). */
export async function activeRestriction(tx: Queryable, clientId: string): Promise<ProcessingRestriction | null> {
  const row = await restrictionInForce(tx, clientId);
  if (row === undefined) return null;
  const since = calendarDate(row.started_at);
  return {
    since, requestId: row.request_id,
    notice: `Verwerking beperkt sinds ${since}, op verzoek van ${row.requester ?? 'de cliënt'} (ontvangen ${row.received_on}; AVG 18). Alleen bewaren; inzien alleen voor een rechtsvordering.`,
  };
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
  const transfer = input.kind === 'disclosure' ? undefined : await transferOf(tx, masterKey, client.id);
  if (transfer !== undefined) throw closedAfterTransfer(transfer);
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
    'INSERT INTO care.entry_annotations (id, entry_id, client_id, kind, author_id, ciphertext, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [id, entryId, client.id, input.kind, actor.employeeId, encryptJson(key, { reason: input.reason }, `annotation:${id}`), input.requestId ?? null],
  );
  scope.touch([entryId]);
  const entry = (await loadEntries(tx, key, client.id, { ids: [entryId] }))[0];
  if (entry === undefined) throw new Error('entry vanished after annotation');
  return entry;
}

export interface NewOwnStatement {
  /** The entry the statement disputes. */
  disputesEntryId: string;
  title?: string;
  text: string;
  /** Who made the statement: the client or their representative. */
  source: { kind: SourceKind; description?: string };
  requestId: string;
}

/**
 * Appends the client's own statement (eigen verklaring) beside the entry it
 * disputes (Jeugdwet 7.3.8; BW 7:454 lid 2; 003 §3.4). The employee who
 * records it is its author; the source says whose statement it is.
 */
export async function addOwnStatement(scope: ClientScope, masterKey: Buffer, maxEntryBytes: number, input: NewOwnStatement): Promise<Entry> {
  const { tx, client, actor } = scope;
  if (byteLength(input.text) > maxEntryBytes) {
    throw badRequest('entry-too-large', 'statement.text', `De tekst is groter dan ${maxEntryBytes} bytes.`, `The text is larger than ${maxEntryBytes} bytes.`);
  }
  const disputed = await tx.query<{ kind: EntryKind }>('SELECT kind FROM care.entries WHERE id = $1 AND client_id = $2', [input.disputesEntryId, client.id]);
  if (disputed.length === 0) throw badRequest('unknown-entry', 'statement.entryId', 'Deze dossierregel bestaat niet in dit dossier.', 'This entry does not exist in this dossier.');
  const key = await clientDataKey(tx, masterKey, client.id);
  const id = randomUUID();
  const content: EntryContent = { title: input.title ?? 'Eigen verklaring', text: input.text, source: input.source.description ?? null };
  await tx.query(
    `INSERT INTO care.entries (id, client_id, kind, author_id, occurred_on, source_kind, statement_type, ciphertext, disputes_entry_id, request_id)
     VALUES ($1, $2, 'own-statement', $3, $4, $5, NULL, $6, $7, $8)`,
    [id, client.id, actor.employeeId, calendarDate(scope.now), input.source.kind, encryptJson(key, content, `entry:${id}`), input.disputesEntryId, input.requestId],
  );
  scope.touch([id, input.disputesEntryId]);
  const entry = (await loadEntries(tx, key, client.id, { ids: [input.disputesEntryId] }))[0];
  if (entry === undefined) throw new Error('entry vanished after own statement');
  return entry;
}

/** What a correction of an entry needs to know about it: its kind and whether it states a fact or an opinion. */
export async function entryNature(scope: ClientScope, entryId: string): Promise<{ kind: EntryKind; statementType: StatementType | null } | undefined> {
  const rows = await scope.tx.query<{ kind: EntryKind; statement_type: StatementType | null }>(
    'SELECT kind, statement_type FROM care.entries WHERE id = $1 AND client_id = $2', [entryId, scope.client.id]);
  const row = rows[0];
  return row === undefined ? undefined : { kind: row.kind, statementType: row.statement_type };
}

/** Refuses any change or deletion of an entry, with the reason; append-only is also enforced by the database. */
export function refuseEntryChange(): AppError {
  // The dossier must show what was known and done at the time (Jeugdwet 7.3.8, BW 7:454); a correction is added beside it (AVG 16; 003 §3.4).
  return new AppError('entry-append-only', 409,
    'Een dossierregel kan niet worden gewijzigd of verwijderd. Is iets onjuist of verouderd? Voeg dan een aantekening toe; de oorspronkelijke tekst blijft zichtbaar.',
    'A dossier entry cannot be changed or deleted. If something is wrong or outdated, add an annotation; the original stays visible.',
    { basis: [Citation.jeugdwet_7_3_8, Citation.bw_7_454, Citation.avg_16] });
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
  disputes_entry_id: string | null;
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
            e.source_kind, e.statement_type, e.ciphertext, e.disputes_entry_id, a.id AS author_id, a.display_name AS author_name, a.function_title AS author_function
       FROM care.entries e JOIN ${EMPLOYEES} a ON a.id = e.author_id
      WHERE ${where.join(' AND ')}
      ORDER BY e.recorded_at DESC, e.id DESC ${limit}`,
    params,
  );
}

interface Decorations {
  annotations: Map<string, Annotation[]>;
  /** Own statements disputing these entries, oldest first. */
  statements: Map<string, StatementRef[]>;
}

interface DecorationRow {
  what: 'annotation' | 'statement'; id: string; target: string; kind: string; recorded_at: Date; ciphertext: Buffer; request_id: string | null;
  author_id: string | null; author_name: string | null; author_function: string | null; source_kind: SourceKind | null;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

/** The annotations of these entries and the own statements disputing them, in one round trip (the timeline is the hot path). */
async function loadDecorations(tx: Queryable, key: Buffer, entryIds: readonly string[]): Promise<Decorations> {
  const decorations: Decorations = { annotations: new Map(), statements: new Map() };
  if (entryIds.length === 0) return decorations;
  const rows = await tx.query<DecorationRow>(
    `SELECT 'annotation' AS what, n.id, n.entry_id AS target, n.kind, n.recorded_at, n.ciphertext, n.request_id,
            a.id AS author_id, a.display_name AS author_name, a.function_title AS author_function, NULL::text AS source_kind
       FROM care.entry_annotations n JOIN ${EMPLOYEES} a ON a.id = n.author_id
      WHERE n.entry_id = ANY($1::uuid[])
     UNION ALL
     SELECT 'statement', e.id, e.disputes_entry_id, e.kind, e.recorded_at, e.ciphertext, e.request_id, NULL::uuid, NULL, NULL, e.source_kind
       FROM care.entries e
      WHERE e.disputes_entry_id = ANY($1::uuid[]) AND e.kind = 'own-statement'
     ORDER BY recorded_at, id`,
    [entryIds],
  );
  for (const row of rows) {
    if (row.what === 'annotation') {
      const { reason } = decryptJson(key, row.ciphertext, `annotation:${row.id}`, SealedAnnotation);
      push(decorations.annotations, row.target, {
        id: row.id, kind: row.kind as AnnotationKind, reason, recordedAt: row.recorded_at.toISOString(), requestId: row.request_id,
        author: { id: row.author_id!, name: row.author_name!, function: row.author_function! },
      });
    } else {
      const content = decryptJson(key, row.ciphertext, `entry:${row.id}`, SealedEntry);
      push(decorations.statements, row.target, {
        id: row.id, title: content.title, text: content.text, recordedAt: row.recorded_at.toISOString(), source: { kind: row.source_kind!, description: content.source },
      });
    }
  }
  return decorations;
}

async function loadEntries(tx: Queryable, key: Buffer, clientId: string, options: LoadOptions): Promise<Entry[]> {
  const rows = await loadRows(tx, clientId, options);
  return decorate(tx, key, rows);
}

async function decorate(tx: Queryable, key: Buffer, rows: readonly EntryRow[]): Promise<Entry[]> {
  const { annotations, statements } = await loadDecorations(tx, key, rows.map((r) => r.id));
  return rows.map((row) => {
    const content = decryptJson(key, row.ciphertext, `entry:${row.id}`, SealedEntry);
    return {
      id: row.id, kind: row.kind, kindLabel: ENTRY_KIND_LABELS[row.kind], title: content.title, text: content.text,
      occurredOn: row.occurred_on, recordedAt: row.recorded_at.toISOString(),
      author: { id: row.author_id, name: row.author_name, function: row.author_function },
      source: { kind: row.source_kind, description: content.source }, statementType: row.statement_type,
      annotations: annotations.get(row.id) ?? [],
      disputes: row.disputes_entry_id, statements: statements.get(row.id) ?? [],
    };
  });
}

/** One page of the timeline, newest first, optionally filtered by kind. */
export async function readTimeline(scope: ClientScope, masterKey: Buffer, options: { limit: number; before?: string; kinds?: readonly EntryKind[] }): Promise<TimelinePage> {
  const { tx, client } = scope;
  // The hot read path: key and restriction flag came with the access facts.
  const key = unwrapClientKey(masterKey, client.id, scope.preloaded.wrappedKey);
  const rows = await loadRows(tx, client.id, {
    limit: options.limit + 1,
    ...(options.kinds === undefined ? {} : { kinds: options.kinds }),
    ...(options.before === undefined ? {} : { before: decodeCursor(options.before) }),
  });
  const page = rows.slice(0, options.limit);
  const entries = await decorate(tx, key, page);
  scope.touch(entries.map((e) => e.id));
  const last = page[page.length - 1];
  return {
    entries, nextCursor: rows.length > options.limit && last !== undefined ? encodeCursor({ micros: last.micros, id: last.id }) : null,
    processingRestriction: scope.preloaded.processingRestricted ? await activeRestriction(tx, client.id) : null,
  };
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
