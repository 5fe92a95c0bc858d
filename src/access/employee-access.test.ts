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
