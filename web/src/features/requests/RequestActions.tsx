/**
 * Deciding and carrying out a request, per kind (issue 15): the facts that matter for that kind, the entries
 * destroyed and kept (with a ground for each kept one) for a partial destruction, and at fulfilment the
 * fields each kind needs — what is corrected (formal data or an entry), the entry an own statement belongs
 * to, the consent withdrawn (from the client's consents), the processing objected to.
 *
 * What is typed for the decision (its reasons are the letter's text) and for an own statement is kept as a
 * draft as it is typed (only for its author; shared/drafts.ts), and comes back on this page after a time-out.
 */
import { useState } from 'react';
import { get, post } from '../../shared/api';
import { Basis, Loading, ProblemBox, Select, TextArea, TextInput, useLoad, useSubmit } from '../../shared/components';
import { saveLine, useDraft, useRequestDraft, type Draft } from '../../shared/drafts';
import { CONSENT_GIVERS, CONSENT_KINDS, DECISION_FACTS, DECISION_OUTCOMES, GENDERS, formatDate, label, today } from '../../shared/labels';
import { FIELD_NAMES } from '../../../../src/shared/labels.js';
import { partOfEntryKind, type EntryKind } from '../../../../src/dossier/entry-kinds.js';
import type { ClientDetail } from '../../shared/client-detail';
import type { Decision } from '../../../../src/rules/decision.js';

/** A refusal the engine gives before anything is filled in: what this person may not do here, and why. */
export function NotYours({ title, decision }: { title: string; decision: Decision }) {
  return (
    <div className="card" data-testid="not-allowed">
      <h3>{title}</h3>
      <p>{decision.explanation}</p>
      <Basis basis={decision.basis} />
    </div>
  );
}

/** The facts a professional establishes when deciding, per kind: only those that change the engine's answer for it. */
const FACTS_OF_KIND: Readonly<Record<string, readonly string[]>> = {
  'inspect': ['serious-harm-assessed', 'other-person-consents'],
  'copy': ['serious-harm-assessed', 'other-person-consents'],
  'general-information': ['serious-harm-assessed'],
  'correct': ['factual-error'],
  'destroy': ['significant-interest-of-another', 'good-care-requires-keeping', 'needed-for-procedure'],
};
const DESTRUCTION_GROUNDS = FACTS_OF_KIND.destroy!;

interface TimelineEntry { id: string; kind: string; kindLabel: string; title: string | null; text: string; occurredOn: string | null; recordedAt: string }

/** Every entry of the client's dossier (all pages of the timeline), newest first. */
function useEntries(clientId: string, needed = true) {
  return useLoad(async () => {
    const all: TimelineEntry[] = [];
    if (!needed) return all;
    let before: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const after = before === null ? '' : `&before=${encodeURIComponent(before)}`;
      const answer: { entries: TimelineEntry[]; nextCursor: string | null } = await get(`/api/clients/${clientId}/entries?limit=200${after}`);
      all.push(...answer.entries);
      before = answer.nextCursor;
      if (before === null) break;
    }
    return all;
  }, [clientId, needed]);
}

function entryName(e: TimelineEntry): string {
  const title = e.title ?? (e.text.length > 50 ? `${e.text.slice(0, 50)}…` : e.text);
  return `${e.kindLabel}: ${title} (${formatDate(e.occurredOn ?? e.recordedAt.slice(0, 10))})`;
}

function inPart(e: TimelineEntry, part: string): boolean {
  return part === 'dossier' || partOfEntryKind(e.kind as EntryKind) === part;
}

/** What happens to each entry in a partial destruction: '' (not chosen yet), 'destroy', or the ground it is kept on (Jeugdwet 7.3.9). */
type EntryFate = string;

