/**
 * The data breach register (AVG 33–34; DOMAIN §6): incident, discovered at,
 * affected clients, risk assessment, the 72-hour deadline for notifying the
 * Autoriteit Persoonsgegevens with the time left, notified or not (with the
 * reason), clients informed or not (with the reason). The privacy officer's
 * register; callers go through the gate's log-review subject, which logs every affected
 * client shown. The free texts — what happened, the risk assessment, why the
 * AP was (not) notified, why the clients were (not) informed — are sealed
 * under the master key (migrations 0019 and 0037): they can name children and
 * what was exposed, and the register outlives a destroyed dossier.
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import { countClientsOfOrganisation } from '../clients/client-store.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import type { Queryable } from '../db/database.js';
import { badRequest, notFound } from '../errors.js';
import { notificationDeadline, type NotificationDeadline } from './breach-deadline.js';

export const BREACH_RISKS = ['not-assessed', 'unlikely', 'risk', 'high-risk'] as const;
export type BreachRisk = (typeof BREACH_RISKS)[number];
export const BREACH_STATUSES = ['draft', 'open', 'closed'] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];

export interface Breach {
  id: string;
  status: BreachStatus;
  description: string;
  discoveredAt: string;
  clientIds: string[];
  risk: BreachRisk;
  riskAssessment: string | null;
  apNotification: NotificationDeadline & { notified: boolean | null; notifiedAt: string | null; reason: string | null };
  clientsInformed: { informed: boolean | null; informedAt: string | null; reason: string | null };
  emergencyAccessId: string | null;
  createdAt: string;
}

export interface BreachInput {
  description: string;
  discoveredAt: string;
  clientIds: string[];
  risk: BreachRisk;
  riskAssessment?: string | undefined;
}

export interface BreachPatch {
  status?: BreachStatus | undefined;
  description?: string | undefined;
  clientIds?: string[] | undefined;
  risk?: BreachRisk | undefined;
  riskAssessment?: string | undefined;
  apNotification?: { notified: boolean; at?: string | undefined; reason?: string | undefined } | undefined;
  clientsInformed?: { informed: boolean; at?: string | undefined; reason?: string | undefined } | undefined;
}

interface BreachContent {
  description: string;
  riskAssessment: string | null;
  /** Since 0037; content sealed before has them in the plaintext columns until start-up seals them. */
  apReason?: string | null;
  clientsReason?: string | null;
}

const context = (id: string) => `data-breach:${id}`;
/** What a breach seals, as read: the texts may be absent in content sealed by an older version (`contentOf` completes them). */
const OptionalText = Type.Optional(Type.Union([Type.String(), Type.Null()]));
const SealedBreach = Type.Object({ description: Type.String(), riskAssessment: OptionalText, apReason: OptionalText, clientsReason: OptionalText });
const seal = (key: Buffer, id: string, content: BreachContent): Buffer => encryptJson(key, content, context(id));

