/**
 * The application administrator's pages: employees (accounts and roles) and teams.
 * The administrator never sets a password or second factor: a new or reset
 * account gets a one-time link for the employee. A privileged role (manager,
 * privacy officer, administrator) is only asked for here; a second person approves it.
 */
import { useState } from 'react';
import { api, get, post, toProblem, type Problem } from '../../shared/api';
import { Link, Loading, ProblemBox, Select, TextInput, useLoad, useSubmit, Wide } from '../../shared/components';
import { ROLES, formatDate, label } from '../../shared/labels';
import type { Me } from '../auth/Login';

interface Employee {
  id: string; username: string; displayName: string; functionTitle: string; role: string; rolePending: boolean; pendingRole: string | null;
  active: boolean; enrolled: boolean; totpEnrolled: boolean; teams: { id: string; name: string }[];
}
interface Enrolment { url: string; token: string; expiresAt: string }
interface Team { id: string; name: string; members: { id: string; displayName: string }[] }

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
  const list = useLoad(() => get<{ employees: Employee[] }>('/api/admin/employees'), []);
  const [link, setLink] = useState<{ who: string; enrolment: Enrolment }>();
  const show = (who: string, enrolment: Enrolment) => setLink({ who, enrolment });
  return (
    <section aria-labelledby="employees-title">
      <h2 id="employees-title">Medewerkers en rollen</h2>
      <NewEmployee onCreated={(who, enrolment) => {
        show(who, enrolment);
        list.reload();
      }}
      />
      {link !== undefined && <EnrolmentNotice who={link.who} enrolment={link.enrolment} />}
      {list.loading && <Loading what="Medewerkers" />}
      <ProblemBox problem={list.problem} />
      {list.data !== undefined && (
        <Wide label="Medewerkers (tabel)">
          <table className="list" data-testid="employees">
            <thead><tr><th scope="col">Naam</th><th scope="col">Gebruikersnaam</th><th scope="col">Functie</th><th scope="col">Rol</th><th scope="col">Status</th><th scope="col">Teams</th><th scope="col">Acties</th></tr></thead>
            <tbody>
              {list.data.employees.map((e) => (
                <EmployeeRow key={e.id} employee={e} onChanged={list.reload} onLink={(enrolment) => show(e.displayName, enrolment)} />
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

function EmployeeRow({ employee: e, onChanged, onLink }: { employee: Employee; onChanged: () => void; onLink: (enrolment: Enrolment) => void }) {
  const asked = e.pendingRole ?? e.role;
  const [role, setRole] = useState(asked);
  const [problem, setProblem] = useState<Problem>();
  const run = (action: () => Promise<unknown>, question?: string) => {
    if (question !== undefined && !window.confirm(question)) return;
    setProblem(undefined);
    action().then(onChanged, (error: unknown) => setProblem(toProblem(error)));
  };
  return (
    <tr>
      <td>{e.displayName}</td>
      <td><code>{e.username}</code></td>
      <td>{e.functionTitle}</td>
      <td>
        <div className="inline">
          <Select label={`Rol van ${e.displayName}`} hideLabel value={role} onChange={setRole} options={ROLES} />
          {role !== asked && <button type="button" onClick={() => run(() => api('PATCH', `/api/admin/employees/${e.id}`, { role }))}>Rol opslaan</button>}
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
            ? <button type="button" className="secondary" onClick={() => run(() => post(`/api/admin/employees/${e.id}/disable`), `${e.displayName} blokkeren? Alle sessies stoppen direct.`)}>Blokkeren</button>
            : <button type="button" className="secondary" onClick={() => run(() => post(`/api/admin/employees/${e.id}/enable`))}>Deblokkeren</button>}
          <button
            type="button"
            className="secondary"
            onClick={() => run(async () => {
              const answer = await post<{ enrolment: Enrolment }>(`/api/admin/employees/${e.id}/reset`);
              onLink(answer.enrolment);
            }, `Account van ${e.displayName} resetten? Het wachtwoord en de tweede stap werken dan niet meer; de medewerker stelt ze opnieuw in met een nieuwe link.`)}
          >Account resetten
          </button>
        </div>
        <ProblemBox problem={problem} />
      </td>
    </tr>
  );
}

function NewEmployee({ onCreated }: { onCreated: (who: string, enrolment: Enrolment) => void }) {
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [functionTitle, setFunctionTitle] = useState('');
  const [role, setRole] = useState('care-professional');
  const save = useSubmit(() => post<{ employee: Employee; enrolment: Enrolment }>('/api/admin/employees', { username, displayName, functionTitle, role }), (answer) => {
    onCreated(answer.employee.displayName, answer.enrolment);
    setOpen(false);
    setUsername('');
    setDisplayName('');
    setFunctionTitle('');
  });
  if (!open) return <p><button type="button" onClick={() => setOpen(true)}>Nieuwe medewerker</button></p>;
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="new-employee-title">
      <h3 id="new-employee-title">Nieuwe medewerker</h3>
      <TextInput label="Gebruikersnaam" value={username} onChange={setUsername} required autoComplete="off" />
      <TextInput label="Naam" value={displayName} onChange={setDisplayName} required />
      <TextInput label="Functie" value={functionTitle} onChange={setFunctionTitle} required />
      <Select label="Rol" value={role} onChange={setRole} options={ROLES} hint="Leidinggevende, functionaris gegevensbescherming en functioneel beheerder gelden pas na goedkeuring door een tweede persoon." />
      <ProblemBox problem={save.problem} />
      <div className="actions">
        <button type="submit" disabled={save.busy}>Medewerker aanmaken</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>Annuleren</button>
      </div>
    </form>
  );
}

function Teams() {
  const teams = useLoad(() => get<{ teams: Team[] }>('/api/admin/teams'), []);
  const employees = useLoad(() => get<{ employees: Employee[] }>('/api/admin/employees'), []);
  const [name, setName] = useState('');
  const create = useSubmit(() => post('/api/admin/teams', { name }), () => {
    setName('');
    teams.reload();
  });
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      <form className="inline card" onSubmit={(e) => void create.submit(e)}>
        <TextInput label="Naam van het nieuwe team" value={name} onChange={setName} required />
        <button type="submit" disabled={create.busy}>Team aanmaken</button>
      </form>
      <ProblemBox problem={create.problem} />
      {teams.loading && <Loading what="Teams" />}
      <ProblemBox problem={teams.problem ?? employees.problem} />
      {teams.data?.teams.map((t) => <TeamCard key={t.id} team={t} employees={employees.data?.employees ?? []} onChanged={teams.reload} />)}
    </section>
  );
}

function TeamCard({ team, employees, onChanged }: { team: Team; employees: Employee[]; onChanged: () => void }) {
  const candidates = employees.filter((e) => !team.members.some((m) => m.id === e.id));
  const [add, setAdd] = useState('');
  const put = useSubmit(() => api('PUT', `/api/admin/teams/${team.id}/members/${add}`), () => {
    setAdd('');
    onChanged();
  });
  const [removeProblem, setRemoveProblem] = useState<Problem>();
  const remove = (employeeId: string) => {
    setRemoveProblem(undefined);
    api('DELETE', `/api/admin/teams/${team.id}/members/${employeeId}`).then(onChanged, (error: unknown) => setRemoveProblem(toProblem(error)));
  };
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
          if (add !== '') void put.submit();
        }}
      >
        <Select label={`Lid toevoegen aan ${team.name}`} value={add} onChange={setAdd} options={candidates.map((c): [string, string] => [c.id, `${c.displayName} (${label(ROLES, c.role)})`])} allowEmpty="Kies een medewerker" />
        <button type="submit" disabled={put.busy || add === ''}>Toevoegen</button>
      </form>
      <ProblemBox problem={put.problem ?? removeProblem} />
    </div>
  );
}
