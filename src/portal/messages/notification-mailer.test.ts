/**
 * The notification mailer against an in-process SMTP server (smtp-server): each address gets its own e-mail with
 * only the fixed text and the URL; a server that is down makes one log line without addresses, and never throws.
 */
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyOf, startTestSmtp, type TestSmtp } from '../../test-support/test-smtp.js';
import { NotificationMailer, noticeText } from './notification-mailer.js';

const logs: { level: string; obj: object; msg: string }[] = [];
const log = { info: (obj: object, msg: string) => logs.push({ level: 'info', obj, msg }), warn: (obj: object, msg: string) => logs.push({ level: 'warn', obj, msg }) };
const settings = (port: number) => ({ host: '127.0.0.1', port, secure: false, requireTls: false, user: undefined, password: undefined, from: 'Dossierwijzer <no-reply@example.nl>', timeoutSeconds: 5 });

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => smtp.close());

describe('NotificationMailer', () => {
  it('sends each address its own e-mail with the fixed text and the URL only', async () => {
    const mailer = new NotificationMailer(settings(smtp.port), { portal: 'https://dossier.example.nl/portaal/berichten', staff: 'https://dossier.example.nl/' }, log);
    mailer.enqueue({ kind: 'to-team', to: ['a@example.nl', 'b@example.nl'] });
    mailer.enqueue({ kind: 'to-portal', to: ['ouder@example.nl'] });
    await mailer.close();
    expect(smtp.received.map((r) => r.to)).toEqual([['a@example.nl'], ['b@example.nl'], ['ouder@example.nl']]);
    expect(bodyOf(smtp.received[2]!.raw).headers).toContain('Subject: Er is een nieuw bericht voor u');
    expect(bodyOf(smtp.received[2]!.raw).text).toBe(noticeText('to-portal', 'https://dossier.example.nl/portaal/berichten').text.replace(/\n/g, '\r\n'));
    expect(bodyOf(smtp.received[0]!.raw).text).toBe(noticeText('to-team', 'https://dossier.example.nl/').text.replace(/\n/g, '\r\n'));
    expect(logs.filter((l) => l.level === 'info')).toHaveLength(2);
    expect(JSON.stringify(logs)).not.toContain('@example.nl');
  });

  it('the two texts vary only by the URL', () => {
    for (const kind of ['to-team', 'to-portal'] as const) {
      expect(noticeText(kind, 'U1').text.replace('U1', 'U2')).toBe(noticeText(kind, 'U2').text);
      expect(noticeText(kind, 'U1').subject).toBe(noticeText(kind, 'U2').subject);
    }
  });

  it('a server that is down: one warning without addresses, enqueue never throws', async () => {
    const closed: Server = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    logs.length = 0;
    const mailer = new NotificationMailer(settings(port), { portal: 'p', staff: 's' }, log);
    expect(() => mailer.enqueue({ kind: 'to-portal', to: ['geheim@example.nl'] })).not.toThrow();
    await mailer.close();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ level: 'warn', obj: { event: 'message-notification-failed', failed: 1 } });
    expect(JSON.stringify(logs)).not.toContain('geheim');
  });

  it('without an SMTP server configured, nothing is queued', async () => {
    const mailer = new NotificationMailer(undefined, { portal: 'p', staff: 's' }, log);
    expect(mailer.enabled).toBe(false);
    mailer.enqueue({ kind: 'to-team', to: ['x@example.nl'] });
    await mailer.close();
  });
});
