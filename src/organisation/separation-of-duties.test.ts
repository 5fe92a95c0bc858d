/**
 * Issue 14 deliverable 5, "Separation of duties in administration", through
 * HTTP. The reproduction: "The administrator can make puppets: create a
 * manager (or privacy officer) with a password of their choice, enrol its
 * TOTP, read any dossier, or mark their own emergency access as justified.
 * Administration acts are not in the hash-chained log."
 *
 * Sources: NEN 7510-2 A.6.1.2 (segregation of duties), A.9.2.2–A.9.2.4
 * (provisioning, privileged access rights, secret authentication information
 * reaching only its owner), A.12.4.3 (administrator logs); AVG 32; NEN 7513.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../access/verify-log.js';
import { timeStep, totpCode } from '../auth/totp.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let admin: TestEmployee;
let adminCookie: string;
let privacyOfficer: TestEmployee;
let privacyCookie: string;
let manager: TestEmployee;
let managerCookie: string;
let holder: TestEmployee;
let clientId: string;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.employee({ role: 'application-administrator', name: 'Beheerder Bram' });
  adminCookie = await h.login(admin);
  privacyOfficer = await h.employee({ role: 'privacy-officer', name: 'Functionaris Fenna' });
  privacyCookie = await h.login(privacyOfficer);
  manager = await h.employee({ role: 'manager', name: 'Leidinggevende Lotte' });
  managerCookie = await h.login(manager);
  holder = await h.employee({ role: 'care-professional' });
  clientId = await h.client({ age: 12, holder });
});
afterAll(async () => h.close());

const asAdmin = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown) =>
  h.request({ method, url, cookie: adminCookie, ...(body === undefined ? {} : { body }) });

let counter = 0;
const newEmployee = (role: string) => {
  counter += 1;
  return { username: `sod.${counter}.${Math.random().toString(36).slice(2, 8)}`, displayName: `Nieuw ${counter}`, functionTitle: 'Teamleider', role };
};

/** The employee's side of the link: open, add the secret to the app, choose a password. Answers the response and the session cookie. */
async function enrol(token: string): Promise<{ statusCode: number; cookie: string | undefined; body: string }> {
  const opened = await h.request({ method: 'POST', url: '/api/enrolment/open', body: { token } });
  if (opened.statusCode !== 200) return { statusCode: opened.statusCode, cookie: undefined, body: opened.body };
  const { totp, state } = opened.json<{ totp: { secret: string }; state: string }>();
  const done = await h.request({
    method: 'POST', url: '/api/enrolment/complete', body: { token, state, password: 'een-eigen-geheim-wachtwoord', code: totpCode(totp.secret, timeStep(h.clock.now)) },
  });
  const cookie = done.cookies.find((c) => c.name.endsWith('dw_session'));
  return { statusCode: done.statusCode, cookie: cookie === undefined ? undefined : `${cookie.name}=${cookie.value}`, body: done.body };
}

async function lastLogRow(): Promise<{ employee_id: string; outcome: string; action: string; purpose: string | null; client_id: string | null; citations: string[] }> {
  const [row] = await h.database.db.query<{ employee_id: string; outcome: string; action: string; purpose: string | null; client_id: string | null; citations: string[] }>(
    'SELECT employee_id, outcome, action, purpose, client_id, citations FROM audit.access_log ORDER BY seq DESC LIMIT 1');
  return row!;
}

async function pendingGrantOf(employeeId: string, cookie = privacyCookie): Promise<{ id: string; role: string; mayDecide: boolean; employee: { enrolled: boolean } }> {
  const list = await h.request({ method: 'GET', url: '/api/role-grants', cookie });
  expect(list.statusCode, list.body).toBe(200);
  const grant = list.json<{ grants: { id: string; role: string; mayDecide: boolean; employee: { id: string; enrolled: boolean } }[] }>().grants.find((g) => g.employee.id === employeeId);
  expect(grant, 'a pending grant').toBeDefined();
  return grant!;
}

