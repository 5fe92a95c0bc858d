/** Requests (rights of the client and representatives): the dashboard by due date, intake, the decision flow, letters and copies. */
import { useState } from 'react';
import { get, post, toProblem, type Problem } from '../../shared/api';
import { Basis, DownloadButton, Link, Loading, ProblemBox, Select, TextArea, TextInput, useLoad, useSubmit, Wide } from '../../shared/components';
import {
  CHANNELS, CONSENT_HOW, DECISION_FACTS, DECISION_OUTCOMES, DOCUMENT_TYPES, INTAKE_OUTCOMES, PARTS, RELATIONS, REQUEST_KINDS, REQUEST_STATES, formatDate, label, today,
} from '../../shared/labels';
import { saveLine, useDraft, useRequestDraft, type Draft } from '../../shared/drafts';
import { navigate } from '../../shared/router';
import type { ClientDetail } from '../../shared/client-detail';
import type { Me } from '../auth/Login';
import { CorrectionHistory, Decide, DestructionSummary, EndRestriction, Fulfil, NotYours } from './RequestActions';
import { RequestAct, mayDo } from './request-permissions';

interface DashboardRow {
  requestId: string; clientId: string; clientName: string; kind: string; state: string; receivedOn: string; deadline: string | null; overdue: boolean;
}

export interface RequestRecord {
  id: string; kind: string; requester: { kind: string; relationId: string | null; name: string | null; label: string }; channel: string; receivedOn: string; part: string; details: string;
  identityChecked: { documentType: string; checkedAt: string } | null; state: string;
  intake: {
    outcome: string; basis: string[]; explanation: string; consentMissing: string[]; consentRecordedOn: string | null;
    consent: { of: string[]; givenOn: string; how: string; declarationReference: string | null } | null;
  };
  deadline: string | null; overdue: boolean; extensionNoticeOn: string | null;
  extension?: { noticeSentOn: string; reasons: string | null } | null;
  /** The engine's deadlines (requestDeadlines): the appeal deadline only once the answer's receipt is recorded, none after a late decision. */
  deadlines?: { decisionDeadline: string; extended: boolean; late: boolean; appealDeadline: string | null; basis: string[]; explanation: string };
  decision: {
    outcome: string; reasons: string | null; facts: string[]; basis: string[]; decidedOn: string; answerReceivedOn?: string | null; appealDeadline: string | null; executionDeadline: string | null;
    /** The other professional consulted before a refusal on serious harm (Jeugdwet 7.3.2 lid 4). */
    consultedProfessional?: string | null;
    /** A granted destruction: the second person's confirmation (issue 14). */
    destructionConfirmation?: { confirmedBy: string; confirmedAt: string } | null;
    /** A destruction granted in part: the entries destroyed and, per kept group, its ground. */
    destruction?: { grantedEntryIds: string[]; refused: { entryIds: string[]; ground: string }[] } | null;
  } | null;
  fulfilledOn: string | null; feeCents: number | null;
}

/** Who asked, with what the engine says they are today (a parent of a client who turned 18 no longer has custody). */
function requesterText(requester: { name: string | null; label: string }): string {
  if (requester.name === null) return requester.label.charAt(0).toUpperCase() + requester.label.slice(1);
  return `${requester.name} (${requester.label})`;
}

