/**
 * The transfers module's store of `org.transfers` (issue 14: one owner per
 * table): the transfer record of a dossier, for the transfer's own work through
 * its client scope, and for the other modules.
 */
import type { ClientScope } from '../access/gate-scope.js';
import type { SealedColumn } from '../crypto/sealed-column.js';
import { txOf } from '../db/scope-tx.js';
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

/** A transfer as stored: the recipient sealed under the master key (or, before 0037, in clear; erased: both empty). */
export interface TransferRow {
  id: string;
  recipient: string | null;
  recipient_ciphertext: Buffer | null;
  recipient_kind: 'successor-provider' | 'nidos-guardian';
  transferred_on: string;
  citations: string[];
  disclosure_id: string;
  guardian_relation_id: string | null;
  consent_given: boolean;
}

/** A transfer to record: the recipient already sealed. */
export interface NewTransferRow {
  id: string;
  recipientCiphertext: Buffer;
  recipientKind: TransferRow['recipient_kind'];
  transferredOn: string;
  citations: readonly string[];
  disclosureId: string;
  guardianRelationId: string | null;
  consentGiven: boolean;
}

/**
 * The transfer of the scope's client's dossier (`org.transfers`), recorded by the scope's employee.
 * @example const row = await transfersOf(scope).current();
 */
export function transfersOf(scope: ClientScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** The transfer of the dossier, if it was transferred. */
    current: async (): Promise<TransferRow | undefined> => {
      const [row] = await tx.query<TransferRow>(
        `SELECT id, recipient, recipient_ciphertext, recipient_kind, transferred_on, citations, disclosure_id, guardian_relation_id, consent_given
         FROM org.transfers WHERE client_id = $1`, [clientId]);
      return row;
    },
    /** Records the transfer; from then on the database refuses new entries in the dossier. */
    record: async (t: NewTransferRow): Promise<void> => {
      await tx.query(
        `INSERT INTO org.transfers (id, organisation_id, client_id, recipient_ciphertext, recipient_kind, transferred_on, citations, disclosure_id, guardian_relation_id, consent_given, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [t.id, scope.client.organisationId, clientId, t.recipientCiphertext, t.recipientKind, t.transferredOn, t.citations,
          t.disclosureId, t.guardianRelationId, t.consentGiven, scope.actor.employeeId]);
    },
  };
}
