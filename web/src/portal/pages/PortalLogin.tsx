/**
 * The portal's log-in in two steps: user name and password, then the code from the authenticator app
 * (POST /api/portal/auth/login, then …/login/totp). A log-in through OpenID Connect (DigiD through a broker)
 * shows as a button when the server offers one.
 */
import { useState } from 'react';
import { TextInput } from '../../shared/components';
import { LanguageSwitch, PortalProblem, usePortalSubmit } from '../components';
import { OidcButton, oidcFailureProblem, useOidcFailure, useOidcProvider } from '../oidc';
import { dataOf, portal } from '../portal-api';
import type { PortalMe } from '../portal-types';
import { useTexts } from '../texts/catalogue';

export function PortalLogin({ onLoggedIn, notice }: { onLoggedIn: (me: PortalMe) => void; notice?: string }) {
  const t = useTexts();
  const [challenge, setChallenge] = useState<string>();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // The OpenID Connect provider the organisation configured (none: the button does not show), and why the way back from
  // it failed, if it did (`/portaal?inloggen=<code>`).
  const provider = useOidcProvider();
  const oidcFailure = useOidcFailure();

  const first = usePortalSubmit(() => dataOf(portal.POST('/api/portal/auth/login', { body: { username: username.trim(), password } })), (answer) => {
    setPassword('');
    setCode('');
    setChallenge(answer.challenge);
  });
  // The code starts the session; who is logged in comes from /me, as after a reload.
  const second = usePortalSubmit(async () => {
    await dataOf(portal.POST('/api/portal/auth/login/totp', { body: { challenge: challenge ?? '', code: code.trim() } }));
    return dataOf(portal.GET('/api/portal/auth/me'));
  }, onLoggedIn);

  return (
    <main id="main" tabIndex={-1} className="portal-main portal-narrow">
      <div className="portal-login-top"><LanguageSwitch /></div>
      <h1>{t.login.title}</h1>
      <p className="lead">{t.login.lead}</p>
      {notice !== undefined && <p className="notice" role="status">{notice}</p>}
      {oidcFailure !== undefined && (
        <PortalProblem problem={oidcFailureProblem(t, oidcFailure, provider?.name ?? 'DigiD')} title={t.login.oidcFailed(provider?.name ?? 'DigiD')} />
      )}
      {challenge === undefined
        ? (
            <form onSubmit={(e) => void first.submit(e)} className="card">
              <h2>{t.login.step1}</h2>
              <TextInput label={t.login.username} value={username} onChange={setUsername} required autoComplete="username" />
              <TextInput label={t.login.password} type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
              <PortalProblem problem={first.problem} title={t.login.failed} />
              <button type="submit" disabled={first.busy}>{t.login.next}</button>
            </form>
          )
        : (
            <form onSubmit={(e) => void second.submit(e)} className="card">
              <h2>{t.login.step2}</h2>
              <TextInput label={t.login.code} value={code} onChange={setCode} required autoComplete="one-time-code" inputMode="numeric" hint={t.login.codeHint} />
              <PortalProblem problem={second.problem} title={t.login.failed} />
              <div className="actions">
                <button type="submit" disabled={second.busy}>{t.login.submit}</button>
                <button type="button" className="secondary" onClick={() => setChallenge(undefined)}>{t.login.restart}</button>
              </div>
            </form>
          )}
      {provider !== undefined && challenge === undefined && (
        <div className="card">
          <p>{t.login.or}</p>
          <OidcButton provider={provider} />
        </div>
      )}
      <p className="hint">{t.login.noAccount}</p>
    </main>
  );
}
