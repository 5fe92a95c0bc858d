/**
 * The dossier timeline: filter by kind, read, add an entry of any kind (with
 * its source and whether it is a fact or an opinion), annotate. Entries are
 * never changed: an attempt to change one shows the server's explanation.
 */
import { useState } from 'react';
import { api, get, post } from '../api';
import { Loading, ProblemBox, Select, TextArea, TextInput, useLoad, useSubmit } from '../components';
import { ANNOTATION_KINDS, ENTRY_KINDS, SOURCE_KINDS, STATEMENT_TYPES, formatDate, label, today } from '../labels';
import { EntryShielding, ShieldingProvider } from './Shielding';

interface Annotation { id: string; kind: string; reason: string; author: { name: string; function: string }; recordedAt: string }
export interface Entry {
  id: string; kind: string; kindLabel: string; title: string | null; text: string; occurredOn: string | null; recordedAt: string;
  author: { id: string; name: string; function: string }; source: { kind: string; description: string | null }; statementType: string | null;
  annotations: Annotation[];
}
interface Page { entries: Entry[]; nextCursor: string | null }

export function TimelinePage({ clientId }: { clientId: string }) {
  const [kind, setKind] = useState('');
  const [older, setOlder] = useState<Entry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const query = kind === '' ? '' : `&kind=${encodeURIComponent(kind)}`;
  const page = useLoad(async () => {
    const answer = await get<Page>(`/api/clients/${clientId}/entries?limit=50${query}`);
    setOlder([]);
    setCursor(answer.nextCursor);
    return answer;
  }, [clientId, query]);
  const more = useSubmit(async () => {
    const answer = await get<Page>(`/api/clients/${clientId}/entries?limit=50${query}&before=${encodeURIComponent(cursor ?? '')}`);
    setOlder((o) => [...o, ...answer.entries]);
    setCursor(answer.nextCursor);
  });
  const [adding, setAdding] = useState(false);
  const entries = [...(page.data?.entries ?? []), ...older];
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Dossier</h2>
      <div className="toolbar">
        <Select label="Soort tonen" value={kind} onChange={setKind} options={ENTRY_KINDS} allowEmpty="Alle soorten" />
        {!adding && <button type="button" onClick={() => setAdding(true)}>Nieuwe dossierregel</button>}
      </div>
      {adding && (
        <NewEntry
          clientId={clientId}
          onDone={() => {
            setAdding(false);
            page.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {page.loading && <Loading what="Dossier" />}
      <ProblemBox problem={page.problem} />
      {page.data !== undefined && entries.length === 0 && <p>Er staan (van deze soort) nog geen regels in het dossier.</p>}
      <ShieldingProvider clientId={clientId}>
        <ol className="timeline" data-testid="timeline">
          {entries.map((e) => <EntryCard key={e.id} clientId={clientId} entry={e} onChanged={page.reload} />)}
        </ol>
      </ShieldingProvider>
      {cursor !== null && <button type="button" className="secondary" disabled={more.busy} onClick={() => void more.submit()}>Oudere regels laden</button>}
      <ProblemBox problem={more.problem} />
    </section>
  );
}

function NewEntry({ clientId, onDone, onCancel }: { clientId: string; onDone: () => void; onCancel: () => void }) {
  const [kind, setKind] = useState('conversation-report');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [occurredOn, setOccurredOn] = useState(today());
  const [sourceKind, setSourceKind] = useState('care-professional');
  const [sourceDescription, setSourceDescription] = useState('');
  const [statementType, setStatementType] = useState('fact');
  const save = useSubmit(() => post<Entry>(`/api/clients/${clientId}/entries`, {
    kind, text, statementType,
    ...(title.trim() === '' ? {} : { title: title.trim() }),
    ...(occurredOn === '' ? {} : { occurredOn }),
    source: { kind: sourceKind, ...(sourceDescription.trim() === '' ? {} : { description: sourceDescription.trim() }) },
  }), onDone);
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} aria-labelledby="new-entry-title">
      <h3 id="new-entry-title">Nieuwe dossierregel</h3>
      <p className="hint">Een dossierregel kan later niet worden gewijzigd. U kunt wel een aantekening toevoegen.</p>
      <Select label="Soort" value={kind} onChange={setKind} options={ENTRY_KINDS} />
      <TextInput label="Titel" value={title} onChange={setTitle} />
      <TextArea label="Tekst" value={text} onChange={setText} required rows={6} />
      <TextInput label="Datum van het gesprek of de gebeurtenis" type="date" value={occurredOn} onChange={setOccurredOn} />
      <Select label="Bron: van wie komt deze informatie?" value={sourceKind} onChange={setSourceKind} options={SOURCE_KINDS} />
      <TextInput label="Bron, toelichting" value={sourceDescription} onChange={setSourceDescription} hint="Bijvoorbeeld: mentor van school, huisarts." />
      <fieldset>
        <legend>Is dit een feit of een mening?</legend>
        {Object.entries(STATEMENT_TYPES).map(([v, l]) => (
          <label key={v} className="radio"><input type="radio" name="statementType" value={v} checked={statementType === v} onChange={() => setStatementType(v)} /> {l}</label>
        ))}
      </fieldset>
      <ProblemBox problem={save.problem} />
      <div className="actions">
        <button type="submit" disabled={save.busy}>Opslaan in het dossier</button>
        <button type="button" className="secondary" onClick={onCancel}>Annuleren</button>
      </div>
    </form>
  );
}

function EntryCard({ clientId, entry: e, onChanged }: { clientId: string; entry: Entry; onChanged: () => void }) {
  const [mode, setMode] = useState<'read' | 'annotate' | 'change'>('read');
  return (
    <li className="card entry" data-testid="entry">
      <article aria-labelledby={`entry-${e.id}`}>
        <header>
          <p className="kind">{e.kindLabel || label(ENTRY_KINDS, e.kind)}</p>
          <h3 id={`entry-${e.id}`}>{e.title ?? label(ENTRY_KINDS, e.kind)}</h3>
          <p className="meta">
            {e.occurredOn !== null && <>Datum: {formatDate(e.occurredOn)} · </>}
            Vastgelegd {formatDate(e.recordedAt)} door {e.author.name} ({e.author.function})
          </p>
          <p className="meta">
            Bron: {label(SOURCE_KINDS, e.source.kind)}{e.source.description !== null && e.source.description !== '' && ` (${e.source.description})`}
            {e.statementType !== null && <> · <span className="tag">{label(STATEMENT_TYPES, e.statementType)}</span></>}
          </p>
        </header>
        <p className="text">{e.text}</p>
        {e.annotations.length > 0 && (
          <div className="annotations">
            <h4>Aantekeningen</h4>
            <ul className="plain">
              {e.annotations.map((a) => (
                <li key={a.id}><span className="tag">{label(ANNOTATION_KINDS, a.kind)}</span> {a.reason} <span className="meta">— {a.author.name}, {formatDate(a.recordedAt)}</span></li>
              ))}
            </ul>
          </div>
        )}
        <EntryShielding entry={e} />
        {mode === 'read' && (
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setMode('annotate')}>Aantekening toevoegen</button>
            <button type="button" className="secondary" onClick={() => setMode('change')}>Wijzigen</button>
          </div>
        )}
        {mode === 'annotate' && (
          <Annotate
            clientId={clientId}
            entryId={e.id}
            onDone={() => {
              setMode('read');
              onChanged();
            }}
            onCancel={() => setMode('read')}
          />
        )}
        {mode === 'change' && <TryChange clientId={clientId} entry={e} onClose={() => setMode('read')} onAnnotate={() => setMode('annotate')} />}
      </article>
    </li>
  );
}

