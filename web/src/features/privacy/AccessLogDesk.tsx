/**
 * "Wie zag dit dossier?" on the privacy officer's desk (issue 15 item 8): find the client by name, then the log
 * grouped per session (one line per employee and log-in), filtered by employee, days, outcome and basis, and
 * downloaded as CSV or XLSX. Every code is shown by its Dutch label; times in words.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiPath, dataOf, server, type QueryOf, type ResponseOf } from '../../shared/api-client';
import { DownloadButton, Link, Loading, ProblemBox, Select, TextInput, Wide } from '../../shared/components';
import { ACCESS_BASES, ACCESS_LOG_ACTIONS, ACCESS_LOG_PARTS, ACCESS_LOG_PURPOSES, ACCESS_OUTCOMES, ROLES, formatDate, label } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';

type Found = ResponseOf<'/api/privacy/access-log/clients', 'post'>['clients'][number];

/** Find a client's log by (part of) the name; the officer never needs the client's id. */
export function FindClientLog() {
  const [name, setName] = useState('');
  const [found, setFound] = useState<Found[]>();
  // A question, not a change: a POST so that the client's name stays out of every URL; nothing becomes stale.
  const search = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/privacy/access-log/clients', { body: { name: name.trim() } })),
    invalidates: () => [],
    onSuccess: (answer) => setFound(answer.clients),
  });
  return (
    <section aria-labelledby="choose-title">
      <h2 id="choose-title">Wie zag dit dossier?</h2>
      <p>Zoek de cliënt op naam. Daarna ziet u wie het dossier opende, per keer dat iemand was ingelogd.</p>
      <form className="inline" role="search" onSubmit={submitWith(() => search.mutate())}>
        <TextInput label="Naam van de cliënt" value={name} onChange={setName} required />
        <button type="submit" disabled={search.isPending || name.trim().length < 2}>Zoeken</button>
      </form>
      <ProblemBox problem={problemOf(search.error)} />
      {found !== undefined && (found.length === 0
        ? <p role="status">Geen cliënt gevonden met deze naam.</p>
        : (
            <ul className="plain" data-testid="log-clients" aria-label="Gevonden cliënten">
              {found.map((c) => <li key={c.id}><Link to={`/privacy/toegang/${c.id}`}>{c.name}</Link> <span className="muted">(geboren in {c.birthYear})</span></li>)}
            </ul>
          ))}
    </section>
  );
}

type Session = ResponseOf<'/api/clients/{clientId}/access-log/sessions'>['sessions'][number];
type Filter = QueryOf<'/api/clients/{clientId}/access-log/sessions'>;

const labels = (table: Readonly<Record<string, string>>, codes: readonly string[]) => codes.map((c) => label(table, c)).join(', ');

