/**
 * The access log's store (issue 14: one owner per table): the only file whose
 * SQL names `audit.access_log`, its clock (`audit.access_log_clock`) and the
 * restore markers (`audit.log_restores`).
 *
 * - Writing: `appendAccessLog`, called only by the gate's row writer
 *   (gate-log.ts) and the group commit of reads (log-group-commit.ts), inside
 *   the transaction they hold.
 * - The chain as verification, checkpoints, restores, health and metrics read
 *   it: system work on the plumbing's database, outside any request
 *   (`readChainHead`, `readLogBatch`, `readClockFromSeq`, the restore markers).
 * - The views (access-log-views.ts): bound to the gate's scope — who saw the
 *   scope's client; the log-review scope's organisation for the unusual-access
 *   report and the administration log. Who the employees and clients are comes
 *   from their owners' projections (`EMPLOYEES`, `CLIENTS`), joined in the same
 *   query.
 */
import { CLIENTS } from '../clients/client-store.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';
import { unreviewedEmergencyAccesses } from '../emergency/emergency-store.js';
import { ADMINISTER_ACTION } from '../organisation/administration-acts.js';
import { EMPLOYEES, employeeNames, teamNames } from '../organisation/employee-store.js';
import { PORTAL_ACCOUNTS } from '../portal/portal-account-store.js';
import { RELATION_NAMES } from '../representation/relation-store.js';
import type { AccessLogRow } from './access-log.js';
import type { ClientScope, RecordScope } from './gate-scope.js';
import { GENESIS_HASH, type ChainRow } from './log-chain.js';

/**
 * Appends rows to the access log inside `tx`, in the given order; if this
 * fails, the caller's transaction fails with it (no unlogged access).
 *
 * The INSERT trigger (migrations/0003) assigns seq and the hashes under one
 * log-wide lock that is held until the inserting transaction ends: append log
 * rows as the last step of a transaction, so concurrent requests queue for as
 * short a time as possible.
 */
export async function appendAccessLog(tx: Queryable, rows: readonly AccessLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = 16;
  const values: unknown[] = [];
  const tuples = rows.map((row, i) => {
    values.push(
      row.organisationId, row.employeeId, row.actingForId ?? null, row.employeeRole, row.clientId, row.action, row.part,
      row.outcome, row.basis, row.purpose ?? null, [...(row.citations ?? [])], [...(row.entryIds ?? [])], row.route, row.sessionId, row.address,
      row.purposeReference ?? null,
    );
    const base = i * columns;
    return `(${Array.from({ length: columns }, (_, j) => `$${base + j + 1}`).join(', ')})`;
  });
  await tx.query(
    `INSERT INTO audit.access_log (organisation_id, employee_id, acting_for_id, employee_role, client_id, action, part,
       outcome, basis, purpose, citations, entry_ids, route, session_id, address, purpose_reference)
     VALUES ${tuples.join(', ')}`,
    values,
  );
}

// ---- The chain, for verification, checkpoints, restores, health and metrics (system work) ----

/** The current chain head: the last row's seq and row_hash (seq 0 and the genesis hash when the log is empty). */
export async function readChainHead(db: Queryable): Promise<{ seq: number; rowHash: string }> {
  const [head] = await db.query<{ seq: string; row_hash: Buffer }>('SELECT seq, row_hash FROM audit.access_log ORDER BY seq DESC LIMIT 1');
  return head === undefined ? { seq: 0, rowHash: GENESIS_HASH.toString('hex') } : { seq: Number(head.seq), rowHash: head.row_hash.toString('hex') };
}

/** The row_hash of row `seq`, or undefined when there is no such row. */
export async function rowHashAt(db: Queryable, seq: number): Promise<Buffer | undefined> {
  const [row] = await db.query<{ row_hash: Buffer }>('SELECT row_hash FROM audit.access_log WHERE seq = $1', [seq]);
  return row?.row_hash;
}

