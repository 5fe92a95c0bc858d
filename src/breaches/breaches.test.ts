/**
 * The data breach register (AVG 33–34; DOMAIN §6): privacy officer only, the
 * 72-hour deadline for the Autoriteit Persoonsgegevens with the time left,
 * notified or not with the reason, clients informed or not; an emergency
 * access judged unjustified opens a draft breach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, TEST_NOW, type Harness, type TestEmployee } from '../test-support/harness.js';
import { notificationDeadline } from './breach-deadline.js';

describe('notificationDeadline (pure, AVG 33(1): 72 hours after becoming aware)', () => {
  const discovered = new Date('2026-11-20T16:30:00+01:00'); // a Friday: the weekend does not extend it
  it('runs 72 clock hours from discovery, weekends included', () => {
    expect(notificationDeadline(discovered, discovered)).toMatchObject({ deadline: '2026-11-23T15:30:00.000Z', minutesLeft: 72 * 60, overdue: false, text: 'nog 72 uur en 0 minuten' });
    expect(notificationDeadline(discovered, new Date('2026-11-23T16:29:30+01:00'))).toMatchObject({ minutesLeft: 0, overdue: false });
  });
  it('says how late once passed', () => {
    expect(notificationDeadline(discovered, new Date('2026-11-23T18:35:00+01:00'))).toMatchObject({ minutesLeft: -125, overdue: true, text: '2 uur en 5 minuten te laat' });
  });
  it('counts across the change to winter time in real hours (UTC instants)', () => {
    expect(notificationDeadline(new Date('2026-10-24T12:00:00+02:00'), new Date('2026-10-24T12:00:00+02:00')).deadline).toBe('2026-10-27T10:00:00.000Z');
  });
});

describe('the breach register', () => {
  let h: Harness;
  let officer: string;
  let holder: TestEmployee;
  let clientId: string;
  beforeAll(async () => {
    h = await createHarness();
    holder = await h.employee({ role: 'care-professional' });
    clientId = await h.client({ age: 14, holder });
    officer = await h.login(await h.employee({ role: 'privacy-officer' }));
  });
  afterAll(() => h.close());

  it('registers a breach with its deadline and time left; only the privacy officer (AVG 33(5))', async () => {
    const body = { description: 'Laptop met exportbestand gestolen', discoveredAt: '2026-11-21T10:00:00+01:00', clientIds: [clientId], risk: 'high-risk' };
    expect((await h.request({ method: 'POST', url: '/api/privacy/breaches', cookie: await h.login(holder), body })).statusCode).toBe(403);
    const created = await h.request({ method: 'POST', url: '/api/privacy/breaches', cookie: officer, body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'open', clientIds: [clientId], risk: 'high-risk',
      apNotification: { deadline: '2026-11-24T09:00:00.000Z', minutesLeft: 48 * 60, overdue: false, notified: null },
      clientsInformed: { informed: null },
    });
    // The affected client is logged as seen by the privacy officer (NEN 7513).
    const [row] = await h.database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit.access_log WHERE client_id = $1 AND action = 'review-log'`, [clientId]);
    expect(row!.n).toBeGreaterThan(0);
  });

  it('keeps its free texts sealed in the database, also after an update, and shows them to the privacy officer', async () => {
    const body = { description: 'Mail over Jesse verstuurd aan verkeerde ouder', discoveredAt: '2026-11-21T10:00:00+01:00', clientIds: [clientId], risk: 'risk', riskAssessment: 'Adres van moeder zichtbaar' };
    const created = (await h.request({ method: 'POST', url: '/api/privacy/breaches', cookie: officer, body })).json();
    const updated = await h.request({ method: 'PATCH', url: `/api/privacy/breaches/${created.id}`, cookie: officer, body: { riskAssessment: 'Hoog: geheim adres gelekt' } });
    expect(updated.json()).toMatchObject({ description: body.description, riskAssessment: 'Hoog: geheim adres gelekt' });
    const [stored] = await h.database.db.query<{ description: string | null; risk_assessment: string | null; content: Buffer }>(
      'SELECT description, risk_assessment, content FROM org.data_breaches WHERE id = $1', [created.id]);
    expect(stored).toMatchObject({ description: null, risk_assessment: null });
    const raw = stored!.content.toString('latin1');
    for (const plain of ['Jesse', 'geheim adres', 'moeder']) expect(raw).not.toContain(plain);
  });

  it('not notifying the AP or not informing clients needs a reason (AVG 33(5), 34(3))', async () => {
    const list = await h.request({ method: 'GET', url: '/api/privacy/breaches', cookie: officer });
    const id = list.json<{ breaches: { id: string }[] }>().breaches[0]!.id;
    const noReason = await h.request({ method: 'PATCH', url: `/api/privacy/breaches/${id}`, cookie: officer, body: { apNotification: { notified: false } } });
    expect(noReason.statusCode).toBe(400);
    const notified = await h.request({ method: 'PATCH', url: `/api/privacy/breaches/${id}`, cookie: officer, body: {
      apNotification: { notified: true, at: '2026-11-22T09:00:00+01:00' }, clientsInformed: { informed: false, reason: 'Versleuteld; geen risico voor de cliënt.' },
    } });
    expect(notified.statusCode).toBe(200);
    expect(notified.json()).toMatchObject({
      apNotification: { notified: true, notifiedAt: '2026-11-22T08:00:00.000Z' },
      clientsInformed: { informed: false, reason: 'Versleuteld; geen risico voor de cliënt.' },
    });
    const unknown = await h.request({ method: 'PATCH', url: '/api/privacy/breaches/00000000-0000-4000-8000-000000000000', cookie: officer, body: { risk: 'risk' } });
    expect(unknown.statusCode).toBe(404);
    const future = await h.request({ method: 'POST', url: '/api/privacy/breaches', cookie: officer, body: { description: 'Morgen', discoveredAt: '2027-01-01T10:00:00Z', clientIds: [], risk: 'risk' } });
    expect(future.statusCode).toBe(400);
  });

  it('an emergency access judged unjustified opens a draft breach naming the client (AVG 33; 003 §2.2.8)', async () => {
    const outsider = await h.employee({ role: 'care-professional' });
    await h.request({ method: 'POST', url: `/api/clients/${clientId}/emergency-access`, cookie: await h.login(outsider), body: { reason: 'Even kijken hoe het met haar gaat.' } });
    const queue = await h.request({ method: 'GET', url: '/api/privacy/emergency-reviews', cookie: officer });
    const access = queue.json<{ accesses: { id: string; employee: { id: string } }[] }>().accesses.find((a) => a.employee.id === outsider.id)!;
    await h.request({ method: 'POST', url: `/api/privacy/emergency-reviews/${access.id}`, cookie: officer, body: { justified: false, note: 'Geen noodsituatie.' } });
    const breaches = (await h.request({ method: 'GET', url: '/api/privacy/breaches', cookie: officer })).json<{ breaches: { status: string; emergencyAccessId: string | null; clientIds: string[]; discoveredAt: string }[] }>().breaches;
    const draft = breaches.find((b) => b.emergencyAccessId === access.id);
    expect(draft).toMatchObject({ status: 'draft', clientIds: [clientId], discoveredAt: TEST_NOW.toISOString() });
  });
});
