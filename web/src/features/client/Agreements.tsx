/** Agreements at the start of care (003 §2.3.5, §3.1; Jeugdwet 7.3.11): what parents with custody do not receive. The holder makes one; the holder or a manager ends it. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf } from '../../shared/api-client';
import { ConfirmButton, ProblemBox, Select, TextInput } from '../../shared/components';
import { AGREEMENTS, formatDate, label, today } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';
import { Toggle } from './Toggle';

type Agreement = BodyOf<'/api/clients/{clientId}/agreements'>['agreement'];

/** An agreement narrows what parents receive: the agreements and the requests' texts and decisions change with it. */
const agreementsChanged = (clientId: string) => [queryKeys.agreements(clientId), queryKeys.requests(clientId)];

export function AgreementsCard({ client, me }: { client: ClientDetail; me: Me }) {
  const clientId = client.id;
  // The holder makes an agreement at the start of care; the holder or a manager ends it (acts.ts, Jeugdwet 7.3.11).
  const mayMake = mayDo(me, client, Act.makeAgreement);
  const mayEnd = mayDo(me, client, Act.endAgreement).outcome === 'allow';
  const agreements = useQuery({
    queryKey: queryKeys.agreements(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/agreements', { params: { path: { clientId } } })),
  });
  const end = useApiMutation({
    mutationFn: (agreementId: string) => dataOf(server.POST('/api/clients/{clientId}/agreements/{agreementId}/end', { params: { path: { clientId, agreementId } } })),
    invalidates: () => agreementsChanged(clientId),
  });
  return (
    <section className="card" aria-labelledby="agreements-title">
      <h2 id="agreements-title">Afspraken bij de start van de hulp</h2>
      <ProblemBox problem={problemOf(agreements.error)} />
      {agreements.data !== undefined && (agreements.data.agreements.length === 0
        ? <p>Geen afspraken vastgelegd.</p>
        : (
            <ul className="plain">
              {agreements.data.agreements.map((a) => (
                <li key={a.id}>
                  {label(AGREEMENTS, a.agreement)} — sinds {formatDate(a.agreedOn)}{a.endedOn !== null && `, beëindigd ${formatDate(a.endedOn)}`} ({a.recordedBy})
                  {a.endedOn === null && mayEnd && (
                    <>
                      {' '}
                      <ConfirmButton
                        className="link-button"
                        ariaLabel={`Afspraak ${label(AGREEMENTS, a.agreement).toLowerCase()} beëindigen`}
                        question="Deze afspraak beëindigen?"
                        confirm="Ja, beëindigen"
                        onConfirm={() => end.mutate(a.id)}
                      >beëindigen
                      </ConfirmButton>
                    </>
                  )}
                </li>
              ))}
            </ul>
          ))}
      <ProblemBox problem={problemOf(end.error)} />
      {mayMake.outcome === 'allow'
        ? (
            <Toggle open="Afspraak vastleggen">
              {(close) => <NewAgreement clientId={clientId} onDone={close} />}
            </Toggle>
          )
        : <NotYours title="Afspraken vastleggen" decision={mayMake} />}
    </section>
  );
}

function NewAgreement({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [agreement, setAgreement] = useState<Agreement>('no-conversation-reports-to-parents');
  const [agreedOn, setAgreedOn] = useState(today());
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/agreements', { params: { path: { clientId } }, body: { agreement, agreedOn } })),
    invalidates: () => agreementsChanged(clientId),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submitWith(() => save.mutate())}>
      <Select label="Afspraak" value={agreement} onChange={(v) => setAgreement(v as Agreement)} options={AGREEMENTS} />
      <TextInput label="Afgesproken op" type="date" value={agreedOn} onChange={setAgreedOn} required />
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Afspraak opslaan</button>
    </form>
  );
}
