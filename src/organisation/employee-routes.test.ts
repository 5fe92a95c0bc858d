import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeStep, totpCode } from '../auth/totp.js';
import { createHarness, type Harness, type RequestMethod, type TestEmployee } from '../test-support/harness.js';
import { EMPLOYEE_ROLES, type EmployeeRole } from './employee-roles.js';
import { ensureOrganisation, ensureTeam } from './organisation-service.js';

let h: Harness;
let admin: TestEmployee;
let adminCookie: string;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.employee({ role: 'application-administrator' });
  adminCookie = await h.login(admin);
});
afterAll(async () => h.close());

const SOME_ID = '00000000-0000-4000-8000-000000000000';

const adminRequest = (method: RequestMethod, url: string, body?: unknown) =>
  h.request({ method, url, cookie: adminCookie, ...(body === undefined ? {} : { body }) });

const newEmployee = (overrides: Record<string, unknown> = {}) => ({
  username: `nieuw.${Math.random().toString(36).slice(2, 10)}`, displayName: 'Nieuwe Medewerker', functionTitle: 'Jeugdhulpverlener', role: 'care-professional', ...overrides,
});

/** The employee opens their enrolment link, adds the secret to "their app", chooses a password; answers the session cookie. */
async function enrol(token: string, password = 'mijn-eigen-lange-wachtwoord'): Promise<{ cookie: string; secret: string; recoveryCodes: string[] }> {
  const opened = await h.request({ method: 'POST', url: '/api/enrolment/open', body: { token } });
  expect(opened.statusCode, opened.body).toBe(200);
  const { totp, state } = opened.json<{ totp: { secret: string }; state: string }>();
  const done = await h.request({ method: 'POST', url: '/api/enrolment/complete', body: { token, state, password, code: totpCode(totp.secret, timeStep(h.clock.now)) } });
  expect(done.statusCode, done.body).toBe(200);
  const cookie = done.cookies.find((c) => c.name.endsWith('dw_session'))!;
  return { cookie: `${cookie.name}=${cookie.value}`, secret: totp.secret, recoveryCodes: done.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

describe('managing employees and teams is for the application administrator only (NEN 7510-2 A.9.2)', () => {
  const calls: [RequestMethod, string, unknown?][] = [
    ['GET', '/api/admin/employees'],
    ['POST', '/api/admin/employees', newEmployee()],
    ['GET', `/api/admin/employees/${SOME_ID}`],
    ['PATCH', `/api/admin/employees/${SOME_ID}`, { role: 'manager' }],
    ['POST', `/api/admin/employees/${SOME_ID}/disable`],
    ['POST', `/api/admin/employees/${SOME_ID}/enable`],
    ['POST', `/api/admin/employees/${SOME_ID}/reset`],
    ['GET', '/api/admin/teams'],
    ['POST', '/api/admin/teams', { name: 'Team Zuid' }],
    ['PUT', `/api/admin/teams/${SOME_ID}/members/${SOME_ID}`],
    ['DELETE', `/api/admin/teams/${SOME_ID}/members/${SOME_ID}`],
  ];

  it('covers every /api/admin route', () => {
    const registered = h.app.routes.filter((r) => r.url.startsWith('/api/admin/') && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`);
    const called = new Set(calls.map(([method, url]) => `${method} ${url.replaceAll(SOME_ID, ':id')}`));
    for (const route of registered) expect(called, route).toContain(route.replace(/:employeeId|:teamId/g, ':id'));
  });

  for (const role of EMPLOYEE_ROLES.filter((r): r is Exclude<EmployeeRole, 'application-administrator'> => r !== 'application-administrator')) {
    it(`refuses a ${role} with 403 problem+json on every route`, async () => {
      const cookie = await h.login(await h.employee({ role }));
      for (const [method, url, body] of calls) {
        const response = await h.request({ method, url, cookie, ...(body === undefined ? {} : { body }) });
        expect(response.statusCode, `${role} ${method} ${url}`).toBe(403);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ code: 'forbidden', nl: expect.stringContaining('functioneel beheerder') });
      }
    });
  }

  it('answers 401 without a session', async () => {
    expect((await h.request({ method: 'GET', url: '/api/admin/employees' })).statusCode).toBe(401);
  });
});

describe('employees', () => {
  it('creates an account without credentials and answers a one-time enrolment link; the employee sets their own password and second factor', async () => {
    const input = newEmployee();
    const created = await adminRequest('POST', '/api/admin/employees', input);
    expect(created.statusCode, created.body).toBe(201);
    const { employee, enrolment } = created.json();
    expect(employee).toMatchObject({ username: input.username, role: 'care-professional', rolePending: false, pendingRole: null, active: true, enrolled: false, totpEnrolled: false, teams: [] });
    expect(enrolment.url).toBe(`/inschrijven#${enrolment.token}`);
    expect(enrolment.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Nobody can log in before the enrolment: the account has no password.
    const before = await h.request({ method: 'POST', url: '/api/auth/login', body: { username: input.username, password: 'mijn-eigen-lange-wachtwoord' } });
    expect(before.statusCode).toBe(401);

    const { cookie, secret } = await enrol(enrolment.token);
    expect((await h.request({ method: 'GET', url: '/api/clients', cookie })).statusCode).toBe(200);
    expect((await adminRequest('GET', `/api/admin/employees/${employee.id}`)).json()).toMatchObject({ enrolled: true, totpEnrolled: true });
    // The password and the factor are the employee's own: a normal log-in works with them.
    h.clock.advance(60_000);
    try {
      const step1 = await h.request({ method: 'POST', url: '/api/auth/login', body: { username: input.username, password: 'mijn-eigen-lange-wachtwoord' } });
      expect(step1.json().next).toBe('totp');
      const step2 = await h.request({ method: 'POST', url: '/api/auth/login/totp', body: { challenge: step1.json().challenge, code: totpCode(secret, timeStep(h.clock.now)) } });
      expect(step2.statusCode, step2.body).toBe(200);
    } finally {
      h.clock.reset();
    }
  });

  it('takes the employee\'s password only when it meets the policy (at least 12 characters, not common)', async () => {
    const { enrolment } = (await adminRequest('POST', '/api/admin/employees', newEmployee())).json();
    const opened = (await h.request({ method: 'POST', url: '/api/enrolment/open', body: { token: enrolment.token } })).json();
    const code = totpCode(opened.totp.secret, timeStep(h.clock.now));
    for (const [password, expected] of [['kort', 'password-too-short'], ['Welcome123456', 'password-too-common'], ['Administrator', 'password-too-common']] as const) {
      const response = await h.request({ method: 'POST', url: '/api/enrolment/complete', body: { token: enrolment.token, state: opened.state, password, code } });
      expect(response.statusCode, password).toBe(400);
      expect(response.json()).toMatchObject({ code: expected, field: 'password' });
    }
    // A refused password does not spend the link.
    await enrol(enrolment.token, 'een-goed-begin-wachtwoord');
  });

  it('refuses bodies with fields the schema does not name, and unknown roles', async () => {
    for (const extra of [{ organisationId: SOME_ID }, { createdBy: admin.id }, { active: false }, { passwordHash: 'x' }]) {
      const response = await adminRequest('POST', '/api/admin/employees', newEmployee(extra));
      expect(response.statusCode, Object.keys(extra)[0]).toBe(400);
      expect(response.json().field).toBe(Object.keys(extra)[0]);
    }
    expect((await adminRequest('POST', '/api/admin/employees', newEmployee({ role: 'superuser' }))).statusCode).toBe(400);
    const employee = await h.employee({ role: 'intern' });
    expect((await adminRequest('PATCH', `/api/admin/employees/${employee.id}`, { organisationId: SOME_ID })).statusCode).toBe(400);
    expect((await adminRequest('PATCH', `/api/admin/employees/${employee.id}`, {})).statusCode).toBe(400);
    expect((await adminRequest('POST', '/api/admin/teams', { name: 'X', organisationId: SOME_ID })).statusCode).toBe(400);
  });

  it('changes role and function, with effect on the next request', async () => {
    const employee = await h.employee({ role: 'intern' });
    const cookie = await h.login(employee);
    const response = await adminRequest('PATCH', `/api/admin/employees/${employee.id}`, { role: 'care-professional', functionTitle: 'Ambulant hulpverlener' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ role: 'care-professional', functionTitle: 'Ambulant hulpverlener' });
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie })).json().role).toBe('care-professional');
    const list = (await adminRequest('GET', '/api/admin/employees')).json().employees as { id: string }[];
    expect(list.map((e) => e.id)).toContain(employee.id);
  });

  it('disabling an account ends all its sessions at once and refuses log-in; enabling lets it in again', async () => {
    const employee = await h.employee({ role: 'care-professional' });
    const first = await h.login(employee);
    const second = await h.login(employee);
    const disabled = await adminRequest('POST', `/api/admin/employees/${employee.id}/disable`);
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().active).toBe(false);
    for (const cookie of [first, second]) expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(401);
    const open = await h.database.db.query('SELECT 1 FROM org.sessions WHERE employee_id = $1 AND ended_at IS NULL', [employee.id]);
    expect(open).toHaveLength(0);
    await expect(h.login(employee)).rejects.toThrow(/401/);
    expect((await adminRequest('POST', `/api/admin/employees/${employee.id}/enable`)).statusCode).toBe(200);
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie: await h.login(employee) })).statusCode).toBe(200);
    // Re-enabling does not bring the old sessions back.
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie: first })).statusCode).toBe(401);
  });

  it('a reset ends the sessions and stops the old password and second factor; the new link lets the employee enrol again', async () => {
    const employee = await h.employee({ role: 'care-professional' });
    const cookie = await h.login(employee);
    const reset = await adminRequest('POST', `/api/admin/employees/${employee.id}/reset`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().employee).toMatchObject({ enrolled: false, totpEnrolled: false });
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie })).statusCode).toBe(401);
    await expect(h.login(employee)).rejects.toThrow(/401/);
    const { cookie: fresh } = await enrol(reset.json().enrolment.token);
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie: fresh })).statusCode).toBe(200);
  });

  it('an administrator cannot disable their own account or drop their own role', async () => {
    expect((await adminRequest('POST', `/api/admin/employees/${admin.id}/disable`)).statusCode).toBe(409);
    expect((await adminRequest('PATCH', `/api/admin/employees/${admin.id}`, { role: 'manager' })).statusCode).toBe(409);
    expect((await adminRequest('POST', `/api/admin/employees/${admin.id}/reset`)).statusCode).toBe(409);
    expect((await adminRequest('PATCH', `/api/admin/employees/${admin.id}`, { displayName: 'Beheerder' })).statusCode).toBe(200);
  });

  it('answers an employee of another organisation exactly like one that does not exist', async () => {
    const otherOrganisation = await ensureOrganisation(h.database.db, 'Andere organisatie (test)');
    const outsider = await h.employee({ role: 'care-professional', organisationId: otherOrganisation });
    const calls: [RequestMethod, string, unknown?][] = [
      ['GET', '/api/admin/employees/:id'], ['PATCH', '/api/admin/employees/:id', { role: 'manager' }], ['POST', '/api/admin/employees/:id/disable'],
      ['POST', '/api/admin/employees/:id/enable'], ['POST', '/api/admin/employees/:id/reset'],
    ];
    for (const [method, url, body] of calls) {
      const foreign = await adminRequest(method, url.replace(':id', outsider.id), body);
      const missing = await adminRequest(method, url.replace(':id', SOME_ID), body);
      expect(foreign.statusCode, `${method} ${url}`).toBe(404);
      expect(foreign.body).toBe(missing.body);
    }
    const [row] = await h.database.db.query<{ role: string; active: boolean }>('SELECT role, active FROM org.employees WHERE id = $1', [outsider.id]);
    expect(row).toEqual({ role: 'care-professional', active: true });
    const list = (await adminRequest('GET', '/api/admin/employees')).json().employees as { id: string }[];
    expect(list.map((e) => e.id)).not.toContain(outsider.id);
  });
});

