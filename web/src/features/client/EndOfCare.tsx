/**
 * "Einde hulp" (issue 15 item 4): recording that the care ended. Only the dossier holder or a manager may (the engine's
 * end-care, asked in the browser); everyone else reads why before any form. It is hard to undo — the team closes
 * after the last day, the retention period starts — so the form asks once more before it saves.
 */
import { useState } from 'react';
import { get, post } from '../../shared/api';
import { ConfirmButton, ProblemBox, Select, TextInput, useLoad, useSubmit } from '../../shared/components';
import { CARE_END_REASONS, formatDate, label, today } from '../../shared/labels';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';
import { Toggle } from './Toggle';

interface CareEnd { endedOn: string; reason: string; endedBy: string | null; recordedAt: string }

export function EndOfCareCard({ client, me, onChanged }: { client: ClientDetail; me: Me; onChanged: () => void }) {
  const loaded = useLoad(() => get<{ careEnd: CareEnd | null }>(`/api/clients/${client.id}/end-of-care`).then((r) => r.careEnd), [client.id]);
  const may = mayDo(me, client, Act.endCare);
  const careEnd = loaded.data;
  return (
    <section className="card" aria-labelledby="end-of-care-title" data-testid="end-of-care">
      <h2 id="end-of-care-title">Einde hulp</h2>
      <ProblemBox problem={loaded.problem} />
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
                {(close) => (
                  <EndOfCareForm
                    clientId={client.id}
                    onDone={() => {
                      close();
                      loaded.reload();
                      onChanged();
                    }}
                  />
                )}
              </Toggle>
            </>
          )
        : <NotYours title="Einde hulp vastleggen" decision={may} />)}
    </section>
  );
}

function EndOfCareForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [endedOn, setEndedOn] = useState(today());
  const [reason, setReason] = useState('');
  const save = useSubmit(() => post(`/api/clients/${clientId}/end-of-care`, { endedOn, reason }), onDone);
  const ready = endedOn !== '' && reason !== '';
  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label="Einde hulp vastleggen">
      <TextInput label="Laatste dag van de hulp" type="date" value={endedOn} onChange={setEndedOn} required />
      <Select label="Waarom is de hulp gestopt?" value={reason} onChange={setReason} options={CARE_END_REASONS} allowEmpty="Kies de reden" required />
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
      <ProblemBox problem={save.problem} />
      <div className="actions">
        <ConfirmButton
          className="primary"
          disabled={!ready || save.busy}
          question="Weet u zeker dat de hulp gestopt is? Dit kunt u niet terugdraaien."
          confirm="Ja, hulp beëindigen"
          onConfirm={() => void save.submit()}
        >
          Einde hulp opslaan
        </ConfirmButton>
      </div>
    </form>
  );
}
