/**
 * The breaches module's store (issue 14: one owner per table): the only file
 * whose SQL names the data breach register (`org.data_breaches`,
 * `org.data_breach_clients`). The privacy officer's work reaches it through
 * `breachesOf(scope)`, bound to the gate's record scope (the caller's
 * organisation, recorded by the caller at the scope's time); the emergency
 * review opens a draft through `openDraftBreachForEmergencyIn(scope, …)`;
 * start-up sealing passes its own transaction.
 */
import type { RecordScope } from '../access/gate-scope.js';
import { CLIENTS, countClientsOfOrganisation } from '../clients/client-store.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import type { SealedColumn } from '../crypto/sealed-column.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';

/** A data breach's content, sealed under the master key (the register outlives the dossiers it names). */
export const BREACH_CONTENTS: SealedColumn = {
  name: 'data breaches', table: 'org.data_breaches', key: { column: 'id', type: 'uuid' }, column: 'content', place: { column: 'id', aad: (id) => `data-breach:${id}` },
};

// The vocabularies of the table's columns; breach-service.ts re-exports them for the routes.
export const BREACH_RISKS = ['not-assessed', 'unlikely', 'risk', 'high-risk'] as const;
export type BreachRisk = (typeof BREACH_RISKS)[number];
export const BREACH_STATUSES = ['draft', 'open', 'closed'] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];

/** What a breach row may still hold in clear (written before 0019 or 0037, or a system-made draft). */
export interface BreachPlainRow {
  id: string; content: Buffer | null; description: string | null; risk_assessment: string | null; ap_reason: string | null; clients_reason: string | null;
}

/** A breach as the register reads it, with its affected clients. */
export interface BreachRow extends BreachPlainRow {
  status: BreachStatus; discovered_at: Date | string; risk: BreachRisk;
  ap_notified: boolean | null; ap_notified_at: Date | string | null;
  clients_informed: boolean | null; clients_informed_at: Date | string | null;
  emergency_access_id: string | null; created_at: Date | string; client_ids: string[] | null;
  client_names: string[] | null; created_by_name: string | null;
}

// The affected clients' and the registering employee's names (issue 15 item 8: names in the register, not ids).
const SELECT = `SELECT b.*, (SELECT array_agg(c.client_id ORDER BY c.client_id) FROM org.data_breach_clients c WHERE c.breach_id = b.id) AS client_ids,
  (SELECT array_agg(n.given_names || ' ' || n.family_name ORDER BY c.client_id)
     FROM org.data_breach_clients c JOIN ${CLIENTS} n ON n.id = c.client_id WHERE c.breach_id = b.id) AS client_names,
  (SELECT e.display_name FROM ${EMPLOYEES} e WHERE e.id = b.created_by) AS created_by_name
  FROM org.data_breaches b`;

/** What an update writes: every column the privacy officer changes, the texts sealed in `content` (the plaintext columns are emptied). */
export interface BreachUpdate {
  status: BreachStatus; content: Buffer; risk: BreachRisk;
  apNotified: boolean | null; apNotifiedAt: string | null; clientsInformed: boolean | null; clientsInformedAt: string | null;
}

