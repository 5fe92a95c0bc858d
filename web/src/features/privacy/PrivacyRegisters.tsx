/**
 * The privacy officer's registers: data breaches with the 72-hour deadline
 * (AVG 33–34), the retention review list and the organisation's term
 * (Jeugdwet 7.3.8), and the records of processing (AVG 30).
 */
import { useState } from 'react';
import { get, post, api, toProblem, type Problem } from '../../shared/api';
import { Loading, ProblemBox, Select, TextArea, TextInput, useLoad, useSubmit, Wide, ConfirmButton } from '../../shared/components';
import { formatDate } from '../../shared/labels';

const RISKS = { 'not-assessed': 'Nog niet beoordeeld', 'unlikely': 'Waarschijnlijk geen risico', 'risk': 'Risico', 'high-risk': 'Hoog risico' };
const STATUSES = { draft: 'Concept', open: 'Open', closed: 'Afgesloten' };

interface Breach {
  id: string; status: keyof typeof STATUSES; description: string; discoveredAt: string; clientIds: string[]; clients: { id: string; name: string }[]; createdBy: string | null; risk: keyof typeof RISKS; riskAssessment: string | null;
  apNotification: { deadline: string; minutesLeft: number; overdue: boolean; text: string; notified: boolean | null; reason: string | null };
  clientsInformed: { informed: boolean | null; reason: string | null };
}

export function BreachRegister() {
  const list = useLoad(() => get<{ breaches: Breach[] }>('/api/privacy/breaches'), []);
  return (
    <section aria-labelledby="breaches-title">
      <h2 id="breaches-title">Datalekken</h2>
      <p>Een datalek met risico meldt u binnen 72 uur na ontdekking bij de Autoriteit Persoonsgegevens (AVG 33). Ook als u niet meldt, legt u hier vast waarom.</p>
      {list.loading && <Loading what="Datalekken" />}
      <ProblemBox problem={list.problem} />
      {list.data !== undefined && (list.data.breaches.length === 0
        ? <p>Geen datalekken vastgelegd.</p>
        : <ul className="plain" data-testid="breaches">{list.data.breaches.map((b) => <BreachItem key={b.id} breach={b} onDone={list.reload} />)}</ul>)}
      <NewBreach onDone={list.reload} />
    </section>
  );
}

function BreachItem({ breach: b, onDone }: { breach: Breach; onDone: () => void }) {
  const [problem, setProblem] = useState<Problem>();
  const [reason, setReason] = useState('');
  const patch = (body: unknown) => {
    setProblem(undefined);
    api('PATCH', `/api/privacy/breaches/${b.id}`, body).then(onDone, (e: unknown) => setProblem(toProblem(e)));
  };
  const pending = b.apNotification.notified === null;
  return (
    <li className="card">
      <h3>{STATUSES[b.status]}: {b.description}</h3>
      <p>Ontdekt {new Date(b.discoveredAt).toLocaleString('nl-NL')}. Risico: {RISKS[b.risk]}. Betrokken cliënten: {b.clients.length === 0 ? 'nog niemand genoemd' : b.clients.map((c) => c.name).join(', ')}.</p>
      <p className="meta">Vastgelegd door {b.createdBy ?? 'het systeem (na een beoordeling van noodtoegang)'}.</p>
      {b.riskAssessment !== null && <p>Beoordeling: {b.riskAssessment}</p>}
      <p className={pending && b.apNotification.overdue ? 'warning' : undefined} role={pending ? 'status' : undefined}>
        {pending ? b.apNotification.text : b.apNotification.notified === true ? 'Gemeld bij de Autoriteit Persoonsgegevens.' : `Niet gemeld: ${b.apNotification.reason ?? ''}`}
      </p>
      <ProblemBox problem={problem} />
      {pending && (
        <div className="actions">
          <button type="button" onClick={() => patch({ apNotification: { notified: true } })}>Gemeld bij de AP</button>
          <TextInput label="Reden om niet te melden" value={reason} onChange={setReason} />
          <button type="button" className="secondary" onClick={() => patch({ apNotification: { notified: false, reason } })}>Niet melden</button>
        </div>
      )}
      {b.status !== 'closed' && <button type="button" className="link-button" onClick={() => patch({ status: 'closed' })}>Afsluiten</button>}
    </li>
  );
}

