/**
 * The caseload's signals once care has ended (issue 15 items 4 and 9): the holder keeps the closed dossier on their
 * caseload (003 §2.1), but nothing about care still to be given is signalled — no missing care consent (Jeugdwet
 * 7.3.4, 7.3.5; BW 7:450, 7:465: consent is for care being given), no consent about to end, no evaluation of a plan
 * (003 §2.3.5) — while an open request still runs to its deadline (AVG 12(3): one month, extendable) and an emergency
 * access to the closed dossier is still for the team to know (003 §2.2.8). The defect: the server computed and
 * served all of them for a client whose care had ended (only the page hid them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let cookie: string;
let clientId: string;

interface Client { id: string; signals: { kind: string; urgency: number; text: string }[] }
const signalsOfClient = async (): Promise<string[] | undefined> => {
  const response = await h.request({ method: 'GET', url: '/api/caseload/signals', cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ clients: Client[] }>().clients.find((c) => c.id === clientId)?.signals.map((s) => s.kind).sort();
};
const post = async (url: string, body: unknown, as = cookie) => h.request({ method: 'POST', url, cookie: as, body });

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
  // 14: care needs the client's and the legal representatives' consent (Jeugdwet 7.3.4 lid 2); only the client's is
  // recorded, ending within the month; no plan; an inspection request received two days ago; a colleague without a
  // relation broke the glass.
  clientId = await h.client({ age: 14, holder, familyName: 'Gestopt' });
  const consent = await post(`/api/clients/${clientId}/consents`, {
    kind: 'care', givenBy: 'client', givenOn: '2026-11-01', validTo: '2026-12-10', informationGiven: 'Uitleg over de hulp.',
  });
  expect(consent.statusCode, consent.body).toBe(201);
  expect((await post(`/api/clients/${clientId}/requests`, { kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Inzage.' })).statusCode).toBe(201);
  const colleague = await h.login(await h.employee({ role: 'care-professional' }));
  const opened = await post(`/api/clients/${clientId}/emergency-access`, { reason: 'Cliënt in crisis op de groep, medicatie nodig.' }, colleague);
  expect(opened.statusCode, opened.body).toBeLessThan(300);
  const accessId = opened.json<{ id?: string; accessId?: string }>().id ?? opened.json<{ accessId: string }>().accessId;
  await post(`/api/clients/${clientId}/emergency-access/${accessId}/confirm`, {}, colleague);
});
afterAll(async () => h.close());

describe('caseload signals after the end of care', () => {
  it('while care runs, every signal is there', async () => {
    expect(await signalsOfClient()).toEqual(['care-consent-missing', 'consent-expiring', 'emergency-access', 'evaluation-due', 'request']);
  });

  it('once care has ended: the open request and the emergency access, not consent or evaluation', async () => {
    const ended = await post(`/api/clients/${clientId}/end-of-care`, { endedOn: '2026-11-21', reason: 'client-stopped' });
    expect(ended.statusCode, ended.body).toBe(201);
    expect(await signalsOfClient()).toEqual(['emergency-access', 'request']);
  });
});
