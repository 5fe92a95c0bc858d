/**
 * The portal's dossier view and "who has seen my dossier" (issue 19 items 2 and 3), through HTTP with portal
 * sessions: a 14-year-old and her mother see different things (a conversation report under the agreement, a passage
 * shielded from the mother — Jeugdwet 7.3.10, 7.3.11; 003 §3.1); only released entries show (the organisation's days,
 * the holder's release); on the 16th birthday the mother's inspection is refused until the young person consents
 * (Jeugdwet 7.3.11; BW 7:457); a father without custody gets general information only (BW 1:377c); a relation whose
 * custody ended is refused with the engine's explanation; another client's entry is 404; the access log names who,
 * when, what and why in Dutch, an emergency access with its review (NEN 7513; AVG 15).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../../test-support/harness.js';
import { createPortalAccount, portalLogin, portalRequest } from '../../test-support/portal-fixture.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let clientId: string;
let otherClientId: string;
let otherEntryId: string;
let reportId: string;
let planId: string;
let waitingId: string;
const accounts: Record<'young' | 'mother' | 'father' | 'ended', string> = { young: '', mother: '', father: '', ended: '' };
const SECRET = 'Geheimeweg 12';

const post = async <T>(url: string, body: unknown, cookie = holderCookie): Promise<T> => {
  const r = await h.request({ method: 'POST', url, cookie, body });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return (r.body === '' ? undefined : r.json<T>()) as T;
};
const relation = (client: string, body: Record<string, unknown>) =>
  post<{ id: string }>(`/api/clients/${client}/relations`, { establishedHow: 'gezagsregister', validFrom: '2026-01-05', ...body });
const entry = (client: string, body: Record<string, unknown>) => post<{ id: string }>(`/api/clients/${client}/entries`, { source: { kind: 'care-professional' }, ...body });
const release = (client: string, id: string) => post(`/api/clients/${client}/entries/${id}/portal-release`, { decision: 'release' });
const portal = async (who: keyof typeof accounts, url: string) => portalRequest(h, { method: 'GET', url, cookie: await portalLogin(h, { accountId: accounts[who] }) });

interface ShownEntry { shown: true; id: string; text: string; kindLabel: string; recordedOnText: string; releasedOnText: string }
interface Dossier {
  reader: { name: string; role: string };
  entries: (ShownEntry | { shown: false; withheld: { ground: string; basis: string[] } })[];
  notYetReleased: { count: number; nextVisibleOnText: string | null; explanation: string };
}

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional', name: 'Hanna Houder' });
  holderCookie = await h.login(holder);
  clientId = await h.client({ age: 14, holder });
  const mother = await relation(clientId, { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Moeder', givenNames: 'Mia' });
  const father = await relation(clientId, { relation: 'parent', hasCustody: false, familyName: 'Vader', givenNames: 'Frank' });
  const ended = await relation(clientId, { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Eerder', givenNames: 'Els' });
  await post(`/api/clients/${clientId}/relations/${ended.id}/end`, { validTo: '2026-06-30' });
  await post(`/api/clients/${clientId}/agreements`, { agreement: 'no-conversation-reports-to-parents', agreedOn: '2026-01-05' });
  reportId = (await entry(clientId, { kind: 'conversation-report', text: 'Sam vertelde over school.' })).id;
  const planText = `Doel: weer naar school. Sam woont bij vader op de ${SECRET}.`;
  planId = (await entry(clientId, { kind: 'plan', text: planText })).id;
  const start = planText.indexOf(SECRET);
  await post(`/api/clients/${clientId}/entries/${planId}/shieldings`, {
    kind: 'shielded-from', passage: { start, end: start + SECRET.length }, shieldedFrom: [mother.id], reason: 'Adres van vader afgeschermd',
  });
  waitingId = (await entry(clientId, { kind: 'conversation-report', text: 'Nog niet besproken.' })).id;
  await release(clientId, reportId);
  await release(clientId, planId);
  accounts.young = (await createPortalAccount(h, { clientId, createdBy: holder })).accountId;
  accounts.mother = (await createPortalAccount(h, { clientId, relationId: mother.id, createdBy: holder })).accountId;
  accounts.father = (await createPortalAccount(h, { clientId, relationId: father.id, createdBy: holder })).accountId;
  accounts.ended = (await createPortalAccount(h, { clientId, relationId: ended.id, createdBy: holder })).accountId;
  otherClientId = await h.client({ age: 14, holder });
  otherEntryId = (await entry(otherClientId, { kind: 'plan', text: 'Een ander plan.' })).id;
}, 180_000);
afterAll(async () => {
  h.clock.reset();
  await h?.close();
});

describe('the portal\'s dossier view (issue 19 item 2)', () => {
  it('the young person of 14 sees her conversation report and the plan, not the entry that is not released yet', async () => {
    const r = await portal('young', '/api/portal/dossier');
    expect(r.statusCode, r.body).toBe(200);
    const view = r.json<Dossier>();
    expect(view.reader.role).toBe('U zelf');
    const shown = view.entries.filter((e): e is ShownEntry => e.shown);
    expect(shown.map((e) => e.id).sort()).toEqual([reportId, planId].sort());
    expect(shown.find((e) => e.id === planId)!.text).toContain(SECRET);
    expect(shown.every((e) => !e.id.includes(waitingId))).toBe(true);
    expect(view.notYetReleased.count).toBe(1);
    expect(view.notYetReleased.explanation).toMatch(/komt op \d+ [a-z]+ 2026/);
    // Dates in words, never a raw code.
    expect(shown[0]!.recordedOnText).toMatch(/^\d+ [a-z]+ \d{4}$/);
  });

  it('her mother sees the plan with the passage shielded from her, and the conversation report only as withheld with the reason (the agreement)', async () => {
    const r = await portal('mother', '/api/portal/dossier');
    expect(r.statusCode, r.body).toBe(200);
    const view = r.json<Dossier>();
    expect(view.reader.role).toMatch(/ouder met gezag/i);
    const plan = view.entries.find((e): e is ShownEntry => e.shown && e.id === planId)!;
    expect(plan.text).not.toContain(SECRET);
    expect(plan.text).toContain('[…afgeschermd…]');
    expect(view.entries.some((e) => e.shown && e.id === reportId)).toBe(false);
    const withheld = view.entries.filter((e): e is { shown: false; withheld: { ground: string; basis: string[] } } => !e.shown);
    expect(withheld.length).toBeGreaterThan(0);
    expect(withheld[0]!.withheld.ground.length).toBeGreaterThan(20);
    // One entry: the report is a 403 with the reason, the plan is hers.
    expect((await portal('mother', `/api/portal/dossier/entries/${reportId}`)).statusCode).toBe(403);
    expect((await portal('mother', `/api/portal/dossier/entries/${planId}`)).statusCode).toBe(200);
  });

  it('an entry not yet released is a 403 with the day it comes; another client\'s entry is 404', async () => {
    const waiting = await portal('young', `/api/portal/dossier/entries/${waitingId}`);
    expect(waiting.statusCode).toBe(403);
    expect(waiting.json<{ nl: string }>().nl).toContain('komt op');
    expect((await portal('young', `/api/portal/dossier/entries/${otherEntryId}`)).statusCode).toBe(404);
  });

  it('a father without custody is refused the dossier with the engine\'s explanation, and gets general information (BW 1:377c)', async () => {
    const refused = await portal('father', '/api/portal/dossier');
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ nl: string; basis: string[] }>().nl.length).toBeGreaterThan(20);
    const info = await portal('father', '/api/portal/general-information');
    expect(info.statusCode, info.body).toBe(200);
    const body = info.json<{ goals: { text: string }[]; careStartedOnText: string | null }>();
    expect(body.goals.length).toBe(1);
    // The plan's passage is about the father's address here, not shielded from him; the conversation reports are not general information.
    expect(body.goals[0]!.text).toContain('Doel: weer naar school');
    expect(body.careStartedOnText).toBe('5 januari 2026');
  });

  it('a relation whose custody ended is refused with the engine\'s explanation (403)', async () => {
    const r = await portal('ended', '/api/portal/dossier');
    expect(r.statusCode).toBe(403);
    expect(r.json<{ nl: string }>().nl.length).toBeGreaterThan(20);
  });
});

describe('on the 16th birthday (issue 19: age changes take effect on the day itself)', () => {
  it('the mother of a young person turning 16 inspects the day before and is refused on the birthday until the young person consents', async () => {
    const client = await h.client({ age: 15, holder });
    const [born] = await h.database.db.query<{ birth_date: string }>('SELECT birth_date::text AS birth_date FROM formal.clients WHERE id = $1', [client]);
    const mother = await relation(client, { relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'M', givenNames: 'Moeder' });
    await release(client, (await entry(client, { kind: 'plan', text: 'Plan.' })).id);
    const account = await createPortalAccount(h, { clientId: client, relationId: mother.id, createdBy: holder });
    const birthday = `${Number(born!.birth_date.slice(0, 4)) + 16}${born!.birth_date.slice(4)}`;
    try {
      h.clock.now = new Date(`${birthday}T12:00:00+01:00`);
      h.clock.advance(-24 * 60 * 60 * 1000);
      const before = await portalRequest(h, { method: 'GET', url: '/api/portal/dossier', cookie: await portalLogin(h, account) });
      expect(before.statusCode, before.body).toBe(200);
      h.clock.now = new Date(`${birthday}T12:00:00+01:00`);
      const on = await portalRequest(h, { method: 'GET', url: '/api/portal/dossier', cookie: await portalLogin(h, account) });
      expect(on.statusCode).toBe(403);
      expect(on.json<{ nl: string }>().nl).toMatch(/16|toestemming/);
    } finally {
      h.clock.reset();
    }
  });
});

describe('who has seen my dossier (issue 19 item 3)', () => {
  it('names who, when, what and on what basis in Dutch; an emergency access stands out with its review; the portal\'s own rows are summarised', async () => {
    const outsider = await h.employee({ role: 'care-professional', name: 'Olaf Nood' });
    const cookie = await h.login(outsider);
    const opened = await post<{ accessId: string }>(`/api/clients/${clientId}/emergency-access`, { reason: 'Crisis op de groep, medicatie nodig.' }, cookie);
    await post(`/api/clients/${clientId}/emergency-access/${opened.accessId}/confirm`, undefined, cookie);
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).statusCode).toBe(200);
    await portal('young', '/api/portal/dossier');
    await portal('young', '/api/portal/dossier');

    const r = await portal('young', '/api/portal/access-log');
    expect(r.statusCode, r.body).toBe(200);
    const log = r.json<{ lines: { who: { name: string; function: string }; atText: string; what: string; action: string; basis: string; count: number; emergency: { outcome: string } | null }[] }>();
    const holderLine = log.lines.find((l) => l.who.name === 'Hanna Houder')!;
    expect(holderLine.basis).toBe('Behandelrelatie');
    expect(holderLine.atText).toMatch(/^\d+ [a-z]+ \d{4} om \d\d:\d\d$/);
    const emergency = log.lines.find((l) => l.who.name === 'Olaf Nood' && l.emergency !== null)!;
    expect(emergency.basis).toBe('Noodtoegang');
    expect(emergency.emergency!.outcome).toContain('beoordeelt nog');
    const own = log.lines.filter((l) => l.who.name === 'U zelf');
    expect(own.some((l) => l.count > 1)).toBe(true);
    const mother = log.lines.find((l) => l.who.name.includes('Moeder'));
    expect(mother?.who.function).toContain('portaal');
    // Never a raw code.
    for (const l of log.lines) expect(`${l.what} ${l.action} ${l.basis}`).not.toMatch(/[a-z]+-[a-z]+/);
  });

  it('is refused to the father without custody (general information only), with the engine\'s explanation', async () => {
    expect((await portal('father', '/api/portal/access-log')).statusCode).toBe(403);
  });
});
