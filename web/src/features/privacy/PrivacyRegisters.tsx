/**
 * The privacy officer's registers: the retention review list and the organisation's term (Jeugdwet 7.3.8), and the
 * records of processing (AVG 30). The data breach register is BreachRegister.tsx.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf, type ResponseOf } from '../../shared/api-client';
import { ConfirmButton, Loading, ProblemBox, Select, TextArea, TextInput, Wide } from '../../shared/components';
import { formatDate } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { ClientSearch, type FoundClient } from './ClientSearch';

type Setting = ResponseOf<'/api/privacy/retention-settings'>;
type Term = BodyOf<'/api/privacy/retention-settings', 'put'>['term'];
type ReviewAction = 'confirm' | 'hold' | 'release';
const REVIEWS = queryKeys.privacy('retention-reviews');
const SETTING = queryKeys.privacy('retention-settings');
/** One dossier's retention as the engine gives it. */
const retentionOf = (clientId: string) => queryKeys.privacy('retention', clientId);
/** What a hold, release, destruction or extension of one dossier makes stale: the review list, its retention, the client's cards. */
const touched = (clientId: string) => [REVIEWS, retentionOf(clientId), queryKeys.client(clientId)];
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
function HoldBeforeDue() {
  const [client, setClient] = useState<FoundClient>();
  const [reason, setReason] = useState('');
  const [held, setHeld] = useState<string>();
  const choose = (c: FoundClient) => {
    setHeld(undefined);
    setClient(c);
  };
  const hold = useApiMutation({
    mutationFn: (chosen: FoundClient) => dataOf(server.POST('/api/privacy/retention-reviews/{clientId}/hold', {
      params: { path: { clientId: chosen.id } }, body: { reason },
    })),
    invalidates: (_, chosen) => touched(chosen.id),
    onSuccess: (_, chosen) => {
      setHeld(chosen.name);
      setClient(undefined);
      setReason('');
    },
  });
  return (
    <form onSubmit={submitWith(() => client !== undefined && hold.mutate(client))} aria-labelledby="hold-title" className="card">
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
      <ProblemBox problem={problemOf(hold.error)} />
      {held !== undefined && <p role="status" className="ok">Het dossier van {held} wordt vastgehouden.</p>}
      <button type="submit" disabled={hold.isPending || client === undefined}>Vasthouden</button>
    </form>
  );
}

