/**
 * The care-team module's store of `org.care_team` for the other modules
 * (issue 14: one owner per table): who has which care relation with a client.
 */
import type { Queryable } from '../db/database.js';
import type { CareRelation } from '../organisation/employee-roles.js';
import { EMPLOYEES } from '../organisation/employee-store.js';

/** Care relations strongest first (holder, member, substitute, intern), as SQL for ORDER BY. */
const RELATION_STRENGTH = `CASE relation WHEN 'holder' THEN 0 WHEN 'member' THEN 1 WHEN 'substitute' THEN 2 ELSE 3 END`;

/**
 * A LATERAL subquery giving the employee's care relation with the client on a day (column `relation`; no row
 * without one), for a list query that shows each client's relation to the caller in the same round trip.
 * The arguments are SQL expressions (a column or a `$n` parameter).
 * @example `FROM formal.clients c LEFT JOIN ${careRelationOn('c.id', '$2', '$3')} t ON true`
 */
export function careRelationOn(clientId: string, employeeId: string, day: string): string {
  // The strongest, as the gate decides on (strongestCareRelationOn): a list must not show a relation the gate does not use.
  return `LATERAL (SELECT relation FROM org.care_team t WHERE t.client_id = ${clientId} AND t.employee_id = ${employeeId}
                     AND t.starts_on <= ${day} AND (t.ends_on IS NULL OR t.ends_on >= ${day})
                     ORDER BY ${RELATION_STRENGTH} LIMIT 1)`;
}

/** Adds the employee to the client's care team from `startsOn`, without end (registration, the demo seed). */
export async function joinCareTeam(tx: Queryable, clientId: string, employeeId: string, relation: CareRelation, startsOn: string): Promise<void> {
  await tx.query('INSERT INTO org.care_team (client_id, employee_id, relation, starts_on) VALUES ($1, $2, $3, $4)', [clientId, employeeId, relation, startsOn]);
}

/**
 * SQL expression: the employee's strongest care relation with the client on a day (holder before member before
 * substitute before intern; NULL without one), for a query that loads it beside the client's own row in the same
 * round trip — the access path's facts. The arguments are SQL expressions (a column or a `$n` parameter).
 * @example `SELECT c.id, ${strongestCareRelationOn('c.id', '$2', '$3')} AS relation FROM …`
 */
export function strongestCareRelationOn(clientId: string, employeeId: string, day: string): string {
  return `(SELECT relation FROM org.care_team t
              WHERE t.employee_id = ${employeeId} AND t.client_id = ${clientId} AND t.starts_on <= ${day} AND (t.ends_on IS NULL OR t.ends_on >= ${day})
              ORDER BY ${RELATION_STRENGTH}
              LIMIT 1)`;
}

/**
 * SQL expression: the client's dossier holder in the care team on a day (the latest to start; NULL without one):
 * the responsible user an intern works under. The arguments are SQL expressions.
 */
export function careTeamHolderOn(clientId: string, day: string): string {
  return `(SELECT t.employee_id FROM org.care_team t
              WHERE t.client_id = ${clientId} AND t.relation = 'holder' AND t.starts_on <= ${day} AND (t.ends_on IS NULL OR t.ends_on >= ${day})
              ORDER BY t.starts_on DESC, t.employee_id LIMIT 1)`;
}

/**
 * The facts recorded on clients that the rules read (e.g. `client-objects-to-interns`) and that are in force
 * (not withdrawn), as other modules may join them: `client_id`, `fact`. A subquery in FROM, pulled up by
 * PostgreSQL: one round trip, the same plan.
 * @example `ARRAY(SELECT DISTINCT f.fact FROM ${ACCESS_FACTS_IN_FORCE} f WHERE f.client_id = c.id)`
 */
export const ACCESS_FACTS_IN_FORCE = '(SELECT client_id, fact FROM org.client_access_facts WHERE withdrawn_at IS NULL)';

/**
 * Whether the employee, active in the organisation, is the client's holder, member or substitute on `day` (an
 * intern is none of these): who may be named as the responsible user.
 */
export async function isCareProfessionalOn(tx: Queryable, organisationId: string, clientId: string, employeeId: string, day: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM org.care_team t JOIN ${EMPLOYEES} e ON e.id = t.employee_id
      WHERE t.client_id = $1 AND t.employee_id = $2 AND e.organisation_id = $3 AND e.active
        AND t.relation IN ('holder', 'member', 'substitute') AND t.starts_on <= $4 AND (t.ends_on IS NULL OR t.ends_on >= $4)
      LIMIT 1`, [clientId, employeeId, organisationId, day]);
  return rows.length > 0;
}
