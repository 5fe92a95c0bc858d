/**
 * The registers module's store of its registers as other modules need them
 * (issue 14: one owner per table): what they hold sealed under the master key.
 */
import type { SealedColumn } from '../crypto/sealed-column.js';

/** The complaints', incidents' and prospective clients' contents, sealed under the master key (they outlive a dossier). */
export const REGISTER_CONTENTS: readonly SealedColumn[] = [
  { name: 'complaints', table: 'org.complaints', key: { column: 'id', type: 'uuid' }, column: 'content', place: { column: 'id', aad: (id) => `register:complaint:${id}` } },
  { name: 'incidents', table: 'org.incidents', key: { column: 'id', type: 'uuid' }, column: 'content', place: { column: 'id', aad: (id) => `register:incident:${id}` } },
  {
    name: 'prospective clients', table: 'org.prospective_clients', key: { column: 'id', type: 'uuid' }, column: 'content',
    place: { column: 'id', aad: (id) => `register:prospective-client:${id}` },
  },
];
