/**
 * One request's page (issue 15): its facts, the intake's answer, and — each only for whom the engine allows it, the
 * reason for the others — the steps (consent, identity, extension), the decision, the second person's confirmation
 * of a destruction, the fulfilment, the end of a restriction, the letter and what is handed over. Loaded with
 * TanStack Query; each step makes the request stale, so the page shows it at once.
 */
import { apiPath } from '../../shared/api-client';
import { Basis, DownloadButton, Link, Loading, ProblemBox } from '../../shared/components';
import type { ClientDetail } from '../../shared/client-detail';
import { CHANNELS, CONSENT_HOW, DECISION_FACTS, DECISION_OUTCOMES, DOCUMENT_TYPES, INTAKE_OUTCOMES, PARTS, REQUEST_KINDS, REQUEST_STATES, formatDate, label } from '../../shared/labels';
import { problemOf } from '../../shared/query';
import type { Me } from '../auth/Login';
import { Decide, DestructionSummary, NotYours } from './Decide';
import { CorrectionHistory, EndRestriction, Fulfil } from './Fulfil';
import { requesterText, useRequest } from './request-api';
import { RequestAct, mayDo } from './request-permissions';
import { DownloadLinks, PortabilityDownloads, ReaderView } from './RequestDocuments';
import { AnswerReceived, CheckIdentity, ConfirmDestruction, Extend, RecordConsent } from './RequestSteps';

