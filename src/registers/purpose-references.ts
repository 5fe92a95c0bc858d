/**
 * The records a manager's purpose must name (issue 14: purposes are
 * references): a complaint about the client, an incident or calamity naming
 * the client, a quality-control audit with the client in its sample. Asked by
 * the access layer inside the access transaction; each answers only for a
 * record of the caller's organisation about THIS client.
 */
import type { Queryable } from '../db/database.js';

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