/** When the log's last row was written: the best estimate of a backup's time when no manifest says it. */
export async function lastLogRowTime(db: Queryable): Promise<Date | undefined> {
  const [row] = await db.query<{ occurred_at: Date }>('SELECT occurred_at FROM audit.access_log ORDER BY seq DESC LIMIT 1');
  return row?.occurred_at;
}

interface StoredRow {
  seq: string;
  occurred_us: string;
  organisation_id: string;
  employee_id: string | null;
  acting_for_id: string | null;
  employee_role: string | null;
  client_id: string | null;
  action: string;
  part: string;
  outcome: string;
  basis: string;
  purpose: string | null;
  citations: (string | null)[];
  entry_ids: (string | null)[];
  route: string;
  session_id: string | null;
  address: string | null;
  purpose_reference: string | null;
  prev_hash: Buffer | null;
  row_hash: Buffer | null;
}

/** A row as stored: what the chain hashes, and the hashes the database gave it. */
export interface StoredChainRow extends ChainRow {
  prevHash: Buffer | null;
  rowHash: Buffer | null;
}

/**
 * One batch of rows after `afterSeq`, in seq order. The timestamp comes as
 * epoch microseconds (exact: `extract` returns numeric) and is formatted in
 * TypeScript, so the SQL does none of the canonical encoding.
 */
export async function readLogBatch(db: Queryable, afterSeq: number, limit: number): Promise<StoredChainRow[]> {
  // The purpose reference (migrations/0050, the v2 form) is read where the column exists: a log from before it has none.
  const [columns] = await db.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.columns
                     WHERE table_schema = 'audit' AND table_name = 'access_log' AND column_name = 'purpose_reference') AS present`);
  const reference = columns?.present === true ? 'purpose_reference' : 'NULL::uuid AS purpose_reference';
  const rows = await db.query<StoredRow>(
    `SELECT seq, (extract(epoch FROM occurred_at) * 1000000)::bigint AS occurred_us,
            organisation_id, employee_id, acting_for_id, employee_role, client_id, action, part, outcome, basis, purpose,
            citations, entry_ids::text[] AS entry_ids, route, session_id, address, ${reference}, prev_hash, row_hash
       FROM audit.access_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [afterSeq, limit],
  );
  return rows.map((r) => ({
    seq: r.seq, occurredAtMicros: BigInt(r.occurred_us), organisationId: r.organisation_id, employeeId: r.employee_id,
    actingForId: r.acting_for_id, employeeRole: r.employee_role, clientId: r.client_id, action: r.action, part: r.part,
    outcome: r.outcome, basis: r.basis, purpose: r.purpose, citations: r.citations, entryIds: r.entry_ids, route: r.route,
    sessionId: r.session_id, address: r.address, purposeReference: r.purpose_reference, prevHash: r.prev_hash, rowHash: r.row_hash,
  }));
}

/**
 * The first row whose time the database set under the chain lock
 * (audit.access_log_clock, migrations/0031); rows before it are not held to
 * the time order. Without that table (a schema older than 0031) every row is.
 */
export async function readClockFromSeq(db: Queryable): Promise<number> {
  const [present] = await db.query<{ present: boolean }>(`SELECT to_regclass('audit.access_log_clock') IS NOT NULL AS present`);
  if (present?.present !== true) return 1;
  const [row] = await db.query<{ from_seq: string }>('SELECT from_seq FROM audit.access_log_clock');
  return row === undefined ? 1 : Number(row.from_seq);
}

// ---- Restore markers (log-restores.ts; migrations/0060) ----

/** A restore the database records: the backup's log head, when it was taken, when, by whom and from what it was restored. */
export interface RestoreMarker {
  id: string;
  /** The backup's log head: its last row and that row's hash (hex). */
  headSeq: number;
  headHash: string;
  /** When the backup was taken (ISO 8601, UTC). */
  backupTakenAt: string;
  /** When it was restored (ISO 8601, UTC). */
  restoredAt: string;
  restoredBy: string;
  source: string;
  /** HMAC-SHA-256 over the fields above (hex), and the fingerprint of the master key it was made under; null on a marker from before migration 0070. */
  signature: string | null;
  signedWith: string | null;
}