describe('the administrator never sets or learns another person\'s password or second factor (NEN 7510-2 A.9.2.4)', () => {
  it('the API refuses a password or TOTP secret for someone else: the schemas name no such field, and the old routes are gone', async () => {
    for (const extra of [{ password: 'een-goed-begin-wachtwoord' }, { totpSecret: 'JBSWY3DPEHPK3PXP' }, { passwordHash: 'x' }]) {
      const response = await asAdmin('POST', '/api/admin/employees', { ...newEmployee('manager'), ...extra });
      expect(response.statusCode, Object.keys(extra)[0]).toBe(400);
      expect(response.json().field).toBe(Object.keys(extra)[0]);
    }
    const someone = await h.employee({ role: 'care-professional' });
    expect((await asAdmin('PATCH', `/api/admin/employees/${someone.id}`, { password: 'een-goed-begin-wachtwoord' })).statusCode).toBe(400);
    for (const old of ['reset-password', 'reset-totp']) {
      expect((await asAdmin('POST', `/api/admin/employees/${someone.id}/${old}`)).statusCode, old).toBe(404);
    }
    // What the administrator gets for a new account is a link, never a password.
    const created = await asAdmin('POST', '/api/admin/employees', newEmployee('care-professional'));
    expect(created.statusCode).toBe(201);
    expect(Object.keys(created.json()).sort()).toEqual(['employee', 'enrolment']);
    expect(created.body).not.toMatch(/password"\s*:\s*"/i);
  });

  it('the enrolment link works once; only its hash is stored', async () => {
    const { employee, enrolment } = (await asAdmin('POST', '/api/admin/employees', newEmployee('care-professional'))).json();
    const stored = await h.database.db.query<{ token_hash: Buffer }>('SELECT token_hash FROM org.enrolment_links WHERE employee_id = $1', [employee.id]);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash.toString('base64url')).not.toBe(enrolment.token);
    const first = await enrol(enrolment.token);
    expect(first.statusCode, first.body).toBe(200);
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie: first.cookie! })).json()).toMatchObject({ employeeId: employee.id, rolePending: false });
    const second = await enrol(enrolment.token);
    expect(second.statusCode).toBe(410);
    expect(JSON.parse(second.body)).toMatchObject({ code: 'enrolment-link-invalid', nl: expect.stringContaining('nieuwe link') });
  });

  it('the link expires after 72 hours, and a reset replaces an older link', async () => {
    const { employee, enrolment } = (await asAdmin('POST', '/api/admin/employees', newEmployee('care-professional'))).json();
    expect(new Date(enrolment.expiresAt).getTime() - h.clock.now.getTime()).toBe(72 * 3_600_000);
    h.clock.advance(72 * 3_600_000 + 1000);
    try {
      expect((await enrol(enrolment.token)).statusCode).toBe(410);
    } finally {
      h.clock.reset();
    }
    const again = (await asAdmin('POST', `/api/admin/employees/${employee.id}/reset`)).json();
    const newer = (await asAdmin('POST', `/api/admin/employees/${employee.id}/reset`)).json();
    expect((await enrol(again.enrolment.token)).statusCode).toBe(410);
    expect((await enrol(newer.enrolment.token)).statusCode).toBe(200);
  });

  it('five wrong codes spend the link', async () => {
    const { enrolment } = (await asAdmin('POST', '/api/admin/employees', newEmployee('care-professional'))).json();
    const { state } = (await h.request({ method: 'POST', url: '/api/enrolment/open', body: { token: enrolment.token } })).json();
    for (let i = 0; i < 5; i += 1) {
      const wrong = await h.request({ method: 'POST', url: '/api/enrolment/complete', body: { token: enrolment.token, state, password: 'een-eigen-geheim-wachtwoord', code: '000000' } });
      expect([400, 410]).toContain(wrong.statusCode);
    }
    expect((await enrol(enrolment.token)).statusCode).toBe(410);
  });

  it('a state from another link does not complete this one (the secret is the server\'s, bound to the link)', async () => {
    const a = (await asAdmin('POST', '/api/admin/employees', newEmployee('care-professional'))).json();
    const b = (await asAdmin('POST', '/api/admin/employees', newEmployee('care-professional'))).json();
    const openedA = (await h.request({ method: 'POST', url: '/api/enrolment/open', body: { token: a.enrolment.token } })).json();
    const response = await h.request({
      method: 'POST', url: '/api/enrolment/complete',
      body: { token: b.enrolment.token, state: openedA.state, password: 'een-eigen-geheim-wachtwoord', code: totpCode(openedA.totp.secret, timeStep(h.clock.now)) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'enrolment-state-invalid', field: 'state' });
  });
});

