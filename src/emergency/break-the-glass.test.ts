/**
 * Break-the-glass for care roles only (issue 14, reproduction "Break-the-glass
 * is open to every role"). Before: the application administrator (who "sees
 * no clients at all"), administrative staff and the privacy officer could all
 * break the glass; it opened the whole dossier at once; it overrode a client's
 * objection to interns (000: "Stagiaires krijgen geen toegang tot het dossier
 * wanneer u hier uitdrukkelijk bezwaar tegen heeft"); and a privacy officer's
 * own emergency access had no reviewer when there is one privacy officer.
 * Now: the organisation's setting names the roles (default care
 * professionals; never the application administrator), the glass opens the
 * vital summary first (003 §2.2.8) and the rest only after a second, logged
 * confirmation, the objection holds, and a manager reviews the privacy
 * officer's own access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let clientId: string;

const REASON = { reason: 'Cliënt in crisis op de groep, medicatie nodig.' };

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  holderCookie = await h.login(holder);
  clientId = await h.client({ age: 15, holder });
  await h.request({ method: 'PUT', url: `/api/clients/${clientId}/emergency-summary`, cookie: holderCookie, body: { medication: 'Methylfenidaat 10 mg', keyContacts: 'Moeder: 06-12345678', knownRisks: 'Allergisch voor pinda' } });
});
afterAll(async () => h.close());

async function setRoles(roles: string[]): Promise<void> {
  await h.database.db.query('UPDATE org.organisations SET emergency_access_roles = $2 WHERE id = $1', [h.organisationId, roles]);
}

async function lastLog(): Promise<{ outcome: string; basis: string; part: string; employee_id: string; client_id: string | null }> {
  const [row] = await h.database.db.query<{ outcome: string; basis: string; part: string; employee_id: string; client_id: string | null }>(
    'SELECT outcome, basis, part, employee_id, client_id FROM audit.access_log ORDER BY seq DESC LIMIT 1');
  return row!;
}

const open = (cookie: string, client = clientId) => h.request({ method: 'POST', url: `/api/clients/${client}/emergency-access`, cookie, body: REASON });
const confirm = (cookie: string, accessId: string, client = clientId) => h.request({ method: 'POST', url: `/api/clients/${client}/emergency-access/${accessId}/confirm`, cookie });
const entries = (cookie: string, client = clientId) => h.request({ method: 'GET', url: `/api/clients/${client}/entries`, cookie });

describe('who may break the glass: care roles, by the organisation\'s setting (issue 14)', () => {
  it('refuses the application administrator, administrative staff, the privacy officer, a manager and an intern by default: 403 with the explanation, logged', async () => {
    for (const role of ['application-administrator', 'admin-staff', 'privacy-officer', 'manager', 'intern'] as const) {
      const employee = await h.employee({ role });
      const refused = await open(await h.login(employee));
      expect(refused.statusCode, role).toBe(403);
      expect(refused.headers['content-type'], role).toContain('application/problem+json');
      expect(refused.json().nl, role).toMatch(role === 'application-administrator' ? /functioneel beheerder/ : /noodtoegang voor hulpverleners/);
      expect(refused.json().nl, role).toContain('Waarschuw');
      expect(await lastLog(), role).toMatchObject({ outcome: 'denied', employee_id: employee.id, client_id: clientId, part: 'emergency-summary' });
    }
    const [grants] = await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM org.emergency_accesses WHERE client_id = $1', [clientId]);
    expect(grants!.n).toBe(0);
  });

  it('lets a role in when the organisation includes it; the application administrator can never be included', async () => {
    await setRoles(['care-professional', 'admin-staff']);
    try {
      expect((await open(await h.login(await h.employee({ role: 'admin-staff' })))).statusCode).toBe(201);
      expect((await open(await h.login(await h.employee({ role: 'privacy-officer' })))).statusCode).toBe(403);
    } finally {
      await setRoles(['care-professional']);
    }
    await expect(setRoles(['care-professional', 'application-administrator'])).rejects.toThrow();
  });
});

describe('the summary first, the rest after a second, logged confirmation (003 §2.2.8)', () => {
  it('opens the vital summary only; the dossier opens after the confirmation; both steps are logged', async () => {
    const outsider = await h.employee({ role: 'care-professional' });
    const cookie = await h.login(outsider);
    const opened = await open(cookie);
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ confirmed: false, summary: { medication: 'Methylfenidaat 10 mg', knownRisks: 'Allergisch voor pinda' } });
    expect(await lastLog()).toMatchObject({ outcome: 'allowed', basis: 'emergency', part: 'emergency-summary', employee_id: outsider.id });

    // The summary is all: the entries stay shut (before issue 14: 200 right away).
    expect((await entries(cookie)).statusCode).toBe(403);

    const confirmed = await confirm(cookie, opened.json().accessId);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ accessId: opened.json().accessId, confirmed: true });
    expect(await lastLog()).toMatchObject({ outcome: 'allowed', basis: 'emergency', part: 'dossier', employee_id: outsider.id });
    expect((await entries(cookie)).statusCode).toBe(200);
    expect(await lastLog()).toMatchObject({ outcome: 'allowed', basis: 'emergency' });
  });

  it('confirms only one\'s own running grant: another\'s or none is 404, logged', async () => {
    const first = await h.login(await h.employee({ role: 'care-professional' }));
    const opened = await open(first);
    const other = await h.employee({ role: 'care-professional' });
    const foreign = await confirm(await h.login(other), opened.json().accessId);
    expect(foreign.statusCode).toBe(404);
    expect(await lastLog()).toMatchObject({ outcome: 'denied', employee_id: other.id, client_id: clientId });
    expect((await entries(await h.login(other))).statusCode).toBe(403);
  });
});

describe('the client\'s objection to interns holds in an emergency (000)', () => {
  it('refuses an intern the client objected to, even with the organisation letting interns break the glass; others still can', async () => {
    const objecting = await h.client({ age: 14, holder });
    const objection = await h.request({ method: 'POST', url: `/api/clients/${objecting}/access-facts`, cookie: holderCookie, body: { fact: 'client-objects-to-interns' } });
    expect(objection.statusCode).toBeLessThan(300);
    await setRoles(['care-professional', 'intern']);
    try {
      const intern = await h.employee({ role: 'intern' });
      const refused = await open(await h.login(intern), objecting);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().nl).toContain('bezwaar');
      expect(refused.json().nl).toContain('noodsituatie');
      expect(await lastLog()).toMatchObject({ outcome: 'denied', employee_id: intern.id, client_id: objecting });

      // An intern of the client's own care team is refused too.
      const teamIntern = await h.employee({ role: 'intern' });
      await h.relate(objecting, teamIntern, 'intern');
      expect((await open(await h.login(teamIntern), objecting)).statusCode).toBe(403);

      // Without an objection the intern may (the organisation chose so); with one recorded afterwards, the glass closes.
      const other = await h.client({ age: 14, holder });
      const internCookie = await h.login(intern);
      const opened = await open(internCookie, other);
      expect(opened.statusCode).toBe(201);
      expect((await confirm(internCookie, opened.json().accessId, other)).statusCode).toBe(200);
      expect((await entries(internCookie, other)).statusCode).toBe(200);
      await h.request({ method: 'POST', url: `/api/clients/${other}/access-facts`, cookie: holderCookie, body: { fact: 'client-objects-to-interns' } });
      const after = await entries(internCookie, other);
      expect(after.statusCode).toBe(403);
      expect(after.json().nl).toContain('bezwaar');

      // A care professional without relation can still meet the emergency.
      expect((await open(await h.login(await h.employee({ role: 'care-professional' })), objecting)).statusCode).toBe(201);
    } finally {
      await setRoles(['care-professional']);
    }
  });
});

describe('a privacy officer\'s own emergency access goes to a manager (nobody reviews their own; AVG 38(6))', () => {
  it('appears in a manager\'s queue, not the privacy officers\'; the officer cannot review it, a manager can', async () => {
    await setRoles(['care-professional', 'privacy-officer']);
    let accessId: string;
    const officer = await h.employee({ role: 'privacy-officer' });
    const officerCookie = await h.login(officer);
    try {
      const opened = await open(officerCookie);
      expect(opened.statusCode).toBe(201);
      accessId = opened.json().accessId as string;
    } finally {
      await setRoles(['care-professional']);
    }

    const queueOf = async (cookie: string) => (await h.request({ method: 'GET', url: '/api/privacy/emergency-reviews', cookie })).json<{ accesses: { id: string }[] }>().accesses.map((a) => a.id);
    const colleague = await h.login(await h.employee({ role: 'privacy-officer' }));
    expect(await queueOf(officerCookie)).not.toContain(accessId);
    expect(await queueOf(colleague)).not.toContain(accessId);
    const manager = await h.employee({ role: 'manager' });
    const managerCookie = await h.login(manager);
    expect(await queueOf(managerCookie)).toContain(accessId);

    for (const cookie of [officerCookie, colleague]) {
      const refused = await h.request({ method: 'POST', url: `/api/privacy/emergency-reviews/${accessId}`, cookie, body: { justified: true } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().nl).toMatch(/onafhankelijk/);
      expect((await lastLog()).outcome).toBe('denied');
    }
    const reviewed = await h.request({ method: 'POST', url: `/api/privacy/emergency-reviews/${accessId}`, cookie: managerCookie, body: { justified: true, note: 'Terecht: melding van de politie.' } });
    expect(reviewed.statusCode).toBe(200);
    const [grant] = await h.database.db.query<{ reviewed_by: string }>('SELECT reviewed_by FROM org.emergency_accesses WHERE id = $1', [accessId]);
    expect(grant!.reviewed_by).toBe(manager.id);

    // A manager does not review other people's emergency access: that is the privacy officer's.
    const opened = await open(await h.login(await h.employee({ role: 'care-professional' })));
    expect((await h.request({ method: 'POST', url: `/api/privacy/emergency-reviews/${opened.json().accessId as string}`, cookie: managerCookie, body: { justified: true } })).statusCode).toBe(403);
  });
});
