/**
 * Messages with the care team (issue 19 item 6): this account's thread, oldest first (GET /api/portal/messages),
 * and a form to write one with an attachment (PDF, PNG or JPEG up to the server's limit, which the thread's answer
 * names). The server checks the attachment's bytes; the form only says what is allowed before sending. The e-mail
 * address for "there is a new message" is set here too (PUT …/notifications); such an e-mail never holds client data.
 */
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { TextArea } from '../../shared/components';
import { submitWith, useApiMutation } from '../../shared/query';
import { Done, Dutch, PortalLoading, PortalProblem } from '../components';
import { apiPath, dataOf, portal, portalDownload, problemFrom, type Problem } from '../portal-api';
import { portalKeys } from '../portal-query';
import { NoticeAddress } from './NoticeAddress';
import type { PortalMe } from '../portal-types';
import { dateWords, useLanguage } from '../texts/catalogue';

const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** The file's bytes as base64, in chunks (a spread of a large array would overflow the stack). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function MessagesPage(_props: { me: PortalMe }) {
  const { t, language } = useLanguage();
  const words = dateWords(language);
  const thread = useQuery({ queryKey: portalKeys.messages, queryFn: () => dataOf(portal.GET('/api/portal/messages')) });
  const limits = { data: thread.data?.limits };
  const [text, setText] = useState('');
  const [file, setFile] = useState<File>();
  const [sent, setSent] = useState(false);
  const [fileProblem, setFileProblem] = useState<Problem>();
  const fileInput = useRef<HTMLInputElement>(null);
  const send = useApiMutation({
    mutationFn: async () => dataOf(portal.POST('/api/portal/messages', {
      body: {
        text: text.trim(),
        ...(file === undefined ? {} : { attachment: { name: file.name, contentBase64: await base64Of(file) } }),
      },
    })),
    invalidates: () => [portalKeys.messages],
    onSuccess: () => {
      setText('');
      setFile(undefined);
      if (fileInput.current !== null) fileInput.current.value = '';
      setSent(true);
    },
  });
  const submit = submitWith(() => {
    setSent(false);
    send.mutate();
  });
  const types = (limits.data?.attachmentTypes ?? ['application/pdf', 'image/png', 'image/jpeg']).map((m) => TYPE_NAMES[m] ?? t.common.unknown).join(', ');
  const max = limits.data?.attachmentMaxBytes ?? 2 * 1024 * 1024;

  return (
    <>
      <h1>{t.messages.title}</h1>
      <p className="lead">{t.messages.lead}</p>
      {thread.isPending && <PortalLoading what={t.messages.title} />}
      <PortalProblem problem={thread.error === null ? undefined : problemFrom(thread.error)} />
      {thread.data !== undefined && (
        <section aria-labelledby="thread-title">
          <h2 id="thread-title" className="sr-only">{t.messages.threads}</h2>
          {thread.data.messages.length === 0 && <p>{t.messages.none}</p>}
          <ol className="portal-thread" data-testid="thread">
            {thread.data.messages.map((m) => (
              <li key={m.id} className={m.from === 'me' ? 'portal-mine' : undefined} data-testid="message">
                <p className="meta">{t.messages.from(m.from === 'me' ? t.messages.you : m.author, words.moment(m.sentAt))}</p>
                <p className="portal-text">{m.from === 'me' ? m.text : <Dutch>{m.text}</Dutch>}</p>
                {m.attachments.length > 0 && (
                  <ul className="plain">
                    {m.attachments.map((a) => (
                      <li key={a.id}>
                        <button
                          type="button"
                          className="link-button"
                          onClick={() => {
                            setFileProblem(undefined);
                            portalDownload(apiPath('/api/portal/messages/{messageId}/attachments/{attachmentId}', { messageId: m.id, attachmentId: a.id }), a.name).catch((error: unknown) => setFileProblem(problemFrom(error)));
                          }}
                        >
                          {a.name}
                        </button> <span className="hint">({TYPE_NAMES[a.mediaType] ?? t.common.unknown}, {sizeText(a.bytes)})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          <PortalProblem problem={fileProblem} />
        </section>
      )}
      {sent && <Done>{t.messages.sent}</Done>}
      <form className="card" aria-labelledby="write-title" onSubmit={submit} data-testid="write-message">
        <h2 id="write-title">{t.messages.newThread}</h2>
        <TextArea label={t.messages.body} value={text} onChange={setText} required rows={5} />
        <div className="field">
          <label htmlFor="portal-attachment">{t.messages.attach}</label>
          <p className="hint" id="portal-attachment-hint">{t.messages.attachHint(types, sizeText(max))}</p>
          <input
            id="portal-attachment"
            ref={fileInput}
            type="file"
            aria-describedby="portal-attachment-hint"
            accept={(limits.data?.attachmentTypes ?? ['application/pdf', 'image/png', 'image/jpeg']).join(',')}
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </div>
        <PortalProblem problem={send.error === null ? undefined : problemFrom(send.error)} title={t.messages.failed} />
        <button type="submit" disabled={send.isPending}>{t.messages.send}</button>
      </form>
      {thread.data !== undefined && <NoticeAddress address={thread.data.notifications.email} />}
    </>
  );
}
