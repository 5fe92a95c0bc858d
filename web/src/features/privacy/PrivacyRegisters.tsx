/**
 * The privacy officer's registers: the retention review list and the organisation's term (Jeugdwet 7.3.8), and the
 * records of processing (AVG 30). The data breach register is BreachRegister.tsx.
 */
import { useEffect, useState } from 'react';
import { get, post, api, toProblem, type Problem } from '../../shared/api';
import { Loading, ProblemBox, Select, TextArea, TextInput, useLoad, useSubmit, Wide, ConfirmButton } from '../../shared/components';
import { formatDate } from '../../shared/labels';
import { ClientSearch, type FoundClient } from './ClientSearch';

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

/** A dossier needed for a procedure is held before its term ends, so no sweep lists it (003 §3.2); the officer finds it by name. */
function HoldBeforeDue({ onHeld }: { onHeld: () => void }) {
  const [client, setClient] = useState<FoundClient>();
  const [reason, setReason] = useState('');
  const [held, setHeld] = useState<string>();
  const choose = (c: FoundClient) => {
    setHeld(undefined);
    setClient(c);
  };
  const hold = useSubmit(() => post(`/api/privacy/retention-reviews/${encodeURIComponent(client?.id ?? '')}/hold`, { reason }), () => {
    setHeld(client?.name);
    setClient(undefined);
    setReason('');
    onHeld();
  });
  return (
    <form onSubmit={(e) => void hold.submit(e)} aria-labelledby="hold-title" className="card">
      <h3 id="hold-title">Dossier vasthouden voor een procedure</h3>
      <p>Is een dossier nodig voor een klacht, tuchtzaak of rechtszaak? Dan wordt het niet vernietigd zolang u het vasthoudt, ook als de bewaartermijn nog loopt.</p>
      {client === undefined
        ? <ClientSearch label="Naam van de cliënt om vast te houden" choose="Kiezen" onChoose={choose} />
        : (
            <p data-testid="hold-client">
              Dossier van <strong>{client.name}</strong> (geboren in {client.birthYear}){' '}
              <button type="button" className="link-button" onClick={() => setClient(undefined)}>Andere cliënt kiezen</button>
            </p>
          )}
      <TextInput label="Waarvoor is het dossier nodig?" value={reason} onChange={setReason} required />
      <ProblemBox problem={hold.problem} />
      {held !== undefined && <p role="status" className="ok">Het dossier van {held} wordt vastgehouden.</p>}
      <button type="submit" disabled={hold.busy || client === undefined}>Vasthouden</button>
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
  const [client, setClient] = useState<FoundClient>();
  const [shown, setShown] = useState<DossierRetention>();
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const id = () => encodeURIComponent(client?.id ?? '');
  const look = useSubmit((): Promise<DossierRetention> => get<DossierRetention>(`/api/privacy/retention/${id()}`), setShown);
  const extend = useSubmit(() => api<DossierRetention>('PUT', `/api/privacy/retention/${id()}/good-care`, { until, reason }), (v) => {
    setShown(v);
    setUntil('');
    setReason('');
  });
  const end = useSubmit(() => api<DossierRetention>('DELETE', `/api/privacy/retention/${id()}/good-care`), setShown);
  // Looked up as soon as a client is chosen: the choice is the question.
  const { submit: lookUp } = look;
  useEffect(() => {
    if (client !== undefined) void lookUp();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per chosen client
  }, [client]);
  return (
    <section className="card" aria-labelledby="dossier-retention-title">
      <h3 id="dossier-retention-title">Bewaren van één dossier</h3>
      <ClientSearch
        label="Naam van de cliënt om te bekijken"
        choose="Bekijken"
        onChoose={(c) => {
          setShown(undefined);
          setClient(c);
        }}
      />
      {look.busy && <Loading what="Bewaartermijn" />}
      <ProblemBox problem={look.problem} />
      {client !== undefined && shown !== undefined && <h4>Dossier van {client.name}</h4>}
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
