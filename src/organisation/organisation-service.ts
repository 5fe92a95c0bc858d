/**
 * Organisations, teams and employees (name, function, role). The application
 * administrator's API (employee-routes.ts) and the demo seed and tests use
 * these functions. `ensureEmployee` seeds an account with a password directly
 * (demo and tests only); the administrator's API creates accounts without one. Every function that takes an organisation id stays inside
 * it: an id of another organisation is treated as unknown.
 */
import type { Queryable } from '../db/database.js';
import { hashPassword } from '../auth/passwords.js';
import { joinCareTeam } from '../care-team/care-team-store.js';
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
  await joinCareTeam(db, clientId, employeeId, relation, startsOn);
}

/** An employee as the application administrator sees them. */
export interface EmployeeView {
  id: string;
  username: string;
  displayName: string;
  functionTitle: string;
  /** The role the account asked for; in effect unless `rolePending`. */
  role: EmployeeRole;
  /** A new account whose privileged role awaits a second person's approval: it has no rights at all yet. */
  rolePending: boolean;
  /** A privileged role asked for and awaiting approval (the current role stays in effect until then). */
  pendingRole: EmployeeRole | null;
  active: boolean;
  /** The employee has chosen their own password and enrolled their second factor. */
  enrolled: boolean;
  totpEnrolled: boolean;
  mustChangePassword: boolean;
  teams: { id: string; name: string }[];
}

interface EmployeeRow {
  id: string;
  username: string;
  display_name: string;
  function_title: string;
  role: EmployeeRole;
  role_pending: boolean;
  pending_role: EmployeeRole | null;
  active: boolean;
  enrolled: boolean;
  totp_enrolled: boolean;
  must_change_password: boolean;
  teams: { id: string; name: string }[] | string;
}

const EMPLOYEE_SELECT = `
  SELECT e.id, e.username, e.display_name, e.function_title, e.role, e.role_pending, e.active,
         (e.password_hash IS NOT NULL AND e.totp_secret IS NOT NULL) AS enrolled, e.totp_secret IS NOT NULL AS totp_enrolled, e.must_change_password,
         (SELECT g.role FROM org.role_grants g WHERE g.employee_id = e.id AND g.outcome IS NULL) AS pending_role,
         COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name)
                     FROM org.team_members m JOIN org.teams t ON t.id = m.team_id WHERE m.employee_id = e.id), '[]'::json) AS teams
    FROM org.employees e`;

function employeeView(row: EmployeeRow): EmployeeView {
  return {
    id: row.id, username: row.username, displayName: row.display_name, functionTitle: row.function_title, role: row.role,
    rolePending: row.role_pending, pendingRole: row.pending_role, active: row.active, enrolled: row.enrolled,
    totpEnrolled: row.totp_enrolled, mustChangePassword: row.must_change_password,
    // node-postgres parses json; keep it working should a driver hand back text.
    teams: typeof row.teams === 'string' ? JSON.parse(row.teams) as { id: string; name: string }[] : row.teams,
  };
}

/** The organisation's employees, by name. */
export async function listEmployees(db: Queryable, organisationId: string): Promise<EmployeeView[]> {
  const rows = await db.query<EmployeeRow>(`${EMPLOYEE_SELECT} WHERE e.organisation_id = $1 ORDER BY e.display_name, e.username`, [organisationId]);
  return rows.map(employeeView);
}

/** One employee of the organisation; undefined for an unknown id and for another organisation's employee alike. */
export async function findEmployee(db: Queryable, organisationId: string, employeeId: string): Promise<EmployeeView | undefined> {
  const rows = await db.query<EmployeeRow>(`${EMPLOYEE_SELECT} WHERE e.organisation_id = $1 AND e.id = $2`, [organisationId, employeeId]);
  return rows[0] === undefined ? undefined : employeeView(rows[0]);
}

/** What the administrator gives for a new account: no password, no second factor (the employee sets both through an enrolment link). */
export interface NewAccount {
  username: string;
  displayName: string;
  functionTitle: string;
  role: EmployeeRole;
  /** A privileged role awaiting approval: the account has no rights until a second person approves. */
  rolePending: boolean;
}

