/**
 * The data breach register (AVG 33–34; DOMAIN §6): incident, discovered at,
 * affected clients, risk assessment, the 72-hour deadline for notifying the
 * Autoriteit Persoonsgegevens with the time left, notified or not (with the
 * reason), clients informed or not (with the reason). The privacy officer's
 * register; callers go through the gate's log-review subject, which logs every affected
 * client shown, and works through the breach store bound to that scope. The free texts — what happened, the risk assessment, why the
 * AP was (not) notified, why the clients were (not) informed — are sealed
 * under the master key (migrations 0019 and 0037): they can name children and
 * what was exposed, and the register outlives a destroyed dossier.
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { RecordScope } from '../access/gate-scope.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import type { Queryable } from '../db/database.js';
import { badRequest, notFound } from '../errors.js';
import { notificationDeadline, type NotificationDeadline } from './breach-deadline.js';
import {
  BREACH_RISKS, BREACH_STATUSES, breachesOf, breachesWithTextInClear, storeSealedBreach,
  type BreachPlainRow, type BreachRisk, type BreachRow, type BreachStatus,
} from './breach-store.js';

export { BREACH_RISKS, BREACH_STATUSES, type BreachPlainRow, type BreachRisk, type BreachStatus };

export interface Breach {
  id: string;
  status: BreachStatus;
  description: string;
  discoveredAt: string;
  clientIds: string[];
  /** The affected clients with their names, in the order of `clientIds`. */
  clients: { id: string; name: string }[];
  /** Who registered it (null: the system, for a draft from an emergency review). */
  createdBy: string | null;
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
  const rows = await breachesWithTextInClear(tx, limit);
  for (const r of rows) await storeSealedBreach(tx, r.id, sealLegacyBreach(masterKey, r));
  return rows.length;
}

function toBreach(key: Buffer, row: BreachRow, now: Date): Breach {
  const content = contentOf(key, row);
  return {
    id: row.id, status: row.status, description: content.description, discoveredAt: iso(row.discovered_at)!, clientIds: row.client_ids ?? [],
    clients: (row.client_ids ?? []).map((id, i) => ({ id, name: row.client_names?.[i] ?? '' })), createdBy: row.created_by_name,
    risk: row.risk, riskAssessment: content.riskAssessment,
    apNotification: {
      ...notificationDeadline(new Date(row.discovered_at), now), notified: row.ap_notified, notifiedAt: iso(row.ap_notified_at), reason: content.apReason,
    },
    clientsInformed: { informed: row.clients_informed, informedAt: iso(row.clients_informed_at), reason: content.clientsReason },
    emergencyAccessId: row.emergency_access_id, createdAt: iso(row.created_at)!,
  };
}

function instant(text: string, field: string, now: Date): Date {
  const value = new Date(text);
  if (Number.isNaN(value.getTime())) throw badRequest('invalid-instant', field, 'Dit is geen geldig tijdstip.', 'This is not a valid instant.');
  if (value.getTime() > now.getTime() + 60_000) throw badRequest('future-instant', field, 'Dit tijdstip ligt in de toekomst.', 'This instant lies in the future.');
  return value;
}

async function setClients(scope: RecordScope, breachId: string, clientIds: readonly string[]): Promise<void> {
  const unique = [...new Set(clientIds)];
  const breaches = breachesOf(scope);
  if (await breaches.countOwnClients(unique) !== unique.length) throw badRequest('unknown-client', 'clientIds', 'Een van deze cliënten bestaat niet.', 'One of these clients does not exist.');
  await breaches.replaceClients(breachId, unique);
}

/** A breach of the scope's organisation, as seen at the scope's time. */
export async function readBreach(scope: RecordScope, key: Buffer, id: string): Promise<Breach> {
  const row = await breachesOf(scope).read(id);
  if (row === undefined) throw notFound('Dit datalek bestaat niet.', 'This data breach does not exist.');
  return toBreach(key, row, scope.now);
}

/** The register of the scope's organisation, as seen at the scope's time. */
export async function listBreaches(scope: RecordScope, key: Buffer): Promise<Breach[]> {
  const rows = await breachesOf(scope).list();
  return rows.map((row) => toBreach(key, row, scope.now));
}

/** Registers a breach of the scope's organisation, created by the scope's actor. */
export async function createBreach(scope: RecordScope, key: Buffer, input: BreachInput): Promise<Breach> {
  const discoveredAt = instant(input.discoveredAt, 'discoveredAt', scope.now);
  const id = randomUUID();
  await breachesOf(scope).insert({
    id, content: seal(key, id, { description: input.description, riskAssessment: input.riskAssessment ?? null, apReason: null, clientsReason: null }),
    discoveredAt: discoveredAt.toISOString(), risk: input.risk,
  });
  await setClients(scope, id, input.clientIds);
  return readBreach(scope, key, id);
}

/** Updates a breach of the scope's organisation, as the scope's actor at the scope's time. */
export async function updateBreach(scope: RecordScope, key: Buffer, id: string, patch: BreachPatch): Promise<Breach> {
  const current = await readBreach(scope, key, id);
  const now = scope.now;
  const ap = patch.apNotification;
  if (ap !== undefined && !ap.notified && (ap.reason ?? '').trim() === '') {
    throw badRequest('reason-required', 'apNotification.reason', 'Geef aan waarom het datalek niet bij de Autoriteit Persoonsgegevens is gemeld.', 'Say why the breach was not notified to the AP.');
  }
  const informed = patch.clientsInformed;
  if (informed !== undefined && !informed.informed && (informed.reason ?? '').trim() === '') {
    throw badRequest('reason-required', 'clientsInformed.reason', 'Geef aan waarom de cliënten niet zijn geïnformeerd.', 'Say why the clients were not informed.');
  }
  const apAt = ap?.notified === true ? instant(ap.at ?? now.toISOString(), 'apNotification.at', now).toISOString() : null;
  const informedAt = informed?.informed === true ? instant(informed.at ?? now.toISOString(), 'clientsInformed.at', now).toISOString() : null;
  await breachesOf(scope).update(id, {
    status: patch.status ?? current.status,
    content: seal(key, id, {
      description: patch.description ?? current.description, riskAssessment: patch.riskAssessment ?? current.riskAssessment,
      apReason: ap === undefined ? current.apNotification.reason : ap.reason ?? null,
      clientsReason: informed === undefined ? current.clientsInformed.reason : informed.reason ?? null,
    }),
    risk: patch.risk ?? current.risk,
    apNotified: ap === undefined ? current.apNotification.notified : ap.notified, apNotifiedAt: ap === undefined ? current.apNotification.notifiedAt : apAt,
    clientsInformed: informed === undefined ? current.clientsInformed.informed : informed.informed,
    clientsInformedAt: informed === undefined ? current.clientsInformed.informedAt : informedAt,
  });
  if (patch.clientIds !== undefined) await setClients(scope, id, patch.clientIds);
  return readBreach(scope, key, id);
}
