/**
 * The shape in which an owner module declares a column that rows written
 * before migration 0033 (or 0037) may still hold in clear, and the column its
 * sealed value goes to (issue 14: the owner names its table; the start-up
 * step in `retention/client-free-text.ts` seals what the owners declare).
 * A leaf module, so owners and the sealing step can both import it.
 */

/** One plaintext column sealed under the client's data key into its ciphertext column. Names are fixed in code, never input. */
export interface LegacyTextColumn {
  table: string;
  /** The column that identifies the row and binds the sealed value to it. */
  id: string;
  column: string;
  ciphertext: string;
  /** Which kind of sealed text (`SealedTextKind` in retention/client-free-text.ts). */
  kind: 'emergencyReview' | 'restrictionEnd' | 'retentionHold' | 'retentionGoodCare' | 'requestConsent' | 'competenceExpert';
}

/** A register's recipient in clear (`recipient`), sealed under the master key into `recipient_ciphertext` (migration 0037). */
export interface LegacyRecipientColumn {
  table: string;
  register: 'disclosure' | 'transfer';
}
