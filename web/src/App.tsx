/** The application shell: who is logged in, the navigation by role, and the pages. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { onSessionEnded, setPurpose, toProblem } from './shared/api';
import { dataOf, server } from './shared/api-client';
import { forgetServerState } from './shared/query';
import { queryKeys } from './shared/query-keys';
import { Link, Loading, ProblemBox } from './shared/components';
import { PURPOSES, ROLES, formatDate, label } from './shared/labels';
import { LoginPage, type Me } from './features/auth/Login';
import { CaseloadPage } from './features/caseload/Caseload';
import { ClientPage } from './features/client/Client';
import { RequestsDashboard } from './features/requests/Requests';
import { PrivacyPage, ReviewQueue } from './features/privacy/Privacy';
import { AdminPage } from './features/admin/Admin';
import { PickupPage } from './features/pickup/Pickup';
import { WorkNotesPage } from './features/work-notes/WorkNotes';
import { RegistersPage } from './features/privacy/Registers';
import { FamilyPage } from './features/family/Family';
import { EnrolmentPage } from './features/auth/Enrolment';
import { AdminLogPage, RoleGrantsPage } from './features/privacy/Oversight';
import { AccountPage } from './features/auth/Account';
import { match, navigate, usePath } from './shared/router';
import { SessionTimer } from './shared/session-timer';
import { PortalApp } from './portal/PortalApp';

/** Who is logged in, asked of the server (a 401 here is no session yet, not an ended one: no listener fires). */
const whoAmI = () => dataOf(server.GET('/api/auth/me'));
const endSession = () => dataOf(server.POST('/api/auth/logout'));

type Session = { state: 'loading' } | { state: 'out'; notice?: string } | { state: 'in'; me: Me };

/** The client portal (`/portaal/...`, issue 19) has its own shell, session and log-in (web/src/portal/); the rest is staff. */
export function App() {
  return usePath().startsWith('/portaal') ? <PortalApp /> : <StaffApp />;
}

function StaffApp() {
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const path = usePath();

  useEffect(() => {
    whoAmI().then((me) => setSession({ state: 'in', me }), () => setSession({ state: 'out' }));
    return onSessionEnded(() => setSession({ state: 'out', notice: 'Uw sessie is afgelopen. Log opnieuw in.' }));
  }, []);

  useEffect(() => {
    const main = document.getElementById('main');
    document.title = `${titleFor(path)} — Dossierwijzer`;
    main?.focus({ preventScroll: true });
  }, [path, session.state]);

  // The requester's pickup page needs no account and no session.
  if (path === '/ophalen') return <PickupPage />;
  // The employee's own enrolment link (the administrator never sets a password or second factor).
  if (path === '/inschrijven') {
    const enrolled = () => {
      navigate('/');
      whoAmI().then((me) => setSession({ state: 'in', me }), () => setSession({ state: 'out' }));
    };
    return <EnrolmentPage onDone={enrolled} />;
  }
  if (session.state === 'loading') return <main id="main"><Loading what="Dossierwijzer" /></main>;
  if (session.state === 'out') {
    return <LoginPage {...(session.notice === undefined ? {} : { notice: session.notice })} onLoggedIn={(me) => setSession({ state: 'in', me })} />;
  }
  const { me } = session;
  if (me.rolePending) {
    return (
      <main id="main" className="login">
        <h1>Uw rol wacht op goedkeuring</h1>
        <p>
          Uw account is klaar. Uw rol als {label(ROLES, me.role).toLowerCase()} moet nog worden goedgekeurd door een tweede persoon
          (een leidinggevende of de functionaris gegevensbescherming). Tot dan kunt u nog niets doen in Dossierwijzer.
        </p>
        <button type="button" onClick={() => void logout()}>Uitloggen</button>
      </main>
    );
  }

  async function logout() {
    try {
      await endSession();
    } catch (error) {
      // The session may already have ended; either way the user is out.
      void toProblem(error);
    }
    setPurpose(undefined);
    // The next person at this browser must not see what was loaded for this one.
    forgetServerState();
    setSession({ state: 'out', notice: 'U bent uitgelogd.' });
    navigate('/');
  }

  return (
    <>
      <a className="skip" href="#main">Naar de inhoud</a>
      <SessionTimer employeeId={me.employeeId} role={me.role} />
      <header className="top">
        <div className="brand"><Link to="/">Dossierwijzer</Link></div>
        <nav aria-label="Hoofdmenu">
          <ul>
            <NavItem to="/" path={path} exact>Mijn caseload</NavItem>
            <NavItem to="/verzoeken" path={path}>Verzoeken</NavItem>
            {(me.role === 'care-professional' || me.role === 'intern') && <NavItem to="/werkaantekeningen" path={path}>Werkaantekeningen</NavItem>}
            {(me.role === 'manager' || me.role === 'admin-staff' || me.role === 'privacy-officer') && <NavItem to="/registers" path={path}>Registers</NavItem>}
            {me.role === 'privacy-officer' && <NavItem to="/privacy" path={path}>Privacy</NavItem>}
            {(me.role === 'manager' || me.role === 'privacy-officer') && <NavItem to="/rollen" path={path}>Rollen goedkeuren</NavItem>}
            {me.role === 'manager' && <NavItem to="/noodtoegang" path={path}>Noodtoegang beoordelen</NavItem>}
            {me.role === 'privacy-officer' && <NavItem to="/logboek-beheer" path={path}>Beheerlogboek</NavItem>}
            {me.role === 'application-administrator' && <NavItem to="/beheer" path={path}>Beheer</NavItem>}
          </ul>
        </nav>
        <div className="who">
          {me.role === 'manager' && <PurposeChoice />}
          <span data-testid="who">{me.displayName} <span className="muted">({label(ROLES, me.role)})</span></span>
          <Link to="/account" current={path === '/account'}>Mijn account</Link>
          <button type="button" className="link-button" onClick={() => void logout()}>Uitloggen</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page path={path} me={me} />
      </main>
    </>
  );
}