describe('the puppet reproduction: a privileged role needs a second person (NEN 7510-2 A.6.1.2; AVG 32)', () => {
  for (const role of ['manager', 'privacy-officer'] as const) {
    it(`an administrator's new ${role} has no rights until a manager or privacy officer approves; the administrator cannot approve`, async () => {
      const created = await asAdmin('POST', '/api/admin/employees', newEmployee(role));
      expect(created.statusCode, created.body).toBe(201);
      const { employee, enrolment } = created.json();
      expect(employee).toMatchObject({ role, rolePending: true, pendingRole: role });

      // The administrator plays the employee (the link is in their hands): the account still opens nothing.
      const puppet = await enrol(enrolment.token);
      expect(puppet.statusCode, puppet.body).toBe(200);
      const me = await h.request({ method: 'GET', url: '/api/auth/me', cookie: puppet.cookie! });
      expect(me.json()).toMatchObject({ role, rolePending: true });
      for (const url of [`/api/clients/${clientId}`, '/api/clients', '/api/privacy/emergency-reviews', '/api/admin-log', '/api/role-grants']) {
        const refused = await h.request({ method: 'GET', url, cookie: puppet.cookie!, headers: { 'x-dossierwijzer-purpose': 'quality-control' } });
        expect(refused.statusCode, url).toBe(403);
        expect(refused.json(), url).toMatchObject({ code: 'role-pending', nl: expect.stringContaining('tweede persoon'), basis: expect.arrayContaining(['NEN 7510-2 A.6.1.2']) });
        expect(await lastLogRow(), url).toMatchObject({ employee_id: employee.id, outcome: 'denied', action: 'administer', client_id: null });
      }

      // The administrator can neither see nor decide the grant.
      const grant = await pendingGrantOf(employee.id);
      const list = await h.request({ method: 'GET', url: '/api/role-grants', cookie: adminCookie });
      expect(list.statusCode).toBe(403);
      const approve = await h.request({ method: 'POST', url: `/api/role-grants/${grant.id}/approve`, cookie: adminCookie });
      expect(approve.statusCode).toBe(403);
      expect(approve.json()).toMatchObject({ nl: expect.stringContaining('vier-ogenprincipe'), basis: expect.arrayContaining(['NEN 7510-2 A.6.1.2', 'AVG 32']) });
      expect(await lastLogRow()).toMatchObject({ employee_id: admin.id, outcome: 'denied', action: 'administer' });
      // Nor can the employee concerned (their session is refused before anything).
      expect((await h.request({ method: 'POST', url: `/api/role-grants/${grant.id}/approve`, cookie: puppet.cookie! })).statusCode).toBe(403);

      // A second person approves: the role takes effect.
      const approver = role === 'manager' ? privacyCookie : managerCookie;
      const approved = await h.request({ method: 'POST', url: `/api/role-grants/${grant.id}/approve`, cookie: approver });
      expect(approved.statusCode, approved.body).toBe(200);
      expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie: puppet.cookie! })).json()).toMatchObject({ role, rolePending: false });
      const after = await h.request({ method: 'GET', url: role === 'manager' ? '/api/clients' : '/api/admin-log', cookie: puppet.cookie! });
      expect(after.statusCode, after.body).toBe(200);
    });
  }

  it('the employee concerned cannot approve their own grant, and whoever approves must be a second person', async () => {
    // An existing manager asked for privacy officer keeps being a manager meanwhile, and cannot approve the step up.
    const lead = await h.employee({ role: 'manager', name: 'Leidinggevende Lars' });
    const leadCookie = await h.login(lead);
    const asked = await asAdmin('PATCH', `/api/admin/employees/${lead.id}`, { role: 'privacy-officer' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ role: 'manager', rolePending: false, pendingRole: 'privacy-officer' });
    const grant = await pendingGrantOf(lead.id, leadCookie);
    expect(grant.mayDecide).toBe(false);
    const own = await h.request({ method: 'POST', url: `/api/role-grants/${grant.id}/approve`, cookie: leadCookie });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ nl: expect.stringContaining('eigen rol'), basis: expect.arrayContaining(['NEN 7510-2 A.6.1.2']) });
    expect(await lastLogRow()).toMatchObject({ employee_id: lead.id, outcome: 'denied', action: 'administer' });
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie: leadCookie })).json().role).toBe('manager');

    // Other roles may not decide at all.
    for (const role of ['care-professional', 'admin-staff', 'intern'] as const) {
      const cookie = await h.login(await h.employee({ role }));
      const refused = await h.request({ method: 'POST', url: `/api/role-grants/${grant.id}/approve`, cookie });
      expect(refused.statusCode, role).toBe(403);
      expect(refused.json().nl, role).toContain('leidinggevende of de functionaris');
    }
    // The privacy officer refuses it: the manager stays a manager.
    const refused = await h.request({ method: 'POST', url: `/api/role-grants/${grant.id}/refuse`, cookie: privacyCookie });
    expect(refused.json()).toEqual({ id: grant.id, outcome: 'refused' });
    expect((await asAdmin('GET', `/api/admin/employees/${lead.id}`)).json()).toMatchObject({ role: 'manager', pendingRole: null });
    expect((await h.request({ method: 'POST', url: `/api/role-grants/${grant.id}/approve`, cookie: managerCookie })).statusCode).toBe(404);
  });

  it('an existing care professional asked for as manager keeps their role until approved; fewer rights take effect at once', async () => {
    const worker = await h.employee({ role: 'care-professional' });
    const cookie = await h.login(worker);
    expect((await asAdmin('PATCH', `/api/admin/employees/${worker.id}`, { role: 'manager' })).json()).toMatchObject({ role: 'care-professional', pendingRole: 'manager' });
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie })).json().role).toBe('care-professional');
    const grant = await pendingGrantOf(worker.id);
    expect(grant.employee.enrolled).toBe(true);
    expect((await h.request({ method: 'POST', url: `/api/role-grants/${grant.id}/approve`, cookie: privacyCookie })).statusCode).toBe(200);
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie })).json().role).toBe('manager');
    // Back down: no second person needed.
    expect((await asAdmin('PATCH', `/api/admin/employees/${worker.id}`, { role: 'care-professional' })).json()).toMatchObject({ role: 'care-professional', pendingRole: null });
  });

  it('a grant is approved only after the employee enrolled themselves', async () => {
    const { employee } = (await asAdmin('POST', '/api/admin/employees', newEmployee('manager'))).json();
    const grant = await pendingGrantOf(employee.id);
    expect(grant.employee.enrolled).toBe(false);
    const early = await h.request({ method: 'POST', url: `/api/role-grants/${grant.id}/approve`, cookie: privacyCookie });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('enrolment-not-completed');
  });

  it('resetting a manager puts the role back to a second person: whoever completes the link is not a manager until then', async () => {
    const lead = await h.employee({ role: 'manager' });
    const reset = (await asAdmin('POST', `/api/admin/employees/${lead.id}/reset`)).json();
    expect(reset.employee).toMatchObject({ role: 'manager', rolePending: true, pendingRole: 'manager' });
    const puppet = await enrol(reset.enrolment.token);
    expect((await h.request({ method: 'GET', url: '/api/clients', cookie: puppet.cookie! })).json().code).toBe('role-pending');
  });

  it('the application administrator cannot review an emergency access, so cannot mark one as justified (reproduction; AVG 38(6))', async () => {
    // Opening one is refused to the administrator by the break-the-glass roles (src/emergency; the authorisation matrix).
    expect((await h.request({ method: 'GET', url: '/api/privacy/emergency-reviews', cookie: adminCookie })).statusCode).toBe(403);
    const review = await h.request({ method: 'POST', url: '/api/privacy/emergency-reviews/00000000-0000-4000-8000-00000000beef', cookie: adminCookie, body: { justified: true } });
    expect(review.statusCode).toBe(403);
    expect(await lastLogRow()).toMatchObject({ employee_id: admin.id, outcome: 'denied' });
  });
});