interface MarkerRow {
  id: string;
  head_seq: string;
  head_hash: string;
  backup_taken_at: Date;
  restored_at: Date;
  restored_by: string;
  source: string;
  /** Absent on a schema from before migration 0070. */
  signature?: string | null;
  signed_with?: string | null;
}

/** Every restore marker, oldest first; none on a schema from before migration 0060 (verify-log may run on one). */
export async function readRestoreMarkers(db: Queryable): Promise<RestoreMarker[]> {
  const [present] = await db.query<{ present: boolean }>(`SELECT to_regclass('audit.log_restores') IS NOT NULL AS present`);
  if (present?.present !== true) return [];
  // Every column: the signature's columns exist only from migration 0070 on (verify-log never migrates).
  const rows = await db.query<MarkerRow>('SELECT * FROM audit.log_restores ORDER BY restored_at, id');
  return rows.map((r) => ({
    id: r.id, headSeq: Number(r.head_seq), headHash: r.head_hash, backupTakenAt: r.backup_taken_at.toISOString(),
    restoredAt: r.restored_at.toISOString(), restoredBy: r.restored_by, source: r.source,
    signature: r.signature ?? null, signedWith: r.signed_with ?? null,
  }));
}

/** Stores a restore marker. Runs as the owner (the application role may only read markers). */
export async function insertRestoreMarker(owner: Queryable, marker: RestoreMarker): Promise<void> {
  await owner.query(
    `INSERT INTO audit.log_restores (id, head_seq, head_hash, backup_taken_at, restored_at, restored_by, source, signature, signed_with)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [marker.id, marker.headSeq, marker.headHash, marker.backupTakenAt, marker.restoredAt, marker.restoredBy, marker.source,
      marker.signature, marker.signedWith],
  );
}

// ---- The views, bound to the gate's scopes (access-log-views.ts) ----

/** A row of "who saw this dossier", with the employee's and the responsible user's names. */
export interface ClientLogRow {
  seq: string;
  occurred_at: Date;
  employee_id: string | null;
  display_name: string | null;
  employee_role: string | null;
  acting_for_id: string | null;
  acting_for_name: string | null;
  acting_for_role: string | null;
  action: string;
  part: string;
  outcome: string;
  basis: string;
  purpose: string | null;
  citations: string[];
  entry_count: number;
  session_recorded: boolean;
  address: string | null;
}

/** The log rows about the scope's client, in its organisation. */
export function clientLogOf(scope: ClientScope) {
  const tx = txOf(scope);
  const { id: clientId, organisationId } = scope.client;
  return {
    /** Newest first, before `before` (a seq) when given; `limit` rows at most. */
    page: (limit: number, before: string | undefined): Promise<ClientLogRow[]> => tx.query<ClientLogRow>(
      `SELECT l.seq, l.occurred_at, l.employee_id, e.display_name, l.employee_role, l.action, l.part, l.outcome, l.basis, l.purpose,
              l.citations, cardinality(l.entry_ids) AS entry_count, l.session_id IS NOT NULL AS session_recorded, l.address,
              l.acting_for_id, a.display_name AS acting_for_name, a.role AS acting_for_role
         FROM audit.access_log l LEFT JOIN ${EMPLOYEES} e ON e.id = l.employee_id LEFT JOIN ${EMPLOYEES} a ON a.id = l.acting_for_id
        WHERE l.client_id = $1 AND l.organisation_id = $2 AND ($3::bigint IS NULL OR l.seq < $3::bigint)
        ORDER BY l.seq DESC LIMIT $4`,
      [clientId, organisationId, before ?? null, limit]),
  };
}

/** An access without a care relation (basis none or emergency), with the employee's and the client's names. */
export interface WithoutRelationRow {
  employee_id: string;
  employee_name: string;
  client_id: string;
  client_name: string;
  occurred_at: Date;
  outcome: string;
  basis: string;
}

/**
 * The log of the scope's organisation on one Dutch calendar day, as the
 * privacy officer's unusual-access report reads it (the log-review scope).
 */
export function organisationLogOf(scope: RecordScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  // The day in Dutch time, whatever the server's zone.
  const window = `l.organisation_id = $1 AND l.occurred_at >= ($2::date::timestamp AT TIME ZONE 'Europe/Amsterdam')
                  AND l.occurred_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') AND l.client_id IS NOT NULL`;
  const clientName = 'c.given_names || \' \' || c.family_name';
  return {
    /** Reads and records without a care relation (basis none or emergency), found or not, in time order (at most 1,000). */
    withoutRelation: (day: string): Promise<WithoutRelationRow[]> => tx.query<WithoutRelationRow>(
      `SELECT l.employee_id, e.display_name AS employee_name, l.client_id, ${clientName} AS client_name, l.occurred_at, l.outcome, l.basis
         FROM audit.access_log l JOIN ${EMPLOYEES} e ON e.id = l.employee_id JOIN ${CLIENTS} c ON c.id = l.client_id
        WHERE ${window} AND l.action IN ('read', 'record') AND l.basis IN ('none', 'emergency') AND l.outcome <> 'not-found'
        ORDER BY l.occurred_at LIMIT 1000`, [organisationId, day]),
    /** The emergency accesses of the organisation not yet reviewed (the emergency module's store, in the same transaction). */
    emergencyAwaitingReview: () => unreviewedEmergencyAccesses(tx, organisationId),
    /** Employees who opened more than `threshold` dossiers that day on a basis other than their care relation or task. */
    outsideCaseload: (day: string, threshold: number) => tx.query<{ employee_id: string; employee_name: string; dossiers: number }>(
      `SELECT l.employee_id, e.display_name AS employee_name, count(DISTINCT l.client_id)::int AS dossiers
         FROM audit.access_log l JOIN ${EMPLOYEES} e ON e.id = l.employee_id
        WHERE ${window} AND l.action IN ('read', 'record') AND l.basis NOT IN ('care-relation', 'administrative-task') AND l.outcome <> 'not-found'
        GROUP BY l.employee_id, e.display_name HAVING count(DISTINCT l.client_id) > $3
        ORDER BY dossiers DESC`, [organisationId, day, threshold]),
    /** Dossiers opened by more than `threshold` employees that day. */
    manyEmployees: (day: string, threshold: number) => tx.query<{ client_id: string; client_name: string; employees: number }>(
      `SELECT l.client_id, min(${clientName}) AS client_name, count(DISTINCT l.employee_id)::int AS employees
         FROM audit.access_log l JOIN ${CLIENTS} c ON c.id = l.client_id
        WHERE ${window} AND l.action IN ('read', 'record') AND l.outcome = 'allowed'
        GROUP BY l.client_id HAVING count(DISTINCT l.employee_id) > $3
        ORDER BY employees DESC`, [organisationId, day, threshold]),
  };
}

/** A row of the administration log, with the actor's name. */
export interface AdministrationLogRow {
  seq: string;
  occurred_at: Date;
  employee_id: string | null;
  display_name: string | null;
  employee_role: string | null;
  outcome: string;
  purpose: string | null;
  route: string;
  citations: string[];
  session_recorded: boolean;
  address: string | null;
}

/** The administration rows of the log-review scope's organisation: the acts and the refusals the administration subject of the gate wrote. */
export function administrationLogOf(scope: RecordScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    /** Newest first, before `before` (a seq) when given; `limit` rows at most. */
    page: (limit: number, before: string | undefined): Promise<AdministrationLogRow[]> => tx.query<AdministrationLogRow>(
      `SELECT l.seq, l.occurred_at, l.employee_id, e.display_name, l.employee_role, l.outcome, l.purpose, l.route, l.citations,
              l.session_id IS NOT NULL AS session_recorded, l.address
         FROM audit.access_log l LEFT JOIN ${EMPLOYEES} e ON e.id = l.employee_id
        WHERE l.organisation_id = $1 AND l.client_id IS NULL AND l.action = $2 AND ($3::bigint IS NULL OR l.seq < $3::bigint)
        ORDER BY l.seq DESC LIMIT $4`,
      [organisationId, ADMINISTER_ACTION, before ?? null, limit]),
    /** The names of the organisation's employees and teams the rows name (the organisation module's store, in the same transaction). */
    names: async (employeeIds: readonly string[], teamIds: readonly string[]): Promise<Map<string, string>> =>
      new Map([...await employeeNames(tx, organisationId, employeeIds), ...await teamNames(tx, organisationId, teamIds)]),
  };
}

