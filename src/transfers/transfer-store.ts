/**
 * The transfers module's store of `org.transfers` for the other modules
 * (issue 14: one owner per table).
 */
import type { SealedColumn } from '../crypto/sealed-column.js';
import type { LegacyRecipientColumn } from '../retention/legacy-text-columns.js';

/**
 * The transfers as other modules may join them: which client's dossier was transferred on which day (the
 * recipient stays here). A subquery in FROM, pulled up into the join by PostgreSQL: one round trip.
 * @example `FROM formal.clients c LEFT JOIN ${TRANSFER_DAYS} t ON t.client_id = c.id`
 */
export const TRANSFER_DAYS = '(SELECT client_id, transferred_on FROM org.transfers)';

/** The transfer's recipient, in clear before migration 0037, sealed under the master key at start-up. */
export const TRANSFER_RECIPIENT: LegacyRecipientColumn = { table: 'org.transfers', register: 'transfer' };

/** The transfers' recipients, sealed under the master key (migration 0037; `retention/client-free-text.ts`). */
export const SEALED_TRANSFER_RECIPIENTS: SealedColumn = {
  name: 'transfer recipients', table: 'org.transfers', key: { column: 'id', type: 'uuid' }, column: 'recipient_ciphertext',
  place: { column: 'id', aad: (id) => `transfer-recipient:${id}` },
};
