/**
 * The privacy officer's desk (issue 15 item 8; NEN 7513 §7): a client's log found by name, grouped per session
 * (one line per employee and log-in, not per call), filtered, exported as CSV and XLSX with Dutch heads and labels
 * and no raw codes; names in the disclosure and breach registers; the officer's view of the requests dashboard.
 * The refusals of every other role are in authorisation-matrix.test.ts; here the ones a desk must not leak.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let officer: TestEmployee;
let clientId: string;
let holderCookie: string;
let officerCookie: string;
let otherCookie: string;

/** Codes a person must never read in an export (the access log's raw vocabulary). */
const RAW_CODES = /\b(care-relation|administrative-task|not-found|allowed|denied|review-log|administrative-data|privacy-officer|care-professional)\b/;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional', name: 'Noor Visser' });
  officer = await h.employee({ role: 'privacy-officer', name: 'Aisha Bakker' });
  const other = await h.employee({ role: 'care-professional', name: 'Karel Smit' });
  clientId = await h.client({ age: 15, holder, familyName: 'Deskman' });
  holderCookie = await h.login(holder);
  officerCookie = await h.login(officer);
  otherCookie = await h.login(other);
  // One session of the holder: three calls on the dossier.
  for (let i = 0; i < 3; i++) expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: holderCookie })).statusCode).toBe(200);
  // Another employee without a relation is refused.
  expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: otherCookie })).statusCode).toBe(403);
});
afterAll(async () => h.close());

interface Session { employee: { name: string | null }; calls: number; outcomes: string[]; bases: string[]; refused: boolean }

describe('the access log on the privacy officer\'s desk', () => {
  it('finds the client by part of the name, not the id, and logs the client shown', async () => {
    const found = await h.request({ method: 'POST', url: '/api/privacy/access-log/clients', cookie: officerCookie, body: { name: 'deskm' } });
    expect(found.statusCode).toBe(200);
    expect(found.json<{ clients: { id: string; name: string; birthYear: number }[] }>().clients).toEqual([{ id: clientId, name: 'Sam Deskman', birthYear: expect.any(Number) }]);
    const [row] = await h.database.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit.access_log WHERE client_id = $1 AND employee_id = $2`, [clientId, officer.id]);
    expect(row!.n).toBeGreaterThan(0);
  });

  it('groups one log-in\'s calls into one line, with names, and filters by employee and outcome', async () => {
    const all = await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log/sessions`, cookie: officerCookie });
    expect(all.statusCode).toBe(200);
    const body = all.json<{ client: { name: string }; employees: { name: string }[]; sessions: Session[] }>();
    expect(body.client.name).toBe('Sam Deskman');
    const holderReads = body.sessions.filter((s) => s.employee.name === 'Noor Visser' && s.bases.includes('care-relation') && !s.refused);
    expect(holderReads.length).toBe(1);
    expect(holderReads[0]!.calls).toBeGreaterThanOrEqual(3);
    expect(body.employees.map((e) => e.name)).toEqual(expect.arrayContaining(['Noor Visser', 'Karel Smit']));

    const refused = await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log/sessions?outcome=denied`, cookie: officerCookie });
    const lines = refused.json<{ sessions: Session[] }>().sessions;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((s) => s.outcomes.every((o) => o === 'denied'))).toBe(true);
    expect(lines.map((s) => s.employee.name)).toContain('Karel Smit');

    const byEmployee = await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log/sessions?employee=${holder.id}&basis=care-relation`, cookie: officerCookie });
    expect(byEmployee.json<{ sessions: Session[] }>().sessions.every((s) => s.employee.name === 'Noor Visser')).toBe(true);

    const future = await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log/sessions?from=2099-01-01`, cookie: officerCookie });
    expect(future.json<{ sessions: Session[] }>().sessions).toEqual([]);
  });

  it('refuses an unknown outcome or basis as a 400 with a Dutch message, never a 500', async () => {
    const bad = await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log/sessions?basis=whatever`, cookie: officerCookie });
    expect(bad.statusCode).toBe(400);
  });

  it('exports CSV with Dutch heads, Dutch labels, dates in words and no raw codes', async () => {
    const csv = await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log/export?format=csv`, cookie: officerCookie });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const text = csv.body;
    expect(text).toContain('Toegangslog van Sam Deskman');
    expect(text).toContain('Begin;Einde;Medewerker;Functie');
    expect(text).toContain('Noor Visser');
    expect(text).toContain('Behandelrelatie');
    expect(text).toContain('Geweigerd');
    expect(text).not.toMatch(RAW_CODES);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('exports XLSX with the same Dutch content', async () => {
    const xlsx = await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log/export?format=xlsx&employee=${holder.id}`, cookie: officerCookie });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Toegangslog')!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    const text = cells.join('|');
    expect(text).toContain('Toegangslog van Sam Deskman, medewerker Noor Visser');
    expect(text).toContain('Deel van het dossier');
    expect(text).toContain('Behandelrelatie');
    expect(text).not.toContain('Karel Smit');
    expect(text).not.toMatch(RAW_CODES);
  });

  it('refuses the desk to the care professional who holds the dossier: logs are for those appointed (NEN 7513)', async () => {
    for (const url of [`/api/clients/${clientId}/access-log/sessions`, `/api/clients/${clientId}/access-log/export?format=csv`]) {
      const refused = await h.request({ method: 'GET', url, cookie: holderCookie });
      expect(refused.statusCode).toBe(403);
      expect(refused.body).not.toContain('Karel Smit');
    }
    const find = await h.request({ method: 'POST', url: '/api/privacy/access-log/clients', cookie: holderCookie, body: { name: 'Deskman' } });
    expect(find.statusCode).toBe(403);
  });
});

