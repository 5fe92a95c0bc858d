/**
 * The dossier timeline: filter by kind, read, add an entry of any kind (with
 * its source and whether it is a fact or an opinion), annotate. Entries are
 * never changed: "Wijzigen" records the rewrite as an annotation ("onjuist")
 * beside the original. What is typed in a form is kept as a draft as you type
 * (only for you, not in the dossier until you save it; drafts.ts). The forms show
 * only when the engine lets the caller write (read by emergency access: read only,
 * and the engine's reason instead of the form).
 */
import { useEffect, useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { dataOf, server, type BodyOf, type QueryOf, type ResponseOf } from '../../shared/api-client';
import { Loading, ProblemBox, Select, TextArea, TextInput } from '../../shared/components';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { discardDraft, listDrafts, mayKeepDrafts, pendingDraft, saveLine, takeOpenForm, useDraft, type Draft, type DraftFields } from '../../shared/drafts';
import { ANNOTATION_KINDS, ENTRY_KINDS, SOURCE_KINDS, STATEMENT_TYPES, formatDate, label, today } from '../../shared/labels';
import { EntryShielding, ShieldingProvider } from './Shielding';
import { EntryPortalRelease, PortalReleaseProvider } from './PortalRelease';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';

export type Entry = ResponseOf<'/api/clients/{clientId}/entries'>['entries'][number];
type EntryKindFilter = NonNullable<QueryOf<'/api/clients/{clientId}/entries'>['kind']>;
type NewEntryBody = BodyOf<'/api/clients/{clientId}/entries'>;

/** The timeline's pages (50 entries each, newest first) and the caller's own drafts: what a saved entry makes stale. */
const timelineKeys = (clientId: string) => [queryKeys.entries(clientId).slice(0, 3), queryKeys.clientCard(clientId, 'drafts')];

/** A form to open: a new entry (from a draft or empty), or an annotation draft of an entry. */
type Resume = { draft: Draft | undefined };

/** A draft as the form takes it: the unsaved version (if the session ended before it was saved) wins. */
function freshest(draft: Draft): Draft {
  const unsaved = pendingDraft(draft.id);
  return unsaved === undefined ? draft : { ...draft, fields: unsaved.fields };
}

export function TimelinePage({ client, me }: { client: ClientDetail; me: Me }) {
  const clientId = client.id;
  // The engine decides, for the part "dossier" as the entry routes ask it, who writes; the server's gate stays the judge.
  const mayRecord = mayDo(me, client, Act.recordEntry);
  const mayAnnotate = mayDo(me, client, Act.annotate).outcome === 'allow';
  const mayWrite = mayRecord.outcome === 'allow';
  const mayShield = mayDo(me, client, Act.shield).outcome === 'allow';
  const mayLift = mayDo(me, client, Act.liftShielding).outcome === 'allow';
  const [kind, setKind] = useState('');
  const pages = useInfiniteQuery({
    queryKey: queryKeys.entries(clientId, { kind }),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => dataOf(server.GET('/api/clients/{clientId}/entries', {
      params: {
        path: { clientId },
        query: { limit: 50, ...(kind === '' ? {} : { kind: [kind as EntryKindFilter[number]] }), ...(pageParam === undefined ? {} : { before: pageParam }) },
      },
    })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const [adding, setAdding] = useState<Resume | undefined>();
  const [resumeAnnotation, setResumeAnnotation] = useState<Draft | undefined>();
  const resume = (d: Draft) => {
    if (d.target === 'annotation') setResumeAnnotation(freshest(d));
    else setAdding({ draft: freshest(d) });
  };
  const drafts = useQuery({
    queryKey: queryKeys.clientCard(clientId, 'drafts'),
    queryFn: () => (mayKeepDrafts() ? listDrafts(clientId) : Promise.resolve([])),
  });
  // After a time-out and a new log-in, the form that was open comes back with its draft (once the drafts are known).
  const [reopened, setReopened] = useState(false);
  useEffect(() => {
    if (reopened || drafts.data === undefined) return;
    const list = drafts.data;
    const id = takeOpenForm(clientId);
    const unsaved = id === undefined ? undefined : pendingDraft(id);
    const draft = list.find((d) => d.id === id) ?? (id === undefined || unsaved === undefined ? undefined : { id, clientId, ...unsaved, updatedAt: '', expiresAt: '' });
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-time hand-over from the draft store, not derived state
    setReopened(true);
    if (draft !== undefined && mayWrite) resume(draft);
  }, [reopened, drafts.data, clientId, mayWrite]);
  const entries = (pages.data?.pages ?? []).flatMap((p) => p.entries);
  const openDrafts = (drafts.data ?? []).filter((d) => d.id !== adding?.draft?.id && d.id !== resumeAnnotation?.id);
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">Dossier</h2>
      <div className="toolbar">
        <Select label="Soort tonen" value={kind} onChange={setKind} options={ENTRY_KINDS} allowEmpty="Alle soorten" />
        {adding === undefined && mayWrite && <button type="button" onClick={() => setAdding({ draft: undefined })}>Nieuwe dossierregel</button>}
      </div>
      {!mayWrite && <NotYours title="Nieuwe dossierregels en aantekeningen" decision={mayRecord} />}
      {openDrafts.length > 0 && mayWrite && (
        <DraftList clientId={clientId} drafts={openDrafts} entries={entries} onResume={resume} />
      )}
      {adding !== undefined && (
        <NewEntry
          key={adding.draft?.id ?? 'new'}
          clientId={clientId}
          draft={adding.draft}
          onDone={() => setAdding(undefined)}
          onCancel={() => {
            setAdding(undefined);
            void drafts.refetch();
          }}
        />
      )}
      {pages.isPending && <Loading what="Dossier" />}
      <ProblemBox problem={problemOf(pages.error)} />
      {pages.data !== undefined && entries.length === 0 && <p>Er staan (van deze soort) nog geen regels in het dossier.</p>}
      <ShieldingProvider clientId={clientId} mayShield={mayShield} mayLift={mayLift}>
        <PortalReleaseProvider clientId={clientId}>
          <ol className="timeline" data-testid="timeline">
            {entries.map((e) => (
              <EntryCard
                key={e.id}
                clientId={clientId}
                entry={e}
                mayAnnotate={mayAnnotate}
                resume={resumeAnnotation?.entryId === e.id ? resumeAnnotation : undefined}
                onChanged={() => {
                  setResumeAnnotation(undefined);
                  void drafts.refetch();
                }}
              />
            ))}
          </ol>
        </PortalReleaseProvider>
      </ShieldingProvider>
      {pages.hasNextPage && <button type="button" className="secondary" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>Oudere regels laden</button>}
    </section>
  );
}

/** Your drafts for this client: continue one, or throw it away (after a confirmation). */
function DraftList({ clientId, drafts, entries, onResume }: {
  clientId: string; drafts: Draft[]; entries: Entry[]; onResume: (d: Draft) => void;
}) {
  const [confirming, setConfirming] = useState<string>();
  const discard = useApiMutation({
    mutationFn: (id: string) => discardDraft(clientId, id),
    invalidates: () => [queryKeys.clientCard(clientId, 'drafts')],
    onSuccess: () => setConfirming(undefined),
  });
  const what = (d: Draft): string => {
    const text = d.fields.text ?? '';
    const start = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    if (d.target === 'annotation') {
      const entry = entries.find((e) => e.id === d.entryId);
      return `Aantekening bij ${entry === undefined ? 'een dossierregel' : `“${entry.title ?? label(ENTRY_KINDS, entry.kind)}”`}${start === '' ? '' : `: ${start}`}`;
    }
    return `${d.fields.title ?? label(ENTRY_KINDS, d.fields.kind ?? 'conversation-report')}${start === '' ? '' : `: ${start}`}`;
  };
  return (
    <div className="card" data-testid="drafts">
      <h3>Uw concepten</h3>
      <p className="hint">Alleen u ziet deze concepten. Ze staan niet in het dossier tot u ze opslaat in het dossier.</p>
      <ul className="drafts">
        {drafts.map((d) => (
          <li key={d.id}>
            <span className="draft-title">{what(d)} <span className="muted">(opgeslagen {formatDate(d.updatedAt)})</span></span>
            {confirming === d.id
              ? (
                  <>
                    <span role="alert">Weggooien? De tekst is dan weg.</span>
                    <button type="button" className="danger" disabled={discard.isPending} onClick={() => discard.mutate(d.id)}>Ja, weggooien</button>
                    <button type="button" className="secondary" onClick={() => setConfirming(undefined)}>Nee, bewaren</button>
                  </>
                )
              : (
                  <>
                    <button type="button" onClick={() => onResume(d)}>Verder schrijven</button>
                    <button type="button" className="secondary" onClick={() => setConfirming(d.id)}>Weggooien</button>
                  </>
                )}
          </li>
        ))}
      </ul>
      <ProblemBox problem={problemOf(discard.error)} />
    </div>
  );
}

function NewEntry({ clientId, draft, onDone, onCancel }: { clientId: string; draft: Draft | undefined; onDone: () => void; onCancel: () => void }) {
  const f = draft?.fields ?? {};
  const [kind, setKind] = useState(f.kind ?? 'conversation-report');
  const [title, setTitle] = useState(f.title ?? '');
  const [text, setText] = useState(f.text ?? '');
  const [occurredOn, setOccurredOn] = useState(f.occurredOn ?? today());
  const [sourceKind, setSourceKind] = useState(f.sourceKind ?? 'care-professional');
  const [sourceDescription, setSourceDescription] = useState(f.sourceDescription ?? '');
  const [statementType, setStatementType] = useState(f.statementType ?? 'fact');
  const fields: DraftFields = { kind, title, text, occurredOn, sourceKind, sourceDescription, statementType };
  const autosave = useDraft(clientId, 'entry', fields, { ...(draft === undefined ? {} : { id: draft.id }), enabled: mayKeepDrafts() });
  const save = useApiMutation({
    mutationFn: async () => {
      const body = {
        kind, text, statementType,
        ...(title.trim() === '' ? {} : { title: title.trim() }),
        ...(occurredOn === '' ? {} : { occurredOn }),
        source: { kind: sourceKind, ...(sourceDescription.trim() === '' ? {} : { description: sourceDescription.trim() }) },
      } as NewEntryBody;
      await dataOf(server.POST('/api/clients/{clientId}/entries', { params: { path: { clientId } }, body }));
      // The entry is in the dossier now: the draft has done its work.
      await autosave.finish().catch(() => undefined);
    },
    invalidates: () => timelineKeys(clientId),
    onSuccess: onDone,
  });
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="new-entry-title" data-testid="new-entry">
      <h3 id="new-entry-title">Nieuwe dossierregel</h3>
      <p className="hint">Een dossierregel kan later niet worden gewijzigd. U kunt wel een aantekening toevoegen. Wat u typt, bewaren we als concept dat alleen u ziet.</p>
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
      <p className="draft-line" aria-live="polite" data-testid="draft-state">{saveLine(autosave.save)}</p>
      <ProblemBox problem={problemOf(save.error)} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>Opslaan in het dossier</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            autosave.close();
            onCancel();
          }}
        >Sluiten (concept bewaren)
        </button>
      </div>
    </form>
  );
}

