/**
 * Completing an invitation (`/portaal/uitnodiging#<token>`): the one-time link a professional handed over after
 * checking the invitee's identity. The token stays in the fragment (a browser never sends it in a URL). The invitee
 * chooses a user name and password and sets up the code app (TOTP, shown as QR code and secret as on the staff
 * enrolment page, pages/Enrolment.tsx); ends with the recovery codes and a portal session.
 * With an OpenID Connect provider configured (DigiD through a broker) the invitee may instead link it (oidc.tsx): the
 * provider's log-in then replaces the password and code app for this account.
 */
import { useEffect, useState } from 'react';
import { TextInput } from '../../shared/components';
import { LanguageSwitch, PortalLoading, PortalProblem, usePortalSubmit } from '../components';
import { OidcButton, useOidcProvider } from '../oidc';
import { dataOf, portal, problemFrom, type Problem, type ResponseOf } from '../portal-api';
import { dateWords, useLanguage } from '../texts/catalogue';

/** The invitation opened: whom for, a user name the server proposes (the invitee may change it), the TOTP secret. */
type Opened = ResponseOf<'/api/portal/auth/invitation/open', 'post'>;

export function InvitationPage({ onDone }: { onDone: () => void }) {
  const { t, language } = useLanguage();
  const words = dateWords(language);
  const token = window.location.hash.replace(/^#/, '');
  const [opened, setOpened] = useState<Opened>();
  const [openProblem, setOpenProblem] = useState<Problem>();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [code, setCode] = useState('');
  const [mismatch, setMismatch] = useState<Problem>();
  const [codes, setCodes] = useState<string[]>();
  // With an OpenID Connect provider (DigiD) configured, the invitee may link it instead of a password and code app.
  const provider = useOidcProvider();

  useEffect(() => {
    if (token === '') return;
    // Opening is an act the server logs (not a cached answer): once per link, never retried.
    dataOf(portal.POST('/api/portal/auth/invitation/open', { body: { token } })).then((answer) => {
      setOpened(answer);
      setUsername(answer.username ?? '');
    }, (error: unknown) => setOpenProblem(problemFrom(error)));
  }, [token]);

  const complete = usePortalSubmit(
    () => dataOf(portal.POST('/api/portal/auth/invitation/complete', {
      body: { token, state: opened!.state, username: username.trim(), password, code: code.trim() },
    })),
    () => {
      // The link is spent: its token leaves the address bar and the history.
      window.history.replaceState(null, '', window.location.pathname);
      // The portal's answer names the account only: it gives no recovery codes (the schema says so; a code app lost is
      // a new invitation from the care team).
      setCodes([]);
    },
  );

  return (
    <main id="main" tabIndex={-1} className="portal-main portal-narrow">
      <div className="portal-login-top"><LanguageSwitch /></div>
      <h1>{t.invitation.title}</h1>
      {token === '' && codes === undefined && <p>{t.invitation.incomplete}</p>}
      <PortalProblem problem={openProblem} title={t.invitation.broken} />
      {token !== '' && opened === undefined && openProblem === undefined && <PortalLoading what={t.invitation.loading} />}
      {opened !== undefined && codes === undefined && <p className="lead">{t.invitation.welcome(opened.displayName)} {t.invitation.forClient(opened.clientName)}</p>}
      {opened !== undefined && codes === undefined && provider !== undefined && (
        <section className="card" aria-labelledby="oidc-title">
          <h2 id="oidc-title">{t.invitation.oidcTitle(provider.name)}</h2>
          <p>{t.invitation.oidcText(provider.name)}</p>
          <OidcButton provider={provider} token={token} />
          <p>{t.invitation.oidcOr}</p>
        </section>
      )}
      {opened !== undefined && codes === undefined && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            if (password !== repeat) {
              setMismatch({ status: 400, nl: t.invitation.mismatch });
              return;
            }
            setMismatch(undefined);
            void complete.submit();
          }}
        >
          <p>{t.invitation.yourself}</p>
          <h2>{t.invitation.step1}</h2>
          <TextInput label={t.login.username} value={username} onChange={setUsername} required autoComplete="username" />
          <TextInput label={t.invitation.password} type="password" value={password} onChange={setPassword} required autoComplete="new-password" hint={t.invitation.passwordHint} />
          <TextInput label={t.invitation.repeat} type="password" value={repeat} onChange={setRepeat} required autoComplete="new-password" />
          <h2>{t.invitation.step2}</h2>
          <ol>
            <li>{t.invitation.app1}</li>
            <li>{t.invitation.app2}</li>
            <li>{t.invitation.app3}</li>
          </ol>
          <img className="qr" src={opened.totp.qrCode} alt={t.invitation.qrAlt} width={200} height={200} />
          <p>{t.invitation.secret} <code data-testid="invitation-secret">{opened.totp.secret}</code></p>
          <TextInput label={t.invitation.code} value={code} onChange={setCode} required autoComplete="one-time-code" inputMode="numeric" />
          <PortalProblem problem={mismatch ?? complete.problem} title={t.invitation.failed} />
          <button type="submit" disabled={complete.busy}>{t.invitation.submit}</button>
          <p className="hint">{t.invitation.once(words.moment(opened.expiresAt))}</p>
        </form>
      )}
      {codes !== undefined && (
        <section className="card" {...(codes.length > 0 ? { 'aria-labelledby': 'recovery-title' } : {})}>
          <p className="ok" role="status">{t.invitation.done}</p>
          {codes.length > 0 && (
            <>
              <h2 id="recovery-title">{t.invitation.recoveryTitle}</h2>
              <p>{t.invitation.recoveryText}</p>
              <ul className="codes" data-testid="recovery-codes">{codes.map((c) => <li key={c}><code>{c}</code></li>)}</ul>
            </>
          )}
          <button type="button" onClick={onDone}>{codes.length > 0 ? t.invitation.recoveryDone : t.invitation.toLogin}</button>
        </section>
      )}
    </main>
  );
}
