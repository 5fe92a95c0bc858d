/**
 * Carrying out a decided request, per kind (issue 15), with the fields each kind needs: what is corrected (formal data
 * or an entry, with the history shown), the entry an own statement belongs to and its text (kept as a draft as it is
 * typed; shared/drafts.ts), the consent withdrawn (from the client's consents), the processing objected to; and
 * ending a restriction of processing.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf } from '../../shared/api-client';
import { Loading, ProblemBox, Select, TextArea, TextInput } from '../../shared/components';
import type { ClientDetail } from '../../shared/client-detail';
import { saveLine, useDraft, useRequestDraft, type Draft } from '../../shared/drafts';
import { CONSENT_GIVERS, CONSENT_KINDS, GENDERS, formatDate, label, today } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { FIELD_NAMES } from '../../../../src/shared/labels.js';
import { entryName } from './Decide';
import { clientChanged, useAllEntries, type Consent, type TimelineEntry } from './request-api';

type FulfilBody = BodyOf<'/api/clients/{clientId}/requests/{requestId}/fulfil'>;

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

function consentName(c: Consent): string {
  const to = c.recipient === null ? '' : ` aan ${c.recipient}`;
  const why = c.purpose === null ? '' : ` voor ${c.purpose}`;
  return `${label(CONSENT_KINDS, c.kind)}${to}${why} — ${label(CONSENT_GIVERS, c.givenBy).toLowerCase()}, gegeven op ${formatDate(c.givenOn)}`;
}

/** `onDone`: a fulfilment can change the client (formal data corrected, a consent withdrawn); its cards are refreshed here too. */
interface FulfilProps { requestId: string; kind: string; client: ClientDetail; onDone: () => void }

/** Carrying out a decided request; an own statement's form opens with the author's draft of it if there is one. */
export function Fulfil(props: FulfilProps) {
  const { draft } = useRequestDraft(props.client.id, props.requestId, 'statement', props.kind === 'add-statement');
  if (draft === undefined) return <Loading what="Uitvoeren" />;
  return <FulfilForm key={draft?.id ?? 'new'} {...props} draft={draft} />;
}

/** Carrying out a decided request, with the fields its kind needs (src/requests/fulfil-rights.ts). */
function FulfilForm({ requestId, kind, client, onDone, draft }: FulfilProps & { draft: Draft | null }) {
  const [fee, setFee] = useState('');
  const [corrections, setCorrections] = useState<Correction[]>([{ what: 'formal', field: 'familyName', value: '' }]);
  const [statement, setStatement] = useState({ entryId: draft?.entryId ?? '', title: draft?.fields.title ?? '', text: draft?.fields.text ?? '' });
  // The statement as the holder writes it down is kept as typed; the other kinds have nothing worth a draft.
  const autosave = useDraft(client.id, 'statement', { title: statement.title, text: statement.text }, {
    requestId, enabled: kind === 'add-statement', ...(draft === null ? {} : { id: draft.id }), ...(statement.entryId === '' ? {} : { entryId: statement.entryId }),
  });
  const [consentId, setConsentId] = useState('');
  const [processing, setProcessing] = useState('');
  const entries = useAllEntries(client.id, kind === 'correct' || kind === 'add-statement');
  const consents = useQuery({
    queryKey: queryKeys.consents(client.id),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/consents', { params: { path: { clientId: client.id } } })),
    enabled: kind === 'withdraw-consent',
  });
  const active = (consents.data?.consents ?? []).filter((c) => c.active);
  const body = (): FulfilBody => {
    switch (kind) {
      case 'copy': return fee.trim() === '' ? {} : { feeCents: Math.round(Number(fee.replace(',', '.')) * 100) };
      case 'correct':
        return {
          corrections: corrections.map((c) => (c.what === 'formal' ? { field: c.field, value: c.value.trim() } : { entryId: c.entryId, reason: c.reason.trim() })),
        };
      case 'add-statement':
        return { statement: { entryId: statement.entryId, text: statement.text, ...(statement.title.trim() === '' ? {} : { title: statement.title.trim() }) } };
      case 'withdraw-consent': return { consentId };
      case 'object': return { objection: { processing: processing.trim() } };
      default: return {};
    }
  };
  const save = useApiMutation({
    mutationFn: async () => {
      const done = await dataOf(server.POST('/api/clients/{clientId}/requests/{requestId}/fulfil', {
        params: { path: { clientId: client.id, requestId } }, body: body(),
      }));
      // The statement is in the dossier now: its draft has done its work.
      if (kind === 'add-statement') await autosave.finish().catch(() => undefined);
      return done;
    },
    invalidates: () => clientChanged(client.id),
    onSuccess: onDone,
  });
  const entryOptions = (entries.data ?? []).map((e): [string, string] => [e.id, entryName(e)]);
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="fulfil-title" data-testid="fulfil">
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
          <ProblemBox problem={problemOf(consents.error)} />
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
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending || (kind === 'withdraw-consent' && consentId === '')}>{kind === 'destroy' ? 'Vernietiging uitvoeren' : 'Uitvoering vastleggen'}</button>
    </form>
  );
}

/** Ending a restriction of processing (AVG 18(3)): the dossier holder, with a reason, after telling the client. */
export function EndRestriction({ clientId, since, onDone }: { clientId: string; since: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [informedOn, setInformedOn] = useState(today());
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/processing-restriction/end', {
      params: { path: { clientId } }, body: { reason: reason.trim(), clientInformedOn: informedOn },
    })),
    invalidates: () => clientChanged(clientId),
    onSuccess: onDone,
  });
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="end-restriction-title" data-testid="end-restriction">
      <h3 id="end-restriction-title">Beperking beëindigen</h3>
      <p>De verwerking is beperkt sinds {formatDate(since.slice(0, 10))}. Vertel de cliënt dat de beperking eindigt voordat u haar opheft (AVG 18 lid 3).</p>
      <TextArea label="Waarom eindigt de beperking?" value={reason} onChange={setReason} required rows={2} />
      <TextInput label="Datum waarop de cliënt dit hoorde" type="date" value={informedOn} onChange={setInformedOn} required />
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Beperking beëindigen</button>
    </form>
  );
}
