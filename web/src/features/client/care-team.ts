/** The client's care team as `GET /api/clients/{clientId}/care-team` returns it, loaded once (one query key) for the cards that need it. */
import { useQuery } from '@tanstack/react-query';
import { dataOf, server, type ResponseOf } from '../../shared/api-client';
import { today } from '../../shared/labels';
import { queryKeys } from '../../shared/query-keys';

export type CareTeamMember = ResponseOf<'/api/clients/{clientId}/care-team'>['members'][number];

/** The members, from the one cached answer every card of this client shares (a team change invalidates it). */
export function useCareTeam(clientId: string) {
  return useQuery({
    queryKey: queryKeys.careTeam(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/care-team', { params: { path: { clientId } } })),
    select: (team) => team.members,
  });
}

/** Whether the membership counts on `day` (as the access layer reads it: from the first day to the last, both included). */
export function isCurrent(m: CareTeamMember, day = today()): boolean {
  return m.startsOn <= day && (m.endsOn === null || m.endsOn >= day);
}

/**
 * The professionals involved in the client's care now (holder, members, substitutes), once each: whom administrative
 * staff may act for (004 C). The holder first.
 */
export function involvedProfessionals(team: readonly CareTeamMember[]): { id: string; name: string; holder: boolean }[] {
  const now = team.filter((m) => isCurrent(m) && m.relation !== 'intern');
  const holderIds = new Set(now.filter((m) => m.relation === 'holder').map((m) => m.employee.id));
  const seen = new Set<string>();
  const people: { id: string; name: string; holder: boolean }[] = [];
  for (const m of [...now].sort((a, b) => Number(holderIds.has(b.employee.id)) - Number(holderIds.has(a.employee.id)))) {
    if (seen.has(m.employee.id)) continue;
    seen.add(m.employee.id);
    people.push({ id: m.employee.id, name: `${m.employee.name} (${m.employee.function})`, holder: holderIds.has(m.employee.id) });
  }
  return people;
}
