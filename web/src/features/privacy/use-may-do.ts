/**
 * The engine's answer for a card that has no session at hand: the logged-in employee from the cached session
 * (`GET /api/auth/me`, loaded once by the app), asked with `mayDo` (shared/permissions.ts) as the client page asks.
 * Undefined until the session and the client record are loaded, so a card shows neither form nor refusal before.
 */
import { useQuery } from '@tanstack/react-query';
import type { Act } from '../../../../src/rules/acts.js';
import type { Decision } from '../../../../src/rules/decision.js';
import { dataOf, server } from '../../shared/api-client';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo, type AskMore } from '../../shared/permissions';
import { queryKeys } from '../../shared/query-keys';

export function useMayDo(client: ClientDetail | undefined, act: Act, more: AskMore = {}): Decision | undefined {
  const me = useQuery({ queryKey: queryKeys.me, queryFn: () => dataOf(server.GET('/api/auth/me')) });
  if (me.data === undefined || client === undefined) return undefined;
  return mayDo(me.data, client, act, more);
}
