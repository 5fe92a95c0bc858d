/**
 * What the access log shows people (DOMAIN §2; NEN 7513; 003 §4): per client,
 * who saw the dossier, when and why; for the privacy officer, the viewings
 * that need a look — access without relation, emergency accesses awaiting
 * review, employees opening many dossiers outside their caseload in a day,
 * and dossiers opened by many employees in a day (the HagaZiekenhuis pattern,
 * where 85 employees viewed one patient's record). These make such viewings
 * visible, not only possible to reconstruct. And the privacy officer's view
 * of the administration acts (NEN 7510-2 A.12.4.3), which the gate writes to
 * the same log (access/gate-administration.ts).
 *
 * The log is this module's table; who the employees and clients are comes
 * from their owners' projections (`EMPLOYEES`, `CLIENTS`), joined in the same
 * query.
 */
import { CLIENTS } from '../clients/client-store.js';
import type { Queryable } from '../db/database.js';
import { unreviewedEmergencyAccesses } from '../emergency/emergency-store.js';
import { ADMINISTER_ACTION, parseAdministrationPurpose } from '../organisation/administration-acts.js';
import { EMPLOYEES, employeeNames, teamNames } from '../organisation/employee-store.js';
import type { ClientScope } from './client-access.js';

export interface AccessLogLine {
  seq: string;
  at: string;
  employee: { id: string | null; name: string | null; role: string | null };
  /** NEN 7513: the responsible user on whose behalf the employee acted (an intern's holder; the professional admin staff named). */
  actingFor: { id: string; name: string | null; role: string | null } | null;
  action: string;
  part: string;
  outcome: string;
  basis: string;
  purpose: string | null;
  /** As the row holds them: the catalogue's (rules/citations.ts) since it exists, other text in older rows of the immutable log. */
  citations: string[];
  entryCount: number;
  /** Whether the access came with a session (the log keeps a short non-secret id of it, not shown here). */
  sessionRecorded: boolean;
  /** The network address the request came from. */
  address: string | null;
}

interface LogRow {
  seq: string;
  occurred_at: Date;
  employee_id: string | null;
  display_name: string | null;
  employee_role: string | null;
  acting_for_id: string | null;
  acting_for_name: string | null;
  acting_for_role: string | null;
  action: string;
  part: string;
  outcome: string;
  basis: string;
  purpose: string | null;
  citations: string[];
  entry_count: number;
  session_recorded: boolean;
  address: string | null;
}

/** Who saw this client's data, newest first, paged by `before` (a seq). */
export async function whoSawClient(scope: ClientScope, options: { limit: number; before?: string }): Promise<{ lines: AccessLogLine[]; nextBefore: string | null }> {
  const rows = await scope.tx.query<LogRow>(
    `SELECT l.seq, l.occurred_at, l.employee_id, e.display_name, l.employee_role, l.action, l.part, l.outcome, l.basis, l.purpose,
            l.citations, cardinality(l.entry_ids) AS entry_count, l.session_id IS NOT NULL AS session_recorded, l.address,
            l.acting_for_id, a.display_name AS acting_for_name, a.role AS acting_for_role
       FROM audit.access_log l LEFT JOIN ${EMPLOYEES} e ON e.id = l.employee_id LEFT JOIN ${EMPLOYEES} a ON a.id = l.acting_for_id
      WHERE l.client_id = $1 AND l.organisation_id = $2 AND ($3::bigint IS NULL OR l.seq < $3::bigint)
      ORDER BY l.seq DESC LIMIT $4`,
    [scope.client.id, scope.client.organisationId, options.before ?? null, options.limit + 1]);
  const page = rows.slice(0, options.limit);
  return {
    lines: page.map((r) => ({
      seq: r.seq, at: r.occurred_at.toISOString(), employee: { id: r.employee_id, name: r.display_name, role: r.employee_role },
      actingFor: r.acting_for_id === null ? null : { id: r.acting_for_id, name: r.acting_for_name, role: r.acting_for_role },
      action: r.action, part: r.part, outcome: r.outcome, basis: r.basis, purpose: r.purpose, citations: r.citations, entryCount: r.entry_count,
      sessionRecorded: r.session_recorded, address: r.address,
    })),
    nextBefore: rows.length > options.limit ? page[page.length - 1]!.seq : null,
  };
}

export interface UnusualAccessReport {
  day: string;
  thresholds: { outsideCaseloadPerDay: number; employeesPerDossierPerDay: number };
  /** Access attempts and accesses without a care relation (basis none or emergency). */
  withoutRelation: { employee: { id: string; name: string }; client: ClientRef; at: string; outcome: string; basis: string }[];
  emergencyAwaitingReview: { id: string; employee: { id: string; name: string }; client: ClientRef; startedAt: string }[];
  employeesOutsideCaseload: { employee: { id: string; name: string }; dossiers: number }[];
  dossiersManyEmployees: { client: ClientRef; employees: number }[];
}

interface ClientRef {
  id: string;
  name: string;
}