export function RequestsDashboard() {
  const list = useLoad(() => get<{ requests: DashboardRow[] }>('/api/requests'), []);
  const rows = [...(list.data?.requests ?? [])].sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  return (
    <>
      <h1>Verzoeken</h1>
      <p className="lead">Lopende verzoeken van cliënten en hun vertegenwoordigers. De verzoeken met de vroegste uiterste datum staan bovenaan.</p>
      {list.loading && <Loading what="Verzoeken" />}
      <ProblemBox problem={list.problem} />
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
  const list = useLoad(() => get<{ requests: RequestRecord[] }>(`/api/clients/${client.id}/requests`), [client.id]);
  const [adding, setAdding] = useState(false);
  const register = mayDo(me, client, RequestAct.register);
  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">Verzoeken</h2>
      {register.outcome !== 'allow' && <NotYours title="Een verzoek vastleggen" decision={register} />}
      {register.outcome === 'allow' && !adding && <button type="button" onClick={() => setAdding(true)}>Nieuw verzoek vastleggen</button>}
      {register.outcome === 'allow' && adding && <Intake client={client} onCancel={() => setAdding(false)} />}
      {list.loading && <Loading what="Verzoeken" />}
      <ProblemBox problem={list.problem} />
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
  const [kind, setKind] = useState('inspect');
  const [requester, setRequester] = useState('');
  const [channel, setChannel] = useState('written');
  const [receivedOn, setReceivedOn] = useState(today());
  const [part, setPart] = useState('dossier');
  const [details, setDetails] = useState('');
  const [documentType, setDocumentType] = useState('');
  const requesters: [string, string][] = [
    ['', `${client.givenNames} ${client.familyName} (de cliënt zelf)`],
    ...client.relations.filter((r) => r.validTo === null).map((r): [string, string] =>
      [r.id, `${r.givenNames} ${r.familyName} (${label(RELATIONS, r.relation).toLowerCase()}${r.hasCustody ? ', met gezag' : ', zonder gezag'})`]),
  ];
  const save = useSubmit(() => post<RequestRecord>(`/api/clients/${client.id}/requests`, {
    kind, channel, receivedOn, part, details,
    ...(requester === '' ? {} : { requesterRelationId: requester }),
    ...(documentType === '' ? {} : { identityCheck: { documentType } }),
  }), (answer) => navigate(`/clienten/${client.id}/verzoeken/${answer.id}`));
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="intake-title">
      <h3 id="intake-title">Nieuw verzoek vastleggen</h3>
      <Select label="Soort verzoek" value={kind} onChange={setKind} options={REQUEST_KINDS} />
      <Select label="Van wie komt het verzoek?" value={requester} onChange={setRequester} options={requesters} />
      <Select label="Hoe kwam het verzoek binnen?" value={channel} onChange={setChannel} options={CHANNELS} />
      <TextInput label="Datum van ontvangst" type="date" value={receivedOn} onChange={setReceivedOn} required />
      <Select label="Over welk deel van het dossier?" value={part} onChange={setPart} options={PARTS} />
      <TextArea label="Wat wordt er precies gevraagd?" value={details} onChange={setDetails} required rows={3} />
      <Select label="Identiteit gecontroleerd met" value={documentType} onChange={setDocumentType} options={DOCUMENT_TYPES} allowEmpty="Nog niet gecontroleerd" />
      <ProblemBox problem={save.problem} />
      <div className="actions">
        <button type="submit" disabled={save.busy}>Verzoek vastleggen</button>
        <button type="button" className="secondary" onClick={onCancel}>Annuleren</button>
      </div>
    </form>
  );
}

