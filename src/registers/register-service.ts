/**
 * The records beside the dossier: complaints, incidents and calamities,
 * prospective clients, and the records of processing (AVG 30). Free texts are
 * sealed under the master key (see migrations/0014_registers.sql); none of it
 * is written into a care dossier.
 */
import { randomUUID } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { countClientsOfOrganisation } from '../clients/client-store.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import type { Queryable } from '../db/database.js';
import { badRequest, notFound } from '../errors.js';
import { complaintKeepUntil, INCIDENT_YEARS_DEFAULT, incidentKeepUntil, prospectiveClientKeepUntil } from './register-retention.js';

export interface Recorder {
  organisationId: string;
  employeeId: string;
  now: Date;
  today: string;
}

function notInFuture(date: string, today: string, field: string): void {
  if (date > today) throw badRequest('date-in-future', field, 'Deze datum ligt in de toekomst.', 'This date lies in the future.');
}

/** Clients named in a record must be clients of the caller's organisation; others answer as not existing. */
async function assertOwnClients(tx: Queryable, organisationId: string, clientIds: readonly string[]): Promise<void> {
  if (clientIds.length === 0) return;
  if (await countClientsOfOrganisation(tx, organisationId, [...new Set(clientIds)]) !== new Set(clientIds).size) throw notFound('Deze cliënt bestaat niet.', 'No such client.');
}

// --- complaints -------------------------------------------------------------

export const ComplaintOutcome = ['founded', 'partly-founded', 'unfounded', 'withdrawn', 'settled'] as const;
export type ComplaintOutcome = (typeof ComplaintOutcome)[number];

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

export async function recordComplaint(tx: Queryable, key: Buffer, by: Recorder, input: { clientId?: string; receivedOn: string; complainant: string; summary: string }): Promise<string> {
  notInFuture(input.receivedOn, by.today, 'receivedOn');
  await assertOwnClients(tx, by.organisationId, input.clientId === undefined ? [] : [input.clientId]);
  const id = randomUUID();
  const content: ComplaintContent = { complainant: input.complainant, summary: input.summary, resolution: null };
  await tx.query(
    `INSERT INTO org.complaints (id, organisation_id, client_id, received_on, content, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, by.organisationId, input.clientId ?? null, input.receivedOn, encryptJson(key, content, complaintContext(id)), by.employeeId, by.now]);
  return id;
}

export async function listComplaints(tx: Queryable, key: Buffer, organisationId: string): Promise<Complaint[]> {
  const rows = await tx.query<{ id: string; client_id: string | null; received_on: string; content: Buffer; closed_on: string | null; outcome: ComplaintOutcome | null; keep_until: string | null }>(
    'SELECT id, client_id, received_on, content, closed_on, outcome, keep_until FROM org.complaints WHERE organisation_id = $1 ORDER BY received_on DESC, id', [organisationId]);
  return rows.map((r) => {
    const content = decryptJson(key, r.content, complaintContext(r.id), SealedComplaint);
    return { id: r.id, clientId: r.client_id, receivedOn: r.received_on, ...content, closedOn: r.closed_on, outcome: r.outcome, keepUntil: r.keep_until };
  });
}

/** Closes a complaint; from then on it is kept 2 years. */
export async function closeComplaint(tx: Queryable, key: Buffer, by: Recorder, id: string, input: { closedOn: string; outcome: ComplaintOutcome; resolution: string }): Promise<Complaint> {
  notInFuture(input.closedOn, by.today, 'closedOn');
  const rows = await tx.query<{ received_on: string; content: Buffer; closed_on: string | null }>(
    'SELECT received_on, content, closed_on FROM org.complaints WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [id, by.organisationId]);
  const row = rows[0];
  if (row === undefined) throw notFound('Deze klacht bestaat niet.', 'No such complaint.');
  if (row.closed_on !== null) throw badRequest('already-closed', undefined, 'Deze klacht is al afgehandeld.', 'This complaint has already been closed.');
  if (input.closedOn < row.received_on) throw badRequest('closed-before-received', 'closedOn', 'Een klacht kan niet afgehandeld zijn voordat zij binnenkwam.', 'A complaint cannot be closed before it was received.');
  const content = { ...decryptJson(key, row.content, complaintContext(id), SealedComplaint), resolution: input.resolution };
  await tx.query('UPDATE org.complaints SET closed_on = $2, outcome = $3, keep_until = $4, content = $5 WHERE id = $1',
    [id, input.closedOn, input.outcome, complaintKeepUntil(input.closedOn), encryptJson(key, content, complaintContext(id))]);
  const [complaint] = (await listComplaints(tx, key, by.organisationId)).filter((c) => c.id === id);
  return complaint!;
}

// --- incidents and calamities ----------------------------------------------

export const IncidentKind = ['incident', 'calamity', 'violence'] as const;
export type IncidentKind = (typeof IncidentKind)[number];

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

export async function recordIncident(tx: Queryable, key: Buffer, by: Recorder, input: { kind: IncidentKind; occurredOn: string; clientIds: string[]; description: string; measures?: string }): Promise<string> {
  notInFuture(input.occurredOn, by.today, 'occurredOn');
  await assertOwnClients(tx, by.organisationId, input.clientIds);
  const id = randomUUID();
  const content: IncidentContent = { description: input.description, measures: input.measures ?? null };
  await tx.query(
    `INSERT INTO org.incidents (id, organisation_id, kind, occurred_on, client_ids, content, inspectorate_report_required, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, by.organisationId, input.kind, input.occurredOn, [...new Set(input.clientIds)], encryptJson(key, content, incidentContext(id)), inspectorateReportRequired(input.kind), by.employeeId, by.now]);
  return id;
}

