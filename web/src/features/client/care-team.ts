/** The client's care team as `GET /api/clients/:clientId/care-team` returns it, loaded once for the cards that need it. */
import { get } from '../../shared/api';
import { useLoad } from '../../shared/components';
import { today } from '../../shared/labels';

export interface CareTeamMember {
  id: string;
  employee: { id: string; name: string; function: string; role: string };
  relation: 'holder' | 'member' | 'substitute' | 'intern';
  startsOn: string;
  endsOn: string | null;
}

export function useCareTeam(clientId: string) {
  return useLoad(() => get<{ members: CareTeamMember[] }>(`/api/clients/${clientId}/care-team`).then((t) => t.members), [clientId]);
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