/** `onClientChanged`: a fulfilment can change the client (a correction of formal data, a withdrawn consent), so the client page reloads it. */
export function RequestDetail({ client, requestId, me, onClientChanged }: { client: ClientDetail; requestId: string; me: Me; onClientChanged: () => void }) {
  const request = useRequest(client.id, requestId);
  if (request.isPending) return <Loading what="Verzoek" />;
  if (request.data === undefined) return <ProblemBox problem={problemOf(request.error)} />;
  const r = request.data;
  const ids = { clientId: client.id, requestId: r.id };
  const open = r.state === 'received' || r.state === 'extended';
  const granted = (r.state === 'decided' || r.state === 'fulfilled') && r.decision !== null && r.decision.outcome !== 'refused';
  const readable = (r.kind === 'inspect' || r.kind === 'copy') && granted;
  // What this employee may do here, by the engine (src/rules/acts.ts): forms only for them, the reason for the others.
  const may = {
    register: mayDo(me, client, RequestAct.register, r.kind),
    decide: mayDo(me, client, RequestAct.decide, r.kind),
    fulfil: mayDo(me, client, RequestAct.fulfil, r.kind),
    confirm: mayDo(me, client, RequestAct.confirmDestruction, r.kind),
    endRestriction: mayDo(me, client, RequestAct.endRestriction),
  };
  const restriction = r.kind === 'restrict' && client.processingRestriction?.requestId === r.id ? client.processingRestriction : null;
  const allowed = (d: { outcome: string }) => d.outcome === 'allow';
  return (
    <section aria-labelledby="request-title">
      <p className="breadcrumb"><Link to={`/clienten/${client.id}/verzoeken`}>Alle verzoeken</Link></p>
      <h2 id="request-title">Verzoek: {label(REQUEST_KINDS, r.kind)} — {requesterText(r.requester)}</h2>
      <dl className="facts">
        <dt>Status</dt><dd data-testid="request-state">{label(REQUEST_STATES, r.state)}</dd>
        <dt>Ontvangen</dt><dd>{formatDate(r.receivedOn)} ({label(CHANNELS, r.channel).toLowerCase()})</dd>
        <dt>Deel van het dossier</dt><dd>{label(PARTS, r.part)}</dd>
        <dt>Gevraagd</dt><dd>{r.details}</dd>
        <dt>Identiteit</dt><dd>{r.identityChecked === null ? 'Nog niet gecontroleerd' : `${label(DOCUMENT_TYPES, r.identityChecked.documentType)}, ${formatDate(r.identityChecked.checkedAt)}`}</dd>
        <dt>Uiterlijk beslissen op</dt><dd>{formatDate(r.deadline)}{r.overdue && <strong className="tag danger-tag"> Te laat</strong>}{r.extensionNoticeOn !== null && ` (verlengd, bericht verstuurd ${formatDate(r.extensionNoticeOn)})`}</dd>
      </dl>
      <div className={`intake ${r.intake.outcome === 'allow' ? 'ok' : r.intake.outcome === 'deny' ? 'refused' : 'warning'}`} data-testid="intake" role="status">
        <h3>Beoordeling bij intake: {label(INTAKE_OUTCOMES, r.intake.outcome)}</h3>
        <p data-testid="intake-explanation">{r.intake.explanation}</p>
        <Basis basis={r.intake.basis} />
        {r.intake.consentRecordedOn !== null && (
          <p>
            Toestemming vastgelegd op {formatDate(r.intake.consentRecordedOn)}
            {r.intake.consent !== null && `: gegeven op ${formatDate(r.intake.consent.givenOn)}, ${label(CONSENT_HOW, r.intake.consent.how).toLowerCase()}`}
            {r.intake.consent?.declarationReference != null && ` (verklaring: ${r.intake.consent.declarationReference})`}
            .
          </p>
        )}
      </div>
      {r.intake.consentMissing.length > 0 && r.intake.consentRecordedOn === null && open && allowed(may.register) && (
        <RecordConsent {...ids} who={r.intake.consentMissing} />
      )}
      {/* A new form once the consent is recorded: a refusal given before it would otherwise stay on screen. */}
      {open && allowed(may.decide) && (
        <Decide key={r.intake.consentRecordedOn ?? 'no-consent'} {...ids} kind={r.kind} part={r.part} deceased={(client.death ?? null) !== null} />
      )}
      {open && !allowed(may.decide) && <NotYours title="Besluiten" decision={may.decide} />}
      <p data-testid="request-deadlines">{r.deadlines.explanation}</p>
      {r.extension != null && <p>Verlenging gemeld op {formatDate(r.extension.noticeSentOn)}{r.extension.reasons !== null && `, met als reden: ${r.extension.reasons}`}.</p>}
      {r.state === 'received' && allowed(may.decide) && <Extend {...ids} />}
      {r.decision !== null && (
        <div className="card" data-testid="decision">
          <h3>Besluit: {label(DECISION_OUTCOMES, r.decision.outcome)}</h3>
          <p>Besloten op {formatDate(r.decision.decidedOn)}.{r.decision.executionDeadline !== null && ` Uitvoeren uiterlijk ${formatDate(r.decision.executionDeadline)}.`}</p>
          <p data-testid="appeal-deadline">
            {r.deadlines.late
              ? 'Er is niet op tijd beslist. Naar de rechter gaan is daarom niet aan een termijn gebonden.'
              : r.decision.appealDeadline !== null
                ? `Naar de rechter kan tot en met ${formatDate(r.decision.appealDeadline)} (zes weken nadat het antwoord is ontvangen op ${formatDate(r.decision.answerReceivedOn ?? r.decision.decidedOn)}).`
                : 'Naar de rechter kan binnen zes weken nadat de verzoeker het antwoord heeft ontvangen. Leg die dag hieronder vast.'}
          </p>
          {r.decision.answerReceivedOn == null && !r.deadlines.late && allowed(may.register) && <AnswerReceived {...ids} />}
          {r.decision.reasons !== null && r.decision.reasons !== '' && <p>Redenen: {r.decision.reasons}</p>}
          {r.decision.facts.length > 0 && <p>Feiten: {r.decision.facts.map((f) => label(DECISION_FACTS, f)).join('; ')}</p>}
          {r.decision.consultedProfessional != null && <p>Overlegd met: {r.decision.consultedProfessional}</p>}
          {r.decision.destruction != null && <DestructionSummary split={r.decision.destruction} />}
          <Basis basis={r.decision.basis} />
        </div>
      )}
      {r.kind === 'destroy' && r.state === 'decided' && granted && r.decision?.destructionConfirmation === null && (allowed(may.confirm)
        ? <ConfirmDestruction {...ids} />
        : <NotYours title="Vernietiging bevestigen" decision={may.confirm} />)}
      {r.decision?.destructionConfirmation != null && r.state === 'decided' && (
        <p className="ok" role="status" data-testid="destruction-confirmed">Vernietiging bevestigd door een tweede persoon op {formatDate(r.decision.destructionConfirmation.confirmedAt.slice(0, 10))}.</p>
      )}
      {r.identityChecked === null && (open || r.state === 'decided') && allowed(may.register) && <CheckIdentity {...ids} />}
      {r.state === 'decided' && granted && (allowed(may.fulfil)
        ? (
            <Fulfil requestId={r.id} kind={r.kind} client={client} onDone={onClientChanged} />
          )
        : <NotYours title="Uitvoeren" decision={may.fulfil} />)}
      {r.kind === 'correct' && <CorrectionHistory client={client} requestId={r.id} />}
      {restriction !== null && (allowed(may.endRestriction)
        ? <EndRestriction clientId={client.id} since={restriction.since} onDone={onClientChanged} />
        : <NotYours title="Beperking beëindigen" decision={may.endRestriction} />)}
      {r.fulfilledOn !== null && <p className="ok" role="status">Uitgevoerd op {formatDate(r.fulfilledOn)}{r.feeCents !== null && r.feeCents > 0 && `, vergoeding € ${(r.feeCents / 100).toFixed(2)}`}.</p>}
      <section className="card" aria-labelledby="documents-title">
        <h3 id="documents-title">Brieven en kopieën</h3>
        {r.decision === null && r.extension == null && <p>Na het besluit kunt u hier de besluitbrief downloaden.</p>}
        {/* Before the decision, the letter of an extended request is the extension notice with its reasons (AVG 12(3)). */}
        {r.decision === null && r.extension != null && (
          <DownloadButton url={apiPath('/api/clients/{clientId}/requests/{requestId}/letter.pdf', ids)} fileName={`verlengingsbrief-${r.id.slice(0, 8)}.pdf`}>Brief over de verlenging downloaden (PDF)</DownloadButton>
        )}
        {r.decision !== null && <DownloadButton url={apiPath('/api/clients/{clientId}/requests/{requestId}/letter.pdf', ids)} fileName={`besluitbrief-${r.id.slice(0, 8)}.pdf`}>Besluitbrief downloaden (PDF)</DownloadButton>}
        {readable && r.kind === 'copy' && <DownloadButton url={apiPath('/api/clients/{clientId}/requests/{requestId}/copy.pdf', ids)} fileName={`kopie-dossier-${r.id.slice(0, 8)}.pdf`}>Kopie van het dossier maken (PDF)</DownloadButton>}
        {readable && r.kind === 'copy' && r.channel === 'electronic' && <DownloadLinks {...ids} />}
        {granted && r.kind === 'portability' && <PortabilityDownloads {...ids} />}
        {readable && <ReaderView {...ids} />}
      </section>
    </section>
  );
}
