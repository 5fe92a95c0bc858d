/**
 * Administration acts in the hash-chained access log (NEN 7513; NEN 7510-2
 * A.12.4.3: the administrator's own acts are logged where the administrator
 * cannot change them). Creating or resetting an account, changing a role,
 * asking, approving or refusing a privileged role, disabling, enabling, team
 * changes and an employee completing their own enrolment: each is one row,
 * written in the same transaction as the act, through `appendAccessLog`.
 *
 * The row has no client (`client_id` NULL), action `administer`, part
 * `administrative-data` (as the refusals `assertAdministrator` writes), and in
 * `purpose` what was done to whom, e.g. `change-role employee=<uuid> role=manager`
 * — covered by the row's hash like every other column.
 *
 * `listAdministrationLog` is the privacy officer's view of these rows.
 */
import type { Queryable } from '../db/database.js';
import { appendAccessLog, AccessBasis, AccessOutcome, type AccessLogRow } from '../access/access-log.js';
import type { RequestContext } from '../access/client-access.js';

/** The administration acts, as they appear in the log. */
export const AdministrationAct = {
  createAccount: 'create-account',
  resetAccount: 'reset-account',
  completeEnrolment: 'complete-enrolment',
  changeDetails: 'change-details',
  changeRole: 'change-role',
  requestRole: 'request-role',
  approveRole: 'approve-role',
  refuseRole: 'refuse-role',
  disableAccount: 'disable-account',
  enableAccount: 'enable-account',
  createTeam: 'create-team',
  joinTeam: 'join-team',
  leaveTeam: 'leave-team',
  /** Looking at the grants awaiting approval (logged when refused). */
  viewRoleGrants: 'view-role-grants',
  /** A session of an account whose privileged role awaits approval was refused. */
  pendingRoleRefused: 'pending-role-refused',
} as const;
export type AdministrationAct = (typeof AdministrationAct)[keyof typeof AdministrationAct];

export const ADMINISTER_ACTION = 'administer';
export const ADMINISTER_PART = 'administrative-data';

export interface AdministrationDetails {
  employee?: string;
  role?: string;
  team?: string;
  grant?: string;
}

/** `act key=value …` in a fixed order: readable in raw SQL, parsed back by `parseAdministrationPurpose`. */
export function administrationPurpose(act: AdministrationAct, details: AdministrationDetails): string {
  const parts: string[] = [act];
  for (const key of ['employee', 'role', 'team', 'grant'] as const) {
    const value = details[key];
    if (value !== undefined) parts.push(`${key}=${value}`);
  }
  return parts.join(' ');
}

export function parseAdministrationPurpose(purpose: string | null): { act: string | null } & AdministrationDetails {
  if (purpose === null) return { act: null };
  const [act, ...rest] = purpose.split(' ');
  const details: AdministrationDetails = {};
  for (const pair of rest) {
    const [key, value] = pair.split('=');
    if (value !== undefined && (key === 'employee' || key === 'role' || key === 'team' || key === 'grant')) details[key] = value;
  }
  return { act: act ?? null, ...details };
}

/** Who did it: a session's employee, or (enrolment) the employee completing their own link without a session. */
export type AdministrationActor =
  | { kind: 'session'; ctx: RequestContext }
  | { kind: 'enrolment'; organisationId: string; employeeId: string; role: string; route: string; address: string | null };

/**
 * Appends one administration row (allowed or refused) inside `tx`; call it as
 * the last step of the act's transaction (the log's chain lock is held until commit).
 */
