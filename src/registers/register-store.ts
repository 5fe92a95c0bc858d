/**
 * The registers module's store (issue 14: one owner per table): the only file
 * whose SQL names the registers beside the dossier — complaints, incidents and
 * calamities, prospective clients, quality audits with their sample, the
 * records of processing and the incident retention term. The work reaches them
 * through functions bound to the gate's scope (`complaintsOf(scope)`, …), each
 * bound to the caller's organisation, so a service cannot read another
 * organisation's register. The gate asks `complaintAbout`, `incidentAbout` and
 * `auditSampleIncludes` in its own access transaction; the daily sweep and
 * start-up pass their own transaction too.
 */
import type { RecordScope } from '../access/gate-scope.js';
import { countClientsOfOrganisation } from '../clients/client-store.js';
import type { SealedColumn } from '../crypto/sealed-column.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';

/** The complaints', incidents' and prospective clients' contents, sealed under the master key (they outlive a dossier). */
export const REGISTER_CONTENTS: readonly SealedColumn[] = [
  { name: 'complaints', table: 'org.complaints', key: { column: 'id', type: 'uuid' }, column: 'content', place: { column: 'id', aad: (id) => `register:complaint:${id}` } },
  { name: 'incidents', table: 'org.incidents', key: { column: 'id', type: 'uuid' }, column: 'content', place: { column: 'id', aad: (id) => `register:incident:${id}` } },
  {
    name: 'prospective clients', table: 'org.prospective_clients', key: { column: 'id', type: 'uuid' }, column: 'content',
    place: { column: 'id', aad: (id) => `register:prospective-client:${id}` },
  },
];

/** How many of `clientIds` are clients of the scope's organisation: a record names only the organisation's own clients. */
export function countOwnClients(scope: RecordScope, clientIds: readonly string[]): Promise<number> {
  return countClientsOfOrganisation(txOf(scope), scope.actor.organisationId, clientIds);
}

// --- complaints -------------------------------------------------------------

// The vocabularies of the tables' columns; register-service.ts re-exports them for the routes.
export const ComplaintOutcome = ['founded', 'partly-founded', 'unfounded', 'withdrawn', 'settled'] as const;
export type ComplaintOutcome = (typeof ComplaintOutcome)[number];

export interface ComplaintRow {
  id: string; client_id: string | null; received_on: string; content: Buffer;
  closed_on: string | null; outcome: ComplaintOutcome | null; keep_until: string | null;
}

/** The complaints register of the scope's organisation (org.complaints); what is recorded is recorded by the scope's actor, at its time. */
export function complaintsOf(scope: RecordScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    insert: async (complaint: { id: string; clientId: string | null; receivedOn: string; content: Buffer }): Promise<void> => {
      await tx.query(
        `INSERT INTO org.complaints (id, organisation_id, client_id, received_on, content, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [complaint.id, organisationId, complaint.clientId, complaint.receivedOn, complaint.content, scope.actor.employeeId, scope.now]);
    },
    list: (): Promise<ComplaintRow[]> => tx.query<ComplaintRow>(
      'SELECT id, client_id, received_on, content, closed_on, outcome, keep_until FROM org.complaints WHERE organisation_id = $1 ORDER BY received_on DESC, id', [organisationId]),
    /** The complaint, locked until the transaction ends, or undefined when the organisation has none with this id. */
    lock: async (id: string): Promise<{ received_on: string; content: Buffer; closed_on: string | null } | undefined> => {
      const rows = await tx.query<{ received_on: string; content: Buffer; closed_on: string | null }>(
        'SELECT received_on, content, closed_on FROM org.complaints WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [id, organisationId]);
      return rows[0];
    },
    close: async (id: string, closing: { closedOn: string; outcome: ComplaintOutcome; keepUntil: string; content: Buffer }): Promise<void> => {
      await tx.query('UPDATE org.complaints SET closed_on = $2, outcome = $3, keep_until = $4, content = $5 WHERE id = $1 AND organisation_id = $6',
        [id, closing.closedOn, closing.outcome, closing.keepUntil, closing.content, organisationId]);
    },
  };
}

// --- incidents and calamities ----------------------------------------------

export const IncidentKind = ['incident', 'calamity', 'violence'] as const;
export type IncidentKind = (typeof IncidentKind)[number];

export interface IncidentRow {
  id: string; kind: IncidentKind; occurred_on: string; client_ids: string[]; content: Buffer;
  inspectorate_report_required: boolean; reported_to_inspectorate_on: string | null;
}

/** The register of incidents and calamities of the scope's organisation (org.incidents). */
export function incidentsOf(scope: RecordScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    insert: async (incident: {
      id: string; kind: IncidentKind; occurredOn: string; clientIds: readonly string[]; content: Buffer; inspectorateReportRequired: boolean;
    }): Promise<void> => {
      await tx.query(
        `INSERT INTO org.incidents (id, organisation_id, kind, occurred_on, client_ids, content, inspectorate_report_required, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [incident.id, organisationId, incident.kind, incident.occurredOn, incident.clientIds, incident.content, incident.inspectorateReportRequired,
          scope.actor.employeeId, scope.now]);
    },
    list: (): Promise<IncidentRow[]> => tx.query<IncidentRow>(
      `SELECT id, kind, occurred_on, client_ids, content, inspectorate_report_required, reported_to_inspectorate_on
         FROM org.incidents WHERE organisation_id = $1 ORDER BY occurred_on DESC, id`, [organisationId]),
    /** The incident, locked until the transaction ends, or undefined when the organisation has none with this id. */
    lock: async (id: string): Promise<{ occurred_on: string; reported_to_inspectorate_on: string | null } | undefined> => {
      const rows = await tx.query<{ occurred_on: string; reported_to_inspectorate_on: string | null }>(
        'SELECT occurred_on, reported_to_inspectorate_on FROM org.incidents WHERE id = $1 AND organisation_id = $2 FOR UPDATE', [id, organisationId]);
      return rows[0];
    },
    reportedToInspectorate: async (id: string, reportedOn: string): Promise<void> => {
      await tx.query('UPDATE org.incidents SET reported_to_inspectorate_on = $2 WHERE id = $1 AND organisation_id = $3', [id, reportedOn, organisationId]);
    },
  };
}

