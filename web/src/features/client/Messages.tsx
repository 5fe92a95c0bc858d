/**
 * Messages through the portal (issue 19 item 6): the conversations of the client or a relation with the care team.
 * Each message is also a correspondence entry of the dossier. Whoever the engine lets record in the dossier answers;
 * the server decides reading and answering again (403 with the engine's explanation).
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { download } from '../../shared/api';
import { apiPath, dataOf, server, type ResponseOf } from '../../shared/api-client';
import { ProblemBox } from '../../shared/components';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';

type Conversations = ResponseOf<'/api/clients/{clientId}/messages'>;
type Thread = Conversations['threads'][number];
type Message = Thread['messages'][number];
type AttachmentRef = Message['attachments'][number];
type Limits = Conversations['limits'];

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function Answer({ clientId, thread, limits }: { clientId: string; thread: Thread; limits: Limits }) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File>();
  const tooLarge = file !== undefined && file.size > limits.attachmentMaxBytes;
  const send = useApiMutation({
    mutationFn: async () => dataOf(server.POST('/api/clients/{clientId}/messages/{accountId}', {
      params: { path: { clientId, accountId: thread.accountId } },
      body: { text, ...(file === undefined ? {} : { attachment: { name: file.name, contentBase64: await readBase64(file) } }) },
    })),
    // The conversation, and the dossier's timeline (each message is a correspondence entry).
    invalidates: () => [queryKeys.messages(clientId), queryKeys.entries(clientId).slice(0, 3)],
    onSuccess: () => {
      setText('');
      setFile(undefined);
    },
  });
  const id = `answer-${thread.accountId}`;
  return (
    <form onSubmit={submitWith(() => send.mutate())}>
      <label htmlFor={id}>Antwoord aan {thread.with}</label>
      <textarea id={id} value={text} maxLength={limits.textMaxChars} onChange={(e) => setText(e.target.value)} required rows={3} />
      <label htmlFor={`${id}-file`}>Bijlage (PDF, PNG of JPEG, hoogstens {Math.floor(limits.attachmentMaxBytes / 1024)} kB)</label>
      <input id={`${id}-file`} type="file" accept={limits.attachmentTypes.join(',')} onChange={(e) => setFile(e.target.files?.[0])} />
      {tooLarge && <p className="error" role="alert">Dit bestand is te groot.</p>}
      <p className="hint">Het bericht komt in het dossier als correspondentie. De ontvanger krijgt een e-mail dat er een nieuw bericht is, zonder inhoud.</p>
      <ProblemBox problem={problemOf(send.error)} />
      <button type="submit" disabled={send.isPending || tooLarge || text.trim() === ''}>Versturen</button>
    </form>
  );
}

/** The employee's own address for "er is een nieuw bericht" (opt-in; the e-mail never holds client data). */
function NoticeAddress() {
  const current = useQuery({
    queryKey: queryKeys.messageNotifications,
    queryFn: () => dataOf(server.GET('/api/me/message-notifications')),
  });
  const [email, setEmail] = useState<string>();
  const shown = email ?? current.data?.email ?? '';
  const save = useApiMutation({
    mutationFn: () => dataOf(server.PUT('/api/me/message-notifications', { body: { email: shown.trim() === '' ? null : shown.trim() } })),
    invalidates: () => [queryKeys.messageNotifications],
    onSuccess: () => setEmail(undefined),
  });
  return (
    <form onSubmit={submitWith(() => save.mutate())}>
      <label htmlFor="notice-address">Mail mij als er een nieuw bericht is (leeg: geen e-mail)</label>
      <input id="notice-address" type="email" value={shown} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
      <p className="hint">De e-mail zegt alleen dat er een nieuw bericht is, nooit van wie of waarover.</p>
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" className="secondary" disabled={save.isPending}>Opslaan</button>
    </form>
  );
}

export function MessagesCard({ client, me }: { client: ClientDetail; me: Me }) {
  const load = useQuery({
    queryKey: queryKeys.messages(client.id),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/messages', { params: { path: { clientId: client.id } } })),
  });
  const mayAnswer = mayDo(me, client, Act.recordEntry);
  const [problem, setProblem] = useState<string>();
  async function fetchAttachment(message: Message, attachment: AttachmentRef) {
    setProblem(undefined);
    try {
      await download(apiPath('/api/clients/{clientId}/messages/{messageId}/attachments/{attachmentId}', { clientId: client.id, messageId: message.id, attachmentId: attachment.id }),
        attachment.name, () => undefined);
    } catch {
      setProblem('De bijlage kon niet worden opgehaald.');
    }
  }
  return (
    <section className="card" aria-labelledby="messages-title">
      <h2 id="messages-title">Berichten via het portaal</h2>
      <ProblemBox problem={problemOf(load.error)} />
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
            ? <Answer clientId={client.id} thread={thread} limits={load.data.limits} />
            : <NotYours title="Antwoorden" decision={mayAnswer} />}
        </article>
      ))}
      <NoticeAddress />
    </section>
  );
}
