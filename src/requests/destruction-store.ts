/**
 * The calls of the database's destruction functions (migrations 0018, 0029,
 * 0055): the one sanctioned path by which care content is deleted. The
 * application role can call only these outer functions; each first checks in
 * the database the decision it claims (`care.assert_destruction_decided`),
 * writes the destruction record and its own access-log row in the same
 * statement, and returns how many entries it removed. The client's destructions
 * are bound to the gate's scope; the whole-dossier call also takes the
 * transaction, for the retention sweep (system work, no scope).
 */
import type { ClientScope } from '../access/gate-scope.js';
import type { Queryable } from '../db/database.js';
import { txOf } from '../db/scope-tx.js';
import { forgetDataKeyOf } from '../crypto/client-keys.js';

/** A whole dossier's destruction: on a granted request, or after the retention period (no request; the privacy officer's confirmation). */
export interface DossierDestruction {
  organisationId: string; clientId: string; reason: 'client-request' | 'retention-expired';
  requestId: string | null; decidedOn: string | null; executedBy: string;
}

/**
 * Destroys a whole dossier: content rows, data key and work notes go; the function writes the destruction record
 * (migration 0018) and the destruction's own access-log row (migration 0055). Returns the entries removed.
 */
export async function destroyDossier(tx: Queryable, d: DossierDestruction): Promise<number> {
  const [row] = await tx.query<{ removed: number }>(
    'SELECT care.destroy_dossier($1, $2, $3, $4, $5, $6) AS removed',
    [d.clientId, d.organisationId, d.reason, d.requestId, d.decidedOn, d.executedBy]);
  return row!.removed;
}

/**
 * The destructions of the scope's client on a granted request, carried out by the scope's employee.
 * @example const removed = await destructionsOf(scope).part(kinds, { id, part, decidedOn });
 */
export function destructionsOf(scope: ClientScope) {
  const tx = txOf(scope);
  const { id: clientId, organisationId } = scope.client;
  return {
    /** The whole dossier (see {@link destroyDossier}). */
    wholeDossier: async (request: { id: string; decidedOn: string }): Promise<number> => {
      const removed = await destroyDossier(tx, {
        organisationId, clientId, reason: 'client-request', requestId: request.id, decidedOn: request.decidedOn, executedBy: scope.actor.employeeId,
      });
      forgetDataKeyOf(scope);
      return removed;
    },
    /** Every entry of these kinds: a part of the dossier. */
    part: async (kinds: readonly string[], request: { id: string; part: string; decidedOn: string }): Promise<number> => {
      const [row] = await tx.query<{ removed: number }>(
        'SELECT care.destroy_dossier_part($1, $2::text[], $3, $4, $5, $6, $7) AS removed',
        [clientId, kinds, request.part, organisationId, request.id, request.decidedOn, scope.actor.employeeId]);
      return row!.removed;
    },
    /** The named entries of a partly granted destruction (the function checks they are exactly the granted ones). */
    entries: async (entryIds: readonly string[], request: { id: string; part: string; decidedOn: string }): Promise<number> => {
      const [row] = await tx.query<{ removed: number }>(
        'SELECT care.destroy_dossier_entries($1, $2::uuid[], $3, $4, $5, $6, $7) AS removed',
        [clientId, [...entryIds], request.part, organisationId, request.id, request.decidedOn, scope.actor.employeeId]);
      return row!.removed;
    },
  };
}
