/**
 * Setting up an organisation and its first accounts (issue 14, "One gate":
 * no way to start an organisation outside the demo), through the set-up and
 * then the HTTP routes its employees use: the links it prints enrol working
 * accounts, its manager and privacy officer approve later privileged grants
 * and its administrator cannot, a second run is refused with nothing changed,
 * and every account made is a row in the hash-chained log that verify-log
 * accepts. Sources: NEN 7510-2 A.6.1.2, A.9.2, A.9.2.4; NEN 7513.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../access/verify-log.js';
import { timeStep, totpCode } from '../auth/totp.js';
import { createHarness, type Harness } from '../test-support/harness.js';
import { checkSetupInput, setUpOrganisation, SetupRefused, type SetupInput, type SetupResult } from './organisation-setup.js';

let h: Harness;
const NAME = `Jeugdhulp Opstart ${Math.random().toString(36).slice(2, 8)}`;
const suffix = Math.random().toString(36).slice(2, 8);
const input: SetupInput = {
  organisation: { name: NAME },
  accounts: [
    { username: `beheer.${suffix}`, displayName: 'Bram Beheer', functionTitle: 'Functioneel beheerder', role: 'application-administrator' },
    { username: `fg.${suffix}`, displayName: 'Fenna Privacy', functionTitle: 'Functionaris gegevensbescherming', role: 'privacy-officer' },
    { username: `lg.${suffix}`, displayName: 'Lotte Leiding', functionTitle: 'Teamleider', role: 'manager' },
  ],
};
let result: SetupResult;
const cookies = new Map<string, string>();

/** The employee's side of the link, through the HTTP enrolment routes: open, add the secret to the app, choose a password. */
async function enrol(url: string): Promise<{ statusCode: number; cookie: string | undefined; body: string }> {
  const token = url.split('#')[1]!;
  const opened = await h.request({ method: 'POST', url: '/api/enrolment/open', body: { token } });
  if (opened.statusCode !== 200) return { statusCode: opened.statusCode, cookie: undefined, body: opened.body };
  const { totp, state } = opened.json<{ totp: { secret: string }; state: string }>();
  const done = await h.request({
    method: 'POST', url: '/api/enrolment/complete', body: { token, state, password: 'een-eigen-geheim-wachtwoord', code: totpCode(totp.secret, timeStep(h.clock.now)) },
  });
  const cookie = done.cookies.find((c) => c.name.endsWith('dw_session'));
  return { statusCode: done.statusCode, cookie: cookie === undefined ? undefined : `${cookie.name}=${cookie.value}`, body: done.body };
}

async function counts(): Promise<{ organisations: number; employees: number; links: number; log: number }> {
  const [row] = await h.database.db.query<{ organisations: number; employees: number; links: number; log: number }>(
    `SELECT (SELECT count(*)::int FROM org.organisations) AS organisations, (SELECT count(*)::int FROM org.employees) AS employees,
            (SELECT count(*)::int FROM org.enrolment_links) AS links, (SELECT count(*)::int FROM audit.access_log) AS log`);
  return row!;
}

beforeAll(async () => {
  h = await createHarness();
  result = await setUpOrganisation(h.database.db, input, { operator: 'Piet de Installateur', now: h.clock.now, publicUrl: 'https://dossier.example.nl/' });
});
afterAll(async () => h.close());