export function RetentionReview() {
  const list = useQuery({ queryKey: REVIEWS, queryFn: () => dataOf(server.GET('/api/privacy/retention-reviews')) });
  const [holdReason, setHoldReason] = useState('');
  const decide = useApiMutation({
    mutationFn: async ({ clientId, action }: { clientId: string; action: ReviewAction }) => {
      const params = { path: { clientId } };
      if (action === 'confirm') await dataOf(server.POST('/api/privacy/retention-reviews/{clientId}/confirm', { params }));
      else if (action === 'hold') await dataOf(server.POST('/api/privacy/retention-reviews/{clientId}/hold', { params, body: { reason: holdReason } }));
      else await dataOf(server.POST('/api/privacy/retention-reviews/{clientId}/release', { params }));
    },
    invalidates: (_, { clientId }) => touched(clientId),
  });
  const act = (clientId: string, action: ReviewAction) => decide.mutate({ clientId, action });
  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">Bewaartermijnen</h2>
      <p>Deze dossiers zijn langer bewaard dan nodig (20 jaar na de laatste wijziging, Jeugdwet 7.3.8). Bevestig de vernietiging, of bewaar het dossier met een reden, bijvoorbeeld voor een procedure. Is de procedure voorbij, dan houdt u het dossier niet meer vast; de volgende controle bekijkt het dan opnieuw.</p>
      {list.isPending && <Loading what="Bewaartermijnen" />}
      <ProblemBox problem={problemOf(list.error) ?? problemOf(decide.error)} />
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
                              <ConfirmButton className="" question={`Het dossier van ${r.name} vernietigen? Dit kan niet ongedaan worden gemaakt.`} confirm="Ja, vernietigen" onConfirm={() => act(r.clientId, 'confirm')}>Vernietigen</ConfirmButton>
                              <button type="button" className="secondary" onClick={() => act(r.clientId, 'hold')}>Bewaren</button>
                            </>
                          )}
                          {r.status === 'held' && (
                            <button type="button" className="secondary" onClick={() => act(r.clientId, 'release')}>Procedure voorbij: niet meer vasthouden</button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Wide>
            </>
          ))}
      <HoldBeforeDue />
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
  const setting = useQuery({ queryKey: SETTING, queryFn: () => dataOf(server.GET('/api/privacy/retention-settings')) });
  const [kind, setKind] = useState<keyof typeof TERM_KINDS>('years-after-last-change');
  const [number, setNumber] = useState('');
  const [reason, setReason] = useState('');
  const term = (): Term => kind === 'years-after-last-change'
    ? { kind, years: Number(number) }
    : { kind: 'until-age', age: Number(number), ageOf: kind === 'client-age' ? 'client' : 'youngest-child' };
  const save = useApiMutation({
    mutationFn: () => dataOf(server.PUT('/api/privacy/retention-settings', { body: { term: term(), reason } })),
    invalidates: () => [SETTING, queryKeys.privacy('retention')],
  });
  const s = setting.data;
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="term-title">
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
      <ProblemBox problem={problemOf(setting.error) ?? problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Termijn opslaan</button>
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
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const clientId = client?.id ?? '';
  // Looked up as soon as a client is chosen: the choice is the question.
  const look = useQuery({
    queryKey: retentionOf(clientId),
    queryFn: () => dataOf(server.GET('/api/privacy/retention/{clientId}', { params: { path: { clientId } } })),
    enabled: client !== undefined,
  });
  const shown = client === undefined ? undefined : look.data;
  const extend = useApiMutation({
    mutationFn: () => dataOf(server.PUT('/api/privacy/retention/{clientId}/good-care', { params: { path: { clientId } }, body: { until, reason } })),
    invalidates: () => touched(clientId),
    onSuccess: () => {
      setUntil('');
      setReason('');
    },
  });
  const end = useApiMutation({
    mutationFn: () => dataOf(server.DELETE('/api/privacy/retention/{clientId}/good-care', { params: { path: { clientId } } })),
    invalidates: () => touched(clientId),
  });
  return (
    <section className="card" aria-labelledby="dossier-retention-title">
      <h3 id="dossier-retention-title">Bewaren van één dossier</h3>
      <ClientSearch
        label="Naam van de cliënt om te bekijken"
        choose="Bekijken"
        onChoose={setClient}
      />
      {client !== undefined && look.isPending && <Loading what="Bewaartermijn" />}
      <ProblemBox problem={problemOf(look.error)} />
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
              <ConfirmButton disabled={end.isPending} question="De verlenging beëindigen? Dan geldt weer de gewone bewaartermijn." confirm="Ja, beëindigen" onConfirm={() => end.mutate()}>Verlenging beëindigen</ConfirmButton>
            </p>
          )}
          <ProblemBox problem={problemOf(end.error)} />
          <form onSubmit={submitWith(() => extend.mutate())} aria-labelledby="good-care-title">
            <h4 id="good-care-title">Langer bewaren omdat goede zorg dat vraagt</h4>
            <p>Bijvoorbeeld bij seksueel misbruik. Dit is iets anders dan vasthouden voor een procedure: u kiest een einddatum en schrijft de reden op.</p>
            <TextInput label="Bewaren tot en met" type="date" value={until} onChange={setUntil} required />
            <TextArea label="Waarom vraagt goede zorg dit?" value={reason} onChange={setReason} required rows={2} />
            <ProblemBox problem={problemOf(extend.error)} />
            <button type="submit" disabled={extend.isPending}>Verlenging vastleggen</button>
          </form>
        </div>
      )}
    </section>
  );
}

export function ProcessingRecords() {
  const list = useQuery({ queryKey: queryKeys.privacy('processing-activities'), queryFn: () => dataOf(server.GET('/api/privacy/processing-activities')) });
  return (
    <section aria-labelledby="processing-title">
      <h2 id="processing-title">Verwerkingsregister</h2>
      <p>Welke persoonsgegevens de organisatie verwerkt, waarvoor, op welke grond en hoe lang (AVG 30).</p>
      {list.isPending && <Loading what="Verwerkingen" />}
      <ProblemBox problem={problemOf(list.error)} />
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
