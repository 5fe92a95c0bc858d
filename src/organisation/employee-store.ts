/**
 * The organisation module's store (issue 14: one owner per table): the only
 * file whose SQL names the organisations, their teams and team members, the
 * employees, the privileged role grants awaiting a second person and the
 * enrolment links (`org.organisations`, `org.teams`, `org.team_members`,
 * `org.employees`, `org.role_grants`, `org.enrolment_links`). One store for the
 * six, because their queries join them: an employee as the administrator sees
 * them names their teams and the role they asked for.
 *
 * - The administration work reaches them through functions bound to the
 *   gate's administration scope (`accountsOf(scope)`, `teamsOf`,
 *   `roleGrantsOf`), each bound to the administrator's organisation, so an id
 *   of another organisation is unknown; an enrolment through its enrolment
 *   scope; the caller's own account through their own scope.
 * - Other modules never write SQL on these tables: they call a function here,
 *   or — where their query names an employee or an organisation beside their
 *   own rows — join the projections {@link EMPLOYEES} and {@link ORGANISATIONS},
 *   which say which columns leave this module.
 * - The log-in has no scope yet (it is how a caller gets one), and the demo
 *   seed and the tests set up accounts as system work: those functions take
 *   the plumbing's database or transaction.
 */
import type { AdministrationScope, ClientBoundScope, EnrolmentScope, OwnScope } from '../access/gate-scope.js';
import type { SealedColumn } from '../crypto/sealed-column.js';
import type { Queryable } from '../db/database.js';
import { SCOPE_TX, txOf } from '../db/scope-tx.js';
import type { HoldsTransaction } from '../db/scope-tx.js';
import type { EmployeeRole } from './employee-roles.js';

/** An act on an account: the application administrator's, or the employee completing their own enrolment link. */
export type AccountScope = AdministrationScope | EnrolmentScope;

/** The employees' TOTP secrets, sealed under the master key. */
export const TOTP_SECRETS: SealedColumn = {
  name: 'TOTP secrets', table: 'org.employees', key: { column: 'id', type: 'uuid' }, column: 'totp_secret', place: { column: 'id', aad: (id) => `totp:${id}` },
};

/**
 * The employees as other modules may join them: who someone is (name,
 * function, role, organisation) and the state of the account (active, role
 * pending), never a credential. A subquery in FROM without aggregates, which
 * PostgreSQL pulls up into the join, so the query keeps its one round trip and
 * its plan — the hot read path included.
 * @example `SELECT a.display_name FROM care.entries x JOIN ${EMPLOYEES} a ON a.id = x.author_id`
 */
export const EMPLOYEES = '(SELECT id, organisation_id, display_name, function_title, role, active, role_pending FROM org.employees)';

/**
 * The organisations as other modules may join them: their id and name.
 * @example `SELECT o.name FROM formal.clients c JOIN ${ORGANISATIONS} o ON o.id = c.organisation_id`
 */
export const ORGANISATIONS = '(SELECT id, name FROM org.organisations)';

// --- for other modules -------------------------------------------------------

/** The name of the organisation of the scope's client. */
export function clientOrganisationName(scope: ClientBoundScope): Promise<string | undefined> {
  return organisationName(txOf(scope), scope.client.organisationId);
}

/** The name of an organisation; undefined when there is none. */
export async function organisationName(tx: Queryable, organisationId: string): Promise<string | undefined> {
  const rows = await tx.query<{ name: string }>('SELECT name FROM org.organisations WHERE id = $1', [organisationId]);
  return rows[0]?.name;
}

/**
 * The organisation's contact details for its letters (migration 0086); each null while not recorded.
 * @example const contact = await organisationContactOf(tx, scope.client.organisationId);
 */
