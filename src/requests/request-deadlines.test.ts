/**
 * Request deadlines as the engine has them, through the API and in the
 * decision letter (issue 16 error 8; AVG 12(3); Jeugdwet 7.3.17; UAVG 35;
 * 003 §4): the appeal term runs six weeks from the day the ANSWER WAS
 * RECEIVED — recorded as a fact, no last day before it — and does not exist
 * after a late decision ("niet aan een termijn gebonden"); an extension
 * counts only when notified within the first month WITH its reasons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { pdfDocumentText } from '../test-support/pdf-text.js';

let h: Harness;
let holder: TestEmployee;
let cookie: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
});
afterAll(async () => h.close());

const post = (url: string, body: unknown = {}) => h.request({ method: 'POST', url, cookie, body });
const get = (url: string) => h.request({ method: 'GET', url, cookie });

async function received(clientId: string, receivedOn: string): Promise<string> {
  const created = await post(`/api/clients/${clientId}/requests`, { kind: 'copy', channel: 'electronic', receivedOn, details: 'Graag een kopie van het dossier.' });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

async function grant(clientId: string, requestId: string): Promise<Record<string, unknown>> {
  const decided = await post(`/api/clients/${clientId}/requests/${requestId}/decision`, { outcome: 'granted', reasons: '' });
  expect(decided.statusCode, decided.body).toBe(200);
  return decided.json();
}

async function letterText(clientId: string, requestId: string): Promise<string> {
  const letter = await get(`/api/clients/${clientId}/requests/${requestId}/letter.pdf`);
  expect(letter.statusCode).toBe(200);
  return pdfDocumentText(letter.rawPayload);
}

describe('the appeal deadline runs from receipt of a timely answer (003 §4)', () => {
  it('an answer in time: no last day until its receipt is recorded, then six weeks from that day — not from the decision', async () => {
    const clientId = await h.client({ age: 15, holder });
    const requestId = await received(clientId, '2026-11-02');
    const decided = await grant(clientId, requestId);
    expect(decided).toMatchObject({
      decision: { decidedOn: '2026-11-22', answerReceivedOn: null, appealDeadline: null },
      deadlines: { decisionDeadline: '2026-12-02', extended: false, late: false, appealDeadline: null },
    });
    const before = await letterText(clientId, requestId);
    expect(before).toContain('Dat moet binnen zes weken nadat u dit antwoord heeft ontvangen (Jeugdwet 7.3.17, UAVG 35).');
    expect(before).not.toContain('uiterlijk op');
    expect(before).not.toContain('niet aan een termijn gebonden');

    // The letter went by post and arrived three days later.
    const url = `/api/clients/${clientId}/requests/${requestId}/answer-received`;
    expect((await post(url, { receivedOn: '2026-11-25' })).json()).toMatchObject({ status: 400, code: 'date-in-future', field: 'receivedOn' });
    expect((await post(url, { receivedOn: '2026-11-21' })).json()).toMatchObject({ status: 400, code: 'answer-before-decision', field: 'receivedOn' });
    expect((await post(url, { receivedOn: '2026-11-22', extra: true })).statusCode).toBe(400); // closed body
    h.clock.advance(3 * 24 * 3600 * 1000);
    try {
      cookie = await h.login(holder);
      const recorded = await post(url, { receivedOn: '2026-11-25' });
      expect(recorded.statusCode, recorded.body).toBe(200);
      // 25 November + 42 days = 6 January 2027, a Wednesday; the old code counted from the decision: 4 January.
      expect(recorded.json()).toMatchObject({ decision: { answerReceivedOn: '2026-11-25', appealDeadline: '2027-01-06' }, deadlines: { appealDeadline: '2027-01-06' } });
      expect(recorded.json().deadlines.explanation).toContain('25 november 2026');
      const twice = await post(url, { receivedOn: '2026-11-25' });
      expect(twice.statusCode).toBe(409);
      expect(twice.headers['content-type']).toContain('application/problem+json');
      const after = await letterText(clientId, requestId);
      expect(after).toContain('dus uiterlijk op 6 januari 2027');
      expect(after).toContain('25 november 2026');
    } finally {
      h.clock.reset();
      cookie = await h.login(holder);
    }
  });

  it('a late answer: no appeal deadline at all, and the letter says the court petition is not bound to a term', async () => {
    const clientId = await h.client({ age: 15, holder });
    const requestId = await received(clientId, '2026-10-01'); // decide by 2 November 2026 (1 November is a Sunday)
    expect((await post(`/api/clients/${clientId}/requests/${requestId}/answer-received`, { receivedOn: '2026-11-22' })).statusCode).toBe(409); // nothing decided yet
    const decided = await grant(clientId, requestId);
    expect(decided).toMatchObject({ deadlines: { decisionDeadline: '2026-11-02', late: true, appealDeadline: null }, decision: { appealDeadline: null } });
    const recorded = await post(`/api/clients/${clientId}/requests/${requestId}/answer-received`, { receivedOn: '2026-11-22' });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ decision: { answerReceivedOn: '2026-11-22', appealDeadline: null }, deadlines: { late: true, appealDeadline: null } });
    expect(recorded.json().deadlines.explanation).toContain('zonder termijn');
    const text = await letterText(clientId, requestId);
    expect(text).toContain('Wij hebben niet binnen de wettelijke termijn beslist: die liep tot en met 2 november 2026.');
    expect(text).toContain('niet aan een termijn gebonden');
    expect(text).not.toContain('binnen zes weken');
    expect(text).not.toContain('uiterlijk op');
  });
});

describe('an extension counts only with its reasons, within the first month (AVG 12(3))', () => {
  it('records the notice with its reasons: the decision deadline is three months, and a decision then is in time', async () => {
    const clientId = await h.client({ age: 15, holder });
    const requestId = await received(clientId, '2026-10-01');
    const extended = await post(`/api/clients/${clientId}/requests/${requestId}/extend`, { noticeSentOn: '2026-10-20', reasons: 'Het dossier beslaat zes jaar hulp en moet eerst op afscherming worden nagekeken.' });
    expect(extended.statusCode, extended.body).toBe(200);
    // 1 January 2027 is New Year's Day (a Friday): the deadline moves to Monday 4 January.
    expect(extended.json()).toMatchObject({
      state: 'extended', deadline: '2027-01-04', extensionNoticeOn: '2026-10-20',
      extension: { noticeSentOn: '2026-10-20', reasons: 'Het dossier beslaat zes jaar hulp en moet eerst op afscherming worden nagekeken.' },
      deadlines: { decisionDeadline: '2027-01-04', extended: true, late: false },
    });
    const dashboard = (await get('/api/requests')).json().requests.find((r: { requestId: string }) => r.requestId === requestId);
    expect(dashboard).toMatchObject({ deadline: '2027-01-04', overdue: false, due: 'decision' });
    // The reasons may describe the client's circumstances: sealed, not in the clear.
    const rows = await h.database.db.query<{ sealed: boolean }>('SELECT extension_reasons_ciphertext IS NOT NULL AS sealed FROM org.requests WHERE id = $1', [requestId]);
    expect(rows).toEqual([{ sealed: true }]);

    const decided = await grant(clientId, requestId);
    expect(decided).toMatchObject({ deadlines: { late: false, extended: true } });
    const recorded = await post(`/api/clients/${clientId}/requests/${requestId}/answer-received`, { receivedOn: '2026-11-22' });
    expect(recorded.json()).toMatchObject({ decision: { appealDeadline: '2027-01-04' } }); // 3 January 2027 is a Sunday
    expect(await letterText(clientId, requestId)).toContain('dus uiterlijk op 4 januari 2027');
  });

  it('refuses a notice without reasons with 400 (problem+json, nl/en) and extends nothing', async () => {
    const clientId = await h.client({ age: 15, holder });
    const requestId = await received(clientId, '2026-11-02');
    const url = `/api/clients/${clientId}/requests/${requestId}/extend`;
    const missing = await post(url, { noticeSentOn: '2026-11-10' });
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const blank = await post(url, { noticeSentOn: '2026-11-10', reasons: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ code: 'extension-reasons-required', field: 'reasons' });
    expect(blank.json().nl).toContain('redenen');
    expect(blank.json().en).toContain('reasons');
    expect((await get(`/api/clients/${clientId}/requests/${requestId}`)).json()).toMatchObject({
      state: 'received', deadline: '2026-12-02', extension: null, deadlines: { decisionDeadline: '2026-12-02', extended: false },
    });
    // And one sent after the first month extends nothing either, reasons or not.
    const lateClient = await h.client({ age: 15, holder });
    const late = await received(lateClient, '2026-09-01');
    const tooLate = await post(`/api/clients/${lateClient}/requests/${late}/extend`, { noticeSentOn: '2026-10-15', reasons: 'Het dossier is erg groot.' });
    expect(tooLate.json()).toMatchObject({ status: 400, code: 'extension-too-late', field: 'noticeSentOn' });
  });
});

describe('a refusal at intake', () => {
  it('gives no fixed appeal date until the answer\'s receipt is recorded', async () => {
    const clientId = await h.client({ age: 9, holder });
    const parent = await post(`/api/clients/${clientId}/relations`, {
      relation: 'parent', hasCustody: false, familyName: 'Ouder', givenNames: 'Sam', establishedHow: 'gezagsregister', validFrom: '2026-01-05',
    });
    const created = await post(`/api/clients/${clientId}/requests`, { kind: 'inspect', requesterRelationId: parent.json().id, channel: 'in-person', receivedOn: '2026-11-20', details: 'Inzage.' });
    expect(created.json()).toMatchObject({ state: 'refused-at-intake', decision: { outcome: 'refused', appealDeadline: null }, deadlines: { late: false } });
    const text = await letterText(clientId, created.json().id);
    expect(text).toContain('binnen zes weken nadat u dit antwoord heeft ontvangen');
    const handedOver = await post(`/api/clients/${clientId}/requests/${created.json().id}/answer-received`, { receivedOn: '2026-11-22' });
    expect(handedOver.json()).toMatchObject({ decision: { appealDeadline: '2027-01-04' } });
  });
});
