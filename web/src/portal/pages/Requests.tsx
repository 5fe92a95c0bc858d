/**
 * My requests (issue 19 item 4): submit each kind online (POST /api/portal/requests), see each own request's state,
 * deadline and decision, and open the decision letter, the copy made for this reader or the portability export.
 * Beside each kind the engine's answer for this person today; a refusal is recorded with its explanation, as for a
 * request staff record. An own statement is written here for the entry it disputes (the dossier page links here).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Select, TextArea } from '../../shared/components';
import { newProgressId, PROGRESS_HEADER, type ServerProgress } from '../../shared/api';
import { submitWith, useApiMutation } from '../../shared/query';
import { BasisLine, Done, Dutch, PortalLoading, PortalProblem, WithheldNotice } from '../components';
import { apiPath, dataOf, portal, portalDownload, problemFrom, type BodyOf, type Problem, type ResponseOf } from '../portal-api';
import { portalKeys } from '../portal-query';
import type { PortalMe } from '../portal-types';
import { isShown } from './Dossier';
import { dateWords, labelOf, useLanguage } from '../texts/catalogue';

type PortalRequest = ResponseOf<'/api/portal/requests'>['requests'][number];
type RequestKind = PortalRequest['kind'];
type NewRequest = BodyOf<'/api/portal/requests'>;

/** The parts a request may name; the whole dossier by default. */
const PARTS_ASKED = ['dossier', 'conversation-report', 'care-plan', 'evaluation', 'research-report', 'administrative-data'] as const;
const WITH_PART: readonly RequestKind[] = ['inspect', 'copy', 'correct', 'destroy', 'restrict', 'object', 'portability'];

