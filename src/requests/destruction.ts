/**
 * Carrying out a granted destruction (Jeugdwet 7.3.9; 003 §3.3) through the
 * one sanctioned path: the database functions that alone may delete care
 * content. A whole dossier loses its data key too, so every copy of its
 * ciphertext (backups included) becomes unreadable. Leaves a destruction
 * record apart from the dossier: what kind, when, at whose request, on which
 * decision — never what was in it.
 */
import type { ClientScope } from '../access/client-access.js';
import { ENTRY_KINDS, partOfEntryKind } from '../dossier/entry-kinds.js';
import type { Queryable } from '../db/database.js';
import type { Part } from '../rules/index.js';

export interface DestructionRecord {
  scope: 'whole-dossier' | 'part';
  part: string;
  entriesDestroyed: number;
}

/** Destroys the part of the dossier a decided request names, and records it. */
export async function executeDestruction(scope: ClientScope, request: { id: string; part: Part; decidedOn: string }): Promise<DestructionRecord> {
  if (request.part === 'dossier') {
    return destroyWholeDossier(scope.tx, {
      organisationId: scope.client.organisationId, clientId: scope.client.id, reason: 'client-request',
      requestId: request.id, decidedOn: request.decidedOn, executedBy: scope.actor.employeeId,
    });
  }
  const kinds = ENTRY_KINDS.filter((kind) => partOfEntryKind(kind) === request.part);
  const [row] = await scope.tx.query<{ removed: number }>('SELECT care.destroy_client_entries($1, $2::text[]) AS removed', [scope.client.id, kinds]);
  const record: DestructionRecord = { scope: 'part', part: request.part, entriesDestroyed: row!.removed };
  await scope.tx.query(
    `INSERT INTO org.destruction_records (organisation_id, client_id, scope, part, entries_destroyed, request_id, decided_on, reason, executed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'client-request', $8)`,
    [scope.client.organisationId, scope.client.id, record.scope, record.part, record.entriesDestroyed, request.id, request.decidedOn, scope.actor.employeeId]);
  return record;
}

/**
 * Destroys a whole dossier (content rows removed, data key destroyed) and
 * records it, in the caller's transaction. Also the path for a dossier whose
 * retention period ended (reason 'retention-expired', no request; `decidedOn`
 * is the privacy officer's confirmation and `executedBy` who confirmed).
 */
export async function destroyWholeDossier(tx: Queryable, input: {
  organisationId: string; clientId: string; reason: 'client-request' | 'retention-expired';
  requestId: string | null; decidedOn: string | null; executedBy: string;
}): Promise<DestructionRecord> {
  const [row] = await tx.query<{ removed: number }>('SELECT care.destroy_client_content($1) AS removed', [input.clientId]);
  const record: DestructionRecord = { scope: 'whole-dossier', part: 'dossier', entriesDestroyed: row!.removed };
  await tx.query(
    `INSERT INTO org.destruction_records (organisation_id, client_id, scope, part, entries_destroyed, request_id, decided_on, reason, executed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [input.organisationId, input.clientId, record.scope, record.part, record.entriesDestroyed,
      input.requestId, input.decidedOn, input.reason, input.executedBy]);
  return record;
}