function EntryCard({ clientId, entry: e, mayAnnotate, resume, onChanged }: {
  clientId: string; entry: Entry; mayAnnotate: boolean; resume: Draft | undefined; onChanged: () => void;
}) {
  const [mode, setMode] = useState<'read' | 'annotate' | 'change'>('read');
  const shown = !mayAnnotate ? 'read' : resume !== undefined ? 'annotate' : mode;
  const close = () => {
    setMode('read');
    onChanged();
  };
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
        <EntryPortalRelease entryId={e.id} />
        {shown === 'read' && mayAnnotate && (
          <div className="actions">
            <button type="button" className="secondary" onClick={() => setMode('annotate')}>Aantekening toevoegen</button>
            <button type="button" className="secondary" onClick={() => setMode('change')}>Wijzigen</button>
          </div>
        )}
        {shown === 'annotate' && <Annotate key={resume?.id ?? 'annotate'} clientId={clientId} entry={e} draft={resume} onDone={close} onCancel={close} />}
        {shown === 'change' && <Annotate key={resume?.id ?? 'change'} clientId={clientId} entry={e} draft={resume} rewrite onDone={close} onCancel={close} />}
      </article>
    </li>
  );
}

/**
 * Adds an annotation. With `rewrite` ("Wijzigen"): the entry itself is never changed (append-only, Jeugdwet 7.3.8),
 * so the new text is recorded as an annotation "onjuist" beside it — the text typed is never thrown away.
 */
