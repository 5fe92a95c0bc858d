/**
 * The disclosures module's store (issue 14: one owner per table): the only
 * file whose SQL names the disclosure register (`org.disclosures`). A client's
 * disclosures are reached through `disclosuresOf(scope)`, bound to the gate's
 * client scope; the privacy officer's organisation-wide register through
 * `disclosureRegisterOf(scope)`, bound to the record scope of the log review.
 */
import type { ClientScope, RecordScope } from '../access/gate-scope.js';
import { CLIENTS } from '../clients/client-store.js';
import { EMPLOYEES } from '../organisation/employee-store.js';
import type { SealedColumn } from '../crypto/sealed-column.js';
import { txOf } from '../db/scope-tx.js';
import type { LegacyRecipientColumn } from '../retention/legacy-text-columns.js';
import type { StatutoryBasis } from '../rules/index.js';

/** The register's recipient, in clear before migration 0037, sealed under the master key at start-up. */
export const DISCLOSURE_RECIPIENT: LegacyRecipientColumn = { table: 'org.disclosures', register: 'disclosure' };

/** The register's recipients, sealed under the master key (migration 0037; `retention/client-free-text.ts`). */
export const SEALED_DISCLOSURE_RECIPIENTS: SealedColumn = {
  name: 'disclosure recipients', table: 'org.disclosures', key: { column: 'id', type: 'uuid' }, column: 'recipient_ciphertext',
  place: { column: 'id', aad: (id) => `disclosure-recipient:${id}` },
};

// The vocabularies of the table's columns; disclosure-service.ts re-exports them for the other modules.
/** `legal-representative`: to the client's guardian with custody, as their representative (a transfer to the Nidos guardian). */
export type DisclosureBasis = 'consent' | 'family-guardian-threat' | 'legal-representative' | 'research' | StatutoryBasis;

/**
 * Why research or statistics may go without consent (Jeugdwet 7.3.12 lid 1; BW 7:458 lid 1): asking is not
 * reasonably possible and the research has safeguards for privacy (a), or asking cannot reasonably be required
 * and the data go in a form that prevents tracing them to the client (b).
 */
export type ResearchGround = 'consent-not-possible' | 'consent-not-required';

export interface DisclosureRow {
  id: string; client_id: string; recipient: string | null; recipient_ciphertext: Buffer | null; basis: DisclosureBasis; part: string; disclosed_on: string;
  client_told_beforehand: boolean; citations: string[]; entry_id: string | null; research_ground: ResearchGround | null;
}

/** A disclosure as the register records it: the recipient sealed, the citations the engine allowed it on. */
export interface NewDisclosureRow {
  id: string; recipientCiphertext: Buffer; basis: DisclosureBasis; consentId: string | null; part: string; disclosedOn: string;
  clientToldBeforehand: boolean; citations: readonly string[]; entryId: string; researchGround: ResearchGround | null;
}

/** The disclosures of the scope's client (org.disclosures); a new one is recorded by the scope's actor. */
export function disclosuresOf(scope: ClientScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    insert: async (disclosure: NewDisclosureRow): Promise<void> => {
      await tx.query(
        `INSERT INTO org.disclosures (id, organisation_id, client_id, recipient_ciphertext, basis, consent_id, part, disclosed_on, client_told_beforehand, citations, entry_id, recorded_by,
           research_ground)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [disclosure.id, scope.client.organisationId, clientId, disclosure.recipientCiphertext, disclosure.basis, disclosure.consentId, disclosure.part,
          disclosure.disclosedOn, disclosure.clientToldBeforehand, disclosure.citations, disclosure.entryId, scope.actor.employeeId,
          disclosure.researchGround]);
    },
    /** Newest first. */
    list: (): Promise<DisclosureRow[]> =>
      tx.query<DisclosureRow>('SELECT * FROM org.disclosures WHERE client_id = $1 ORDER BY disclosed_on DESC, recorded_at DESC', [clientId]),
  };
}

/** A row of the organisation's register: the disclosure, the client's name, and who recorded it. */
export type DisclosureRegisterRow = DisclosureRow & { client_name: string; recorded_by_name: string | null };

/** The disclosure register of the scope's organisation, for the privacy officer (the caller logs the clients shown). */
export function disclosureRegisterOf(scope: RecordScope) {
  const tx = txOf(scope);
  return {
    /** The latest 1000, newest first, with the client's name and the name of who recorded it (issue 15 item 8). */
    list: (): Promise<DisclosureRegisterRow[]> => tx.query<DisclosureRegisterRow>(
      `SELECT d.*, c.given_names || ' ' || c.family_name AS client_name, e.display_name AS recorded_by_name
         FROM org.disclosures d JOIN ${CLIENTS} c ON c.id = d.client_id LEFT JOIN ${EMPLOYEES} e ON e.id = d.recorded_by
        WHERE d.organisation_id = $1 ORDER BY d.disclosed_on DESC, d.recorded_at DESC LIMIT 1000`, [scope.actor.organisationId]),
  };
}