describe('every administration act is in the hash-chained log and in the privacy officer\'s view (NEN 7513; NEN 7510-2 A.12.4.3)', () => {
  it('create, reset, role change, approval, refusal, disable, enable, team changes and enrolment each leave a row; the chain verifies', async () => {
    const before = (await h.database.db.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM audit.access_log'))[0]!.seq;
    const created = (await asAdmin('POST', '/api/admin/employees', newEmployee('care-professional'))).json();
    const id = created.employee.id as string;
    expect((await enrol(created.enrolment.token)).statusCode).toBe(200);
    expect((await asAdmin('PATCH', `/api/admin/employees/${id}`, { functionTitle: 'Gedragswetenschapper' })).statusCode).toBe(200);
    expect((await asAdmin('PATCH', `/api/admin/employees/${id}`, { role: 'intern' })).statusCode).toBe(200);
    expect((await asAdmin('PATCH', `/api/admin/employees/${id}`, { role: 'manager' })).statusCode).toBe(200);
    const grant = await pendingGrantOf(id);
    expect((await h.request({ method: 'POST', url: `/api/role-grants/${grant.id}/approve`, cookie: privacyCookie })).statusCode).toBe(200);
    expect((await asAdmin('POST', `/api/admin/employees/${id}/disable`)).statusCode).toBe(200);
    expect((await asAdmin('POST', `/api/admin/employees/${id}/enable`)).statusCode).toBe(200);
    const teamId = (await asAdmin('POST', '/api/admin/teams', { name: `Team ${counter}` })).json().id as string;
    expect((await h.request({ method: 'PUT', url: `/api/admin/teams/${teamId}/members/${id}`, cookie: adminCookie })).statusCode).toBe(204);
    expect((await h.request({ method: 'DELETE', url: `/api/admin/teams/${teamId}/members/${id}`, cookie: adminCookie })).statusCode).toBe(204);
    expect((await asAdmin('POST', `/api/admin/employees/${id}/reset`)).statusCode).toBe(200);

    const rows = await h.database.db.query<{ employee_id: string; purpose: string; outcome: string; client_id: string | null; row_hash: Buffer | null }>(
      `SELECT employee_id, purpose, outcome, client_id, row_hash FROM audit.access_log WHERE seq > $1 AND action = 'administer' ORDER BY seq`, [before]);
    const acts = rows.map((r) => r.purpose.split(' ')[0]);
    expect(acts).toEqual([
      'create-account', 'complete-enrolment', 'change-details', 'change-role', 'request-role', 'approve-role',
      'disable-account', 'enable-account', 'create-team', 'join-team', 'leave-team', 'reset-account', 'request-role',
    ]);
    expect(rows.every((r) => r.client_id === null && r.outcome === 'allowed' && r.row_hash !== null)).toBe(true);
    expect(rows.find((r) => r.purpose.startsWith('approve-role'))!.employee_id).toBe(privacyOfficer.id);
    expect(rows.find((r) => r.purpose.startsWith('complete-enrolment'))!.employee_id).toBe(id);
    expect(rows.find((r) => r.purpose.startsWith('join-team'))!.purpose).toBe(`join-team employee=${id} team=${teamId}`);
    expect((await verifyLog(h.database.db)).ok).toBe(true);

    // The privacy officer's view shows them, with names.
    const view = await h.request({ method: 'GET', url: '/api/admin-log?limit=500', cookie: privacyCookie });
    expect(view.statusCode, view.body).toBe(200);
    const lines = view.json<{ lines: { act: string; subject: { id: string; name: string } | null; team: { id: string } | null; actor: { id: string }; role: string | null; outcome: string }[] }>().lines;
    const about = lines.filter((l) => l.subject?.id === id).map((l) => l.act).reverse();
    expect(about).toEqual(acts.filter((a) => a !== 'create-team'));
    expect(lines.find((l) => l.act === 'create-team' && l.team?.id === teamId)).toMatchObject({ actor: { id: admin.id }, team: { name: `Team ${counter}` } });
    expect(lines.find((l) => l.act === 'approve-role' && l.subject?.id === id)).toMatchObject({ actor: { id: privacyOfficer.id }, role: 'manager', subject: { name: created.employee.displayName } });
    // Refused attempts are there too.
    expect(lines.some((l) => l.outcome === 'denied' && l.actor.id === admin.id)).toBe(true);
  });

  it('other roles are refused the administration log with the explanation, and the refusal is logged', async () => {
    for (const role of ['application-administrator', 'manager', 'care-professional', 'admin-staff', 'intern'] as const) {
      const employee = role === 'application-administrator' ? admin : await h.employee({ role });
      const cookie = role === 'application-administrator' ? adminCookie : await h.login(employee);
      const response = await h.request({ method: 'GET', url: '/api/admin-log', cookie });
      expect(response.statusCode, role).toBe(403);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().nl, role).toContain('functionaris gegevensbescherming');
      expect(await lastLogRow(), role).toMatchObject({ employee_id: employee.id, outcome: 'denied' });
    }
  });
});