function Annotate({ clientId, entryId, onDone, onCancel }: { clientId: string; entryId: string; onDone: () => void; onCancel: () => void }) {
  const [kind, setKind] = useState('addition');
  const [reason, setReason] = useState('');
  const save = useSubmit(() => post(`/api/clients/${clientId}/entries/${entryId}/annotations`, { kind, reason }), onDone);
  return (
    <form onSubmit={(ev) => void save.submit(ev)} className="subform">
      <Select label="Soort aantekening" value={kind} onChange={setKind} options={ANNOTATION_KINDS} />
      <TextArea label="Aantekening" value={reason} onChange={setReason} required rows={3} hint="Wat klopt er niet, wat is verouderd, of wat wilt u aanvullen?" />
      <ProblemBox problem={save.problem} />
      <div className="actions">
        <button type="submit" disabled={save.busy}>Aantekening opslaan</button>
        <button type="button" className="secondary" onClick={onCancel}>Annuleren</button>
      </div>
    </form>
  );
}

/** Lets the user try to change an entry; the server refuses and explains why (append-only dossier). */
function TryChange({ clientId, entry, onClose, onAnnotate }: { clientId: string; entry: Entry; onClose: () => void; onAnnotate: () => void }) {
  const [text, setText] = useState(entry.text);
  const save = useSubmit(() => api('PATCH', `/api/clients/${clientId}/entries/${entry.id}`, { text }));
  return (
    <form onSubmit={(ev) => void save.submit(ev)} className="subform">
      <TextArea label="Tekst wijzigen" value={text} onChange={setText} rows={4} />
      <ProblemBox problem={save.problem} title="Wijzigen kan niet" />
      <div className="actions">
        <button type="submit" disabled={save.busy}>Wijziging opslaan</button>
        {save.problem !== undefined && <button type="button" onClick={onAnnotate}>Aantekening toevoegen</button>}
        <button type="button" className="secondary" onClick={onClose}>Sluiten</button>
      </div>
    </form>
  );
}