function DestructionChoice({ clientId, part, fates, onChange }: {
  clientId: string; part: string; fates: Record<string, EntryFate>; onChange: (fates: Record<string, EntryFate>) => void;
}) {
  const entries = useEntries(clientId);
  const shown = (entries.data ?? []).filter((e) => inPart(e, part));
  const options: [string, string][] = [['destroy', 'Vernietigen'], ...DESTRUCTION_GROUNDS.map((g): [string, string] => [g, `Bewaren: ${label(DECISION_FACTS, g).toLowerCase()}`])];
  return (
    <fieldset data-testid="destruction-choice">
      <legend>Welke dossierregels worden vernietigd, en welke blijven bewaard?</legend>
      <p className="hint">
        Kies per dossierregel. Bewaren mag alleen als het belang van een ander dat vraagt, als goede hulp dat duidelijk vraagt,
        of als de organisatie het nodig heeft voor een procedure (Jeugdwet 7.3.9).
      </p>
      <ProblemBox problem={entries.problem} />
      {entries.data !== undefined && shown.length === 0 && <p>In dit deel van het dossier staan geen dossierregels.</p>}
      {shown.map((e) => (
        <Select key={e.id} label={entryName(e)} value={fates[e.id] ?? ''} onChange={(v) => onChange({ ...fates, [e.id]: v })} options={options} allowEmpty="Kies wat er gebeurt" />
      ))}
    </fieldset>
  );
}

/** The split the API asks for: the entries destroyed, and the kept ones grouped by their ground. */
function splitOf(fates: Record<string, EntryFate>): { grantedEntryIds: string[]; refused: { entryIds: string[]; ground: string }[] } {
  const grantedEntryIds = Object.entries(fates).filter(([, f]) => f === 'destroy').map(([id]) => id);
  const refused = DESTRUCTION_GROUNDS
    .map((ground) => ({ ground, entryIds: Object.entries(fates).filter(([, f]) => f === ground).map(([id]) => id) }))
    .filter((g) => g.entryIds.length > 0);
  return { grantedEntryIds, refused };
}

/** After the client's death the decider establishes whether the requester has a compelling interest (Jeugdwet 7.3.12a lid 1(b)). */
const AFTER_DEATH_KINDS: readonly string[] = ['inspect', 'copy', 'general-information'];

interface DecideProps { url: string; requestId: string; kind: string; part: string; clientId: string; deceased?: boolean; onDone: () => void }

/** The decision form, opened with the author's draft of it if there is one. */
export function Decide(props: DecideProps) {
  const { draft } = useRequestDraft(props.clientId, props.requestId, 'decision');
  if (draft === undefined) return <Loading what="Besluit" />;
  return <DecideForm key={draft?.id ?? 'new'} {...props} draft={draft} />;
}

