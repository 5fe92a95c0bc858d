import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decryptJson } from '../crypto/envelope.js';
import { createHarness, TEST_PASSWORD, type Harness, type TestEmployee } from '../test-support/harness.js';
import { commonPasswordCount, isCommonPassword } from './common-passwords.js';
import { CSRF_HEADER } from './csrf.js';
import { timeStep, totpCode } from './totp.js';

let h: Harness;
beforeAll(async () => { h = await createHarness(); });
afterAll(async () => h.close());
afterEach(() => { h.clock.reset(); });

let addressCounter = 0;
/** A fresh caller address per test, so the per-address throttle of one test does not reach another. */
function freshAddress(): string {
  addressCounter += 1;
  return `192.0.2.${addressCounter}`;
}

function passwordStep(username: string, password = TEST_PASSWORD, remoteAddress = '127.0.0.1') {
  return h.request({ method: 'POST', url: '/api/auth/login', body: { username, password }, remoteAddress });
}

function codeStep(challenge: string, code: string, remoteAddress = '127.0.0.1', kind: 'totp' | 'enrol' = 'totp') {
  return h.request({ method: 'POST', url: `/api/auth/login/${kind}`, body: { challenge, code }, remoteAddress });
}

async function challengeFor(employee: TestEmployee, remoteAddress?: string): Promise<string> {
  const response = await passwordStep(employee.username, TEST_PASSWORD, remoteAddress);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ challenge: string }>().challenge;
}

function cookieOf(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((c) => c.name.endsWith('dw_session'));
  if (cookie === undefined) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}

/** An employee with a second factor, the harness's secret, and no replay history. */
async function enrolled(): Promise<{ employee: TestEmployee; secret: string }> {
  const employee = await h.employee({ role: 'care-professional' });
  return { employee, secret: await h.totpSecret(employee) };
}

const me = (cookie: string) => h.request({ method: 'GET', url: '/api/auth/me', cookie });

