/**
 * Personal work notes (003 §2.3.13): the professional's own memory aids about
 * a client, outside the dossier, seen by nobody else and destroyed after
 * their expiry. "Move into dossier" makes one a real entry, from then on
 * under the client's rights.
 */
import { useState } from 'react';
import { api, get, post, toProblem, type Problem } from '../../shared/api';
import { Link, Loading, ProblemBox, Select, TextArea, useLoad, useSubmit, ConfirmButton } from '../../shared/components';
import { ENTRY_KINDS, SOURCE_KINDS, formatDate } from '../../shared/labels';

interface Note { id: string; clientId: string; text: string; createdAt: string; expiresAt: string }

/** All my notes, on their own page. */
export function WorkNotesPage() {
  const list = useLoad(() => get<{ notes: Note[] }>('/api/work-notes'), []);
  return (
    <>
      <h1>Mijn werkaantekeningen</h1>
      <p className="lead">Alleen u ziet deze aantekeningen. Ze horen niet bij het dossier en worden na de vervaldatum vernietigd.</p>
      {list.loading && <Loading what="Werkaantekeningen" />}
      <ProblemBox problem={list.problem} />
      {list.data !== undefined && <NoteList notes={list.data.notes} onChanged={list.reload} showClient />}
    </>
  );
}

/** My notes about one client, with a form for a new one (on the client overview). */
export function ClientWorkNotes({ clientId }: { clientId: string }) {
  const list = useLoad(() => get<{ notes: Note[] }>('/api/work-notes'), []);
  const [text, setText] = useState('');
  const save = useSubmit(() => post(`/api/clients/${clientId}/work-notes`, { text }), () => {
    setText('');
    list.reload();
  });
  const mine = (list.data?.notes ?? []).filter((n) => n.clientId === clientId);
  return (
    <section className="card" aria-labelledby="notes-title" data-testid="work-notes">
      <h2 id="notes-title">Mijn werkaantekeningen</h2>
      <p className="hint">Alleen voor uzelf, buiten het dossier. Na 30 dagen vernietigd.</p>
      <NoteList notes={mine} onChanged={list.reload} />
      <form onSubmit={(e) => void save.submit(e)}>
        <TextArea label="Nieuwe werkaantekening" value={text} onChange={setText} required rows={2} />
        <ProblemBox problem={save.problem} />
        <button type="submit" disabled={save.busy}>Bewaren</button>
      </form>
    </section>
  );
}

function NoteList({ notes, onChanged, showClient }: { notes: Note[]; onChanged: () => void; showClient?: boolean }) {
  if (notes.length === 0) return <p>Geen werkaantekeningen.</p>;
  return <ul className="plain">{notes.map((n) => <NoteItem key={n.id} note={n} onChanged={onChanged} showClient={showClient === true} />)}</ul>;
}

function NoteItem({ note: n, onChanged, showClient }: { note: Note; onChanged: () => void; showClient: boolean }) {
  const [moving, setMoving] = useState(false);
  const [kind, setKind] = useState('conversation-report');
  const [source, setSource] = useState('care-professional');
  const [problem, setProblem] = useState<Problem>();
  const act = (promise: Promise<unknown>) => {
    setProblem(undefined);
    promise.then(onChanged, (e: unknown) => setProblem(toProblem(e)));
  };
  return (
    <li className="card">
      <p>{n.text}</p>
      <p className="hint">
        Geschreven {formatDate(n.createdAt.slice(0, 10))}, vernietigd na {formatDate(n.expiresAt.slice(0, 10))}.
        {showClient && <> <Link to={`/clienten/${n.clientId}`}>Naar de cliënt</Link></>}
      </p>
      <ProblemBox problem={problem} />
      {moving
        ? (
            <div>
              <Select label="Soort dossierregel" value={kind} onChange={setKind} options={ENTRY_KINDS} />
              <Select label="Bron" value={source} onChange={setSource} options={SOURCE_KINDS} />
              <button type="button" onClick={() => act(post(`/api/work-notes/${n.id}/move-into-dossier`, { kind, source: { kind: source } }))}>In het dossier zetten</button>
            </div>
          )
        : (
            <div className="actions">
              <button type="button" className="secondary" onClick={() => setMoving(true)}>In het dossier zetten…</button>
              <ConfirmButton question="Deze werkaantekening vernietigen? Dit kan niet ongedaan worden gemaakt." confirm="Ja, vernietigen" onConfirm={() => act(api('DELETE', `/api/work-notes/${n.id}`))}>Vernietigen</ConfirmButton>
            </div>
          )}
    </li>
  );
}