// ---- The privacy officer's desk (issue 15 item 8) ----

/** What narrows a client's log on the privacy officer's desk: each field optional, all of them together. */
export interface ClientLogFilter {
  employeeId?: string | undefined;
  /** First Dutch calendar day (inclusive). */
  from?: string | undefined;
  /** Last Dutch calendar day (inclusive). */
  to?: string | undefined;
  outcome?: string | undefined;
  basis?: string | undefined;
}

/** One session of one employee on one client's dossier: the log rows of that session (or one row without a session), summed up. */
export interface ClientLogSessionRow {
  first_seq: string;
  last_seq: string;
  started_at: Date;
  ended_at: Date;
  employee_id: string | null;
  display_name: string | null;
  employee_role: string | null;
  acting_for_name: string | null;
  session_recorded: boolean;
  calls: number;
  entries: number;
  actions: string[];
  parts: string[];
  outcomes: string[];
  bases: string[];
  purposes: string[];
  addresses: string[];
}

/**
 * The privacy officer's desk on the scope's client: the log grouped per session (one row per employee and session,
 * instead of one per call; a row without a session stands alone), filtered, newest first; and the employees who
 * appear in it, for the filter.
 */
export function clientLogDeskOf(scope: ClientScope) {
  const tx = txOf(scope);
  const { id: clientId, organisationId } = scope.client;
  return {
    sessions: (filter: ClientLogFilter, limit: number): Promise<ClientLogSessionRow[]> => tx.query<ClientLogSessionRow>(
      `SELECT min(l.seq)::text AS first_seq, max(l.seq)::text AS last_seq, min(l.occurred_at) AS started_at, max(l.occurred_at) AS ended_at,
              l.employee_id, min(e.display_name) AS display_name, min(l.employee_role) AS employee_role, min(a.display_name) AS acting_for_name,
              bool_or(l.session_id IS NOT NULL) AS session_recorded, count(*)::int AS calls, coalesce(sum(cardinality(l.entry_ids)), 0)::int AS entries,
              array_agg(DISTINCT l.action) AS actions, array_agg(DISTINCT l.part) AS parts, array_agg(DISTINCT l.outcome) AS outcomes,
              array_agg(DISTINCT l.basis) AS bases, array_remove(array_agg(DISTINCT l.purpose), NULL) AS purposes,
              array_remove(array_agg(DISTINCT l.address), NULL) AS addresses
         FROM audit.access_log l LEFT JOIN ${EMPLOYEES} e ON e.id = l.employee_id LEFT JOIN ${EMPLOYEES} a ON a.id = l.acting_for_id
        WHERE l.client_id = $1 AND l.organisation_id = $2
          AND ($3::uuid IS NULL OR l.employee_id = $3::uuid)
          AND ($4::date IS NULL OR l.occurred_at >= ($4::date::timestamp AT TIME ZONE 'Europe/Amsterdam'))
          AND ($5::date IS NULL OR l.occurred_at < (($5::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'))
          AND ($6::text IS NULL OR l.outcome = $6::text)
          AND ($7::text IS NULL OR l.basis = $7::text)
        GROUP BY l.employee_id, l.acting_for_id, coalesce(l.session_id, 'seq-' || l.seq::text)
        ORDER BY max(l.seq) DESC LIMIT $8`,
      [clientId, organisationId, filter.employeeId ?? null, filter.from ?? null, filter.to ?? null, filter.outcome ?? null, filter.basis ?? null, limit]),
    /** Everyone who appears in this client's log, by name. */
    employees: (): Promise<{ id: string; display_name: string; role: string }[]> => tx.query<{ id: string; display_name: string; role: string }>(
      `SELECT e.id, e.display_name, e.role FROM ${EMPLOYEES} e
        WHERE e.id IN (SELECT DISTINCT l.employee_id FROM audit.access_log l WHERE l.client_id = $1 AND l.organisation_id = $2 AND l.employee_id IS NOT NULL)
        ORDER BY e.display_name`, [clientId, organisationId]),
    /** The client's name, for the page and the export's title. */
    clientName: async (): Promise<string> => (await tx.query<{ name: string }>(
      `SELECT c.given_names || ' ' || c.family_name AS name FROM ${CLIENTS} c WHERE c.id = $1`, [clientId]))[0]?.name ?? '',
  };
}

