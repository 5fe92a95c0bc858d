/**
 * Oversight of the administration (separation of duties):
 * - `/rollen`: privileged roles awaiting a second person's approval, for
 *   managers and the privacy officer (never the administrator, never one's own);
 * - `/privacy-beheerlog`: the administration log from the hash-chained access
 *   log, for the privacy officer.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type ResponseOf } from '../../shared/api-client';
import { Basis, Loading, ProblemBox, Wide, ConfirmButton } from '../../shared/components';
import { ADMINISTRATION_ACTS, ORGANISATION_SETTINGS, ROLES, formatDate, label, settingValue } from '../../shared/labels';
import { problemOf, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';

type Grant = ResponseOf<'/api/role-grants'>['grants'][number];
const GRANTS = queryKeys.admin('role-grants');

const REASONS: Record<string, string> = { 'new-account': 'Nieuw account', 'role-change': 'Andere rol', 'reset': 'Account gereset' };

export function RoleGrantsPage() {
  const grants = useQuery({ queryKey: GRANTS, queryFn: () => dataOf(server.GET('/api/role-grants')) });
  return (
    <>
      <h1>Rollen goedkeuren</h1>
      <p>
        De functioneel beheerder kan iemand niet alleen leidinggevende, functionaris gegevensbescherming of beheerder maken.
        Een tweede persoon keurt dat goed (vier-ogenprincipe). Keur pas goed als u de medewerker zelf heeft gesproken,
        en die bevestigt dat hij of zij de uitnodigingslink zelf heeft gebruikt.
      </p>
      {grants.isPending && <Loading what="Aanvragen" />}
      <ProblemBox problem={problemOf(grants.error)} />
      {grants.data !== undefined && grants.data.grants.length === 0 && <p>Er wachten geen rollen op goedkeuring.</p>}
      {grants.data !== undefined && grants.data.grants.length > 0 && (
        <Wide label="Rollen die wachten op goedkeuring (tabel)">
          <table className="list" data-testid="role-grants">
            <thead><tr><th scope="col">Medewerker</th><th scope="col">Gevraagde rol</th><th scope="col">Nu</th><th scope="col">Waarom</th><th scope="col">Gevraagd door</th><th scope="col">Besluit</th></tr></thead>
            <tbody>{grants.data.grants.map((g) => <GrantRow key={g.id} grant={g} />)}</tbody>
          </table>
        </Wide>
      )}
    </>
  );
}

function GrantRow({ grant: g }: { grant: Grant }) {
  // A decision changes the employee's role (the administrator's list) and is a line in the administration log.
  const decision = useApiMutation({
    mutationFn: async (action: 'approve' | 'refuse') => {
      const params = { path: { grantId: g.id } };
      if (action === 'approve') await dataOf(server.POST('/api/role-grants/{grantId}/approve', { params }));
      else await dataOf(server.POST('/api/role-grants/{grantId}/refuse', { params }));
    },
    invalidates: () => [GRANTS, queryKeys.admin('employees'), queryKeys.admin('log')],
  });
  const decide = (action: 'approve' | 'refuse') => decision.mutate(action);
  return (
    <tr>
      <td>{g.employee.displayName} <span className="muted">(<code>{g.employee.username}</code>, {g.employee.functionTitle})</span></td>
      <td>{label(ROLES, g.role)}</td>
      <td>{g.employee.currentRole === null ? 'Nog geen rechten' : label(ROLES, g.employee.currentRole)}</td>
      <td>
        {REASONS[g.reason] ?? g.reason}
        {!g.employee.enrolled && <><br /><span className="muted">Uitnodigingslink nog niet gebruikt</span></>}
      </td>
      <td>{g.requestedBy.displayName}<br /><span className="muted">{formatDate(g.requestedAt)}</span></td>
      <td>
        {g.mayDecide
          ? (
              <div className="actions small">
                <button type="button" onClick={() => decide('approve')} aria-label={`Rol van ${g.employee.displayName} goedkeuren`}>Goedkeuren</button>
                <ConfirmButton ariaLabel={`Rol van ${g.employee.displayName} afwijzen`} question={`De rol van ${g.employee.displayName} afwijzen?`} confirm="Ja, afwijzen" onConfirm={() => decide('refuse')}>Afwijzen</ConfirmButton>
              </div>
            )
          : <span className="muted">Een ander beslist (uw eigen rol)</span>}
        <ProblemBox problem={problemOf(decision.error)} />
      </td>
    </tr>
  );
}

/** The act in words; an act this screen does not know yet (a newer server) still shows no raw code. */
function actLabel(act: string | null): string {
  if (act === null) return 'Beheer geprobeerd';
  return (ADMINISTRATION_ACTS as Readonly<Record<string, string>>)[act] ?? 'Andere beheerhandeling';
}

export function AdminLogPage() {
  const [before, setBefore] = useState<string>();
  const page = useQuery({
    queryKey: queryKeys.admin('log', before),
    queryFn: () => dataOf(server.GET('/api/admin-log', { params: { query: { limit: 100, ...(before === undefined ? {} : { before }) } } })),
  });
  return (
    <>
      <h1>Beheerlogboek</h1>
      <p>
        Alles wat in het beheer gebeurt: accounts, rollen, goedkeuringen, teams en privacy-instellingen, en pogingen die zijn
        geweigerd. Uit het beveiligde logboek; niemand kan regels wijzigen.
      </p>
      {page.isPending && <Loading what="Beheerlogboek" />}
      <ProblemBox problem={problemOf(page.error)} />
      {page.data !== undefined && page.data.lines.length === 0 && <p>Er staat nog niets in het beheerlogboek.</p>}
      {page.data !== undefined && page.data.lines.length > 0 && (
        <>
          <Wide label="Beheerlogboek (tabel)">
            <table className="list" data-testid="admin-log">
              <thead><tr><th scope="col">Wanneer</th><th scope="col">Wie</th><th scope="col">Wat</th><th scope="col">Over wie</th><th scope="col">Uitkomst</th><th scope="col">Grondslag</th></tr></thead>
              <tbody>
                {page.data.lines.map((l) => (
                  <tr key={l.seq}>
                    <td>{formatDate(l.at)}</td>
                    <td>
                      {l.operator !== null
                        ? <>Inrichting door {l.operator}</>
                        : <>{l.actor.name ?? '—'} <span className="muted">({label(ROLES, l.actor.role)})</span></>}
                    </td>
                    <td>
                      {actLabel(l.act)}
                      {l.setting !== null && (
                        <>
                          {' — '}{label(ORGANISATION_SETTINGS, l.setting.name)}:{' '}
                          {settingValue(l.setting.name, l.setting.from)} → {settingValue(l.setting.name, l.setting.to)}
                        </>
                      )}
                      {l.role !== null && <> — {label(ROLES, l.role)}</>}
                      {l.team !== null && <> — {l.team.name ?? 'team'}</>}
                    </td>
                    <td>{l.subject?.name ?? '—'}</td>
                    <td>{l.outcome === 'allowed' ? 'Gedaan' : 'Geweigerd'}</td>
                    <td><Basis basis={l.citations} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Wide>
          {page.data.nextBefore !== null && <button type="button" className="secondary" onClick={() => setBefore(page.data.nextBefore ?? undefined)}>Oudere regels</button>}
        </>
      )}
    </>
  );
}
