/**
 * Setting up organisations, teams and employees directly, as system work: the
 * demo seed and the tests. `ensureEmployee` seeds an account with a password
 * (demo and tests only); the application administrator's API
 * (employee-routes.ts) creates accounts without one, through the store bound
 * to the gate's administration scope (employee-store.ts).
 */
import type { Queryable } from '../db/database.js';
import { hashPassword } from '../auth/passwords.js';
import { joinCareTeam } from '../care-team/care-team-store.js';
import type { CareRelation, EmployeeRole } from './employee-roles.js';
import { employeeIdOfUsername, insertSeededEmployee, insertTeamMember, upsertOrganisation, upsertTeam } from './employee-store.js';

/** The id of the organisation of this name, created when there is none. */
export function ensureOrganisation(db: Queryable, name: string): Promise<string> {
  return upsertOrganisation(db, name);
}

/** The id of the organisation's team of this name, created when there is none. */
export function ensureTeam(db: Queryable, organisationId: string, name: string): Promise<string> {
  return upsertTeam(db, organisationId, name);
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
  const existing = await employeeIdOfUsername(db, input.username);
  if (existing !== undefined) return existing;
  const { username, displayName, functionTitle, role } = input;
  const id = await insertSeededEmployee(db, organisationId, { username, displayName, functionTitle, role, passwordHash: await hashPassword(input.password) });
  if (input.teamId !== undefined) await insertTeamMember(db, input.teamId, id);
  return id;
}

/** Links an employee to a client's care team from `startsOn`. */
export async function addToCareTeam(db: Queryable, clientId: string, employeeId: string, relation: CareRelation, startsOn: string): Promise<void> {
  await joinCareTeam(db, clientId, employeeId, relation, startsOn);
}
