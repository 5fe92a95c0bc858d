/**
 * The care-team module's store of `org.care_team` for the other modules
 * (issue 14: one owner per table): who has which care relation with a client.
 */
import type { Queryable } from '../db/database.js';
import type { CareRelation } from '../organisation/employee-roles.js';

/**
 * A LATERAL subquery giving the employee's care relation with the client on a day (column `relation`; no row
 * without one), for a list query that shows each client's relation to the caller in the same round trip.
 * The arguments are SQL expressions (a column or a `$n` parameter).
 * @example `FROM formal.clients c LEFT JOIN ${careRelationOn('c.id', '$2', '$3')} t ON true`
 */
export function careRelationOn(clientId: string, employeeId: string, day: string): string {
  return `LATERAL (SELECT relation FROM org.care_team t WHERE t.client_id = ${clientId} AND t.employee_id = ${employeeId}
                     AND t.starts_on <= ${day} AND (t.ends_on IS NULL OR t.ends_on >= ${day}) LIMIT 1)`;
}

/** Adds the employee to the client's care team from `startsOn`, without end (registration, the demo seed). */
export async function joinCareTeam(tx: Queryable, clientId: string, employeeId: string, relation: CareRelation, startsOn: string): Promise<void> {
  await tx.query('INSERT INTO org.care_team (client_id, employee_id, relation, starts_on) VALUES ($1, $2, $3, $4)', [clientId, employeeId, relation, startsOn]);
}