/** The time of a session: one moment, or from–to on the same day. */
function when(s: Session): string {
  const start = formatDate(s.startedAt);
  if (s.startedAt === s.endedAt) return start;
  const end = new Date(s.endedAt).toLocaleTimeString('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });
  return `${start} tot ${end}`;
}

/** The client's log as sessions, with the filters and the downloads. */
export function AccessSessions({ clientId }: { clientId: string }) {
  const [employee, setEmployee] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [outcome, setOutcome] = useState('');
  const [basis, setBasis] = useState('');
  // The chosen filters only; an empty choice is no filter. The select lists offer only the schema's codes.
  const filter = Object.fromEntries(Object.entries({ employee, from, to, outcome, basis }).filter(([, v]) => v !== '')) as Filter;
  const log = useQuery({
    queryKey: queryKeys.clientCard(clientId, 'access-sessions', filter),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/access-log/sessions', { params: { path: { clientId }, query: filter } })),
  });
  const data = log.data;
  const exportUrl = (format: 'csv' | 'xlsx') => apiPath('/api/clients/{clientId}/access-log/export', { clientId }, { format, ...filter });
  return (
    <section aria-labelledby="log-title">
      <h2 id="log-title">Wie zag het dossier van {data?.client.name ?? '…'}?</h2>
      <p><Link to="/privacy/toegang">Andere cliënt zoeken</Link></p>
      <form className="inline filters" aria-label="Toegangslog filteren" onSubmit={(e) => e.preventDefault()}>
        <Select
          label="Medewerker"
          value={employee}
          onChange={setEmployee}
          allowEmpty="Iedereen"
          options={(data?.employees ?? []).map((e): [string, string] => [e.id, `${e.name} (${label(ROLES, e.role)})`])}
        />
        <TextInput label="Vanaf" type="date" value={from} onChange={setFrom} />
        <TextInput label="Tot en met" type="date" value={to} onChange={setTo} />
        <Select label="Uitkomst" value={outcome} onChange={setOutcome} allowEmpty="Alle uitkomsten" options={[['allowed', label(ACCESS_OUTCOMES, 'allowed')], ['denied', label(ACCESS_OUTCOMES, 'denied')], ['not-found', label(ACCESS_OUTCOMES, 'not-found')]]} />
        <Select
          label="Grondslag"
          value={basis}
          onChange={setBasis}
          allowEmpty="Alle grondslagen"
          options={['care-relation', 'administrative-task', 'management-purpose', 'emergency', 'consent', 'legal-duty', 'author', 'none'].map((b): [string, string] => [b, label(ACCESS_BASES, b)])}
        />
      </form>
      {log.isPending && <Loading what="Toegangslog" />}
      <ProblemBox problem={problemOf(log.error)} />
      {data !== undefined && (
        <>
          <p role="status" className="meta">
            {data.sessions.length === 0 ? 'Niets gevonden met deze keuzes.' : `${data.sessions.length} keer ingelogd of losse handelingen${data.truncated ? ' (alleen de nieuwste; maak de keuze kleiner)' : ''}.`}
          </p>
          {data.sessions.length > 0 && (
            <Wide label="Toegangslog per sessie (tabel)">
              <table className="list" data-testid="access-sessions">
                <thead><tr><th scope="col">Wanneer</th><th scope="col">Medewerker</th><th scope="col">Wat</th><th scope="col">Deel</th><th scope="col">Uitkomst</th><th scope="col">Grondslag</th></tr></thead>
                <tbody>
                  {data.sessions.map((s) => (
                    <tr key={s.firstSeq} className={s.emergency ? 'emergency-row' : undefined}>
                      <td>{when(s)}</td>
                      <td>
                        {s.employee.name ?? 'Onbekend'} {s.employee.role !== null && <span className="muted">({label(ROLES, s.employee.role)})</span>}
                        {s.actingFor !== null && <div className="meta">namens {s.actingFor}</div>}
                      </td>
                      <td>
                        {labels(ACCESS_LOG_ACTIONS, s.actions)}
                        <div className="meta">{s.calls === 1 ? '1 handeling' : `${s.calls} handelingen`}{s.entries > 0 && `, ${s.entries} dossierregels`}{!s.sessionRecorded && ', zonder sessie'}</div>
                      </td>
                      <td>{labels(ACCESS_LOG_PARTS, s.parts)}</td>
                      <td>{s.refused ? <strong>{labels(ACCESS_OUTCOMES, s.outcomes)}</strong> : labels(ACCESS_OUTCOMES, s.outcomes)}</td>
                      <td>
                        {s.emergency ? <strong>{labels(ACCESS_BASES, s.bases)}</strong> : labels(ACCESS_BASES, s.bases)}
                        {s.purposes.length > 0 && <div className="meta">doel: {labels(ACCESS_LOG_PURPOSES, s.purposes).toLowerCase()}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Wide>
          )}
          <div className="actions">
            <DownloadButton url={exportUrl('csv')} fileName="toegangslog.csv">Downloaden als CSV</DownloadButton>
            <DownloadButton url={exportUrl('xlsx')} fileName="toegangslog.xlsx">Downloaden als spreadsheet (XLSX)</DownloadButton>
          </div>
        </>
      )}
    </section>
  );
}