/** A record a purpose names: a complaint or incident about the client, or a quality audit with its sample (issue 14). */
interface PurposeRecord { id: string; label: string }

/** The register a purpose's records are in (its query key, so recording a complaint refreshes the choice). */
const REGISTER_OF: Record<string, string> = { 'complaint': 'complaints', 'incident': 'incidents', 'quality-control': 'quality-audits' };

async function recordsFor(purpose: string): Promise<PurposeRecord[]> {
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
  switch (purpose) {
    case 'complaint': {
      const { complaints } = await dataOf(server.GET('/api/registers/complaints'));
      return complaints.map((c) => ({ id: c.id, label: `Klacht van ${formatDate(c.receivedOn)}: ${short(c.summary)}` }));
    }
    case 'incident': {
      const { incidents } = await dataOf(server.GET('/api/registers/incidents'));
      return incidents.map((i) => ({ id: i.id, label: `Incident van ${formatDate(i.occurredOn)}: ${short(i.description)}` }));
    }
    case 'quality-control': {
      const { audits } = await dataOf(server.GET('/api/registers/quality-audits'));
      return audits.map((a) => ({ id: a.id, label: `Audit ${short(a.subject)} (${formatDate(a.startsOn)} tot en met ${formatDate(a.endsOn)})` }));
    }
    default:
      return [];
  }
}

/**
 * A manager opens dossiers only for a stated purpose that names its record — a complaint or incident about the
 * client, or a running quality audit with the client in its sample (issue 14: purposes are references); the pair
 * goes with every request, and the engine checks that the record concerns the dossier opened.
 */
