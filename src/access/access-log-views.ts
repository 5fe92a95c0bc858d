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
 * The rows come from the log's store (access-log-store.ts), bound to the
 * gate's scope; this module shapes them for the routes.
 */
import { parseAdministrationPurpose } from '../organisation/administration-acts.js';
import { administrationLogOf, clientLogOf, organisationLogOf } from './access-log-store.js';
import type { ClientScope, RecordScope } from './gate-scope.js';

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

/** Who saw this client's data, newest first, paged by `before` (a seq). */
export async function whoSawClient(scope: ClientScope, options: { limit: number; before?: string }): Promise<{ lines: AccessLogLine[]; nextBefore: string | null }> {
  const rows = await clientLogOf(scope).page(options.limit + 1, options.before);
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

/** The unusual-access report of one Dutch calendar day for the log-review scope's organisation. */
export async function unusualAccess(scope: RecordScope, day: string, thresholds: UnusualAccessReport['thresholds']): Promise<UnusualAccessReport> {
  const log = organisationLogOf(scope);
  const withoutRelation = await log.withoutRelation(day);
  const emergency = await log.emergencyAwaitingReview();
  const outside = await log.outsideCaseload(day, thresholds.outsideCaseloadPerDay);
  const many = await log.manyEmployees(day, thresholds.employeesPerDossierPerDay);
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
  /** A changed organisation setting (`change-setting`): its code and the value before and after, as the row holds them. */
  setting: { name: string; from: string | null; to: string | null } | null;
  /** Who ran the set-up command at the console (`by=` of the set-up's rows); null for every other row. */
  operator: string | null;
  route: string;
  citations: string[];
  sessionRecorded: boolean;
  address: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Every administration row of the log-review scope's organisation (the acts, and the refusals the
 * administration subject of the gate wrote), newest first, paged by `before` (a seq).
 */
export async function administrationLog(
  scope: RecordScope, options: { limit: number; before?: string },
): Promise<{ lines: AdministrationLogLine[]; nextBefore: string | null }> {
  const log = administrationLogOf(scope);
  const rows = await log.page(options.limit + 1, options.before);
  const page = rows.slice(0, options.limit);
  const parsed = page.map((r) => parseAdministrationPurpose(r.purpose));
  const employeeIds = [...new Set(parsed.map((p) => p.employee).filter((id): id is string => id !== undefined && UUID.test(id)))];
  const teamIds = [...new Set(parsed.map((p) => p.team).filter((id): id is string => id !== undefined && UUID.test(id)))];
  const names = await log.names(employeeIds, teamIds);
  return {
    lines: page.map((r, i) => {
      const p = parsed[i]!;
      return {
        seq: r.seq, at: r.occurred_at.toISOString(), actor: { id: r.employee_id, name: r.display_name, role: r.employee_role },
        act: p.act, outcome: r.outcome,
        subject: p.employee === undefined ? null : { id: p.employee, name: names.get(p.employee) ?? null },
        role: p.role ?? null,
        team: p.team === undefined ? null : { id: p.team, name: names.get(p.team) ?? null },
        setting: p.setting === undefined ? null : { name: p.setting, from: p.from ?? null, to: p.to ?? null },
        operator: p.operator ?? null,
        route: r.route, citations: r.citations, sessionRecorded: r.session_recorded, address: r.address,
      };
    }),
    nextBefore: rows.length > options.limit ? page[page.length - 1]!.seq : null,
  };
}