/** The unusual-access report of one Dutch calendar day for an organisation. */
export async function unusualAccess(
  tx: Queryable, organisationId: string, day: string, thresholds: UnusualAccessReport['thresholds'],
): Promise<UnusualAccessReport> {
  // The day in Dutch time, whatever the server's zone.
  const window = `l.organisation_id = $1 AND l.occurred_at >= ($2::date::timestamp AT TIME ZONE 'Europe/Amsterdam')
                  AND l.occurred_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam') AND l.client_id IS NOT NULL`;
  const clientName = 'c.given_names || \' \' || c.family_name';
  const withoutRelation = await tx.query<{ employee_id: string; employee_name: string; client_id: string; client_name: string; occurred_at: Date; outcome: string; basis: string }>(
    `SELECT l.employee_id, e.display_name AS employee_name, l.client_id, ${clientName} AS client_name, l.occurred_at, l.outcome, l.basis
       FROM audit.access_log l JOIN ${EMPLOYEES} e ON e.id = l.employee_id JOIN ${CLIENTS} c ON c.id = l.client_id
      WHERE ${window} AND l.action IN ('read', 'record') AND l.basis IN ('none', 'emergency') AND l.outcome <> 'not-found'
      ORDER BY l.occurred_at LIMIT 1000`, [organisationId, day]);
  const emergency = await unreviewedEmergencyAccesses(tx, organisationId);
  const outside = await tx.query<{ employee_id: string; employee_name: string; dossiers: number }>(
    `SELECT l.employee_id, e.display_name AS employee_name, count(DISTINCT l.client_id)::int AS dossiers
       FROM audit.access_log l JOIN ${EMPLOYEES} e ON e.id = l.employee_id
      WHERE ${window} AND l.action IN ('read', 'record') AND l.basis NOT IN ('care-relation', 'administrative-task') AND l.outcome <> 'not-found'
      GROUP BY l.employee_id, e.display_name HAVING count(DISTINCT l.client_id) > $3
      ORDER BY dossiers DESC`, [organisationId, day, thresholds.outsideCaseloadPerDay]);
  const many = await tx.query<{ client_id: string; client_name: string; employees: number }>(
    `SELECT l.client_id, min(${clientName}) AS client_name, count(DISTINCT l.employee_id)::int AS employees
       FROM audit.access_log l JOIN ${CLIENTS} c ON c.id = l.client_id
      WHERE ${window} AND l.action IN ('read', 'record') AND l.outcome = 'allowed'
      GROUP BY l.client_id HAVING count(DISTINCT l.employee_id) > $3
      ORDER BY employees DESC`, [organisationId, day, thresholds.employeesPerDossierPerDay]);
  return {
    day, thresholds,
    withoutRelation: withoutRelation.map((r) => ({
      employee: { id: r.employee_id, name: r.employee_name }, client: { id: r.client_id, name: r.client_name },
      at: r.occurred_at.toISOString(), outcome: r.outcome, basis: r.basis,
    })),
    emergencyAwaitingReview: emergency.map((r) => ({ id: r.id, employee: { id: r.employee_id, name: r.employee_name }, client: { id: r.client_id, name: r.client_name }, startedAt: r.started_at.toISOString() })),
    employeesOutsideCaseload: outside.map((r) => ({ employee: { id: r.employee_id, name: r.employee_name }, dossiers: r.dossiers })),
    dossiersManyEmployees: many.map((r) => ({ client: { id: r.client_id, name: r.client_name }, employees: r.employees })),
  };
}

/** Every client the report names, for the access log. */
export function clientsInReport(report: UnusualAccessReport): string[] {
  return [
    ...report.withoutRelation.map((r) => r.client.id),
    ...report.emergencyAwaitingReview.map((r) => r.client.id),
    ...report.dossiersManyEmployees.map((r) => r.client.id),
  ];
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

interface AdministrationRow {
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
  const rows = await db.query<AdministrationRow>(
    `SELECT l.seq, l.occurred_at, l.employee_id, e.display_name, l.employee_role, l.outcome, l.purpose, l.route, l.citations,
            l.session_id IS NOT NULL AS session_recorded, l.address
       FROM audit.access_log l LEFT JOIN ${EMPLOYEES} e ON e.id = l.employee_id
      WHERE l.organisation_id = $1 AND l.client_id IS NULL AND l.action = $2 AND ($3::bigint IS NULL OR l.seq < $3::bigint)
      ORDER BY l.seq DESC LIMIT $4`,
    [organisationId, ADMINISTER_ACTION, options.before ?? null, options.limit + 1]);
  const page = rows.slice(0, options.limit);
  const parsed = page.map((r) => parseAdministrationPurpose(r.purpose));
  const employeeIds = [...new Set(parsed.map((p) => p.employee).filter((id): id is string => id !== undefined && UUID.test(id)))];
  const teamIds = [...new Set(parsed.map((p) => p.team).filter((id): id is string => id !== undefined && UUID.test(id)))];
  const names = new Map([...await employeeNames(db, organisationId, employeeIds), ...await teamNames(db, organisationId, teamIds)]);
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
