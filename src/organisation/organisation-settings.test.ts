/**
 * The organisation's privacy settings through HTTP (issue 14): the privacy
 * officer changes who may break the glass and the second confirmation of a
 * destruction, a manager reads them, nobody else — and every change and every
 * refusal is a row in the hash-chained access log. The engine reads what was
 * set: a privacy officer let in by the setting can break the glass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { decideSettingsChange, decideSettingsView } from './organisation-settings-rule.js';
import { EMPLOYEE_ROLES } from './employee-roles.js';

const URL = '/api/organisation/settings';
/** No contact details for the letters recorded (migration 0086; organisation-contact.test.ts). */
const NO_CONTACT = { postalAddress: '', postalCode: '', place: '', phone: '', email: '', website: '' };

let h: Harness;
let officer: TestEmployee;
let officerCookie: string;
let managerCookie: string;
let adminCookie: string;
let admin: TestEmployee;

async function lastRows(n: number): Promise<{ outcome: string; employee_id: string; action: string; purpose: string | null; citations: string[] }[]> {
  const rows = await h.database.db.query<{ outcome: string; employee_id: string; action: string; purpose: string | null; citations: string[] }>(
    'SELECT outcome, employee_id, action, purpose, citations FROM audit.access_log ORDER BY seq DESC LIMIT $1', [n]);
  return rows.reverse();
}

async function stored(): Promise<{ roles: string[]; second: boolean }> {
  const [row] = await h.database.db.query<{ roles: string[]; second: boolean }>(
    'SELECT emergency_access_roles AS roles, destruction_second_confirmation AS second FROM org.organisations WHERE id = $1', [h.organisationId]);
  return row!;
}

beforeAll(async () => {
  h = await createHarness();
  officer = await h.employee({ role: 'privacy-officer' });
  officerCookie = await h.login(officer);
  managerCookie = await h.login(await h.employee({ role: 'manager' }));
  admin = await h.employee({ role: 'application-administrator' });
  adminCookie = await h.login(admin);
});
afterAll(async () => h.close());

describe('organisation settings rule', () => {
  it('lets the privacy officer change and a manager read; every other role is refused with articles and a Dutch explanation', () => {
    for (const role of EMPLOYEE_ROLES) {
      const view = decideSettingsView(role);
      const change = decideSettingsChange(role);
      expect(view.allowed, role).toBe(role === 'privacy-officer' || role === 'manager');
      expect(change.allowed, role).toBe(role === 'privacy-officer');
      expect(change.citations, role).toEqual(expect.arrayContaining(['AVG 39', 'NEN 7510-2 A.6.1.2']));
      if (!change.allowed) expect(change.explanationNl, role).toContain('Alleen de functionaris gegevensbescherming');
    }
    // The administrator hears why: they hand out the accounts already (four eyes).
    expect(decideSettingsChange('application-administrator').explanationNl).toContain('vier-ogenprincipe');
  });
});

