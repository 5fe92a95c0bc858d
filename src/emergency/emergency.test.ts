/**
 * Emergency access ("break the glass", 003 §2.2.8; NEN 7513): without a care
 * relation an employee is refused, unless they declare an emergency with a
 * reason; the access is time-limited, marked in the log, shows the emergency
 * summary first (the rest after a confirmation, issue 14), and waits for the
 * privacy officer's review (a privacy officer's own for a manager's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '../shared/calendar-date.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let clientId: string;

beforeAll(async () => {
  h = await createHarness({ DW_UNUSUAL_EMPLOYEES_PER_DOSSIER_PER_DAY: '2', DW_UNUSUAL_OUTSIDE_CASELOAD_PER_DAY: '0' });
  holder = await h.employee({ role: 'care-professional' });
  holderCookie = await h.login(holder);
  clientId = await h.client({ age: 16, holder });
  await h.request({ method: 'PUT', url: `/api/clients/${clientId}/emergency-summary`, cookie: holderCookie, body: { medication: 'Methylfenidaat 10 mg', keyContacts: 'Moeder: 06-12345678', knownRisks: 'Allergisch voor pinda' } });
});
afterAll(async () => h.close());

async function lastLog(): Promise<{ outcome: string; basis: string; action: string }> {
  const [row] = await h.database.db.query<{ outcome: string; basis: string; action: string }>('SELECT outcome, basis, action FROM audit.access_log ORDER BY seq DESC LIMIT 1');
  return row!;
}

describe('emergency access', () => {
  it('opens a dossier to an employee without relation for a limited time, shows the summary first, and marks the log', async () => {
    const outsider = await h.employee({ role: 'care-professional' });
    const cookie = await h.login(outsider);
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).statusCode).toBe(403);

    const opened = await h.request({ method: 'POST', url: `/api/clients/${clientId}/emergency-access`, cookie, body: { reason: 'Cliënt in crisis op de groep, medicatie nodig.' } });
    expect(opened.statusCode).toBe(201);
    expect(opened.json().summary).toMatchObject({ medication: 'Methylfenidaat 10 mg', knownRisks: 'Allergisch voor pinda' });
    expect(new Date(opened.json().expiresAt).getTime() - Date.parse('2026-11-22T10:00:00+01:00')).toBe(60 * 60_000);
    expect(await lastLog()).toMatchObject({ outcome: 'allowed', basis: 'emergency' });
    // Issue 14: the summary first; the rest of the dossier only after a second, logged confirmation.
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).statusCode).toBe(403);
    const confirmed = await h.request({ method: 'POST', url: `/api/clients/${clientId}/emergency-access/${opened.json().accessId}/confirm`, cookie });
    expect(confirmed.statusCode).toBe(200);
    expect(await lastLog()).toMatchObject({ outcome: 'allowed', basis: 'emergency' });

    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).statusCode).toBe(200);
    expect(await lastLog()).toMatchObject({ outcome: 'allowed', basis: 'emergency' });
    // Emergency access is for reading: no writing in the dossier (decideRecording).
    expect((await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: { kind: 'plan', text: 'x', source: { kind: 'client' } } })).statusCode).toBe(403);

    // Once it has expired, the door is shut again.
    await h.database.db.query('UPDATE org.emergency_accesses SET started_at = started_at - interval \'2 hours\', expires_at = expires_at - interval \'2 hours\' WHERE employee_id = $1', [outsider.id]);
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).statusCode).toBe(403);
  });

  it('requires a reason of some substance', async () => {
    const outsider = await h.employee({ role: 'care-professional' });
    const response = await h.request({ method: 'POST', url: `/api/clients/${clientId}/emergency-access`, cookie: await h.login(outsider), body: { reason: 'nodig' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('reason');
  });

  it('lands in the privacy officer\'s review queue; only the privacy officer reviews it; unjustified is a candidate breach', async () => {
    const outsider = await h.employee({ role: 'care-professional', name: 'Nieuwsgierige Collega' });
    await h.request({ method: 'POST', url: `/api/clients/${clientId}/emergency-access`, cookie: await h.login(outsider), body: { reason: 'Even kijken hoe het met haar gaat.' } });
    const officer = await h.login(await h.employee({ role: 'privacy-officer' }));
    const queue = await h.request({ method: 'GET', url: '/api/privacy/emergency-reviews', cookie: officer });
    expect(queue.statusCode).toBe(200);
    const access = queue.json().accesses.find((a: { employee: { id: string } }) => a.employee.id === outsider.id);
    expect(access).toMatchObject({ reason: 'Even kijken hoe het met haar gaat.', review: null, client: { id: clientId } });

    for (const role of ['care-professional', 'manager', 'admin-staff', 'application-administrator', 'intern'] as const) {
      const cookie = await h.login(await h.employee({ role }));
      // A manager has a queue of their own (the privacy officer's emergency accesses), without this one in it.
      const list = await h.request({ method: 'GET', url: '/api/privacy/emergency-reviews', cookie });
      if (role === 'manager') expect(list.json().accesses.map((a: { id: string }) => a.id), role).not.toContain(access.id);
      else expect(list.statusCode, role).toBe(403);
      expect((await h.request({ method: 'POST', url: `/api/privacy/emergency-reviews/${access.id}`, cookie, body: { justified: true } })).statusCode, role).toBe(403);
    }

    const reviewed = await h.request({ method: 'POST', url: `/api/privacy/emergency-reviews/${access.id}`, cookie: officer, body: { justified: false, note: 'Geen noodsituatie.' } });
    expect(reviewed.json()).toEqual({ id: access.id, justified: false, candidateBreach: true });
    expect((await h.request({ method: 'POST', url: `/api/privacy/emergency-reviews/${access.id}`, cookie: officer, body: { justified: true } })).statusCode).toBe(409);
  });

  it('refuses a privacy officer who reviews their own emergency access: the review must be independent (AVG 38(6))', async () => {
    // Issue 14: the privacy officer breaks the glass only where the organisation allows it; then a manager reviews it.
    await h.database.db.query(`UPDATE org.organisations SET emergency_access_roles = '{care-professional,privacy-officer}' WHERE id = $1`, [h.organisationId]);
    const officer = await h.employee({ role: 'privacy-officer' });
    const cookie = await h.login(officer);
    const opened = await h.request({ method: 'POST', url: `/api/clients/${clientId}/emergency-access`, cookie, body: { reason: 'Melding van de politie, cliënt vermist.' } });
    expect(opened.statusCode).toBe(201);
    const accessId = opened.json().accessId as string;

    const own = await h.request({ method: 'POST', url: `/api/privacy/emergency-reviews/${accessId}`, cookie, body: { justified: true } });
    expect(own.statusCode).toBe(403);
    expect(own.headers['content-type']).toContain('application/problem+json');
    expect(own.json().nl).toContain('onafhankelijk');
    expect(own.json().basis).toContain('AVG 38');
    const [row] = await h.database.db.query<{ outcome: string; employee_id: string; action: string }>(
      'SELECT outcome, employee_id, action FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(row).toEqual({ outcome: 'denied', employee_id: officer.id, action: 'review-log' });
    const [grant] = await h.database.db.query<{ reviewed_at: Date | null }>('SELECT reviewed_at FROM org.emergency_accesses WHERE id = $1', [accessId]);
    expect(grant!.reviewed_at).toBeNull();

    // A manager does (issue 14: a privacy officer's own emergency access goes to a manager's review queue).
    const manager = await h.login(await h.employee({ role: 'manager' }));
    const queue = await h.request({ method: 'GET', url: '/api/privacy/emergency-reviews', cookie: manager });
    expect(queue.json().accesses.map((a: { id: string }) => a.id)).toContain(accessId);
    const reviewed = await h.request({ method: 'POST', url: `/api/privacy/emergency-reviews/${accessId}`, cookie: manager, body: { justified: true } });
    expect(reviewed.statusCode).toBe(200);
    await h.database.db.query(`UPDATE org.organisations SET emergency_access_roles = '{care-professional}' WHERE id = $1`, [h.organisationId]);
  });
});

describe('who saw this dossier, and unusual access', () => {
  it('shows the privacy officer who accessed the dossier, when and on what basis; nobody else', async () => {
    const officer = await h.login(await h.employee({ role: 'privacy-officer' }));
    const response = await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log?limit=500`, cookie: officer });
    expect(response.statusCode).toBe(200);
    const lines = response.json().lines as { employee: { id: string }; basis: string; outcome: string }[];
    expect(lines.some((l) => l.employee.id === holder.id && l.basis === 'care-relation')).toBe(true);
    expect(lines.some((l) => l.basis === 'emergency')).toBe(true);
    expect(lines.some((l) => l.outcome === 'denied')).toBe(true);
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/access-log`, cookie: holderCookie })).statusCode).toBe(403);
  });

  it('flags access without relation, many dossiers outside the caseload, and a dossier opened by many (HagaZiekenhuis)', async () => {
    const second = await h.employee({ role: 'care-professional' });
    const third = await h.employee({ role: 'care-professional' });
    await h.relate(clientId, second, 'member');
    await h.relate(clientId, third, 'member');
    for (const employee of [second, third]) {
      await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: await h.login(employee) });
    }
    const snoop = await h.employee({ role: 'care-professional', name: 'Snuffelaar' });
    await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: await h.login(snoop) });

    const officer = await h.login(await h.employee({ role: 'privacy-officer' }));
    const report = (await h.request({ method: 'GET', url: `/api/privacy/unusual-access?day=${calendarDate(new Date())}`, cookie: officer })).json();
    expect(report.withoutRelation.some((r: { employee: { id: string }; outcome: string }) => r.employee.id === snoop.id && r.outcome === 'denied')).toBe(true);
    expect(report.employeesOutsideCaseload.some((r: { employee: { id: string } }) => r.employee.id === snoop.id)).toBe(true);
    expect(report.dossiersManyEmployees).toEqual([expect.objectContaining({ client: expect.objectContaining({ id: clientId }), employees: expect.any(Number) })]);
    expect(report.emergencyAwaitingReview.length).toBeGreaterThan(0);
    expect((await h.request({ method: 'GET', url: '/api/privacy/unusual-access', cookie: holderCookie })).statusCode).toBe(403);
  });
});

describe('the unusual-access thresholds N and M are settings, flagged only above them (DOMAIN §2; 003 §4)', () => {
  it('N = 2 dossiers outside the caseload and M = 3 employees per dossier: exactly at the threshold is not flagged, one more is', async () => {
    const t = await createHarness({ DW_UNUSUAL_OUTSIDE_CASELOAD_PER_DAY: '2', DW_UNUSUAL_EMPLOYEES_PER_DOSSIER_PER_DAY: '3' });
    try {
      const owner = await t.employee({ role: 'care-professional' });
      const dossiers = [];
      for (let i = 0; i < 3; i += 1) dossiers.push(await t.client({ age: 10, holder: owner }));
      const officer = await t.login(await t.employee({ role: 'privacy-officer' }));
      const report = async () => (await t.request({ method: 'GET', url: `/api/privacy/unusual-access?day=${calendarDate(new Date())}`, cookie: officer }))
        .json<{ thresholds: unknown; employeesOutsideCaseload: { employee: { id: string } }[]; dossiersManyEmployees: { client: { id: string } }[] }>();

      // An employee without relation tries two dossiers (N): not flagged; a third: flagged.
      const curious = await t.employee({ role: 'care-professional' });
      const curiousCookie = await t.login(curious);
      for (const id of dossiers.slice(0, 2)) await t.request({ method: 'GET', url: `/api/clients/${id}/entries`, cookie: curiousCookie });
      expect((await report()).thresholds).toEqual({ outsideCaseloadPerDay: 2, employeesPerDossierPerDay: 3 });
      expect((await report()).employeesOutsideCaseload.map((r) => r.employee.id)).not.toContain(curious.id);
      await t.request({ method: 'GET', url: `/api/clients/${dossiers[2]}/entries`, cookie: curiousCookie });
      expect((await report()).employeesOutsideCaseload.map((r) => r.employee.id)).toContain(curious.id);

      // Three employees open one dossier (M, the holder counted): not flagged; a fourth: flagged.
      const team = [owner, await t.employee({ role: 'care-professional' }), await t.employee({ role: 'care-professional' }), await t.employee({ role: 'care-professional' })];
      for (const member of team.slice(1)) await t.relate(dossiers[0]!, member, 'member');
      for (const member of team.slice(0, 3)) await t.request({ method: 'GET', url: `/api/clients/${dossiers[0]}/entries`, cookie: await t.login(member) });
      expect((await report()).dossiersManyEmployees.map((r) => r.client.id)).not.toContain(dossiers[0]);
      await t.request({ method: 'GET', url: `/api/clients/${dossiers[0]}/entries`, cookie: await t.login(team[3]!) });
      expect((await report()).dossiersManyEmployees.map((r) => r.client.id)).toContain(dossiers[0]);
    } finally {
      await t.close();
    }
  });
});
