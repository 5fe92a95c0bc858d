/**
 * The emergency module's store of `org.emergency_accesses` for the other
 * modules (issue 14: one owner per table).
 */
import { CLIENTS } from '../clients/client-store.js';
import type { Queryable } from '../db/database.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import type { LegacyTextColumn } from '../retention/legacy-text-columns.js';

/** The privacy officer's review note, in clear before migration 0033, sealed under the client's key at start-up. */
export const EMERGENCY_REVIEW_NOTE: LegacyTextColumn = {
  table: 'org.emergency_accesses', id: 'id', column: 'review_note', ciphertext: 'review_note_ciphertext', kind: 'emergencyReview',
};

/**
 * SQL expression: whether the employee holds an emergency access to the client that is confirmed, started and not
 * expired at `at` — for the access path, which loads it beside the client's row in the same round trip. The
 * arguments are SQL expressions (a column or a `$n` parameter).
 */
export function emergencyAccessOpen(clientId: string, employeeId: string, at: string): string {
  return `EXISTS (SELECT 1 FROM org.emergency_accesses g
                     WHERE g.client_id = ${clientId} AND g.employee_id = ${employeeId} AND g.started_at <= ${at} AND g.expires_at > ${at}
                       AND g.confirmed_at IS NOT NULL)`;
}

export interface UnreviewedEmergencyAccess {
  id: string; employee_id: string; employee_name: string; client_id: string; client_name: string; started_at: Date;
}

/** The organisation's emergency accesses the privacy officer has not reviewed yet, oldest first (at most 1000), with who and whom. */
export async function unreviewedEmergencyAccesses(tx: Queryable, organisationId: string): Promise<UnreviewedEmergencyAccess[]> {
  return tx.query<UnreviewedEmergencyAccess>(
    `SELECT g.id, g.employee_id, e.display_name AS employee_name, g.client_id, c.given_names || ' ' || c.family_name AS client_name, g.started_at
       FROM org.emergency_accesses g JOIN ${EMPLOYEES} e ON e.id = g.employee_id JOIN ${CLIENTS} c ON c.id = g.client_id
      WHERE g.organisation_id = $1 AND g.reviewed_at IS NULL ORDER BY g.started_at LIMIT 1000`, [organisationId]);
}
