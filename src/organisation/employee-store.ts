/**
 * The organisation's store of its employees and of itself (`org.employees`,
 * `org.organisations`) for the other modules (issue 14: one owner per table).
 * Others never write SQL on these tables: they call a function here, or —
 * where their query names an employee beside their own rows — join the
 * projection {@link EMPLOYEES}, which says which columns leave this module.
 */
import type { SealedColumn } from '../crypto/sealed-column.js';
import type { Queryable } from '../db/database.js';

/** The employees' TOTP secrets, sealed under the master key. */
export const TOTP_SECRETS: SealedColumn = {
  name: 'TOTP secrets', table: 'org.employees', key: { column: 'id', type: 'uuid' }, column: 'totp_secret', place: { column: 'id', aad: (id) => `totp:${id}` },
};

/**
 * The employees as other modules may join them: who someone is (name,
 * function, role, organisation) and the state of the account (active, must
 * change password, role pending), never a credential. A subquery in FROM
 * without aggregates, which PostgreSQL pulls up into the join, so the query
 * keeps its one round trip and its plan — the hot read path included.
 * @example `SELECT a.display_name FROM care.entries x JOIN ${EMPLOYEES} a ON a.id = x.author_id`
 */
export const EMPLOYEES = '(SELECT id, organisation_id, display_name, function_title, role, active, must_change_password, role_pending FROM org.employees)';

/**
 * The organisations as other modules may join them: their id and name.
 * @example `SELECT o.name FROM formal.clients c JOIN ${ORGANISATIONS} o ON o.id = c.organisation_id`
 */
export const ORGANISATIONS = '(SELECT id, name FROM org.organisations)';

/** The role and whether the account is active, of an employee of this organisation; undefined when there is none. */
export async function employeeRoleInOrganisation(
  tx: Queryable, employeeId: string, organisationId: string,
): Promise<{ role: string; active: boolean } | undefined> {
  const rows = await tx.query<{ role: string; active: boolean }>('SELECT role, active FROM org.employees WHERE id = $1 AND organisation_id = $2', [employeeId, organisationId]);
  return rows[0];
}

/** The name of an organisation; undefined when there is none. */
export async function organisationName(tx: Queryable, organisationId: string): Promise<string | undefined> {
  const rows = await tx.query<{ name: string }>('SELECT name FROM org.organisations WHERE id = $1', [organisationId]);
  return rows[0]?.name;
}

/** Whether an organisation of this name exists. */
export async function organisationNamed(tx: Queryable, name: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM org.organisations WHERE name = $1', [name]);
  return rows.length > 0;
}

/** The id of the employee with this user name in the organisation of this name; undefined when there is none. */
export async function employeeIdByUsername(tx: Queryable, username: string, organisationName: string): Promise<string | undefined> {
  const rows = await tx.query<{ id: string }>(
    'SELECT e.id FROM org.employees e JOIN org.organisations o ON o.id = e.organisation_id WHERE e.username = $1 AND o.name = $2', [username, organisationName]);
  return rows[0]?.id;
}

/** An account as log-in step 1 sees it, by user name: its credentials and whether it is active; undefined when there is none. */
export async function loginAccount(
  tx: Queryable, username: string,
): Promise<{ id: string; passwordHash: string | null; active: boolean; totpSecret: Buffer | null } | undefined> {
  const rows = await tx.query<{ id: string; password_hash: string | null; active: boolean; totp_secret: Buffer | null }>(
    'SELECT id, password_hash, active, totp_secret FROM org.employees WHERE username = $1', [username]);
  const row = rows[0];
  return row === undefined ? undefined : { id: row.id, passwordHash: row.password_hash, active: row.active, totpSecret: row.totp_secret };
}

