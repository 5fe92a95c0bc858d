/**
 * The administration log names what the privacy officer needs to read a row without raw codes:
 * a changed organisation setting with its value before and after, and for the set-up command's
 * rows the operator who ran it at the console (`by=`, percent-encoded in the log).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeStep, totpCode } from '../auth/totp.js';
import { createHarness, type Harness } from '../test-support/harness.js';
import { setUpOrganisation } from './organisation-setup.js';

interface Line {
  act: string | null;
  outcome: string;
  route: string;
  subject: { name: string | null } | null;
  setting: { name: string; from: string | null; to: string | null } | null;
  operator: string | null;
}

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

async function adminLog(cookie: string): Promise<Line[]> {
  const log = await h.request({ method: 'GET', url: '/api/admin-log?limit=500', cookie });
  expect(log.statusCode, log.body).toBe(200);
  return log.json<{ lines: Line[] }>().lines;
}

describe('GET /api/admin-log details', () => {
  it('shows a setting change with its value before and after, and no setting or operator on other rows', async () => {
    const officerCookie = await h.login(await h.employee({ role: 'privacy-officer' }));
    const managerCookie = await h.login(await h.employee({ role: 'manager' }));
    const refused = await h.request({
      method: 'PUT', url: '/api/organisation/settings', cookie: managerCookie,
      body: { emergencyAccessRoles: ['care-professional', 'manager'], destructionSecondConfirmation: true },
    });
    expect(refused.statusCode).toBe(403);
    const changed = await h.request({
      method: 'PUT', url: '/api/organisation/settings', cookie: officerCookie,
      body: { emergencyAccessRoles: ['care-professional', 'privacy-officer'], destructionSecondConfirmation: false },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const lines = await adminLog(officerCookie);
    const settings = lines.filter((l) => l.act === 'change-setting' && l.outcome === 'allowed');
    expect(settings.map((l) => l.setting)).toEqual(expect.arrayContaining([
      { name: 'emergency-access-roles', from: 'care-professional', to: 'care-professional,privacy-officer' },
      { name: 'destruction-second-confirmation', from: 'true', to: 'false' },
    ]));
    expect(settings.every((l) => l.operator === null)).toBe(true);
    // The refused attempt changed nothing: no setting, no operator.
    const attempts = lines.filter((l) => l.outcome !== 'allowed');
    expect(attempts.length).toBeGreaterThan(0);
    expect(attempts.every((l) => l.setting === null && l.operator === null)).toBe(true);
  });

  it('names the operator of the set-up command, decoded, on each account it made', async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const result = await setUpOrganisation(h.database.db, {
      organisation: { name: `Jeugdhulp Logboek ${suffix}` },
      accounts: [
        { username: `beheer.${suffix}`, displayName: 'Bram Beheer', functionTitle: 'Functioneel beheerder', role: 'application-administrator' },
        { username: `fg.${suffix}`, displayName: 'Fenna Privacy', functionTitle: 'Functionaris gegevensbescherming', role: 'privacy-officer' },
        { username: `lg.${suffix}`, displayName: 'Lotte Leiding', functionTitle: 'Teamleider', role: 'manager' },
      ],
    }, { operator: 'Piet de Installateur', now: h.clock.now, publicUrl: 'https://dossier.example.nl/' });
    // The new organisation's privacy officer enrols through her link and reads the log.
    const officer = result.accounts.find((a) => a.role === 'privacy-officer')!;
    const token = officer.enrolment.url.split('#')[1]!;
    const opened = await h.request({ method: 'POST', url: '/api/enrolment/open', body: { token } });
    expect(opened.statusCode, opened.body).toBe(200);
    const { totp, state } = opened.json<{ totp: { secret: string }; state: string }>();
    const done = await h.request({
      method: 'POST', url: '/api/enrolment/complete', body: { token, state, password: 'een-eigen-geheim-wachtwoord', code: totpCode(totp.secret, timeStep(h.clock.now)) },
    });
    expect(done.statusCode, done.body).toBe(200);
    const cookie = done.cookies.find((c) => c.name.endsWith('dw_session'))!;
    const setUp = (await adminLog(`${cookie.name}=${cookie.value}`)).filter((l) => l.route === 'cli setup-organisation');
    expect(setUp.map((l) => [l.act, l.subject?.name, l.operator]).sort()).toEqual(
      result.accounts.map((a) => ['create-account', a.displayName, 'Piet de Installateur']).sort());
    expect(setUp.every((l) => l.setting === null)).toBe(true);
  });
});
