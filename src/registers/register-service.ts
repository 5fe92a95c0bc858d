/**
 * The records beside the dossier: complaints, incidents and calamities,
 * prospective clients, and the records of processing (AVG 30). Free texts are
 * sealed under the master key (see migrations/0014_registers.sql); none of it
 * is written into a care dossier. Every function works in the register scope
 * the gate decided (the caller's organisation, recorded by the caller, at the
 * scope's time) through the register store bound to it.
 */
import { randomUUID } from 'node:crypto';
import { Type, type Static } from 'typebox';
import type { RecordScope } from '../access/gate-scope.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import type { Queryable } from '../db/database.js';
import { badRequest, notFound } from '../errors.js';
import { calendarDate } from '../shared/calendar-date.js';
import { complaintKeepUntil, INCIDENT_YEARS_DEFAULT, incidentKeepUntil, prospectiveClientKeepUntil } from './register-retention.js';
import {
  complaintsOf, ComplaintOutcome, countOwnClients, deleteExpiredComplaints, deleteExpiredProspectiveClients, deleteIncidents, IncidentKind, incidentRetentionOf,
  incidentsOccurredBefore, incidentsOf, processingActivitiesOf, prospectiveClientsOf, qualityAuditsOf, type ProcessingActivityFields,
} from './register-store.js';

export { ComplaintOutcome, IncidentKind };

/** A date recorded in a register may not lie after the scope's day. */
function notInFuture(scope: RecordScope, date: string, field: string): void {
  if (date > calendarDate(scope.now)) throw badRequest('date-in-future', field, 'Deze datum ligt in de toekomst.', 'This date lies in the future.');
}

/** Clients named in a record must be clients of the caller's organisation; others answer as not existing. */
async function assertOwnClients(scope: RecordScope, clientIds: readonly string[]): Promise<void> {
  if (clientIds.length === 0) return;
  if (await countOwnClients(scope, [...new Set(clientIds)]) !== new Set(clientIds).size) throw notFound('Deze cliënt bestaat niet.', 'No such client.');
}

// --- complaints -------------------------------------------------------------

export interface Complaint {
  id: string;
  clientId: string | null;
  receivedOn: string;
  complainant: string;
  summary: string;
  closedOn: string | null;
  outcome: ComplaintOutcome | null;
  resolution: string | null;
  keepUntil: string | null;
}

/** What a complaint seals. */
const SealedComplaint = Type.Object({ complainant: Type.String(), summary: Type.String(), resolution: Type.Union([Type.String(), Type.Null()]) });
type ComplaintContent = Static<typeof SealedComplaint>;

const complaintContext = (id: string) => `register:complaint:${id}`;

export async function recordComplaint(
  scope: RecordScope, key: Buffer, input: { clientId?: string; receivedOn: string; complainant: string; summary: string },
): Promise<string> {
  notInFuture(scope, input.receivedOn, 'receivedOn');
  await assertOwnClients(scope, input.clientId === undefined ? [] : [input.clientId]);
  const id = randomUUID();
  const content: ComplaintContent = { complainant: input.complainant, summary: input.summary, resolution: null };
  await complaintsOf(scope).insert({
    id, clientId: input.clientId ?? null, receivedOn: input.receivedOn, content: encryptJson(key, content, complaintContext(id)),
  });
  return id;
}

export async function listComplaints(scope: RecordScope, key: Buffer): Promise<Complaint[]> {
  const rows = await complaintsOf(scope).list();
  return rows.map((r) => {
    const content = decryptJson(key, r.content, complaintContext(r.id), SealedComplaint);
    return { id: r.id, clientId: r.client_id, receivedOn: r.received_on, ...content, closedOn: r.closed_on, outcome: r.outcome, keepUntil: r.keep_until };
  });
}

/** Closes a complaint; from then on it is kept 2 years. */
export async function closeComplaint(
  scope: RecordScope, key: Buffer, id: string, input: { closedOn: string; outcome: ComplaintOutcome; resolution: string },
): Promise<Complaint> {
  notInFuture(scope, input.closedOn, 'closedOn');
  const complaints = complaintsOf(scope);
  const row = await complaints.lock(id);
  if (row === undefined) throw notFound('Deze klacht bestaat niet.', 'No such complaint.');
  if (row.closed_on !== null) throw badRequest('already-closed', undefined, 'Deze klacht is al afgehandeld.', 'This complaint has already been closed.');
  if (input.closedOn < row.received_on) throw badRequest('closed-before-received', 'closedOn', 'Een klacht kan niet afgehandeld zijn voordat zij binnenkwam.', 'A complaint cannot be closed before it was received.');
  const content = { ...decryptJson(key, row.content, complaintContext(id), SealedComplaint), resolution: input.resolution };
  await complaints.close(id, {
    closedOn: input.closedOn, outcome: input.outcome, keepUntil: complaintKeepUntil(input.closedOn), content: encryptJson(key, content, complaintContext(id)),
  });
  const [complaint] = (await listComplaints(scope, key)).filter((c) => c.id === id);
  return complaint!;
}