export function RequestsPage(_props: { me: PortalMe }) {
  const { t, language } = useLanguage();
  const words = dateWords(language);
  const params = new URLSearchParams(window.location.search);
  const list = useQuery({ queryKey: portalKeys.requests, queryFn: () => dataOf(portal.GET('/api/portal/requests')) });
  const { data } = list;
  const [kind, setKind] = useState<RequestKind | ''>((params.get('soort') ?? '') as RequestKind | '');
  const [part, setPart] = useState('dossier');
  const [details, setDetails] = useState('');
  const [entryId, setEntryId] = useState(params.get('stuk') ?? '');
  const [statement, setStatement] = useState('');
  const [consentId, setConsentId] = useState('');
  const [sent, setSent] = useState(false);
  // The entries an own statement can dispute, and the consents one can withdraw, load only for those kinds.
  const entries = useQuery({
    queryKey: portalKeys.dossier, queryFn: () => dataOf(portal.GET('/api/portal/dossier')), enabled: kind === 'add-statement',
  });
  const consents = useQuery({
    queryKey: portalKeys.consents, queryFn: () => dataOf(portal.GET('/api/portal/consents')), enabled: kind === 'withdraw-consent',
  });

  // A request made lands in the list; one that withdraws a consent is recorded beside it, not the withdrawal itself.
  const send = useApiMutation({
    mutationFn: (body: NewRequest) => dataOf(portal.POST('/api/portal/requests', { body })),
    invalidates: () => [portalKeys.requests],
    onSuccess: () => {
      setSent(true);
      setDetails('');
      setStatement('');
      setKind('');
      window.history.replaceState(null, '', window.location.pathname);
    },
  });
  const submit = submitWith(() => {
    if (kind === '') return;
    setSent(false);
    send.mutate({
      kind,
      ...(WITH_PART.includes(kind) ? { part: part as NonNullable<NewRequest['part']> } : {}),
      details: details.trim() === '' && kind === 'add-statement' ? statement.trim().slice(0, 5000) : details.trim(),
      ...(kind === 'add-statement' ? { statement: { entryId, text: statement.trim() } } : {}),
      ...(kind === 'withdraw-consent' && consentId !== '' ? { consentId } : {}),
    });
  });

  const kindAnswer = data?.kinds.find((k) => k.kind === kind);
  const shownEntries = (entries.data?.entries ?? []).filter(isShown);
  const withdrawable = (consents.data?.consents ?? []).filter((c) => c.active && c.mayWithdraw);

  return (
    <>
      <h1>{t.requests.title}</h1>
      <p className="lead">{t.requests.lead}</p>
      {list.isPending && <PortalLoading what={t.requests.title} />}
      <PortalProblem problem={list.error === null ? undefined : problemFrom(list.error)} />
      {sent && <Done>{t.requests.sent}</Done>}
      {data !== undefined && (
        <>
          <form className="card" onSubmit={submit} data-testid="new-request">
            <h2>{t.requests.newTitle}</h2>
            <fieldset className="portal-choice">
              <legend>{t.requests.kind}</legend>
              {data.kinds.map((k) => (
                <label key={k.kind}>
                  <input type="radio" name="kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} required />
                  <span>
                    <strong>{labelOf(t, t.codes.requestKinds, k.kind)}</strong><br />
                    <span className="hint">{t.requests.kindsHelp[k.kind] ?? ''}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            {kindAnswer !== undefined && kindAnswer.outcome === 'deny' && (
              <WithheldNotice title={t.common.problemForbidden} explanation={kindAnswer.explanation} basis={kindAnswer.basis} testId="kind-refused" />
            )}
            {kind !== '' && WITH_PART.includes(kind) && (
              <Select label={t.dossier.part} value={part} onChange={setPart} options={PARTS_ASKED.map((p): [string, string] => [p, labelOf(t, t.codes.parts, p)])} />
            )}
            {kind === 'add-statement' && (
              <>
                <Select
                  label={t.requests.entry}
                  value={entryId}
                  onChange={setEntryId}
                  required
                  allowEmpty={entries.isFetching && entries.data === undefined ? t.common.loading(t.shell.dossier) : t.requests.chooseKind}
                  options={shownEntries.map((e): [string, string] => [e.id, `${words.date(e.recordedAt)} — ${e.title ?? e.kindLabel}`])}
                />
                <TextArea label={t.requests.statement} value={statement} onChange={setStatement} required hint={t.requests.statementHint} rows={6} />
              </>
            )}
            {kind === 'withdraw-consent' && (
              <Select
                label={t.requests.consent}
                value={consentId}
                onChange={setConsentId}
                allowEmpty={consents.isFetching && consents.data === undefined ? t.common.loading(t.shell.consents) : t.requests.chooseKind}
                options={withdrawable.map((c): [string, string] => [c.id, [c.kindText, c.what, c.recipient].filter((x) => x !== null && x !== '').join(' — ')])}
              />
            )}
            {kind !== '' && (
              <TextArea label={t.requests.details} value={details} onChange={setDetails} required={kind !== 'add-statement'} hint={t.requests.detailsHint} rows={4} />
            )}
            <PortalProblem problem={send.error === null ? undefined : problemFrom(send.error)} title={t.requests.failed} />
            <button type="submit" disabled={send.isPending || kind === ''}>{t.requests.submit}</button>
          </form>

          <section aria-labelledby="mine-title">
            <h2 id="mine-title">{t.requests.mine}</h2>
            {data.requests.length === 0 && <p>{t.requests.none}</p>}
            <ol className="portal-list" data-testid="my-requests">
              {data.requests.map((r) => <RequestCard key={r.id} request={r} />)}
            </ol>
          </section>
        </>
      )}
    </>
  );
}

function RequestCard({ request: r }: { request: PortalRequest }) {
  const { t, language } = useLanguage();
  const words = dateWords(language);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ServerProgress>();
  const fetchFile = (url: string, name: string) => {
    setProblem(undefined);
    portalDownload(url, name).catch((error: unknown) => setProblem(problemFrom(error)));
  };
  // The export of a large dossier takes a while: the server reports how far it is under an id of ours (as the staff's exports).
  const fetchExport = (url: string, name: string) => {
    setProblem(undefined);
    setBusy(true);
    setProgress(undefined);
    const progressId = newProgressId();
    let live = true;
    const tick = () => {
      if (!live) return;
      dataOf(portal.GET('/api/portal/exports/progress/{progressId}', { params: { path: { progressId } } })).then((p: ServerProgress) => live && setProgress(p), () => undefined).finally(() => {
        if (live) setTimeout(tick, 700);
      });
    };
    setTimeout(tick, 700);
    portalDownload(url, name, { [PROGRESS_HEADER]: progressId })
      .catch((error: unknown) => setProblem(problemFrom(error)))
      .finally(() => {
        live = false;
        setBusy(false);
        setProgress(undefined);
      });
  };
  const reasons = r.decision?.reasons;
  return (
    <li className={`card${r.overdue ? ' portal-overdue' : ''}`} data-testid="portal-request">
      <h3>{labelOf(t, t.codes.requestKinds, r.kind)}</h3>
      <p className="meta">{t.requests.received(words.date(r.receivedOn))}</p>
      <dl className="portal-facts">
        <dt>{t.requests.state}</dt><dd data-testid="portal-request-state">{labelOf(t, t.codes.requestStates, r.state)}</dd>
        {r.deadline !== null && r.state !== 'fulfilled' && r.state !== 'refused-at-intake' && (
          <><dt>{t.requests.deadlineLabel}</dt><dd data-testid="portal-request-deadline">{words.date(r.deadline)}</dd></>
        )}
        {r.decision !== null && (
          <><dt>{t.requests.decision}</dt><dd>{labelOf(t, t.codes.decisionOutcomes, r.decision.outcome)} ({words.date(r.decision.decidedOn)})</dd></>
        )}
      </dl>
      <p className="portal-text"><Dutch>{r.details}</Dutch></p>
      {r.state === 'refused-at-intake' && <WithheldNotice title={t.common.problemForbidden} explanation={r.intake.explanation} basis={r.intake.basis} />}
      {reasons !== undefined && reasons !== '' && <p><Dutch>{reasons}</Dutch></p>}
      {r.state !== 'refused-at-intake' && r.decision === null && <BasisLine basis={r.intake.basis} />}
      <div className="actions">
        {r.letter && <button type="button" className="secondary" onClick={() => fetchFile(apiPath('/api/portal/requests/{requestId}/letter.pdf', { requestId: r.id }), 'brief.pdf')}>{t.requests.openLetter}</button>}
        {r.copy && <button type="button" className="secondary" onClick={() => fetchFile(apiPath('/api/portal/requests/{requestId}/copy.pdf', { requestId: r.id }), 'kopie-dossier.pdf')}>{t.requests.download} (PDF)</button>}
      </div>
      {r.export && (
        // The portability export made for this person (AVG 20): one link per format (src/portal/rights/portal-export.ts).
        <div className="portal-export" role="group" aria-labelledby={`export-${r.id}`} data-testid="portal-export">
          <h4 id={`export-${r.id}`}>{t.requests.exportTitle}</h4>
          <p className="hint">{t.requests.exportHelp}</p>
          <div className="actions">
            <button type="button" className="secondary" disabled={busy} onClick={() => fetchExport(apiPath('/api/portal/requests/{requestId}/export.json', { requestId: r.id }), 'gegevens.json')}>{t.requests.downloadAs(t.requests.exportFormats.json)}</button>
            <button type="button" className="secondary" disabled={busy} onClick={() => fetchExport(apiPath('/api/portal/requests/{requestId}/export.xlsx', { requestId: r.id }), 'gegevens.xlsx')}>{t.requests.downloadAs(t.requests.exportFormats.xlsx)}</button>
            <button type="button" className="secondary" disabled={busy} onClick={() => fetchExport(apiPath('/api/portal/requests/{requestId}/export.fhir.json', { requestId: r.id }), 'gegevens-fhir.json')}>{t.requests.downloadAs(t.requests.exportFormats.fhir)}</button>
          </div>
          {busy && (
            <p role="status">{progress !== undefined && progress.total > 0 ? t.requests.exportProgress(progress.done, progress.total) : t.requests.exportBusy}</p>
          )}
        </div>
      )}
      <PortalProblem problem={problem} />
    </li>
  );
}
