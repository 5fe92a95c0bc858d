/**
 * Export progress in the database (`org.export_progress`, migrations/0082), so
 * that any server answers a poll (issue 17 item 7). Only numbers. The server
 * making an export writes here (export-progress.ts); a server that does not
 * know a progress id in its memory reads here. Times are the database's clock,
 * so servers with different clocks agree on what has expired. Each statement
 * runs in the organisation's scope (row-level security).
 */
import type { Queryable } from '../db/database.js';
import { inOrganisation } from '../db/organisation-scope.js';
import { txOf, type HoldsTransaction } from '../db/scope-tx.js';

/** Who an export's progress belongs to. */
export interface ProgressOwner {
  id: string;
  organisationId: string;
  employeeId: string;
}

export interface StoredProgress {
  phase: 'read' | 'render' | 'done';
  done: number;
  total: number;
}

/** Expired: ten minutes without a report, or five minutes after it finished (as export-progress.ts keeps memory). */
function expired(row: string): string {
  return `(CASE WHEN ${row}.finished_at IS NOT NULL THEN ${row}.finished_at < now() - interval '5 minutes'
                ELSE ${row}.touched_at < now() - interval '10 minutes' END)`;
}

/**
 * Starts an export's row (phase read, nothing done). Someone else's id is theirs until it expires: not overwritten
 * (false). Expired rows of the organisation are removed on the way.
 */
export function startStoredProgress(db: Queryable, owner: ProgressOwner): Promise<boolean> {
  return inOrganisation(owner.organisationId, async () => {
    await db.query(`DELETE FROM org.export_progress p WHERE ${expired('p')}`);
    const rows = await db.query<{ id: string }>(
      `INSERT INTO org.export_progress AS p (id, organisation_id, employee_id, phase, done, total, touched_at, finished_at)
       VALUES ($1, $2, $3, 'read', 0, 0, now(), NULL)
       ON CONFLICT (id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, employee_id = EXCLUDED.employee_id,
         phase = 'read', done = 0, total = 0, touched_at = now(), finished_at = NULL
       WHERE p.employee_id = EXCLUDED.employee_id OR ${expired('p')}
       RETURNING id`,
      [owner.id, owner.organisationId, owner.employeeId]);
    return rows.length === 1;
  });
}

/** Records how far the export is (`done` phase: finished now). */
export async function writeStoredProgress(db: Queryable, owner: ProgressOwner, progress: StoredProgress): Promise<void> {
  await inOrganisation(owner.organisationId, () => db.query(
    `UPDATE org.export_progress SET phase = $3, done = $4, total = $5, touched_at = now(),
       finished_at = CASE WHEN $3 = 'done' THEN now() END
     WHERE id = $1 AND employee_id = $2`,
    [owner.id, owner.employeeId, progress.phase, progress.done, progress.total]));
}

/** Forgets an export's progress (it failed, was abandoned, or was pushed out). */
export async function deleteStoredProgress(db: Queryable, owner: ProgressOwner): Promise<void> {
  await inOrganisation(owner.organisationId, () => db.query('DELETE FROM org.export_progress WHERE id = $1 AND employee_id = $2', [owner.id, owner.employeeId]));
}

/**
 * `readStoredProgress` inside a gate scope that holds a transaction (the portal's door): through that transaction —
 * on PGlite's one connection a query beside it waits for ever, and every later request behind it.
 */
export function readStoredProgressInScope(scope: HoldsTransaction, owner: ProgressOwner): Promise<StoredProgress | undefined> {
  return readStoredProgress(txOf(scope), owner);
}

/** The progress of `owner.id` for the employee who started it; undefined for anyone else, or once it expired. */
export function readStoredProgress(db: Queryable, owner: ProgressOwner): Promise<StoredProgress | undefined> {
  return inOrganisation(owner.organisationId, async () => {
    const [row] = await db.query<StoredProgress>(
      `SELECT p.phase, p.done, p.total FROM org.export_progress p WHERE p.id = $1 AND p.employee_id = $2 AND NOT ${expired('p')}`,
      [owner.id, owner.employeeId]);
    return row;
  });
}