// --- incidents and calamities ----------------------------------------------

export interface Incident {
  id: string;
  kind: IncidentKind;
  occurredOn: string;
  clientIds: string[];
  description: string;
  measures: string | null;
  /** Jeugdwet 4.1.8: calamities and violence in the care relationship are reported to the inspectorate without delay. */
  inspectorateReportRequired: boolean;
  reportedToInspectorateOn: string | null;
  inspectorateReportPending: boolean;
}

/** What an incident seals. */
const SealedIncident = Type.Object({ description: Type.String(), measures: Type.Union([Type.String(), Type.Null()]) });
type IncidentContent = Static<typeof SealedIncident>;

const incidentContext = (id: string) => `register:incident:${id}`;

/** Jeugdwet 4.1.8 lid 1: a calamity, and violence in the care relationship, must be reported. */
export function inspectorateReportRequired(kind: IncidentKind): boolean {
  return kind === 'calamity' || kind === 'violence';
}

export async function recordIncident(
  scope: RecordScope, key: Buffer, input: { kind: IncidentKind; occurredOn: string; clientIds: string[]; description: string; measures?: string },
): Promise<string> {
  notInFuture(scope, input.occurredOn, 'occurredOn');
  await assertOwnClients(scope, input.clientIds);
  const id = randomUUID();
  const content: IncidentContent = { description: input.description, measures: input.measures ?? null };
  await incidentsOf(scope).insert({
    id, kind: input.kind, occurredOn: input.occurredOn, clientIds: [...new Set(input.clientIds)], content: encryptJson(key, content, incidentContext(id)),
    inspectorateReportRequired: inspectorateReportRequired(input.kind),
  });
  return id;
}

export async function listIncidents(scope: RecordScope, key: Buffer): Promise<Incident[]> {
  const rows = await incidentsOf(scope).list();
  return rows.map((r) => ({
    id: r.id, kind: r.kind, occurredOn: r.occurred_on, clientIds: r.client_ids,
    ...decryptJson(key, r.content, incidentContext(r.id), SealedIncident),
    inspectorateReportRequired: r.inspectorate_report_required, reportedToInspectorateOn: r.reported_to_inspectorate_on,
    inspectorateReportPending: r.inspectorate_report_required && r.reported_to_inspectorate_on === null,
  }));
}

export async function recordInspectorateReport(scope: RecordScope, key: Buffer, id: string, reportedOn: string): Promise<Incident> {
  notInFuture(scope, reportedOn, 'reportedOn');
  const incidents = incidentsOf(scope);
  const row = await incidents.lock(id);
  if (row === undefined) throw notFound('Dit incident bestaat niet.', 'No such incident.');
  if (row.reported_to_inspectorate_on !== null) throw badRequest('already-reported', undefined, 'De melding aan de inspectie is al vastgelegd.', 'The report to the inspectorate has already been recorded.');
  if (reportedOn < row.occurred_on) throw badRequest('reported-before-occurred', 'reportedOn', 'Een melding kan niet eerder zijn dan het incident.', 'A report cannot precede the incident.');
  await incidents.reportedToInspectorate(id, reportedOn);
  return (await listIncidents(scope, key)).find((i) => i.id === id)!;
}

// --- prospective clients ------------------------------------------------------

export interface ProspectiveClient {
  id: string;
  registeredOn: string;
  name: string;
  contact: string;
  question: string;
  keepUntil: string;
}

/** What a prospective client's registration seals. */
const SealedProspective = Type.Object({ name: Type.String(), contact: Type.String(), question: Type.String() });
type ProspectiveContent = Static<typeof SealedProspective>;

const prospectiveContext = (id: string) => `register:prospective-client:${id}`;

export async function recordProspectiveClient(
  scope: RecordScope, key: Buffer, input: { registeredOn: string; name: string; contact: string; question: string },
): Promise<string> {
  notInFuture(scope, input.registeredOn, 'registeredOn');
  const id = randomUUID();
  const content: ProspectiveContent = { name: input.name, contact: input.contact, question: input.question };
  await prospectiveClientsOf(scope).insert({
    id, registeredOn: input.registeredOn, content: encryptJson(key, content, prospectiveContext(id)), keepUntil: prospectiveClientKeepUntil(input.registeredOn),
  });
  return id;
}

/** Registrations still within their retention period on the scope's day. */
export async function listProspectiveClients(scope: RecordScope, key: Buffer): Promise<ProspectiveClient[]> {
  const rows = await prospectiveClientsOf(scope).keptOn(calendarDate(scope.now));
  return rows.map((r) => ({ id: r.id, registeredOn: r.registered_on, ...decryptJson(key, r.content, prospectiveContext(r.id), SealedProspective), keepUntil: r.keep_until }));
}

