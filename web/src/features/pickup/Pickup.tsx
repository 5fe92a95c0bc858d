/**
 * The requester's page for a copy prepared as a 7-day download (no account):
 * the token comes from the address after '#', which the browser never sends
 * to a server; the code was given by the care professional by another channel.
 * Plain B1 Dutch: this is read by clients and parents.
 */
import { useState } from 'react';
import { toProblem, type Problem } from '../../shared/api';
import { dataOf, server } from '../../shared/api-client';
import { ProblemBox, TextInput } from '../../shared/components';

export function PickupPage() {
  const token = window.location.hash.replace(/^#/, '');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function fetchCopy(e: { preventDefault(): void }) {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const pdf = await dataOf(server.POST('/api/downloads', { body: { token, code: code.trim() }, headers: { accept: 'application/pdf' }, parseAs: 'blob' }));
      const href = URL.createObjectURL(pdf);
      const link = document.createElement('a');
      link.href = href;
      link.download = 'kopie-dossier.pdf';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      setDone(true);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" tabIndex={-1} className="narrow">
      <h1>Uw kopie van het dossier ophalen</h1>
      {token === ''
        ? <p>Deze link is niet compleet. Gebruik de hele link die u van uw hulpverlener kreeg.</p>
        : (
            <form onSubmit={(e) => void fetchCopy(e)}>
              <p>U kreeg een link en apart een code van uw hulpverlener. Vul de code in. Daarna wordt de kopie (PDF) op uw apparaat opgeslagen.</p>
              <TextInput label="Code" value={code} onChange={setCode} required autoComplete="one-time-code" hint="8 tekens, bijvoorbeeld AB3K9PQR." />
              <ProblemBox problem={problem} />
              <button type="submit" disabled={busy}>Kopie ophalen</button>
            </form>
          )}
      {done && <p className="ok" role="status">De kopie is opgehaald. Bewaar hem op een veilige plek.</p>}
      <p className="hint">De link is 7 dagen geldig. Werkt hij niet meer? Vraag uw hulpverlener om een nieuwe.</p>
    </main>
  );
}
