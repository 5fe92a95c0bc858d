/**
 * The organisation's contact details for its letters (issue 15 item 3; migration 0086), through HTTP: the privacy
 * officer records them with the other organisation settings, a manager reads them, nobody else changes them; each
 * changed field is a row of the administration log with its old and new value; a wrong form is a 400 problem+json
 * naming the field in Dutch and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';

const URL = '/api/organisation/contact';
const CONTACT = {
  postalAddress: 'Postbus 1234', postalCode: '3500AA', place: 'Utrecht', phone: '030 123 45 67', email: 'privacy@jeugdhulp-voorbeeld.nl', website: 'www.jeugdhulp-voorbeeld.nl',
};
const EMPTY = { postalAddress: '', postalCode: '', place: '', phone: '', email: '', website: '' };

let h: Harness;
let officerCookie: string;
let managerCookie: string;

beforeAll(async () => {
  h = await createHarness();
  officerCookie = await h.login(await h.employee({ role: 'privacy-officer' }));
  managerCookie = await h.login(await h.employee({ role: 'manager' }));
});
afterAll(async () => h.close());

const put = (body: unknown, cookie = officerCookie) => h.request({ method: 'PUT', url: URL, cookie, body });

describe('PUT /api/organisation/contact', () => {
  it('starts empty; the privacy officer records them (postal code written as 3500 AA), a manager reads them', async () => {
    const before = await h.request({ method: 'GET', url: '/api/organisation/settings', cookie: managerCookie });
    expect(before.json().contact).toEqual(EMPTY);
    const saved = await put(CONTACT);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().contact).toEqual({ ...CONTACT, postalCode: '3500 AA' });
    const read = await h.request({ method: 'GET', url: '/api/organisation/settings', cookie: managerCookie });
    expect(read.json()).toMatchObject({ contact: { ...CONTACT, postalCode: '3500 AA' }, mayChange: false });
  });

  it('logs each changed field with its old and new value in the administration log, and nothing for an unchanged one', async () => {
    const changed = await put({ ...CONTACT, postalAddress: 'Stationsplein 12', phone: '' });
    expect(changed.statusCode, changed.body).toBe(200);
    const log = await h.request({ method: 'GET', url: '/api/admin-log?limit=50', cookie: officerCookie });
    const settings = log.json<{ lines: { act: string; outcome: string; setting: { name: string; from: string; to: string } | null }[] }>().lines
      .filter((l) => l.act === 'change-setting' && l.outcome === 'allowed').map((l) => l.setting);
    expect(settings.slice(0, 2)).toEqual(expect.arrayContaining([
      { name: 'contact-postal-address', from: 'Postbus%201234', to: 'Stationsplein%2012' },
      { name: 'contact-phone', from: '030%20123%2045%2067', to: '-' },
    ]));
    expect(settings.filter((s) => s?.name === 'contact-place')).toHaveLength(1); // only when it was first set
  });

  it('refuses a manager and the application administrator with the rule\'s explanation', async () => {
    for (const role of ['manager', 'application-administrator', 'care-professional'] as const) {
      const refused = await put(CONTACT, role === 'manager' ? managerCookie : await h.login(await h.employee({ role })));
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().nl, role).toContain('functionaris gegevensbescherming');
    }
  });

  it('answers a wrong form with 400 problem+json naming the field in Dutch, and changes nothing', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ postalCode: '35000 AA' }, 'postalCode', 'De postcode heeft niet de juiste vorm.'],
      [{ email: 'privacy-at-voorbeeld' }, 'email', 'Het e-mailadres heeft niet de juiste vorm.'],
      [{ phone: 'bel ons' }, 'phone', 'Het telefoonnummer heeft niet de juiste vorm.'],
      [{ website: 'javascript:alert(1)' }, 'website', 'De website heeft niet de juiste vorm.'],
      [{ postalAddress: 'Regel een\nRegel twee' }, 'postalAddress', 'Het postadres heeft niet de juiste vorm.'],
      [{ place: '' }, 'place', 'Bij een postcode hoort een plaats. Vul de plaats in.'],
    ];
    const before = (await h.request({ method: 'GET', url: '/api/organisation/settings', cookie: officerCookie })).json().contact;
    for (const [change, field, nl] of cases) {
      const response = await put({ ...CONTACT, ...change });
      expect(response.statusCode, field).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json(), field).toMatchObject({ field, nl });
      expect(response.json().en, field).toContain(field === 'place' ? 'place' : `"${field}"`);
    }
    const missing = await put({ postalAddress: 'Postbus 1' });
    expect(missing.json()).toMatchObject({ field: 'postalCode', nl: 'De postcode ontbreekt; vul dit in.' });
    expect((await h.request({ method: 'GET', url: '/api/organisation/settings', cookie: officerCookie })).json().contact).toEqual(before);
  });
});
