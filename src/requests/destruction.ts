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
  // The database function writes the destruction record itself: no destruction without one (migration 0018).
  const [row] = await scope.tx.query<{ removed: number }>(
    'SELECT care.destroy_dossier_part($1, $2::text[], $3, $4, $5, $6, $7) AS removed',
    [scope.client.id, kinds, request.part, scope.client.organisationId, request.id, request.decidedOn, scope.actor.employeeId]);
  return { scope: 'part', part: request.part, entriesDestroyed: row!.removed };
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
  // Content, key and work notes go; the function writes the destruction record in the same statement (migration 0018).
  const [row] = await tx.query<{ removed: number }>(
    'SELECT care.destroy_dossier($1, $2, $3, $4, $5, $6) AS removed',
    [input.clientId, input.organisationId, input.reason, input.requestId, input.decidedOn, input.executedBy]);
  return { scope: 'whole-dossier', part: 'dossier', entriesDestroyed: row!.removed };
}

/**
 * Destroys the named entries of a partly granted destruction, and records it
 * (the database function writes the record in the same statement).
 */
export async function destroyEntries(scope: ClientScope, request: { id: string; part: Part; decidedOn: string; entryIds: readonly string[] }): Promise<DestructionRecord> {
  const [row] = await scope.tx.query<{ removed: number }>(
    'SELECT care.destroy_dossier_entries($1, $2::uuid[], $3, $4, $5, $6, $7) AS removed',
    [scope.client.id, [...request.entryIds], request.part, scope.client.organisationId, request.id, request.decidedOn, scope.actor.employeeId]);
  return { scope: 'part', part: request.part, entriesDestroyed: row!.removed };
}
