/**
 * The care team (DOMAIN §2: only those directly involved open the dossier): who works with the client, in which
 * relation and for which period; adding a colleague, ending a membership (kept in the history) and handing the
 * dossier to another holder. Only the holder or a manager changes the team (the engine's change-care-team);
 * everyone else reads why, before any form.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server } from '../../shared/api-client';
import { ProblemBox, Select, TextInput } from '../../shared/components';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { CARE_RELATIONS, formatDate, label, today } from '../../shared/labels';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';
import { isCurrent, useCareTeam, type CareTeamMember } from './care-team';
import { useRefreshClient } from './client-queries';
import { Toggle } from './Toggle';

/**
 * What a change of the team makes stale, awaited: the team and the record (its holder). Who is in the team also decides
 * what every other card offers and whose caseload holds the client: those ask again in the background (useRefreshClient).
 */
const teamChanged = (clientId: string) => [queryKeys.careTeam(clientId), queryKeys.clientDetail(clientId)];

/** The calendar day after `day` (YYYY-MM-DD), and the one before. */
function dayAfter(day: string, by = 1): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + by);
  return d.toISOString().slice(0, 10);
}

export function CareTeamCard({ client, me }: { client: ClientDetail; me: Me }) {
  const team = useCareTeam(client.id);
  const may = mayDo(me, client, Act.changeCareTeam);
  const allowed = may.outcome === 'allow';
  const members = team.data ?? [];
  return (
    <section className="card" aria-labelledby="team-title">
      <h2 id="team-title">Wie werkt met deze cliënt</h2>
      <ProblemBox problem={problemOf(team.error)} />
      {team.data !== undefined && (
        <ul className="plain" data-testid="care-team">
          {members.map((m) => (
            <li key={m.id}>
              {m.employee.name} ({m.employee.function}) — {label(CARE_RELATIONS, m.relation)}, vanaf {formatDate(m.startsOn)}{m.endsOn !== null && ` t/m ${formatDate(m.endsOn)}`}
              {allowed && (m.endsOn === null || m.endsOn >= today()) && (m.relation === 'holder'
                // The server refuses ending the holder's own membership: the dossier always needs a holder (003 §2.1).
                ? <span className="hint" data-testid="holder-stays"> — de dossierhouder wisselt via &lsquo;Dossierhouder wijzigen&rsquo;</span>
                : <EndMembership clientId={client.id} member={m} />)}
            </li>
          ))}
        </ul>
      )}
      {allowed
        ? (
            <>
              <Toggle open="Iemand aan het team toevoegen">
                {(close) => (
                  <AddMember clientId={client.id} onDone={close} />
                )}
              </Toggle>
              <Toggle open="Dossierhouder wijzigen">
                {(close) => (
                  <ChangeHolder clientId={client.id} members={members} onDone={close} />
                )}
              </Toggle>
            </>
          )
        : <NotYours title="Het team veranderen" decision={may} />}
    </section>
  );
}

function EndMembership({ clientId, member }: { clientId: string; member: CareTeamMember }) {
  const [open, setOpen] = useState(false);
  const [endsOn, setEndsOn] = useState(today());
  const refresh = useRefreshClient(clientId);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/care-team/{memberId}/end', { params: { path: { clientId, memberId: member.id } }, body: { endsOn } })),
    invalidates: () => teamChanged(clientId),
    onSuccess: () => {
      refresh();
      setOpen(false);
    },
  });
  const who = `${member.employee.name} (${label(CARE_RELATIONS, member.relation).toLowerCase()})`;
  if (!open) return <> <button type="button" className="link-button" onClick={() => setOpen(true)} aria-label={`Teamlidmaatschap van ${who} beëindigen`}>beëindigen</button></>;
  return (
    <form className="subform" onSubmit={submitWith(() => save.mutate())} aria-label={`Teamlidmaatschap van ${who} beëindigen`}>
      <TextInput label={`Laatste dag in het team voor ${who}`} type="date" value={endsOn} onChange={setEndsOn} required />
      <p className="hint">Na deze dag kan {member.employee.name} het dossier niet meer openen. Het lidmaatschap blijft in de geschiedenis.</p>
      <ProblemBox problem={problemOf(save.error)} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>Lidmaatschap beëindigen</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>Annuleren</button>
      </div>
    </form>
  );
}

