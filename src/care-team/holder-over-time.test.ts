/**
 * The dossier holder in effect is the one whose holder membership of the care team is current on the reading day
 * (003 §2.3.1: the dossierhouder is the professional responsible for the dossier; issue 15 item 4's hand-over dated
 * later). The defect: a hand-over dated in the future never reached `care.dossiers.holder_id`, which only a hand-over
 * effective at once updated, so whatever read that column kept the former holder after the day came — a portal
 * user's message was recorded with the former holder as its responsible author. Now every reader derives the holder
 * from the dated memberships on its own day: the client detail, the letter's signatory, the portal message's author.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { pdfDocumentText } from '../test-support/pdf-text.js';
import { createPortalAccount, portalLogin, portalRequest, type PortalTestAccount } from '../test-support/portal-fixture.js';
import { asOwner } from '../test-support/test-database.js';

const DAY = 24 * 3600 * 1000;

let h: Harness;
let first: TestEmployee;
let next: TestEmployee;
let clientId: string;
let account: PortalTestAccount;
let requestId: string;

const get = (url: string, cookie: string) => h.request({ method: 'GET', url, cookie });
const post = (url: string, body: unknown, cookie: string) => h.request({ method: 'POST', url, cookie, body });

/** Whether the client is on the employee's caseload on the clock's day. */
async function caseloadHas(employee: TestEmployee): Promise<boolean> {
  const list = (await get('/api/clients', await h.login(employee))).json<{ clients: { id: string }[] }>().clients;
  return list.some((c) => c.id === clientId);
}

/** What the readers of the holder say on the clock's day, read by `reader` (logged in on that day). */
async function holderAsRead(reader: TestEmployee): Promise<{ detail: string; messageAuthor: string; letter: string }> {
  const cookie = await h.login(reader);
  const detail = (await get(`/api/clients/${clientId}`, cookie)).json<{ dossier: { holder: { id: string } } }>().dossier.holder.id;
  const sent = await portalRequest(h, { method: 'POST', url: '/api/portal/messages', cookie: await portalLogin(h, account), body: { text: 'Mag ik een afspraak maken?' } });
  expect(sent.statusCode, sent.body).toBe(201);
  const messageId = sent.json<{ id: string }>().id;
  const entries = (await get(`/api/clients/${clientId}/entries`, cookie)).json<{ entries: { id: string; author: { id: string } }[] }>().entries;
  const message = entries.find((e) => e.id === messageId);
  expect(message, 'the portal message is a correspondence entry of the dossier').toBeDefined();
  const letter = await get(`/api/clients/${clientId}/requests/${requestId}/letter.pdf`, cookie);
  expect(letter.statusCode, letter.body).toBe(200);
  return { detail, messageAuthor: message!.author.id, letter: await pdfDocumentText(letter.rawPayload) };
}

beforeAll(async () => {
  h = await createHarness();
  first = await h.employee({ role: 'care-professional', name: 'Anouk Eerste' });
  next = await h.employee({ role: 'care-professional', name: 'Bram Volgende' });
  clientId = await h.client({ age: 16, holder: first });
  const cookie = await h.login(first);
  const created = await post(`/api/clients/${clientId}/requests`, { kind: 'copy', channel: 'written', receivedOn: '2026-11-20', details: 'Graag een kopie.' }, cookie);
  expect(created.statusCode, created.body).toBe(201);
  requestId = created.json<{ id: string }>().id;
  expect((await post(`/api/clients/${clientId}/requests/${requestId}/decision`, { outcome: 'granted', reasons: '' }, cookie)).statusCode).toBe(200);
  account = await createPortalAccount(h, { clientId, createdBy: first });
  // Today is 2026-11-22: the dossier goes to Bram from tomorrow; Anouk stays in the team as a member.
  const handed = await post(`/api/clients/${clientId}/care-team/hand-over`, { employeeId: next.id, holderFrom: '2026-11-23', formerHolderStays: true }, cookie);
  expect(handed.statusCode, handed.body).toBe(200);
}, 120_000);
afterAll(async () => {
  h.clock.reset();
  await h.close();
});

describe('the dossier holder follows a hand-over dated later (003 §2.3.1)', () => {
  it('names the former holder until the day, and the new one from that day, wherever the holder is read', async () => {
    const today = await holderAsRead(first);
    expect(today.detail).toBe(first.id);
    expect(today.messageAuthor, 'a portal message today is recorded with the holder of today').toBe(first.id);
    expect(today.letter).toContain('Met vriendelijke groet, Anouk Eerste');
    expect(await caseloadHas(next), 'Bram is not in the team before his first day').toBe(false);

    h.clock.advance(DAY); // 2026-11-23, the hand-over's day: nobody changed anything since
    const then = await holderAsRead(next);
    expect(then.detail).toBe(next.id);
    expect(then.messageAuthor, 'a portal message from the day of the hand-over is recorded with the new holder').toBe(next.id);
    expect(then.letter).toContain('Met vriendelijke groet, Bram Volgende');
    // Bram's caseload has the client from that day (he joined the team as its holder); Anouk's keeps it (a member now).
    expect(await caseloadHas(next)).toBe(true);
    expect(await caseloadHas(first)).toBe(true);
  });

  // Not the defect, a guard for its fix: holder_id is no longer updated by a hand-over, so a dossier whose holder
  // membership ended without a successor must still name its last holder, not the one it was opened with.
  it('names the last holder, not the one the dossier was opened with, on a day without a holder membership', async () => {
    h.clock.reset();
    const gapClient = await h.client({ age: 16, holder: first });
    const handed = await post(`/api/clients/${gapClient}/care-team/hand-over`, { employeeId: next.id, holderFrom: '2026-11-22', formerHolderStays: false }, await h.login(first));
    expect(handed.statusCode, handed.body).toBe(200);
    const membership = handed.json<{ members: { id: string; employee: { id: string }; relation: string; endsOn: string | null }[] }>().members
      .find((m) => m.employee.id === next.id && m.relation === 'holder' && m.endsOn === null);
    // No route ends a holder's membership without a successor any more (holder-integrity.test.ts); a dossier of before
    // that can still have such a gap, so it is made here as it was then.
    await asOwner(h.database, (owner) => owner.query('UPDATE org.care_team SET ends_on = $2 WHERE id = $1', [membership!.id, '2026-11-22']));
    h.clock.advance(DAY); // 2026-11-23: nobody holds the dossier in the care team
    const portal = await createPortalAccount(h, { clientId: gapClient, createdBy: next });
    const sent = await portalRequest(h, { method: 'POST', url: '/api/portal/messages', cookie: await portalLogin(h, portal), body: { text: 'Is er iemand?' } });
    expect(sent.statusCode, sent.body).toBe(201);
    const [row] = await asOwner(h.database, (owner) => owner.query<{ author_id: string }>('SELECT author_id FROM care.entries WHERE id = $1', [sent.json<{ id: string }>().id]));
    expect(row!.author_id).toBe(next.id);
  });
});
