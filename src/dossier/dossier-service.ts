/**
 * The care dossier: chronological entries and their annotations, encrypted
 * under the client's data key. Every function takes a `ClientScope`, so it can
 * only run inside the gate's client subject (`enter`: decided and logged).
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { ClientBoundScope, ClientScope } from '../access/client-access.js';
import { dataKeyOf, unwrapClientKey } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { restrictionsOf } from '../requests/restriction-store.js';
import { Citation } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import { closedAfterTransfer, dossierTransfer } from '../transfers/transfer-record.js';
import { entriesOf, type DecorationRow, type EntryRow, type EntrySelection } from './dossier-store.js';
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

/** The scope's client's active restriction of processing, if any (AVG 18; recorded on fulfilment of a `restrict` request). */
export async function processingRestrictionOf(scope: ClientScope): Promise<ProcessingRestriction | null> {
  const row = await restrictionsOf(scope).inForce();
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
  if (byteLength(input.text) > maxEntryBytes) {
    throw badRequest('entry-too-large', 'text', `De tekst is groter dan ${maxEntryBytes} bytes.`, `The text is larger than ${maxEntryBytes} bytes.`);
  }
  if (input.occurredOn !== undefined && input.occurredOn < '1900-01-01') {
    throw badRequest('invalid-date', 'occurredOn', 'Deze datum is niet aannemelijk.', 'This date is not plausible.');
  }
  if (input.occurredOn !== undefined && input.occurredOn > calendarDate(scope.now)) {
    throw badRequest('date-in-future', 'occurredOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  }
  const transfer = input.kind === 'disclosure' ? undefined : await dossierTransfer(scope, masterKey);
  if (transfer !== undefined) throw closedAfterTransfer(transfer);
  const key = await dataKeyOf(scope, masterKey);
  const id = randomUUID();
  const content: EntryContent = { title: input.title ?? null, text: input.text, source: input.source.description ?? null };
  await entriesOf(scope).append({
    id, kind: input.kind, occurredOn: input.occurredOn ?? null, sourceKind: input.source.kind, statementType: input.statementType ?? null,
    ciphertext: encryptJson(key, content, `entry:${id}`),
  });
  scope.touch([id]);
  const entry = (await loadEntries(scope, key, { ids: [id] }))[0];
  if (entry === undefined) throw new Error('entry vanished after insert');
  return entry;
}

/** Adds an annotation beside an entry ("bij nader inzien onjuist"); the entry itself never changes. */
export async function annotateEntry(scope: ClientScope, masterKey: Buffer, entryId: string, input: NewAnnotation): Promise<Entry> {
  const entries = entriesOf(scope);
  if (!await entries.exists(entryId)) throw notFound('Deze dossierregel bestaat niet in dit dossier.', 'This entry does not exist in this dossier.');
  const key = await dataKeyOf(scope, masterKey);
  const id = randomUUID();
  await entries.annotate({
    id, entryId, kind: input.kind, ciphertext: encryptJson(key, { reason: input.reason }, `annotation:${id}`), requestId: input.requestId ?? null,
  });
  scope.touch([entryId]);
  const entry = (await loadEntries(scope, key, { ids: [entryId] }))[0];
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
  const entries = entriesOf(scope);
  if (byteLength(input.text) > maxEntryBytes) {
    throw badRequest('entry-too-large', 'statement.text', `De tekst is groter dan ${maxEntryBytes} bytes.`, `The text is larger than ${maxEntryBytes} bytes.`);
  }
  if (await entries.kindOf(input.disputesEntryId) === undefined) {
    throw badRequest('unknown-entry', 'statement.entryId', 'Deze dossierregel bestaat niet in dit dossier.', 'This entry does not exist in this dossier.');
  }
  const key = await dataKeyOf(scope, masterKey);
  const id = randomUUID();
  const content: EntryContent = { title: input.title ?? 'Eigen verklaring', text: input.text, source: input.source.description ?? null };
  await entries.appendOwnStatement({
    id, occurredOn: calendarDate(scope.now), sourceKind: input.source.kind, ciphertext: encryptJson(key, content, `entry:${id}`),
    disputesEntryId: input.disputesEntryId, requestId: input.requestId,
  });
  scope.touch([id, input.disputesEntryId]);
  const entry = (await loadEntries(scope, key, { ids: [input.disputesEntryId] }))[0];
  if (entry === undefined) throw new Error('entry vanished after own statement');
  return entry;
}

/** What a correction of an entry needs to know about it: its kind and whether it states a fact or an opinion. */
export async function entryNature(scope: ClientScope, entryId: string): Promise<{ kind: EntryKind; statementType: StatementType | null } | undefined> {
  const row = await entriesOf(scope).nature(entryId);
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

interface Decorations {
  annotations: Map<string, Annotation[]>;
  /** Own statements disputing these entries, oldest first. */
  statements: Map<string, StatementRef[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

/** The annotations of these entries and the own statements disputing them, in one round trip (the timeline is the hot path). */
async function loadDecorations(scope: ClientBoundScope, key: Buffer, entryIds: readonly string[]): Promise<Decorations> {
  const decorations: Decorations = { annotations: new Map(), statements: new Map() };
  const rows: DecorationRow[] = await entriesOf(scope).decorations(entryIds);
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

async function loadEntries(scope: ClientBoundScope, key: Buffer, selection: EntrySelection): Promise<Entry[]> {
  const rows = await entriesOf(scope).rows(selection);
  return decorate(scope, key, rows);
}

async function decorate(scope: ClientBoundScope, key: Buffer, rows: readonly EntryRow[]): Promise<Entry[]> {
  // Most entries have neither annotation nor own statement: the page's query says which do (two index probes each),
  // so a page without any costs no second round trip (issue 18).
  const { annotations, statements } = await loadDecorations(scope, key, rows.filter((r) => r.decorated).map((r) => r.id));
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
  // The hot read path: key and restriction flag came with the access facts.
  const key = unwrapClientKey(masterKey, scope.client.id, scope.preloaded.wrappedKey);
  const rows = await entriesOf(scope).rows({
    limit: options.limit + 1,
    ...(options.kinds === undefined ? {} : { kinds: options.kinds }),
    ...(options.before === undefined ? {} : { before: decodeCursor(options.before) }),
  });
  const page = rows.slice(0, options.limit);
  const entries = await decorate(scope, key, page);
  scope.touch(entries.map((e) => e.id));
  const last = page[page.length - 1];
  return {
    entries, nextCursor: rows.length > options.limit && last !== undefined ? encodeCursor({ micros: last.micros, id: last.id }) : null,
    processingRestriction: scope.preloaded.processingRestricted ? await processingRestrictionOf(scope) : null,
  };
}

/**
 * Every entry of the client, oldest first (reader views, copies, exports). Each is told to the log row as touched,
 * unless `touched: false`: then the caller tells the ones it shows (the portal's reader view, reader-view.ts).
 */
export async function readAllEntries(scope: ClientBoundScope, masterKey: Buffer, options: { touched?: boolean } = {}): Promise<Entry[]> {
  const key = await dataKeyOf(scope, masterKey);
  const entries = (await loadEntries(scope, key, {})).reverse();
  if (options.touched !== false) scope.touch(entries.map((e) => e.id));
  return entries;
}

/** One entry with its annotations (its history). */
export async function readEntry(scope: ClientBoundScope, masterKey: Buffer, entryId: string): Promise<Entry> {
  const key = await dataKeyOf(scope, masterKey);
  const entry = (await loadEntries(scope, key, { ids: [entryId] }))[0];
  if (entry === undefined) throw notFound('Deze dossierregel bestaat niet in dit dossier.', 'This entry does not exist in this dossier.');
  scope.touch([entry.id]);
  return entry;
}