function DecideForm({ url, requestId, kind, part, clientId, deceased = false, onDone, draft }: DecideProps & { draft: Draft | null }) {
  const f = draft?.fields ?? {};
  const [outcome, setOutcome] = useState(f.outcome ?? 'granted');
  const [reasons, setReasons] = useState(f.text ?? '');
  const [facts, setFacts] = useState<string[]>(f.facts ?? []);
  const [consulted, setConsulted] = useState(f.consultedProfessional ?? '');
  const [fates, setFates] = useState<Record<string, EntryFate>>({});
  const autosave = useDraft(clientId, 'decision', { outcome, text: reasons, facts, consultedProfessional: consulted }, {
    requestId, ...(draft === null ? {} : { id: draft.id }),
  });
  const partlyDestroyed = kind === 'destroy' && outcome === 'partly';
  // A destruction is refused only on its grounds; the other kinds' facts count whatever the outcome (a correction is granted on a factual error).
  const offered = kind === 'destroy'
    ? (outcome === 'refused' ? DESTRUCTION_GROUNDS : [])
    : [...FACTS_OF_KIND[kind] ?? [], ...(deceased && AFTER_DEATH_KINDS.includes(kind) ? ['compelling-interest'] : [])];
  const chosen = facts.filter((f) => offered.includes(f));
  const seriousHarm = outcome !== 'granted' && chosen.includes('serious-harm-assessed');
  const save = useSubmit(async () => {
    await post(url, {
      outcome, reasons,
      ...(chosen.length === 0 ? {} : { facts: chosen }),
      ...(seriousHarm && consulted.trim() !== '' ? { consultedProfessional: consulted.trim() } : {}),
      ...(partlyDestroyed ? { destruction: splitOf(fates) } : {}),
    });
    // Decided: the reasons are in the decision (and its letter) now, the draft has done its work.
    await autosave.finish().catch(() => undefined);
  }, onDone);
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="decide-title" data-testid="decide">
      <h3 id="decide-title">Besluiten</h3>
      <Select label="Besluit" value={outcome} onChange={setOutcome} options={DECISION_OUTCOMES} />
      <TextArea label="Redenen" value={reasons} onChange={setReasons} rows={3} hint="Verplicht bij (gedeeltelijk) weigeren. Schrijf in gewone taal." />
      {offered.length > 0 && (
        <fieldset>
          <legend>{kind === 'correct' ? 'Gaat het om een feitelijke fout?' : 'Op welke feiten rust het besluit?'}</legend>
          {kind === 'correct' && (
            <p className="hint">Alleen feiten die niet kloppen worden verbeterd, zoals een verkeerde geboortedatum of school. Wat de hulpverlener zag en concludeerde, blijft staan.</p>
          )}
          {offered.map((v) => (
            <label key={v} className="checkbox">
              <input type="checkbox" checked={facts.includes(v)} onChange={(e) => setFacts(e.target.checked ? [...facts, v] : facts.filter((f) => f !== v))} /> {label(DECISION_FACTS, v)}
            </label>
          ))}
        </fieldset>
      )}
      {partlyDestroyed && <DestructionChoice clientId={clientId} part={part} fates={fates} onChange={setFates} />}
      {seriousHarm && (
        <TextInput
          label="Met wie heeft u overlegd? (naam en functie)"
          value={consulted}
          onChange={setConsulted}
          required
          hint="Weigert u omdat het de cliënt ernstig zou schaden? Dan overlegt u eerst met een andere deskundige hulpverlener (Jeugdwet 7.3.2 lid 4)."
        />
      )}
      <p className="draft-line" aria-live="polite" data-testid="draft-state">{saveLine(autosave.save)}</p>
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Besluit vastleggen</button>
    </form>
  );
}

/** A partial destruction as decided: how many entries go, and how many stay on which ground. */
export function DestructionSummary({ split }: { split: { grantedEntryIds: string[]; refused: { entryIds: string[]; ground: string }[] } }) {
  return (
    <div data-testid="destruction-split">
      <p>Vernietigd worden: {split.grantedEntryIds.length} {split.grantedEntryIds.length === 1 ? 'dossierregel' : 'dossierregels'}.</p>
      {split.refused.map((g) => (
        <p key={g.ground}>Bewaard: {g.entryIds.length} {g.entryIds.length === 1 ? 'dossierregel' : 'dossierregels'}, omdat {label(DECISION_FACTS, g.ground).toLowerCase()}.</p>
      ))}
    </div>
  );
}

/** Formal data that a correction can change (AVG 16; the API's CORRECTABLE_FIELDS), with their Dutch names. */
const CORRECTABLE = ['familyName', 'givenNames', 'birthDate', 'gender', 'bsn', 'streetAddress', 'postcode', 'town', 'phone', 'email'] as const;
type Correctable = (typeof CORRECTABLE)[number];
function fieldLabel(field: string): string {
  const name = (FIELD_NAMES[field] ?? field).replace(/^(de|het) /, '');
  return name === 'BSN' ? name : name.charAt(0).toUpperCase() + name.slice(1);
}
const FIELD_OPTIONS: [string, string][] = CORRECTABLE.map((f) => [f, fieldLabel(f)]);

type Correction = { what: 'formal'; field: Correctable; value: string } | { what: 'entry'; entryId: string; reason: string };

function currentValue(client: ClientDetail, field: Correctable): string {
  const value = client[field];
  if (value === null || value === '') return 'leeg';
  if (field === 'gender') return label(GENDERS, value);
  if (field === 'birthDate') return formatDate(value);
  return value;
}