export async function listIncidents(tx: Queryable, key: Buffer, organisationId: string): Promise<Incident[]> {
  const rows = await tx.query<{ id: string; kind: IncidentKind; occurred_on: string; client_ids: string[]; content: Buffer; inspectorate_report_required: boolean; reported_to_inspectorate_on: string | null }>(
    `SELECT id, kind, occurred_on, client_ids, content, inspectorate_report_required, reported_to_inspectorate_on
       FROM org.incidents WHERE organisation_id = $1 ORDER BY occurred_on DESC, id`, [organisationId]);
  return rows.map((r) => ({
    id: r.id, kind: r.kind, occurredOn: r.occurred_on, clientIds: r.client_ids,
    ...decryptJson(key, r.content, incidentContext(r.id), SealedIncident),
    inspectorateReportRequired: r.inspectorate_report_required, reportedToInspectorateOn: r.reported_to_inspectorate_on,
    inspectorateReportPending: r.inspectorate_report_required && r.reported_to_inspectorate_on === null,
  }));
}

export async function recordInspectorateReport(tx: Queryable, key: Buffer, by: Recorder, id: string, reportedOn: string): Promise<Incident> {
  notInFuture(reportedOn, by.today, 'reportedOn');
  const rows = await tx.query<{ occurred_on: string; reported_to_inspectorate_on: string | null }>(
    'SELECT occurred_on, reported_to_inspectorate_on FROM org.incidents WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [id, by.organisationId]);
  const row = rows[0];
  if (row === undefined) throw notFound('Dit incident bestaat niet.', 'No such incident.');
  if (row.reported_to_inspectorate_on !== null) throw badRequest('already-reported', undefined, 'De melding aan de inspectie is al vastgelegd.', 'The report to the inspectorate has already been recorded.');
  if (reportedOn < row.occurred_on) throw badRequest('reported-before-occurred', 'reportedOn', 'Een melding kan niet eerder zijn dan het incident.', 'A report cannot precede the incident.');
  await tx.query('UPDATE org.incidents SET reported_to_inspectorate_on = $2 WHERE id = $1', [id, reportedOn]);
  return (await listIncidents(tx, key, by.organisationId)).find((i) => i.id === id)!;
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

export async function recordProspectiveClient(tx: Queryable, key: Buffer, by: Recorder, input: { registeredOn: string; name: string; contact: string; question: string }): Promise<string> {
  notInFuture(input.registeredOn, by.today, 'registeredOn');
  const id = randomUUID();
  const content: ProspectiveContent = { name: input.name, contact: input.contact, question: input.question };
  await tx.query(
    'INSERT INTO org.prospective_clients (id, organisation_id, registered_on, content, keep_until, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [id, by.organisationId, input.registeredOn, encryptJson(key, content, prospectiveContext(id)), prospectiveClientKeepUntil(input.registeredOn), by.employeeId, by.now]);
  return id;
}

/** Registrations still within their retention period. */
export async function listProspectiveClients(tx: Queryable, key: Buffer, organisationId: string, today: string): Promise<ProspectiveClient[]> {
  const rows = await tx.query<{ id: string; registered_on: string; content: Buffer; keep_until: string }>(
    'SELECT id, registered_on, content, keep_until FROM org.prospective_clients WHERE organisation_id = $1 AND keep_until >= $2 ORDER BY registered_on DESC, id', [organisationId, today]);
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
  const complaints = await tx.query('DELETE FROM org.complaints WHERE keep_until < $1 RETURNING id', [today]);
  const prospective = await tx.query('DELETE FROM org.prospective_clients WHERE keep_until < $1 RETURNING id', [today]);
  const candidates = await tx.query<{
    id: string; occurred_on: string; reported_to_inspectorate_on: string | null; inspectorate_report_required: boolean; years: number | null;
  }>(
    `SELECT i.id, i.occurred_on, i.reported_to_inspectorate_on, i.inspectorate_report_required, s.incident_years AS years
       FROM org.incidents i LEFT JOIN org.incident_retention_settings s ON s.organisation_id = i.organisation_id
      WHERE i.occurred_on < $1::date`, [today]);
  const expired = candidates.filter((i) => {
    const until = incidentKeepUntil({
      occurredOn: i.occurred_on, reportedOn: i.reported_to_inspectorate_on, reportRequired: i.inspectorate_report_required,
      years: i.years ?? INCIDENT_YEARS_DEFAULT,
    });
    return until !== null && until < today;
  }).map((i) => i.id);
  const incidents = expired.length === 0 ? [] : await tx.query('DELETE FROM org.incidents WHERE id = ANY($1::uuid[]) RETURNING id', [expired]);
  return { complaints: complaints.length, incidents: incidents.length, prospectiveClients: prospective.length };
}

export interface IncidentRetention {
  years: number;
  /** The organisation's reason, or null while the default applies. */
  reason: string | null;
  defaultYears: number;
}

/** The organisation's retention term for incidents and calamities (default `INCIDENT_YEARS_DEFAULT`). */
export async function readIncidentRetention(tx: Queryable, organisationId: string): Promise<IncidentRetention> {
  const [row] = await tx.query<{ incident_years: number; reason: string }>('SELECT incident_years, reason FROM org.incident_retention_settings WHERE organisation_id = $1', [organisationId]);
  return { years: row?.incident_years ?? INCIDENT_YEARS_DEFAULT, reason: row?.reason ?? null, defaultYears: INCIDENT_YEARS_DEFAULT };
}

export async function writeIncidentRetention(tx: Queryable, input: {
  organisationId: string; years: number; reason: string; setBy: string;
}): Promise<IncidentRetention> {
  await tx.query(
    `INSERT INTO org.incident_retention_settings (organisation_id, incident_years, reason, set_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (organisation_id) DO UPDATE
       SET incident_years = EXCLUDED.incident_years, reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, set_at = clock_timestamp()`,
    [input.organisationId, input.years, input.reason, input.setBy]);
  return readIncidentRetention(tx, input.organisationId);
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

export async function listProcessingActivities(tx: Queryable, organisationId: string): Promise<ProcessingActivity[]> {
  const rows = await tx.query<{
    id: string; organisation_id: string | null; name: string; purpose: string; legal_basis: string; data_subjects: string[];
    data_categories: string[]; recipients: string[]; retention: string; security: string;
  }>(`SELECT id, organisation_id, name, purpose, legal_basis, data_subjects, data_categories, recipients, retention, security
        FROM org.processing_activities WHERE organisation_id IS NULL OR organisation_id = $1
       ORDER BY organisation_id NULLS FIRST, created_at, name`, [organisationId]);
  return rows.map((r) => ({
    id: r.id, standard: r.organisation_id === null, name: r.name, purpose: r.purpose, legalBasis: r.legal_basis, dataSubjects: r.data_subjects,
    dataCategories: r.data_categories, recipients: r.recipients, retention: r.retention, security: r.security,
  }));
}

export async function addProcessingActivity(tx: Queryable, organisationId: string, input: Omit<ProcessingActivity, 'id' | 'standard'>): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO org.processing_activities (organisation_id, name, purpose, legal_basis, data_subjects, data_categories, recipients, retention, security)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [organisationId, input.name, input.purpose, input.legalBasis, input.dataSubjects, input.dataCategories, input.recipients, input.retention, input.security]);
  return rows[0]!.id;
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
  tx: Queryable, by: Recorder, input: { subject: string; startsOn: string; endsOn: string; clientIds: readonly string[] },
): Promise<string> {
  if (input.endsOn < input.startsOn) throw badRequest('ends-before-start', 'endsOn', 'De controle kan niet eindigen voordat zij begint.', 'The audit cannot end before it starts.');
  const sample = [...new Set(input.clientIds.map((c) => c.toLowerCase()))];
  await assertOwnClients(tx, by.organisationId, sample);
  const id = randomUUID();
  await tx.query(
    `INSERT INTO org.quality_audits (id, organisation_id, subject, starts_on, ends_on, registered_by, registered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, by.organisationId, input.subject, input.startsOn, input.endsOn, by.employeeId, by.now]);
  await tx.query('INSERT INTO org.quality_audit_clients (audit_id, client_id) SELECT $1, unnest($2::uuid[])', [id, sample]);
  return id;
}

export async function listQualityAudits(tx: Queryable, organisationId: string): Promise<QualityAudit[]> {
  const rows = await tx.query<{ id: string; subject: string; starts_on: string; ends_on: string; client_ids: string[]; registered_by: string; registered_at: Date }>(
    `SELECT a.id, a.subject, a.starts_on, a.ends_on, a.registered_by, a.registered_at,
            ARRAY(SELECT s.client_id FROM org.quality_audit_clients s WHERE s.audit_id = a.id ORDER BY s.client_id) AS client_ids
       FROM org.quality_audits a WHERE a.organisation_id = $1 ORDER BY a.starts_on DESC, a.id LIMIT 500`, [organisationId]);
  return rows.map((r) => ({
    id: r.id, subject: r.subject, startsOn: r.starts_on, endsOn: r.ends_on, clientIds: r.client_ids, registeredBy: r.registered_by, registeredAt: r.registered_at.toISOString(),
  }));
}
