/**
 * What a granted request hands over (issue 15): the data for portability (AVG 20) as downloads, the copy as a download
 * link with a code for an electronic request, and a preview of what the requester will see.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { apiPath, dataOf, server, type ResponseOf } from '../../shared/api-client';
import { Basis, DownloadButton, ProblemBox } from '../../shared/components';
import { formatDate } from '../../shared/labels';
import { problemOf, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';

interface RequestIds { clientId: string; requestId: string }

/** Data portability (AVG 20): the client's data as JSON, spreadsheet and FHIR R4, as this requester may have it. */
export function PortabilityDownloads({ clientId, requestId }: RequestIds) {
  const short = requestId.slice(0, 8);
  const params = { clientId, requestId };
  return (
    <div className="card" data-testid="portability">
      <h4>Gegevens meegeven (overdraagbaarheid)</h4>
      <p>De gegevens van de cliënt in een vorm die een computer kan lezen. Afgeschermde informatie en ruwe testgegevens zitten er niet in.</p>
      <DownloadButton url={apiPath('/api/clients/{clientId}/requests/{requestId}/portability.json', params)} fileName={`gegevens-${short}.json`}>Gegevens als JSON</DownloadButton>
      <DownloadButton url={apiPath('/api/clients/{clientId}/requests/{requestId}/portability.xlsx', params)} fileName={`gegevens-${short}.xlsx`}>Gegevens als spreadsheet (XLSX)</DownloadButton>
      <DownloadButton url={apiPath('/api/clients/{clientId}/requests/{requestId}/portability.fhir.json', params)} fileName={`gegevens-${short}.fhir.json`}>Gegevens als FHIR-bundel</DownloadButton>
    </div>
  );
}

type PreparedLink = ResponseOf<'/api/clients/{clientId}/requests/{requestId}/download-links', 'post'>;
type LinkState = ResponseOf<'/api/clients/{clientId}/requests/{requestId}/download-links'>['links'][number];
const LINK_STATES: Record<LinkState['state'], string> = { active: 'geldig', expired: 'verlopen', revoked: 'ingetrokken', locked: 'geblokkeerd (te vaak een foute code)' };

/** The copy of an electronic request as a download for the requester: link and code, valid 7 days. */
export function DownloadLinks({ clientId, requestId }: RequestIds) {
  const path = { clientId, requestId };
  const key = queryKeys.clientCard(clientId, 'requests', requestId, 'download-links');
  const links = useQuery({
    queryKey: key,
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/requests/{requestId}/download-links', { params: { path } })),
  });
  const [made, setMade] = useState<PreparedLink>();
  const make = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/requests/{requestId}/download-links', { params: { path } })),
    invalidates: () => [key],
    onSuccess: setMade,
  });
  const revoke = useApiMutation({
    mutationFn: (linkId: string) => dataOf(server.POST('/api/clients/{clientId}/requests/{requestId}/download-links/{linkId}/revoke', { params: { path: { ...path, linkId } } })),
    invalidates: () => [key],
  });
  return (
    <div className="card" data-testid="download-links">
      <h4>Kopie als download (7 dagen geldig)</h4>
      <p>Het verzoek kwam elektronisch binnen. Maak een downloadlink. Stuur de link naar de verzoeker en geef de code apart door, bijvoorbeeld telefonisch.</p>
      <ProblemBox problem={problemOf(make.error ?? revoke.error)} />
      <button type="button" disabled={make.isPending} onClick={() => make.mutate()}>Downloadlink maken</button>
      {made !== undefined && (
        <div className="ok" role="status" data-testid="prepared-link">
          <p>Link: <code data-testid="download-link">{`${window.location.origin}${made.path}`}</code></p>
          <p>Code: <strong><code data-testid="download-code">{made.code}</code></strong> — deze code ziet u maar één keer.</p>
          <p>Geldig tot {formatDate(made.expiresAt.slice(0, 10))}.</p>
        </div>
      )}
      {links.data !== undefined && links.data.links.length > 0 && (
        <ul>
          {links.data.links.map((l) => (
            <li key={l.id}>
              Gemaakt {formatDate(l.createdAt.slice(0, 10))}, {LINK_STATES[l.state]}, {l.fetches}× opgehaald
              {l.state === 'active' && (
                <button type="button" className="link-button" disabled={revoke.isPending} onClick={() => revoke.mutate(l.id)}>
                  Intrekken
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The dossier as the requester will see it (inspection or copy), with what is withheld and on which ground. */
export function ReaderView({ clientId, requestId }: RequestIds) {
  const [show, setShow] = useState(false);
  const view = useQuery({
    queryKey: queryKeys.clientCard(clientId, 'requests', requestId, 'reader-view'),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/requests/{requestId}/view', { params: { path: { clientId, requestId } } })),
    enabled: show,
  });
  if (!show) return <p><button type="button" className="secondary" onClick={() => setShow(true)}>Bekijken wat de verzoeker te zien krijgt</button></p>;
  return (
    <div className="reader" data-testid="reader-view">
      <h4>Wat de verzoeker te zien krijgt</h4>
      <ProblemBox problem={problemOf(view.error)} />
      {view.data?.entries.map((e, i) => (
        <div key={e.id ?? i} className="reader-entry">
          {e.shown === false || e.withheld !== undefined
            ? <p><em>Niet getoond: {e.withheld?.ground}</em> <Basis basis={e.withheld?.basis} /></p>
            : (
                <>
                  <p><strong>{e.kindLabel}: {e.title}</strong> <span className="meta">{formatDate(e.recordedAt)} · {e.author}</span></p>
                  <p className="text">{e.text}</p>
                  {e.withheldPassages?.map((w, j) => <p key={j} className="meta">Een deel is afgeschermd: {w.ground} ({w.basis.join('; ')})</p>)}
                  {e.statements?.map((st, j) => (
                    <blockquote key={j} className="statement">
                      <p className="meta">Eigen verklaring bij dit stuk, {formatDate(st.recordedAt)}:</p>
                      <p className="text">{st.text}</p>
                    </blockquote>
                  ))}
                </>
              )}
        </div>
      ))}
      {view.data !== undefined && view.data.inspectionOnly.length > 0 && (
        <p className="meta">Alleen in te zien, niet in de kopie: {view.data.inspectionOnly.map((x) => x.title).join(', ')}</p>
      )}
    </div>
  );
}
