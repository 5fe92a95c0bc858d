/**
 * The client's consents (Jeugdwet 7.3.4–7.3.5; AVG 7): whether care consent is complete, the consents recorded, recording
 * one and withdrawing one (AVG 7(3): at once, by whoever gave it). A change refreshes every card that reads consents —
 * the transfer form's choice of consent, the care-consent box, the requests' intake texts and the caseload's signals.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf, type ResponseOf } from '../../shared/api-client';
import { Basis, ProblemBox, Select, TextArea, TextInput } from '../../shared/components';
import { CONSENT_GIVERS, CONSENT_KINDS, RELATIONS, formatDate, label, today } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';
import { ActingForSelect, NOBODY, type ActingForChoice } from './ActingFor';
import type { CareTeamMember } from './care-team';
import { Toggle } from './Toggle';

type Consent = ResponseOf<'/api/clients/{clientId}/consents'>['consents'][number];
type ConsentBody = BodyOf<'/api/clients/{clientId}/consents'>;
type Giver = ConsentBody['givenBy'];

/** What a consent recorded or withdrawn makes stale: the consents (here and in the transfer form), care consent, the requests' texts, the caseload's signals. */
export const consentsChanged = (clientId: string) => [
  queryKeys.consents(clientId), queryKeys.careConsent(clientId), queryKeys.requests(clientId), queryKeys.clients,
];