/** `onClientChanged`: a fulfilment can change the client (a correction of formal data, a withdrawn consent), so the client page reloads it. */
export function RequestDetail({ client, requestId, me, onClientChanged }: { client: ClientDetail; requestId: string; me: Me; onClientChanged: () => void }) {
  const request = useLoad(() => get<RequestRecord>(`/api/clients/${client.id}/requests/${requestId}`), [client.id, requestId]);
  if (request.loading && request.data === undefined) return <Loading what="Verzoek" />;
  if (request.data === undefined) return <ProblemBox problem={request.problem} />;
  const r = request.data;
  const base = `/api/clients/${client.id}/requests/${r.id}`;
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
        <RecordConsent url={`${base}/consent`} who={r.intake.consentMissing} onDone={request.reload} />
      )}
      {/* A new form once the consent is recorded: a refusal given before it would otherwise stay on screen. */}
      {open && allowed(may.decide) && (
        <Decide key={r.intake.consentRecordedOn ?? 'no-consent'} url={`${base}/decision`} requestId={r.id} kind={r.kind} part={r.part} clientId={client.id} deceased={(client.death ?? null) !== null} onDone={request.reload} />
      )}
      {open && !allowed(may.decide) && <NotYours title="Besluiten" decision={may.decide} />}
      {r.deadlines !== undefined && <p data-testid="request-deadlines">{r.deadlines.explanation}</p>}
      {r.extension != null && <p>Verlenging gemeld op {formatDate(r.extension.noticeSentOn)}{r.extension.reasons !== null && `, met als reden: ${r.extension.reasons}`}.</p>}
      {r.state === 'received' && allowed(may.decide) && <Extend url={`${base}/extend`} clientId={client.id} requestId={r.id} onDone={request.reload} />}
      {r.decision !== null && (
        <div className="card" data-testid="decision">
          <h3>Besluit: {label(DECISION_OUTCOMES, r.decision.outcome)}</h3>
          <p>Besloten op {formatDate(r.decision.decidedOn)}.{r.decision.executionDeadline !== null && ` Uitvoeren uiterlijk ${formatDate(r.decision.executionDeadline)}.`}</p>
          <p data-testid="appeal-deadline">
            {r.deadlines?.late === true
              ? 'Er is niet op tijd beslist. Naar de rechter gaan is daarom niet aan een termijn gebonden.'
              : r.decision.appealDeadline !== null
                ? `Naar de rechter kan tot en met ${formatDate(r.decision.appealDeadline)} (zes weken nadat het antwoord is ontvangen op ${formatDate(r.decision.answerReceivedOn ?? r.decision.decidedOn)}).`
                : 'Naar de rechter kan binnen zes weken nadat de verzoeker het antwoord heeft ontvangen. Leg die dag hieronder vast.'}
          </p>
          {r.decision.answerReceivedOn == null && r.deadlines?.late !== true && allowed(may.register) && <AnswerReceived url={`${base}/answer-received`} onDone={request.reload} />}
          {r.decision.reasons !== null && r.decision.reasons !== '' && <p>Redenen: {r.decision.reasons}</p>}
          {r.decision.facts.length > 0 && <p>Feiten: {r.decision.facts.map((f) => label(DECISION_FACTS, f)).join('; ')}</p>}
          {r.decision.consultedProfessional != null && <p>Overlegd met: {r.decision.consultedProfessional}</p>}
          {r.decision.destruction != null && <DestructionSummary split={r.decision.destruction} />}
          <Basis basis={r.decision.basis} />
        </div>
      )}
      {r.kind === 'destroy' && r.state === 'decided' && granted && r.decision?.destructionConfirmation === null && (allowed(may.confirm)
        ? <ConfirmDestruction url={`${base}/confirm-destruction`} onDone={request.reload} />
        : <NotYours title="Vernietiging bevestigen" decision={may.confirm} />)}
      {r.decision?.destructionConfirmation != null && r.state === 'decided' && (
        <p className="ok" role="status" data-testid="destruction-confirmed">Vernietiging bevestigd door een tweede persoon op {formatDate(r.decision.destructionConfirmation.confirmedAt.slice(0, 10))}.</p>
      )}
      {r.identityChecked === null && (open || r.state === 'decided') && allowed(may.register) && <CheckIdentity url={`${base}/identity-check`} onDone={request.reload} />}
      {r.state === 'decided' && granted && (allowed(may.fulfil)
        ? (
            <Fulfil
              url={`${base}/fulfil`}
              requestId={r.id}
              kind={r.kind}
              client={client}
              onDone={() => {
                request.reload();
                onClientChanged();
              }}
            />
          )
        : <NotYours title="Uitvoeren" decision={may.fulfil} />)}
      {r.kind === 'correct' && <CorrectionHistory client={client} requestId={r.id} />}
      {restriction !== null && (allowed(may.endRestriction)
        ? <EndRestriction clientId={client.id} since={restriction.since} onDone={onClientChanged} />
        : <NotYours title="Beperking beëindigen" decision={may.endRestriction} />)}
      {r.fulfilledOn !== null && <p className="ok" role="status">Uitgevoerd op {formatDate(r.fulfilledOn)}{r.feeCents !== null && r.feeCents > 0 && `, vergoeding € ${(r.feeCents / 100).toFixed(2)}`}.</p>}
      <section className="card" aria-labelledby="documents-title">
        <h3 id="documents-title">Brieven en kopieën</h3>
        {r.decision === null
          ? <p>Na het besluit kunt u hier de besluitbrief downloaden.</p>
          : <DownloadButton url={`${base}/letter.pdf`} fileName={`besluitbrief-${r.id.slice(0, 8)}.pdf`}>Besluitbrief downloaden (PDF)</DownloadButton>}
        {readable && r.kind === 'copy' && <DownloadButton url={`${base}/copy.pdf`} fileName={`kopie-dossier-${r.id.slice(0, 8)}.pdf`}>Kopie van het dossier maken (PDF)</DownloadButton>}
        {readable && r.kind === 'copy' && r.channel === 'electronic' && <DownloadLinks base={base} />}
        {granted && r.kind === 'portability' && <PortabilityDownloads base={base} id={r.id} />}
        {readable && <ReaderView url={`${base}/view`} />}
      </section>
    </section>
  );
}

