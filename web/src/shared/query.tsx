/**
 * The data-loading layer (TanStack Query, issue 15 item 13): one QueryClient for the staff application, its defaults
 * for a dossier application, and `useApiMutation`, the pattern for a change that names the keys it makes stale.
 *
 * Defaults: an answer is fresh for 5 seconds (cards that mount together share one request; a card opened later asks
 * again); no refetch storm when the window regains focus; a refusal (4xx) is never retried, a server that did not
 * answer or failed (0, 5xx) is asked once more. Mutations are never retried (a consent must not be recorded twice).
 * A 401 still ends the session through the transport (api.ts) and the app shows the log-in page; the cache is then
 * cleared, so the next person never sees the last one's dossiers.
 */
import { QueryClient, QueryClientProvider, useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { ApiError, onSessionEnded, toProblem, type Problem } from './api';

/** A refusal the same request will get again: no use asking twice. */
function isRefusal(error: unknown): boolean {
  return error instanceof ApiError && error.problem.status >= 400 && error.problem.status < 500;
}

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // A card that opens asks the server again (showing what it had meanwhile), as every card did before the cache:
        // a colleague's change, or one made through another route, is on screen when the card opens, never 5 s late.
        refetchOnMount: 'always',
        refetchOnWindowFocus: false,
        retry: (failures, error) => failures < 1 && !isRefusal(error),
      },
      mutations: { retry: false },
    },
  });
}

export const queryClient = newQueryClient();

/** Wraps the application; clears every cached answer when the session ends. */
export function QueryProvider({ children, client = queryClient }: { children: ReactNode; client?: QueryClient }) {
  useEffect(() => onSessionEnded(() => client.clear()), [client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** The problem to show for a query's or a mutation's error (`error` is null while there is none). */
export function problemOf(error: unknown): Problem | undefined {
  return error === null || error === undefined ? undefined : toProblem(error);
}

/** A form's submit handler that runs `run` instead of the browser's submit: `onSubmit={submitWith(() => save.mutate())}`. */
export function submitWith(run: () => void): (event: { preventDefault(): void }) => void {
  return (event) => {
    event.preventDefault();
    run();
  };
}

/** Forgets every cached answer (log-out: the next person must not see them). */
export function forgetServerState(): void {
  queryClient.clear();
}

export interface ApiMutationOptions<TData, TVariables> extends Omit<UseMutationOptions<TData, Error, TVariables>, 'mutationFn' | 'onSuccess'> {
  mutationFn: (variables: TVariables) => Promise<TData>;
  /** The keys this change makes stale (queryKeys.*); invalidated, and their queries refetched, before onSuccess runs. */
  invalidates: (data: TData, variables: TVariables) => readonly QueryKey[];
  onSuccess?: (data: TData, variables: TVariables) => unknown;
}

/**
 * A change to the server that refreshes what it changed: `invalidates` names the keys, and every card reading them
 * (on this page or another) asks again. `mutation.error` is an ApiError: show it with `toProblem(mutation.error)`.
 */
export function useApiMutation<TData, TVariables = void>({ invalidates, onSuccess, ...options }: ApiMutationOptions<TData, TVariables>) {
  const client = useQueryClient();
  return useMutation<TData, Error, TVariables>({
    ...options,
    onSuccess: async (data, variables) => {
      await Promise.all(invalidates(data, variables).map((queryKey) => client.invalidateQueries({ queryKey })));
      await onSuccess?.(data, variables);
    },
  });
}
