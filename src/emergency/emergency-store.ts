/**
 * The emergency module's store of `org.emergency_accesses` for the other
 * modules (issue 14: one owner per table).
 */
import type { LegacyTextColumn } from '../retention/legacy-text-columns.js';

/** The privacy officer's review note, in clear before migration 0033, sealed under the client's key at start-up. */
export const EMERGENCY_REVIEW_NOTE: LegacyTextColumn = {
  table: 'org.emergency_accesses', id: 'id', column: 'review_note', ciphertext: 'review_note_ciphertext', kind: 'emergencyReview',
};
