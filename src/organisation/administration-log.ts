/**
 * The privacy officer's view of the administration acts in the hash-chained
 * access log (NEN 7513; NEN 7510-2 A.12.4.3): creating or resetting an
 * account, changing a role, asking, approving or refusing a privileged role,
 * disabling, enabling, team changes and an employee completing their own
 * enrolment, and the refused attempts. The gate writes these rows
 * (access/gate-administration.ts), one per act, in the act's transaction; the
 * vocabulary of acts is administration-acts.ts.
 */
import type { Queryable } from '../db/database.js';
import { ADMINISTER_ACTION, parseAdministrationPurpose } from './administration-acts.js';

export {
  ADMINISTER_ACTION, ADMINISTER_PART, AdministrationAct, administrationPurpose, parseAdministrationPurpose, type AdministrationDetails,
} from './administration-acts.js';
export { logAdministration, type AdministrationActor } from '../access/gate-administration.js';

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
 * the administration subject of the gate wrote), newest first,
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
