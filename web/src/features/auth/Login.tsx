/** Log-in in two steps (password, then the TOTP code), and enrolment of the second factor. */
import { useState } from 'react';
import { dataOf, server, type ResponseOf } from '../../shared/api-client';
import { ProblemBox, TextInput, useSubmit } from '../../shared/components';

/** The logged-in employee (`GET /api/auth/me`); `rolePending`: a privileged role awaits a second person's approval, no rights yet. */
export type Me = ResponseOf<'/api/auth/me'>;

type Step =
  | { kind: 'password' }
  | { kind: 'totp'; challenge: string }
  | { kind: 'enrol'; challenge: string; secret: string; qrCode: string; otpauthUri: string }
  | { kind: 'recovery'; me: Me; codes: string[] };

export function LoginPage({ onLoggedIn, notice }: { onLoggedIn: (me: Me) => void; notice?: string }) {
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  const first = useSubmit(() => dataOf(server.POST('/api/auth/login', { body: { username, password } })), (answer) => {
    setPassword('');
    setCode('');
    if (answer.next === 'enrol' && answer.enrolment !== undefined) setStep({ kind: 'enrol', challenge: answer.challenge, ...answer.enrolment });
    else setStep({ kind: 'totp', challenge: answer.challenge });
  });
  const second = useSubmit(async () => {
    if (step.kind === 'totp') return { me: await dataOf(server.POST('/api/auth/login/totp', { body: { challenge: step.challenge, code: code.trim() } })), codes: [] };
    if (step.kind === 'enrol') {
      const { recoveryCodes, ...me } = await dataOf(server.POST('/api/auth/login/enrol', { body: { challenge: step.challenge, code: code.trim() } }));
      return { me, codes: recoveryCodes };
    }
    throw new Error('unexpected step');
  }, ({ me, codes }) => {
    if (codes.length > 0) setStep({ kind: 'recovery', me, codes });
    else onLoggedIn(me);
  });

  return (
    <main id="main" className="login">
      <h1>Dossierwijzer</h1>
      <p className="lead">Inloggen voor medewerkers</p>
      {notice !== undefined && <p className="notice" role="status">{notice}</p>}
      {step.kind === 'password' && (
        <form onSubmit={(e) => void first.submit(e)} className="card">
          <h2>Stap 1: gebruikersnaam en wachtwoord</h2>
          <TextInput label="Gebruikersnaam" value={username} onChange={setUsername} required autoComplete="username" />
          <TextInput label="Wachtwoord" type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
          <ProblemBox problem={first.problem} title="Inloggen lukte niet" />
          <button type="submit" disabled={first.busy}>Volgende stap</button>
        </form>
      )}
      {step.kind === 'totp' && (
        <form onSubmit={(e) => void second.submit(e)} className="card">
          <h2>Stap 2: code uit uw authenticator-app</h2>
          <TextInput
            label="Code (6 cijfers) of herstelcode"
            value={code}
            onChange={setCode}
            required
            autoComplete="one-time-code"
            inputMode="numeric"
            hint="Open de authenticator-app op uw telefoon en typ de code die nu voor Dossierwijzer staat."
          />
          <ProblemBox problem={second.problem} title="Inloggen lukte niet" />
          <div className="actions">
            <button type="submit" disabled={second.busy}>Inloggen</button>
            <button type="button" className="secondary" onClick={() => setStep({ kind: 'password' })}>Opnieuw beginnen</button>
          </div>
        </form>
      )}
      {step.kind === 'enrol' && (
        <form onSubmit={(e) => void second.submit(e)} className="card">
          <h2>Stap 2: tweede stap instellen</h2>
          <p>U logt voor het eerst in. Voor Dossierwijzer heeft u altijd een tweede stap nodig: een code uit een authenticator-app.</p>
          <ol>
            <li>Open een authenticator-app op uw telefoon.</li>
            <li>Scan de QR-code. Of typ de geheime sleutel over.</li>
            <li>Vul de code in die de app laat zien.</li>
          </ol>
          <img className="qr" src={step.qrCode} alt="QR-code om Dossierwijzer aan uw authenticator-app toe te voegen" width={200} height={200} />
          <p>Geheime sleutel: <code data-testid="enrol-secret">{step.secret}</code></p>
          <TextInput label="Code uit de app (6 cijfers)" value={code} onChange={setCode} required autoComplete="one-time-code" inputMode="numeric" />
          <ProblemBox problem={second.problem} title="Instellen lukte niet" />
          <button type="submit" disabled={second.busy}>Instellen en inloggen</button>
        </form>
      )}
      {step.kind === 'recovery' && <RecoveryCodes codes={step.codes} onDone={() => onLoggedIn(step.me)} />}
    </main>
  );
}

/** The ten recovery codes, shown once after the second factor is set up (log-in enrolment or an enrolment link). */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  return (
    <section className="card" aria-labelledby="recovery-title">
      <h2 id="recovery-title">Uw herstelcodes</h2>
      <p>
        Bewaar deze codes op een veilige plek. U ziet ze maar één keer.
        Heeft u uw telefoon niet? Dan kunt u met één van deze codes inloggen. Elke code werkt één keer.
      </p>
      <ul className="codes" data-testid="recovery-codes">{codes.map((c) => <li key={c}><code>{c}</code></li>)}</ul>
      <button type="button" onClick={onDone}>Ik heb de codes bewaard, verder</button>
    </section>
  );
}
