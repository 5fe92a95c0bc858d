/**
 * The dossier module's store of `care.dossiers`, `care.entries` and
 * `care.entry_annotations` (issue 14: one owner per table), bound to the
 * gate's client scope: `entriesOf(scope)` and `dossierOf(scope)` reach only
 * the scope's client's rows. The content stays sealed: rows go in and come
 * out as ciphertext, sealed and opened by the dossier service; what other
 * modules get is metadata (kinds, dates, holder).
 */
import { employeeIdOf, type ClientBoundScope, type ClientScope, type NewClientScope } from '../access/gate-scope.js';
import { txOf } from '../db/scope-tx.js';
import { careTeamHolderAsOf } from '../care-team/care-team-store.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { AnnotationKind, EntryKind, SourceKind, StatementType } from './entry-kinds.js';

/**
 * The dossiers as other modules may join them: client, care period, created. A subquery in FROM
 * without aggregates, which PostgreSQL pulls up into the join: one round trip, the same plan. Not the holder: the
 * holder in effect comes from the care team on the reading day (`dossierOf(scope).withHolder`, careTeamHolderOn).
 * @example `FROM formal.clients c LEFT JOIN ${DOSSIERS} d ON d.client_id = c.id`
 */
export const DOSSIERS = '(SELECT client_id, care_started_on, care_ended_on, care_ended_at, created_at FROM care.dossiers)';
/** When each entry was recorded, for a module that orders its own rows by it (a thread's messages): no content. */
export const ENTRY_MOMENTS = '(SELECT id, client_id, recorded_at FROM care.entries)';

/** SQL expression: when the latest entry of the client `clientId` (an SQL expression) was recorded; NULL without entries. */
export function lastEntryRecordedAt(clientId: string): string {
  return `(SELECT max(e.recorded_at) FROM care.entries e WHERE e.client_id = ${clientId})`;
}

/** SQL expression: when the latest annotation in the dossier of `clientId` (an SQL expression) was recorded; NULL without any. */
export function lastAnnotationRecordedAt(clientId: string): string {
  return `(SELECT max(a.recorded_at) FROM care.entry_annotations a WHERE a.client_id = ${clientId})`;
}

/** Opens the dossier of the client that registration just created (`scope.created`), with its holder and the day care started. */
export async function openNewDossier(scope: NewClientScope, clientId: string, holderId: string, careStartedOn: string): Promise<void> {
  await txOf(scope).query('INSERT INTO care.dossiers (client_id, holder_id, care_started_on) VALUES ($1, $2, $3)', [clientId, holderId, careStartedOn]);
}

/** Why care ended (migration 0086's closed list): no free text about the client outside the sealed tables. */
export const CARE_END_REASONS = ['goals-reached', 'client-stopped', 'referred', 'moved', 'other'] as const;
export type CareEndReason = (typeof CARE_END_REASONS)[number];

/** The care period of a dossier with its recorded end; the end's columns are null while the care runs. */
export interface CareEndRow {
  care_started_on: string; care_ended_on: string | null; care_end_reason: CareEndReason | null; ended_by_name: string | null; care_ended_at: Date | null;
}

/** A dossier with its holder by name and function, and the care period. */
export interface DossierWithHolder {
  holder_id: string; holder_name: string; holder_function: string; care_started_on: string; care_ended_on: string | null;
}

/** A plan or an evaluation (metadata only): what general information about the care is made of. */
export interface PlanOrEvaluation {
  id: string; kind: 'plan' | 'evaluation'; occurred_on: string | null; recorded_at: Date;
}

/** An entry as stored, with its author by name and function; `micros` is `recorded_at` in microseconds (the page cursor). */
export interface EntryRow {
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
  /**
   * Whether the entry has an annotation or an own statement disputing it: only then are its decorations read. Two
   * index probes per row, written as LIMIT 1 scalar sub-selects, which PostgreSQL cannot turn into a hashed
   * sub-plan over the whole table as it may an EXISTS in the select list (issue 18).
   */
  decorated: boolean;
}

