/**
 * The access log (NEN 7513): one row per read or change of client data,
 * allowed or refused, written in the same transaction as what it records.
 * The table refuses UPDATE, DELETE and TRUNCATE (migrations/0001), and each
 * row is hash-chained to the one before it by an INSERT trigger
 * (migrations/0003; verified by verify-log.ts against log-checkpoints.ts).
 *
 * The trigger assigns seq and the hashes under one log-wide lock that is held
 * until the inserting transaction ends: append log rows as the last step of a
 * transaction, so concurrent requests queue for as short a time as possible.
 */
import type { Queryable } from '../db/database.js';
import type { Citation } from '../rules/citations.js';

export const AccessOutcome = { allowed: 'allowed', denied: 'denied', notFound: 'not-found' } as const;
export type AccessOutcome = (typeof AccessOutcome)[keyof typeof AccessOutcome];

/** Grondslag: on what basis the access happened (NEN 7513 "basis of access"). */
export const AccessBasis = {
  careRelation: 'care-relation',
  administrativeTask: 'administrative-task',
  managementPurpose: 'management-purpose',
  emergency: 'emergency',
  consent: 'consent',
  legalDuty: 'legal-duty',
  authorOwnNote: 'author',
  none: 'none',
} as const;
export type AccessBasis = (typeof AccessBasis)[keyof typeof AccessBasis];

export interface AccessLogRow {
  organisationId: string;
  employeeId: string | null;
  actingForId?: string | null;
  employeeRole: string | null;
  clientId: string | null;
  action: string;
  part: string;
  outcome: AccessOutcome;
  basis: AccessBasis;
  purpose?: string | null;
  /** The record the purpose names (a complaint, incident, audit or procedure hold; migrations/0050). */
  purposeReference?: string | null;
  /** The articles the decision rests on, from the catalogue (rows written before it may hold other text: read them as strings). */
  citations?: readonly Citation[];
  entryIds?: readonly string[];
  route: string;
  sessionId: string | null;
  address: string | null;
}

/**
 * Appends rows to the access log inside `tx`, in the given order; if this
 * fails, the caller's transaction fails with it (no unlogged access).
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