/** Now as the browser's local 'YYYY-MM-DDTHH:mm', what a datetime-local field shows and reads back as local time. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function NewBreach({ onDone }: { onDone: () => void }) {
  const [description, setDescription] = useState('');
  const [discovered, setDiscovered] = useState(localNow);
  const [risk, setRisk] = useState<keyof typeof RISKS>('not-assessed');
  const [assessment, setAssessment] = useState('');
  const save = useSubmit(() => post('/api/privacy/breaches', {
    description, discoveredAt: new Date(discovered).toISOString(), clientIds: [], risk, ...(assessment.trim() === '' ? {} : { riskAssessment: assessment }),
  }), () => {
    setDescription('');
    onDone();
  });
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="new-breach-title">
      <h3 id="new-breach-title">Datalek vastleggen</h3>
      <TextArea label="Wat is er gebeurd?" value={description} onChange={setDescription} required rows={3} />
      <TextInput label="Ontdekt op" type="datetime-local" value={discovered} onChange={setDiscovered} required hint="De 72 uur lopen vanaf dit moment." />
      <Select label="Risico" value={risk} onChange={(v) => setRisk(v as keyof typeof RISKS)} options={RISKS} />
      <TextArea label="Beoordeling van het risico" value={assessment} onChange={setAssessment} rows={2} />
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Datalek vastleggen</button>
    </form>
  );
}

interface Review { clientId: string; name: string; birthDate: string; lastChange: string; keptUntil: string; status: 'pending' | 'confirmed' | 'held'; holdReason: string | null; holdId: string | null }
interface Setting {
  kind: 'years-after-last-change' | 'until-age' | null; termYears: number | null; age: number | null; ageOf: 'client' | 'youngest-child' | null;
  reason: string | null; legalMinimumYears: number; warning: string | null;
}
interface DossierRetention {
  clientId: string; lastChange: string; keptUntil: string | null; termEnd: string | null; warning: boolean; held: boolean;
  goodCare: { until: string; reason: string; recordedBy: string; recordedAt: string } | null; explanation: string; holdId: string | null;
}
/** The kinds of 003 §3.2 the rules engine knows, in words. */
const TERM_KINDS = {
  'years-after-last-change': 'Een aantal jaren na de laatste wijziging',
  'client-age': 'Tot de cliënt een leeftijd heeft (bijvoorbeeld 24; na een OTS of voogdij hoogstens 48: 30 jaar na de meerderjarigheid)',
  'youngest-child-age': 'Tot het jongste kind van het gezin een leeftijd heeft (bijvoorbeeld 18)',
};
const REVIEW_STATUSES = { pending: 'Wacht op uw besluit', confirmed: 'Vernietiging bevestigd', held: 'Bewaard' };

/**
 * A hold's reference (kenmerk): whoever defends the procedure names it to read a dossier whose processing is
 * restricted (AVG 18(2); issue 14). The privacy officer passes it on.
 */
function HoldReference({ holdId }: { holdId: string }) {
  return (
    <p>
      Kenmerk van de procedure: <code data-testid="hold-reference">{holdId}</code>. Geef dit kenmerk aan de hulpverlener of leidinggevende die
      het dossier voor de procedure moet inzien, ook als de cliënt het gebruik van de gegevens heeft laten beperken.
    </p>
  );
}

/** A dossier needed for a procedure is held before its term ends, so no sweep lists it (003 §3.2). */
function HoldBeforeDue({ onHeld }: { onHeld: () => void }) {
  const [clientId, setClientId] = useState('');
  const [reason, setReason] = useState('');
  const hold = useSubmit(() => post(`/api/privacy/retention-reviews/${encodeURIComponent(clientId.trim())}/hold`, { reason }), () => {
    setClientId('');
    setReason('');
    onHeld();
  });
  return (
    <form onSubmit={(e) => void hold.submit(e)} aria-labelledby="hold-title" className="card">
      <h3 id="hold-title">Dossier vasthouden voor een procedure</h3>
      <p>Is een dossier nodig voor een klacht, tuchtzaak of rechtszaak? Dan wordt het niet vernietigd zolang u het vasthoudt, ook als de bewaartermijn nog loopt.</p>
      <TextInput label="Cliëntnummer van het dossier" value={clientId} onChange={setClientId} />
      <TextInput label="Waarvoor is het dossier nodig?" value={reason} onChange={setReason} />
      <ProblemBox problem={hold.problem} />
      <button type="submit" disabled={hold.busy}>Vasthouden</button>
    </form>
  );
}