// --- prospective clients ------------------------------------------------------

export interface ProspectiveClientRow {
  id: string; registered_on: string; content: Buffer; keep_until: string;
}

/** The registrations of prospective clients of the scope's organisation (org.prospective_clients). */
export function prospectiveClientsOf(scope: RecordScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    insert: async (registration: { id: string; registeredOn: string; content: Buffer; keepUntil: string }): Promise<void> => {
      await tx.query(
        'INSERT INTO org.prospective_clients (id, organisation_id, registered_on, content, keep_until, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [registration.id, organisationId, registration.registeredOn, registration.content, registration.keepUntil, scope.actor.employeeId, scope.now]);
    },
    /** Registrations still kept on `today`. */
    keptOn: (today: string): Promise<ProspectiveClientRow[]> => tx.query<ProspectiveClientRow>(
      'SELECT id, registered_on, content, keep_until FROM org.prospective_clients WHERE organisation_id = $1 AND keep_until >= $2 ORDER BY registered_on DESC, id', [organisationId, today]),
  };
}

// --- quality audits -----------------------------------------------------------

export interface QualityAuditRow {
  id: string; subject: string; starts_on: string; ends_on: string; client_ids: string[]; registered_by: string; registered_at: Date;
}

/** The quality audits of the scope's organisation with their sample of clients (org.quality_audits, org.quality_audit_clients). */
export function qualityAuditsOf(scope: RecordScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    insert: async (audit: { id: string; subject: string; startsOn: string; endsOn: string; sample: readonly string[] }): Promise<void> => {
      await tx.query(
        `INSERT INTO org.quality_audits (id, organisation_id, subject, starts_on, ends_on, registered_by, registered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [audit.id, organisationId, audit.subject, audit.startsOn, audit.endsOn, scope.actor.employeeId, scope.now]);
      await tx.query('INSERT INTO org.quality_audit_clients (audit_id, client_id) SELECT $1, unnest($2::uuid[])', [audit.id, audit.sample]);
    },
    list: (): Promise<QualityAuditRow[]> => tx.query<QualityAuditRow>(
      `SELECT a.id, a.subject, a.starts_on, a.ends_on, a.registered_by, a.registered_at,
              ARRAY(SELECT s.client_id FROM org.quality_audit_clients s WHERE s.audit_id = a.id ORDER BY s.client_id) AS client_ids
         FROM org.quality_audits a WHERE a.organisation_id = $1 ORDER BY a.starts_on DESC, a.id LIMIT 500`, [organisationId]),
  };
}

// --- records of processing (AVG 30) -----------------------------------------

export interface ProcessingActivityRow {
  id: string; organisation_id: string | null; name: string; purpose: string; legal_basis: string; data_subjects: string[];
  data_categories: string[]; recipients: string[]; retention: string; security: string;
}

export interface ProcessingActivityFields {
  name: string; purpose: string; legalBasis: string; dataSubjects: string[]; dataCategories: string[]; recipients: string[];
  retention: string; security: string;
}

/** The records of processing the scope's organisation sees: the standard ones (no organisation) and its own (org.processing_activities). */
export function processingActivitiesOf(scope: RecordScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    list: (): Promise<ProcessingActivityRow[]> => tx.query<ProcessingActivityRow>(
      `SELECT id, organisation_id, name, purpose, legal_basis, data_subjects, data_categories, recipients, retention, security
         FROM org.processing_activities WHERE organisation_id IS NULL OR organisation_id = $1
        ORDER BY organisation_id NULLS FIRST, created_at, name`, [organisationId]),
    /** Adds one of the organisation's own; returns its id. */
    insert: async (input: ProcessingActivityFields): Promise<string> => {
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO org.processing_activities (organisation_id, name, purpose, legal_basis, data_subjects, data_categories, recipients, retention, security)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [organisationId, input.name, input.purpose, input.legalBasis, input.dataSubjects, input.dataCategories, input.recipients,
          input.retention, input.security]);
      return rows[0]!.id;
    },
  };
}

// --- the incident retention term ------------------------------------------------

/** The incident retention term of the scope's organisation (org.incident_retention_settings); set by the scope's actor. */
export function incidentRetentionOf(scope: RecordScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    /** The organisation's own term, with its reason; undefined while the default applies. */
    read: async (): Promise<{ incident_years: number; reason: string } | undefined> => {
      const [row] = await tx.query<{ incident_years: number; reason: string }>(
        'SELECT incident_years, reason FROM org.incident_retention_settings WHERE organisation_id = $1', [organisationId]);
      return row;
    },
    /** Sets the organisation's term, with its reason. */
    write: async (years: number, reason: string): Promise<void> => {
      await tx.query(
        `INSERT INTO org.incident_retention_settings (organisation_id, incident_years, reason, set_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id) DO UPDATE
           SET incident_years = EXCLUDED.incident_years, reason = EXCLUDED.reason, set_by = EXCLUDED.set_by, set_at = clock_timestamp()`,
        [organisationId, years, reason, scope.actor.employeeId]);
    },
  };
}

// --- the daily sweep (system work, in its own transaction) ----------------------

/** Deletes the complaints whose last day to keep lies before `today`; returns how many. */
export async function deleteExpiredComplaints(tx: Queryable, today: string): Promise<number> {
  return (await tx.query('DELETE FROM org.complaints WHERE keep_until < $1 RETURNING id', [today])).length;
}

/** Deletes the registrations of prospective clients whose last day to keep lies before `today`; returns how many. */
export async function deleteExpiredProspectiveClients(tx: Queryable, today: string): Promise<number> {
  return (await tx.query('DELETE FROM org.prospective_clients WHERE keep_until < $1 RETURNING id', [today])).length;
}

/** Every organisation's incidents that occurred before `today`, with the organisation's term (null: the default). */
export function incidentsOccurredBefore(tx: Queryable, today: string): Promise<{
  id: string; occurred_on: string; reported_to_inspectorate_on: string | null; inspectorate_report_required: boolean; years: number | null;
}[]> {
  return tx.query(
    `SELECT i.id, i.occurred_on, i.reported_to_inspectorate_on, i.inspectorate_report_required, s.incident_years AS years
       FROM org.incidents i LEFT JOIN org.incident_retention_settings s ON s.organisation_id = i.organisation_id
      WHERE i.occurred_on < $1::date`, [today]);
}

/** Deletes these incidents; returns how many. */
export async function deleteIncidents(tx: Queryable, ids: readonly string[]): Promise<number> {
  return (await tx.query('DELETE FROM org.incidents WHERE id = ANY($1::uuid[]) RETURNING id', [ids])).length;
}

// --- the records a purpose names (asked by the gate, in its access transaction) -----------

/*
 * The records a manager's purpose must name (issue 14: purposes are
 * references): a complaint about the client, an incident or calamity naming
 * the client, a quality-control audit with the client in its sample. Each
 * answers only for a record of the caller's organisation about THIS client.
 */

/** Whether `complaintId` is a complaint in this organisation's register about this client. */
export async function complaintAbout(tx: Queryable, organisationId: string, clientId: string, complaintId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM org.complaints WHERE id = $1 AND organisation_id = $2 AND client_id = $3', [complaintId, organisationId, clientId]);
  return rows.length > 0;
}

/** Whether `incidentId` is an incident or calamity in this organisation's register that names this client. */
export async function incidentAbout(tx: Queryable, organisationId: string, clientId: string, incidentId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM org.incidents WHERE id = $1 AND organisation_id = $2 AND $3::uuid = ANY(client_ids)', [incidentId, organisationId, clientId]);
  return rows.length > 0;
}

/** Whether `auditId` is a registered audit of this organisation, running on `today`, with this client in its sample. */
export async function auditSampleIncludes(tx: Queryable, organisationId: string, clientId: string, auditId: string, today: string): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM org.quality_audits a JOIN org.quality_audit_clients s ON s.audit_id = a.id
      WHERE a.id = $1 AND a.organisation_id = $2 AND s.client_id = $3 AND a.starts_on <= $4 AND a.ends_on >= $4`,
    [auditId, organisationId, clientId, today]);
  return rows.length > 0;
}
