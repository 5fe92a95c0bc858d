/**
 * "Einde hulp" (issue 15 item 4): recording that the care ended. Only the dossier holder or a manager may (the engine's
 * end-care, asked in the browser); everyone else reads why before any form. It is hard to undo — the team closes
 * after the last day, the retention period starts — so the form asks once more before it saves.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf } from '../../shared/api-client';
import { ConfirmButton, ProblemBox, Select, TextInput } from '../../shared/components';
import { problemOf, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { CARE_END_REASONS, formatDate, label, today } from '../../shared/labels';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';
import { useRefreshClient } from './client-queries';
import { Toggle } from './Toggle';

type Reason = BodyOf<'/api/clients/{clientId}/end-of-care'>['reason'];

export function EndOfCareCard({ client, me }: { client: ClientDetail; me: Me }) {
  const loaded = useQuery({
    queryKey: queryKeys.endOfCare(client.id),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/end-of-care', { params: { path: { clientId: client.id } } })),
    select: (answer) => answer.careEnd,
  });
  const may = mayDo(me, client, Act.endCare);
  const careEnd = loaded.data;
  return (
    <section className="card" aria-labelledby="end-of-care-title" data-testid="end-of-care">
      <h2 id="end-of-care-title">Einde hulp</h2>
      <ProblemBox problem={problemOf(loaded.error)} />
      {careEnd !== undefined && careEnd !== null && (
        <>
          <p role="status">De hulp is gestopt op {formatDate(careEnd.endedOn)}.</p>
          <dl className="facts">
            <dt>Reden</dt><dd>{label(CARE_END_REASONS, careEnd.reason)}</dd>
            <dt>Vastgelegd door</dt><dd>{careEnd.endedBy ?? 'onbekend'}, {formatDate(careEnd.recordedAt.slice(0, 10))}</dd>
          </dl>
          <p className="muted">Het dossier wordt bewaard tot twintig jaar na deze laatste wijziging. Alleen de dossierhouder kan het nog openen.</p>
        </>
      )}
      {careEnd === null && (may.outcome === 'allow'
        ? (
            <>
              <p className="muted">Is de hulp aan deze cliënt gestopt? Leg dat hier vast. Dat kan maar één keer.</p>
              <Toggle open="Einde hulp vastleggen">
                {(close) => <EndOfCareForm clientId={client.id} onDone={close} />}
              </Toggle>
            </>
          )
        : <NotYours title="Einde hulp vastleggen" decision={may} />)}
    </section>
  );
}

function EndOfCareForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [endedOn, setEndedOn] = useState(today());
  const [reason, setReason] = useState<Reason | ''>('');
  const refresh = useRefreshClient(clientId);
  const queryClient = useQueryClient();
  const save = useApiMutation({
    mutationFn: async () => {
      const answer = await dataOf(server.POST('/api/clients/{clientId}/end-of-care', { params: { path: { clientId } }, body: { endedOn, reason: reason as Reason } }));
      // The team (it closes) and the record are loaded again before this card says the care ended, so the page never
      // shows the end beside a team that still looks open.
      await Promise.all([queryKeys.careTeam(clientId), queryKeys.clientDetail(clientId)].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      return answer;
    },
    // Then this card; the retention starts, so every other card and the caseloads ask again (refresh).
    invalidates: () => [queryKeys.endOfCare(clientId)],
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  const ready = endedOn !== '' && reason !== '';
  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label="Einde hulp vastleggen">
      <TextInput label="Laatste dag van de hulp" type="date" value={endedOn} onChange={setEndedOn} required />
      <Select label="Waarom is de hulp gestopt?" value={reason} onChange={(v) => setReason(v as Reason)} options={CARE_END_REASONS} allowEmpty="Kies de reden" required />
      <div className="notice" id="end-of-care-consequences">
        <p>Wat er gebeurt als u het einde vastlegt:</p>
        <ul>
          <li>
            Na de laatste dag kunnen teamleden, vervangers en stagiairs het dossier niet meer openen. Alleen de dossierhouder kan dat nog, om vragen
            van de cliënt te beantwoorden.
          </li>
          <li>De cliënt staat niet meer als actief in de caseload.</li>
          <li>Het dossier wordt twintig jaar bewaard, gerekend vanaf nu.</li>
          <li>U kunt dit niet zelf terugdraaien.</li>
        </ul>
      </div>
      <ProblemBox problem={problemOf(save.error)} />
      <div className="actions">
        <ConfirmButton
          className="primary"
          disabled={!ready || save.isPending}
          question="Weet u zeker dat de hulp gestopt is? Dit kunt u niet terugdraaien."
          confirm="Ja, hulp beëindigen"
          onConfirm={() => save.mutate()}
        >
          Einde hulp opslaan
        </ConfirmButton>
      </div>
    </form>
  );
}
