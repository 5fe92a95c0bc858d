/**
 * Emergency access ("break the glass", 003 §2.2.8; NEN 7513): an employee of
 * a care role the organisation allows (src/rules/decide-emergency.ts) may open
 * a dossier by giving a reason. First only the emergency summary (medication,
 * key contacts, known risks) opens; the rest of the dossier only after a
 * second, logged confirmation. The access lasts a limited time, is marked in
 * the access log (basis `emergency`), and waits in a review queue where the
 * privacy officer — or, for a privacy officer's own access, a manager —
 * records whether it was justified; an unjustified one is a candidate data
 * breach (AVG 33–34).
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { ClientScope } from '../access/client-access.js';
import { clientDataKey } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import type { Queryable } from '../db/database.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { CLIENTS } from '../clients/client-store.js';
import type { EmployeeRole } from '../organisation/employee-roles.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import { EMERGENCY_REVIEW_CITATIONS, emergencyReviewRefusal, type ReviewQueue } from './emergency-policy.js';
import { openDraftBreachForEmergency } from '../breaches/breach-service.js';
import { clientKeyIfAny, DESTROYED_TEXT, openText, sealText } from '../retention/client-free-text.js';

/** What the emergency summary seals: the vital information. */
const SealedSummary = Type.Object({ medication: Type.String(), keyContacts: Type.String(), knownRisks: Type.String() });
/** What an emergency access seals: its reason. */
const SealedReason = Type.Object({ reason: Type.String() });

export interface EmergencySummary {
  medication: string;
  keyContacts: string;
  knownRisks: string;
  recordedAt: string | null;
  author: string | null;
}

const EMPTY_SUMMARY: EmergencySummary = { medication: '', keyContacts: '', knownRisks: '', recordedAt: null, author: null };

