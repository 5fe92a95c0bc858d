/**
 * Find a client, break the glass properly (issue 15 item 7). Before: emergency
 * access needed the client's 36-character id, because a name search outside
 * one's caseload found nothing, and the grant's end was nowhere on the
 * client's pages. Now: POST /api/clients/find searches the whole organisation
 * by part of the name, birth date or BSN; outside the caller's reach it shows
 * only name and birth year (and the id to ask emergency access with), and only
 * to roles that may break the glass in this organisation — never an intern for
 * a client who objected to interns; every client shown is logged. The client's
 * record says until when the caller's own emergency access runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testBsn, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let outsider: TestEmployee;
let outsiderCookie: string;
let theirs: string;
let theirsBsn: string;

const REASON = { reason: 'Cliënt in crisis op de groep, medicatie nodig.' };

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional', name: 'Hanna Houder' });
  outsider = await h.employee({ role: 'care-professional', name: 'Olaf Buiten' });
  outsiderCookie = await h.login(outsider);
  theirsBsn = testBsn();
  const created = await h.request({
    method: 'POST', url: '/api/clients', cookie: await h.login(holder),
    body: {
      bsn: theirsBsn, familyName: 'Vermeulen', givenNames: 'Noor', birthDate: '2011-03-14', gender: 'female',
      streetAddress: 'Kerkstraat 12', postcode: '1234 AB', town: 'Utrecht', phone: '06-11112222', careStartedOn: '2026-01-05',
    },
  });
  theirs = created.json<{ id: string }>().id;
});
afterAll(async () => h.close());

const find = (cookie: string, body: Record<string, unknown>) => h.request({ method: 'POST', url: '/api/clients/find', cookie, body });

async function logRowsFor(employeeId: string, clientId: string): Promise<{ outcome: string; basis: string; part: string; purpose: string | null }[]> {
  return h.database.db.query('SELECT outcome, basis, part, purpose FROM audit.access_log WHERE employee_id = $1 AND client_id = $2 ORDER BY seq', [employeeId, clientId]);
}

describe('finding a client outside the caseload (issue 15)', () => {
  it('shows a care professional only that the client exists — name, birth year and an id — by part of the name, birth date or BSN', async () => {
    for (const body of [{ name: 'vermeul' }, { name: 'Noor Ver' }, { birthDate: '2011-03-14' }, { bsn: theirsBsn }]) {
      const found = await find(outsiderCookie, body);
      expect(found.statusCode, JSON.stringify(body)).toBe(200);
      const hit = found.json<{ clients: Record<string, unknown>[] }>().clients.find((c) => c.id === theirs);
      // Exactly these keys: no birth date, no address, no BSN, no phone.
      expect(hit, JSON.stringify(body)).toEqual({ shown: 'existence', id: theirs, familyName: 'Vermeulen', givenNames: 'Noor', birthYear: 2011 });
    }
  });

  it('shows the holder their own client with the birth date, as in the caseload', async () => {
    const found = await find(await h.login(holder), { name: 'vermeulen' });
    expect(found.json().clients).toContainEqual({
      shown: 'client', id: theirs, familyName: 'Vermeulen', givenNames: 'Noor', birthDate: '2011-03-14', birthYear: 2011, inCaseload: true,
    });
  });

  it('matches birth date and BSN exactly, not in part', async () => {
    expect((await find(outsiderCookie, { birthDate: '2011-03-15' })).json().clients.map((c: { id: string }) => c.id)).not.toContain(theirs);
    const other = testBsn();
    expect((await find(outsiderCookie, { bsn: other })).json().clients).toEqual([]);
  });

  it.each([
    ['nothing', {}],
    ['two criteria at once', { name: 'Noor', birthDate: '2011-03-14' }],
    ['one letter', { name: 'N' }],
    ['two spaces', { name: '  ' }],
    ['a BSN that fails the elfproef', { bsn: '123456780' }],
    ['an unknown field', { town: 'Utrecht' }],
  ])('refuses %s with 400', async (_name, body) => {
    const refused = await find(outsiderCookie, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().nl).toEqual(expect.any(String));
  });

  it('logs each client shown, outside the caseload with the purpose of finding a client for emergency access', async () => {
    const before = (await logRowsFor(outsider.id, theirs)).length;
    await find(outsiderCookie, { name: 'Vermeulen' });
    const rows = await logRowsFor(outsider.id, theirs);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toEqual({ outcome: 'allowed', basis: 'emergency', part: 'client-existence', purpose: 'find-client-for-emergency-access' });
  });

  it('shows roles that may not break the glass in this organisation nobody outside their caseload', async () => {
    for (const role of ['intern', 'manager', 'privacy-officer', 'application-administrator'] as const) {
      const employee = await h.employee({ role });
      const found = await find(await h.login(employee), { name: 'Vermeulen' });
      expect(found.statusCode, role).toBe(200);
      expect(found.json().clients, role).toEqual([]);
      expect(await logRowsFor(employee.id, theirs), role).toEqual([]);
    }
  });

  it('follows the organisation\'s setting: with the privacy officer allowed, she finds the client by name only', async () => {
    await h.database.db.query(`UPDATE org.organisations SET emergency_access_roles = '{care-professional,privacy-officer}' WHERE id = $1`, [h.organisationId]);
    try {
      const officer = await h.employee({ role: 'privacy-officer' });
      const found = await find(await h.login(officer), { name: 'Vermeulen' });
      expect(found.json().clients).toEqual([{ shown: 'existence', id: theirs, familyName: 'Vermeulen', givenNames: 'Noor', birthYear: 2011 }]);
    } finally {
      await h.database.db.query(`UPDATE org.organisations SET emergency_access_roles = '{care-professional}' WHERE id = $1`, [h.organisationId]);
    }
  });

  it('never shows an intern a client who objected to interns, also where interns may break the glass', async () => {
    const objecting = await h.client({ age: 14, holder, familyName: 'Bezwaarmaker' });
    const fine = await h.client({ age: 14, holder, familyName: 'Bezwaarloos' });
    const objection = await h.request({ method: 'POST', url: `/api/clients/${objecting}/access-facts`, cookie: await h.login(holder), body: { fact: 'client-objects-to-interns' } });
    expect(objection.statusCode).toBe(201);
    const intern = await h.employee({ role: 'intern' });
    const internCookie = await h.login(intern);
    await h.database.db.query(`UPDATE org.organisations SET emergency_access_roles = '{care-professional,intern}' WHERE id = $1`, [h.organisationId]);
    try {
      const ids = (await find(internCookie, { name: 'Bezwaar' })).json().clients.map((c: { id: string }) => c.id);
      expect(ids).toContain(fine);
      expect(ids).not.toContain(objecting);
      // Nor in their own caseload (the engine's list rule).
      await h.relate(objecting, intern, 'intern');
      const again = (await find(internCookie, { name: 'Bezwaar' })).json().clients.map((c: { id: string }) => c.id);
      expect(again).not.toContain(objecting);
      expect(await logRowsFor(intern.id, objecting)).toEqual([]);
    } finally {
      await h.database.db.query(`UPDATE org.organisations SET emergency_access_roles = '{care-professional}' WHERE id = $1`, [h.organisationId]);
    }
  });

  it('shows administrative staff, who keep the administration, every client with the birth date', async () => {
    const staff = await h.employee({ role: 'admin-staff' });
    const found = await find(await h.login(staff), { bsn: theirsBsn });
    expect(found.json().clients).toEqual([{
      shown: 'client', id: theirs, familyName: 'Vermeulen', givenNames: 'Noor', birthDate: '2011-03-14', birthYear: 2011, inCaseload: false,
    }]);
  });

  it('returns at most 20 clients', async () => {
    for (let i = 0; i < 22; i += 1) await h.client({ age: 9, holder, familyName: `Veelvoud${i}` });
    const found = await find(outsiderCookie, { name: 'Veelvoud' });
    expect(found.json().clients).toHaveLength(20);
  });
});

describe('the grant\'s end on the client\'s record (issue 15)', () => {
  it('says until when the caller\'s own confirmed emergency access runs, and nothing for the holder', async () => {
    const opened = await h.request({ method: 'POST', url: `/api/clients/${theirs}/emergency-access`, cookie: outsiderCookie, body: REASON });
    expect(opened.statusCode).toBe(201);
    const { accessId, expiresAt } = opened.json<{ accessId: string; expiresAt: string }>();
    // Before the confirmation the record stays closed.
    expect((await h.request({ method: 'GET', url: `/api/clients/${theirs}`, cookie: outsiderCookie })).statusCode).toBe(403);
    const confirmed = await h.request({ method: 'POST', url: `/api/clients/${theirs}/emergency-access/${accessId}/confirm`, cookie: outsiderCookie });
    expect(confirmed.statusCode).toBe(200);
    const record = await h.request({ method: 'GET', url: `/api/clients/${theirs}`, cookie: outsiderCookie });
    expect(record.statusCode).toBe(200);
    expect(record.json().emergencyAccess).toEqual({ startedAt: expect.any(String), expiresAt });
    const own = await h.request({ method: 'GET', url: `/api/clients/${theirs}`, cookie: await h.login(holder) });
    expect(own.json().emergencyAccess).toBeNull();
  });

  it('speaks to the employee refused, calmly: "U werkt niet met deze cliënt"', async () => {
    const stranger = await h.employee({ role: 'care-professional' });
    const refused = await h.request({ method: 'GET', url: `/api/clients/${theirs}`, cookie: await h.login(stranger) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().nl).toMatch(/^U werkt niet met deze cliënt: u heeft geen behandelrelatie\./);
    expect(refused.json().nl).not.toMatch(/datalek|Deze medewerker/);
  });
});