describe('teams', () => {
  it('creates a team, adds and removes members, and lists them', async () => {
    const created = await adminRequest('POST', '/api/admin/teams', { name: 'Team Oost' });
    expect(created.statusCode).toBe(201);
    const teamId = created.json().id as string;
    expect((await adminRequest('POST', '/api/admin/teams', { name: 'Team Oost' })).statusCode).toBe(409);
    const member = await h.employee({ role: 'care-professional', name: 'Teamlid Een' });
    expect((await adminRequest('PUT', `/api/admin/teams/${teamId}/members/${member.id}`)).statusCode).toBe(204);
    expect((await adminRequest('PUT', `/api/admin/teams/${teamId}/members/${member.id}`)).statusCode).toBe(204); // idempotent
    const teams = (await adminRequest('GET', '/api/admin/teams')).json().teams as { id: string; members: { id: string }[] }[];
    expect(teams.find((t) => t.id === teamId)!.members.map((m) => m.id)).toEqual([member.id]);
    expect((await adminRequest('GET', `/api/admin/employees/${member.id}`)).json().teams).toEqual([{ id: teamId, name: 'Team Oost' }]);
    expect((await adminRequest('DELETE', `/api/admin/teams/${teamId}/members/${member.id}`)).statusCode).toBe(204);
    expect((await adminRequest('GET', `/api/admin/employees/${member.id}`)).json().teams).toEqual([]);
  });

  it('answers a team or employee of another organisation like one that does not exist', async () => {
    const otherOrganisation = await ensureOrganisation(h.database.db, 'Nog een andere organisatie (test)');
    const foreignTeam = await ensureTeam(h.database.db, otherOrganisation, 'Buitenteam');
    const outsider = await h.employee({ role: 'care-professional', organisationId: otherOrganisation });
    const ownTeam = (await adminRequest('POST', '/api/admin/teams', { name: 'Team West' })).json().id as string;
    const own = await h.employee({ role: 'care-professional' });
    expect((await adminRequest('PUT', `/api/admin/teams/${foreignTeam}/members/${own.id}`)).statusCode).toBe(404);
    expect((await adminRequest('PUT', `/api/admin/teams/${ownTeam}/members/${outsider.id}`)).statusCode).toBe(404);
    expect((await adminRequest('PUT', `/api/admin/teams/${SOME_ID}/members/${own.id}`)).statusCode).toBe(404);
    const names = ((await adminRequest('GET', '/api/admin/teams')).json().teams as { name: string }[]).map((t) => t.name);
    expect(names).not.toContain('Buitenteam');
  });
});