// --- retention ----------------------------------------------------------------

/**
 * Deletes complaints, incidents and registrations whose retention has ended
 * (the last day to keep lies before today). Incidents are few; each is judged
 * by `incidentKeepUntil` with its organisation's term.
 */
export async function purgeExpiredRegisterRecords(tx: Queryable, today: string): Promise<{
  complaints: number; incidents: number; prospectiveClients: number;
}> {
  const complaints = await deleteExpiredComplaints(tx, today);
  const prospectiveClients = await deleteExpiredProspectiveClients(tx, today);
  const candidates = await incidentsOccurredBefore(tx, today);
  const expired = candidates.filter((i) => {
    const until = incidentKeepUntil({
      occurredOn: i.occurred_on, reportedOn: i.reported_to_inspectorate_on, reportRequired: i.inspectorate_report_required,
      years: i.years ?? INCIDENT_YEARS_DEFAULT,
    });
    return until !== null && until < today;
  }).map((i) => i.id);
  const incidents = expired.length === 0 ? 0 : await deleteIncidents(tx, expired);
  return { complaints, incidents, prospectiveClients };
}

export interface IncidentRetention {
  years: number;
  /** The organisation's reason, or null while the default applies. */
  reason: string | null;
  defaultYears: number;
}

/** The retention term for incidents and calamities of the scope's organisation (default `INCIDENT_YEARS_DEFAULT`). */
export async function incidentRetention(scope: RecordScope): Promise<IncidentRetention> {
  const row = await incidentRetentionOf(scope).read();
  return { years: row?.incident_years ?? INCIDENT_YEARS_DEFAULT, reason: row?.reason ?? null, defaultYears: INCIDENT_YEARS_DEFAULT };
}

/** Sets the scope's organisation's retention term for incidents and calamities, with its reason, as the scope's actor. */
export async function setIncidentRetention(scope: RecordScope, input: { years: number; reason: string }): Promise<IncidentRetention> {
  await incidentRetentionOf(scope).write(input.years, input.reason);
  return incidentRetention(scope);
}

// --- records of processing (AVG 30) -----------------------------------------

export interface ProcessingActivity {
  id: string;
  standard: boolean;
  name: string;
  purpose: string;
  legalBasis: string;
  dataSubjects: string[];
  dataCategories: string[];
  recipients: string[];
  retention: string;
  security: string;
}

export async function listProcessingActivities(scope: RecordScope): Promise<ProcessingActivity[]> {
  const rows = await processingActivitiesOf(scope).list();
  return rows.map((r) => ({
    id: r.id, standard: r.organisation_id === null, name: r.name, purpose: r.purpose, legalBasis: r.legal_basis, dataSubjects: r.data_subjects,
    dataCategories: r.data_categories, recipients: r.recipients, retention: r.retention, security: r.security,
  }));
}

export async function addProcessingActivity(scope: RecordScope, input: ProcessingActivityFields): Promise<string> {
  return processingActivitiesOf(scope).insert(input);
}

// --- quality audits (kwaliteitscontrole via een steekproef) -----------------

export interface QualityAudit {
  id: string;
  subject: string;
  startsOn: string;
  endsOn: string;
  clientIds: string[];
  registeredBy: string;
  registeredAt: string;
}

/**
 * Registers a quality audit with its sample of clients (DOMAIN §2: quality
 * control "by sample"): afterwards a manager may read exactly these dossiers
 * for it, from `startsOn` to `endsOn`, naming the audit's id as the purpose's
 * reference. Written once; a larger sample is a new audit.
 */
export async function recordQualityAudit(
  scope: RecordScope, input: { subject: string; startsOn: string; endsOn: string; clientIds: readonly string[] },
): Promise<string> {
  if (input.endsOn < input.startsOn) throw badRequest('ends-before-start', 'endsOn', 'De controle kan niet eindigen voordat zij begint.', 'The audit cannot end before it starts.');
  const sample = [...new Set(input.clientIds.map((c) => c.toLowerCase()))];
  await assertOwnClients(scope, sample);
  const id = randomUUID();
  await qualityAuditsOf(scope).insert({ id, subject: input.subject, startsOn: input.startsOn, endsOn: input.endsOn, sample });
  return id;
}

export async function listQualityAudits(scope: RecordScope): Promise<QualityAudit[]> {
  const rows = await qualityAuditsOf(scope).list();
  return rows.map((r) => ({
    id: r.id, subject: r.subject, startsOn: r.starts_on, endsOn: r.ends_on, clientIds: r.client_ids, registeredBy: r.registered_by, registeredAt: r.registered_at.toISOString(),
  }));
}