/** Creates an account without credentials: nobody can log in to it until its employee completes an enrolment link. */
export async function createEmployee(db: Queryable, organisationId: string, input: NewAccount): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO org.employees (organisation_id, username, display_name, function_title, role, role_pending, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6, NULL) RETURNING id`,
    [organisationId, input.username, input.displayName, input.functionTitle, input.role, input.rolePending]);
  return rows[0]!.id;
}

export interface EmployeeChanges {
  displayName?: string;
  functionTitle?: string;
  role?: EmployeeRole;
}

/**
 * Changes name, function or role (a role given here takes effect at once: the
 * caller decides which roles need approval first); false when the employee is
 * not in the organisation.
 */
export async function updateEmployee(db: Queryable, organisationId: string, employeeId: string, changes: EmployeeChanges): Promise<boolean> {
  const rows = await db.query(
    `UPDATE org.employees SET display_name = COALESCE($3, display_name), function_title = COALESCE($4, function_title), role = COALESCE($5, role),
            role_pending = CASE WHEN $5::text IS NULL THEN role_pending ELSE false END
      WHERE organisation_id = $1 AND id = $2 RETURNING id`,
    [organisationId, employeeId, changes.displayName ?? null, changes.functionTitle ?? null, changes.role ?? null]);
  return rows.length === 1;
}

/** Disables or enables an account; false when the employee is not in the organisation. Ending sessions is the caller's part. */
export async function setEmployeeActive(db: Queryable, organisationId: string, employeeId: string, active: boolean, now: Date): Promise<boolean> {
  const rows = await db.query(
    'UPDATE org.employees SET active = $3, disabled_at = CASE WHEN $3 THEN NULL ELSE $4::timestamptz END WHERE organisation_id = $1 AND id = $2 RETURNING id',
    [organisationId, employeeId, active, now]);
  return rows.length === 1;
}

export interface TeamView {
  id: string;
  name: string;
  members: { id: string; displayName: string }[];
}

/** The organisation's teams with their members. */
export async function listTeams(db: Queryable, organisationId: string): Promise<TeamView[]> {
  const rows = await db.query<{ id: string; name: string; members: TeamView['members'] | string }>(
    `SELECT t.id, t.name,
            COALESCE((SELECT json_agg(json_build_object('id', e.id, 'displayName', e.display_name) ORDER BY e.display_name)
                        FROM org.team_members m JOIN org.employees e ON e.id = m.employee_id WHERE m.team_id = t.id), '[]'::json) AS members
       FROM org.teams t WHERE t.organisation_id = $1 ORDER BY t.name`, [organisationId]);
  return rows.map((r) => ({ id: r.id, name: r.name, members: typeof r.members === 'string' ? JSON.parse(r.members) as TeamView['members'] : r.members }));
}

/** Creates a team; the name is unique within the organisation (a taken name is a 409 from the database). */
export async function createTeam(db: Queryable, organisationId: string, name: string): Promise<string> {
  const rows = await db.query<{ id: string }>('INSERT INTO org.teams (organisation_id, name) VALUES ($1, $2) RETURNING id', [organisationId, name]);
  return rows[0]!.id;
}

/** Adds or removes a member; false when the team or the employee is not in the organisation. */
export async function setTeamMembership(db: Queryable, organisationId: string, teamId: string, employeeId: string, member: boolean): Promise<boolean> {
  const found = await db.query(
    `SELECT 1 FROM org.teams t, org.employees e
      WHERE t.id = $2 AND e.id = $3 AND t.organisation_id = $1 AND e.organisation_id = $1`, [organisationId, teamId, employeeId]);
  if (found.length === 0) return false;
  await db.query(member
    ? 'INSERT INTO org.team_members (team_id, employee_id) VALUES ($1, $2) ON CONFLICT DO NOTHING'
    : 'DELETE FROM org.team_members WHERE team_id = $1 AND employee_id = $2', [teamId, employeeId]);
  return true;
}
