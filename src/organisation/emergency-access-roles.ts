/**
 * The organisation's setting of who may break the glass (migration 0051):
 * by default care professionals; the application administrator never (the
 * column's check refuses it).
 */
import type { Queryable } from '../db/database.js';
import type { EmployeeRole } from './employee-roles.js';

/** The roles this organisation lets open a dossier in an emergency. */
export async function emergencyAccessRoles(tx: Queryable, organisationId: string): Promise<EmployeeRole[]> {
  const rows = await tx.query<{ roles: EmployeeRole[] }>('SELECT emergency_access_roles AS roles FROM org.organisations WHERE id = $1', [organisationId]);
  return rows[0]?.roles ?? ['care-professional'];
}

/** Sets the roles; the database refuses the application administrator and unknown roles. */
export async function setEmergencyAccessRoles(tx: Queryable, organisationId: string, roles: readonly EmployeeRole[]): Promise<void> {
  await tx.query('UPDATE org.organisations SET emergency_access_roles = $2 WHERE id = $1', [organisationId, [...new Set(roles)]]);
}