describe('GET and PUT /api/organisation/settings', () => {
  it('shows the defaults: care professionals break the glass, a destruction waits for a second person', async () => {
    const response = await h.request({ method: 'GET', url: URL, cookie: officerCookie });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ emergencyAccessRoles: ['care-professional'], destructionSecondConfirmation: true, portalReleaseDays: 14, contact: NO_CONTACT, mayChange: true });
    const manager = await h.request({ method: 'GET', url: URL, cookie: managerCookie });
    expect(manager.json()).toEqual({ emergencyAccessRoles: ['care-professional'], destructionSecondConfirmation: true, portalReleaseDays: 14, contact: NO_CONTACT, mayChange: false });
  });

  it('refuses the application administrator\'s change with the rule\'s explanation, logs it, and changes nothing', async () => {
    const response = await h.request({
      method: 'PUT', url: URL, cookie: adminCookie, body: { emergencyAccessRoles: ['care-professional', 'admin-staff'], destructionSecondConfirmation: false },
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().nl).toContain('vier-ogenprincipe');
    expect(response.json().basis).toContain('AVG 39');
    const [row] = await lastRows(1);
    expect(row).toMatchObject({ outcome: 'denied', employee_id: admin.id, action: 'administer', purpose: 'change-setting' });
    expect(await stored()).toEqual({ roles: ['care-professional'], second: true });
    // Nor can the administrator read them.
    expect((await h.request({ method: 'GET', url: URL, cookie: adminCookie })).statusCode).toBe(403);
  });

  it('refuses a manager\'s change (a manager reads only) and logs it', async () => {
    const response = await h.request({ method: 'PUT', url: URL, cookie: managerCookie, body: { emergencyAccessRoles: ['care-professional', 'manager'], destructionSecondConfirmation: true } });
    expect(response.statusCode).toBe(403);
    expect(response.json().nl).toContain('Alleen de functionaris gegevensbescherming');
    expect((await lastRows(1))[0]).toMatchObject({ outcome: 'denied', action: 'administer', purpose: 'change-setting' });
    expect(await stored()).toEqual({ roles: ['care-professional'], second: true });
  });

  it('refuses the application administrator\'s role in the emergency roles at input: 400 in Dutch and English', async () => {
    const response = await h.request({
      method: 'PUT', url: URL, cookie: officerCookie, body: { emergencyAccessRoles: ['care-professional', 'application-administrator'], destructionSecondConfirmation: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.code).toBe('emergency-role-refused');
    expect(problem.nl).toContain('functioneel beheerder kan nooit noodtoegang');
    expect(problem.en).toContain('application administrator');
    expect(problem.field).toBe('emergencyAccessRoles');
    expect(await stored()).toEqual({ roles: ['care-professional'], second: true });
  });

  it('lets the privacy officer change both; each change is an administration act with the old and new value', async () => {
    const response = await h.request({
      method: 'PUT', url: URL, cookie: officerCookie, body: { emergencyAccessRoles: ['privacy-officer', 'care-professional'], destructionSecondConfirmation: false },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ emergencyAccessRoles: ['care-professional', 'privacy-officer'], destructionSecondConfirmation: false, portalReleaseDays: 14, contact: NO_CONTACT, mayChange: true });
    expect(await stored()).toEqual({ roles: ['care-professional', 'privacy-officer'], second: false });
    const rows = await lastRows(2);
    expect(rows.map((r) => [r.outcome, r.employee_id, r.action, r.purpose])).toEqual([
      ['allowed', officer.id, 'administer', 'change-setting setting=emergency-access-roles from=care-professional to=care-professional,privacy-officer'],
      ['allowed', officer.id, 'administer', 'change-setting setting=destruction-second-confirmation from=true to=false'],
    ]);
    expect(rows[0]!.citations).toContain('AVG 39');

    // The same again changes nothing and logs no act.
    const seqBefore = await h.database.db.query<{ max: string }>('SELECT max(seq)::text AS max FROM audit.access_log');
    await h.request({ method: 'PUT', url: URL, cookie: officerCookie, body: { emergencyAccessRoles: ['care-professional', 'privacy-officer'], destructionSecondConfirmation: false } });
    const seqAfter = await h.database.db.query<{ max: string }>('SELECT max(seq)::text AS max FROM audit.access_log');
    expect(seqAfter).toEqual(seqBefore);

    // Back on: the privacy officer switches the second confirmation on again.
    const on = await h.request({ method: 'PUT', url: URL, cookie: officerCookie, body: { emergencyAccessRoles: ['care-professional', 'privacy-officer'], destructionSecondConfirmation: true } });
    expect(on.statusCode).toBe(200);
    expect((await lastRows(1))[0]!.purpose).toBe('change-setting setting=destruction-second-confirmation from=false to=true');
  });

  it('lets the privacy officer set the days until an entry reaches the client portal (issue 19), logged with old and new value; out of range is a 400', async () => {
    const body = { emergencyAccessRoles: ['care-professional', 'privacy-officer'], destructionSecondConfirmation: true };
    const response = await h.request({ method: 'PUT', url: URL, cookie: officerCookie, body: { ...body, portalReleaseDays: 7 } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().portalReleaseDays).toBe(7);
    expect((await lastRows(1))[0]!.purpose).toBe('change-setting setting=portal-release-days from=14 to=7');
    const tooMany = await h.request({ method: 'PUT', url: URL, cookie: officerCookie, body: { ...body, portalReleaseDays: 366 } });
    expect(tooMany.statusCode).toBe(400);
    const manager = await h.request({ method: 'PUT', url: URL, cookie: managerCookie, body: { ...body, portalReleaseDays: 0 } });
    expect(manager.statusCode).toBe(403);
    expect((await h.request({ method: 'GET', url: URL, cookie: managerCookie })).json().portalReleaseDays).toBe(7);
  });

  it('the engine reads the setting: a privacy officer let in can break the glass, and a manager reviews it', async () => {
    const holder = await h.employee({ role: 'care-professional' });
    const clientId = await h.client({ age: 14, holder });
    const opened = await h.request({ method: 'POST', url: `/api/clients/${clientId}/emergency-access`, cookie: officerCookie, body: { reason: 'Politie belt: cliënt vermist.' } });
    expect(opened.statusCode, opened.body).toBe(201);
    const queue = await h.request({ method: 'GET', url: '/api/privacy/emergency-reviews', cookie: managerCookie });
    expect(queue.json().accesses.map((a: { id: string }) => a.id)).toContain(opened.json().accessId);

    // Taken away again: the next attempt is refused by the engine, naming who may.
    await h.request({ method: 'PUT', url: URL, cookie: officerCookie, body: { emergencyAccessRoles: ['care-professional'], destructionSecondConfirmation: true } });
    const other = await h.client({ age: 15, holder });
    const refused = await h.request({ method: 'POST', url: `/api/clients/${other}/emergency-access`, cookie: officerCookie, body: { reason: 'Nog een melding.' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().nl).toContain('noodtoegang voor hulpverleners');
  });

  it('keeps the second confirmation out of everyone else\'s reach in the database too (migration 0071)', async () => {
    // The application role calling the definer function for the administrator: refused by the database itself.
    await expect(h.database.db.query('SELECT org.set_destruction_second_confirmation($1, $2, false)', [h.organisationId, admin.id])).rejects.toThrow(/may not change/);
    await expect(h.database.db.query('UPDATE org.organisations SET destruction_second_confirmation = false WHERE id = $1', [h.organisationId])).rejects.toThrow();
    expect((await stored()).second).toBe(true);
  });
});
