/**
 * The dossier module's store of `care.dossiers`, `care.entries` and
 * `care.entry_annotations` for the other modules (issue 14: one owner per
 * table). The content stays sealed: what leaves here is metadata (kinds,
 * dates, holder); reading content goes through the dossier service or the
 * reader view.
 */
import type { Queryable } from '../db/database.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import type { EntryKind } from './entry-kinds.js';

/**
 * The dossiers as other modules may join them: client, holder, care period, created. A subquery in FROM
 * without aggregates, which PostgreSQL pulls up into the join: one round trip, the same plan.
 * @example `FROM formal.clients c LEFT JOIN ${DOSSIERS} d ON d.client_id = c.id`
 */
export const DOSSIERS = '(SELECT client_id, holder_id, care_started_on, care_ended_on, created_at FROM care.dossiers)';

/** SQL expression: when the latest entry of the client `clientId` (an SQL expression) was recorded; NULL without entries. */
export function lastEntryRecordedAt(clientId: string): string {
  return `(SELECT max(e.recorded_at) FROM care.entries e WHERE e.client_id = ${clientId})`;
}

/** SQL expression: when the latest annotation in the dossier of `clientId` (an SQL expression) was recorded; NULL without any. */
export function lastAnnotationRecordedAt(clientId: string): string {
  return `(SELECT max(a.recorded_at) FROM care.entry_annotations a WHERE a.client_id = ${clientId})`;
}

/** Opens the client's dossier with its holder and the day care started. */
export async function openDossier(tx: Queryable, clientId: string, holderId: string, careStartedOn: string): Promise<void> {
  await tx.query('INSERT INTO care.dossiers (client_id, holder_id, care_started_on) VALUES ($1, $2, $3)', [clientId, holderId, careStartedOn]);
}

/** Whether the client's care started before `day`. */
export async function careStartedBefore(tx: Queryable, clientId: string, day: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM care.dossiers WHERE client_id = $1 AND care_started_on < $2', [clientId, day]);
  return rows.length > 0;
}

/** The client's dossier: its holder by name and function, and the care period; undefined without one. */
export async function dossierWithHolder(tx: Queryable, clientId: string): Promise<{
  holder_id: string; holder_name: string; holder_function: string; care_started_on: string; care_ended_on: string | null;
} | undefined> {
  const rows = await tx.query<{ holder_id: string; holder_name: string; holder_function: string; care_started_on: string; care_ended_on: string | null }>(
    `SELECT d.holder_id, e.display_name AS holder_name, e.function_title AS holder_function, d.care_started_on, d.care_ended_on
       FROM care.dossiers d JOIN ${EMPLOYEES} e ON e.id = d.holder_id WHERE d.client_id = $1`, [clientId]);
  return rows[0];
}

/** Every entry of the client's dossier by id and kind (metadata only). */
export async function entryKindsOf(tx: Queryable, clientId: string): Promise<{ id: string; kind: EntryKind }[]> {
  return tx.query<{ id: string; kind: EntryKind }>('SELECT id, kind FROM care.entries WHERE client_id = $1', [clientId]);
}

/** The client's plans and evaluations (metadata only), by the day they concern, then when recorded. */
export async function plansAndEvaluationsOf(tx: Queryable, clientId: string): Promise<{ id: string; kind: 'plan' | 'evaluation'; occurred_on: string | null; recorded_at: Date }[]> {
  return tx.query<{ id: string; kind: 'plan' | 'evaluation'; occurred_on: string | null; recorded_at: Date }>(
    `SELECT id, kind, occurred_on, recorded_at FROM care.entries WHERE client_id = $1 AND kind IN ('plan', 'evaluation') ORDER BY coalesce(occurred_on, recorded_at::date), recorded_at`,
    [clientId]);
}