describe('log-in with two factors (NEN 7510-2 A.9.4.2; RFC 6238)', () => {
  it('the password step answers a challenge, sets no cookie, and opens no route', async () => {
    const { employee } = await enrolled();
    const step1 = await passwordStep(employee.username);
    expect(step1.statusCode).toBe(200);
    expect(step1.cookies).toHaveLength(0);
    const body = step1.json();
    expect(body).toMatchObject({ next: 'totp', challenge: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/) });
    expect(body.enrolment).toBeUndefined();
    // The challenge is no session: not as a cookie, not on any protected route.
    for (const cookie of [`dw_session=${body.challenge}`, `__Host-dw_session=${body.challenge}`, '']) {
      expect((await me(cookie)).statusCode).toBe(401);
      expect((await h.request({ method: 'GET', url: '/api/clients', cookie })).statusCode).toBe(401);
      expect((await h.request({ method: 'POST', url: '/api/clients', cookie, body: {} })).statusCode).toBe(401);
    }
    // Only the hash of the challenge is stored.
    const rows = await h.database.db.query<Record<string, unknown>>('SELECT * FROM org.login_challenges WHERE employee_id = $1', [employee.id]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(body.challenge);
    expect((await h.database.db.query('SELECT 1 FROM org.sessions WHERE employee_id = $1', [employee.id]))).toHaveLength(0);
  });

  it('the code step starts a session with an HttpOnly SameSite=Strict cookie, a new id every time', async () => {
    const { employee, secret } = await enrolled();
    const first = await codeStep(await challengeFor(employee), totpCode(secret, timeStep(h.clock.now)));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ employeeId: employee.id, role: 'care-professional' });
    expect(first.cookies[0]).toMatchObject({ name: 'dw_session', httpOnly: true, sameSite: 'Strict', path: '/' });
    const cookie = cookieOf(first);
    expect((await me(cookie)).statusCode).toBe(200);
    // A later step's code (one step of drift allowed) gives another session id: no fixation.
    const second = await h.request({
      method: 'POST', url: '/api/auth/login/totp', cookie,
      body: { challenge: await challengeFor(employee), code: totpCode(secret, timeStep(h.clock.now) + 1) },
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(cookieOf(second)).not.toBe(cookie);
  });

  it('refuses a code accepted once, and any code of an earlier step (RFC 6238 §5.2)', async () => {
    const { employee, secret } = await enrolled();
    const code = totpCode(secret, timeStep(h.clock.now));
    expect((await codeStep(await challengeFor(employee), code)).statusCode).toBe(200);
    const replay = await codeStep(await challengeFor(employee), code);
    expect(replay.statusCode).toBe(401);
    expect(replay.cookies).toHaveLength(0);
    const earlier = await codeStep(await challengeFor(employee), totpCode(secret, timeStep(h.clock.now) - 1));
    expect(earlier.statusCode).toBe(401);
  });

  it('a second log-in with the same code within its 30 s says the code was used, and the next code then works (issue 15, Deliver 11)', async () => {
    const { employee, secret } = await enrolled();
    const code = totpCode(secret, timeStep(h.clock.now));
    expect((await codeStep(await challengeFor(employee), code)).statusCode).toBe(200);
    const challenge = await challengeFor(employee);
    const replay = await codeStep(challenge, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.cookies).toHaveLength(0);
    expect(replay.json()).toMatchObject({
      code: 'totp-code-used',
      nl: expect.stringContaining('één keer per 30 seconden'),
      en: expect.stringContaining('once per 30 seconds'),
    });
    // The replay did not spend the challenge: the next step's code logs in with it.
    h.clock.advance(30_000);
    expect((await codeStep(challenge, totpCode(secret, timeStep(h.clock.now)))).statusCode).toBe(200);
  });

  it('says nothing about used codes to someone without a challenge (no password step passed)', async () => {
    const { employee, secret } = await enrolled();
    const code = totpCode(secret, timeStep(h.clock.now));
    expect((await codeStep(await challengeFor(employee), code)).statusCode).toBe(200);
    const forged = await codeStep('B'.repeat(43), code);
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'login-failed' });
  });

  it('refuses a code outside one step of drift, an expired challenge and a spent challenge', async () => {
    const { employee, secret } = await enrolled();
    expect((await codeStep(await challengeFor(employee), totpCode(secret, timeStep(h.clock.now) + 2))).statusCode).toBe(401);
    const challenge = await challengeFor(employee);
    h.clock.advance(5 * 60_000 + 1000);
    expect((await codeStep(challenge, totpCode(secret, timeStep(h.clock.now)))).statusCode).toBe(401);
    h.clock.reset();
    const used = await challengeFor(employee);
    expect((await codeStep(used, totpCode(secret, timeStep(h.clock.now)))).statusCode).toBe(200);
    h.clock.advance(30_000);
    expect((await codeStep(used, totpCode(secret, timeStep(h.clock.now)))).statusCode).toBe(401);
  });

  it('spends a challenge after five wrong codes, so it cannot be used to guess', async () => {
    const { employee, secret } = await enrolled();
    const address = freshAddress();
    const challenge = await challengeFor(employee, address);
    const right = totpCode(secret, timeStep(h.clock.now));
    const wrong = right === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i += 1) expect((await codeStep(challenge, wrong, address)).statusCode).toBe(401);
    expect((await codeStep(challenge, right, address)).statusCode).not.toBe(200);
  });

  it('a code step for the other kind of challenge fails', async () => {
    const { employee, secret } = await enrolled();
    expect((await codeStep(await challengeFor(employee), totpCode(secret, timeStep(h.clock.now)), '127.0.0.1', 'enrol')).statusCode).toBe(401);
  });

  it('answers every failure with the same 401 problem, never saying which part was wrong or whether the account exists', async () => {
    const { employee, secret } = await enrolled();
    const address = freshAddress();
    const wrongPassword = await passwordStep(employee.username, 'not-the-password-at-all', address);
    const unknownAccount = await passwordStep('nobody-here-at-all', 'not-the-password-at-all', address);
    const wrongCode = await codeStep(await challengeFor(employee, address), '123456' === totpCode(secret, timeStep(h.clock.now)) ? '654321' : '123456', address);
    const forgedChallenge = await codeStep('A'.repeat(43), '123456', address);
    const bodies = [wrongPassword, unknownAccount, wrongCode, forgedChallenge].map((r) => {
      expect(r.statusCode).toBe(401);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.cookies).toHaveLength(0);
      return r.body;
    });
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toMatchObject({ code: 'login-failed', nl: expect.stringMatching(/Inloggen/), en: expect.stringMatching(/Log-in failed/) });
    // A forged or ended session cookie: 401 problem+json.
    for (const cookie of ['dw_session=forged-token-value', '__Host-dw_session=' + 'x'.repeat(43)]) {
      const response = await me(cookie);
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('a disabled account cannot log in, with the same answer', async () => {
    const { employee } = await enrolled();
    await h.database.db.query('UPDATE org.employees SET active = false WHERE id = $1', [employee.id]);
    const response = await passwordStep(employee.username, TEST_PASSWORD, freshAddress());
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('login-failed');
  });
});

