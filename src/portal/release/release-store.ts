/**
 * The release module's store of `care.portal_releases` (migration 0075; one owner per table): when an entry reaches
 * the client portal. Bound to the gate's client scope, so every statement names the scope's client and an entry id of
 * another client finds nothing. Append-only: rows are inserted and read, never changed (the application role has no
 * UPDATE or DELETE on the table). Reasons go in and come out sealed under the client's key; the service seals them.
 */
import type { ClientScope } from '../../access/client-access.js';
import type { HoldsTransaction } from '../../db/scope-tx.js';
import { txOf } from '../../db/scope-tx.js';
import type { ClientFacts } from '../../access/gate-scope.js';
import { strongestCareRelationOn } from '../../care-team/care-team-store.js';
import { EMPLOYEES, portalReleaseDays } from '../../organisation/employee-store.js';

/** What the store needs of a scope: the transaction and the client (an employee's or a portal user's scope). */
export interface BoundToClient extends HoldsTransaction {
  readonly client: ClientFacts;
  readonly now: Date;
}

export interface ReleaseRow {
  id: string;
  entry_id: string;
  decision: 'release' | 'withhold';
  ground: 'serious-harm' | 'privacy-of-another' | null;
  consulted_employee_id: string | null;
  consulted_name: string | null;
  reason_ciphertext: Buffer | null;
  recorded_by: string;
  recorded_by_name: string | null;
  recorded_at: Date;
}

/**
 * The release records of the scope's client.
 * @example const rows = await releasesOf(scope).all();
 */
export function releasesOf(scope: BoundToClient) {
  const tx = txOf(scope);
  const { id: clientId, organisationId } = scope.client;
  return {
    /** Every record of the client's entries, oldest first (the latest per entry decides). */
    all: (): Promise<ReleaseRow[]> => tx.query<ReleaseRow>(
      `SELECT r.id, r.entry_id, r.decision, r.ground, r.consulted_employee_id, c.display_name AS consulted_name, r.reason_ciphertext,
              r.recorded_by, b.display_name AS recorded_by_name, r.recorded_at
         FROM care.portal_releases r
         LEFT JOIN ${EMPLOYEES} c ON c.id = r.consulted_employee_id AND c.organisation_id = $2
         LEFT JOIN ${EMPLOYEES} b ON b.id = r.recorded_by AND b.organisation_id = $2
        WHERE r.client_id = $1
        ORDER BY r.recorded_at, r.id`,
      [clientId, organisationId]),

    /** The organisation's number of days until an entry reaches the portal by itself (employee-store, org.organisations). */
    releaseDays: (): Promise<number> => portalReleaseDays(tx, organisationId),

    /** The employee's strongest care relation with the client on the day (holder, member, substitute, intern), or null. */
    relationOf: async (employeeId: string, day: string): Promise<string | null> => (await tx.query<{ relation: string | null }>(
      `SELECT ${strongestCareRelationOn('$1', '$2', '$3')} AS relation`, [clientId, employeeId, day]))[0]?.relation ?? null,

    /** An active employee of the client's organisation whose role is not awaiting approval: name and role; undefined otherwise. */
    colleague: async (employeeId: string): Promise<{ name: string; role: string } | undefined> => (await tx.query<{ name: string; role: string }>(
      `SELECT e.display_name AS name, e.role FROM ${EMPLOYEES} e WHERE e.id = $1 AND e.organisation_id = $2 AND e.active AND NOT e.role_pending`,
      [employeeId, organisationId]))[0],
  };
}

/**
 * Records a release or a withholding of one of the client's entries, by the scope's employee, now. The caller checked
 * that the entry is one of this dossier and that the engine allows the act.
 */
export async function recordRelease(scope: ClientScope, row: {
  id: string; entryId: string; decision: 'release' | 'withhold'; ground: 'serious-harm' | 'privacy-of-another' | null;
  consultedEmployeeId: string | null; reasonCiphertext: Buffer | null;
}): Promise<void> {
  await txOf(scope).query(
    `INSERT INTO care.portal_releases (id, client_id, entry_id, decision, ground, consulted_employee_id, reason_ciphertext, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [row.id, scope.client.id, row.entryId, row.decision, row.ground, row.consultedEmployeeId, row.reasonCiphertext, scope.actor.employeeId, scope.now]);
}