/** The client's consents, one cached answer for every card that reads them. */
export function useConsents(clientId: string) {
  return useQuery({
    queryKey: queryKeys.consents(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/consents', { params: { path: { clientId } } })),
  });
}

export function ConsentsCard({ client, me, team }: { client: ClientDetail; me: Me; team: readonly CareTeamMember[] | undefined }) {
  const clientId = client.id;
  // Administrative staff record and withdraw consents for an involved professional (004 C): they choose whom.
  const [actingFor, setActingFor] = useState<ActingForChoice>(NOBODY);
  const mayRecord = mayDo(me, client, Act.recordConsent, { actingFor: actingFor.actingFor });
  const mayWithdraw = mayDo(me, client, Act.withdrawConsent, { actingFor: actingFor.actingFor }).outcome === 'allow';
  const consents = useConsents(clientId);
  const care = useQuery({
    queryKey: queryKeys.careConsent(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/care-consent', { params: { path: { clientId } } })),
  });
  // Only whoever gave a consent withdraws it, or the client once the law leaves that consent to them (AVG 7(3)).
  const withdraw = useApiMutation({
    mutationFn: ({ consent, byClient }: { consent: Consent; byClient: boolean }) => dataOf(server.POST('/api/clients/{clientId}/consents/{consentId}/withdraw', {
      params: { path: { clientId, consentId: consent.id } },
      body: byClient
        ? { withdrawnBy: 'client' }
        : { withdrawnBy: consent.givenBy as Giver, ...(consent.givenByRelationId === null ? {} : { relationId: consent.givenByRelationId }) },
      headers: actingFor.headers,
    })),
    invalidates: () => consentsChanged(clientId),
  });
  return (
    <section className="card" aria-labelledby="consents-title">
      <h2 id="consents-title">Toestemmingen</h2>
      {care.data !== undefined && (
        <div className={care.data.complete ? 'ok' : 'warning'}>
          <p><strong>{care.data.complete ? 'Toestemming voor de hulp is compleet.' : 'Toestemming voor de hulp is nog niet compleet.'}</strong></p>
          <p>{care.data.explanation}</p>
          <Basis basis={care.data.basis} />
        </div>
      )}
      <ProblemBox problem={problemOf(care.error)} />
      <ProblemBox problem={problemOf(consents.error)} />
      {consents.data !== undefined && (consents.data.consents.length === 0
        ? <p>Geen toestemmingen vastgelegd.</p>
        : (
            <ul className="plain">
              {consents.data.consents.map((x) => (
                <li key={x.id}>
                  {label(CONSENT_KINDS, x.kind)} — {label(CONSENT_GIVERS, x.givenBy)}, {formatDate(x.givenOn)}
                  {x.recipient !== null && `, aan ${x.recipient}`}{x.purpose !== null && ` voor ${x.purpose}`}
                  {' '}<span className={x.active ? 'tag ok' : 'tag'}>{x.active ? 'Geldig' : x.withdrawnAt !== null ? 'Ingetrokken' : 'Niet geldig'}</span>
                  {x.active && mayWithdraw && (
                    <> <button type="button" className="link-button" onClick={() => withdraw.mutate({ consent: x, byClient: false })}>ingetrokken door wie haar gaf</button></>
                  )}
                  {x.active && mayWithdraw && x.givenBy === 'legal-representatives' && (
                    <> <button type="button" className="link-button" onClick={() => withdraw.mutate({ consent: x, byClient: true })}>ingetrokken door de jongere zelf</button></>
                  )}
                </li>
              ))}
            </ul>
          ))}
      <ProblemBox problem={problemOf(withdraw.error)} />
      <ActingForSelect me={me} team={team} value={actingFor} onChange={setActingFor} label="Namens wie legt u toestemmingen vast?" />
      {mayRecord.outcome === 'allow'
        ? (
            <Toggle open="Toestemming vastleggen">
              {(close) => <ConsentForm client={client} headers={actingFor.headers} onDone={close} />}
            </Toggle>
          )
        : <NotYours title="Toestemmingen vastleggen of intrekken" decision={mayRecord} />}
    </section>
  );
}

function ConsentForm({ client, headers, onDone }: { client: ClientDetail; headers: Record<string, string>; onDone: () => void }) {
  const [kind, setKind] = useState<ConsentBody['kind']>('care');
  const [givenBy, setGivenBy] = useState<Giver>('client');
  const [relationId, setRelationId] = useState('');
  const [givenOn, setGivenOn] = useState(today());
  const [informationGiven, setInformationGiven] = useState('');
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState('');
  const [dataDescription, setDataDescription] = useState('');
  const relations: [string, string][] = client.relations.filter((r) => r.validTo === null).map((r) => [r.id, `${r.givenNames} ${r.familyName} (${label(RELATIONS, r.relation).toLowerCase()})`]);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/consents', {
      params: { path: { clientId: client.id } },
      body: {
        kind, givenBy, givenOn, informationGiven,
        ...(givenBy !== 'client' && relationId !== '' ? { givenByRelationId: relationId } : {}),
        ...(kind === 'disclosure' ? { recipient, purpose, dataDescription } : {}),
      },
      headers,
    })),
    invalidates: () => consentsChanged(client.id),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submitWith(() => save.mutate())}>
      <Select label="Soort toestemming" value={kind} onChange={(v) => setKind(v as ConsentBody['kind'])} options={CONSENT_KINDS} />
      <Select label="Gegeven door" value={givenBy} onChange={(v) => setGivenBy(v as Giver)} options={CONSENT_GIVERS} />
      {givenBy !== 'client' && <Select label="Welke persoon?" value={relationId} onChange={setRelationId} options={relations} allowEmpty="Kies een persoon" />}
      <TextInput label="Datum" type="date" value={givenOn} onChange={setGivenOn} required />
      <TextArea label="Welke uitleg is vooraf gegeven?" value={informationGiven} onChange={setInformationGiven} required rows={2} />
      {kind === 'disclosure' && (
        <>
          <TextInput label="Aan wie mogen gegevens worden gegeven?" value={recipient} onChange={setRecipient} required />
          <TextInput label="Waarvoor?" value={purpose} onChange={setPurpose} required />
          <TextInput label="Welke gegevens?" value={dataDescription} onChange={setDataDescription} required />
        </>
      )}
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Toestemming opslaan</button>
    </form>
  );
}