function AddMember({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const candidates = useQuery({
    queryKey: queryKeys.careTeamCandidates(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/care-team/candidates', { params: { path: { clientId } } })),
    select: (answer) => answer.candidates,
  });
  const [employeeId, setEmployeeId] = useState('');
  const [relation, setRelation] = useState('');
  const [startsOn, setStartsOn] = useState(today());
  const [endsOn, setEndsOn] = useState('');
  const chosen = candidates.data?.find((c) => c.id === employeeId);
  const refresh = useRefreshClient(clientId);
  // An intern joins as intern, and only an intern does (the API checks the same).
  const relations: [string, string][] = chosen?.role === 'intern'
    ? [['intern', label(CARE_RELATIONS, 'intern')]]
    : (['member', 'substitute'] as const).map((r): [string, string] => [r, label(CARE_RELATIONS, r)]);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/care-team', {
      params: { path: { clientId } },
      body: { employeeId, relation: chosen?.role === 'intern' ? 'intern' : relation as 'member' | 'substitute', startsOn, ...(endsOn === '' ? {} : { endsOn }) },
    })),
    invalidates: () => teamChanged(clientId),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  return (
    <form onSubmit={submitWith(() => save.mutate())}>
      <ProblemBox problem={problemOf(candidates.error)} />
      <Select
        label="Collega"
        value={employeeId}
        onChange={setEmployeeId}
        options={(candidates.data ?? []).map((c): [string, string] => [c.id, `${c.name} (${c.function})`])}
        allowEmpty="Kies een collega"
        required
      />
      {chosen?.role !== 'intern' && <Select label="Rol in het team" value={relation} onChange={setRelation} options={relations} allowEmpty="Kies de rol" required />}
      <TextInput label="Vanaf" type="date" value={startsOn} onChange={setStartsOn} required />
      <TextInput label="Tot en met (leeg: geen einddatum)" type="date" value={endsOn} onChange={setEndsOn} />
      <p className="hint">Wie in het team komt, kan het dossier openen. Voeg alleen toe wie direct bij de hulp betrokken is.</p>
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Toevoegen aan het team</button>
    </form>
  );
}

/**
 * Hands the dossier to a colleague in the team: the new holder from the chosen day, the current holder's
 * holdership ending the day before (and, if chosen, staying on as a member), so that on each day one holder counts —
 * one server call (POST …/care-team/hand-over), one transaction.
 */
function ChangeHolder({ clientId, members, onDone }: { clientId: string; members: readonly CareTeamMember[]; onDone: () => void }) {
  const holders = members.filter((m) => m.relation === 'holder' && isCurrent(m));
  const holderIds = new Set(holders.map((h) => h.employee.id));
  const options: [string, string][] = [...new Map(members
    .filter((m) => isCurrent(m) && m.relation !== 'intern' && !holderIds.has(m.employee.id))
    .map((m): [string, string] => [m.employee.id, `${m.employee.name} (${m.employee.function})`])).entries()];
  const [employeeId, setEmployeeId] = useState('');
  const [from, setFrom] = useState(dayAfter(today()));
  const [staysMember, setStaysMember] = useState(false);
  const refresh = useRefreshClient(clientId);
  // One call, one transaction on the server (issue 15 item 4): never two holders or none if something fails halfway.
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/care-team/hand-over', {
      params: { path: { clientId } }, body: { employeeId, holderFrom: from, formerHolderStays: staysMember },
    })),
    invalidates: () => teamChanged(clientId),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  if (options.length === 0) return <p>Er is niemand anders in het team die dossierhouder kan worden. Voeg eerst een collega toe aan het team.</p>;
  return (
    <form onSubmit={submitWith(() => save.mutate())}>
      <Select label="Nieuwe dossierhouder" value={employeeId} onChange={setEmployeeId} options={options} allowEmpty="Kies een collega uit het team" required />
      <TextInput label="Dossierhouder vanaf" type="date" value={from} onChange={setFrom} required hint="De huidige dossierhouder blijft dat tot en met de dag ervoor." />
      {holders.length > 0 && (
        <label className="checkbox">
          <input type="checkbox" checked={staysMember} onChange={(e) => setStaysMember(e.target.checked)} />
          {' '}{holders.map((h) => h.employee.name).join(' en ')} blijft daarna als teamlid betrokken
        </label>
      )}
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Dossierhouder wijzigen</button>
    </form>
  );
}