export async function logAdministration(
  tx: Queryable, who: AdministrationActor, act: AdministrationAct, details: AdministrationDetails,
  decision: { outcome?: AccessOutcome; basis?: AccessBasis; citations: readonly string[] },
): Promise<void> {
  const base = who.kind === 'session'
    ? {
        organisationId: who.ctx.actor.organisationId, employeeId: who.ctx.actor.employeeId, employeeRole: who.ctx.actor.role,
        route: who.ctx.route, sessionId: who.ctx.actor.sessionId, address: who.ctx.address,
      }
    : { organisationId: who.organisationId, employeeId: who.employeeId, employeeRole: who.role, route: who.route, sessionId: null, address: who.address };
  const outcome = decision.outcome ?? AccessOutcome.allowed;
  const row: AccessLogRow = {
    ...base, clientId: null, action: ADMINISTER_ACTION, part: ADMINISTER_PART, outcome,
    basis: decision.basis ?? (outcome === AccessOutcome.allowed ? AccessBasis.legalDuty : AccessBasis.none),
    purpose: administrationPurpose(act, details), citations: decision.citations,
  };
  await appendAccessLog(tx, [row]);
}

/** One line of the privacy officer's administration log. */
export interface AdministrationLogLine {
  seq: string;
  at: string;
  actor: { id: string | null; name: string | null; role: string | null };
  act: string | null;
  outcome: string;
  subject: { id: string; name: string | null } | null;
  role: string | null;
  team: { id: string; name: string | null } | null;
  route: string;
  citations: string[];
  sessionRecorded: boolean;
  address: string | null;
}

interface Row {
  seq: string;
  occurred_at: Date;
  employee_id: string | null;
  display_name: string | null;
  employee_role: string | null;
  outcome: string;
  purpose: string | null;
  route: string;
  citations: string[];
  session_recorded: boolean;
  address: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Every administration row of the organisation (the acts, and the refusals
 * `assertAdministrator` and the role-grant routes wrote), newest first,
 * paged by `before` (a seq).
 */
export async function listAdministrationLog(
  db: Queryable, organisationId: string, options: { limit: number; before?: string },
): Promise<{ lines: AdministrationLogLine[]; nextBefore: string | null }> {
  const rows = await db.query<Row>(
    `SELECT l.seq, l.occurred_at, l.employee_id, e.display_name, l.employee_role, l.outcome, l.purpose, l.route, l.citations,
            l.session_id IS NOT NULL AS session_recorded, l.address
       FROM audit.access_log l LEFT JOIN org.employees e ON e.id = l.employee_id
      WHERE l.organisation_id = $1 AND l.client_id IS NULL AND l.action = $2 AND ($3::bigint IS NULL OR l.seq < $3::bigint)
      ORDER BY l.seq DESC LIMIT $4`,
    [organisationId, ADMINISTER_ACTION, options.before ?? null, options.limit + 1]);
  const page = rows.slice(0, options.limit);
  const parsed = page.map((r) => parseAdministrationPurpose(r.purpose));
  const employeeIds = [...new Set(parsed.map((p) => p.employee).filter((id): id is string => id !== undefined && UUID.test(id)))];
  const teamIds = [...new Set(parsed.map((p) => p.team).filter((id): id is string => id !== undefined && UUID.test(id)))];
  const names = new Map<string, string>();
  if (employeeIds.length > 0) {
    for (const r of await db.query<{ id: string; display_name: string }>(
      'SELECT id, display_name FROM org.employees WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [organisationId, employeeIds])) names.set(r.id, r.display_name);
  }
  if (teamIds.length > 0) {
    for (const r of await db.query<{ id: string; name: string }>(
      'SELECT id, name FROM org.teams WHERE organisation_id = $1 AND id = ANY($2::uuid[])', [organisationId, teamIds])) names.set(r.id, r.name);
  }
  return {
    lines: page.map((r, i) => {
      const p = parsed[i]!;
      return {
        seq: r.seq, at: r.occurred_at.toISOString(), actor: { id: r.employee_id, name: r.display_name, role: r.employee_role },
        act: p.act, outcome: r.outcome,
        subject: p.employee === undefined ? null : { id: p.employee, name: names.get(p.employee) ?? null },
        role: p.role ?? null,
        team: p.team === undefined ? null : { id: p.team, name: names.get(p.team) ?? null },
        route: r.route, citations: r.citations, sessionRecorded: r.session_recorded, address: r.address,
      };
    }),
    nextBefore: rows.length > options.limit ? page[page.length - 1]!.seq : null,
  };
}
