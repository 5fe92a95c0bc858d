/**
 * The disclosures module's store of the disclosure register
 * (`org.disclosures`) for the other modules (issue 14: one owner per table).
 */
import type { LegacyRecipientColumn } from '../retention/legacy-text-columns.js';

/** The register's recipient, in clear before migration 0037, sealed under the master key at start-up. */
export const DISCLOSURE_RECIPIENT: LegacyRecipientColumn = { table: 'org.disclosures', register: 'disclosure' };