function CorrectionRow({ n, client, entries, value, onChange }: {
  n: number; client: ClientDetail; entries: TimelineEntry[]; value: Correction; onChange: (c: Correction) => void;
}) {
  const what: [string, string][] = [['formal', 'Een gegeven van de cliënt (zoals naam, adres of geboortedatum)'], ['entry', 'Een feitelijke fout in een dossierregel']];
  return (
    <fieldset className="correction">
      <legend>Verbetering {n}</legend>
      <Select
        label="Wat wordt verbeterd?"
        value={value.what}
        onChange={(v) => onChange(v === 'formal' ? { what: 'formal', field: 'familyName', value: '' } : { what: 'entry', entryId: entries[0]?.id ?? '', reason: '' })}
        options={what}
      />
      {value.what === 'formal'
        ? (
            <>
              <Select label="Welk gegeven?" value={value.field} onChange={(f) => onChange({ ...value, field: f as Correctable, value: '' })} options={FIELD_OPTIONS} />
              <p className="hint">Nu vastgelegd: {currentValue(client, value.field)}. De oude waarde blijft bewaard in de geschiedenis.</p>
              {value.field === 'gender'
                ? <Select label="Juiste waarde" value={value.value} onChange={(v) => onChange({ ...value, value: v })} options={GENDERS} allowEmpty="Kies" />
                : <TextInput label="Juiste waarde" type={value.field === 'birthDate' ? 'date' : 'text'} value={value.value} onChange={(v) => onChange({ ...value, value: v })} required />}
            </>
          )
        : (
            <>
              <Select
                label="Welke dossierregel?"
                value={value.entryId}
                onChange={(id) => onChange({ ...value, entryId: id })}
                options={entries.map((e): [string, string] => [e.id, entryName(e)])}
                allowEmpty="Kies een dossierregel"
              />
              <TextArea
                label="Wat klopt er niet, en wat is juist?"
                value={value.reason}
                onChange={(v) => onChange({ ...value, reason: v })}
                rows={2}
                required
                hint="De dossierregel zelf blijft staan. Er komt een aantekening bij dat dit onjuist is, met wat u hier schrijft."
              />
            </>
          )}
    </fieldset>
  );
}

