/**
 * A session is looked up in the organisation it belonged to last time (session-store.ts, `organisationOfSession`),
 * so that under row-level security (migration 0056) a request keeps one scope. The remembered organisation must
 * decide nothing: sessions of two organisations in turn resolve to their own employees, and a session ended or an
 * account disabled after it was remembered is refused at once (NEN 7510-2 A.9.2.6: access ends when the account does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganisation } from '../organisation/organisation-service.js';
import { asOwner } from '../test-support/test-database.js';
import { createHarness, type Harness } from '../test-support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

const me = (cookie: string) => h.request({ method: 'GET', url: '/api/auth/me', cookie });

describe('the session look-up in its own organisation\'s scope', () => {
  it('resolves sessions of two organisations in turn, each to its own employee', async () => {
    const other = await ensureOrganisation(h.database.db, 'Andere organisatie voor sessies');
    const here = await h.employee({ role: 'care-professional', name: 'Hier Werkzaam' });
    const there = await h.employee({ role: 'care-professional', name: 'Daar Werkzaam', organisationId: other });
    const [cookieHere, cookieThere] = [await h.login(here), await h.login(there)];
    for (let round = 0; round < 3; round++) {
      const a = await me(cookieHere);
      const b = await me(cookieThere);
      expect(a.statusCode, a.body).toBe(200);
      expect(b.statusCode, b.body).toBe(200);
      expect(a.json()).toMatchObject({ displayName: 'Hier Werkzaam' });
      expect(b.json()).toMatchObject({ displayName: 'Daar Werkzaam' });
    }
  });

  it('refuses a remembered session once it has ended, and once its account is disabled', async () => {
    const ended = await h.employee({ role: 'care-professional' });
    const endedCookie = await h.login(ended);
    expect((await me(endedCookie)).statusCode).toBe(200);
    const logout = await h.request({ method: 'POST', url: '/api/auth/logout', cookie: endedCookie });
    expect(logout.statusCode, logout.body).toBeLessThan(300);
    expect((await me(endedCookie)).statusCode).toBe(401);

    const disabled = await h.employee({ role: 'care-professional' });
    const disabledCookie = await h.login(disabled);
    expect((await me(disabledCookie)).statusCode).toBe(200);
    await asOwner(h.database, (owner) => owner.query('UPDATE org.employees SET active = false WHERE id = $1', [disabled.id]));
    expect((await me(disabledCookie)).statusCode).toBe(401);
  });
});
