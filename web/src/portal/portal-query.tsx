/**
 * The portal's data-loading layer (TanStack Query, issue 15 item 13): its own QueryClient, apart from the staff
 * application's, so a portal page and a staff page never share a cached answer, and the portal's keys.
 *
 * The staff defaults (../shared/query.tsx: a refusal is never retried, a mutation never) with one change: an answer
 * is stale at once, so a page opened again always asks again (showing what it had meanwhile) — a person comes back
 * to the portal to see whether something changed (a decision, a message, a consent). A change names the keys it makes
 * stale (`useApiMutation`, `invalidates`); the whole cache is forgotten when the portal session ends or the person
 * logs out, so the next person on the device never sees the last one's dossier.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { newQueryClient } from '../shared/query';

export const portalQueryClient = newQueryClient();
portalQueryClient.setDefaultOptions({
  ...portalQueryClient.getDefaultOptions(),
  queries: { ...portalQueryClient.getDefaultOptions().queries, staleTime: 0 },
});

/** Forgets every cached portal answer (log-out, session ended: the next person must not see them). */
export function forgetPortalState(): void {
  portalQueryClient.clear();
}

export function PortalQueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={portalQueryClient}>{children}</QueryClientProvider>;
}

/** Every key of the portal's cache, hierarchical: invalidating `portalKeys.consents` also refreshes the parents' part. */
export const portalKeys = {
  all: ['portal'] as const,
  providers: ['portal', 'oidc-providers'] as const,
  dossier: ['portal', 'dossier'] as const,
  generalInformation: ['portal', 'general-information'] as const,
  accessLog: ['portal', 'access-log'] as const,
  requests: ['portal', 'requests'] as const,
  consents: ['portal', 'consents'] as const,
  parentConsents: ['portal', 'consents', 'parents'] as const,
  messages: ['portal', 'messages'] as const,
};