function PurposeChoice() {
  const [purpose, choosePurpose] = useState('');
  const [record, chooseRecord] = useState('');
  const choice = useQuery({
    queryKey: queryKeys.registers(REGISTER_OF[purpose] ?? purpose, 'purpose-records'),
    queryFn: () => recordsFor(purpose),
    enabled: purpose !== '',
  });
  const records = choice.data;
  const failed = choice.isError;
  const queryClient = useQueryClient();
  // What was read under one purpose is not shown under another (nor under none): the cache keys do not name the
  // purpose, so a change drops every client answer and the open page asks again with the purpose now in force.
  const forgetReadsUnderPurpose = () => void queryClient.resetQueries({
    predicate: (query) => query.queryKey[0] === 'client' || query.queryKey[0] === 'clients' || query.queryKey[0] === 'requests' || query.queryKey[0] === 'family',
  });
  const onPurpose = (value: string) => {
    choosePurpose(value);
    chooseRecord('');
    setPurpose(undefined);
    forgetReadsUnderPurpose();
  };
  const onRecord = (id: string) => {
    chooseRecord(id);
    setPurpose(id === '' ? undefined : `${purpose} ${id}`);
    forgetReadsUnderPurpose();
  };
  const empty = failed ? 'De lijst kon niet worden geladen' : records === undefined ? 'Laden…' : records.length === 0 ? 'Niets vastgelegd' : 'Kies wat u onderzoekt';
  return (
    <div className="purpose">
      <label>
        Doel van inzage
        <select value={purpose} onChange={(e) => onPurpose(e.target.value)}>
          <option value="">Geen doel gekozen</option>
          {Object.entries(PURPOSES).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </label>
      {purpose !== '' && (
        <label>
          Waarover
          <select value={record} onChange={(e) => onRecord(e.target.value)}>
            <option value="">{empty}</option>
            {records?.map((r) => <option key={r.id} value={r.id}>{r.label}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}

function NavItem({ to, path, exact, children }: { to: string; path: string; exact?: boolean; children: ReactNode }) {
  const current = exact === true ? path === to : path.startsWith(to);
  return (
    <li>
      <a
        href={to}
        aria-current={current ? 'page' : undefined}
        onClick={(e) => {
          e.preventDefault();
          navigate(to);
        }}
      >{children}
      </a>
    </li>
  );
}

function titleFor(path: string): string {
  if (path.startsWith('/clienten')) return 'Cliënt';
  if (path.startsWith('/verzoeken')) return 'Verzoeken';
  if (path.startsWith('/werkaantekeningen')) return 'Werkaantekeningen';
  if (path.startsWith('/registers')) return 'Registers';
  if (path.startsWith('/gezinnen')) return 'Gezinsdossier';
  if (path.startsWith('/privacy')) return 'Privacy';
  if (path.startsWith('/beheer')) return 'Beheer';
  if (path.startsWith('/rollen')) return 'Rollen goedkeuren';
  if (path.startsWith('/noodtoegang')) return 'Noodtoegang beoordelen';
  if (path.startsWith('/logboek-beheer')) return 'Beheerlogboek';
  if (path.startsWith('/inschrijven')) return 'Account instellen';
  if (path === '/account') return 'Mijn account';
  return 'Mijn caseload';
}

function Page({ path, me }: { path: string; me: Me }) {
  if (path === '/') return <CaseloadPage me={me} />;
  if (path === '/verzoeken') return <RequestsDashboard />;
  if (path === '/werkaantekeningen') return <WorkNotesPage />;
  if (path.startsWith('/registers')) return <RegistersPage path={path} />;
  const family = match('/gezinnen/:familyId', path);
  if (family !== undefined) return <FamilyPage familyId={family.familyId!} />;
  const client = match('/clienten/:clientId', path) ?? match('/clienten/:clientId/:tab', path) ?? match('/clienten/:clientId/:tab/:sub', path);
  if (client !== undefined) return <ClientPage me={me} clientId={client.clientId!} tab={client.tab ?? 'overzicht'} sub={client.sub} />;
  if (path.startsWith('/privacy')) return <PrivacyPage me={me} path={path} />;
  if (path.startsWith('/beheer')) return <AdminPage me={me} path={path} />;
  if (path === '/rollen') return <RoleGrantsPage />;
  if (path === '/noodtoegang' && me.role === 'manager') return <><h1>Noodtoegang beoordelen</h1><ReviewQueue reviewer="manager" /></>;
  if (path === '/logboek-beheer') return <AdminLogPage />;
  if (path === '/account') return <AccountPage me={me} />;
  return (
    <>
      <h1>Pagina niet gevonden</h1>
      <ProblemBox problem={{ status: 404, nl: 'Deze pagina bestaat niet.' }} />
      <p><Link to="/">Naar mijn caseload</Link></p>
    </>
  );
}