export interface OrganisationContact {
  postalAddress: string | null;
  postalCode: string | null;
  place: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

/** The fields of {@link OrganisationContact}, in the order a letter shows them. */
export const CONTACT_FIELDS = ['postalAddress', 'postalCode', 'place', 'phone', 'email', 'website'] as const satisfies readonly (keyof OrganisationContact)[];

const CONTACT_SQL = 'postal_address AS "postalAddress", postal_code AS "postalCode", town AS place, phone, email, website';

/** The contact details of an organisation; all null when it has none (or there is no such organisation). */
export async function organisationContactOf(tx: Queryable, organisationId: string): Promise<OrganisationContact> {
  const rows = await tx.query<OrganisationContact>(`SELECT ${CONTACT_SQL} FROM org.organisations WHERE id = $1`, [organisationId]);
  return rows[0] ?? { postalAddress: null, postalCode: null, place: null, phone: null, email: null, website: null };
}

/** The contact details of the organisation of the scope's client, for a letter on the client's request. */
export function clientOrganisationContact(scope: ClientBoundScope): Promise<OrganisationContact> {
  return organisationContactOf(txOf(scope), scope.client.organisationId);
}

/** Records an organisation's contact details without a session: the demo seed's fictional address (src/demo). */
export async function setOrganisationContact(db: Queryable, organisationId: string, contact: OrganisationContact): Promise<void> {
  await db.query(
    'UPDATE org.organisations SET postal_address = $2, postal_code = $3, town = $4, phone = $5, email = $6, website = $7 WHERE id = $1',
    [organisationId, contact.postalAddress, contact.postalCode, contact.place, contact.phone, contact.email, contact.website]);
}

/** The display names of those of `employeeIds` who are employees of the organisation, by id. */
export async function employeeNames(tx: Queryable, organisationId: string, employeeIds: readonly string[]): Promise<Map<string, string>> {
  if (employeeIds.length === 0) return new Map();
  const rows = await tx.query<{ id: string; display_name: string }>(
    'SELECT id, display_name FROM org.employees WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [organisationId, employeeIds]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The names of those of `teamIds` that are teams of the organisation, by id. */
export async function teamNames(tx: Queryable, organisationId: string, teamIds: readonly string[]): Promise<Map<string, string>> {
  if (teamIds.length === 0) return new Map();
  const rows = await tx.query<{ id: string; name: string }>('SELECT id, name FROM org.teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [organisationId, teamIds]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The roles this organisation lets open a dossier in an emergency (migration
 * 0051): by default care professionals; the application administrator never
 * (the column's check refuses it). The gate asks it in its access transaction.
 */
export async function emergencyAccessRoles(tx: Queryable, organisationId: string): Promise<EmployeeRole[]> {
  const rows = await tx.query<{ roles: EmployeeRole[] }>('SELECT emergency_access_roles AS roles FROM org.organisations WHERE id = $1', [organisationId]);
  return rows[0]?.roles ?? ['care-professional'];
}

/**
 * The organisation's number of days after which an entry reaches the client portal by itself (migration 0075;
 * rules/decide-portal-release.ts): 14 when the organisation has none.
 */
export async function portalReleaseDays(tx: Queryable, organisationId: string): Promise<number> {
  const rows = await tx.query<{ days: number }>('SELECT portal_release_days AS days FROM org.organisations WHERE id = $1', [organisationId]);
  return rows[0]?.days ?? 14;
}

// --- setting up accounts (demo seed and tests) -------------------------------

/** The id of the organisation of this name, created when there is none. */
export async function upsertOrganisation(db: Queryable, name: string): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO org.organisations (name) VALUES ($1)
     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [name]);
  return rows[0]!.id;
}

/** Whether an organisation of this name exists. */
export async function organisationNamed(tx: Queryable, name: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM org.organisations WHERE name = $1', [name]);
  return rows.length > 0;
}

/** The id of the organisation's team of this name, created when there is none. */
export async function upsertTeam(db: Queryable, organisationId: string, name: string): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO org.teams (organisation_id, name) VALUES ($1, $2)
     ON CONFLICT (organisation_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [organisationId, name]);
  return rows[0]!.id;
}

/** The id of the employee with this user name (user names are unique across organisations); undefined when there is none. */
export async function employeeIdOfUsername(db: Queryable, username: string): Promise<string | undefined> {
  const existing = await db.query<{ id: string }>('SELECT id FROM org.employees WHERE username = $1', [username]);
  return existing[0]?.id;
}

/** The id of the employee with this user name in the organisation of this name; undefined when there is none. */
export async function employeeIdByUsername(tx: Queryable, username: string, organisationName: string): Promise<string | undefined> {
  const rows = await tx.query<{ id: string }>(
    'SELECT e.id FROM org.employees e JOIN org.organisations o ON o.id = e.organisation_id WHERE e.username = $1 AND o.name = $2', [username, organisationName]);
  return rows[0]?.id;
}

/** Creates an account with a password hash set directly (demo and tests only: the administrator's API makes accounts without one). */
export async function insertSeededEmployee(
  db: Queryable, organisationId: string,
  input: { username: string; displayName: string; functionTitle: string; role: EmployeeRole; passwordHash: string },
): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `INSERT INTO org.employees (organisation_id, username, display_name, function_title, role, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [organisationId, input.username, input.displayName, input.functionTitle, input.role, input.passwordHash]);
  return rows[0]!.id;
}

/** Makes the employee a member of the team (demo and tests). */
export async function insertTeamMember(db: Queryable, teamId: string, employeeId: string): Promise<void> {
  await db.query('INSERT INTO org.team_members (team_id, employee_id) VALUES ($1, $2)', [teamId, employeeId]);
}

/** Stores an employee's sealed TOTP secret as enrolled at `enrolledAt`, forgetting the last accepted step (demo and tests play the enrolment). */
export async function storeTotpSecret(tx: Queryable, employeeId: string, sealed: Buffer, enrolledAt: Date): Promise<void> {
  await tx.query('UPDATE org.employees SET totp_secret = $2, totp_enrolled_at = $3, totp_last_step = NULL WHERE id = $1', [employeeId, sealed, enrolledAt]);
}

/** The employee's sealed TOTP secret; null when none is enrolled (or there is no such employee). */
export async function sealedTotpSecret(tx: Queryable, employeeId: string): Promise<Buffer | null> {
  const rows = await tx.query<{ totp_secret: Buffer | null }>('SELECT totp_secret FROM org.employees WHERE id = $1', [employeeId]);
  return rows[0]?.totp_secret ?? null;
}

// --- the log-in and the caller's own account ---------------------------------

/** An account as log-in step 1 sees it, by user name: its credentials and whether it is active; undefined when there is none. */
export async function loginAccount(
  tx: Queryable, username: string,
): Promise<{ id: string; passwordHash: string | null; active: boolean; totpSecret: Buffer | null } | undefined> {
  const rows = await tx.query<{ id: string; password_hash: string | null; active: boolean; totp_secret: Buffer | null }>(
    'SELECT id, password_hash, active, totp_secret FROM org.employees WHERE username = $1', [username]);
  const row = rows[0];
  return row === undefined ? undefined : { id: row.id, passwordHash: row.password_hash, active: row.active, totpSecret: row.totp_secret };
}

/** An active employee as log-in step 2 needs them: who, whether their role awaits approval and the sealed TOTP secret; undefined when inactive or none. */
export async function loginEmployee(tx: Queryable, employeeId: string): Promise<{
  username: string; organisationId: string; role: string; displayName: string; rolePending: boolean; totpSecret: Buffer | null;
} | undefined> {
  const rows = await tx.query<{
    username: string; organisation_id: string; role: string; display_name: string; role_pending: boolean; totp_secret: Buffer | null;
  }>('SELECT username, organisation_id, role, display_name, role_pending, totp_secret FROM org.employees WHERE id = $1 AND active', [employeeId]);
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    username: row.username, organisationId: row.organisation_id, role: row.role, displayName: row.display_name,
    rolePending: row.role_pending, totpSecret: row.totp_secret,
  };
}

/** Enrols the first TOTP secret (sealed) with its first accepted step, only when none is enrolled yet (atomic); whether it was enrolled. */
export async function enrolFirstTotpSecret(tx: Queryable, employeeId: string, sealed: Buffer, enrolledAt: Date, step: number): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE org.employees SET totp_secret = $2, totp_enrolled_at = $3, totp_last_step = $4 WHERE id = $1 AND totp_secret IS NULL RETURNING id',
    [employeeId, sealed, enrolledAt, step]);
  return rows.length === 1;
}

/** Records `step` as the last accepted TOTP time step unless it or a later one was accepted already (atomic); whether it was recorded. */
export async function recordTotpStep(tx: Queryable, employeeId: string, step: number): Promise<boolean> {
  const rows = await tx.query('UPDATE org.employees SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id', [employeeId, step]);
  return rows.length === 1;
}

/** The employee's user name and password hash (for checking the current password); undefined when there is no such employee. */
export async function passwordOf(tx: Queryable, employeeId: string): Promise<{ username: string; passwordHash: string | null } | undefined> {
  const rows = await tx.query<{ username: string; password_hash: string | null }>('SELECT username, password_hash FROM org.employees WHERE id = $1', [employeeId]);
  const row = rows[0];
  return row === undefined ? undefined : { username: row.username, passwordHash: row.password_hash };
}

/** Stores the employee's own new password hash, changed at `changedAt`. */
export async function storeOwnPassword(tx: Queryable, employeeId: string, passwordHash: string, changedAt: Date): Promise<void> {
  await tx.query('UPDATE org.employees SET password_hash = $2, password_changed_at = $3 WHERE id = $1', [employeeId, passwordHash, changedAt]);
}

/** Whether the caller's role awaits a second person's approval; undefined when their account is gone. */
export async function ownRolePending(scope: OwnScope): Promise<boolean | undefined> {
  const rows = await txOf(scope).query<{ role_pending: boolean }>('SELECT role_pending FROM org.employees WHERE id = $1', [scope.actor.employeeId]);
  return rows[0]?.role_pending;
}

// --- the administrator's accounts and teams ----------------------------------

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
  teams: { id: string; name: string }[] | string;
}

const EMPLOYEE_SELECT = `
  SELECT e.id, e.username, e.display_name, e.function_title, e.role, e.role_pending, e.active,
         (e.password_hash IS NOT NULL AND e.totp_secret IS NOT NULL) AS enrolled, e.totp_secret IS NOT NULL AS totp_enrolled,
         (SELECT g.role FROM org.role_grants g WHERE g.employee_id = e.id AND g.outcome IS NULL) AS pending_role,
         COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name)
                     FROM org.team_members m JOIN org.teams t ON t.id = m.team_id WHERE m.employee_id = e.id), '[]'::json) AS teams
    FROM org.employees e`;

function employeeView(row: EmployeeRow): EmployeeView {
  return {
    id: row.id, username: row.username, displayName: row.display_name, functionTitle: row.function_title, role: row.role,
    rolePending: row.role_pending, pendingRole: row.pending_role, active: row.active, enrolled: row.enrolled, totpEnrolled: row.totp_enrolled,
    // node-postgres parses json; keep it working should a driver hand back text.
    teams: typeof row.teams === 'string' ? JSON.parse(row.teams) as { id: string; name: string }[] : row.teams,
  };
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

export interface EmployeeChanges {
  displayName?: string;
  functionTitle?: string;
  role?: EmployeeRole;
}

/**
 * The accounts of the administrator's organisation (org.employees): an
 * employee of another organisation is unknown, as one that does not exist.
 */
export function accountsOf(scope: AdministrationScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    /** The organisation's employees, by name. */
    list: async (): Promise<EmployeeView[]> => {
      const rows = await tx.query<EmployeeRow>(`${EMPLOYEE_SELECT} WHERE e.organisation_id = $1 ORDER BY e.display_name, e.username`, [organisationId]);
      return rows.map(employeeView);
    },
    /** One employee; undefined for an unknown id and for another organisation's employee alike. */
    find: async (employeeId: string): Promise<EmployeeView | undefined> => {
      const rows = await tx.query<EmployeeRow>(`${EMPLOYEE_SELECT} WHERE e.organisation_id = $1 AND e.id = $2`, [organisationId, employeeId]);
      return rows[0] === undefined ? undefined : employeeView(rows[0]);
    },
    /** Creates an account without credentials: nobody can log in to it until its employee completes an enrolment link. */
    create: async (input: NewAccount): Promise<string> => {
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO org.employees (organisation_id, username, display_name, function_title, role, role_pending, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6, NULL) RETURNING id`,
        [organisationId, input.username, input.displayName, input.functionTitle, input.role, input.rolePending]);
      return rows[0]!.id;
    },
    /**
     * Changes name, function or role (a role given here takes effect at once: the
     * caller decides which roles need approval first); false when the employee is
     * not in the organisation.
     */
    update: async (employeeId: string, changes: EmployeeChanges): Promise<boolean> => {
      const rows = await tx.query(
        `UPDATE org.employees SET display_name = COALESCE($3, display_name), function_title = COALESCE($4, function_title), role = COALESCE($5, role),
                role_pending = CASE WHEN $5::text IS NULL THEN role_pending ELSE false END
          WHERE organisation_id = $1 AND id = $2 RETURNING id`,
        [organisationId, employeeId, changes.displayName ?? null, changes.functionTitle ?? null, changes.role ?? null]);
      return rows.length === 1;
    },
    /** Disables or enables an account; false when the employee is not in the organisation. Ending sessions is the caller's part. */
    setActive: async (employeeId: string, active: boolean): Promise<boolean> => {
      const rows = await tx.query(
        'UPDATE org.employees SET active = $3, disabled_at = CASE WHEN $3 THEN NULL ELSE $4::timestamptz END WHERE organisation_id = $1 AND id = $2 RETURNING id',
        [organisationId, employeeId, active, scope.now]);
      return rows.length === 1;
    },
    /** A reset privileged account waits for the second person again (the caller asks for the grant). */
    markRolePending: async (employeeId: string): Promise<void> => {
      await tx.query('UPDATE org.employees SET role_pending = true WHERE id = $1', [employeeId]);
    },
    /** A reset: the password stops working; nobody can log in until the employee completes a new enrolment link. */
    clearPassword: async (employeeId: string): Promise<void> => {
      await tx.query('UPDATE org.employees SET password_hash = NULL WHERE id = $1', [employeeId]);
    },
  };
}

