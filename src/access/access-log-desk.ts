/**
 * The privacy officer's desk (issue 15 item 8; NEN 7513 §7; AVG 39(1)(b)): a
 * client's access log found by the client's name, narrowed by employee, days,
 * outcome and basis, and grouped per session — one line for what an employee
 * did in one log-in on this dossier, instead of one per API call — and the
 * same lines as a spreadsheet (CSV or XLSX) with Dutch column heads, Dutch
 * labels for every code and dates in words.
 *
 * The rows come from the log's store (access-log-store.ts), bound to the
 * gate's scope; this module shapes and renders them.
 */
import ExcelJS from 'exceljs';
import { spreadsheetText } from '../exports/portability-xlsx.js';
import { ACCESS_BASES, ACCESS_LOG_ACTIONS, ACCESS_LOG_PARTS, ACCESS_LOG_PURPOSES, ACCESS_OUTCOMES, label, momentInWords, ROLES } from '../shared/labels.js';
import { clientLogDeskOf, clientsByNameOf, type ClientLogFilter } from './access-log-store.js';
import type { ClientScope, RecordScope } from './gate-scope.js';

/** At most this many sessions in one answer or export; `truncated` says there were more. */
export const DESK_SESSION_LIMIT = 1000;

/** One session of one employee on the dossier: what they did, when, on which basis and with which outcome. */
export interface AccessSession {
  /** The first and last log row of the session (seq). */
  firstSeq: string;
  lastSeq: string;
  startedAt: string;
  endedAt: string;
  employee: { id: string | null; name: string | null; role: string | null };
  /** NEN 7513: on whose behalf (an intern's holder; the professional admin staff named). */
  actingFor: string | null;
  /** False: a row without a session (a command, a job), which stands alone. */
  sessionRecorded: boolean;
  calls: number;
  entries: number;
  actions: string[];
  parts: string[];
  outcomes: string[];
  bases: string[];
  purposes: string[];
  addresses: string[];
  /** Whether anything in the session was refused or not found. */
  refused: boolean;
  /** Whether the session read by emergency access. */
  emergency: boolean;
}

export interface AccessSessions {
  client: { id: string; name: string };
  employees: { id: string; name: string; role: string }[];
  sessions: AccessSession[];
  truncated: boolean;
}

/** The client's log, filtered and grouped per session, newest first, with the employees to filter on. */
export async function accessSessions(scope: ClientScope, filter: ClientLogFilter): Promise<AccessSessions> {
  const desk = clientLogDeskOf(scope);
  const rows = await desk.sessions(filter, DESK_SESSION_LIMIT + 1);
  const employees = await desk.employees();
  const name = await desk.clientName();
  return {
    client: { id: scope.client.id, name },
    employees: employees.map((e) => ({ id: e.id, name: e.display_name, role: e.role })),
    sessions: rows.slice(0, DESK_SESSION_LIMIT).map((r) => ({
      firstSeq: r.first_seq, lastSeq: r.last_seq, startedAt: r.started_at.toISOString(), endedAt: r.ended_at.toISOString(),
      employee: { id: r.employee_id, name: r.display_name, role: r.employee_role }, actingFor: r.acting_for_name,
      sessionRecorded: r.session_recorded, calls: r.calls, entries: r.entries,
      actions: [...r.actions].sort(), parts: [...r.parts].sort(), outcomes: [...r.outcomes].sort(), bases: [...r.bases].sort(),
      purposes: [...r.purposes].sort(), addresses: [...r.addresses].sort(),
      refused: r.outcomes.some((o) => o !== 'allowed'), emergency: r.bases.includes('emergency'),
    })),
    truncated: rows.length > DESK_SESSION_LIMIT,
  };
}

/** Clients of the organisation whose name holds `text`, for the privacy officer to choose a log (at most 20). */
export async function clientsByName(scope: RecordScope, text: string): Promise<{ id: string; name: string; birthYear: number }[]> {
  const rows = await clientsByNameOf(scope)(text, 20);
  scope.concerns(rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, name: r.name, birthYear: Number(r.birth_date.slice(0, 4)) }));
}

const labels = (table: Readonly<Record<string, string>>, codes: readonly string[]): string => codes.map((c) => label(table, c)).join(', ');

/** The Dutch column heads of the export, in order. */
export const EXPORT_HEADS = [
  'Begin', 'Einde', 'Medewerker', 'Functie', 'Namens', 'Wat', 'Deel van het dossier', 'Uitkomst', 'Grondslag', 'Doel',
  'Aantal handelingen', 'Aantal dossierregels', 'Sessie', 'Netwerkadres',
] as const;

/** One session as the export's cells: every code as its Dutch label, every moment in words. */
export function exportCells(s: AccessSession): string[] {
  return [
    momentInWords(s.startedAt), momentInWords(s.endedAt), s.employee.name ?? 'Onbekend', s.employee.role === null ? '' : label(ROLES, s.employee.role),
    s.actingFor ?? '', labels(ACCESS_LOG_ACTIONS, s.actions), labels(ACCESS_LOG_PARTS, s.parts), labels(ACCESS_OUTCOMES, s.outcomes), labels(ACCESS_BASES, s.bases),
    labels(ACCESS_LOG_PURPOSES, s.purposes), String(s.calls), String(s.entries), s.sessionRecorded ? 'Ja' : 'Nee, losse handeling', s.addresses.join(', '),
  ];
}

/** A CSV cell: quoted when needed, and never a formula (the same guard as the XLSX). */
function csvCell(value: string): string {
  const safe = spreadsheetText(value);
  return /[";\n\r,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The sessions as CSV for a Dutch spreadsheet program: semicolons between cells (Excel's Dutch list separator),
 * a byte-order mark so the accents survive, a title line naming the client and the filter.
 */
export function sessionsCsv(answer: AccessSessions, title: string): string {
  const lines = [[title], [...EXPORT_HEADS], ...answer.sessions.map(exportCells)];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** The sessions as an XLSX workbook: one sheet, a title row, bold Dutch heads, text cells guarded against formulas. */
export async function sessionsXlsx(answer: AccessSessions, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Dossierwijzer';
  const ws = book.addWorksheet('Toegangslog');
  ws.addRow([spreadsheetText(title)]).font = { bold: true, size: 13 };
  ws.addRow([...EXPORT_HEADS]).font = { bold: true };
  for (const s of answer.sessions) ws.addRow(exportCells(s).map((c) => spreadsheetText(c)));
  ws.columns.forEach((column, i) => {
    column.width = i < 2 ? 30 : 22;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The export's title line: whose log, which filter, when made. */
export function exportTitle(answer: AccessSessions, filter: ClientLogFilter, now: Date): string {
  const parts = [`Toegangslog van ${answer.client.name}`];
  if (filter.employeeId !== undefined) parts.push(`medewerker ${answer.employees.find((e) => e.id === filter.employeeId)?.name ?? 'onbekend'}`);
  if (filter.from !== undefined) parts.push(`vanaf ${momentInWords(filter.from)}`);
  if (filter.to !== undefined) parts.push(`tot en met ${momentInWords(filter.to)}`);
  if (filter.outcome !== undefined) parts.push(`uitkomst ${label(ACCESS_OUTCOMES, filter.outcome).toLowerCase()}`);
  if (filter.basis !== undefined) parts.push(`grondslag ${label(ACCESS_BASES, filter.basis).toLowerCase()}`);
  parts.push(`gemaakt op ${momentInWords(now)}`);
  return parts.join(', ');
}
