/** The client record every card of the client page reads (one query key), and the refresh of all of a client's cards. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { dataOf, server } from '../../shared/api-client';
import { queryKeys } from '../../shared/query-keys';

/**
 * `GET /api/clients/{clientId}`: formal data, dossier holder, relations, the caller's emergency access, a processing
 * restriction. `onOpen: 'always'` (the client page) asks the server again each time the page is opened, even within
 * the stale time: what the record says decides what the page offers (the procedure form of a restricted dossier), and
 * it may have changed elsewhere since the cached answer (a restriction carried out, a hand-over by a manager).
 */
export function useClientDetail(clientId: string, { onOpen }: { onOpen?: 'always' } = {}) {
  return useQuery({
    queryKey: queryKeys.clientDetail(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}', { params: { path: { clientId } } })),
    ...(onOpen === 'always' ? { refetchOnMount: 'always' as const } : {}),
  });
}

/**
 * Marks every card of this client (and the caseloads) stale and reloads the ones on screen, without waiting for them:
 * for a change whose reach is wide (who may see what changed: an emergency access opened or ended, a procedure's
 * purpose, a death, the team, a relation). A mutation awaits only the keys its own card shows (`invalidates`), so the
 * form closes on its own answer, and calls this in `onSuccess` for the rest.
 */
export function useRefreshClient(clientId: string): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.client(clientId) });
    // Not on screen here: dropped rather than marked stale, so the caseload never shows the old list while it reloads
    // (a client whose care ended must not flash as active).
    queryClient.removeQueries({ queryKey: queryKeys.clients });
  }, [queryClient, clientId]);
}

/**
 * Forgets what was read of this client for a procedure (AVG 18(2)): every cached card of the client except the record,
 * which the client page reads in any case. The cards' keys do not name the purpose, so without this "Klaar met
 * inzien" or leaving the client would show the restricted dossier again from the cache while the server refuses it.
 */
export function useForgetProcedureReads(clientId: string): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => {
    const detail = queryKeys.clientDetail(clientId);
    queryClient.removeQueries({
      queryKey: queryKeys.client(clientId),
      predicate: (query) => query.queryKey[2] !== detail[2],
    });
  }, [queryClient, clientId]);
}
