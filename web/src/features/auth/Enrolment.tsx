/**
 * The employee's enrolment page (`/inschrijven#<token>`): the link the
 * application administrator handed over after creating or resetting the
 * account. The token stays in the fragment (never sent to a server in a URL).
 * The employee chooses their own password and sets up their own second factor;
 * the administrator never knows either. Ends with the recovery codes and a session.
 */
import { useEffect, useState } from 'react';
import { toProblem, type Problem } from '../../shared/api';
import { dataOf, server, type ResponseOf } from '../../shared/api-client';
import { Loading, ProblemBox, TextInput, useSubmit } from '../../shared/components';
import { RecoveryCodes } from './Login';

type Opened = ResponseOf<'/api/enrolment/open', 'post'>;

export function EnrolmentPage({ onDone }: { onDone: () => void }) {
  const token = window.location.hash.replace(/^#/, '');
  const [opened, setOpened] = useState<Opened>();
  const [openProblem, setOpenProblem] = useState<Problem>();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [code, setCode] = useState('');
  const [mismatch, setMismatch] = useState<Problem>();
  const [codes, setCodes] = useState<string[]>();

  useEffect(() => {
    if (token === '') return;
    dataOf(server.POST('/api/enrolment/open', { body: { token } })).then(setOpened, (error: unknown) => setOpenProblem(toProblem(error)));
  }, [token]);

  const complete = useSubmit(
    () => dataOf(server.POST('/api/enrolment/complete', { body: { token, state: opened!.state, password, code: code.trim() } })),
    (answer) => {
      // The link is spent: take its token out of the address bar and the history. The path stays until "verder"
      // navigates (the router only follows navigate(); replacing the path here left the app on this page).
      window.history.replaceState(null, '', window.location.pathname);
      setCodes(answer.recoveryCodes);
    },
  );

  return (
    <main id="main" tabIndex={-1} className="login">
      <h1>Uw account instellen</h1>
      {token === '' && <p>Deze link is niet compleet. Gebruik de hele link die u van de functioneel beheerder kreeg.</p>}
      <ProblemBox problem={openProblem} title="Deze link werkt niet" />
      {token !== '' && opened === undefined && openProblem === undefined && <Loading what="Uw uitnodiging" />}
      {opened !== undefined && codes === undefined && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            if (password !== repeat) {
              setMismatch({ status: 400, nl: 'De twee wachtwoorden zijn niet gelijk.' });
              return;
            }
            setMismatch(undefined);
            void complete.submit();
          }}
        >
          <p>Welkom, <strong>{opened.displayName}</strong>. Uw gebruikersnaam is <code data-testid="enrolment-username">{opened.username}</code>.</p>
          <p>U kiest hier zelf uw wachtwoord en stelt de tweede stap in. Niemand anders kent ze, ook de beheerder niet.</p>
          <h2>1. Kies een wachtwoord</h2>
          <TextInput label="Wachtwoord" type="password" value={password} onChange={setPassword} required autoComplete="new-password" hint="Minstens 12 tekens. Geen veelgebruikt wachtwoord." />
          <TextInput label="Wachtwoord nog een keer" type="password" value={repeat} onChange={setRepeat} required autoComplete="new-password" />
          <h2>2. Stel de tweede stap in</h2>
          <ol>
            <li>Open een authenticator-app op uw telefoon (bijvoorbeeld Microsoft Authenticator of FreeOTP).</li>
            <li>Scan de QR-code, of typ de geheime sleutel over.</li>
            <li>Vul de code in die de app laat zien.</li>
          </ol>
          <img className="qr" src={opened.totp.qrCode} alt="QR-code om Dossierwijzer aan uw authenticator-app toe te voegen" width={200} height={200} />
          <p>Geheime sleutel: <code data-testid="enrolment-secret">{opened.totp.secret}</code></p>
          <TextInput label="Code uit de app (6 cijfers)" value={code} onChange={setCode} required autoComplete="one-time-code" inputMode="numeric" />
          <ProblemBox problem={mismatch ?? complete.problem} title="Instellen lukte niet" />
          <button type="submit" disabled={complete.busy}>Account instellen</button>
          <p className="hint">Deze link werkt één keer, tot {new Date(opened.expiresAt).toLocaleString('nl-NL')}.</p>
        </form>
      )}
      {codes !== undefined && <RecoveryCodes codes={codes} onDone={onDone} />}
    </main>
  );
}