/** An active employee as log-in step 2 needs them: who, the account's state and the sealed TOTP secret; undefined when inactive or none. */
export async function loginEmployee(tx: Queryable, employeeId: string): Promise<{
  username: string; organisationId: string; role: string; displayName: string; mustChangePassword: boolean; rolePending: boolean; totpSecret: Buffer | null;
} | undefined> {
  const rows = await tx.query<{
    username: string; organisation_id: string; role: string; display_name: string; must_change_password: boolean; role_pending: boolean; totp_secret: Buffer | null;
  }>('SELECT username, organisation_id, role, display_name, must_change_password, role_pending, totp_secret FROM org.employees WHERE id = $1 AND active', [employeeId]);
  const row = rows[0];
  if (row === undefined) return undefined;
  return {
    username: row.username, organisationId: row.organisation_id, role: row.role, displayName: row.display_name,
    mustChangePassword: row.must_change_password, rolePending: row.role_pending, totpSecret: row.totp_secret,
  };
}

/** Whether the employee must change a one-time password first, and whether their role awaits approval; undefined when there is no such employee. */
export async function accountState(tx: Queryable, employeeId: string): Promise<{ mustChangePassword: boolean; rolePending: boolean } | undefined> {
  const rows = await tx.query<{ must_change_password: boolean; role_pending: boolean }>('SELECT must_change_password, role_pending FROM org.employees WHERE id = $1', [employeeId]);
  const row = rows[0];
  return row === undefined ? undefined : { mustChangePassword: row.must_change_password, rolePending: row.role_pending };
}

/** The employee's user name and password hash (for checking the current password); undefined when there is no such employee. */
export async function passwordOf(tx: Queryable, employeeId: string): Promise<{ username: string; passwordHash: string | null } | undefined> {
  const rows = await tx.query<{ username: string; password_hash: string | null }>('SELECT username, password_hash FROM org.employees WHERE id = $1', [employeeId]);
  const row = rows[0];
  return row === undefined ? undefined : { username: row.username, passwordHash: row.password_hash };
}

/** Stores the employee's own new password hash, changed at `changedAt`; a one-time password no longer needs changing. */
export async function storeOwnPassword(tx: Queryable, employeeId: string, passwordHash: string, changedAt: Date): Promise<void> {
  await tx.query('UPDATE org.employees SET password_hash = $2, password_changed_at = $3, must_change_password = false WHERE id = $1', [employeeId, passwordHash, changedAt]);
}

/** Enrols the first TOTP secret (sealed) with its first accepted step, only when none is enrolled yet (atomic); whether it was enrolled. */
export async function enrolFirstTotpSecret(tx: Queryable, employeeId: string, sealed: Buffer, enrolledAt: Date, step: number): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE org.employees SET totp_secret = $2, totp_enrolled_at = $3, totp_last_step = $4 WHERE id = $1 AND totp_secret IS NULL RETURNING id',
    [employeeId, sealed, enrolledAt, step]);
  return rows.length === 1;
}

/** Stores an employee's sealed TOTP secret as enrolled at `enrolledAt`, forgetting the last accepted step. */
export async function storeTotpSecret(tx: Queryable, employeeId: string, sealed: Buffer, enrolledAt: Date): Promise<void> {
  await tx.query('UPDATE org.employees SET totp_secret = $2, totp_enrolled_at = $3, totp_last_step = NULL WHERE id = $1', [employeeId, sealed, enrolledAt]);
}

/** The employee's sealed TOTP secret; null when none is enrolled (or there is no such employee). */
export async function sealedTotpSecret(tx: Queryable, employeeId: string): Promise<Buffer | null> {
  const rows = await tx.query<{ totp_secret: Buffer | null }>('SELECT totp_secret FROM org.employees WHERE id = $1', [employeeId]);
  return rows[0]?.totp_secret ?? null;
}

/** Records `step` as the last accepted TOTP time step unless it or a later one was accepted already (atomic); whether it was recorded. */
export async function recordTotpStep(tx: Queryable, employeeId: string, step: number): Promise<boolean> {
  const rows = await tx.query('UPDATE org.employees SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id', [employeeId, step]);
  return rows.length === 1;
}

/** Forgets the employee's TOTP secret, its enrolment and last step. */
export async function clearTotpSecret(tx: Queryable, employeeId: string): Promise<void> {
  await tx.query('UPDATE org.employees SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL WHERE id = $1', [employeeId]);
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