export interface TeamView {
  id: string;
  name: string;
  members: { id: string; displayName: string }[];
}

/** The teams of the administrator's organisation (org.teams, org.team_members). */
export function teamsOf(scope: AdministrationScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    /** The organisation's teams with their members. */
    list: async (): Promise<TeamView[]> => {
      const rows = await tx.query<{ id: string; name: string; members: TeamView['members'] | string }>(
        `SELECT t.id, t.name,
                COALESCE((SELECT json_agg(json_build_object('id', e.id, 'displayName', e.display_name) ORDER BY e.display_name)
                            FROM org.team_members m JOIN org.employees e ON e.id = m.employee_id WHERE m.team_id = t.id), '[]'::json) AS members
           FROM org.teams t WHERE t.organisation_id = $1 ORDER BY t.name`, [organisationId]);
      return rows.map((r) => ({ id: r.id, name: r.name, members: typeof r.members === 'string' ? JSON.parse(r.members) as TeamView['members'] : r.members }));
    },
    /** Creates a team; the name is unique within the organisation (a taken name is a 409 from the database). */
    create: async (name: string): Promise<string> => {
      const rows = await tx.query<{ id: string }>('INSERT INTO org.teams (organisation_id, name) VALUES ($1, $2) RETURNING id', [organisationId, name]);
      return rows[0]!.id;
    },
    /** Adds or removes a member; false when the team or the employee is not in the organisation. */
    setMembership: async (teamId: string, employeeId: string, member: boolean): Promise<boolean> => {
      const found = await tx.query(
        `SELECT 1 FROM org.teams t, org.employees e
          WHERE t.id = $2 AND e.id = $3 AND t.organisation_id = $1 AND e.organisation_id = $1`, [organisationId, teamId, employeeId]);
      if (found.length === 0) return false;
      await tx.query(member
        ? 'INSERT INTO org.team_members (team_id, employee_id) VALUES ($1, $2) ON CONFLICT DO NOTHING'
        : 'DELETE FROM org.team_members WHERE team_id = $1 AND employee_id = $2', [teamId, employeeId]);
      return true;
    },
  };
}

