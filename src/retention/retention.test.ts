/**
 * Retention (Jeugdwet 7.3.8–7.3.9; BW 7:454(3); 003 §3.2–3.3; DOMAIN §5):
 * the sweep builds the privacy officer's review list, the privacy officer
 * confirms or holds, and only confirmed dossiers are destroyed through the
 * sanctioned path, each with one destruction record.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { retentionEnd, termWarning } from './retention-policy.js';
import { ensureOrganisation } from '../organisation/organisation-service.js';
import { destroyConfirmed, startRetentionTimer, sweepRetention, type SweepResult } from './retention-service.js';

describe('retentionEnd (pure)', () => {
  it('keeps 20 years after the last change, due only the day after (Jeugdwet 7.3.8)', () => {
    expect(retentionEnd({ lastChange: '2020-03-10', today: '2040-03-10', heldForProcedure: false })).toMatchObject({ keptUntil: '2040-03-10', due: false });
    expect(retentionEnd({ lastChange: '2020-03-10', today: '2040-03-11', heldForProcedure: false })).toMatchObject({ keptUntil: '2040-03-10', due: true });
  });
  it('has no end while the dossier is needed for a procedure (003 §3.2)', () => {
    expect(retentionEnd({ lastChange: '2000-01-01', today: '2060-01-01', heldForProcedure: true })).toMatchObject({ keptUntil: null, due: false });
  });
  it('applies a longer organisation term, never a shorter one, and warns about the shorter one (DOMAIN §5)', () => {
    expect(retentionEnd({ lastChange: '2020-03-10', today: '2041-01-01', heldForProcedure: false, term: { kind: 'years-after-last-change', years: 30, reason: 'OTS' } })).toMatchObject({ keptUntil: '2050-03-10', due: false });
    expect(retentionEnd({ lastChange: '2020-03-10', today: '2035-01-01', heldForProcedure: false, term: { kind: 'years-after-last-change', years: 10, reason: 'kort' } })).toMatchObject({ keptUntil: '2040-03-10', due: false });
    expect(termWarning({ kind: 'years-after-last-change', years: 10, reason: 'kort' }, '2026-12-04')).toMatch(/korter dan de wet vraagt/);
    expect(termWarning({ kind: 'years-after-last-change', years: 25, reason: 'lang' }, '2026-12-04')).toBeNull();
  });
});

describe('retention review and destruction', () => {
  let h: Harness;
  let holder: TestEmployee;
  let holderCookie: string;
  let officerCookie: string;
  let officer: TestEmployee;
  let due: string;
  let recent: string;
  let held: string;
  const later = new Date('2047-06-01T10:00:00Z');

  const count = async (sql: string, params: unknown[]) => Number((await h.database.db.query<{ n: string | number }>(sql, params))[0]!.n);

  beforeAll(async () => {
    h = await createHarness();
    holder = await h.employee({ role: 'care-professional' });
    officer = await h.employee({ role: 'privacy-officer' });
    holderCookie = await h.login(holder);
    officerCookie = await h.login(officer);
    due = await h.client({ age: 10, holder });
    recent = await h.client({ age: 11, holder });
    held = await h.client({ age: 12, holder });
    for (const id of [due, recent, held]) {
      const created = await h.request({ method: 'POST', url: `/api/clients/${id}/entries`, cookie: holderCookie, body: { kind: 'plan', text: 'plan', source: { kind: 'client' } } });
      expect(created.statusCode).toBe(201);
    }
    // A parent with custody of the due client: the relation's names must go with the retention destruction.
    const relation = await h.request({
      method: 'POST', url: `/api/clients/${due}/relations`, cookie: holderCookie,
      body: { relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-mother', custodyKind: 'single-headed-parental', familyName: 'Ouder', givenNames: 'Anna', establishedHow: 'gezagsregister geraadpleegd', validFrom: '2026-01-05' },
    });
    expect(relation.statusCode).toBe(201);
    // A change in 2030: kept until 2050, so not due in 2047.
    await h.database.db.query(
      `INSERT INTO care.entries (client_id, kind, author_id, recorded_at, source_kind, ciphertext) VALUES ($1, 'evaluation', $2, '2030-06-01T10:00:00Z', 'client', '\\x00')`,
      [recent, holder.id]);
  });
  afterAll(() => h.close());

  it('a dry run lists the due dossiers and changes nothing', async () => {
    const result = await sweepRetention(h.database.db, { now: later, dryRun: true });
    const ids = result.due.map((d) => d.clientId);
    expect(ids).toEqual(expect.arrayContaining([due, held]));
    expect(ids).not.toContain(recent);
    expect(await count('SELECT count(*) AS n FROM org.retention_reviews', [])).toBe(0);
  });

  it('the sweep puts due dossiers on the privacy officer\'s list; only the privacy officer sees it (AVG 5(1)(f))', async () => {
    const result = await sweepRetention(h.database.db, { now: later, dryRun: false });
    expect(result.listed).toBe(2);
    const denied = await h.request({ method: 'GET', url: '/api/privacy/retention-reviews', cookie: holderCookie });
    expect(denied.statusCode).toBe(403);
    const list = await h.request({ method: 'GET', url: '/api/privacy/retention-reviews', cookie: officerCookie });
    expect(list.statusCode).toBe(200);
    const reviews = list.json<{ reviews: { clientId: string; status: string; keptUntil: string }[] }>().reviews;
    expect(reviews.map((r) => r.clientId).sort()).toEqual([due, held].sort());
    expect(reviews.every((r) => r.status === 'pending' && r.keptUntil.startsWith('2046-'))).toBe(true);
    // The list view is logged per client shown (NEN 7513).
    expect(await count(`SELECT count(*) AS n FROM audit.access_log WHERE client_id = $1 AND action = 'review-log'`, [due])).toBeGreaterThan(0);
  });

  it('confirm and hold per dossier; a dossier not on the list is 404', async () => {
    expect((await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${due}/confirm`, cookie: officerCookie })).json()).toEqual({ clientId: due, status: 'confirmed' });
    const hold = await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${held}/hold`, cookie: officerCookie, body: { reason: 'Nodig in een klachtprocedure' } });
    expect(hold.json()).toEqual({ clientId: held, status: 'held' });
    expect((await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${recent}/confirm`, cookie: officerCookie })).statusCode).toBe(404);
    expect((await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${held}/hold`, cookie: officerCookie, body: { reason: 'x' } })).statusCode).toBe(400);
  });

  it('destroys only the confirmed dossier through the sanctioned path, with one record "retention-expired" (Jeugdwet 7.3.9)', async () => {
    const result = await destroyConfirmed(h.database.db, { now: later });
    expect(result).toMatchObject({ destroyed: 1, skipped: 0, total: 1 });
    expect(await count('SELECT count(*) AS n FROM care.entries WHERE client_id = $1', [due])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM care.client_keys WHERE client_id = $1', [due])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM care.entries WHERE client_id = $1', [held])).toBe(1);
    const records = await h.database.db.query<{ reason: string; executed_by: string; request_id: string | null; scope: string }>(
      'SELECT reason, executed_by, request_id, scope FROM org.destruction_records WHERE client_id = $1', [due]);
    expect(records).toEqual([{ reason: 'retention-expired', executed_by: officer.id, request_id: null, scope: 'whole-dossier' }]);
    expect(await count(`SELECT count(*) AS n FROM audit.access_log WHERE client_id = $1 AND action = 'destroy'`, [due])).toBe(1);
    // Idempotent: nothing destroyed twice, nothing listed again.
    expect(await destroyConfirmed(h.database.db, { now: later })).toMatchObject({ destroyed: 0, total: 0 });
    const again = await sweepRetention(h.database.db, { now: later, dryRun: false });
    expect(again.due.map((d) => d.clientId)).not.toContain(due);
    expect(again.due.map((d) => d.clientId)).not.toContain(held);
    expect(await count('SELECT count(*) AS n FROM org.destruction_records WHERE client_id = $1', [due])).toBe(1);
  });

  it('a retention destruction also erases the identity: BSN, name, address, relations, identity checks, corrections (AVG 5(1)(e); DOMAIN §5)', async () => {
    // Before: the held dossier's client still has all of it.
    const before = await h.database.db.query<{ family_name: string }>('SELECT family_name FROM formal.clients WHERE id = $1', [held]);
    expect(before[0]!.family_name).not.toBe('');
    const [client] = await h.database.db.query<{
      bsn: string | null; family_name: string; given_names: string; birth_date: string; street_address: string | null;
      postcode: string | null; town: string | null; phone: string | null; email: string | null; identity_erased_at: Date | null;
    }>('SELECT bsn, family_name, given_names, birth_date, street_address, postcode, town, phone, email, identity_erased_at FROM formal.clients WHERE id = $1', [due]);
    expect(client).toMatchObject({ bsn: null, family_name: '', given_names: '', street_address: null, postcode: null, town: null, phone: null, email: null });
    expect(client!.birth_date).toMatch(/^\d{4}-01-01$/);
    expect(client!.identity_erased_at).not.toBeNull();
    expect(await count('SELECT count(*) AS n FROM formal.client_relations WHERE client_id = $1', [due])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM formal.client_relations WHERE client_id = $1 AND (family_name <> '' OR given_names <> '')`, [due])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM formal.identity_checks WHERE client_id = $1', [due])).toBe(0);
    // The record that the dossier existed and was destroyed stays.
    expect(await count('SELECT count(*) AS n FROM org.destruction_records WHERE client_id = $1', [due])).toBe(1);
    // The erasure is refused for a client whose retention did not end (the held one).
    await expect(h.database.db.query('SELECT formal.erase_client_identity($1, $2)', [held, officer.organisationId])).rejects.toThrow(/no retention destruction record/);
    expect(await count(`SELECT count(*) AS n FROM formal.clients WHERE id = $1 AND identity_erased_at IS NULL AND family_name <> ''`, [held])).toBe(1);
  });

  it('a confirmed dossier that changed since is not destroyed: the term starts again (BW 7:454(3))', async () => {
    const other = await h.client({ age: 9, holder });
    await sweepRetention(h.database.db, { now: later, dryRun: false });
    await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${other}/confirm`, cookie: officerCookie });
    await h.database.db.query(
      `INSERT INTO care.entries (client_id, kind, author_id, recorded_at, source_kind, ciphertext) VALUES ($1, 'evaluation', $2, '2040-01-01T10:00:00Z', 'client', '\\x00')`,
      [other, holder.id]);
    expect(await destroyConfirmed(h.database.db, { now: later })).toMatchObject({ destroyed: 0, skipped: 1 });
    expect(await count('SELECT count(*) AS n FROM org.destruction_records WHERE client_id = $1', [other])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM org.retention_reviews WHERE client_id = $1', [other])).toBe(0);
  });

  it('each dossier shows until when it is kept; the privacy officer may hold it for a procedure before it falls due, and release it (Jeugdwet 7.3.8; 003 §3.2)', async () => {
    const client = await h.client({ age: 13, holder });
    const overview = async () => (await h.request({ method: 'GET', url: `/api/clients/${client}`, cookie: holderCookie }))
      .json<{ retention: { keptUntil: string | null; held: boolean; explanation: string } }>().retention;
    // No entries yet: 20 years after the dossier was created (the database's own clock), in Dutch time.
    const [created] = await h.database.db.query<{ day: string }>(
      `SELECT to_char(created_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD') AS day FROM care.dossiers WHERE client_id = $1`, [client]);
    const keptUntil = `${Number(created!.day.slice(0, 4)) + 20}${created!.day.slice(4)}`;
    expect(await overview()).toMatchObject({ keptUntil, held: false });
    expect((await overview()).explanation).toMatch(/twintig jaar/);

    // Only the privacy officer holds; a too-short reason is refused.
    expect((await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${client}/hold`, cookie: holderCookie, body: { reason: 'Nodig in een tuchtzaak' } })).statusCode).toBe(403);
    const hold = await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${client}/hold`, cookie: officerCookie, body: { reason: 'Nodig in een tuchtzaak' } });
    expect(hold.json()).toEqual({ clientId: client, status: 'held' });
    expect(await overview()).toMatchObject({ keptUntil: null, held: true });
    // Held: long past its 20 years, the sweep does not put it on the list for destruction.
    const sweep = await sweepRetention(h.database.db, { now: new Date('2070-01-01T10:00:00Z'), dryRun: false });
    expect(sweep.due.map((d) => d.clientId)).not.toContain(client);
    expect(await count(`SELECT count(*) AS n FROM org.retention_reviews WHERE client_id = $1 AND status = 'held'`, [client])).toBe(1);

    // Released: the end date is back; releasing twice is 404.
    expect((await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${client}/release`, cookie: holderCookie })).statusCode).toBe(403);
    expect((await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${client}/release`, cookie: officerCookie })).json()).toEqual({ clientId: client, status: 'released' });
    expect(await overview()).toMatchObject({ keptUntil, held: false });
    expect((await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${client}/release`, cookie: officerCookie })).statusCode).toBe(404);
    // A client of another organisation cannot be held (answers like one that does not exist).
    const stranger = await h.employee({ role: 'care-professional', organisationId: await ensureOrganisation(h.database.db, 'Andere organisatie (bewaartermijn)') });
    const foreign = await h.client({ age: 10, holder: stranger });
    expect((await h.request({ method: 'POST', url: `/api/privacy/retention-reviews/${foreign}/hold`, cookie: officerCookie, body: { reason: 'Nodig in een tuchtzaak' } })).statusCode).toBe(404);
  });

  it('the organisation\'s own term: longer keeps dossiers longer; shorter gives a warning and changes nothing (DOMAIN §5)', async () => {
    const extra = await h.client({ age: 8, holder });
    expect((await h.request({ method: 'PUT', url: '/api/privacy/retention-settings', cookie: holderCookie, body: { term: { kind: 'years-after-last-change', years: 25 }, reason: 'Na OTS langer bewaren' } })).statusCode).toBe(403);
    const longer = await h.request({ method: 'PUT', url: '/api/privacy/retention-settings', cookie: officerCookie, body: { term: { kind: 'years-after-last-change', years: 25 }, reason: 'Na OTS langer bewaren' } });
    expect(longer.json()).toEqual({ kind: 'years-after-last-change', termYears: 25, age: null, ageOf: null, reason: 'Na OTS langer bewaren', legalMinimumYears: 20, warning: null });
    expect((await sweepRetention(h.database.db, { now: later, dryRun: true })).due.map((d) => d.clientId)).not.toContain(extra);
    const shorter = await h.request({ method: 'PUT', url: '/api/privacy/retention-settings', cookie: officerCookie, body: { term: { kind: 'years-after-last-change', years: 10 }, reason: 'Eigen beleid' } });
    expect(shorter.json<{ warning: string }>().warning).toMatch(/korter dan de wet vraagt/);
    expect((await h.request({ method: 'GET', url: '/api/privacy/retention-settings', cookie: officerCookie })).json<{ termYears: number }>().termYears).toBe(10);
    // Ten years is not enough: in 2040 (14 years after the last change) nothing is due.
    expect((await sweepRetention(h.database.db, { now: new Date('2040-06-01T10:00:00Z'), dryRun: true })).due).toEqual([]);
    expect((await sweepRetention(h.database.db, { now: later, dryRun: true })).due.map((d) => d.clientId)).toContain(extra);
  });
});

describe('the daily schedule in the server (startRetentionTimer, DW_RETENTION_SWEEP_HOURS)', () => {
  let h: Harness;
  let client: string;
  const HOUR = 3_600_000;

  beforeAll(async () => {
    h = await createHarness();
    client = await h.client({ age: 10, holder: await h.employee({ role: 'care-professional' }) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(() => h.close());

  it('sweeps a minute after start, then every N hours; stop() waits for a running sweep and ends the schedule', async () => {
    // Only the timers are fake: the database keeps its own real clock and I/O.
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    // The real database, held at a gate when the test wants a sweep to be "running".
    let gate: Promise<void> | undefined;
    const gated = new Proxy(h.database.db, {
      get(target, property) {
        if (property === 'query') {
          return async (sql: string, params?: unknown[]) => {
            await gate;
            return target.query(sql, params);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const runs: SweepResult[] = [];
    let nextRun: (() => void) | undefined;
    const ran = () => new Promise<void>((resolve) => {
      nextRun = resolve;
    });
    const errors: unknown[] = [];
    const timer = startRetentionTimer(gated, {
      hours: 6, now: () => new Date('2047-06-01T10:00:00Z'), onError: (error) => errors.push(error),
      onDone: (result) => {
        runs.push(result);
        nextRun?.();
      },
    });

    await vi.advanceTimersByTimeAsync(59_000);
    expect(runs).toHaveLength(0);
    let done = ran();
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(runs).toHaveLength(1);
    expect(runs[0]!.due.map((d) => d.clientId)).toContain(client);

    // The interval runs from start: the next sweep at 6 h, not before.
    await vi.advanceTimersByTimeAsync(6 * HOUR - 60_000 - 1);
    expect(runs).toHaveLength(1);
    done = ran();
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(runs).toHaveLength(2);

    // The third sweep starts at 12 h and is held at its first query; stop() must not resolve before it ends.
    let release: () => void = () => undefined;
    gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    done = ran();
    await vi.advanceTimersByTimeAsync(6 * HOUR);
    let stopped = false;
    const stopping = timer.stop().then(() => {
      stopped = true;
    });
    for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    expect(runs).toHaveLength(2);
    release();
    gate = undefined;
    await stopping;
    expect(runs).toHaveLength(3);
    await done;

    // Stopped: no more sweeps.
    await vi.advanceTimersByTimeAsync(48 * HOUR);
    expect(runs).toHaveLength(3);
    expect(errors).toEqual([]);
  });
});