/** A client of the organisation found by part of the name, for the privacy officer to open its log (the log-review scope). */
export interface ClientByNameRow {
  id: string;
  name: string;
  birth_date: string;
}

/** Clients of the log-review scope's organisation whose name holds `text` (case-insensitive), by name; at most `limit`. */
export function clientsByNameOf(scope: RecordScope) {
  const tx = txOf(scope);
  return (text: string, limit: number): Promise<ClientByNameRow[]> => tx.query<ClientByNameRow>(
    `SELECT c.id, c.given_names || ' ' || c.family_name AS name, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_date FROM ${CLIENTS} c
      WHERE c.organisation_id = $1 AND (c.given_names || ' ' || c.family_name) ILIKE '%' || $2 || '%'
      ORDER BY c.family_name, c.given_names LIMIT $3`,
    [scope.actor.organisationId, text.replace(/[\\%_]/g, (m) => `\\${m}`), limit]);
}

/** A row of "who has seen my dossier" in the client portal (issue 19 item 3): the employee's name and function, or the portal user's name. */
export interface PortalLogRow {
  seq: string;
  occurred_at: Date;
  employee_id: string | null;
  employee_role: string | null;
  employee_name: string | null;
  function_title: string | null;
  portal_name: string | null;
  portal_relation_id: string | null;
  action: string;
  part: string;
  outcome: string;
  basis: string;
}