interface BreachRow {
  content: Buffer | null;
  id: string; status: BreachStatus; description: string | null; discovered_at: Date | string; risk: BreachRisk; risk_assessment: string | null;
  ap_notified: boolean | null; ap_notified_at: Date | string | null; ap_reason: string | null;
  clients_informed: boolean | null; clients_informed_at: Date | string | null; clients_reason: string | null;
  emergency_access_id: string | null; created_at: Date | string; client_ids: string[] | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** The texts of a row: the sealed content, completed by what is still in clear (a row from before sealing, a system-made draft). */
function contentOf(key: Buffer, row: BreachPlainRow): Required<BreachContent> {
  const sealed = row.content === null ? undefined : decryptJson(key, row.content, context(row.id), SealedBreach);
  return {
    description: sealed?.description ?? row.description ?? '',
    riskAssessment: sealed?.riskAssessment ?? row.risk_assessment,
    apReason: sealed?.apReason ?? row.ap_reason,
    clientsReason: sealed?.clientsReason ?? row.clients_reason,
  };
}

/** What a breach row may still hold in clear (written before 0019 or 0037, or a system-made draft). */
export interface BreachPlainRow {
  id: string; content: Buffer | null; description: string | null; risk_assessment: string | null; ap_reason: string | null; clients_reason: string | null;
}

/** All texts of a row sealed under the master key, for start-up sealing (`sealLegacyFreeText`); the caller empties the plaintext columns. */
export function sealLegacyBreach(key: Buffer, row: BreachPlainRow): Buffer {
  return seal(key, row.id, contentOf(key, row));
}

/**
 * Seals up to `limit` breaches that still hold text in clear (written before 0019 or 0037, or a system-made
 * draft) under the master key and empties the plaintext, locking each row (start-up, `sealLegacyFreeText`).
 * Returns how many it sealed.
 */
export async function sealLegacyBreaches(tx: Queryable, masterKey: Buffer, limit: number): Promise<number> {
  const rows = await tx.query<BreachPlainRow>(
    `SELECT id, content, description, risk_assessment, ap_reason, clients_reason FROM org.data_breaches
      WHERE ap_reason IS NOT NULL OR clients_reason IS NOT NULL OR risk_assessment IS NOT NULL OR content IS NULL
      LIMIT ${limit} FOR UPDATE`);
  for (const r of rows) {
    await tx.query('UPDATE org.data_breaches SET content = $2, description = NULL, risk_assessment = NULL, ap_reason = NULL, clients_reason = NULL WHERE id = $1',
      [r.id, sealLegacyBreach(masterKey, r)]);
  }
  return rows.length;
}

function toBreach(key: Buffer, row: BreachRow, now: Date): Breach {
  const content = contentOf(key, row);
  return {
    id: row.id, status: row.status, description: content.description, discoveredAt: iso(row.discovered_at)!, clientIds: row.client_ids ?? [],
    risk: row.risk, riskAssessment: content.riskAssessment,
    apNotification: {
      ...notificationDeadline(new Date(row.discovered_at), now), notified: row.ap_notified, notifiedAt: iso(row.ap_notified_at), reason: content.apReason,
    },
    clientsInformed: { informed: row.clients_informed, informedAt: iso(row.clients_informed_at), reason: content.clientsReason },
    emergencyAccessId: row.emergency_access_id, createdAt: iso(row.created_at)!,
  };
}

const SELECT = `SELECT b.*, (SELECT array_agg(c.client_id ORDER BY c.client_id) FROM org.data_breach_clients c WHERE c.breach_id = b.id) AS client_ids
  FROM org.data_breaches b`;

function instant(text: string, field: string, now: Date): Date {
  const value = new Date(text);
  if (Number.isNaN(value.getTime())) throw badRequest('invalid-instant', field, 'Dit is geen geldig tijdstip.', 'This is not a valid instant.');
  if (value.getTime() > now.getTime() + 60_000) throw badRequest('future-instant', field, 'Dit tijdstip ligt in de toekomst.', 'This instant lies in the future.');
  return value;
}

async function setClients(tx: Queryable, organisationId: string, breachId: string, clientIds: readonly string[]): Promise<void> {
  const unique = [...new Set(clientIds)];
  if (await countClientsOfOrganisation(tx, organisationId, unique) !== unique.length) throw badRequest('unknown-client', 'clientIds', 'Een van deze cliënten bestaat niet.', 'One of these clients does not exist.');
  await tx.query('DELETE FROM org.data_breach_clients WHERE breach_id = $1', [breachId]);
  if (unique.length > 0) await tx.query('INSERT INTO org.data_breach_clients (breach_id, client_id) SELECT $1, unnest($2::uuid[])', [breachId, unique]);
}

export async function readBreach(tx: Queryable, key: Buffer, organisationId: string, id: string, now: Date): Promise<Breach> {
  const [row] = await tx.query<BreachRow>(`${SELECT} WHERE b.id = $1 AND b.organisation_id = $2`, [id, organisationId]);
  if (row === undefined) throw notFound('Dit datalek bestaat niet.', 'This data breach does not exist.');
  return toBreach(key, row, now);
}

export async function listBreaches(tx: Queryable, key: Buffer, organisationId: string, now: Date): Promise<Breach[]> {
  const rows = await tx.query<BreachRow>(`${SELECT} WHERE b.organisation_id = $1 ORDER BY b.discovered_at DESC, b.id LIMIT 1000`, [organisationId]);
  return rows.map((row) => toBreach(key, row, now));
}

export async function createBreach(tx: Queryable, key: Buffer, input: BreachInput & { organisationId: string; createdBy: string; now: Date }): Promise<Breach> {
  const discoveredAt = instant(input.discoveredAt, 'discoveredAt', input.now);
  const id = randomUUID();
  await tx.query(
    `INSERT INTO org.data_breaches (id, organisation_id, status, content, discovered_at, risk, created_by)
     VALUES ($1, $2, 'open', $3, $4, $5, $6)`,
    [id, input.organisationId, seal(key, id, { description: input.description, riskAssessment: input.riskAssessment ?? null, apReason: null, clientsReason: null }), discoveredAt.toISOString(), input.risk, input.createdBy]);
  await setClients(tx, input.organisationId, id, input.clientIds);
  return readBreach(tx, key, input.organisationId, id, input.now);
}

export async function updateBreach(tx: Queryable, key: Buffer, input: {
  id: string; organisationId: string; updatedBy: string; now: Date; patch: BreachPatch;
}): Promise<Breach> {
  const current = await readBreach(tx, key, input.organisationId, input.id, input.now);
  const { patch } = input;
  const ap = patch.apNotification;
  if (ap !== undefined && !ap.notified && (ap.reason ?? '').trim() === '') {
    throw badRequest('reason-required', 'apNotification.reason', 'Geef aan waarom het datalek niet bij de Autoriteit Persoonsgegevens is gemeld.', 'Say why the breach was not notified to the AP.');
  }
  const informed = patch.clientsInformed;
  if (informed !== undefined && !informed.informed && (informed.reason ?? '').trim() === '') {
    throw badRequest('reason-required', 'clientsInformed.reason', 'Geef aan waarom de cliënten niet zijn geïnformeerd.', 'Say why the clients were not informed.');
  }
  const apAt = ap?.notified === true ? instant(ap.at ?? input.now.toISOString(), 'apNotification.at', input.now).toISOString() : null;
  const informedAt = informed?.informed === true ? instant(informed.at ?? input.now.toISOString(), 'clientsInformed.at', input.now).toISOString() : null;
  await tx.query(
    `UPDATE org.data_breaches SET
        status = $3, content = $4, description = NULL, risk = $5, risk_assessment = NULL,
        ap_notified = $6, ap_notified_at = $7, ap_reason = NULL,
        clients_informed = $8, clients_informed_at = $9, clients_reason = NULL,
        updated_by = $10, updated_at = $11
      WHERE id = $1 AND organisation_id = $2`,
    [input.id, input.organisationId, patch.status ?? current.status,
      seal(key, input.id, {
        description: patch.description ?? current.description, riskAssessment: patch.riskAssessment ?? current.riskAssessment,
        apReason: ap === undefined ? current.apNotification.reason : ap.reason ?? null,
        clientsReason: informed === undefined ? current.clientsInformed.reason : informed.reason ?? null,
      }),
      patch.risk ?? current.risk,
      ap === undefined ? current.apNotification.notified : ap.notified, ap === undefined ? current.apNotification.notifiedAt : apAt,
      informed === undefined ? current.clientsInformed.informed : informed.informed, informed === undefined ? current.clientsInformed.informedAt : informedAt,
      input.updatedBy, input.now.toISOString()]);
  if (patch.clientIds !== undefined) await setClients(tx, input.organisationId, input.id, patch.clientIds);
  return readBreach(tx, key, input.organisationId, input.id, input.now);
}

/**
 * An emergency access the privacy officer judged unjustified is an access
 * without ground: a candidate data breach. Opens a draft naming the client and
 * the emergency access, discovered at the moment of the judgement (AVG 33(1):
 * the 72 hours run from becoming aware). Idempotent per emergency access.
 */
export async function openDraftBreachForEmergency(tx: Queryable, input: {
  emergencyAccessId: string; organisationId: string; clientId: string; reviewerId: string; now: Date;
}): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO org.data_breaches (organisation_id, status, description, discovered_at, risk, created_by, emergency_access_id)
     VALUES ($1, 'draft', $2, $3, 'not-assessed', $4, $5)
     ON CONFLICT (emergency_access_id) DO UPDATE SET emergency_access_id = EXCLUDED.emergency_access_id
     RETURNING id`,
    [input.organisationId, 'Noodtoegang tot een dossier is door de privacyfunctionaris als onterecht beoordeeld (concept: beoordeel het risico en de meldplicht).',
      input.now.toISOString(), input.reviewerId, input.emergencyAccessId]);
  await tx.query('INSERT INTO org.data_breach_clients (breach_id, client_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [row!.id, input.clientId]);
  return row!.id;
}