// --- privileged role grants awaiting a second person (migration 0052) --------

export type RoleGrantReason = 'new-account' | 'role-change' | 'reset';

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

/**
 * The privileged role grants of the caller's organisation (org.role_grants):
 * one open grant per employee at most; on approval the role takes effect
 * (`org.employees.role`, `role_pending` cleared). Who may decide is
 * `decideRoleGrant` (role-grant-rule.ts); what the caller asks, withdraws or
 * decides is done by the scope's actor, at its time.
 */
export function roleGrantsOf(scope: AdministrationScope) {
  const tx = txOf(scope);
  const { organisationId, employeeId: by } = scope.actor;
  /** Withdraws the employee's open grant (a newer role change or request replaces it); the id of the one withdrawn, if any. */
  const withdrawOpen = async (employeeId: string): Promise<string | undefined> => {
    const rows = await tx.query<{ id: string }>(
      `UPDATE org.role_grants SET outcome = 'withdrawn', decided_by = $2, decided_at = $3 WHERE employee_id = $1 AND outcome IS NULL RETURNING id`,
      [employeeId, by, scope.now]);
    return rows[0]?.id;
  };
  return {
    withdrawOpen,
    /** Asks for `role` for the employee; replaces an open grant. */
    request: async (input: { employeeId: string; role: EmployeeRole; reason: RoleGrantReason }): Promise<string> => {
      await withdrawOpen(input.employeeId);
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO org.role_grants (organisation_id, employee_id, role, reason, requested_by, requested_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [organisationId, input.employeeId, input.role, input.reason, by, scope.now]);
      return rows[0]!.id;
    },
    /** The organisation's open grants, oldest first. */
    listPending: async (): Promise<PendingGrant[]> => {
      const rows = await tx.query<GrantRow>(`${GRANT_SELECT} WHERE g.organisation_id = $1 AND g.outcome IS NULL ORDER BY g.requested_at, g.id`, [organisationId]);
      return rows.map(pendingGrant);
    },
    /** One open grant of the organisation; undefined for an unknown, decided or foreign one alike. */
    findPending: async (grantId: string): Promise<PendingGrant | undefined> => {
      const rows = await tx.query<GrantRow>(`${GRANT_SELECT} WHERE g.organisation_id = $1 AND g.id = $2 AND g.outcome IS NULL`, [organisationId, grantId]);
      return rows[0] === undefined ? undefined : pendingGrant(rows[0]);
    },
    /**
     * Records the decision; on approval the role takes effect at once. False when
     * the grant was decided meanwhile (two approvers at the same time).
     */
    decide: async (grant: PendingGrant, approved: boolean): Promise<boolean> => {
      const rows = await tx.query(
        'UPDATE org.role_grants SET outcome = $2, decided_by = $3, decided_at = $4 WHERE id = $1 AND outcome IS NULL RETURNING id',
        [grant.id, approved ? 'approved' : 'refused', by, scope.now]);
      if (rows.length === 0) return false;
      if (approved) await tx.query('UPDATE org.employees SET role = $2, role_pending = false WHERE id = $1', [grant.employee.id, grant.role]);
      return true;
    },
  };
}

