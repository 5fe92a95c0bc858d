import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../demo/seed-demo.js';
import { createHarness, type Harness } from '../test-support/harness.js';
import { timeStep, totpCode } from './totp.js';

let h: Harness;
beforeAll(async () => { h = await createHarness({ DW_DEMO: 'true' }); });
afterAll(async () => h.close());

describe('demo users (demo mode skips no factor)', () => {
  it('have TOTP secrets, the same on every start, and log in only with password and code', async () => {
    const first = await seedDemo(h.database.db, h.app.deps.masterKey, h.clock.now);
    const again = await seedDemo(h.database.db, h.app.deps.masterKey, h.clock.now);
    expect(first.totp.map((t) => t.username)).toEqual(DEMO_USERS.map((u) => u.username));
    expect(again.totp).toEqual(first.totp);
    const beheer = first.totp.find((t) => t.username === 'demo.beheer')!;
    expect(beheer.otpauthUri).toContain(`secret=${beheer.secret}`);

    const step1 = await h.request({ method: 'POST', url: '/api/auth/login', body: { username: 'demo.beheer', password: DEMO_PASSWORD } });
    expect(step1.statusCode).toBe(200);
    expect(step1.json().next).toBe('totp');
    expect(step1.cookies).toHaveLength(0);
    const step2 = await h.request({ method: 'POST', url: '/api/auth/login/totp', body: { challenge: step1.json().challenge, code: totpCode(beheer.secret, timeStep(h.clock.now)) } });
    expect(step2.statusCode, step2.body).toBe(200);
    expect(step2.json().role).toBe('application-administrator');
  });
});