function Annotate({ clientId, entry, draft, rewrite, onDone, onCancel }: {
  clientId: string; entry: Entry; draft: Draft | undefined; rewrite?: boolean; onDone: () => void; onCancel: () => void;
}) {
  const [kind, setKind] = useState(draft?.fields.annotationKind ?? (rewrite === true ? 'incorrect' : 'addition'));
  const [reason, setReason] = useState(draft?.fields.text ?? (rewrite === true ? entry.text : ''));
  const autosave = useDraft(clientId, 'annotation', { annotationKind: kind, text: reason }, {
    ...(draft === undefined ? {} : { id: draft.id }), entryId: entry.id, enabled: mayKeepDrafts(),
  });
  const save = useApiMutation({
    mutationFn: async () => {
      const body = { kind, reason } as BodyOf<'/api/clients/{clientId}/entries/{entryId}/annotations'>;
      await dataOf(server.POST('/api/clients/{clientId}/entries/{entryId}/annotations', { params: { path: { clientId, entryId: entry.id } }, body }));
      await autosave.finish().catch(() => undefined);
    },
    invalidates: () => timelineKeys(clientId),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submitWith(() => save.mutate())} className="subform" data-testid={rewrite === true ? 'rewrite' : 'annotate'}>
      {rewrite === true && (
        <p className="hint">
          Een dossierregel verandert nooit: zo blijft zichtbaar wat er stond (Jeugdwet 7.3.8; BW 7:454). Uw nieuwe tekst komt als aantekening
          bij deze regel te staan, naast de oorspronkelijke tekst.
        </p>
      )}
      <Select label="Soort aantekening" value={kind} onChange={setKind} options={ANNOTATION_KINDS} />
      <TextArea
        label={rewrite === true ? 'Nieuwe tekst' : 'Aantekening'}
        value={reason}
        onChange={setReason}
        required
        rows={rewrite === true ? 6 : 3}
        hint={rewrite === true ? 'Pas de tekst aan. Wat u wijzigt, komt als aantekening bij de regel.' : 'Wat klopt er niet, wat is verouderd, of wat wilt u aanvullen?'}
      />
      <p className="draft-line" aria-live="polite">{saveLine(autosave.save)}</p>
      <ProblemBox problem={problemOf(save.error)} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>{rewrite === true ? 'Opslaan als aantekening' : 'Aantekening opslaan'}</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            autosave.close();
            onCancel();
          }}
        >Sluiten (concept bewaren)
        </button>
      </div>
    </form>
  );
}
