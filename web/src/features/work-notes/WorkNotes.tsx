/**
 * Personal work notes (003 §2.3.13): the professional's own memory aids about
 * a client, outside the dossier, seen by nobody else and destroyed after
 * their expiry. "Move into dossier" makes one a real entry, from then on
 * under the client's rights.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf, type ResponseOf } from '../../shared/api-client';
import { Link, Loading, ProblemBox, Select, TextArea, ConfirmButton } from '../../shared/components';
import { ENTRY_KINDS, SOURCE_KINDS, formatDate } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';

type Note = ResponseOf<'/api/work-notes'>['notes'][number];
type Move = BodyOf<'/api/work-notes/{noteId}/move-into-dossier'>;

/** My own work notes (all clients), shared by the page and each client's card. */
function useMyNotes() {
  return useQuery({ queryKey: queryKeys.workNotes, queryFn: () => dataOf(server.GET('/api/work-notes')) });
}

/** All my notes, on their own page. */
export function WorkNotesPage() {
  const list = useMyNotes();
  return (
    <>
      <h1>Mijn werkaantekeningen</h1>
      <p className="lead">Alleen u ziet deze aantekeningen. Ze horen niet bij het dossier en worden na de vervaldatum vernietigd.</p>
      {list.isPending && <Loading what="Werkaantekeningen" />}
      <ProblemBox problem={problemOf(list.error)} />
      {list.data !== undefined && <NoteList notes={list.data.notes} showClient />}
    </>
  );
}

/** My notes about one client, with a form for a new one (on the client overview). */
export function ClientWorkNotes({ clientId }: { clientId: string }) {
  const list = useMyNotes();
  const [text, setText] = useState('');
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/work-notes', { params: { path: { clientId } }, body: { text } })),
    invalidates: () => [queryKeys.workNotes],
    onSuccess: () => setText(''),
  });
  const mine = (list.data?.notes ?? []).filter((n) => n.clientId === clientId);
  return (
    <section className="card" aria-labelledby="notes-title" data-testid="work-notes">
      <h2 id="notes-title">Mijn werkaantekeningen</h2>
      <p className="hint">Alleen voor uzelf, buiten het dossier. Na 30 dagen vernietigd.</p>
      <NoteList notes={mine} />
      <form onSubmit={submitWith(() => save.mutate())}>
        <TextArea label="Nieuwe werkaantekening" value={text} onChange={setText} required rows={2} />
        <ProblemBox problem={problemOf(save.error)} />
        <button type="submit" disabled={save.isPending}>Bewaren</button>
      </form>
    </section>
  );
}

function NoteList({ notes, showClient }: { notes: Note[]; showClient?: boolean }) {
  if (notes.length === 0) return <p>Geen werkaantekeningen.</p>;
  return <ul className="plain">{notes.map((n) => <NoteItem key={n.id} note={n} showClient={showClient === true} />)}</ul>;
}

function NoteItem({ note: n, showClient }: { note: Note; showClient: boolean }) {
  const [moving, setMoving] = useState(false);
  const [kind, setKind] = useState<Move['kind']>('conversation-report');
  const [source, setSource] = useState<Move['source']['kind']>('care-professional');
  const noteId = n.id;
  // Moved into the dossier, the note becomes an entry: the client's cards (timeline) refresh with my notes.
  const move = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/work-notes/{noteId}/move-into-dossier', { params: { path: { noteId } }, body: { kind, source: { kind: source } } })),
    invalidates: () => [queryKeys.workNotes, queryKeys.client(n.clientId)],
  });
  const destroy = useApiMutation({
    mutationFn: () => dataOf(server.DELETE('/api/work-notes/{noteId}', { params: { path: { noteId } } })),
    invalidates: () => [queryKeys.workNotes],
  });
  return (
    <li className="card">
      <p>{n.text}</p>
      <p className="hint">
        Geschreven {formatDate(n.createdAt.slice(0, 10))}, vernietigd na {formatDate(n.expiresAt.slice(0, 10))}.
        {showClient && <> <Link to={`/clienten/${n.clientId}`}>Naar de cliënt</Link></>}
      </p>
      <ProblemBox problem={problemOf(move.error ?? destroy.error)} />
      {moving
        ? (
            <div>
              <Select label="Soort dossierregel" value={kind} onChange={(v) => setKind(v as Move['kind'])} options={ENTRY_KINDS} />
              <Select label="Bron" value={source} onChange={(v) => setSource(v as Move['source']['kind'])} options={SOURCE_KINDS} />
              <button type="button" disabled={move.isPending} onClick={() => move.mutate()}>In het dossier zetten</button>
            </div>
          )
        : (
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setMoving(true)}>In het dossier zetten…</button>
              <ConfirmButton question="Deze werkaantekening vernietigen? Dit kan niet ongedaan worden gemaakt." confirm="Ja, vernietigen" onConfirm={() => destroy.mutate()}>Vernietigen</ConfirmButton>
            </div>
          )}
    </li>
  );
}
