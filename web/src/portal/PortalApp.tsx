/**
 * The client portal's shell (issue 19 item 7): every page under `/portaal/...` for young people and parents.
 * Its own session (GET /api/portal/auth/me on the portal cookie), its own log-in, its own language (the text
 * catalogues in texts/, Dutch first, English second), and nothing of the staff application: App.tsx hands every
 * `/portaal` path here before the staff shell asks for a staff session.
 *
 * Mobile first: designed at 390 px (one column, a menu of large touch targets), calm at 1366 px (a narrow
 * reading column). Styles are scoped under `.portal` in portal.css.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { navigate, usePath } from '../shared/router';
import { dataOf, onPortalSessionEnded, portal } from './portal-api';
import { forgetPortalState, PortalQueryProvider } from './portal-query';
import { LanguageSwitch, PortalLink, PortalLoading } from './components';
import { CATALOGUES, LanguageContext, storeLanguage, storedLanguage, useLanguage, type Language } from './texts/catalogue';
import type { PortalMe } from './portal-types';
import { PortalLogin } from './pages/PortalLogin';
import { InvitationPage } from './pages/Invitation';
import { PortalHome } from './pages/Home';
import { PORTAL_PAGES, pageOf } from './portal-pages';
import './portal.css';

type Session = { state: 'loading' } | { state: 'out'; notice?: 'loggedOut' | 'sessionEnded' } | { state: 'in'; me: PortalMe };

export function PortalApp() {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguageState(next);
  }, []);
  const choice = useMemo(() => ({ language, t: CATALOGUES[language], setLanguage }), [language, setLanguage]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <LanguageContext.Provider value={choice}>
      <PortalQueryProvider>
        <div className="portal">
          <PortalShell />
        </div>
      </PortalQueryProvider>
    </LanguageContext.Provider>
  );
}

function PortalShell() {
  const { t } = useLanguage();
  const path = usePath();
  const [session, setSession] = useState<Session>({ state: 'loading' });

  // The session is the shell's own state (in, out, with why), not a cached answer: every page's cache is forgotten
  // when it ends, so the next person on this device never sees the last one's dossier.
  const loadMe = useCallback(() => {
    dataOf(portal.GET('/api/portal/auth/me')).then((me) => setSession({ state: 'in', me }), () => setSession({ state: 'out' }));
  }, []);
  useEffect(() => {
    loadMe();
    return onPortalSessionEnded(() => {
      forgetPortalState();
      setSession({ state: 'out', notice: 'sessionEnded' });
    });
  }, [loadMe]);

  const page = pageOf(path);
  const isHome = path === '/portaal' || path === '/portaal/' || path === '/portaal/inloggen';
  useEffect(() => {
    const title = path === '/portaal/uitnodiging' ? t.invitation.title : session.state === 'in' ? (isHome ? t.home.title : page === undefined ? t.shell.notFound : t.shell[page.key]) : t.login.title;
    document.title = `${title} — ${t.common.portalName} — ${t.common.appName}`;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path, session.state, page, isHome, t]);

  // The invitation link needs no session: the invitee has no account yet.
  if (path === '/portaal/uitnodiging') {
    const enrolled = () => {
      navigate('/portaal');
      loadMe();
    };
    return <InvitationPage onDone={enrolled} />;
  }
  if (session.state === 'loading') return <main id="main" tabIndex={-1} className="portal-main"><PortalLoading what={t.common.portalName} /></main>;
  if (session.state === 'out') {
    return (
      <PortalLogin
        {...(session.notice === undefined ? {} : { notice: t.shell[session.notice] })}
        onLoggedIn={(me) => {
          if (path === '/portaal/inloggen') navigate('/portaal');
          setSession({ state: 'in', me });
        }}
      />
    );
  }
  const { me } = session;

  async function logout() {
    try {
      await portal.POST('/api/portal/auth/logout');
    } catch {
      // The session may already have ended; either way the person is out.
    }
    forgetPortalState();
    setSession({ state: 'out', notice: 'loggedOut' });
    navigate('/portaal');
  }

  return (
    <>
      <a className="skip" href="#main">{t.shell.skip}</a>
      <header className="portal-top">
        <div className="portal-bar">
          <PortalLink to="/portaal" className="portal-brand">{t.common.appName}</PortalLink>
          <div className="portal-who">
            <span data-testid="portal-who">{t.shell.loggedInAs(me.displayName)}</span>
            <LanguageSwitch />
            <button type="button" className="link-button" onClick={() => void logout()}>{t.shell.logout}</button>
          </div>
        </div>
        <nav aria-label={t.shell.menu} className="portal-nav">
          <ul>
            <li><PortalLink to="/portaal" current={isHome}>{t.shell.home}</PortalLink></li>
            {PORTAL_PAGES.map((p) => (
              <li key={p.path}><PortalLink to={p.path} current={page?.path === p.path}>{t.shell[p.key]}</PortalLink></li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="portal-main">
        {isHome
          ? <PortalHome me={me} />
          : page !== undefined
            ? page.render(me, path)
            : (
                <>
                  <h1>{t.shell.notFound}</h1>
                  <p>{t.shell.notFoundText}</p>
                </>
              )}
      </main>
    </>
  );
}
