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
import type { ClientScope, RecordScope } from '../access/client-access.js';
import { dataKeyOf } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { EMERGENCY_REVIEW_CITATIONS, emergencyReviewRefusal, type ReviewQueue } from './emergency-policy.js';
import { emergencyAccessesOf, emergencySummaryOf } from './emergency-store.js';
import { openDraftBreachForEmergencyIn } from '../breaches/breach-store.js';
import { DESTROYED_TEXT, keyUnlessDestroyed, openText, sealText } from '../retention/client-free-text.js';

export { emergencyConfirmation, emergencyOpening } from './emergency-store.js';

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

/** The current emergency summary (newest version), empty when none was recorded. */
export async function readEmergencySummary(scope: ClientScope, masterKey: Buffer): Promise<EmergencySummary> {
  const row = await emergencySummaryOf(scope).latest();
  if (row === undefined) return EMPTY_SUMMARY;
  const key = await dataKeyOf(scope, masterKey);
  const content = decryptJson(key, row.ciphertext, `emergency-summary:${row.id}`, SealedSummary);
  return { ...content, recordedAt: row.recorded_at.toISOString(), author: row.display_name };
}

/** Records a new version of the summary; earlier versions stay. */
export async function recordEmergencySummary(scope: ClientScope, masterKey: Buffer, input: Pick<EmergencySummary, 'medication' | 'keyContacts' | 'knownRisks'>): Promise<EmergencySummary> {
  const key = await dataKeyOf(scope, masterKey);
  const id = randomUUID();
  await emergencySummaryOf(scope).add(id, encryptJson(key, input, `emergency-summary:${id}`));
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
export async function listEmergencyAccesses(scope: RecordScope, masterKey: Buffer, onlyOpen: boolean, queue: ReviewQueue): Promise<EmergencyReview[]> {
  const accesses = emergencyAccessesOf(scope);
  const rows = await accesses.list(onlyOpen, queue);
  const reviews: EmergencyReview[] = [];
  for (const row of rows) {
    let reason = '(inhoud vernietigd)';
    // The review note is sealed under the client's key too (migration 0033): it may name what the employee saw.
    let note: string | null = row.review_note_ciphertext === null ? null : DESTROYED_TEXT;
    try {
      const key = await accesses.clientKey(masterKey, row.client_id);
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

/** Records the privacy officer's (or manager's) judgement, as the scope's employee at the scope's time; once only. Returns the client id (for the log). */
export async function reviewEmergencyAccess(scope: RecordScope, masterKey: Buffer, review: { id: string; justified: boolean; note?: string }): Promise<string> {
  const accesses = emergencyAccessesOf(scope);
  const row = await accesses.lockForReview(review.id);
  if (row === undefined) throw notFound('Deze noodtoegang bestaat niet.', 'This emergency access does not exist.');
  // The review is the check on the one who broke the glass (AVG 38(6): no conflict of interests): never one's
  // own, and a privacy officer's own by a manager (emergency-policy.ts).
  const reviewer = { id: scope.actor.employeeId, role: scope.actor.role };
  const refusal = emergencyReviewRefusal(reviewer, { employeeId: row.employee_id, employeeRole: row.employee_role });
  if (refusal !== undefined) throw forbidden(refusal.nl, refusal.en, EMERGENCY_REVIEW_CITATIONS);
  if (row.reviewed_at !== null) throw conflict('already-reviewed', 'Deze noodtoegang is al beoordeeld.', 'This emergency access has already been reviewed.');
  // A destroyed dossier's access can still be judged; its note then has no key to be sealed under and is not kept.
  const key = review.note === undefined ? undefined : await keyUnlessDestroyed(accesses.clientKey(masterKey, row.client_id));
  const note = review.note === undefined || key === undefined ? null : sealText(key, 'emergencyReview', review.id, review.note);
  await accesses.review(review.id, review.justified, note);
  // Access without ground is a candidate data breach (AVG 33): open a draft in the register.
  if (!review.justified) {
    await openDraftBreachForEmergencyIn(scope, { emergencyAccessId: review.id, clientId: row.client_id });
  }
  return row.client_id;
}
