/**
 * Requests (rights of the client and representatives): the dashboard by due date, a client's requests and the intake
 * of a new one. A request's own page is RequestDetail.tsx; deciding is Decide.tsx, carrying out Fulfil.tsx, the steps
 * between RequestSteps.tsx and what is handed over RequestDocuments.tsx. Loaded with TanStack Query, typed by the
 * server's schema; a new request makes the client's list and the dashboard stale.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf } from '../../shared/api-client';
import { Link, Loading, ProblemBox, Select, TextArea, TextInput, Wide } from '../../shared/components';
import type { ClientDetail } from '../../shared/client-detail';
import { CHANNELS, DOCUMENT_TYPES, INTAKE_OUTCOMES, PARTS, RELATIONS, REQUEST_KINDS, REQUEST_STATES, formatDate, label, today } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { navigate } from '../../shared/router';
import type { Me } from '../auth/Login';
import { NotYours } from './Decide';
import { requesterText } from './request-api';
import { RequestAct, mayDo } from './request-permissions';

export { RequestDetail } from './RequestDetail';

type NewRequest = BodyOf<'/api/clients/{clientId}/requests'>;
type DocumentType = NonNullable<NewRequest['identityCheck']>['documentType'];

export function RequestsDashboard() {
  const list = useQuery({ queryKey: queryKeys.requestsDashboard, queryFn: () => dataOf(server.GET('/api/requests')) });
  const rows = [...(list.data?.requests ?? [])].sort((a, b) => a.deadline.localeCompare(b.deadline));
  return (
    <>
      <h1>Verzoeken</h1>
      <p className="lead">Lopende verzoeken van cliënten en hun vertegenwoordigers. De verzoeken met de vroegste uiterste datum staan bovenaan.</p>
      {list.isPending && <Loading what="Verzoeken" />}
      <ProblemBox problem={problemOf(list.error)} />
      {list.data !== undefined && (rows.length === 0
        ? <p>Er zijn geen lopende verzoeken.</p>
        : (
            <Wide label="Openstaande verzoeken (tabel)">
              <table className="list" data-testid="requests-dashboard">
                <thead><tr><th scope="col">Uiterlijk beslissen op</th><th scope="col">Cliënt</th><th scope="col">Verzoek</th><th scope="col">Status</th><th scope="col">Ontvangen</th></tr></thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.requestId} className={r.overdue ? 'overdue' : undefined}>
                      <td>{formatDate(r.deadline)}{r.overdue && <strong className="tag danger-tag"> Te laat</strong>}</td>
                      <td>{r.clientName}</td>
                      <td><Link to={`/clienten/${r.clientId}/verzoeken/${r.requestId}`}>{label(REQUEST_KINDS, r.kind)}</Link></td>
                      <td>{label(REQUEST_STATES, r.state)}</td>
                      <td>{formatDate(r.receivedOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Wide>
          ))}
    </>
  );
}

export function ClientRequests({ client, me }: { client: ClientDetail; me: Me }) {
  const list = useQuery({
    queryKey: queryKeys.requests(client.id),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/requests', { params: { path: { clientId: client.id } } })),
  });
  const [adding, setAdding] = useState(false);
  const register = mayDo(me, client, RequestAct.register);
  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">Verzoeken</h2>
      {register.outcome !== 'allow' && <NotYours title="Een verzoek vastleggen" decision={register} />}
      {register.outcome === 'allow' && !adding && <button type="button" onClick={() => setAdding(true)}>Nieuw verzoek vastleggen</button>}
      {register.outcome === 'allow' && adding && <Intake client={client} onCancel={() => setAdding(false)} />}
      {list.isPending && <Loading what="Verzoeken" />}
      <ProblemBox problem={problemOf(list.error)} />
      {list.data !== undefined && (list.data.requests.length === 0
        ? <p>Er zijn nog geen verzoeken.</p>
        : (
            <Wide label="Verzoeken van deze cliënt (tabel)">
              <table className="list">
                <thead><tr><th scope="col">Verzoek</th><th scope="col">Van</th><th scope="col">Ontvangen</th><th scope="col">Intake</th><th scope="col">Status</th><th scope="col">Uiterlijk</th></tr></thead>
                <tbody>
                  {list.data.requests.map((r) => (
                    <tr key={r.id}>
                      <td><Link to={`/clienten/${client.id}/verzoeken/${r.id}`}>{label(REQUEST_KINDS, r.kind)}</Link></td>
                      <td>{requesterText(r.requester)}</td>
                      <td>{formatDate(r.receivedOn)}</td>
                      <td>{label(INTAKE_OUTCOMES, r.intake.outcome)}</td>
                      <td>{label(REQUEST_STATES, r.state)}</td>
                      <td>{formatDate(r.deadline)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Wide>
          ))}
    </section>
  );
}

function Intake({ client, onCancel }: { client: ClientDetail; onCancel: () => void }) {
  const [kind, setKind] = useState<NewRequest['kind']>('inspect');
  const [requester, setRequester] = useState('');
  const [channel, setChannel] = useState<NewRequest['channel']>('written');
  const [receivedOn, setReceivedOn] = useState(today());
  const [part, setPart] = useState<NonNullable<NewRequest['part']>>('dossier');
  const [details, setDetails] = useState('');
  const [documentType, setDocumentType] = useState<DocumentType | ''>('');
  const requesters: [string, string][] = [
    ['', `${client.givenNames} ${client.familyName} (de cliënt zelf)`],
    ...client.relations.filter((r) => r.validTo === null).map((r): [string, string] =>
      [r.id, `${r.givenNames} ${r.familyName} (${label(RELATIONS, r.relation).toLowerCase()}${r.hasCustody ? ', met gezag' : ', zonder gezag'})`]),
  ];
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/requests', {
      params: { path: { clientId: client.id } },
      body: {
        kind, channel, receivedOn, part, details,
        ...(requester === '' ? {} : { requesterRelationId: requester }),
        ...(documentType === '' ? {} : { identityCheck: { documentType } }),
      },
    })),
    invalidates: () => [queryKeys.requests(client.id), queryKeys.requestsDashboard],
    onSuccess: (answer) => navigate(`/clienten/${client.id}/verzoeken/${answer.id}`),
  });
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="intake-title">
      <h3 id="intake-title">Nieuw verzoek vastleggen</h3>
      <Select label="Soort verzoek" value={kind} onChange={(v) => setKind(v as NewRequest['kind'])} options={REQUEST_KINDS} />
      <Select label="Van wie komt het verzoek?" value={requester} onChange={setRequester} options={requesters} />
      <Select label="Hoe kwam het verzoek binnen?" value={channel} onChange={(v) => setChannel(v as NewRequest['channel'])} options={CHANNELS} />
      <TextInput label="Datum van ontvangst" type="date" value={receivedOn} onChange={setReceivedOn} required />
      <Select label="Over welk deel van het dossier?" value={part} onChange={(v) => setPart(v as NonNullable<NewRequest['part']>)} options={PARTS} />
      <TextArea label="Wat wordt er precies gevraagd?" value={details} onChange={setDetails} required rows={3} />
      <Select label="Identiteit gecontroleerd met" value={documentType} onChange={(v) => setDocumentType(v as DocumentType | '')} options={DOCUMENT_TYPES} allowEmpty="Nog niet gecontroleerd" />
      <ProblemBox problem={problemOf(save.error)} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>Verzoek vastleggen</button>
        <button type="button" className="secondary" onClick={onCancel}>Annuleren</button>
      </div>
    </form>
  );
}