describe('enrolment of the second factor', () => {
  it('offers a fresh secret as otpauth URI and QR code, confirms it with a code, stores it encrypted, and returns ten recovery codes once', async () => {
    const employee = await h.employee({ role: 'intern' });
    const step1 = await passwordStep(employee.username);
    expect(step1.statusCode).toBe(200);
    const body = step1.json();
    expect(body.next).toBe('enrol');
    const { otpauthUri, secret, qrCode } = body.enrolment;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits in base32
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret, algorithm: 'SHA1', digits: '6', period: '30', issuer: 'Dossierwijzer' });
    expect(qrCode).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    // The session does not exist yet, and the secret is not enrolled until confirmed.
    expect((await h.database.db.query<{ totp_secret: Buffer | null }>('SELECT totp_secret FROM org.employees WHERE id = $1', [employee.id]))[0]!.totp_secret).toBeNull();

    expect((await codeStep(body.challenge, totpCode(secret, timeStep(h.clock.now)) === '111111' ? '222222' : '111111', '127.0.0.1', 'enrol')).statusCode).toBe(401);
    const done = await codeStep(body.challenge, totpCode(secret, timeStep(h.clock.now)), '127.0.0.1', 'enrol');
    expect(done.statusCode, done.body).toBe(200);
    const { recoveryCodes } = done.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await me(cookieOf(done))).statusCode).toBe(200);

    const [row] = await h.database.db.query<{ totp_secret: Buffer; totp_last_step: string }>('SELECT totp_secret, totp_last_step FROM org.employees WHERE id = $1', [employee.id]);
    expect(row!.totp_secret.toString('latin1')).not.toContain(secret);
    expect(decryptJson(h.app.deps.masterKey, row!.totp_secret, `totp:${employee.id}`)).toEqual({ secret });
    expect(Number(row!.totp_last_step)).toBe(timeStep(h.clock.now));
    const stored = JSON.stringify(await h.database.db.query('SELECT * FROM org.recovery_codes WHERE employee_id = $1', [employee.id]));
    for (const code of recoveryCodes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replace('-', ''));
    }

    // From now on the log-in asks for a code, and the enrolment code cannot be used again.
    const next = await passwordStep(employee.username);
    expect(next.json().next).toBe('totp');
    expect((await codeStep(next.json().challenge, totpCode(secret, timeStep(h.clock.now)))).statusCode).toBe(401);

    // A recovery code works once, in any case and with or without its dash.
    const recovery = recoveryCodes[0]!;
    const withRecovery = await codeStep(await challengeFor(employee), recovery.toUpperCase().replace('-', ' '));
    expect(withRecovery.statusCode, withRecovery.body).toBe(200);
    expect((await codeStep(await challengeFor(employee), recovery)).statusCode).toBe(401);
    expect((await codeStep(await challengeFor(employee), recoveryCodes[1]!)).statusCode).toBe(200);
  });

  it('refuses unknown fields in the log-in bodies', async () => {
    const employee = await h.employee({ role: 'intern' });
    const response = await h.request({ method: 'POST', url: '/api/auth/login', body: { username: employee.username, password: TEST_PASSWORD, skipSecondFactor: true } });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('skipSecondFactor');
    const code = await h.request({ method: 'POST', url: '/api/auth/login/totp', body: { challenge: 'A'.repeat(43), code: '123456', employeeId: employee.id } });
    expect(code.statusCode).toBe(400);
  });
});