describe('names in the registers and the officer\'s requests dashboard', () => {
  it('the disclosure register names the client and who recorded it', async () => {
    const recorded = await h.request({
      method: 'POST', url: `/api/clients/${clientId}/disclosures`, cookie: holderCookie,
      body: { recipient: 'Gemeente', basis: 'municipality-billing', part: 'administrative-data', what: 'Declaratie', disclosedOn: '2026-11-21', clientToldBeforehand: true },
    });
    expect(recorded.statusCode).toBe(201);
    const register = await h.request({ method: 'GET', url: '/api/privacy/disclosures', cookie: officerCookie });
    const row = register.json<{ disclosures: { clientId: string; clientName: string; recordedBy: string | null }[] }>().disclosures.find((d) => d.clientId === clientId);
    expect(row).toMatchObject({ clientName: 'Sam Deskman', recordedBy: 'Noor Visser' });
  });

  it('the breach register names the affected clients and who registered it', async () => {
    const created = await h.request({
      method: 'POST', url: '/api/privacy/breaches', cookie: officerCookie,
      body: { description: 'Brief naar verkeerd adres', discoveredAt: '2026-11-21T10:00:00+01:00', clientIds: [clientId], risk: 'risk' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ clients: [{ id: clientId, name: 'Sam Deskman' }], createdBy: 'Aisha Bakker' });
  });

  it('the privacy officer sees every open request with its deadline, the client logged', async () => {
    const received = await h.request({
      method: 'POST', url: `/api/clients/${clientId}/requests`, cookie: holderCookie,
      body: { kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Inzage.' },
    });
    expect(received.statusCode, received.body).toBe(201);
    const list = await h.request({ method: 'GET', url: '/api/privacy/requests', cookie: officerCookie });
    expect(list.statusCode).toBe(200);
    const row = list.json<{ requests: { clientId: string; clientName: string; kind: string; deadline: string }[] }>().requests.find((r) => r.clientId === clientId);
    expect(row).toMatchObject({ clientName: 'Sam Deskman', kind: 'inspect', deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await h.request({ method: 'GET', url: '/api/privacy/requests', cookie: holderCookie })).statusCode).toBe(403);
  });
});
