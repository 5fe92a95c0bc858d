/**
 * The breaches module's store of the breach register as other modules need it
 * (issue 14: one owner per table): what it holds sealed under the master key.
 */
import type { SealedColumn } from '../crypto/sealed-column.js';

/** A data breach's content, sealed under the master key (the register outlives the dossiers it names). */
export const BREACH_CONTENTS: SealedColumn = {
  name: 'data breaches', table: 'org.data_breaches', key: { column: 'id', type: 'uuid' }, column: 'content', place: { column: 'id', aad: (id) => `data-breach:${id}` },
};
