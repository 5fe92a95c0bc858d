/**
 * Messages through the portal (issue 19 item 6): the conversations of the client or a relation with the care team.
 * Each message is also a correspondence entry of the dossier. Whoever the engine lets record in the dossier answers;
 * the server decides reading and answering again (403 with the engine's explanation).
 */
import { useState } from 'react';
import { api, download, get, post } from '../../shared/api';
import { ProblemBox, useLoad, useSubmit } from '../../shared/components';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';

interface AttachmentRef { id: string; name: string; mediaType: string; bytes: number }
interface Message { id: string; from: 'portal' | 'team'; author: string; sentOn: string; text: string; attachments: AttachmentRef[]; readByOtherSide: boolean }
interface Thread { accountId: string; with: string; unanswered: number; messages: Message[] }
interface Limits { attachmentMaxBytes: number; attachmentTypes: string[]; textMaxChars: number }

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function Answer({ clientId, thread, limits, onSent }: { clientId: string; thread: Thread; limits: Limits; onSent: () => void }) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File>();
  const tooLarge = file !== undefined && file.size > limits.attachmentMaxBytes;
  const send = useSubmit(async () => post(`/api/clients/${clientId}/messages/${thread.accountId}`, {
    text, ...(file === undefined ? {} : { attachment: { name: file.name, contentBase64: await readBase64(file) } }),
  }), () => {
    setText('');
    setFile(undefined);
    onSent();
  });
  const id = `answer-${thread.accountId}`;
  return (
    <form onSubmit={(e) => void send.submit(e)}>
      <label htmlFor={id}>Antwoord aan {thread.with}</label>
      <textarea id={id} value={text} maxLength={limits.textMaxChars} onChange={(e) => setText(e.target.value)} required rows={3} />
      <label htmlFor={`${id}-file`}>Bijlage (PDF, PNG of JPEG, hoogstens {Math.floor(limits.attachmentMaxBytes / 1024)} kB)</label>
      <input id={`${id}-file`} type="file" accept={limits.attachmentTypes.join(',')} onChange={(e) => setFile(e.target.files?.[0])} />
      {tooLarge && <p className="error" role="alert">Dit bestand is te groot.</p>}
      <p className="hint">Het bericht komt in het dossier als correspondentie. De ontvanger krijgt een e-mail dat er een nieuw bericht is, zonder inhoud.</p>
      <ProblemBox problem={send.problem} />
      <button type="submit" disabled={send.busy || tooLarge || text.trim() === ''}>Versturen</button>
    </form>
  );
}

/** The employee's own address for "er is een nieuw bericht" (opt-in; the e-mail never holds client data). */
function NoticeAddress() {
  const current = useLoad(() => get<{ email: string | null }>('/api/me/message-notifications'), []);
  const [email, setEmail] = useState<string>();
  const shown = email ?? current.data?.email ?? '';
  const save = useSubmit(() => api<{ email: string | null }>('PUT', '/api/me/message-notifications', { email: shown.trim() === '' ? null : shown.trim() }), () => {
    setEmail(undefined);
    current.reload();
  });
  return (
    <form onSubmit={(e) => void save.submit(e)}>
      <label htmlFor="notice-address">Mail mij als er een nieuw bericht is (leeg: geen e-mail)</label>
      <input id="notice-address" type="email" value={shown} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
      <p className="hint">De e-mail zegt alleen dat er een nieuw bericht is, nooit van wie of waarover.</p>
      <ProblemBox problem={save.problem} />
      <button type="submit" className="secondary" disabled={save.busy}>Opslaan</button>
    </form>
  );
}

export function MessagesCard({ client, me }: { client: ClientDetail; me: Me }) {
  const load = useLoad(() => get<{ threads: Thread[]; limits: Limits }>(`/api/clients/${client.id}/messages`), [client.id]);
  const mayAnswer = mayDo(me, client, Act.recordEntry);
  const [problem, setProblem] = useState<string>();
  async function fetchAttachment(message: Message, attachment: AttachmentRef) {
    setProblem(undefined);
    try {
      await download(`/api/clients/${client.id}/messages/${message.id}/attachments/${attachment.id}`, attachment.name, () => undefined);
    } catch {
      setProblem('De bijlage kon niet worden opgehaald.');
    }
  }
  return (
    <section className="card" aria-labelledby="messages-title">
      <h2 id="messages-title">Berichten via het portaal</h2>
      <ProblemBox problem={load.problem} />
      {problem !== undefined && <p className="error" role="alert">{problem}</p>}
      {load.data?.threads.length === 0 && <p>Er zijn nog geen berichten van de cliënt of een ouder via het portaal.</p>}
      {load.data?.threads.map((thread) => (
        <article key={thread.accountId} data-testid="message-thread">
          <h3>{thread.with}{thread.unanswered > 0 && <> — <strong>{thread.unanswered === 1 ? '1 bericht wacht op antwoord' : `${thread.unanswered} berichten wachten op antwoord`}</strong></>}</h3>
          <ol className="messages">
            {thread.messages.map((message) => (
              <li key={message.id} className={message.from === 'team' ? 'from-team' : 'from-portal'}>
                <p className="hint">{message.author}, {message.sentOn}</p>
                <p style={{ whiteSpace: 'pre-wrap' }}>{message.text}</p>
                {message.attachments.map((a) => (
                  <button key={a.id} type="button" className="link" onClick={() => void fetchAttachment(message, a)}>Bijlage: {a.name} ({Math.max(1, Math.round(a.bytes / 1024))} kB)</button>
                ))}
              </li>
            ))}
          </ol>
          {mayAnswer.outcome === 'allow'
            ? <Answer clientId={client.id} thread={thread} limits={load.data!.limits} onSent={load.reload} />
            : <NotYours title="Antwoorden" decision={mayAnswer} />}
        </article>
      ))}
      <NoticeAddress />
    </section>
  );
}
