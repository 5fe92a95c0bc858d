/**
 * The requests module's store of `org.requests` for the other modules (issue
 * 14: one owner per table).
 */
import type { LegacyTextColumn } from '../retention/legacy-text-columns.js';

/** Where a request's consent declaration is kept, in clear before migration 0033, sealed under the client's key at start-up. */
export const REQUEST_CONSENT_REFERENCE: LegacyTextColumn = {
  table: 'org.requests', id: 'id', column: 'consent_reference', ciphertext: 'consent_reference_ciphertext', kind: 'requestConsent',
};
