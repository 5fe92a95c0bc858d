/**
 * The application administrator's pages: employees (accounts and roles) and teams.
 * The administrator never sets a password or second factor: a new or reset
 * account gets a one-time link for the employee. A privileged role (manager,
 * privacy officer, administrator) is only asked for here; a second person approves it.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf, type ResponseOf } from '../../shared/api-client';
import { Link, Loading, ProblemBox, Select, TextInput, Wide } from '../../shared/components';
import { ROLES, formatDate, label } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import type { Me } from '../auth/Login';

type Employee = ResponseOf<'/api/admin/employees'>['employees'][number];
type Enrolment = ResponseOf<'/api/admin/employees', 'post'>['enrolment'];
type Team = ResponseOf<'/api/admin/teams'>['teams'][number];
type Role = BodyOf<'/api/admin/employees'>['role'];
const EMPLOYEES = queryKeys.admin('employees');
const TEAMS = queryKeys.admin('teams');
/** Every change to accounts, roles and teams is a line in the administration log; a privileged role waits in the grants. */
const AFTER_ACCOUNT_CHANGE = [EMPLOYEES, TEAMS, queryKeys.admin('log'), queryKeys.admin('role-grants')];

function useEmployees() {
  return useQuery({ queryKey: EMPLOYEES, queryFn: () => dataOf(server.GET('/api/admin/employees')) });
}

export function AdminPage({ path }: { me: Me; path: string }) {
  return (
    <>
      <h1>Beheer</h1>
      <nav aria-label="Beheer-onderdelen" className="tabs">
        <ul>
          <li><Link to="/beheer" current={path === '/beheer'}>Medewerkers en rollen</Link></li>
          <li><Link to="/beheer/teams" current={path === '/beheer/teams'}>Teams</Link></li>
        </ul>
      </nav>
      {path === '/beheer' && <Employees />}
      {path === '/beheer/teams' && <Teams />}
    </>
  );
}

function Employees() {
  const list = useEmployees();
  const [link, setLink] = useState<{ who: string; enrolment: Enrolment }>();
  const show = (who: string, enrolment: Enrolment) => setLink({ who, enrolment });
  return (
    <section aria-labelledby="employees-title">
      <h2 id="employees-title">Medewerkers en rollen</h2>
      <NewEmployee onCreated={show} />
      {link !== undefined && <EnrolmentNotice who={link.who} enrolment={link.enrolment} />}
      {list.isPending && <Loading what="Medewerkers" />}
      <ProblemBox problem={problemOf(list.error)} />
      {list.data !== undefined && (
        <Wide label="Medewerkers (tabel)">
          <table className="list" data-testid="employees">
            <thead><tr><th scope="col">Naam</th><th scope="col">Gebruikersnaam</th><th scope="col">Functie</th><th scope="col">Rol</th><th scope="col">Status</th><th scope="col">Teams</th><th scope="col">Acties</th></tr></thead>
            <tbody>
              {list.data.employees.map((e) => (
                <EmployeeRow key={e.id} employee={e} onLink={(enrolment) => show(e.displayName, enrolment)} />
              ))}
            </tbody>
          </table>
        </Wide>
      )}
    </section>
  );
}

/** The one-time link, shown once: the administrator hands it over; the employee sets their own password and second factor with it. */
function EnrolmentNotice({ who, enrolment }: { who: string; enrolment: Enrolment }) {
  const url = enrolment.url.startsWith('/') ? `${window.location.origin}${enrolment.url}` : enrolment.url;
  return (
    <div className="notice" role="status" data-testid="enrolment-link">
      <p>Uitnodigingslink voor <strong>{who}</strong>: <code>{url}</code></p>
      <p>
        Geef deze link persoonlijk en veilig aan de medewerker. Met de link kiest de medewerker zelf een wachtwoord en stelt de tweede stap in.
        U ziet de link maar één keer. Hij werkt één keer, tot {formatDate(enrolment.expiresAt)}. Gebruik hem niet zelf: dat komt in het logboek.
      </p>
    </div>
  );
}

function EmployeeRow({ employee: e, onLink }: { employee: Employee; onLink: (enrolment: Enrolment) => void }) {
  const asked = e.pendingRole ?? e.role;
  const [role, setRole] = useState<string>(asked);
  const change = useApiMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    invalidates: () => AFTER_ACCOUNT_CHANGE,
  });
  const path = { params: { path: { employeeId: e.id } } };
  const run = (action: () => Promise<unknown>, question?: string) => {
    if (question !== undefined && !window.confirm(question)) return;
    change.mutate(action);
  };
  return (
    <tr>
      <td>{e.displayName}</td>
      <td><code>{e.username}</code></td>
      <td>{e.functionTitle}</td>
      <td>
        <div className="inline">
          <Select label={`Rol van ${e.displayName}`} hideLabel value={role} onChange={setRole} options={ROLES} />
          {role !== asked && <button type="button" onClick={() => run(() => dataOf(server.PATCH('/api/admin/employees/{employeeId}', { ...path, body: { role: role as Role } })))}>Rol opslaan</button>}
        </div>
      </td>
      <td>
        {e.active ? 'Actief' : 'Geblokkeerd'}
        {!e.enrolled && <><br /><span className="muted">Heeft de uitnodigingslink nog niet gebruikt</span></>}
        {e.rolePending && <><br /><span className="muted">Rol wacht op goedkeuring: nog geen rechten</span></>}
        {!e.rolePending && e.pendingRole !== null && <><br /><span className="muted">Rol {label(ROLES, e.pendingRole)} wacht op goedkeuring</span></>}
      </td>
      <td>{e.teams.map((t) => t.name).join(', ') || '—'}</td>
      <td>
        <div className="actions small">
          {e.active
            ? <button type="button" className="secondary" onClick={() => run(() => dataOf(server.POST('/api/admin/employees/{employeeId}/disable', path)), `${e.displayName} blokkeren? Alle sessies stoppen direct.`)}>Blokkeren</button>
            : <button type="button" className="secondary" onClick={() => run(() => dataOf(server.POST('/api/admin/employees/{employeeId}/enable', path)))}>Deblokkeren</button>}
          <button
            type="button"
            className="secondary"
            onClick={() => run(async () => {
              const answer = await dataOf(server.POST('/api/admin/employees/{employeeId}/reset', path));
              onLink(answer.enrolment);
            }, `Account van ${e.displayName} resetten? Het wachtwoord en de tweede stap werken dan niet meer; de medewerker stelt ze opnieuw in met een nieuwe link.`)}
          >Account resetten
          </button>
        </div>
        <ProblemBox problem={problemOf(change.error)} />
      </td>
    </tr>
  );
}

