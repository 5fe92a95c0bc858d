/**
 * "Mijn account": the employee changes their own password (`POST /api/auth/password`). The server checks the
 * current password (with the log-in's throttle), applies the password policy, then ends every session of the
 * account — other browsers and devices too — and starts a new one here, so the employee stays logged in.
 */
import { useState } from 'react';
import type { Problem } from '../../shared/api';
import { dataOf, server } from '../../shared/api-client';
import { ProblemBox, TextInput, useSubmit } from '../../shared/components';
import type { Me } from './Login';

export function AccountPage({ me }: { me: Me }) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState<Problem>();
  const [done, setDone] = useState(false);
  const change = useSubmit(
    () => dataOf(server.POST('/api/auth/password', { body: { currentPassword: current, newPassword: password } })),
    () => {
      setCurrent('');
      setPassword('');
      setRepeat('');
      setDone(true);
    },
  );
  // A wrong current password answers the log-in's words; here it is plainer.
  const refusal: Problem | undefined = change.problem?.code === 'login-failed'
    ? { ...change.problem, nl: 'Het huidige wachtwoord klopt niet. Uw wachtwoord is niet gewijzigd.' }
    : change.problem;

  return (
    <>
      <h1>Mijn account</h1>
      <p>U bent ingelogd als <strong>{me.displayName}</strong>.</p>
      <h2>Wachtwoord wijzigen</h2>
      {done && (
        <div className="notice" role="status" data-testid="password-changed">
          <p><strong>Uw wachtwoord is gewijzigd.</strong></p>
          <p>
            U blijft hier ingelogd. Was u ook op een andere computer, telefoon of in een andere browser ingelogd? Daar bent u nu
            uitgelogd. Log daar opnieuw in met uw nieuwe wachtwoord. De code uit uw app blijft hetzelfde.
          </p>
        </div>
      )}
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(false);
          if (password !== repeat) {
            setMismatch({ status: 400, nl: 'De twee nieuwe wachtwoorden zijn niet gelijk. Typ ze opnieuw.' });
            return;
          }
          setMismatch(undefined);
          void change.submit();
        }}
      >
        <TextInput label="Huidig wachtwoord" type="password" value={current} onChange={setCurrent} required autoComplete="current-password" />
        <TextInput
          label="Nieuw wachtwoord"
          type="password"
          value={password}
          onChange={setPassword}
          required
          autoComplete="new-password"
          hint="Minstens 12 tekens. Geen veelgebruikt wachtwoord, en niet uw gebruikersnaam."
        />
        <TextInput label="Nieuw wachtwoord nog een keer" type="password" value={repeat} onChange={setRepeat} required autoComplete="new-password" />
        <ProblemBox problem={mismatch ?? refusal} title="Wijzigen lukte niet" />
        <button type="submit" disabled={change.busy}>Wachtwoord wijzigen</button>
        <p className="hint">
          Na het wijzigen wordt u overal anders uitgelogd. Typt u het huidige wachtwoord te vaak verkeerd, dan moet u even wachten.
        </p>
      </form>
    </>
  );
}