/** Data portability (AVG 20): the client's data as JSON, spreadsheet and FHIR R4, as this requester may have it. */
function PortabilityDownloads({ base, id }: { base: string; id: string }) {
  const short = id.slice(0, 8);
  return (
    <div className="card" data-testid="portability">
      <h4>Gegevens meegeven (overdraagbaarheid)</h4>
      <p>De gegevens van de cliënt in een vorm die een computer kan lezen. Afgeschermde informatie en ruwe testgegevens zitten er niet in.</p>
      <DownloadButton url={`${base}/portability.json`} fileName={`gegevens-${short}.json`}>Gegevens als JSON</DownloadButton>
      <DownloadButton url={`${base}/portability.xlsx`} fileName={`gegevens-${short}.xlsx`}>Gegevens als spreadsheet (XLSX)</DownloadButton>
      <DownloadButton url={`${base}/portability.fhir.json`} fileName={`gegevens-${short}.fhir.json`}>Gegevens als FHIR-bundel</DownloadButton>
    </div>
  );
}

interface PreparedLink { id: string; code: string; expiresAt: string; path: string }
interface LinkState { id: string; createdAt: string; expiresAt: string; fetches: number; state: 'active' | 'expired' | 'revoked' | 'locked' }
const LINK_STATES: Record<LinkState['state'], string> = { active: 'geldig', expired: 'verlopen', revoked: 'ingetrokken', locked: 'geblokkeerd (te vaak een foute code)' };

/** The copy of an electronic request as a download for the requester: link and code, valid 7 days. */
function DownloadLinks({ base }: { base: string }) {
  const links = useLoad(() => get<{ links: LinkState[] }>(`${base}/download-links`), [base]);
  const [made, setMade] = useState<PreparedLink>();
  const make = useSubmit(() => post<PreparedLink>(`${base}/download-links`), (link) => {
    setMade(link);
    links.reload();
  });
  const [revokeProblem, setRevokeProblem] = useState<Problem>();
  return (
    <div className="card" data-testid="download-links">
      <h4>Kopie als download (7 dagen geldig)</h4>
      <p>Het verzoek kwam elektronisch binnen. Maak een downloadlink. Stuur de link naar de verzoeker en geef de code apart door, bijvoorbeeld telefonisch.</p>
      <ProblemBox problem={make.problem ?? revokeProblem} />
      <button type="button" disabled={make.busy} onClick={() => void make.submit()}>Downloadlink maken</button>
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
                <button type="button" className="link-button" onClick={() => void post(`${base}/download-links/${l.id}/revoke`).then(links.reload, (e: unknown) => setRevokeProblem(toProblem(e)))}>
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

/** Inspection, a copy handed over, portability and destruction need the requester's identity checked first (AVG 12(6)). */
function CheckIdentity({ url, onDone }: { url: string; onDone: () => void }) {
  const [documentType, setDocumentType] = useState('identity-card');
  const save = useSubmit(() => post(url, { documentType }), onDone);
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="identity-title">
      <h3 id="identity-title">Identiteit controleren</h3>
      <p>Bekijk een geldig identiteitsbewijs van de verzoeker. Maak er geen kopie van. Zonder controle geeft u geen inzage, geeft u geen kopie mee en vernietigt u niets.</p>
      <Select label="Gecontroleerd met" value={documentType} onChange={setDocumentType} options={DOCUMENT_TYPES} />
      <ProblemBox problem={save.problem} />
      <button type="submit" className="secondary" disabled={save.busy}>Identiteit gecontroleerd</button>
    </form>
  );
}

function RecordConsent({ url, who, onDone }: { url: string; who: string[]; onDone: () => void }) {
  const [givenOn, setGivenOn] = useState(today());
  const [how, setHow] = useState('in-person');
  const [reference, setReference] = useState('');
  const save = useSubmit(() => post(url, { givenOn, how, ...(reference.trim() === '' ? {} : { declarationReference: reference.trim() }) }), onDone);
  const names = who.map((w) => (w === 'client' ? 'de jongere' : w === 'legal-representatives' ? 'de wettelijk vertegenwoordigers' : w)).join(' en ');
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="request-consent-title">
      <h3 id="request-consent-title">Toestemming vastleggen</h3>
      <p>Heeft {names} toestemming gegeven? Leg dan vast wanneer en hoe. Is de toestemming op papier of digitaal gegeven, noem dan waar de verklaring bewaard is.</p>
      <TextInput label="Toestemming gegeven op" type="date" value={givenOn} onChange={setGivenOn} />
      <Select label="Hoe is de toestemming gegeven?" value={how} onChange={setHow} options={CONSENT_HOW} />
      <TextInput label="Waar is de verklaring bewaard?" value={reference} onChange={setReference} hint="Nodig bij toestemming op papier of digitaal." />
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Toestemming van {names} vastleggen</button>
    </form>
  );
}