export function RetentionReview() {
  const list = useLoad(() => get<{ reviews: Review[] }>('/api/privacy/retention-reviews'), []);
  const [problem, setProblem] = useState<Problem>();
  const [holdReason, setHoldReason] = useState('');
  const act = (url: string, body?: unknown) => {
    setProblem(undefined);
    post(url, body).then(list.reload, (e: unknown) => setProblem(toProblem(e)));
  };
  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">Bewaartermijnen</h2>
      <p>Deze dossiers zijn langer bewaard dan nodig (20 jaar na de laatste wijziging, Jeugdwet 7.3.8). Bevestig de vernietiging, of bewaar het dossier met een reden, bijvoorbeeld voor een procedure. Is de procedure voorbij, dan houdt u het dossier niet meer vast; de volgende controle bekijkt het dan opnieuw.</p>
      <ProblemBox problem={list.problem ?? problem} />
      {list.data !== undefined && (list.data.reviews.length === 0
        ? <p>Er zijn nu geen dossiers om te beoordelen.</p>
        : (
            <>
              <TextInput label="Reden om te bewaren" value={holdReason} onChange={setHoldReason} hint="Nodig als u op Bewaren klikt." />
              <Wide label="Dossiers om te vernietigen (tabel)">
                <table className="list" data-testid="retention-reviews">
                  <thead><tr><th scope="col">Cliënt</th><th scope="col">Laatste wijziging</th><th scope="col">Bewaren tot</th><th scope="col">Stand</th><th scope="col">Besluit</th></tr></thead>
                  <tbody>
                    {list.data.reviews.map((r) => (
                      <tr key={r.clientId}>
                        <td>{r.name} ({formatDate(r.birthDate)})</td><td>{formatDate(r.lastChange)}</td><td>{formatDate(r.keptUntil)}</td>
                        <td>
                          {REVIEW_STATUSES[r.status]}{r.holdReason === null ? '' : `: ${r.holdReason}`}
                          {r.holdId !== null && <HoldReference holdId={r.holdId} />}
                        </td>
                        <td>
                          {r.status === 'pending' && (
                            <>
                              <ConfirmButton className="" question={`Het dossier van ${r.name} vernietigen? Dit kan niet ongedaan worden gemaakt.`} confirm="Ja, vernietigen" onConfirm={() => act(`/api/privacy/retention-reviews/${r.clientId}/confirm`)}>Vernietigen</ConfirmButton>
                              <button type="button" className="secondary" onClick={() => act(`/api/privacy/retention-reviews/${r.clientId}/hold`, { reason: holdReason })}>Bewaren</button>
                            </>
                          )}
                          {r.status === 'held' && (
                            <button type="button" className="secondary" onClick={() => act(`/api/privacy/retention-reviews/${r.clientId}/release`)}>Procedure voorbij: niet meer vasthouden</button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Wide>
            </>
          ))}
      <HoldBeforeDue onHeld={list.reload} />
      <DossierRetentionCard />
      <RetentionSetting />
    </section>
  );
}

function termText(s: Setting): string {
  if (s.kind === 'years-after-last-change') return `Eigen termijn: ${s.termYears ?? ''} jaar na de laatste wijziging (${s.reason ?? ''}).`;
  if (s.kind === 'until-age') {
    const whom = s.ageOf === 'youngest-child' ? 'het jongste kind van het gezin' : 'de cliënt';
    return `Eigen termijn: tot ${whom} ${s.age ?? ''} jaar is (${s.reason ?? ''}).`;
  }
  return 'De organisatie heeft geen eigen termijn.';
}

function RetentionSetting() {
  const setting = useLoad(() => get<Setting>('/api/privacy/retention-settings'), []);
  const [kind, setKind] = useState<keyof typeof TERM_KINDS>('years-after-last-change');
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const term = () => kind === 'years-after-last-change'
    ? { kind, years: Number(number) }
    : { kind: 'until-age', age: Number(number), ageOf: kind === 'client-age' ? 'client' : 'youngest-child' };
  const save = useSubmit(() => api('PUT', '/api/privacy/retention-settings', { term: term(), reason }), setting.reload);
  const s = setting.data;
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="term-title">
      <h3 id="term-title">Bewaartermijn van de organisatie</h3>
      {s !== undefined && <p>Wettelijk minimum: {s.legalMinimumYears} jaar na de laatste wijziging. {termText(s)}</p>}
      {s?.warning !== null && s?.warning !== undefined && <p className="warning" role="status">{s.warning}</p>}
      <Select label="Soort termijn" value={kind} onChange={(v) => setKind(v as keyof typeof TERM_KINDS)} options={TERM_KINDS} />
      <TextInput
        label={kind === 'years-after-last-change' ? 'Aantal jaren' : 'Leeftijd in jaren'}
        type="number"
        inputMode="numeric"
        value={number}
        onChange={setNumber}
        required
      />
      <TextArea label="Waarom zo lang?" value={reason} onChange={setReason} required rows={2} />
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Termijn opslaan</button>
    </form>
  );
}

/**
 * One dossier: until when it is kept, as the rules engine says, and the good-care extension (Jeugdwet 7.3.8:
 * longer "als redelijkerwijs uit de zorg van een goed jeugdhulpverlener voortvloeit", e.g. after sexual abuse) —
 * dated, with a reason, and not the same as holding it for a procedure.
 */
function DossierRetentionCard() {
  const [clientId, setClientId] = useState('');
  const [shown, setShown] = useState<DossierRetention>();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const id = () => encodeURIComponent(clientId.trim());
  const look = useSubmit(() => get<DossierRetention>(`/api/privacy/retention/${id()}`), setShown);
  const extend = useSubmit(() => api<DossierRetention>('PUT', `/api/privacy/retention/${id()}/good-care`, { until, reason }), (v) => {
    setShown(v);
    setUntil('');
    setReason('');
  });
  const end = useSubmit(() => api<DossierRetention>('DELETE', `/api/privacy/retention/${id()}/good-care`), setShown);
  return (
    <section className="card" aria-labelledby="dossier-retention-title">
      <h3 id="dossier-retention-title">Bewaren van één dossier</h3>
      <form onSubmit={(e) => void look.submit(e)}>
        <TextInput label="Cliëntnummer van het dossier om te bekijken" value={clientId} onChange={setClientId} required />
        <ProblemBox problem={look.problem} />
        <button type="submit" disabled={look.busy}>Bekijken</button>
      </form>
      {shown !== undefined && (
        <div data-testid="dossier-retention">
          <p>
            Laatste wijziging: {formatDate(shown.lastChange)}.{' '}
            {shown.keptUntil === null ? 'Er is nu geen einddatum: het dossier wordt vastgehouden voor een procedure.' : `Bewaren tot en met ${formatDate(shown.keptUntil)}.`}
          </p>
          {shown.warning && (
            <p className="warning" role="status">
              Let op: de eigen termijn van de organisatie loopt voor dit dossier af vóór het wettelijke minimum
              {shown.termEnd === null ? '' : ` (op ${formatDate(shown.termEnd)})`}. Het dossier blijft toch tot het minimum bewaard.
            </p>
          )}
          <p>{shown.explanation}</p>
          {shown.holdId !== null && <HoldReference holdId={shown.holdId} />}
          {shown.goodCare !== null && (
            <p>
              Langer bewaren voor goede zorg tot en met {formatDate(shown.goodCare.until)}: {shown.goodCare.reason}{' '}
              <ConfirmButton disabled={end.busy} question="De verlenging beëindigen? Dan geldt weer de gewone bewaartermijn." confirm="Ja, beëindigen" onConfirm={() => void end.submit()}>Verlenging beëindigen</ConfirmButton>
            </p>
          )}
          <ProblemBox problem={end.problem} />
          <form onSubmit={(e) => void extend.submit(e)} aria-labelledby="good-care-title">
            <h4 id="good-care-title">Langer bewaren omdat goede zorg dat vraagt</h4>
            <p>Bijvoorbeeld bij seksueel misbruik. Dit is iets anders dan vasthouden voor een procedure: u kiest een einddatum en schrijft de reden op.</p>
            <TextInput label="Bewaren tot en met" type="date" value={until} onChange={setUntil} required />
            <TextArea label="Waarom vraagt goede zorg dit?" value={reason} onChange={setReason} required rows={2} />
            <ProblemBox problem={extend.problem} />
            <button type="submit" disabled={extend.busy}>Verlenging vastleggen</button>
          </form>
        </div>
      )}
    </section>
  );
}

interface Activity { id: string; standard: boolean; name: string; purpose: string; legalBasis: string; dataSubjects: string[]; dataCategories: string[]; recipients: string[]; retention: string; security: string }

export function ProcessingRecords() {
  const list = useLoad(() => get<{ activities: Activity[] }>('/api/privacy/processing-activities'), []);
  return (
    <section aria-labelledby="processing-title">
      <h2 id="processing-title">Verwerkingsregister</h2>
      <p>Welke persoonsgegevens de organisatie verwerkt, waarvoor, op welke grond en hoe lang (AVG 30).</p>
      {list.loading && <Loading what="Verwerkingen" />}
      <ProblemBox problem={list.problem} />
      {list.data !== undefined && (
        <Wide label="Verwerkingsregister (tabel)">
          <table className="list" data-testid="processing-activities">
            <thead><tr><th scope="col">Verwerking</th><th scope="col">Doel</th><th scope="col">Grondslag</th><th scope="col">Ontvangers</th><th scope="col">Bewaren</th></tr></thead>
            <tbody>
              {list.data.activities.map((a) => (
                <tr key={a.id}><td>{a.name}</td><td>{a.purpose}</td><td>{a.legalBasis}</td><td>{a.recipients.join(', ')}</td><td>{a.retention}</td></tr>
              ))}
            </tbody>
          </table>
        </Wide>
      )}
    </section>
  );
}