// --- credentials: resets and enrolment links ---------------------------------

/** Forgets the employee's TOTP secret, its enrolment and last step (a reset, or an enrolment replacing the factor). */
export async function clearTotpSecret(scope: AccountScope, employeeId: string): Promise<void> {
  await txOf(scope).query('UPDATE org.employees SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL WHERE id = $1', [employeeId]);
}

/** An enrolment link not yet used, revoked, expired or spent by wrong codes, with the employee it is for (active accounts only). */
export interface LiveEnrolmentLink {
  employee_id: string;
  organisation_id: string;
  username: string;
  display_name: string;
  role: string;
  expires_at: Date;
}

/**
 * Revokes the employee's open links and stores a new one (only its token's
 * hash). The administrator's reset or new account passes its scope; a test
 * setting up an enrolment, the plumbing's database.
 */
export async function replaceEnrolmentLink(
  where: Queryable | AdministrationScope,
  link: { tokenHash: Buffer; employeeId: string; kind: 'new-account' | 'reset'; createdBy: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  const tx = SCOPE_TX in where ? txOf(where) : where;
  await tx.query('UPDATE org.enrolment_links SET revoked_at = $2 WHERE employee_id = $1 AND used_at IS NULL AND revoked_at IS NULL', [link.employeeId, link.createdAt]);
  await tx.query(
    'INSERT INTO org.enrolment_links (token_hash, employee_id, kind, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [link.tokenHash, link.employeeId, link.kind, link.createdBy, link.createdAt, link.expiresAt]);
}

/** The live link with this token hash (before the enrolment's transaction: opening it, checking a completion); undefined when there is none. */
export async function liveEnrolmentLink(db: Queryable, tokenHash: Buffer, now: Date, maxAttempts: number): Promise<LiveEnrolmentLink | undefined> {
  const rows = await db.query<LiveEnrolmentLink>(
    `SELECT l.employee_id, e.organisation_id, e.username, e.display_name, e.role, l.expires_at
       FROM org.enrolment_links l JOIN org.employees e ON e.id = l.employee_id
      WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.revoked_at IS NULL AND l.expires_at > $2 AND l.attempts < $3 AND e.active`,
    [tokenHash, now, maxAttempts]);
  return rows[0];
}

/** Counts a wrong code against the link, outside any transaction so the count stands. */
export async function countEnrolmentAttempt(db: Queryable, tokenHash: Buffer): Promise<void> {
  await db.query('UPDATE org.enrolment_links SET attempts = attempts + 1 WHERE token_hash = $1', [tokenHash]);
}

/** The enrolment's own writes, in its scope's transaction: spending the link, and the employee's own password and second factor. */
export function enrolmentOf(scope: EnrolmentScope) {
  const tx = txOf(scope);
  return {
    /** Spends the live link; false when it was used, revoked or expired meanwhile. */
    spendLink: async (tokenHash: Buffer): Promise<boolean> => {
      const spent = await tx.query(
        'UPDATE org.enrolment_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2 RETURNING employee_id',
        [tokenHash, scope.now]);
      return spent.length > 0;
    },
    /** Sets the employee's own password hash and sealed TOTP secret, enrolled now with its first accepted step. */
    setCredentials: async (employeeId: string, passwordHash: string, sealedTotpSecret: Buffer, step: number): Promise<void> => {
      await tx.query(
        `UPDATE org.employees SET password_hash = $2, password_changed_at = $3,
                totp_secret = $4, totp_enrolled_at = $3, totp_last_step = $5 WHERE id = $1`,
        [employeeId, passwordHash, scope.now, sealedTotpSecret, step]);
    },
  };
}

// --- the organisation's privacy settings ------------------------------------

/** The organisation's privacy settings, as stored (migrations 0051, 0057). */
export interface StoredOrganisationSettings {
  emergencyAccessRoles: EmployeeRole[];
  destructionSecondConfirmation: boolean;
  /** Days after recording after which an entry reaches the client portal by itself (migration 0075). */
  portalReleaseDays: number;
}

/**
 * The privacy settings of the scope's organisation (organisation-settings-rule.ts
 * decides who reads and who changes them). The second confirmation changes only
 * through `org.set_destruction_second_confirmation` (migration 0071), which
 * checks in the database that the changer is the organisation's privacy officer.
 */
export function organisationSettingsOf(scope: AdministrationScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    /** The settings now; locked for the rest of the transaction when `forUpdate` (a change compares old and new). */
    read: async (forUpdate = false): Promise<StoredOrganisationSettings> => {
      const rows = await tx.query<{ roles: EmployeeRole[]; second: boolean; days: number }>(
        `SELECT emergency_access_roles AS roles, destruction_second_confirmation AS second, portal_release_days AS days
           FROM org.organisations WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
        [organisationId]);
      const row = rows[0];
      if (row === undefined) throw new Error(`organisation ${organisationId} of the session is gone`);
      return { emergencyAccessRoles: row.roles, destructionSecondConfirmation: row.second, portalReleaseDays: row.days };
    },
    setPortalReleaseDays: async (days: number): Promise<void> => {
      await tx.query('UPDATE org.organisations SET portal_release_days = $2 WHERE id = $1', [organisationId, days]);
    },
    setEmergencyAccessRoles: async (roles: readonly EmployeeRole[]): Promise<void> => {
      await tx.query('UPDATE org.organisations SET emergency_access_roles = $2::text[] WHERE id = $1', [organisationId, roles]);
    },
    setDestructionSecondConfirmation: async (on: boolean): Promise<void> => {
      await tx.query('SELECT org.set_destruction_second_confirmation($1, $2, $3)', [organisationId, scope.actor.employeeId, on]);
    },
    /** The contact details for letters; locked for the rest of the transaction when `forUpdate`. */
    contact: async (forUpdate = false): Promise<OrganisationContact> => {
      const rows = await tx.query<OrganisationContact>(`SELECT ${CONTACT_SQL} FROM org.organisations WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [organisationId]);
      const row = rows[0];
      if (row === undefined) throw new Error(`organisation ${organisationId} of the session is gone`);
      return row;
    },
    setContact: async (contact: OrganisationContact): Promise<void> => {
      await tx.query(
        'UPDATE org.organisations SET postal_address = $2, postal_code = $3, town = $4, phone = $5, email = $6, website = $7 WHERE id = $1',
        [organisationId, contact.postalAddress, contact.postalCode, contact.place, contact.phone, contact.email, contact.website]);
    },
  };
}

// --- the set-up of an organisation's first accounts (migration 0072) ---------

/**
 * What the set-up's store functions need of its scope (access/gate-administration.ts
 * `SetupScope`): the transaction, the time and the operator who ran the command.
 */
export interface SetupWork extends HoldsTransaction {
  readonly now: Date;
  readonly operator: string;
}

/**
 * The organisation of this name for the set-up, created when there is none and
 * locked for the rest of the set-up's transaction (a second set-up of the same
 * name waits, then sees the first one's accounts), with how many accounts it has.
 */
export async function organisationToSetUp(scope: SetupWork, name: string): Promise<{ id: string; created: boolean; accounts: number }> {
  const tx = txOf(scope);
  const inserted = await tx.query<{ id: string }>('INSERT INTO org.organisations (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id', [name]);
  const rows = await tx.query<{ id: string }>('SELECT id FROM org.organisations WHERE name = $1 FOR UPDATE', [name]);
  const id = rows[0]!.id;
  const counted = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM org.employees WHERE organisation_id = $1', [id]);
  return { id, created: inserted.length === 1, accounts: counted[0]!.n };
}

/** Those of `usernames` already taken (user names are unique across organisations). */
export async function usernamesTaken(scope: SetupWork, usernames: readonly string[]): Promise<string[]> {
  const rows = await txOf(scope).query<{ username: string }>('SELECT username FROM org.employees WHERE username = ANY($1::text[]) ORDER BY username', [usernames]);
  return rows.map((r) => r.username);
}

/**
 * Creates one of an organisation's first accounts, without credentials (its
 * employee sets both through the enrolment link) and with its role in effect:
 * there is nobody yet who could approve it, and the set-up makes the four-eyes
 * pair itself (organisation-setup.ts says why).
 */
export async function createFirstAccount(
  scope: SetupWork, organisationId: string, input: { username: string; displayName: string; functionTitle: string; role: EmployeeRole },
): Promise<string> {
  const rows = await txOf(scope).query<{ id: string }>(
    `INSERT INTO org.employees (organisation_id, username, display_name, function_title, role, role_pending, password_hash)
     VALUES ($1, $2, $3, $4, $5, false, NULL) RETURNING id`,
    [organisationId, input.username, input.displayName, input.functionTitle, input.role]);
  return rows[0]!.id;
}

/** Stores a first account's enrolment link (only its token's hash), made by the set-up's operator rather than an employee (migration 0072). */
export async function storeSetupEnrolmentLink(scope: SetupWork, link: { tokenHash: Buffer; employeeId: string; expiresAt: Date }): Promise<void> {
  await txOf(scope).query(
    `INSERT INTO org.enrolment_links (token_hash, employee_id, kind, created_by, created_by_setup, created_at, expires_at)
     VALUES ($1, $2, 'new-account', NULL, $3, $4, $5)`,
    [link.tokenHash, link.employeeId, scope.operator, scope.now, link.expiresAt]);
}