/** Records the grant for `employeeId` inside the access transaction; returns its id and end. */
export async function recordEmergencyGrant(
  tx: Queryable, masterKey: Buffer,
  grant: { organisationId: string; clientId: string; employeeId: string; employeeRole: EmployeeRole; reason: string; now: Date; minutes: number },
): Promise<{ id: string; expiresAt: Date }> {
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
 * The second step: the employee confirms that the whole dossier is needed,
 * after seeing the summary. Only their own unexpired grant for this client;
 * confirming twice changes nothing. Throws 404 when there is none.
 */
export async function confirmEmergencyGrant(
  tx: Queryable, grant: { id: string; clientId: string; employeeId: string; now: Date },
): Promise<{ id: string; expiresAt: Date; confirmedAt: Date }> {
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

/** The current emergency summary (newest version), empty when none was recorded. */
export async function readEmergencySummary(scope: ClientScope, masterKey: Buffer): Promise<EmergencySummary> {
  const rows = await scope.tx.query<{ id: string; ciphertext: Buffer; recorded_at: Date; display_name: string }>(
    `SELECT s.id, s.ciphertext, s.recorded_at, e.display_name FROM care.emergency_summaries s JOIN ${EMPLOYEES} e ON e.id = s.author_id
      WHERE s.client_id = $1 ORDER BY s.recorded_at DESC LIMIT 1`, [scope.client.id]);
  const row = rows[0];
  if (row === undefined) return EMPTY_SUMMARY;
  const key = await clientDataKey(scope.tx, masterKey, scope.client.id);
  const content = decryptJson(key, row.ciphertext, `emergency-summary:${row.id}`, SealedSummary);
  return { ...content, recordedAt: row.recorded_at.toISOString(), author: row.display_name };
}

/** Records a new version of the summary; earlier versions stay. */
export async function recordEmergencySummary(scope: ClientScope, masterKey: Buffer, input: Pick<EmergencySummary, 'medication' | 'keyContacts' | 'knownRisks'>): Promise<EmergencySummary> {
  const key = await clientDataKey(scope.tx, masterKey, scope.client.id);
  const id = randomUUID();
  await scope.tx.query('INSERT INTO care.emergency_summaries (id, client_id, author_id, ciphertext) VALUES ($1, $2, $3, $4)',
    [id, scope.client.id, scope.actor.employeeId, encryptJson(key, input, `emergency-summary:${id}`)]);
  return readEmergencySummary(scope, masterKey);
}

export interface EmergencyReview {
  id: string;
  client: { id: string; familyName: string; givenNames: string };
  employee: { id: string; name: string; role: string };
  reason: string;
  startedAt: string;
  expiresAt: string;
  /** When the employee confirmed that the whole dossier was needed; null: only the summary was seen. */
  confirmedAt: string | null;
  review: { justified: boolean; note: string | null; reviewedBy: string; reviewedAt: string } | null;
}

/**
 * The review queue of the privacy officer: emergency accesses of the
 * organisation, unreviewed first. Decrypting the reasons is access to client
 * data, so the caller logs one row per client shown.
 */
export async function listEmergencyAccesses(db: Queryable, masterKey: Buffer, organisationId: string, onlyOpen: boolean, queue: ReviewQueue): Promise<EmergencyReview[]> {
  const rows = await db.query<{
    id: string; client_id: string; family_name: string; given_names: string; employee_id: string; employee_name: string; employee_role: string;
    reason_ciphertext: Buffer; started_at: Date; expires_at: Date; confirmed_at: Date | null; justified: boolean | null; review_note_ciphertext: Buffer | null;
    reviewer: string | null; reviewed_at: Date | null;
  }>(
    `SELECT g.id, g.client_id, c.family_name, c.given_names, g.employee_id, e.display_name AS employee_name, e.role AS employee_role,
            g.reason_ciphertext, g.started_at, g.expires_at, g.confirmed_at, g.justified, g.review_note_ciphertext, r.display_name AS reviewer, g.reviewed_at
       FROM org.emergency_accesses g
       JOIN ${CLIENTS} c ON c.id = g.client_id
       JOIN ${EMPLOYEES} e ON e.id = g.employee_id
       LEFT JOIN ${EMPLOYEES} r ON r.id = g.reviewed_by
      WHERE g.organisation_id = $1 AND ($2 = false OR g.reviewed_at IS NULL)
        AND (coalesce(g.employee_role, e.role) = 'privacy-officer') = ($3 = 'privacy-officers')
      ORDER BY (g.reviewed_at IS NULL) DESC, g.started_at DESC
      LIMIT 500`, [organisationId, onlyOpen, queue]);
  const reviews: EmergencyReview[] = [];
  for (const row of rows) {
    let reason = '(inhoud vernietigd)';
    // The review note is sealed under the client's key too (migration 0033): it may name what the employee saw.
    let note: string | null = row.review_note_ciphertext === null ? null : DESTROYED_TEXT;
    try {
      const key = await clientDataKey(db, masterKey, row.client_id);
      reason = decryptJson(key, row.reason_ciphertext, `emergency:${row.id}`, SealedReason).reason;
      if (row.review_note_ciphertext !== null) note = openText(key, 'emergencyReview', row.id, row.review_note_ciphertext);
    } catch {
      // The client's key was destroyed: the grant and its review stay, the reason and the note are gone.
    }
    reviews.push({
      id: row.id, client: { id: row.client_id, familyName: row.family_name, givenNames: row.given_names },
      employee: { id: row.employee_id, name: row.employee_name, role: row.employee_role }, reason,
      startedAt: row.started_at.toISOString(), expiresAt: row.expires_at.toISOString(), confirmedAt: row.confirmed_at?.toISOString() ?? null,
      review: row.reviewed_at === null || row.justified === null
        ? null
        : { justified: row.justified, note, reviewedBy: row.reviewer ?? '', reviewedAt: row.reviewed_at.toISOString() },
    });
  }
  return reviews;
}

/** Records the privacy officer's judgement; once only. Returns the client id (for the log). */
export async function reviewEmergencyAccess(
  tx: Queryable, masterKey: Buffer,
  review: { id: string; organisationId: string; reviewerId: string; reviewerRole: EmployeeRole; justified: boolean; note?: string; now: Date },
): Promise<string> {
  const rows = await tx.query<{ client_id: string; employee_id: string; employee_role: string; reviewed_at: Date | null }>(
    `SELECT g.client_id, g.employee_id, coalesce(g.employee_role, e.role) AS employee_role, g.reviewed_at
       FROM org.emergency_accesses g JOIN ${EMPLOYEES} e ON e.id = g.employee_id
      WHERE g.id = $1 AND g.organisation_id = $2 FOR UPDATE OF g`,
    [review.id, review.organisationId]);
  const row = rows[0];
  if (row === undefined) throw notFound('Deze noodtoegang bestaat niet.', 'This emergency access does not exist.');
  // The review is the check on the one who broke the glass (AVG 38(6): no conflict of interests): never one's
  // own, and a privacy officer's own by a manager (emergency-policy.ts).
  const refusal = emergencyReviewRefusal({ id: review.reviewerId, role: review.reviewerRole }, { employeeId: row.employee_id, employeeRole: row.employee_role });
  if (refusal !== undefined) throw forbidden(refusal.nl, refusal.en, EMERGENCY_REVIEW_CITATIONS);
  if (row.reviewed_at !== null) throw conflict('already-reviewed', 'Deze noodtoegang is al beoordeeld.', 'This emergency access has already been reviewed.');
  // A destroyed dossier's access can still be judged; its note then has no key to be sealed under and is not kept.
  const key = review.note === undefined ? undefined : await clientKeyIfAny(tx, masterKey, row.client_id);
  const note = review.note === undefined || key === undefined ? null : sealText(key, 'emergencyReview', review.id, review.note);
  await tx.query('UPDATE org.emergency_accesses SET justified = $2, review_note_ciphertext = $3, reviewed_by = $4, reviewed_at = $5 WHERE id = $1',
    [review.id, review.justified, note, review.reviewerId, review.now]);
  // Access without ground is a candidate data breach (AVG 33): open a draft in the register.
  if (!review.justified) {
    await openDraftBreachForEmergency(tx, {
      emergencyAccessId: review.id, organisationId: review.organisationId, clientId: row.client_id, reviewerId: review.reviewerId, now: review.now,
    });
  }
  return row.client_id;
}
