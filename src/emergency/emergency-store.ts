/**
 * The emergency module's store of `org.emergency_accesses` and
 * `care.emergency_summaries` (issue 14: one owner per table): the two steps of
 * breaking the glass that the gate runs inside its access transaction, the
 * emergency summary bound to the gate's client scope, the review queue bound
 * to the privacy officer's (or manager's) record scope, and what the other
 * modules read.
 */
import { randomUUID } from 'node:crypto';
import type { ClientScope, EmergencyStep, RecordScope } from '../access/gate-scope.js';
import { CLIENTS } from '../clients/client-store.js';
import { clientDataKey } from '../crypto/client-keys.js';
import { encryptJson } from '../crypto/envelope.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';
import { notFound } from '../errors.js';
import type { EmployeeRole } from '../organisation/employee-roles.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import type { LegacyTextColumn } from '../retention/legacy-text-columns.js';
import type { ReviewQueue } from './emergency-policy.js';

/** The privacy officer's review note, in clear before migration 0033, sealed under the client's key at start-up. */
export const EMERGENCY_REVIEW_NOTE: LegacyTextColumn = {
  table: 'org.emergency_accesses', id: 'id', column: 'review_note', ciphertext: 'review_note_ciphertext', kind: 'emergencyReview',
};

/**
 * SQL expression: whether the employee holds an emergency access to the client that is confirmed, started and not
 * expired at `at` — for the access path, which loads it beside the client's row in the same round trip. The
 * arguments are SQL expressions (a column or a `$n` parameter).
 */
export function emergencyAccessOpen(clientId: string, employeeId: string, at: string): string {
  return `EXISTS (SELECT 1 FROM org.emergency_accesses g
                     WHERE g.client_id = ${clientId} AND g.employee_id = ${employeeId} AND g.started_at <= ${at} AND g.expires_at > ${at}
                       AND g.confirmed_at IS NOT NULL)`;
}

export interface UnreviewedEmergencyAccess {
  id: string; employee_id: string; employee_name: string; client_id: string; client_name: string; started_at: Date;
}

/** The organisation's emergency accesses the privacy officer has not reviewed yet, oldest first (at most 1000), with who and whom. */
export async function unreviewedEmergencyAccesses(tx: Queryable, organisationId: string): Promise<UnreviewedEmergencyAccess[]> {
  return tx.query<UnreviewedEmergencyAccess>(
    `SELECT g.id, g.employee_id, e.display_name AS employee_name, g.client_id, c.given_names || ' ' || c.family_name AS client_name, g.started_at
       FROM org.emergency_accesses g JOIN ${EMPLOYEES} e ON e.id = g.employee_id JOIN ${CLIENTS} c ON c.id = g.client_id
      WHERE g.organisation_id = $1 AND g.reviewed_at IS NULL ORDER BY g.started_at LIMIT 1000`, [organisationId]);
}

// ---------------------------------------------------------------- breaking the glass (the gate's steps)

/** Who breaks the glass, and why: the request's actor and the reason given. */
export interface GrantRequest {
  organisationId: string; employeeId: string; employeeRole: EmployeeRole; reason: string; now: Date; minutes: number;
}

export interface RecordedGrant { id: string; expiresAt: Date }

