/**
 * The disclosures module's store of the disclosure register
 * (`org.disclosures`) for the other modules (issue 14: one owner per table).
 */
import type { SealedColumn } from '../crypto/sealed-column.js';
import type { LegacyRecipientColumn } from '../retention/legacy-text-columns.js';

/** The register's recipient, in clear before migration 0037, sealed under the master key at start-up. */
export const DISCLOSURE_RECIPIENT: LegacyRecipientColumn = { table: 'org.disclosures', register: 'disclosure' };

/** The register's recipients, sealed under the master key (migration 0037; `retention/client-free-text.ts`). */
export const SEALED_DISCLOSURE_RECIPIENTS: SealedColumn = {
  name: 'disclosure recipients', table: 'org.disclosures', key: { column: 'id', type: 'uuid' }, column: 'recipient_ciphertext',
  place: { column: 'id', aad: (id) => `disclosure-recipient:${id}` },
};