/** The log rows about the client of a client-bound scope (an employee's or a portal user's), newest first, for the portal. */
export function portalLogOf(scope: Parameters<typeof txOf>[0] & { readonly client: { readonly id: string; readonly organisationId: string } }) {
  const tx = txOf(scope);
  const { id: clientId, organisationId } = scope.client;
  return {
    page: (limit: number, before: string | undefined): Promise<PortalLogRow[]> => tx.query<PortalLogRow>(
      `SELECT l.seq, l.occurred_at, l.employee_id, l.employee_role, e.display_name AS employee_name, e.function_title,
              CASE WHEN p.id IS NULL THEN NULL ELSE coalesce(r.name, c.given_names || ' ' || c.family_name) END AS portal_name,
              p.relation_id AS portal_relation_id, l.action, l.part, l.outcome, l.basis
         FROM audit.access_log l
         LEFT JOIN ${EMPLOYEES} e ON e.id = l.employee_id
         LEFT JOIN ${PORTAL_ACCOUNTS} p ON p.id = l.employee_id AND l.employee_role LIKE 'portal-%'
         LEFT JOIN ${RELATION_NAMES} r ON r.id = p.relation_id
         LEFT JOIN ${CLIENTS} c ON c.id = p.client_id
        WHERE l.client_id = $1 AND l.organisation_id = $2 AND ($3::bigint IS NULL OR l.seq < $3::bigint)
        ORDER BY l.seq DESC LIMIT $4`,
      [clientId, organisationId, before ?? null, limit]),
  };
}