/** Records the grant for `employeeId` inside the access transaction; returns its id and end. */
async function recordEmergencyGrant(tx: Queryable, masterKey: Buffer, grant: GrantRequest & { clientId: string }): Promise<RecordedGrant> {
  const id = randomUUID();
  const key = await clientDataKey(tx, masterKey, grant.clientId);
  const expiresAt = new Date(grant.now.getTime() + grant.minutes * 60_000);
  await tx.query(
    `INSERT INTO org.emergency_accesses (id, organisation_id, client_id, employee_id, employee_role, reason_ciphertext, started_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, grant.organisationId, grant.clientId, grant.employeeId, grant.employeeRole, encryptJson(key, { reason: grant.reason }, `emergency:${id}`), grant.now, expiresAt]);
  return { id, expiresAt };
}

/**
 * Break the glass, step 1, for the gate to run after the engine allowed it, in the access transaction on the
 * client it decided: records the grant (its reason sealed under the client's key) and tells `recorded`.
 */
export function emergencyOpening(masterKey: Buffer, grant: GrantRequest, recorded: (grant: RecordedGrant) => void): EmergencyStep {
  return {
    kind: 'open',
    record: async (tx, clientId) => {
      recorded(await recordEmergencyGrant(tx, masterKey, { ...grant, clientId }));
    },
  };
}

export interface ConfirmedGrant { id: string; expiresAt: Date; confirmedAt: Date }

/**
 * The second step: the employee confirms that the whole dossier is needed,
 * after seeing the summary. Only their own unexpired grant for this client;
 * confirming twice changes nothing. Throws 404 when there is none.
 */
async function confirmEmergencyGrant(tx: Queryable, grant: { id: string; clientId: string; employeeId: string; now: Date }): Promise<ConfirmedGrant> {
  const rows = await tx.query<{ expires_at: Date; confirmed_at: Date }>(
    `UPDATE org.emergency_accesses SET confirmed_at = coalesce(confirmed_at, $4)
      WHERE id = $1 AND client_id = $2 AND employee_id = $3 AND started_at <= $4 AND expires_at > $4
      RETURNING expires_at, confirmed_at`, [grant.id, grant.clientId, grant.employeeId, grant.now]);
  const row = rows[0];
  if (row === undefined) {
    throw notFound(
      'U heeft voor deze cliënt geen noodtoegang die nog loopt. Vraag eerst noodtoegang aan, met een reden.',
      'You hold no running emergency access for this client. Ask for emergency access first, with a reason.');
  }
  return { id: grant.id, expiresAt: row.expires_at, confirmedAt: row.confirmed_at };
}

/** Break the glass, step 2, for the gate: confirms the employee's own running grant `id` on the client it decided, and tells `confirmed`. */
export function emergencyConfirmation(grant: { id: string; employeeId: string; now: Date }, confirmed: (grant: ConfirmedGrant) => void): EmergencyStep {
  return {
    kind: 'confirm',
    confirm: async (tx, clientId) => {
      confirmed(await confirmEmergencyGrant(tx, { ...grant, clientId }));
    },
  };
}

// ---------------------------------------------------------------- the emergency summary (client scope)

export interface EmergencySummaryRow { id: string; ciphertext: Buffer; recorded_at: Date; display_name: string }

/** The emergency summary of the scope's client: its versions are kept, the newest is the summary. */
export function emergencySummaryOf(scope: ClientScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** The newest version with its author's name; undefined when none was recorded. */
    latest: async (): Promise<EmergencySummaryRow | undefined> => {
      const rows = await tx.query<EmergencySummaryRow>(
        `SELECT s.id, s.ciphertext, s.recorded_at, e.display_name FROM care.emergency_summaries s JOIN ${EMPLOYEES} e ON e.id = s.author_id
          WHERE s.client_id = $1 ORDER BY s.recorded_at DESC LIMIT 1`, [clientId]);
      return rows[0];
    },
    /** Adds a version by the scope's employee; earlier versions stay. */
    add: async (id: string, ciphertext: Buffer): Promise<void> => {
      await tx.query('INSERT INTO care.emergency_summaries (id, client_id, author_id, ciphertext) VALUES ($1, $2, $3, $4)',
        [id, clientId, scope.actor.employeeId, ciphertext]);
    },
  };
}

/**
 * The scope's employee's own confirmed emergency access to the scope's client that runs at the scope's time, with
 * when it ends (the latest, if several): the client's pages show it as a banner with the time left (issue 15).
 */
export async function runningEmergencyAccessOf(scope: ClientScope): Promise<{ startedAt: Date; expiresAt: Date } | undefined> {
  const rows = await txOf(scope).query<{ started_at: Date; expires_at: Date }>(
    `SELECT started_at, expires_at FROM org.emergency_accesses
      WHERE client_id = $1 AND employee_id = $2 AND started_at <= $3 AND expires_at > $3 AND confirmed_at IS NOT NULL
      ORDER BY expires_at DESC LIMIT 1`, [scope.client.id, scope.actor.employeeId, scope.now]);
  const row = rows[0];
  return row === undefined ? undefined : { startedAt: row.started_at, expiresAt: row.expires_at };
}

/**
 * Every emergency access to the scope's client with its review's outcome (null: not reviewed yet), for "who has
 * seen my dossier" in the client portal (issue 19 item 3). No reasons or notes: those are the reviewer's.
 */
export function emergencyReviewsOfClient(scope: Parameters<typeof txOf>[0] & { readonly client: { readonly id: string } }) {
  return txOf(scope).query<{ employee_id: string; started_at: Date; expires_at: Date; reviewed_at: Date | null; justified: boolean | null }>(
    'SELECT employee_id, started_at, expires_at, reviewed_at, justified FROM org.emergency_accesses WHERE client_id = $1 ORDER BY started_at',
    [scope.client.id]);
}

// ---------------------------------------------------------------- the review queue (record scope)

export interface EmergencyAccessRow {
  id: string; client_id: string; family_name: string; given_names: string; employee_id: string; employee_name: string; employee_role: string;
  reason_ciphertext: Buffer; started_at: Date; expires_at: Date; confirmed_at: Date | null; justified: boolean | null; review_note_ciphertext: Buffer | null;
  reviewer: string | null; reviewed_at: Date | null;
}

/** The emergency accesses of the reviewer's organisation (the scope's actor's), for the review queue and the review. */
export function emergencyAccessesOf(scope: RecordScope) {
  const tx = txOf(scope);
  const organisationId = scope.actor.organisationId;
  return {
    /** The queue: unreviewed first, then newest first (at most 500); only the open ones when `onlyOpen`. */
    list: (onlyOpen: boolean, queue: ReviewQueue): Promise<EmergencyAccessRow[]> => tx.query<EmergencyAccessRow>(
      `SELECT g.id, g.client_id, c.family_name, c.given_names, g.employee_id, e.display_name AS employee_name, e.role AS employee_role,
              g.reason_ciphertext, g.started_at, g.expires_at, g.confirmed_at, g.justified, g.review_note_ciphertext, r.display_name AS reviewer, g.reviewed_at
         FROM org.emergency_accesses g
         JOIN ${CLIENTS} c ON c.id = g.client_id
         JOIN ${EMPLOYEES} e ON e.id = g.employee_id
         LEFT JOIN ${EMPLOYEES} r ON r.id = g.reviewed_by
        WHERE g.organisation_id = $1 AND ($2 = false OR g.reviewed_at IS NULL)
          AND (coalesce(g.employee_role, e.role) = 'privacy-officer') = ($3 = 'privacy-officers')
        ORDER BY (g.reviewed_at IS NULL) DESC, g.started_at DESC
        LIMIT 500`, [organisationId, onlyOpen, queue]),
    /** One access to review, locked until the review is recorded; undefined when the organisation has none with that id. */
    lockForReview: async (id: string): Promise<{ client_id: string; employee_id: string; employee_role: string; reviewed_at: Date | null } | undefined> => {
      const rows = await tx.query<{ client_id: string; employee_id: string; employee_role: string; reviewed_at: Date | null }>(
        `SELECT g.client_id, g.employee_id, coalesce(g.employee_role, e.role) AS employee_role, g.reviewed_at
           FROM org.emergency_accesses g JOIN ${EMPLOYEES} e ON e.id = g.employee_id
          WHERE g.id = $1 AND g.organisation_id = $2 FOR UPDATE OF g`,
        [id, organisationId]);
      return rows[0];
    },
    /** Records the scope's employee's judgement at the scope's time (the note sealed, or null). */
    review: async (id: string, justified: boolean, noteCiphertext: Buffer | null): Promise<void> => {
      await tx.query('UPDATE org.emergency_accesses SET justified = $2, review_note_ciphertext = $3, reviewed_by = $4, reviewed_at = $5 WHERE id = $1',
        [id, justified, noteCiphertext, scope.actor.employeeId, scope.now]);
    },
    /** The data key of the client of an access in the queue (its reason and note are sealed under it); 410 once destroyed. */
    clientKey: (masterKey: Buffer, clientId: string): Promise<Buffer> => clientDataKey(tx, masterKey, clientId),
  };
}

/**
 * The emergency accesses since `since` on each of the given clients of the caller's caseload: how many, the last
 * one's start, whether any is still unreviewed — one query for the whole caseload's signals (issue 15 item 9).
 */
export function emergencyAccessesOfClients(
  scope: Parameters<typeof txOf>[0], clientIds: readonly string[], since: Date,
): Promise<{ client_id: string; count: number; last_at: Date; unreviewed: boolean }[]> {
  return txOf(scope).query<{ client_id: string; count: number; last_at: Date; unreviewed: boolean }>(
    `SELECT client_id, count(*)::int AS count, max(started_at) AS last_at, bool_or(reviewed_at IS NULL) AS unreviewed
       FROM org.emergency_accesses WHERE client_id = ANY($1::uuid[]) AND started_at >= $2 GROUP BY client_id`, [[...clientIds], since]);
}