function NewEmployee({ onCreated }: { onCreated: (who: string, enrolment: Enrolment) => void }) {
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [functionTitle, setFunctionTitle] = useState('');
  const [role, setRole] = useState<Role>('care-professional');
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/admin/employees', { body: { username, displayName, functionTitle, role } })),
    invalidates: () => AFTER_ACCOUNT_CHANGE,
    onSuccess: (answer) => {
      onCreated(answer.employee.displayName, answer.enrolment);
      setOpen(false);
      setUsername('');
      setDisplayName('');
      setFunctionTitle('');
    },
  });
  if (!open) return <p><button type="button" onClick={() => setOpen(true)}>Nieuwe medewerker</button></p>;
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="new-employee-title">
      <h3 id="new-employee-title">Nieuwe medewerker</h3>
      <TextInput label="Gebruikersnaam" value={username} onChange={setUsername} required autoComplete="off" />
      <TextInput label="Naam" value={displayName} onChange={setDisplayName} required />
      <TextInput label="Functie" value={functionTitle} onChange={setFunctionTitle} required />
      <Select label="Rol" value={role} onChange={(v) => setRole(v as Role)} options={ROLES} hint="Leidinggevende, functionaris gegevensbescherming en functioneel beheerder gelden pas na goedkeuring door een tweede persoon." />
      <ProblemBox problem={problemOf(save.error)} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>Medewerker aanmaken</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>Annuleren</button>
      </div>
    </form>
  );
}

function Teams() {
  const teams = useQuery({ queryKey: TEAMS, queryFn: () => dataOf(server.GET('/api/admin/teams')) });
  const employees = useEmployees();
  const [name, setName] = useState('');
  const create = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/admin/teams', { body: { name } })),
    invalidates: () => [TEAMS, queryKeys.admin('log')],
    onSuccess: () => setName(''),
  });
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      <form className="inline card" onSubmit={submitWith(() => create.mutate())}>
        <TextInput label="Naam van het nieuwe team" value={name} onChange={setName} required />
        <button type="submit" disabled={create.isPending}>Team aanmaken</button>
      </form>
      <ProblemBox problem={problemOf(create.error)} />
      {teams.isPending && <Loading what="Teams" />}
      <ProblemBox problem={problemOf(teams.error) ?? problemOf(employees.error)} />
      {teams.data?.teams.map((t) => <TeamCard key={t.id} team={t} employees={employees.data?.employees ?? []} />)}
    </section>
  );
}

function TeamCard({ team, employees }: { team: Team; employees: readonly Employee[] }) {
  const candidates = employees.filter((e) => !team.members.some((m) => m.id === e.id));
  const [add, setAdd] = useState('');
  // Membership shows in both lists (the team's card and the employee's Teams column) and in the log.
  const membership = [TEAMS, EMPLOYEES, queryKeys.admin('log')];
  const put = useApiMutation({
    mutationFn: () => dataOf(server.PUT('/api/admin/teams/{teamId}/members/{employeeId}', { params: { path: { teamId: team.id, employeeId: add } } })),
    invalidates: () => membership,
    onSuccess: () => setAdd(''),
  });
  const removal = useApiMutation({
    mutationFn: (employeeId: string) => dataOf(server.DELETE('/api/admin/teams/{teamId}/members/{employeeId}', { params: { path: { teamId: team.id, employeeId } } })),
    invalidates: () => membership,
  });
  const remove = (employeeId: string) => removal.mutate(employeeId);
  return (
    <div className="card">
      <h3>{team.name}</h3>
      {team.members.length === 0
        ? <p>Nog geen leden.</p>
        : (
            <ul className="plain">
              {team.members.map((m) => (
                <li key={m.id}>{m.displayName}{' '}
                  <button type="button" className="link-button" onClick={() => remove(m.id)}>verwijderen uit {team.name}</button>
                </li>
              ))}
            </ul>
          )}
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (add !== '') put.mutate();
        }}
      >
        <Select label={`Lid toevoegen aan ${team.name}`} value={add} onChange={setAdd} options={candidates.map((c): [string, string] => [c.id, `${c.displayName} (${label(ROLES, c.role)})`])} allowEmpty="Kies een medewerker" />
        <button type="submit" disabled={put.isPending || add === ''}>Toevoegen</button>
      </form>
      <ProblemBox problem={problemOf(put.error) ?? problemOf(removal.error)} />
    </div>
  );
}
