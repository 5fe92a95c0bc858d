/**
 * Organisations, teams and employees (name, function, role). The
 * administrator's API on top of this comes with the access issue; the demo
 * seed and tests use these functions directly.
 */
import type { Queryable } from '../db/database.js';
import { hashPassword } from '../auth/passwords.js';
import type { CareRelation, EmployeeRole } from './employee-roles.js';

export async function ensureOrganisation(db: Queryable, name: string): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO org.organisations (name) VALUES ($1)
     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [name]);
  return rows[0]!.id;
}

export async function ensureTeam(db: Queryable, organisationId: string, name: string): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO org.teams (organisation_id, name) VALUES ($1, $2)
     ON CONFLICT (organisation_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [organisationId, name]);
  return rows[0]!.id;
}

export interface NewEmployee {
  username: string;
  displayName: string;
  functionTitle: string;
  role: EmployeeRole;
  password: string;
  teamId?: string;
}

/** Creates an employee, or returns the existing one with that username (idempotent seeding). */
export async function ensureEmployee(db: Queryable, organisationId: string, input: NewEmployee): Promise<string> {
  const existing = await db.query<{ id: string }>('SELECT id FROM org.employees WHERE username = $1', [input.username]);
  if (existing[0] !== undefined) return existing[0].id;
  const rows = await db.query<{ id: string }>(
    `INSERT INTO org.employees (organisation_id, username, display_name, function_title, role, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [organisationId, input.username, input.displayName, input.functionTitle, input.role, await hashPassword(input.password)]);
  const id = rows[0]!.id;
  if (input.teamId !== undefined) await db.query('INSERT INTO org.team_members (team_id, employee_id) VALUES ($1, $2)', [input.teamId, id]);
  return id;
}

/** Links an employee to a client's care team from `startsOn`. */
export async function addToCareTeam(db: Queryable, clientId: string, employeeId: string, relation: CareRelation, startsOn: string): Promise<void> {
  await db.query('INSERT INTO org.care_team (client_id, employee_id, relation, starts_on) VALUES ($1, $2, $3, $4)', [clientId, employeeId, relation, startsOn]);
}
