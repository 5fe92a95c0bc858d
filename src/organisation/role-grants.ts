/**
 * Privileged role grants awaiting a second person (org.role_grants, 0052).
 * Who may decide is `decideRoleGrant` (role-grant-rule.ts); this module keeps
 * the rows: one open grant per employee at most, and on approval the role
 * takes effect (`org.employees.role`, `role_pending` cleared).
 */
import type { Queryable } from '../db/database.js';
import type { EmployeeRole } from './employee-roles.js';

export type RoleGrantReason = 'new-account' | 'role-change' | 'reset';

/** Withdraws the employee's open grant (a newer role change or request replaces it); the id of the one withdrawn, if any. */
export async function withdrawOpenGrant(tx: Queryable, employeeId: string, by: string, now: Date): Promise<string | undefined> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE org.role_grants SET outcome = 'withdrawn', decided_by = $2, decided_at = $3 WHERE employee_id = $1 AND outcome IS NULL RETURNING id`,
    [employeeId, by, now]);
  return rows[0]?.id;
}

/** Asks for `role` for the employee; replaces an open grant. */
export async function requestRoleGrant(
  tx: Queryable, input: { organisationId: string; employeeId: string; role: EmployeeRole; reason: RoleGrantReason; requestedBy: string }, now: Date,
): Promise<string> {
  await withdrawOpenGrant(tx, input.employeeId, input.requestedBy, now);
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO org.role_grants (organisation_id, employee_id, role, reason, requested_by, requested_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [input.organisationId, input.employeeId, input.role, input.reason, input.requestedBy, now]);
  return rows[0]!.id;
}

/** A grant as those who decide it see it. */
export interface PendingGrant {
  id: string;
  employee: { id: string; username: string; displayName: string; functionTitle: string; currentRole: EmployeeRole | null; enrolled: boolean };
  role: EmployeeRole;
  reason: RoleGrantReason;
  requestedBy: { id: string; displayName: string };
  requestedAt: string;
}

interface GrantRow {
  id: string;
  employee_id: string;
  username: string;
  display_name: string;
  function_title: string;
  current_role: EmployeeRole;
  role_pending: boolean;
  enrolled: boolean;
  role: EmployeeRole;
  reason: RoleGrantReason;
  requested_by: string;
  requested_by_name: string;
  requested_at: Date;
}

const GRANT_SELECT = `
  SELECT g.id, g.employee_id, e.username, e.display_name, e.function_title, e.role AS current_role, e.role_pending,
         (e.password_hash IS NOT NULL AND e.totp_secret IS NOT NULL) AS enrolled,
         g.role, g.reason, g.requested_by, r.display_name AS requested_by_name, g.requested_at
    FROM org.role_grants g JOIN org.employees e ON e.id = g.employee_id JOIN org.employees r ON r.id = g.requested_by`;

function pendingGrant(row: GrantRow): PendingGrant {
  return {
    id: row.id,
    employee: {
      id: row.employee_id, username: row.username, displayName: row.display_name, functionTitle: row.function_title,
      // A new account awaiting its role has no role in effect yet.
      currentRole: row.role_pending ? null : row.current_role, enrolled: row.enrolled,
    },
    role: row.role, reason: row.reason, requestedBy: { id: row.requested_by, displayName: row.requested_by_name }, requestedAt: row.requested_at.toISOString(),
  };
}

/** The organisation's open grants, oldest first. */
export async function listPendingGrants(db: Queryable, organisationId: string): Promise<PendingGrant[]> {
  const rows = await db.query<GrantRow>(`${GRANT_SELECT} WHERE g.organisation_id = $1 AND g.outcome IS NULL ORDER BY g.requested_at, g.id`, [organisationId]);
  return rows.map(pendingGrant);
}

/** One open grant of the organisation; undefined for an unknown, decided or foreign one alike. */
export async function findPendingGrant(db: Queryable, organisationId: string, grantId: string): Promise<PendingGrant | undefined> {
  const rows = await db.query<GrantRow>(`${GRANT_SELECT} WHERE g.organisation_id = $1 AND g.id = $2 AND g.outcome IS NULL`, [organisationId, grantId]);
  return rows[0] === undefined ? undefined : pendingGrant(rows[0]);
}

/**
 * Records the decision; on approval the role takes effect at once. False when
 * the grant was decided meanwhile (two approvers at the same time).
 */
export async function decideGrant(tx: Queryable, grant: PendingGrant, approved: boolean, by: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE org.role_grants SET outcome = $2, decided_by = $3, decided_at = $4 WHERE id = $1 AND outcome IS NULL RETURNING id',
    [grant.id, approved ? 'approved' : 'refused', by, now]);
  if (rows.length === 0) return false;
  if (approved) await tx.query('UPDATE org.employees SET role = $2, role_pending = false WHERE id = $1', [grant.employee.id, grant.role]);
  return true;
}

/** The role each employee has asked for, for the administrator's list. */
export async function openGrantRoles(db: Queryable, organisationId: string): Promise<Map<string, EmployeeRole>> {
  const rows = await db.query<{ employee_id: string; role: EmployeeRole }>(
    'SELECT employee_id, role FROM org.role_grants WHERE organisation_id = $1 AND outcome IS NULL', [organisationId]);
  return new Map(rows.map((r) => [r.employee_id, r.role]));
}
