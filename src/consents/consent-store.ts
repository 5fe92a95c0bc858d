/**
 * The consents module's store of the consent register (`org.consents`) for
 * the other modules (issue 14: one owner per table).
 */
import { CLIENTS_WITH_KEY } from '../crypto/client-key-store.js';
import type { Queryable } from '../db/database.js';

/** A consent whose texts a row written before migration 0033 still holds in clear. */
export interface LegacyConsentRow {
  id: string; client_id: string; information_given: string | null; recipient: string | null; purpose: string | null;
  data_description: string | null; declaration_reference: string | null;
}

/**
 * Up to `limit` consents of clients whose key still exists that hold text in clear, locked for sealing
 * (start-up, `sealLegacyFreeText`): a client whose key is gone had these emptied (0033, destruction).
 */
export async function legacyConsentRows(tx: Queryable, limit: number): Promise<LegacyConsentRow[]> {
  return tx.query<LegacyConsentRow>(
    `SELECT c.id, c.client_id, c.information_given, c.recipient, c.purpose, c.data_description, c.declaration_reference
       FROM org.consents c JOIN ${CLIENTS_WITH_KEY} k ON k.client_id = c.client_id
      WHERE COALESCE(c.information_given, '') <> '' OR COALESCE(c.recipient, '') <> '' OR COALESCE(c.purpose, '') <> ''
         OR COALESCE(c.data_description, '') <> '' OR COALESCE(c.declaration_reference, '') <> ''
      LIMIT ${limit} FOR UPDATE OF c`);
}

/** Stores a consent's sealed texts and empties the plaintext columns. */
export async function storeSealedConsentTexts(tx: Queryable, consentId: string, sealed: Buffer): Promise<void> {
  await tx.query(
    `UPDATE org.consents SET content_ciphertext = $2, information_given = NULL, recipient = NULL, purpose = NULL, data_description = NULL,
            declaration_reference = NULL WHERE id = $1`, [consentId, sealed]);
}
