/**
 * Secure messages between a portal user and the care team (issue 19 item 6): a message is a correspondence entry of
 * the dossier (sealed under the client's key, append-only, destroyed with the dossier); the team reads and answers on
 * the client page, the portal user through /api/portal/messages; attachments are told by their bytes; e-mail
 * notifications never hold client data and never fail a request. Refused: administrative staff, a manager, an intern
 * the client objected to (403 with the engine's explanation, logged), a portal user of another client (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../../test-support/harness.js';
import { createPortalLogin, portalRequest, type PortalTestLogin } from '../../test-support/portal-fixture.js';
import { JPEG, PDF } from '../../test-support/sample-files.js';
import { asOwner } from '../../test-support/test-database.js';
import { bodyOf, startTestSmtp, type TestSmtp } from '../../test-support/test-smtp.js';
import { mailerOf } from './message-routes.js';
import { noticeText } from './notification-mailer.js';

const CLIENT_NAME = 'Zwaluwstaart';
const MOTHER_NAME = 'Merelhof';
const SECRET = 'Sanne slaapt slecht sinds de verhuizing';

let h: Harness;
let smtp: TestSmtp;
let holder: TestEmployee;
let holderCookie: string;
let memberCookie: string;
let clientId: string;
let mother: PortalTestLogin;

const b64 = (bytes: Buffer) => bytes.toString('base64');

async function drained(): Promise<void> {
  await mailerOf(h.app.server, h.app.deps).drain();
}

async function count(table: string): Promise<number> {
  return (await asOwner(h.database, (owner) => owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE client_id = $1`, [clientId])))[0]!.n;
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  h = await createHarness({ DW_SMTP_HOST: '127.0.0.1', DW_SMTP_PORT: String(smtp.port), DW_SMTP_REQUIRE_TLS: 'false', DW_PUBLIC_URL: 'http://dossier.example.nl' });
  holder = await h.employee({ role: 'care-professional', name: 'Hanna Houder' });
  holderCookie = await h.login(holder);
  clientId = await h.client({ age: 14, holder, familyName: CLIENT_NAME });
  const member = await h.employee({ role: 'care-professional', name: 'Mila Lid' });
  await h.relate(clientId, member, 'member');
  memberCookie = await h.login(member);
  const relation = await h.request({ method: 'POST', url: `/api/clients/${clientId}/relations`, cookie: holderCookie, body: {
    relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', familyName: MOTHER_NAME,
    givenNames: 'Anna', establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  } });
  expect(relation.statusCode, relation.body).toBe(201);
  mother = await createPortalLogin(h, { clientId, relationId: relation.json<{ id: string }>().id, createdBy: holder });
  for (const cookie of [holderCookie, memberCookie]) {
    const set = await h.request({ method: 'PUT', url: '/api/me/message-notifications', cookie, body: { email: cookie === holderCookie ? 'houder@example.nl' : 'lid@example.nl' } });
    expect(set.statusCode, set.body).toBe(200);
  }
  const own = await portalRequest(h, { method: 'PUT', url: '/api/portal/messages/notifications', cookie: mother.cookie, body: { email: 'anna@example.nl' } });
  expect(own.statusCode, own.body).toBe(200);
}, 180_000);
afterAll(async () => {
  await h.close();
  await smtp.close();
});

describe('portal messages', () => {
  let messageId: string;
  let attachmentId: string;

  it('a parent sends a message with a PDF: it is in her thread, and the care team is told by e-mail without any client data', async () => {
    const sent = await portalRequest(h, { method: 'POST', url: '/api/portal/messages', cookie: mother.cookie, body: {
      text: SECRET, attachment: { name: 'verklaring.pdf', contentBase64: b64(PDF) },
    } });
    expect(sent.statusCode, sent.body).toBe(201);
    const message = sent.json<{ id: string; from: string; author: string; text: string; attachments: { id: string; mediaType: string; bytes: number }[] }>();
    expect(message).toMatchObject({ from: 'me', author: `Anna ${MOTHER_NAME}`, text: SECRET });
    expect(message.attachments).toEqual([expect.objectContaining({ name: 'verklaring.pdf', mediaType: 'application/pdf', bytes: PDF.length })]);
    messageId = message.id;
    attachmentId = message.attachments[0]!.id;

    const thread = await portalRequest(h, { method: 'GET', url: '/api/portal/messages', cookie: mother.cookie });
    expect(thread.statusCode, thread.body).toBe(200);
    expect(thread.json<{ messages: { id: string }[]; notifications: { email: string } }>()).toMatchObject({ messages: [{ id: messageId }], notifications: { email: 'anna@example.nl' } });

    await drained();
    expect(smtp.received.map((r) => r.to[0]).sort()).toEqual(['houder@example.nl', 'lid@example.nl']);
    for (const mail of smtp.received) {
      const { headers, text } = bodyOf(mail.raw);
      expect(text).toBe(noticeText('to-team', 'http://dossier.example.nl/').text.replace(/\n/g, '\r\n'));
      for (const secret of [CLIENT_NAME, MOTHER_NAME, 'Anna', SECRET, 'verklaring', clientId]) {
        expect(headers + text, secret).not.toContain(secret);
      }
    }
  });

  it('is a correspondence entry of the dossier: sealed, with the parent as its source, append-only in the database', async () => {
    const timeline = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries?kind=correspondence`, cookie: holderCookie });
    expect(timeline.statusCode, timeline.body).toBe(200);
    const [entry] = timeline.json<{ entries: { id: string; text: string; source: { kind: string; description: string }; author: { id: string } }[] }>().entries;
    expect(entry).toMatchObject({ id: messageId, text: SECRET, source: { kind: 'parent', description: `Anna ${MOTHER_NAME}` }, author: { id: holder.id } });
    const raw = await asOwner(h.database, (owner) => owner.query<Record<string, unknown>>(
      `SELECT e.ciphertext, a.ciphertext AS attachment FROM care.entries e JOIN care.message_attachments a ON a.entry_id = e.id WHERE e.id = $1`, [messageId]));
    const dump = JSON.stringify(raw, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v));
    expect(dump).not.toContain('Sanne');
    expect(dump).not.toContain('%PDF');
    await expect(h.database.db.query('UPDATE care.messages SET direction = $1 WHERE entry_id = $2', ['from-team', messageId])).rejects.toThrow(/append-only|permission denied/);
    await expect(h.database.db.query('DELETE FROM care.message_attachments WHERE entry_id = $1', [messageId])).rejects.toThrow(/append-only|permission denied/);
  });

  it('the care team reads the thread and the attachment, answers, and the parent is told by e-mail', async () => {
    const threads = await h.request({ method: 'GET', url: `/api/clients/${clientId}/messages`, cookie: memberCookie });
    expect(threads.statusCode, threads.body).toBe(200);
    const [thread] = threads.json<{ threads: { accountId: string; with: string; unanswered: number; messages: { id: string; from: string }[] }[] }>().threads;
    expect(thread).toMatchObject({ accountId: mother.accountId, with: `Anna ${MOTHER_NAME}`, unanswered: 1, messages: [{ id: messageId, from: 'portal' }] });

    const file = await h.request({ method: 'GET', url: `/api/clients/${clientId}/messages/${messageId}/attachments/${attachmentId}`, cookie: memberCookie });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);

    smtp.received.length = 0;
    const answer = await h.request({ method: 'POST', url: `/api/clients/${clientId}/messages/${mother.accountId}`, cookie: holderCookie, body: {
      text: 'Dank u. Zullen we donderdag bellen?', attachment: { name: 'schema.jpg', contentBase64: b64(JPEG) },
    } });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json()).toMatchObject({ from: 'team', author: 'Hanna Houder (Jeugdhulpverlener)' });
    const after = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/messages`, cookie: holderCookie })).json<{ threads: { unanswered: number }[] }>();
    expect(after.threads[0]!.unanswered).toBe(0);

    const own = (await portalRequest(h, { method: 'GET', url: '/api/portal/messages', cookie: mother.cookie }))
      .json<{ messages: { from: string; author: string; text: string; attachments: { id: string }[]; id: string }[] }>();
    expect(own.messages.map((m) => m.from)).toEqual(['me', 'team']);
    const reply = own.messages[1]!;
    expect(reply.text).toBe('Dank u. Zullen we donderdag bellen?');
    const download = await portalRequest(h, { method: 'GET', url: `/api/portal/messages/${reply.id}/attachments/${reply.attachments[0]!.id}`, cookie: mother.cookie });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');

    await drained();
    expect(smtp.received.map((r) => r.to)).toEqual([['anna@example.nl']]);
    const { text } = bodyOf(smtp.received[0]!.raw);
    expect(text).toBe(noticeText('to-portal', 'http://dossier.example.nl/portaal/berichten').text.replace(/\n/g, '\r\n'));
    expect(text).not.toContain('donderdag');
  });

  it('an attachment that is not what it claims: 400 problem+json in Dutch and English, logged, nothing stored', async () => {
    const before = [await count('care.entries'), await count('care.messages'), await count('care.message_attachments')];
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const refused = await portalRequest(h, { method: 'POST', url: '/api/portal/messages', cookie: mother.cookie, body: {
      text: 'Hierbij de brief', attachment: { name: 'brief.pdf', contentBase64: b64(exe) },
    } });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'attachment-not-allowed' });
    expect(refused.json<{ nl: string; en: string }>().nl).toContain('PDF');
    expect(refused.json<{ en: string }>().en).toContain('PDF');
    expect([await count('care.entries'), await count('care.messages'), await count('care.message_attachments')]).toEqual(before);
    const [row] = await asOwner(h.database, (owner) => owner.query<{ outcome: string; route: string }>(
      'SELECT outcome, route FROM audit.access_log WHERE client_id = $1 ORDER BY seq DESC LIMIT 1', [clientId]));
    expect(row).toMatchObject({ route: 'POST /api/portal/messages' });
    expect(row!.outcome).not.toBe('allowed');
    expect(h.logs.join('')).not.toContain('Hierbij de brief');
  });

  it('refuses administrative staff, a manager and an intern the client objected to, with the engine\'s explanation, logged', async () => {
    const intern = await h.employee({ role: 'intern' });
    await h.relate(clientId, intern, 'intern');
    const objection = await h.request({ method: 'POST', url: `/api/clients/${clientId}/access-facts`, cookie: holderCookie, body: { fact: 'client-objects-to-interns' } });
    expect(objection.statusCode, objection.body).toBeLessThan(300);
    const admin = await h.employee({ role: 'admin-staff' });
    const manager = await h.employee({ role: 'manager' });
    for (const employee of [admin, manager, intern]) {
      const cookie = await h.login(employee);
      for (const call of [
        { method: 'GET' as const, url: `/api/clients/${clientId}/messages` },
        { method: 'POST' as const, url: `/api/clients/${clientId}/messages/${mother.accountId}`, body: { text: 'Mag ik meelezen?' } },
        { method: 'GET' as const, url: `/api/clients/${clientId}/messages/${messageId}/attachments/${attachmentId}` },
      ]) {
        const response = await h.request({ ...call, cookie });
        expect(response.statusCode, `${employee.role} ${call.method} ${call.url}`).toBe(403);
        expect(response.json<{ nl: string; basis: unknown[] }>().nl.length).toBeGreaterThan(20);
        const [row] = await h.database.db.query<{ outcome: string; employee_id: string }>('SELECT outcome, employee_id FROM audit.access_log ORDER BY seq DESC LIMIT 1');
        expect(row).toEqual({ outcome: 'denied', employee_id: employee.id });
      }
    }
  });

  it('a portal user of another client sees none of it (404), and the team cannot answer a thread that does not exist', async () => {
    const otherClient = await h.client({ age: 15, holder });
    const other = await createPortalLogin(h, { clientId: otherClient, createdBy: holder });
    const download = await portalRequest(h, { method: 'GET', url: `/api/portal/messages/${messageId}/attachments/${attachmentId}`, cookie: other.cookie });
    expect(download.statusCode).toBe(404);
    const list = await portalRequest(h, { method: 'GET', url: '/api/portal/messages', cookie: other.cookie });
    expect(list.json<{ messages: unknown[] }>().messages).toEqual([]);
    const stranger = await h.request({ method: 'POST', url: `/api/clients/${clientId}/messages/${other.accountId}`, cookie: holderCookie, body: { text: 'Hallo' } });
    expect(stranger.statusCode).toBe(404);
    // A staff session never opens the portal's routes, a portal session never the staff's.
    expect((await h.request({ method: 'GET', url: '/api/portal/messages', cookie: holderCookie })).statusCode).toBe(401);
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/messages`, cookie: mother.cookie })).statusCode).toBe(401);
  });

  it('an SMTP server that is down never fails the request; the failure is logged once, without addresses or client data', async () => {
    await smtp.close();
    const marker = h.logs.length;
    const sent = await portalRequest(h, { method: 'POST', url: '/api/portal/messages', cookie: mother.cookie, body: { text: 'Nog een vraag over Sanne' } });
    expect(sent.statusCode, sent.body).toBe(201);
    await drained();
    const written = h.logs.slice(marker).join('');
    expect(written.match(/message-notification-failed/g)).toHaveLength(1);
    for (const secret of ['Sanne', CLIENT_NAME, MOTHER_NAME, '@example.nl']) expect(written).not.toContain(secret);
    smtp = await startTestSmtp(); // for afterAll
  });

  it('destroying the dossier takes the messages, their attachments and read marks with the entries', async () => {
    expect(await count('care.messages')).toBeGreaterThan(0);
    await asOwner(h.database, (owner) => owner.query(
      `INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status, decided_by, decided_at)
       VALUES ($1, $2, '2000-01-01', '2020-01-01', 'confirmed', $3, now())`, [clientId, h.organisationId, holder.id]));
    await h.database.db.query('SELECT care.destroy_dossier($1, $2, $3, NULL, NULL, $4)', [clientId, h.organisationId, 'retention-expired', holder.id]);
    expect([await count('care.entries'), await count('care.messages'), await count('care.message_attachments'), await count('care.message_reads')]).toEqual([0, 0, 0, 0]);
  });
});
