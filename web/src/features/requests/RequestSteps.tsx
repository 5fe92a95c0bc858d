/**
 * The steps on a request between intake and fulfilment (issue 15): the requester's identity checked, a consent the
 * request waits for, the extension notice (AVG 12(3); its reasons kept as a draft as they are typed), the day the
 * answer was received (the appeal term runs from it) and a second person's confirmation of a destruction. Each step
 * makes the request, the client's list of requests and the dashboard stale.
 */
import { useState } from 'react';
import { dataOf, server, type BodyOf } from '../../shared/api-client';
import { ProblemBox, Select, TextArea, TextInput } from '../../shared/components';
import { saveLine, useDraft, useRequestDraft, type Draft } from '../../shared/drafts';
import { CONSENT_HOW, DOCUMENT_TYPES, today } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { requestChanged } from './request-api';

interface RequestIds { clientId: string; requestId: string }
type DocumentType = BodyOf<'/api/clients/{clientId}/requests/{requestId}/identity-check'>['documentType'];
type ConsentHow = BodyOf<'/api/clients/{clientId}/requests/{requestId}/consent'>['how'];

/** Inspection, a copy handed over, portability and destruction need the requester's identity checked first (AVG 12(6)). */
export function CheckIdentity({ clientId, requestId }: RequestIds) {
  const [documentType, setDocumentType] = useState<DocumentType>('identity-card');
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/requests/{requestId}/identity-check', { params: { path: { clientId, requestId } }, body: { documentType } })),
    invalidates: () => requestChanged(clientId),
  });
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="identity-title">
      <h3 id="identity-title">Identiteit controleren</h3>
      <p>Bekijk een geldig identiteitsbewijs van de verzoeker. Maak er geen kopie van. Zonder controle geeft u geen inzage, geeft u geen kopie mee en vernietigt u niets.</p>
      <Select label="Gecontroleerd met" value={documentType} onChange={(v) => setDocumentType(v as DocumentType)} options={DOCUMENT_TYPES} />
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" className="secondary" disabled={save.isPending}>Identiteit gecontroleerd</button>
    </form>
  );
}

/** The consent a request waits for, recorded with when and how it was given (and where a written declaration is kept). */
export function RecordConsent({ clientId, requestId, who }: RequestIds & { who: string[] }) {
  const [givenOn, setGivenOn] = useState(today());
  const [how, setHow] = useState<ConsentHow>('in-person');
  const [reference, setReference] = useState('');
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/requests/{requestId}/consent', {
      params: { path: { clientId, requestId } }, body: { givenOn, how, ...(reference.trim() === '' ? {} : { declarationReference: reference.trim() }) },
    })),
    invalidates: () => requestChanged(clientId),
  });
  const names = who.map((w) => (w === 'client' ? 'de jongere' : w === 'legal-representatives' ? 'de wettelijk vertegenwoordigers' : w)).join(' en ');
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="request-consent-title">
      <h3 id="request-consent-title">Toestemming vastleggen</h3>
      <p>Heeft {names} toestemming gegeven? Leg dan vast wanneer en hoe. Is de toestemming op papier of digitaal gegeven, noem dan waar de verklaring bewaard is.</p>
      <TextInput label="Toestemming gegeven op" type="date" value={givenOn} onChange={setGivenOn} />
      <Select label="Hoe is de toestemming gegeven?" value={how} onChange={(v) => setHow(v as ConsentHow)} options={CONSENT_HOW} />
      <TextInput label="Waar is de verklaring bewaard?" value={reference} onChange={setReference} hint="Nodig bij toestemming op papier of digitaal." />
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Toestemming van {names} vastleggen</button>
    </form>
  );
}

/** The second person's confirmation of a granted destruction (issue 14): not the one who decided. */
export function ConfirmDestruction({ clientId, requestId }: RequestIds) {
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/requests/{requestId}/confirm-destruction', { params: { path: { clientId, requestId } } })),
    invalidates: () => requestChanged(clientId),
  });
  return (
    <div className="card" data-testid="confirm-destruction">
      <h3>Vernietiging bevestigen</h3>
      <p>Vernietigen kan niet worden teruggedraaid. Daarom bevestigt een tweede persoon het besluit: de dossierhouder, een manager of de privacyfunctionaris. Wie besliste, kan niet ook bevestigen.</p>
      <ProblemBox problem={problemOf(save.error)} />
      <button type="button" disabled={save.isPending} onClick={() => save.mutate()}>Ik bevestig de vernietiging</button>
    </div>
  );
}

/** The extension notice (AVG 12(3)): its reasons go to the requester, so they are kept as typed; a draft opens the form. */
export function Extend(props: RequestIds) {
  const { draft } = useRequestDraft(props.clientId, props.requestId, 'extension');
  if (draft === undefined) return null;
  return <ExtendForm key={draft?.id ?? 'new'} {...props} draft={draft} />;
}

function ExtendForm({ clientId, requestId, draft }: RequestIds & { draft: Draft | null }) {
  const [open, setOpen] = useState(draft !== null);
  const [noticeSentOn, setNoticeSentOn] = useState(draft?.fields.noticeSentOn ?? today());
  const [reasons, setReasons] = useState(draft?.fields.text ?? '');
  const autosave = useDraft(clientId, 'extension', { noticeSentOn, text: reasons }, { requestId, enabled: open, ...(draft === null ? {} : { id: draft.id }) });
  const save = useApiMutation({
    mutationFn: async () => {
      const extended = await dataOf(server.POST('/api/clients/{clientId}/requests/{requestId}/extend', {
        params: { path: { clientId, requestId } }, body: { noticeSentOn, reasons },
      }));
      await autosave.finish().catch(() => undefined);
      return extended;
    },
    invalidates: () => requestChanged(clientId),
  });
  if (!open) return <p><button type="button" className="secondary" onClick={() => setOpen(true)}>Termijn verlengen</button></p>;
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} data-testid="extend">
      <h3>Termijn verlengen</h3>
      <p>U mag de termijn verlengen als het verzoek ingewikkeld is. Laat de verzoeker dit binnen de eerste termijn weten, met de reden.</p>
      <TextInput label="Datum waarop het bericht is verstuurd" type="date" value={noticeSentOn} onChange={setNoticeSentOn} required />
      <TextArea label="Redenen van de vertraging, zoals in het bericht staan (verplicht)" value={reasons} onChange={setReasons} required />
      <p className="draft-line" aria-live="polite" data-testid="draft-state">{saveLine(autosave.save)}</p>
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Verlenging vastleggen</button>
    </form>
  );
}

/** Records the day the requester received the answer: the six weeks to go to court run from it (003 §4). */
export function AnswerReceived({ clientId, requestId }: RequestIds) {
  const [receivedOn, setReceivedOn] = useState(today());
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/requests/{requestId}/answer-received', { params: { path: { clientId, requestId } }, body: { receivedOn } })),
    invalidates: () => requestChanged(clientId),
  });
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())}>
      <h3>Antwoord ontvangen</h3>
      <p>Een brief per post komt later aan dan een antwoord per e-mail of een antwoord dat u zelf overhandigt. Vul de dag in waarop de verzoeker het antwoord kreeg.</p>
      <TextInput label="Datum waarop de verzoeker het antwoord ontving" type="date" value={receivedOn} onChange={setReceivedOn} required />
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Ontvangst vastleggen</button>
    </form>
  );
}