/** The data breach register of the scope's organisation (org.data_breaches, org.data_breach_clients). */
export function breachesOf(scope: RecordScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    /** The breach, or undefined when the organisation has none with this id. */
    read: async (id: string): Promise<BreachRow | undefined> => {
      const [row] = await tx.query<BreachRow>(`${SELECT} WHERE b.id = $1 AND b.organisation_id = $2`, [id, organisationId]);
      return row;
    },
    list: (): Promise<BreachRow[]> => tx.query<BreachRow>(`${SELECT} WHERE b.organisation_id = $1 ORDER BY b.discovered_at DESC, b.id LIMIT 1000`, [organisationId]),
    /** Registers an open breach, created by the scope's actor. */
    insert: async (breach: { id: string; content: Buffer; discoveredAt: string; risk: BreachRisk }): Promise<void> => {
      await tx.query(
        `INSERT INTO org.data_breaches (id, organisation_id, status, content, discovered_at, risk, created_by)
         VALUES ($1, $2, 'open', $3, $4, $5, $6)`,
        [breach.id, organisationId, breach.content, breach.discoveredAt, breach.risk, scope.actor.employeeId]);
    },
    /** Writes the breach as updated by the scope's actor at the scope's time. */
    update: async (id: string, update: BreachUpdate): Promise<void> => {
      await tx.query(
        `UPDATE org.data_breaches SET
            status = $3, content = $4, description = NULL, risk = $5, risk_assessment = NULL,
            ap_notified = $6, ap_notified_at = $7, ap_reason = NULL,
            clients_informed = $8, clients_informed_at = $9, clients_reason = NULL,
            updated_by = $10, updated_at = $11
          WHERE id = $1 AND organisation_id = $2`,
        [id, organisationId, update.status, update.content, update.risk, update.apNotified, update.apNotifiedAt,
          update.clientsInformed, update.clientsInformedAt, scope.actor.employeeId, scope.now.toISOString()]);
    },
    /** How many of `clientIds` are clients of the scope's organisation: a breach names only the organisation's own clients. */
    countOwnClients: (clientIds: readonly string[]): Promise<number> => countClientsOfOrganisation(tx, organisationId, clientIds),
    /** Replaces the breach's affected clients (the caller checked they are the organisation's own). */
    replaceClients: async (breachId: string, clientIds: readonly string[]): Promise<void> => {
      await tx.query('DELETE FROM org.data_breach_clients WHERE breach_id = $1', [breachId]);
      if (clientIds.length > 0) await tx.query('INSERT INTO org.data_breach_clients (breach_id, client_id) SELECT $1, unnest($2::uuid[])', [breachId, clientIds]);
    },
  };
}

/**
 * An emergency access the reviewer (the scope's employee) judged unjustified, at the scope's time: a candidate
 * data breach of the reviewer's organisation, opened as a draft naming the client and the access (AVG 33(1): the
 * 72 hours run from becoming aware). Idempotent per emergency access.
 */
export async function openDraftBreachForEmergencyIn(scope: RecordScope, input: { emergencyAccessId: string; clientId: string }): Promise<string> {
  const tx = txOf(scope);
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO org.data_breaches (organisation_id, status, description, discovered_at, risk, created_by, emergency_access_id)
     VALUES ($1, 'draft', $2, $3, 'not-assessed', $4, $5)
     ON CONFLICT (emergency_access_id) DO UPDATE SET emergency_access_id = EXCLUDED.emergency_access_id
     RETURNING id`,
    [scope.actor.organisationId, 'Noodtoegang tot een dossier is door de privacyfunctionaris als onterecht beoordeeld (concept: beoordeel het risico en de meldplicht).',
      scope.now.toISOString(), scope.actor.employeeId, input.emergencyAccessId]);
  await tx.query('INSERT INTO org.data_breach_clients (breach_id, client_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [row!.id, input.clientId]);
  return row!.id;
}

// --- start-up sealing (system work, in its own transaction) -------------------------

/** Up to `limit` breaches that still hold text in clear (or have no sealed content yet), locked until the transaction ends. */
export function breachesWithTextInClear(tx: Queryable, limit: number): Promise<BreachPlainRow[]> {
  return tx.query<BreachPlainRow>(
    `SELECT id, content, description, risk_assessment, ap_reason, clients_reason FROM org.data_breaches
      WHERE ap_reason IS NOT NULL OR clients_reason IS NOT NULL OR risk_assessment IS NOT NULL OR content IS NULL
      LIMIT ${limit} FOR UPDATE`);
}

/** Stores a breach's texts sealed in `content` and empties the plaintext columns. */
export async function storeSealedBreach(tx: Queryable, id: string, content: Buffer): Promise<void> {
  await tx.query('UPDATE org.data_breaches SET content = $2, description = NULL, risk_assessment = NULL, ap_reason = NULL, clients_reason = NULL WHERE id = $1',
    [id, content]);
}