/** Which entries to read: by id, by kind, older than a cursor, at most `limit`; newest first. */
export interface EntrySelection {
  ids?: readonly string[];
  kinds?: readonly EntryKind[];
  /** Entries recorded before this one (`recorded_at` in microseconds since 1970, and id). */
  before?: { micros: string; id: string };
  limit?: number;
}

/** An annotation of an entry, or an own statement disputing it (`what`), sealed; `target` is the entry it belongs to. */
export interface DecorationRow {
  what: 'annotation' | 'statement'; id: string; target: string; kind: string; recorded_at: Date; ciphertext: Buffer; request_id: string | null;
  author_id: string | null; author_name: string | null; author_function: string | null; source_kind: SourceKind | null;
}

/**
 * The entries and annotations of the scope's client (`care.entries`, `care.entry_annotations`): sealed rows,
 * written by the scope's employee. Append-only: nothing here changes or deletes a row (the database refuses it too).
 * @example const rows = await entriesOf(scope).rows({ limit: 51 });
 */
export function entriesOf(scope: ClientBoundScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** The entries selected, newest first, with their authors. */
    rows: (selection: EntrySelection): Promise<EntryRow[]> => {
      const params: unknown[] = [clientId];
      const where = ['e.client_id = $1'];
      if (selection.ids !== undefined) {
        params.push(selection.ids);
        where.push(`e.id = ANY($${params.length}::uuid[])`);
      }
      if (selection.kinds !== undefined && selection.kinds.length > 0) {
        params.push(selection.kinds);
        where.push(`e.kind = ANY($${params.length}::text[])`);
      }
      if (selection.before !== undefined) {
        params.push(selection.before.micros, selection.before.id);
        where.push(`(e.recorded_at, e.id) < (timestamptz 'epoch' + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::uuid)`);
      }
      let limit = '';
      if (selection.limit !== undefined) {
        params.push(selection.limit);
        limit = `LIMIT $${params.length}`;
      }
      return tx.query<EntryRow>(
        `SELECT e.id, e.kind, e.recorded_at, (extract(epoch FROM e.recorded_at) * 1000000)::bigint AS micros, e.occurred_on,
            e.source_kind, e.statement_type, e.ciphertext, e.disputes_entry_id, a.id AS author_id, a.display_name AS author_name, a.function_title AS author_function,
            ((SELECT true FROM care.entry_annotations n WHERE n.entry_id = e.id LIMIT 1) IS NOT NULL
             OR (SELECT true FROM care.entries d WHERE d.disputes_entry_id = e.id AND d.kind = 'own-statement' LIMIT 1) IS NOT NULL) AS decorated
       FROM care.entries e JOIN ${EMPLOYEES} a ON a.id = e.author_id
      WHERE ${where.join(' AND ')}
      ORDER BY e.recorded_at DESC, e.id DESC ${limit}`,
        params,
      );
    },

    /**
     * The annotations of these entries and the own statements disputing them, oldest first, in one round trip (the
     * timeline is the hot path). Pass ids of entries `rows` returned: the query keys on them alone, so it keeps the
     * plan and the text the hot path measures (src/access/gate.test.ts).
     */
    decorations: async (entryIds: readonly string[]): Promise<DecorationRow[]> => {
      if (entryIds.length === 0) return [];
      return tx.query<DecorationRow>(
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
    },

    /** The kind of one entry of this dossier; undefined when it is not one. */
    kindOf: async (entryId: string): Promise<EntryKind | undefined> =>
      (await tx.query<{ kind: EntryKind }>('SELECT kind FROM care.entries WHERE id = $1 AND client_id = $2', [entryId, clientId]))[0]?.kind,

    /** Whether the entry is one of this dossier. */
    exists: async (entryId: string): Promise<boolean> =>
      (await tx.query('SELECT 1 FROM care.entries WHERE id = $1 AND client_id = $2', [entryId, clientId])).length > 0,

    /** One entry's kind and whether it states a fact or an opinion; undefined when it is not one of this dossier. */
    nature: async (entryId: string): Promise<{ kind: EntryKind; statement_type: StatementType | null } | undefined> =>
      (await tx.query<{ kind: EntryKind; statement_type: StatementType | null }>(
        'SELECT kind, statement_type FROM care.entries WHERE id = $1 AND client_id = $2', [entryId, clientId]))[0],

    /** Every entry by id and kind (metadata only). */
    kinds: (): Promise<{ id: string; kind: EntryKind }[]> =>
      tx.query<{ id: string; kind: EntryKind }>('SELECT id, kind FROM care.entries WHERE client_id = $1', [clientId]),

    /** The plans and evaluations (metadata only), by the day they concern, then when recorded. */
    plansAndEvaluations: (): Promise<PlanOrEvaluation[]> =>
      tx.query<PlanOrEvaluation>(
        `SELECT id, kind, occurred_on, recorded_at FROM care.entries WHERE client_id = $1 AND kind IN ('plan', 'evaluation') ORDER BY coalesce(occurred_on, recorded_at::date), recorded_at`,
        [clientId]),

    /** Appends an entry by the scope's employee, sealed as `ciphertext`. */
    append: async (entry: {
      id: string; kind: EntryKind; occurredOn: string | null; sourceKind: SourceKind; statementType: StatementType | null; ciphertext: Buffer;
    }): Promise<void> => {
      await tx.query(
        `INSERT INTO care.entries (id, client_id, kind, author_id, occurred_on, source_kind, statement_type, ciphertext)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [entry.id, clientId, entry.kind, employeeIdOf(scope), entry.occurredOn, entry.sourceKind, entry.statementType, entry.ciphertext],
      );
    },

    /** Appends the client's own statement disputing an entry, recorded by the scope's employee on a request. */
    appendOwnStatement: async (statement: {
      id: string; occurredOn: string; sourceKind: SourceKind; ciphertext: Buffer; disputesEntryId: string; requestId: string;
    }): Promise<void> => {
      await tx.query(
        `INSERT INTO care.entries (id, client_id, kind, author_id, occurred_on, source_kind, statement_type, ciphertext, disputes_entry_id, request_id)
     VALUES ($1, $2, 'own-statement', $3, $4, $5, NULL, $6, $7, $8)`,
        [statement.id, clientId, employeeIdOf(scope), statement.occurredOn, statement.sourceKind, statement.ciphertext, statement.disputesEntryId,
          statement.requestId],
      );
    },

    /** Adds an annotation beside an entry of this dossier by the scope's employee; the entry itself never changes. */
    annotate: async (annotation: { id: string; entryId: string; kind: AnnotationKind; ciphertext: Buffer; requestId: string | null }): Promise<void> => {
      await tx.query(
        'INSERT INTO care.entry_annotations (id, entry_id, client_id, kind, author_id, ciphertext, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [annotation.id, annotation.entryId, clientId, annotation.kind, employeeIdOf(scope), annotation.ciphertext, annotation.requestId],
      );
    },
  };
}

/**
 * SQL expression over `care.dossiers d`: the dossier's holder on `day` (an SQL expression). The holder in effect is
 * derived from the care team's dated holder memberships (careTeamHolderAsOf), never stored: a hand-over dated later
 * counts from its day without anything written on that day (issue 15). `care.dossiers.holder_id` is the holder the
 * dossier was opened with, named only when the care team has no holder on or before the day.
 */
const HOLDER_AS_OF = (day: string): string => `COALESCE(${careTeamHolderAsOf('d.client_id', day)}, d.holder_id)`;

/**
 * Appends a portal user's message as a `correspondence` entry (issue 19 item 6; src/portal/messages/). care.entries
 * names employees only, so the dossier's holder on the entry's day is its responsible author (the care team's, as
 * {@link dossierOf}'s `withHolder` names it) — as an employee records an own statement — and the sender is its source
 * kind (client, parent, …) and its sealed source text.
 */
export async function appendPortalCorrespondence(scope: ClientBoundScope, entry: { id: string; occurredOn: string; sourceKind: SourceKind; ciphertext: Buffer }): Promise<boolean> {
  return (await txOf(scope).query(
    `INSERT INTO care.entries (id, client_id, kind, author_id, occurred_on, source_kind, statement_type, ciphertext)
     SELECT $1, d.client_id, 'correspondence', ${HOLDER_AS_OF('$3::date')}, $3, $4, NULL, $5
       FROM care.dossiers d WHERE d.client_id = $2 RETURNING id`,
    [entry.id, scope.client.id, entry.occurredOn, entry.sourceKind, entry.ciphertext],
  )).length > 0;
}

/**
 * The dossier of the scope's client (`care.dossiers`): its holder and care period.
 * @example const dossier = await dossierOf(scope).withHolder();
 */
export function dossierOf(scope: ClientScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** The dossier with its holder by name and function, and the care period; undefined without one. */
    withHolder: async (): Promise<DossierWithHolder | undefined> =>
      (await tx.query<DossierWithHolder>(
        `SELECT e.id AS holder_id, e.display_name AS holder_name, e.function_title AS holder_function, d.care_started_on, d.care_ended_on
       FROM care.dossiers d JOIN ${EMPLOYEES} e ON e.id = ${HOLDER_AS_OF('$2::date')}
      WHERE d.client_id = $1`, [clientId, calendarDate(scope.now)]))[0],
    /** The recorded end of care (migration 0086): the day, why, by whom and when; undefined while the care runs or without a dossier. */
    careEnd: async (): Promise<CareEndRow | undefined> =>
      (await tx.query<CareEndRow>(
        `SELECT d.care_started_on, d.care_ended_on, d.care_end_reason, e.display_name AS ended_by_name, d.care_ended_at
           FROM care.dossiers d LEFT JOIN ${EMPLOYEES} e ON e.id = d.care_ended_by WHERE d.client_id = $1`, [clientId]))[0],
    /**
     * Records the end of care, once (migration 0086's trigger refuses a second), as ended by the scope's employee at
     * the scope's moment; false when the dossier has none to end (no dossier, or an end already recorded).
     */
    endCare: async (endedOn: string, reason: CareEndReason): Promise<boolean> =>
      (await tx.query(
        `UPDATE care.dossiers SET care_ended_on = $2, care_end_reason = $3, care_ended_by = $4, care_ended_at = $5
          WHERE client_id = $1 AND care_ended_on IS NULL RETURNING client_id`,
        [clientId, endedOn, reason, employeeIdOf(scope), scope.now])).length === 1,
    /** Whether the client's care started before `day`. */
    careStartedBefore: async (day: string): Promise<boolean> =>
      (await tx.query('SELECT 1 FROM care.dossiers WHERE client_id = $1 AND care_started_on < $2', [clientId, day])).length > 0,
  };
}

/**
 * The day of the last plan and of the last evaluation (metadata only, no content) of each of the given clients of
 * the caller's caseload: one query for the whole caseload's signals (issue 15 item 9).
 */
export function planDaysOfClients(
  scope: Parameters<typeof txOf>[0], clientIds: readonly string[],
): Promise<{ client_id: string; last_plan_on: string | null; last_evaluation_on: string | null }[]> {
  return txOf(scope).query<{ client_id: string; last_plan_on: string | null; last_evaluation_on: string | null }>(
    `SELECT client_id,
            to_char(max(coalesce(occurred_on, (recorded_at AT TIME ZONE 'Europe/Amsterdam')::date)) FILTER (WHERE kind = 'plan'), 'YYYY-MM-DD') AS last_plan_on,
            to_char(max(coalesce(occurred_on, (recorded_at AT TIME ZONE 'Europe/Amsterdam')::date)) FILTER (WHERE kind = 'evaluation'), 'YYYY-MM-DD') AS last_evaluation_on
       FROM care.entries WHERE client_id = ANY($1::uuid[]) AND kind IN ('plan', 'evaluation') GROUP BY client_id`, [[...clientIds]]);
}
