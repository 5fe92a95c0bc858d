/**
 * The access layer asks the rules engine for every client route: who has a
 * care relation reads and writes; administrative staff see formal data only;
 * managers without a recorded purpose and employees without a relation are
 * refused with the engine's Dutch explanation (004 C; 003 §2.2.8) — and every
 * refusal is in the access log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let clientId: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  clientId = await h.client({ age: 14, holder });
});
afterAll(async () => h.close());

async function lastLog(): Promise<{ outcome: string; basis: string; employee_id: string; citations: string[] }> {
  const [row] = await h.database.db.query<{ outcome: string; basis: string; employee_id: string; citations: string[] }>(
    'SELECT outcome, basis, employee_id, citations FROM audit.access_log ORDER BY seq DESC LIMIT 1');
  return row!;
}

const newEntry = { kind: 'conversation-report', text: 'gesprek', source: { kind: 'client' } };

describe('employees reach client data only as the rules allow', () => {
  it('a substitute and an intern in the care team read the timeline, logged with the care relation as basis', async () => {
    for (const [role, relation] of [['care-professional', 'substitute'], ['intern', 'intern']] as const) {
      const employee = await h.employee({ role });
      await h.relate(clientId, employee, relation);
      const response = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: await h.login(employee) });
      expect(response.statusCode).toBe(200);
      expect(await lastLog()).toMatchObject({ outcome: 'allowed', basis: 'care-relation', employee_id: employee.id });
    }
  });

  it.each([
    ['care-professional', 'an employee without a care relation (003 §4)', 'behandelrelatie'],
    ['manager', 'a manager without a recorded purpose (004 C)', 'doel'],
    ['admin-staff', 'administrative staff, for care content (004 C)', 'administratieve'],
    ['privacy-officer', 'the privacy officer, who reviews logs, not dossiers', 'behandelrelatie'],
    ['application-administrator', 'the application administrator', 'behandelrelatie'],
  ] as const)('%s: %s is refused the timeline with 403, the engine\'s explanation and articles, and the refusal is logged', async (role, _who, word) => {
    const employee = await h.employee({ role });
    const response = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: await h.login(employee) });
    expect(response.statusCode).toBe(403);
    const problem = response.json();
    expect(problem.nl).toContain(word);
    expect(problem.basis.length).toBeGreaterThan(0);
    expect(await lastLog()).toMatchObject({ outcome: 'denied', employee_id: employee.id, citations: problem.basis });
  });

  it('administrative staff read the formal data (administrative task) but cannot write care content', async () => {
    const admin = await h.employee({ role: 'admin-staff' });
    const cookie = await h.login(admin);
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}`, cookie })).statusCode).toBe(200);
    expect(await lastLog()).toMatchObject({ outcome: 'allowed', basis: 'administrative-task' });
    const write = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: newEntry });
    expect(write.statusCode).toBe(403);
  });

  it('an intern and a manager cannot register clients; administrative staff can', async () => {
    const body = { familyName: 'Nieuw', givenNames: 'Kim', birthDate: '2015-01-01', gender: 'unknown', streetAddress: 'Straat 1', postcode: '1234 AB', town: 'Stad' };
    for (const role of ['intern', 'manager', 'privacy-officer'] as const) {
      const response = await h.request({ method: 'POST', url: '/api/clients', cookie: await h.login(await h.employee({ role })), body });
      expect(response.statusCode, role).toBe(403);
    }
    const admin = await h.request({ method: 'POST', url: '/api/clients', cookie: await h.login(await h.employee({ role: 'admin-staff' })), body });
    expect(admin.statusCode).toBe(201);
  });
});

describe('the responsible user on whose behalf an employee acted (NEN 7513; DOMAIN §2)', () => {
  const ACTING_FOR = 'x-dossierwijzer-acting-for';

  async function lastRow(): Promise<{ outcome: string; employee_id: string; acting_for_id: string | null; client_id: string | null; action: string }> {
    const [row] = await h.database.db.query<{ outcome: string; employee_id: string; acting_for_id: string | null; client_id: string | null; action: string }>(
      'SELECT outcome, employee_id, acting_for_id, client_id, action FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    return row!;
  }

  it('logs an intern\'s access on behalf of the dossier holder, under whose responsibility the intern works', async () => {
    const intern = await h.employee({ role: 'intern' });
    await h.relate(clientId, intern, 'intern');
    const response = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: await h.login(intern) });
    expect(response.statusCode).toBe(200);
    expect(await lastRow()).toMatchObject({ outcome: 'allowed', employee_id: intern.id, acting_for_id: holder.id });
  });

  it('logs a care professional\'s own access with no one else responsible', async () => {
    await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: await h.login(holder) });
    expect(await lastRow()).toMatchObject({ outcome: 'allowed', employee_id: holder.id, acting_for_id: null });
  });

  it('lets administrative staff name the involved professional they act for; the log and "who saw this dossier" show it', async () => {
    const admin = await h.employee({ role: 'admin-staff', name: 'Ad Ministratie' });
    const response = await h.request({ method: 'GET', url: `/api/clients/${clientId}`, cookie: await h.login(admin), headers: { [ACTING_FOR]: holder.id }, remoteAddress: '192.0.2.7' });
    expect(response.statusCode).toBe(200);
    expect(await lastRow()).toMatchObject({ outcome: 'allowed', employee_id: admin.id, acting_for_id: holder.id });

    const officer = await h.login(await h.employee({ role: 'privacy-officer' }));
    const seen = await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log?limit=500`, cookie: officer });
    expect(seen.statusCode).toBe(200);
    const line = (seen.json().lines as { employee: { id: string }; actingFor: unknown; sessionRecorded: boolean; address: string | null }[])
      .find((l) => l.employee.id === admin.id);
    expect(line).toMatchObject({ actingFor: { id: holder.id, role: 'care-professional' }, sessionRecorded: true, address: '192.0.2.7' });
    expect((line!.actingFor as { name: string }).name.length).toBeGreaterThan(0);
  });

  it.each([
    ['an employee without a care relation with the client', async () => (await h.employee({ role: 'care-professional' })).id],
    ['an employee of another organisation', async () => {
      const { ensureOrganisation } = await import('../organisation/organisation-service.js');
      return (await h.employee({ role: 'care-professional', organisationId: await ensureOrganisation(h.database.db, 'Elders BV') })).id;
    }],
    ['an id that names nobody', () => Promise.resolve('00000000-0000-4000-8000-000000000001')],
    ['something that is not an id', () => Promise.resolve('de dossierhouder')],
  ])('refuses administrative staff who name %s: 400 problem+json, the refusal logged, nothing read', async (_what, named) => {
    const admin = await h.employee({ role: 'admin-staff' });
    const response = await h.request({ method: 'GET', url: `/api/clients/${clientId}`, cookie: await h.login(admin), headers: { [ACTING_FOR]: await named() } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'invalid-acting-for', field: ACTING_FOR });
    expect(response.body).not.toContain('Testcliënt'); // no client data came with it
    expect(await lastRow()).toMatchObject({ outcome: 'denied', employee_id: admin.id, acting_for_id: null });
  });

  it('refuses the header from anyone but administrative staff: they act on their own responsibility', async () => {
    const response = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: await h.login(holder), headers: { [ACTING_FOR]: holder.id } });
    expect(response.statusCode).toBe(400);
    expect(response.json().nl).toContain('eigen verantwoordelijkheid');
    expect(await lastRow()).toMatchObject({ outcome: 'denied', employee_id: holder.id });
  });
});

describe('administrative staff reach care content only for the administrative task done for an involved professional (issue 16 error 4; 004 C)', () => {
  const ACTING_FOR = 'x-dossierwijzer-acting-for';

  it('without acting-for: 403 with the engine\'s explanation that no task is recorded, logged', async () => {
    const admin = await h.employee({ role: 'admin-staff' });
    const response = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: await h.login(admin) });
    expect(response.statusCode).toBe(403);
    expect(response.json().nl).toContain('Er is geen taak vastgelegd');
    expect(await lastLog()).toMatchObject({ outcome: 'denied', employee_id: admin.id });
  });

  it('acting for the involved holder: reads an entry and records a report, logged as the administrative task on the holder\'s behalf', async () => {
    const written = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie: await h.login(holder), body: { ...newEntry, text: 'verslag van de hulpverlener' } });
    expect(written.statusCode).toBe(201);
    const entryId = written.json().id as string;
    const admin = await h.employee({ role: 'admin-staff' });
    const cookie = await h.login(admin);
    const headers = { [ACTING_FOR]: holder.id };
    const read = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries/${entryId}`, cookie, headers });
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('verslag van de hulpverlener');
    const [row] = await h.database.db.query<{ outcome: string; basis: string; acting_for_id: string | null }>(
      'SELECT outcome, basis, acting_for_id FROM audit.access_log WHERE employee_id = $1 ORDER BY seq DESC LIMIT 1', [admin.id]);
    expect(row).toMatchObject({ outcome: 'allowed', basis: 'administrative-task', acting_for_id: holder.id });
    const report = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, headers, body: { ...newEntry, text: 'ingevoerd namens de hulpverlener' } });
    expect(report.statusCode).toBe(201);
    const list = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: await h.login(holder) });
    expect(list.body).toContain('ingevoerd namens de hulpverlener');
  });

  it('acting for the involved holder still writes no personal work note: those are the author\'s own (003 §2.3.13)', async () => {
    const admin = await h.employee({ role: 'admin-staff' });
    const response = await h.request({
      method: 'POST', url: `/api/clients/${clientId}/work-notes`, cookie: await h.login(admin), headers: { [ACTING_FOR]: holder.id }, body: { text: 'notitie' },
    });
    expect(response.statusCode).toBe(403);
    expect(await lastLog()).toMatchObject({ outcome: 'denied', employee_id: admin.id });
  });

  it('acting for a professional who is not involved: 400 as before, and the care content stays closed', async () => {
    const admin = await h.employee({ role: 'admin-staff' });
    const outsider = await h.employee({ role: 'care-professional' });
    const response = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: await h.login(admin), headers: { [ACTING_FOR]: outsider.id } });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid-acting-for' });
    expect(response.body).not.toContain('gesprek');
  });
});

describe('no existence leak inside the organisation (issue 4: "answers exactly like an id that does not exist")', () => {
  const missingId = '00000000-0000-4000-8000-0000000000aa';

  /** Status, content type and body, with any per-request field (instance, trace) left out. */
  function comparable(response: { statusCode: number; headers: Record<string, unknown>; json: () => Record<string, unknown> }): unknown {
    const body = Object.fromEntries(Object.entries(response.json()).filter(([key]) => !['instance', 'traceId', 'trace'].includes(key)));
    return { status: response.statusCode, type: response.headers['content-type'], body };
  }

  it.each([
    ['care-professional', 'GET', '/entries', undefined],
    ['care-professional', 'GET', '', undefined],
    ['care-professional', 'POST', '/entries', newEntry],
    ['care-professional', 'POST', '/care-team', { employeeId: '00000000-0000-4000-8000-0000000000bb', relation: 'member', startsOn: '2026-11-01' }],
    ['intern', 'GET', '/entries', undefined],
    ['application-administrator', 'GET', '', undefined],
  ] as const)('%s → %s /api/clients/:id%s: a missing id, another organisation\'s client and an own client without relation get the same 403', async (role, method, path, body) => {
    const { ensureOrganisation } = await import('../organisation/organisation-service.js');
    const elsewhere = await ensureOrganisation(h.database.db, 'Andere instelling');
    const foreignClient = await h.client({ age: 12, holder: await h.employee({ role: 'care-professional', organisationId: elsewhere }) });
    const ownClient = await h.client({ age: 9, holder });
    // A recorded objection on the own client must not change the answer either.
    await h.request({ method: 'POST', url: `/api/clients/${ownClient}/access-facts`, cookie: await h.login(holder), body: { fact: 'client-objects-to-interns' } });
    const caller = await h.employee({ role });
    const cookie = await h.login(caller);
    const ask = (id: string) => h.request({ method, url: `/api/clients/${id}${path}`, cookie, ...(body === undefined ? {} : { body }) });

    const answers = [];
    const rows = [];
    for (const id of [missingId, foreignClient, ownClient]) {
      answers.push(await ask(id));
      const [row] = await h.database.db.query<{ outcome: string; client_id: string | null; employee_id: string; citations: string[] }>(
        'SELECT outcome, client_id, employee_id, citations FROM audit.access_log ORDER BY seq DESC LIMIT 1');
      rows.push(row!);
    }
    const [missing, foreign, own] = answers.map(comparable);
    expect(own).toMatchObject({ status: 403, type: expect.stringContaining('application/problem+json') });
    expect((own as { body: { nl: string; basis: string[] } }).body.basis.length).toBeGreaterThan(0);
    expect(missing).toEqual(own);
    expect(foreign).toEqual(own);
    expect(answers[0]!.body).toBe(answers[2]!.body); // byte-identical, not only equal as JSON
    expect(answers[1]!.body).toBe(answers[2]!.body);
    // Every attempt is logged; the own client by id, the others without one (nothing of another organisation lands here).
    const citations = (own as { body: { basis: string[] } }).body.basis;
    expect(rows).toEqual([
      { outcome: 'not-found', client_id: null, employee_id: caller.id, citations },
      { outcome: 'not-found', client_id: null, employee_id: caller.id, citations },
      { outcome: 'denied', client_id: ownClient, employee_id: caller.id, citations },
    ]);
  });

  it('keeps 404 for a missing id for roles that see the organisation\'s clients by their task (admin staff, manager, privacy officer)', async () => {
    for (const role of ['admin-staff', 'manager', 'privacy-officer'] as const) {
      const response = await h.request({ method: 'GET', url: `/api/clients/${missingId}`, cookie: await h.login(await h.employee({ role })) });
      expect(response.statusCode, role).toBe(404);
    }
  });

  it('still tells a care professional with a relation what the engine says about their own client', async () => {
    const response = await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log`, cookie: await h.login(holder) });
    expect(response.statusCode).toBe(403);
    expect(response.json().nl).toContain('functionaris gegevensbescherming');
  });
});