describe('sessions', () => {
  it('end after 15 minutes without requests (idle timeout)', async () => {
    const { employee } = await enrolled();
    const cookie = await h.login(employee);
    h.clock.advance(14 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200); // and this request resets the idle timer
    h.clock.advance(14 * 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    h.clock.advance(15 * 60_000 + 1000);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('end 12 hours after log-in however active (absolute lifetime)', async () => {
    const { employee } = await enrolled();
    const cookie = await h.login(employee);
    for (let minutes = 10; minutes < 12 * 60; minutes += 10) {
      h.clock.advance(10 * 60_000);
      expect((await me(cookie)).statusCode, `after ${minutes} minutes`).toBe(200);
    }
    h.clock.advance(10 * 60_000);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('logout ends the session at once', async () => {
    const { employee } = await enrolled();
    const cookie = await h.login(employee);
    expect((await h.request({ method: 'POST', url: '/api/auth/logout', cookie })).statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('password change', () => {
  const change = (cookie: string, currentPassword: string, newPassword: string) =>
    h.request({ method: 'POST', url: '/api/auth/password', cookie, body: { currentPassword, newPassword } });

  it('refuses fewer than 12 characters and common passwords, case-insensitively (OWASP ASVS 2.1.1, 2.1.7)', async () => {
    const { employee } = await enrolled();
    const cookie = await h.login(employee);
    const short = await change(cookie, TEST_PASSWORD, 'Kort-11-tkn');
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'password-too-short', field: 'newPassword' });
    for (const common of ['qwertyuiop123', 'QwErTyUiOp123', '1qaz2wsx3edc', 'Wachtwoord2026']) {
      const response = await change(cookie, TEST_PASSWORD, common);
      expect(response.statusCode, common).toBe(400);
      expect(response.json()).toMatchObject({ code: 'password-too-common', field: 'newPassword' });
    }
    expect((await change(cookie, TEST_PASSWORD, TEST_PASSWORD)).statusCode).toBe(400);
    expect((await me(cookie)).statusCode).toBe(200); // refusals leave the session alone
  });

  it('needs the current password (the same 401 as a log-in)', async () => {
    const { employee } = await enrolled();
    const cookie = await h.login(employee);
    const response = await change(cookie, 'not-the-current-password', 'een-heel-nieuw-wachtwoord');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('login-failed');
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('ends all sessions of the employee at once and continues in a new one', async () => {
    const { employee, secret } = await enrolled();
    const first = await h.login(employee);
    const second = await h.login(employee);
    const response = await change(first, TEST_PASSWORD, 'paarse-olifant-op-de-fiets');
    expect(response.statusCode, response.body).toBe(204);
    const fresh = cookieOf(response);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(401);
    expect((await me(fresh)).statusCode).toBe(200);
    expect((await passwordStep(employee.username, TEST_PASSWORD, freshAddress())).statusCode).toBe(401);
    const step1 = await passwordStep(employee.username, 'paarse-olifant-op-de-fiets');
    expect(step1.statusCode).toBe(200);
    await h.database.db.query('UPDATE org.employees SET totp_last_step = NULL WHERE id = $1', [employee.id]);
    expect((await codeStep(step1.json().challenge, totpCode(secret, timeStep(h.clock.now)))).statusCode).toBe(200);
    const [row] = await h.database.db.query<{ password_hash: string }>('SELECT password_hash FROM org.employees WHERE id = $1', [employee.id]);
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/); // OWASP Password Storage Cheat Sheet minimum
  });

  it('ships a list of thousands of common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThan(5000);
    expect(isCommonPassword('PASSWORD')).toBe(true);
    expect(isCommonPassword('paarse-olifant-op-de-fiets')).toBe(false);
  });
});

describe('CSRF protection', () => {
  it('refuses a state-changing /api request without the custom header with 403, with or without a session', async () => {
    const { employee } = await enrolled();
    const cookie = await h.login(employee);
    const noHeader = { [CSRF_HEADER]: '' };
    const logout = await h.request({ method: 'POST', url: '/api/auth/logout', cookie, headers: noHeader });
    expect(logout.statusCode).toBe(403);
    expect(logout.headers['content-type']).toContain('application/problem+json');
    expect(logout.json().code).toBe('csrf-header-missing');
    expect((await me(cookie)).statusCode).toBe(200); // the refused logout did nothing
    const wrongValue = await h.request({ method: 'POST', url: '/api/clients', cookie, body: {}, headers: { [CSRF_HEADER]: 'yes' } });
    expect(wrongValue.statusCode).toBe(403);
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      expect((await h.request({ method, url: '/api/admin/teams/00000000-0000-4000-8000-000000000000/members/00000000-0000-4000-8000-000000000000', cookie, headers: noHeader })).statusCode).toBe(403);
    }
    const login = await h.request({ method: 'POST', url: '/api/auth/login', body: { username: employee.username, password: TEST_PASSWORD }, headers: noHeader });
    expect(login.statusCode).toBe(403);
    // Reading needs no header.
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie, headers: noHeader })).statusCode).toBe(200);
  });
});

describe('log-in throttling (OWASP ASVS 2.2.1)', () => {
  it('backs off after five failures on an account, whether or not it exists, and takes the right password only after the wait', async () => {
    const { employee, secret } = await enrolled();
    const answers: string[] = [];
    for (const username of [employee.username, 'no-such-account-anywhere']) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await passwordStep(username, 'wrong-password-guess', freshAddress())).statusCode);
      expect(statuses, username).toEqual([401, 401, 401, 401, 401, 429]);
      const refused = await passwordStep(username, username === employee.username ? TEST_PASSWORD : 'x', freshAddress());
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('2');
      answers.push(JSON.stringify({ ...refused.json(), headers: refused.headers['retry-after'] }));
    }
    expect(answers[0]).toBe(answers[1]); // throttling says nothing about whether the account exists
    expect(JSON.parse(answers[0]!)).toMatchObject({ status: 429, code: 'login-throttled', nl: expect.any(String), en: expect.any(String) });

    h.clock.advance(2000);
    // The next failure doubles the wait.
    expect((await passwordStep(employee.username, 'wrong-password-guess', freshAddress())).statusCode).toBe(401);
    const longer = await passwordStep(employee.username, TEST_PASSWORD, freshAddress());
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('4');
    h.clock.advance(4000);
    const step1 = await passwordStep(employee.username, TEST_PASSWORD, freshAddress());
    expect(step1.statusCode).toBe(200);
    const done = await codeStep(step1.json().challenge, totpCode(secret, timeStep(h.clock.now)), freshAddress());
    expect(done.statusCode, done.body).toBe(200);
    // A complete log-in clears the account's count.
    expect((await passwordStep(employee.username, 'wrong-password-guess', freshAddress())).statusCode).toBe(401);
  });

  it('backs off per address across accounts, and counts wrong codes too; kept in the database', async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await passwordStep(`sprayed-${i}`, 'Welkom-2026-zomer', address)).statusCode);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    const rows = await h.database.db.query<{ scope: string; failures: number }>('SELECT scope, failures FROM org.login_throttle WHERE scope = \'address\' AND failures >= 20');
    expect(rows.length).toBeGreaterThan(0);
    // The address's wait grows too: 2 s, then 4 s after the next failure.
    const refused = await passwordStep('sprayed-x', 'Welkom-2026-zomer', address);
    expect(refused.headers['retry-after']).toBe('2');
    h.clock.advance(2000);
    expect((await passwordStep('sprayed-y', 'Welkom-2026-zomer', address)).statusCode).toBe(401);
    const longer = await passwordStep('sprayed-z', 'Welkom-2026-zomer', address);
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('4');

    const { employee, secret } = await enrolled();
    const other = freshAddress();
    const right = totpCode(secret, timeStep(h.clock.now));
    const wrong = right === '999999' ? '999998' : '999999';
    for (let i = 0; i < 5; i += 1) {
      expect((await codeStep(await challengeFor(employee, other), wrong, other)).statusCode).toBe(401);
    }
    expect((await passwordStep(employee.username, TEST_PASSWORD, freshAddress())).statusCode).toBe(429);
  });
});

describe('logs', () => {
  it('contain no passwords, codes, challenges or session tokens', async () => {
    const { employee, secret } = await enrolled();
    const before = h.logs.length;
    const address = freshAddress();
    await passwordStep(employee.username, 'a-wrong-password-to-hide', address);
    const challenge = await challengeFor(employee, address);
    const code = totpCode(secret, timeStep(h.clock.now));
    const done = await codeStep(challenge, code, address);
    const token = cookieOf(done).split('=')[1]!;
    const logged = h.logs.slice(before).join('');
    expect(logged).toContain('log-in succeeded');
    for (const secretValue of ['a-wrong-password-to-hide', TEST_PASSWORD, challenge, token, secret, employee.username]) {
      expect(logged).not.toContain(secretValue);
    }
    expect(logged).not.toMatch(new RegExp(`"code":"${code}"`));
  });
});
