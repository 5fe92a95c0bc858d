/**
 * The product follows the engine's `retention()` (issue 16 error 9): the
 * organisation's term takes the kinds of 003 §3.2 (years after the last
 * change; until the client or the youngest child is an age), a term below the
 * legal minimum is warned, and a good-care extension (Jeugdwet 7.3.8) is dated,
 * has its reason sealed under the client's key, and postpones the sweep —
 * distinct from a procedure hold. Over HTTP, on the real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, testBsn, type Harness, type TestEmployee } from '../test-support/harness.js';
import { destroyConfirmed, sweepRetention } from './retention-service.js';

interface View {
  clientId: string; lastChange: string; keptUntil: string | null; termEnd: string | null; warning: boolean; held: boolean;
  goodCare: { until: string; reason: string } | null; explanation: string;
}

describe('retention terms of 003 §3.2 and the good-care extension (issue 16 error 9)', () => {
  let h: Harness;
  let holder: TestEmployee;
  let holderCookie: string;
  let officerCookie: string;
  let child: string;
  let created: string;

  const register = async (birthDate: string): Promise<string> => {
    const response = await h.request({
      method: 'POST', url: '/api/clients', cookie: holderCookie,
      body: { bsn: testBsn(), familyName: 'Termijn', givenNames: 'Kim', birthDate, gender: 'unknown', careStartedOn: '2026-01-05' },
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string }>().id;
  };
  const view = async (clientId: string) => h.request({ method: 'GET', url: `/api/privacy/retention/${clientId}`, cookie: officerCookie });
  const setTerm = (term: Record<string, unknown>, cookie = officerCookie) =>
    h.request({ method: 'PUT', url: '/api/privacy/retention-settings', cookie, body: { term, reason: 'Beleid van de organisatie' } });
  const dueOn = async (day: string) => (await sweepRetention(h.database.db, { now: new Date(`${day}T10:00:00Z`), dryRun: true })).due.map((d) => d.clientId);

  beforeAll(async () => {
    h = await createHarness();
    holder = await h.employee({ role: 'care-professional' });
    holderCookie = await h.login(holder);
    officerCookie = await h.login(await h.employee({ role: 'privacy-officer' }));
    child = await register('2010-03-15');
    const [row] = await h.database.db.query<{ born: string; day: string }>(
      `SELECT to_char(c.birth_date, 'YYYY-MM-DD') AS born, to_char(d.created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS day
         FROM formal.clients c JOIN care.dossiers d ON d.client_id = c.id WHERE c.id = $1`, [child]);
    expect(row!.born).toBe('2010-03-15');
    created = row!.day;
  });
  afterAll(() => h.close());

  const plusYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;

  it('"until 24" for a child born in 2010 ends on 15 March 2034 — below the legal minimum, so warned and kept to the minimum (003 §3.2; Jeugdwet 7.3.8)', async () => {
    const set = await setTerm({ kind: 'until-age', age: 24, ageOf: 'client' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ kind: 'until-age', age: 24, ageOf: 'client', termYears: null });
    expect(set.json<{ warning: string | null }>().warning).toMatch(/korter dan de wet vraagt/);
    const response = await view(child);
    expect(response.statusCode).toBe(200);
    const v = response.json<View>();
    expect(v).toMatchObject({ termEnd: '2034-03-15', warning: true, keptUntil: plusYears(created, 20), held: false, goodCare: null });
    expect(v.explanation).toMatch(/15 maart 2034/);
    expect(v.explanation).toMatch(/korter dan de wet vraagt/);
    // Not destroyed at the term's end: the legal minimum still holds.
    expect(await dueOn('2035-01-01')).not.toContain(child);
  });

  it('"at most 30 years after majority" (until 48) keeps the dossier until 15 March 2058, and the sweep follows it', async () => {
    const set = await setTerm({ kind: 'until-age', age: 48, ageOf: 'client' });
    expect(set.json<{ warning: string | null }>().warning).toBeNull();
    expect((await view(child)).json<View>()).toMatchObject({ termEnd: '2058-03-15', keptUntil: '2058-03-15', warning: false });
    expect(await dueOn('2058-03-15')).not.toContain(child);
    expect(await dueOn('2058-03-16')).toContain(child);
  });

  it('a number of years below twenty is warned; above twenty it sets the end', async () => {
    const short = await setTerm({ kind: 'years-after-last-change', years: 15 });
    expect(short.json<{ warning: string | null }>().warning).toMatch(/korter dan de wet vraagt/);
    expect((await view(child)).json<View>()).toMatchObject({ warning: true, keptUntil: plusYears(created, 20), termEnd: plusYears(created, 15) });
    await setTerm({ kind: 'years-after-last-change', years: 25 });
    expect((await view(child)).json<View>()).toMatchObject({ warning: false, keptUntil: plusYears(created, 25) });
  });

  it('refuses bad terms as 400 problem+json: unknown kind, a field of the other kind, an extra field, a missing age', async () => {
    for (const term of [{ kind: 'until-birthday', age: 24 }, { kind: 'until-age', age: 24, ageOf: 'client', years: 3 }, { kind: 'until-age', ageOf: 'client' },
      { kind: 'years-after-last-change', years: 0 }, { kind: 'until-age', age: 24, ageOf: 'neighbour' }]) {
      const response = await setTerm(term);
      expect(response.statusCode, JSON.stringify(term)).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const extra = await h.request({ method: 'PUT', url: '/api/privacy/retention-settings', cookie: officerCookie, body: { term: { kind: 'years-after-last-change', years: 25 }, reason: 'Beleid', termYears: 25 } });
    expect(extra.statusCode).toBe(400);
  });

  it('a good-care extension postpones the sweep, is dated, its reason sealed under the client\'s key, and differs from a hold (Jeugdwet 7.3.8; 000)', async () => {
    await setTerm({ kind: 'years-after-last-change', years: 20 });
    const minimumEnd = plusYears(created, 20);
    const dayAfter = plusYears(created, 21);
    expect(await dueOn(dayAfter)).toContain(child);
    const reason = 'Seksueel misbruik: de jongere kan het dossier later nodig hebben';
    const recorded = await h.request({ method: 'PUT', url: `/api/privacy/retention/${child}/good-care`, cookie: officerCookie, body: { until: '2075-06-30', reason } });
    expect(recorded.statusCode).toBe(200);
    const v = recorded.json<View>();
    expect(v).toMatchObject({ keptUntil: '2075-06-30', held: false, goodCare: { until: '2075-06-30', reason } });
    expect(v.explanation).toMatch(/goede zorg vraagt om het dossier te bewaren tot en met 30 juni 2075/);
    expect(minimumEnd < '2075-06-30').toBe(true);
    expect(await dueOn(dayAfter)).not.toContain(child);
    expect(await dueOn('2075-07-01')).toContain(child);
    // The reason is not in the database in clear.
    const rows = await h.database.db.query<{ row: string }>('SELECT row_to_json(x)::text AS row FROM org.retention_extensions x WHERE client_id = $1', [child]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.row).not.toMatch(/misbruik/i);
    // Not a hold: the review list has no held row for it.
    expect((await h.database.db.query(`SELECT 1 FROM org.retention_reviews WHERE client_id = $1 AND status = 'held'`, [child]))).toHaveLength(0);
    // Ended: the sweep decides again from the minimum; ending twice is 404.
    const ended = await h.request({ method: 'DELETE', url: `/api/privacy/retention/${child}/good-care`, cookie: officerCookie });
    expect(ended.json<View>()).toMatchObject({ keptUntil: minimumEnd, goodCare: null });
    expect(await dueOn(dayAfter)).toContain(child);
    expect((await h.request({ method: 'DELETE', url: `/api/privacy/retention/${child}/good-care`, cookie: officerCookie })).statusCode).toBe(404);
  });

  it('a good-care extension recorded after the privacy officer confirmed destruction takes the dossier off the list: nothing is destroyed', async () => {
    await setTerm({ kind: 'years-after-last-change', years: 20 });
    const dayAfter = new Date(`${plusYears(created, 21)}T10:00:00Z`);
    expect((await sweepRetention(h.database.db, { now: dayAfter, dryRun: false })).due.map((d) => d.clientId)).toContain(child);
    const confirmed = await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${child}/confirm`, cookie: officerCookie });
    expect(confirmed.json()).toEqual({ clientId: child, status: 'confirmed' });
    const recorded = await h.request({ method: 'PUT', url: `/api/privacy/retention/${child}/good-care`, cookie: officerCookie, body: { until: '2080-01-01', reason: 'Seksueel misbruik: later nodig voor de zorg' } });
    expect(recorded.statusCode).toBe(200);
    expect(await h.database.db.query('SELECT 1 FROM org.retention_reviews WHERE client_id = $1', [child])).toHaveLength(0);
    expect(await destroyConfirmed(h.database.db, { now: dayAfter })).toMatchObject({ destroyed: 0 });
    expect(await h.database.db.query('SELECT 1 FROM org.destruction_records WHERE client_id = $1', [child])).toHaveLength(0);
    expect((await h.request({ method: 'DELETE', url: `/api/privacy/retention/${child}/good-care`, cookie: officerCookie })).statusCode).toBe(200);
  });

  it('refuses a good-care day in the past, a short reason and an extra field (400), an unknown client (404)', async () => {
    const put = (body: Record<string, unknown>, id = child) => h.request({ method: 'PUT', url: `/api/privacy/retention/${id}/good-care`, cookie: officerCookie, body });
    expect((await put({ until: '2020-01-01', reason: 'Seksueel misbruik in het gezin' })).statusCode).toBe(400);
    expect((await put({ until: '2080-02-30', reason: 'Seksueel misbruik in het gezin' })).statusCode).toBe(400);
    expect((await put({ until: '2080-01-01', reason: 'kort' })).statusCode).toBe(400);
    expect((await put({ until: '2080-01-01', reason: 'Seksueel misbruik in het gezin', hold: true })).statusCode).toBe(400);
    expect((await put({ until: '2080-01-01', reason: 'Seksueel misbruik in het gezin' }, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('"until the youngest child is 18" (Veilig Thuis) counts the youngest child of the client\'s family; without a family, the client', async () => {
    const older = await register('2008-05-01');
    const youngest = await register('2016-09-20');
    const alone = await register('2009-01-10');
    const family = await h.request({ method: 'POST', url: '/api/families', cookie: holderCookie, body: { name: 'Gezin Termijn', memberIds: [older, youngest] } });
    expect(family.statusCode, family.body).toBe(201);
    const set = await setTerm({ kind: 'until-age', age: 18, ageOf: 'youngest-child' });
    expect(set.json()).toMatchObject({ kind: 'until-age', age: 18, ageOf: 'youngest-child' });
    expect((await view(older)).json<View>()).toMatchObject({ termEnd: '2034-09-20', warning: true });
    expect((await view(youngest)).json<View>()).toMatchObject({ termEnd: '2034-09-20' });
    expect((await view(alone)).json<View>()).toMatchObject({ termEnd: '2027-01-10', warning: true });
  });

  it('the dossier holder records good care in the dossier (the engine: "de hulpverlener"); a member of the care team or an outsider cannot (403)', async () => {
    const member = await h.employee({ role: 'care-professional' });
    await h.relate(child, member, 'member');
    const outsider = await h.employee({ role: 'care-professional' });
    const body = { until: '2079-05-01', reason: 'Seksueel misbruik: later nodig voor de zorg' };
    for (const who of [member, outsider]) {
      const refused = await h.request({ method: 'PUT', url: `/api/clients/${child}/retention/good-care`, cookie: await h.login(who), body });
      expect(refused.statusCode).toBe(403);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const recorded = await h.request({ method: 'PUT', url: `/api/clients/${child}/retention/good-care`, cookie: holderCookie, body });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json<View>()).toMatchObject({ keptUntil: '2079-05-01', goodCare: { until: '2079-05-01', reason: body.reason } });
    expect((await view(child)).json<View>().goodCare).toMatchObject({ until: '2079-05-01' });
    expect((await h.request({ method: 'PUT', url: `/api/clients/${child}/retention/good-care`, cookie: holderCookie, body: { ...body, until: '2001-01-01' } })).statusCode).toBe(400);
    expect((await h.request({ method: 'DELETE', url: `/api/privacy/retention/${child}/good-care`, cookie: officerCookie })).statusCode).toBe(200);
  });

  it('only the privacy officer sets terms, sees a dossier\'s retention and records good care (403 for the holder)', async () => {
    expect((await setTerm({ kind: 'until-age', age: 24, ageOf: 'client' }, holderCookie)).statusCode).toBe(403);
    expect((await h.request({ method: 'GET', url: `/api/privacy/retention/${child}`, cookie: holderCookie })).statusCode).toBe(403);
    const refused = await h.request({ method: 'PUT', url: `/api/privacy/retention/${child}/good-care`, cookie: holderCookie, body: { until: '2080-01-01', reason: 'Seksueel misbruik in het gezin' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await h.request({ method: 'DELETE', url: `/api/privacy/retention/${child}/good-care`, cookie: holderCookie })).statusCode).toBe(403);
  });
});