describe('the set-up makes the organisation, its first accounts and one enrolment link each', () => {
  it('creates the three accounts with their roles in effect and no credentials, and prints a link per account, never a password', async () => {
    expect(result.organisationName).toBe(NAME);
    expect(result.accounts.map((a) => [a.username, a.role])).toEqual(input.accounts.map((a) => [a.username, a.role]));
    const employees = await h.database.db.query<{ role_pending: boolean; password_hash: string | null; totp_secret: Buffer | null }>(
      'SELECT role_pending, password_hash, totp_secret FROM org.employees WHERE organisation_id = $1 ORDER BY username', [result.organisationId]);
    expect(employees).toHaveLength(3);
    for (const e of employees) expect(e).toMatchObject({ role_pending: false, password_hash: null, totp_secret: null });
    for (const account of result.accounts) {
      expect(account.enrolment.url).toMatch(/^https:\/\/dossier\.example\.nl\/inschrijven#[A-Za-z0-9_-]{43}$/);
      // The same expiry as the administrator's new account.
      expect(new Date(account.enrolment.expiresAt).getTime() - h.clock.now.getTime()).toBe(72 * 3_600_000);
      expect(JSON.stringify(account)).not.toMatch(/password|wachtwoord/i);
    }
    const links = await h.database.db.query<{ kind: string; created_by: string | null; created_by_setup: string | null }>(
      'SELECT l.kind, l.created_by, l.created_by_setup FROM org.enrolment_links l JOIN org.employees e ON e.id = l.employee_id WHERE e.organisation_id = $1', [result.organisationId]);
    expect(links).toEqual(Array(3).fill({ kind: 'new-account', created_by: null, created_by_setup: 'Piet de Installateur' }));
  });

  it('logs every account made as an act of the set-up, naming the operator; the chain verifies', async () => {
    type Row = { employee_id: string | null; employee_role: string; route: string; action: string; outcome: string; purpose: string; session_id: null };
    const rows = await h.database.db.query<Row>(
      'SELECT employee_id, employee_role, route, action, outcome, purpose, session_id FROM audit.access_log WHERE organisation_id = $1 ORDER BY seq', [result.organisationId]);
    expect(rows.slice(0, 3)).toEqual(result.accounts.map((a) => ({
      employee_id: null, employee_role: 'system', route: 'cli setup-organisation', action: 'administer', outcome: 'allowed',
      purpose: `create-account employee=${a.employeeId} role=${a.role} by=Piet%20de%20Installateur`, session_id: null,
    })));
    expect((await verifyLog(h.database.db)).ok).toBe(true);
  });

  it('a link followed through the HTTP enrolment routes gives a working account; the link works once', async () => {
    for (const account of result.accounts) {
      const enrolled = await enrol(account.enrolment.url);
      expect(enrolled.statusCode, enrolled.body).toBe(200);
      const me = await h.request({ method: 'GET', url: '/api/auth/me', cookie: enrolled.cookie! });
      expect(me.json()).toMatchObject({ role: account.role, rolePending: false });
      cookies.set(account.role, enrolled.cookie!);
      expect((await enrol(account.enrolment.url)).statusCode).toBe(410);
    }
    // The privacy officer's administration log shows the set-up's acts, by the system, naming each account.
    const log = await h.request({ method: 'GET', url: '/api/admin-log?limit=500', cookie: cookies.get('privacy-officer')! });
    expect(log.statusCode, log.body).toBe(200);
    type Line = { actor: { id: string | null; name: string | null; role: string | null }; act: string; route: string; subject: { name: string | null } | null };
    const setUp = log.json<{ lines: Line[] }>().lines.filter((l) => l.route === 'cli setup-organisation');
    expect(setUp.map((l) => [l.actor, l.act, l.subject?.name]).sort()).toEqual(
      result.accounts.map((a) => [{ id: null, name: null, role: 'system' }, 'create-account', a.displayName]).sort());
    // The administrator administers at once.
    expect((await h.request({ method: 'GET', url: '/api/admin/employees', cookie: cookies.get('application-administrator')! })).statusCode).toBe(200);
  });
});

describe('the four-eyes pair exists from the start (NEN 7510-2 A.6.1.2)', () => {
  for (const [role, approver] of [['manager', 'privacy-officer'], ['privacy-officer', 'manager']] as const) {
    it(`the set-up's ${approver} approves a later ${role}; the set-up's administrator cannot`, async () => {
      const admin = cookies.get('application-administrator')!;
      const created = await h.request({
        method: 'POST', url: '/api/admin/employees', cookie: admin,
        body: { username: `later.${role}.${suffix}`, displayName: `Later ${role}`, functionTitle: 'Teamleider', role },
      });
      expect(created.statusCode, created.body).toBe(201);
      const { employee, enrolment } = created.json<{ employee: { id: string; rolePending: boolean }; enrolment: { url: string } }>();
      expect(employee.rolePending).toBe(true);
      // A grant is decided once its employee has enrolled themselves.
      expect((await enrol(enrolment.url)).statusCode).toBe(200);
      const list = await h.request({ method: 'GET', url: '/api/role-grants', cookie: cookies.get(approver)! });
      expect(list.statusCode, list.body).toBe(200);
      const grant = list.json<{ grants: { id: string; employee: { id: string } }[] }>().grants.find((g) => g.employee.id === employee.id)!;
      expect(grant).toBeDefined();

      const byAdmin = await h.request({ method: 'POST', url: `/api/role-grants/${grant.id}/approve`, cookie: admin });
      expect(byAdmin.statusCode).toBe(403);
      expect(byAdmin.json()).toMatchObject({ nl: expect.stringContaining('vier-ogenprincipe') });

      const approved = await h.request({ method: 'POST', url: `/api/role-grants/${grant.id}/approve`, cookie: cookies.get(approver)! });
      expect(approved.statusCode, approved.body).toBe(200);
      const after = await h.request({ method: 'GET', url: `/api/admin/employees/${employee.id}`, cookie: admin });
      expect(after.json()).toMatchObject({ role, rolePending: false });
    });
  }
});

describe('a second run is refused and changes nothing', () => {
  it('refuses an organisation that has accounts, with the same or other accounts, and writes nothing', async () => {
    const before = await counts();
    const other = { ...input, accounts: input.accounts.map((a) => ({ ...a, username: `${a.username}.twee` })) };
    for (const again of [input, other]) {
      await expect(setUpOrganisation(h.database.db, again, { operator: 'Piet de Installateur', now: h.clock.now, publicUrl: undefined }))
        .rejects.toThrow(new SetupRefused(`The organisation "${NAME}" already has 5 account(s); nothing changed. Its application administrator makes further accounts in Dossierwijzer (Beheer).`));
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a new organisation whose user names are taken, without creating the organisation', async () => {
    const before = await counts();
    await expect(setUpOrganisation(h.database.db, { ...input, organisation: { name: `${NAME} twee` } }, { operator: 'Piet', now: h.clock.now, publicUrl: undefined }))
      .rejects.toThrow(/already taken: beheer\./);
    expect(await counts()).toEqual(before);
  });
});

describe('the input needs the three roles and one name per account', () => {
  const base = input.accounts;
  it.each([
    ['no manager', { organisation: { name: 'X' }, accounts: base.filter((a) => a.role !== 'manager') }, /at least one manager/],
    ['no privacy officer', { organisation: { name: 'X' }, accounts: base.filter((a) => a.role !== 'privacy-officer') }, /at least one privacy-officer/],
    ['only an administrator', { organisation: { name: 'X' }, accounts: base.slice(0, 1) }, /at least one privacy-officer, one manager/],
    ['a user name twice', { organisation: { name: 'X' }, accounts: [...base, { ...base[2]!, displayName: 'Tweede' }] }, /appears twice/],
    ['an unknown role', { organisation: { name: 'X' }, accounts: [...base, { ...base[0]!, username: 'x.y.z', role: 'root' }] }, /Invalid set-up: \/accounts\/3\/role/],
    ['a password', { organisation: { name: 'X' }, accounts: [{ ...base[0]!, password: 'geheim-wachtwoord' }, ...base.slice(1)] }, /Invalid set-up/],
  ])('refuses %s', (_, value, message) => {
    expect(() => checkSetupInput(value)).toThrow(message);
  });
});