/** The client's formal data corrected on requests, old and new value (AVG 16: corrected with the history kept). */
export function CorrectionHistory({ client, requestId }: { client: ClientDetail; requestId: string }) {
  const corrections = client.corrections ?? [];
  if (corrections.length === 0) return null;
  const shown = (field: string, value: string | null) => (value === null || value === '' ? 'leeg' : field === 'birthDate' ? formatDate(value) : field === 'gender' ? label(GENDERS, value) : value);
  return (
    <div className="card" data-testid="correction-history">
      <h3>Verbeterde gegevens van de cliënt</h3>
      <ul>
        {corrections.map((c, i) => (
          <li key={i}>
            {fieldLabel(c.field)}: {shown(c.field, c.oldValue)} → {shown(c.field, c.newValue)}
            {' '}<span className="muted">({formatDate(c.correctedAt)}, {c.correctedBy}{c.requestId === requestId ? ', bij dit verzoek' : ''}{c.requestId === null && c.reason ? `: ${c.reason}` : ''})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface Consent { id: string; kind: string; givenBy: string; givenOn: string; recipient: string | null; purpose: string | null; validTo: string | null; active: boolean }

function consentName(c: Consent): string {
  const to = c.recipient === null ? '' : ` aan ${c.recipient}`;
  const why = c.purpose === null ? '' : ` voor ${c.purpose}`;
  return `${label(CONSENT_KINDS, c.kind)}${to}${why} — ${label(CONSENT_GIVERS, c.givenBy).toLowerCase()}, gegeven op ${formatDate(c.givenOn)}`;
}

interface FulfilProps { url: string; requestId: string; kind: string; client: ClientDetail; onDone: () => void }

/** Carrying out a decided request; an own statement's form opens with the author's draft of it if there is one. */
export function Fulfil(props: FulfilProps) {
  const { draft } = useRequestDraft(props.client.id, props.requestId, 'statement', props.kind === 'add-statement');
  if (draft === undefined) return <Loading what="Uitvoeren" />;
  return <FulfilForm key={draft?.id ?? 'new'} {...props} draft={draft} />;
}

/** Carrying out a decided request, with the fields its kind needs (src/requests/fulfil-rights.ts). */
function FulfilForm({ url, requestId, kind, client, onDone, draft }: FulfilProps & { draft: Draft | null }) {
  const [fee, setFee] = useState('');
  const [corrections, setCorrections] = useState<Correction[]>([{ what: 'formal', field: 'familyName', value: '' }]);
  const [statement, setStatement] = useState({ entryId: draft?.entryId ?? '', title: draft?.fields.title ?? '', text: draft?.fields.text ?? '' });
  // The statement as the holder writes it down is kept as typed; the other kinds have nothing worth a draft.
  const autosave = useDraft(client.id, 'statement', { title: statement.title, text: statement.text }, {
    requestId, enabled: kind === 'add-statement', ...(draft === null ? {} : { id: draft.id }), ...(statement.entryId === '' ? {} : { entryId: statement.entryId }),
  });
  const [consentId, setConsentId] = useState('');
  const [processing, setProcessing] = useState('');
  const entries = useEntries(client.id, kind === 'correct' || kind === 'add-statement');
  const consents = useLoad(
    () => (kind === 'withdraw-consent' ? get<{ consents: Consent[] }>(`/api/clients/${client.id}/consents`) : Promise.resolve({ consents: [] })), [client.id, kind]);
  const active = (consents.data?.consents ?? []).filter((c) => c.active);
  const body = (): Record<string, unknown> => {
    switch (kind) {
      case 'copy': return fee.trim() === '' ? {} : { feeCents: Math.round(Number(fee.replace(',', '.')) * 100) };
      case 'correct':
        return { corrections: corrections.map((c) => (c.what === 'formal' ? { field: c.field, value: c.value.trim() } : { entryId: c.entryId, reason: c.reason.trim() })) };
      case 'add-statement':
        return { statement: { entryId: statement.entryId, text: statement.text, ...(statement.title.trim() === '' ? {} : { title: statement.title.trim() }) } };
      case 'withdraw-consent': return { consentId };
      case 'object': return { objection: { processing: processing.trim() } };
      default: return {};
    }
  };
  const save = useSubmit(async () => {
    await post(url, body());
    // The statement is in the dossier now: its draft has done its work.
    if (kind === 'add-statement') await autosave.finish().catch(() => undefined);
  }, onDone);
  const entryOptions = (entries.data ?? []).map((e): [string, string] => [e.id, entryName(e)]);
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="fulfil-title" data-testid="fulfil">
      <h3 id="fulfil-title">Uitvoeren</h3>
      {kind === 'copy' && (
        <>
          <p>Is de kopie verstuurd of meegegeven? Leg dat hier vast.</p>
          <TextInput label="Vergoeding in euro (alleen voor extra kopieën)" value={fee} onChange={setFee} inputMode="numeric" hint="De eerste kopie is gratis." />
        </>
      )}
      {(kind === 'inspect' || kind === 'portability' || kind === 'general-information') && (
        <p>Is het besluit uitgevoerd (bijvoorbeeld de inzage gedaan of de gegevens meegegeven)? Leg dat hier vast.</p>
      )}
      {kind === 'correct' && (
        <>
          <p>Vul in wat er wordt verbeterd. Gegevens van de cliënt worden aangepast; de oude waarde blijft bewaard. Bij een dossierregel komt een aantekening dat iets onjuist is.</p>
          {corrections.map((c, i) => (
            <CorrectionRow
              key={i}
              n={i + 1}
              client={client}
              entries={entries.data ?? []}
              value={c}
              onChange={(next) => setCorrections(corrections.map((old, j) => (j === i ? next : old)))}
            />
          ))}
          <div className="actions">
            {corrections.length < 20 && (
              <button type="button" className="secondary" onClick={() => setCorrections([...corrections, { what: 'formal', field: 'familyName', value: '' }])}>Nog iets verbeteren</button>
            )}
            {corrections.length > 1 && <button type="button" className="secondary" onClick={() => setCorrections(corrections.slice(0, -1))}>Laatste verbetering weghalen</button>}
          </div>
        </>
      )}
      {kind === 'add-statement' && (
        <>
          <p>De eigen verklaring komt in het dossier, naast de dossierregel waar de verzoeker het niet mee eens is. Schrijf de verklaring zoals de verzoeker die gaf.</p>
          <Select
            label="Bij welke dossierregel hoort de verklaring?"
            value={statement.entryId}
            onChange={(entryId) => setStatement({ ...statement, entryId })}
            options={entryOptions}
            allowEmpty="Kies een dossierregel"
          />
          <TextInput label="Titel van de verklaring (mag leeg blijven)" value={statement.title} onChange={(title) => setStatement({ ...statement, title })} />
          <TextArea label="Verklaring van de verzoeker" value={statement.text} onChange={(text) => setStatement({ ...statement, text })} required rows={4} />
          <p className="draft-line" aria-live="polite" data-testid="draft-state">{saveLine(autosave.save)}</p>
        </>
      )}
      {kind === 'withdraw-consent' && (
        <>
          <p>Kies de toestemming die wordt ingetrokken. Het intrekken werkt meteen. Alleen wie de toestemming gaf, kan haar intrekken.</p>
          <ProblemBox problem={consents.problem} />
          {consents.data !== undefined && active.length === 0
            ? <p data-testid="no-consents">Er is geen geldige toestemming van deze cliënt vastgelegd. Er valt niets in te trekken.</p>
            : (
                <fieldset>
                  <legend>Welke toestemming wordt ingetrokken?</legend>
                  {active.map((c) => (
                    <label key={c.id} className="radio">
                      <input type="radio" name="consentId" value={c.id} checked={consentId === c.id} onChange={() => setConsentId(c.id)} /> {consentName(c)}
                    </label>
                  ))}
                </fieldset>
              )}
        </>
      )}
      {kind === 'object' && (
        <TextArea
          label="Tegen welke verwerking gaat het bezwaar?"
          value={processing}
          onChange={setProcessing}
          required
          rows={2}
          hint="Deze verwerking stopt. Bijvoorbeeld: gegevens delen met de school voor onderzoek."
        />
      )}
      {kind === 'restrict' && (
        <p>De verwerking wordt beperkt: de gegevens worden alleen nog bewaard tot de dossierhouder de beperking beëindigt, na bericht aan de cliënt.</p>
      )}
      {kind === 'destroy' && (
        <p>Vernietigen kan niet worden teruggedraaid. Alleen wat in het besluit staat, wordt vernietigd. Het verzoek zelf blijft apart bewaard.</p>
      )}
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy || (kind === 'withdraw-consent' && consentId === '')}>{kind === 'destroy' ? 'Vernietiging uitvoeren' : 'Uitvoering vastleggen'}</button>
    </form>
  );
}

/** Ending a restriction of processing (AVG 18(3)): the dossier holder, with a reason, after telling the client. */
export function EndRestriction({ clientId, since, onDone }: { clientId: string; since: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [informedOn, setInformedOn] = useState(today());
  const save = useSubmit(() => post(`/api/clients/${clientId}/processing-restriction/end`, { reason: reason.trim(), clientInformedOn: informedOn }), onDone);
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="end-restriction-title" data-testid="end-restriction">
      <h3 id="end-restriction-title">Beperking beëindigen</h3>
      <p>De verwerking is beperkt sinds {formatDate(since.slice(0, 10))}. Vertel de cliënt dat de beperking eindigt voordat u haar opheft (AVG 18 lid 3).</p>
      <TextArea label="Waarom eindigt de beperking?" value={reason} onChange={setReason} required rows={2} />
      <TextInput label="Datum waarop de cliënt dit hoorde" type="date" value={informedOn} onChange={setInformedOn} required />
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Beperking beëindigen</button>
    </form>
  );
}
