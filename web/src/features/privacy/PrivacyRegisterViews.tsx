/**
 * The privacy officer's lists with people's names (issue 15 item 8): the disclosure register (the client and who
 * recorded it) and the open requests with their deadlines (the officer monitors that requests are answered in time,
 * AVG 39(1)(b); no content, no links into the dossier, which the officer does not read).
 */
import { useQuery } from '@tanstack/react-query';
import { dataOf, server } from '../../shared/api-client';
import { Link, Loading, ProblemBox, Wide } from '../../shared/components';
import { DISCLOSURE_BASES, PARTS, REQUEST_KINDS, REQUEST_STATES, formatDate, label } from '../../shared/labels';
import { problemOf } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';

export function DisclosureRegister() {
  const list = useQuery({ queryKey: queryKeys.privacy('disclosures'), queryFn: () => dataOf(server.GET('/api/privacy/disclosures')) });
  return (
    <section aria-labelledby="register-title">
      <h2 id="register-title">Register van verstrekkingen</h2>
      <p>Alle keren dat gegevens uit een dossier aan een ander zijn gegeven.</p>
      {list.isPending && <Loading what="Register" />}
      <ProblemBox problem={problemOf(list.error)} />
      {list.data !== undefined && (list.data.disclosures.length === 0
        ? <p>Er zijn nog geen verstrekkingen vastgelegd.</p>
        : (
            <Wide label="Register van verstrekkingen (tabel)">
              <table className="list" data-testid="disclosure-register">
                <thead>
                  <tr>
                    <th scope="col">Datum</th><th scope="col">Cliënt</th><th scope="col">Aan</th><th scope="col">Grond</th><th scope="col">Deel</th>
                    <th scope="col">Cliënt vooraf verteld</th><th scope="col">Vastgelegd door</th><th scope="col">Artikelen</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.disclosures.map((d) => (
                    <tr key={d.id}>
                      <td>{formatDate(d.disclosedOn)}</td>
                      <td><Link to={`/privacy/toegang/${d.clientId}`}>{d.clientName}</Link></td>
                      <td>{d.recipient}</td><td>{label(DISCLOSURE_BASES, d.basis)}</td><td>{label(PARTS, d.part)}</td>
                      <td>{d.clientToldBeforehand ? 'Ja' : 'Nee'}</td><td>{d.recordedBy ?? 'Onbekend'}</td><td>{d.citations.join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Wide>
          ))}
    </section>
  );
}

/** The open requests of the whole organisation, earliest deadline first, late ones marked. */
export function PrivacyRequests() {
  const list = useQuery({ queryKey: queryKeys.privacy('requests'), queryFn: () => dataOf(server.GET('/api/privacy/requests')) });
  const rows = list.data?.requests ?? [];
  const late = rows.filter((r) => r.overdue).length;
  return (
    <section aria-labelledby="privacy-requests-title">
      <h2 id="privacy-requests-title">Verzoeken en hun termijnen</h2>
      <p>Alle lopende verzoeken van cliënten in de organisatie. U ziet of ze op tijd worden beantwoord; de inhoud ziet u hier niet.</p>
      {list.isPending && <Loading what="Verzoeken" />}
      <ProblemBox problem={problemOf(list.error)} />
      {list.data !== undefined && (rows.length === 0
        ? <p>Er zijn geen lopende verzoeken.</p>
        : (
            <>
              <p role="status">{late === 0 ? 'Geen verzoek is te laat.' : `${late === 1 ? '1 verzoek is' : `${late} verzoeken zijn`} te laat.`}</p>
              <Wide label="Lopende verzoeken (tabel)">
                <table className="list" data-testid="privacy-requests">
                  <thead><tr><th scope="col">Uiterlijk op</th><th scope="col">Wat moet er nog</th><th scope="col">Cliënt</th><th scope="col">Verzoek</th><th scope="col">Status</th><th scope="col">Ontvangen</th></tr></thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.requestId} className={r.overdue ? 'overdue' : undefined}>
                        <td>{formatDate(r.deadline)}{r.overdue && <strong className="tag danger-tag"> Te laat</strong>}</td>
                        <td>{r.due === 'decision' ? 'Beslissen' : 'Uitvoeren'}</td>
                        <td><Link to={`/privacy/toegang/${r.clientId}`}>{r.clientName}</Link></td>
                        <td>{label(REQUEST_KINDS, r.kind)}</td>
                        <td>{label(REQUEST_STATES, r.state)}</td>
                        <td>{formatDate(r.receivedOn)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Wide>
            </>
          ))}
    </section>
  );
}
