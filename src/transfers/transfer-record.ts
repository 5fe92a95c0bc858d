/**
 * The transfer record of a dossier, and the refusal of new entries once it
 * exists. Apart from the transfer service so the entry path can ask without
 * depending on disclosures and exports.
 *
 * The recipient is sealed under the master key (migration 0037): it can name
 * a person, and the record outlives a destroyed dossier (a client must learn
 * where the dossier went, DOMAIN §5).
 */
import type { ClientScope } from '../access/gate-scope.js';
import { AppError } from '../errors.js';
import { openRecipient } from '../retention/client-free-text.js';
import { Citation, dateInWords } from '../rules/index.js';
import { transfersOf, type TransferRow } from './transfer-store.js';

export type RecipientKind = 'successor-provider' | 'nidos-guardian';

export interface Transfer {
  id: string;
  recipient: string;
  recipientKind: RecipientKind;
  transferredOn: string;
  citations: string[];
  disclosureId: string;
  /** The package's reader: the guardian's relation (Nidos) and whether consent was given. */
  guardianRelationId: string | null;
  consentGiven: boolean;
}

/** A stored transfer with its recipient opened. */
function transferFromRow(masterKey: Buffer, row: TransferRow | undefined): Transfer | undefined {
  if (row === undefined) return undefined;
  return {
    id: row.id, recipient: openRecipient(masterKey, 'transfer', row.id, row.recipient_ciphertext, row.recipient), recipientKind: row.recipient_kind, transferredOn: row.transferred_on, citations: row.citations, disclosureId: row.disclosure_id,
    guardianRelationId: row.guardian_relation_id, consentGiven: row.consent_given,
  };
}

/**
 * The transfer of the scope's client's dossier, if it was transferred.
 * @example const transfer = await dossierTransfer(scope, masterKey);
 */
export async function dossierTransfer(scope: ClientScope, masterKey: Buffer): Promise<Transfer | undefined> {
  return transferFromRow(masterKey, await transfersOf(scope).current());
}

/** The refusal of a new entry in a transferred dossier; the database gives the same answer to a path that forgets to ask. */
export function closedAfterTransfer(transfer: Transfer): AppError {
  return new AppError('dossier-transferred', 409,
    `Dit dossier is op ${dateInWords(transfer.transferredOn)} overgedragen aan ${transfer.recipient}. Er kunnen geen nieuwe dossierregels meer bij; de zorg gaat daar verder.`,
    `This dossier was transferred on ${transfer.transferredOn} to ${transfer.recipient}. No new entries can be added; care continues there.`,
    { basis: [Citation.jeugdwet_7_3_8] });
}
