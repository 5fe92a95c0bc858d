/**
 * The requests feature's answers and keys (issue 15 item 13): the types are the server's schema, loaded with
 * TanStack Query; a step on a request names what it makes stale — the request, the client's list of requests and the
 * requests dashboard — so every card reading them shows the step at once.
 */
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { dataOf, server, type ResponseOf } from '../../shared/api-client';
import { queryKeys } from '../../shared/query-keys';

export type RequestRecord = ResponseOf<'/api/clients/{clientId}/requests/{requestId}'>;
export type TimelineEntry = ResponseOf<'/api/clients/{clientId}/entries'>['entries'][number];
export type Consent = ResponseOf<'/api/clients/{clientId}/consents'>['consents'][number];

/** What a step on one request makes stale: that request and the client's list (one key holds both), and the dashboard. */
export function requestChanged(clientId: string): QueryKey[] {
  return [queryKeys.requests(clientId), queryKeys.requestsDashboard];
}

/** What carrying out a request makes stale: it may change anything of the client (formal data, consents, entries). */
export function clientChanged(clientId: string): QueryKey[] {
  return [queryKeys.client(clientId), queryKeys.requestsDashboard];
}

export function useRequest(clientId: string, requestId: string) {
  return useQuery({
    queryKey: queryKeys.request(clientId, requestId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/requests/{requestId}', { params: { path: { clientId, requestId } } })),
  });
}

/** Every entry of the client's dossier (all pages of the timeline), newest first; asked only when `needed`. */
export function useAllEntries(clientId: string, needed = true) {
  return useQuery({
    queryKey: queryKeys.entries(clientId, { all: true }),
    enabled: needed,
    queryFn: async () => {
      const all: TimelineEntry[] = [];
      let before: string | undefined;
      for (let page = 0; page < 50; page += 1) {
        const answer = await dataOf(server.GET('/api/clients/{clientId}/entries', {
          params: { path: { clientId }, query: { limit: 200, ...(before === undefined ? {} : { before }) } },
        }));
        all.push(...answer.entries);
        if (answer.nextCursor === null) break;
        before = answer.nextCursor;
      }
      return all;
    },
  });
}

/** Who asked, with what the engine says they are today (a parent of a client who turned 18 no longer has custody). */
export function requesterText(requester: { name: string | null; label: string }): string {
  if (requester.name === null) return requester.label.charAt(0).toUpperCase() + requester.label.slice(1);
  return `${requester.name} (${requester.label})`;
}