/** The second person's confirmation of a granted destruction (issue 14): not the one who decided. */
function ConfirmDestruction({ url, onDone }: { url: string; onDone: () => void }) {
  const save = useSubmit(() => post(url), onDone);
  return (
    <div className="card" data-testid="confirm-destruction">
      <h3>Vernietiging bevestigen</h3>
      <p>Vernietigen kan niet worden teruggedraaid. Daarom bevestigt een tweede persoon het besluit: de dossierhouder, een manager of de privacyfunctionaris. Wie besliste, kan niet ook bevestigen.</p>
      <ProblemBox problem={save.problem} />
      <button type="button" disabled={save.busy} onClick={() => void save.submit()}>Ik bevestig de vernietiging</button>
    </div>
  );
}

/** The extension notice (AVG 12(3)): its reasons go to the requester, so they are kept as typed; a draft opens the form. */
function Extend(props: { url: string; clientId: string; requestId: string; onDone: () => void }) {
  const { draft } = useRequestDraft(props.clientId, props.requestId, 'extension');
  if (draft === undefined) return null;
  return <ExtendForm key={draft?.id ?? 'new'} {...props} draft={draft} />;
}

function ExtendForm({ url, clientId, requestId, onDone, draft }: {
  url: string; clientId: string; requestId: string; onDone: () => void; draft: Draft | null;
}) {
  const [open, setOpen] = useState(draft !== null);
  const [noticeSentOn, setNoticeSentOn] = useState(draft?.fields.noticeSentOn ?? today());
  const [reasons, setReasons] = useState(draft?.fields.text ?? '');
  const autosave = useDraft(clientId, 'extension', { noticeSentOn, text: reasons }, { requestId, enabled: open, ...(draft === null ? {} : { id: draft.id }) });
  const save = useSubmit(async () => {
    await post(url, { noticeSentOn, reasons });
    await autosave.finish().catch(() => undefined);
  }, onDone);
  if (!open) return <p><button type="button" className="secondary" onClick={() => setOpen(true)}>Termijn verlengen</button></p>;
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} data-testid="extend">
      <h3>Termijn verlengen</h3>
      <p>U mag de termijn verlengen als het verzoek ingewikkeld is. Laat de verzoeker dit binnen de eerste termijn weten, met de reden.</p>
      <TextInput label="Datum waarop het bericht is verstuurd" type="date" value={noticeSentOn} onChange={setNoticeSentOn} required />
      <TextArea label="Redenen van de vertraging, zoals in het bericht staan (verplicht)" value={reasons} onChange={setReasons} required />
      <p className="draft-line" aria-live="polite" data-testid="draft-state">{saveLine(autosave.save)}</p>
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Verlenging vastleggen</button>
    </form>
  );
}

/** Records the day the requester received the answer: the six weeks to go to court run from it (003 §4). */
function AnswerReceived({ url, onDone }: { url: string; onDone: () => void }) {
  const [receivedOn, setReceivedOn] = useState(today());
  const save = useSubmit(() => post(url, { receivedOn }), onDone);
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)}>
      <h3>Antwoord ontvangen</h3>
      <p>Een brief per post komt later aan dan een antwoord per e-mail of een antwoord dat u zelf overhandigt. Vul de dag in waarop de verzoeker het antwoord kreeg.</p>
      <TextInput label="Datum waarop de verzoeker het antwoord ontving" type="date" value={receivedOn} onChange={setReceivedOn} required />
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Ontvangst vastleggen</button>
    </form>
  );
}

interface ReaderEntry {
  shown?: boolean; id?: string; kindLabel?: string; title?: string; text?: string; recordedAt?: string; author?: string; source?: string;
  withheldPassages?: { ground: string; basis: string[] }[]; withheld?: { ground: string; basis: string[] };
  statements?: { text: string; recordedAt: string; source: string }[];
}

function ReaderView({ url }: { url: string }) {
  const [show, setShow] = useState(false);
  const view = useLoad(() => (show ? get<{ entries: ReaderEntry[]; inspectionOnly: { recordedAt: string; title: string }[] }>(url) : Promise.resolve(undefined)), [url, show]);
  if (!show) return <p><button type="button" className="secondary" onClick={() => setShow(true)}>Bekijken wat de verzoeker te zien krijgt</button></p>;
  return (
    <div className="reader" data-testid="reader-view">
      <h4>Wat de verzoeker te zien krijgt</h4>
      <ProblemBox problem={view.problem} />
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
