/**
 * E-mail notifications of new portal messages (issue 19 item 6), over the configured SMTP server (nodemailer).
 *
 * An e-mail never contains client data: no name, no text, no subject that tells what the care is about — only that
 * something new is waiting and the address where to read it. The two texts below are the only ones sent, with the
 * URL the only variable.
 *
 * Sending never blocks or fails the request: a notice is queued after the message's transaction committed (the
 * route's onResponse, see message-routes.ts) and sent in the background, one at a time; a failure is logged once
 * per notice with the SMTP error's code only (no address, which is personal data).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { MessageSettings } from '../../config/config.js';

/** Who is told: the care team (a portal user wrote) or the portal user (the team answered). */
export type NoticeKind = 'to-team' | 'to-portal';

export interface Notice {
  kind: NoticeKind;
  /** The addresses; each gets its own e-mail (no one sees another's address). */
  to: readonly string[];
}

/** The e-mail for one notice kind: subject and plain text, with the URL where to read. Nothing else varies. */
export function noticeText(kind: NoticeKind, url: string): { subject: string; text: string } {
  return kind === 'to-portal'
    ? {
        subject: 'Er is een nieuw bericht voor u',
        text: `Hallo,\n\nEr is een nieuw bericht voor u van het team dat u helpt.\nLog in om het te lezen: ${url}\n\n`
          + 'In deze e-mail staat met opzet niets over u of over de hulp. Zo blijft dat veilig.\n\n'
          + 'There is a new message for you. Log in to read it.\n',
      }
    : {
        subject: 'Er is een nieuw bericht in Dossierwijzer',
        text: `Hallo,\n\nEr is een nieuw bericht via het portaal voor een cliënt van wie u in het behandelteam zit.\nLog in om het te lezen: ${url}\n\n`
          + 'In deze e-mail staan met opzet geen gegevens van de cliënt.\n\n'
          + 'There is a new portal message for a client in your care team. Log in to read it.\n',
      };
}

interface Log {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** The notices' queue and its SMTP transport; `enqueue` returns at once. */
export class NotificationMailer {
  private readonly transport: Transporter | undefined;
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    private readonly settings: MessageSettings['smtp'],
    private readonly urls: { portal: string; staff: string },
    private readonly log: Log,
  ) {
    this.transport = settings === undefined
      ? undefined
      : nodemailer.createTransport({
          host: settings.host, port: settings.port, secure: settings.secure, requireTLS: settings.requireTls && !settings.secure,
          ignoreTLS: !settings.requireTls && !settings.secure,
          ...(settings.user === undefined ? {} : { auth: { user: settings.user, pass: settings.password ?? '' } }),
          connectionTimeout: settings.timeoutSeconds * 1000, greetingTimeout: settings.timeoutSeconds * 1000, socketTimeout: settings.timeoutSeconds * 1000,
        });
  }

  /** Whether notices are sent at all (an SMTP server is configured). */
  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /** Queues a notice (nothing when no SMTP server is configured or nobody is to be told). Never throws. */
  enqueue(notice: Notice): void {
    const transport = this.transport;
    if (transport === undefined || notice.to.length === 0 || this.settings === undefined) return;
    const { subject, text } = noticeText(notice.kind, notice.kind === 'to-portal' ? this.urls.portal : this.urls.staff);
    const from = this.settings.from;
    this.pending += 1;
    this.queue = this.queue.then(async () => {
      let failed = 0;
      let code: string | undefined;
      for (const to of notice.to) {
        try {
          await transport.sendMail({ from, to, subject, text });
        } catch (err) {
          failed += 1;
          code ??= (err as { code?: string; responseCode?: number }).code ?? String((err as { responseCode?: number }).responseCode ?? 'unknown');
        }
      }
      // Logged once per notice, with counts and the error's code: never an address, never anything about the client.
      if (failed > 0) this.log.warn({ event: 'message-notification-failed', kind: notice.kind, failed, of: notice.to.length, code }, 'e-mail notification of a new message failed');
      else this.log.info({ event: 'message-notification-sent', kind: notice.kind, count: notice.to.length }, 'e-mail notification of a new message sent');
    }).finally(() => {
      this.pending -= 1;
    });
  }

  /** Resolves when every queued notice was tried (tests; shutdown). */
  async drain(): Promise<void> {
    while (this.pending > 0) await this.queue;
  }

  async close(): Promise<void> {
    await this.drain();
    this.transport?.close();
  }
}
