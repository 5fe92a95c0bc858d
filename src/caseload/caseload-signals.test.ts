/**
 * The caseload with signals over HTTP (issue 15 item 9): the holder's clients in the order of attention, each signal
 * in Dutch with dates in words; only the caller's own caseload; the facts read with one query per signal kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let cookie: string;
let lateId: string;
let quietId: string;
let breakId: string;

interface Client { id: string; signals: { kind: string; urgency: number; text: string }[] }
const caseload = async (as = cookie) => (await h.request({ method: 'GET', url: '/api/caseload/signals', cookie: as })).json<{ clients: Client[] }>().clients;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
  const post = async (url: string, body: unknown, as = cookie) => h.request({ method: 'POST', url, cookie: as, body });
  // Quiet: 17, consented, a plan this month.
  quietId = await h.client({ age: 17, holder, familyName: 'Rustig' });
  expect((await post(`/api/clients/${quietId}/consents`, { kind: 'care', givenBy: 'client', givenOn: '2026-11-01', informationGiven: 'Uitleg over de hulp.' })).statusCode).toBe(201);
  expect((await post(`/api/clients/${quietId}/entries`, { kind: 'plan', text: 'Doelen: school, vrienden.', source: { kind: 'care-professional' } })).statusCode).toBe(201);
  // Late: 17, consented, a plan, an inspection request received 2026-10-01 (deadline passed on 2026-11-01).
  lateId = await h.client({ age: 17, holder, familyName: 'Telaat' });
  expect((await post(`/api/clients/${lateId}/consents`, { kind: 'care', givenBy: 'client', givenOn: '2026-11-01', informationGiven: 'Uitleg over de hulp.' })).statusCode).toBe(201);
  expect((await post(`/api/clients/${lateId}/entries`, { kind: 'plan', text: 'Doelen.', source: { kind: 'care-professional' } })).statusCode).toBe(201);
  expect((await post(`/api/clients/${lateId}/requests`, { kind: 'inspect', channel: 'written', receivedOn: '2026-10-01', details: 'Inzage.' })).statusCode).toBe(201);
  // Broken glass: 14, no care consent at all, no plan, and a colleague without relation opened it in an emergency.
  breakId = await h.client({ age: 14, holder, familyName: 'Nood' });
  const colleague = await h.login(await h.employee({ role: 'care-professional' }));
  const opened = await post(`/api/clients/${breakId}/emergency-access`, { reason: 'Cliënt in crisis op de groep, medicatie nodig.' }, colleague);
  expect(opened.statusCode, opened.body).toBeLessThan(300);
  const accessId = opened.json<{ id?: string; accessId?: string }>().id ?? opened.json<{ accessId: string }>().accessId;
  await post(`/api/clients/${breakId}/emergency-access/${accessId}/confirm`, {}, colleague);
});
afterAll(async () => h.close());

describe('my caseload with signals', () => {
  it('puts the most urgent first: missing consent and a late request before a quiet dossier', async () => {
    const clients = await caseload();
    expect(clients.map((c) => c.id)).toEqual([breakId, lateId, quietId]);
    expect(clients[2]!.signals).toEqual([]);
  });

  it('words each signal in Dutch with dates in words, decided by the engine', async () => {
    const [broken, late] = await caseload();
    expect(broken!.signals.map((s) => s.kind)).toEqual(expect.arrayContaining(['care-consent-missing', 'evaluation-due', 'emergency-access']));
    expect(broken!.signals[0]).toMatchObject({ kind: 'care-consent-missing', urgency: 3 });
    expect(broken!.signals[0]!.text).toBe('Toestemming voor de hulp ontbreekt: de cliënt en de wettelijk vertegenwoordigers.');
    expect(broken!.signals.find((s) => s.kind === 'emergency-access')!.text).toContain('noodtoegang, het laatst op 22 november 2026');
    expect(late!.signals[0]).toMatchObject({ kind: 'request', urgency: 3 });
    expect(late!.signals[0]!.text).toBe('Verzoek inzage: te laat, had uiterlijk 2 november 2026 moeten worden besloten.');
    for (const c of [broken!, late!]) for (const s of c.signals) expect(s.text).not.toMatch(/\d{4}-\d{2}-\d{2}|care-consent|legal-representatives/);
  });

  it('shows only the caller\'s own caseload: a colleague without relation gets none of these, an administrative employee nothing', async () => {
    const other = await h.login(await h.employee({ role: 'care-professional' }));
    expect(await caseload(other)).toEqual([]);
    const admin = await h.login(await h.employee({ role: 'admin-staff' }));
    expect(await caseload(admin)).toEqual([]);
  });

  it('reads the facts with one query per signal kind, not per client', async () => {
    const statements: string[] = [];
    const db = h.database.db as { query: (sql: string, params?: unknown[]) => Promise<unknown> };
    const original = db.query.bind(db);
    db.query = async (sql: string, params?: unknown[]) => {
      statements.push(sql);
      return original(sql, params);
    };
    try {
      await caseload();
    } finally {
      db.query = original;
    }
    expect(statements.length).toBeGreaterThan(0);
    const about = (table: string) => statements.filter((s) => s.includes(table)).length;
    for (const table of ['org.consents', 'care.competence_assessments', 'org.emergency_accesses']) expect(about(table), table).toBeLessThanOrEqual(1);
  });
});
