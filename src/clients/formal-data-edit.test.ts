/**
 * Editing a client's address and contact details in the daily administration (issue 15, Deliver 4: "editing a
 * client's address or phone (no API either)"): the engine's recording decision for administrative data lets
 * those who give the care and administrative staff do it; others get its explanation, logged; nothing is
 * overwritten without trace (the old value, the new one, when, by whom and how it became known stay in the
 * append-only history, as corrections on a request do, AVG 16); bad input is a 4xx problem in Dutch and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let clientId: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional', name: 'Hanna Houder' });
  holderCookie = await h.login(holder);
  clientId = await h.client({ age: 13, holder });
});
afterAll(async () => h.close());

const edit = (cookie: string, body: unknown) => h.request({ method: 'PATCH', url: `/api/clients/${clientId}/formal-data`, cookie, body });
const client = async () => (await h.request({ method: 'GET', url: `/api/clients/${clientId}`, cookie: holderCookie })).json();

describe('editing formal data', () => {
  it('the holder records a move; the overview shows the new address and the history keeps the old one, with who, when and how it became known', async () => {
    const moved = await edit(holderCookie, { streetAddress: 'Lindelaan 4', postcode: '3511 AB', town: 'Utrecht', reason: 'Doorgegeven door de moeder, telefonisch' });
    expect(moved.statusCode).toBe(200);
    const phoned = await edit(holderCookie, { phone: '06 1234 5678', reason: 'Nieuw nummer gemeld door de jongere' });
    expect(phoned.statusCode).toBe(200);
    const after = await client();
    expect(after).toMatchObject({ streetAddress: 'Lindelaan 4', postcode: '3511 AB', town: 'Utrecht', phone: '06 1234 5678' });
    expect(after.corrections).toEqual([
      { field: 'streetAddress', oldValue: null, newValue: 'Lindelaan 4', correctedBy: 'Hanna Houder', correctedAt: expect.any(String), requestId: null, reason: 'Doorgegeven door de moeder, telefonisch' },
      { field: 'postcode', oldValue: null, newValue: '3511 AB', correctedBy: 'Hanna Houder', correctedAt: expect.any(String), requestId: null, reason: 'Doorgegeven door de moeder, telefonisch' },
      { field: 'town', oldValue: null, newValue: 'Utrecht', correctedBy: 'Hanna Houder', correctedAt: expect.any(String), requestId: null, reason: 'Doorgegeven door de moeder, telefonisch' },
      { field: 'phone', oldValue: null, newValue: '06 1234 5678', correctedBy: 'Hanna Houder', correctedAt: expect.any(String), requestId: null, reason: 'Nieuw nummer gemeld door de jongere' },
    ]);
    // A second move keeps the first address in the history.
    const admin = await h.employee({ role: 'admin-staff', name: 'Anna Administratie' });
    const again = await edit(await h.login(admin), { streetAddress: 'Eikenlaan 9', reason: 'Verhuisbericht van de gemeente' });
    expect(again.statusCode).toBe(200);
    expect(again.json().corrections.at(-1)).toMatchObject({ field: 'streetAddress', oldValue: 'Lindelaan 4', newValue: 'Eikenlaan 9', correctedBy: 'Anna Administratie', requestId: null });
    // The history is append-only.
    await expect(h.database.db.query('UPDATE formal.data_corrections SET new_value = $2 WHERE client_id = $1', [clientId, 'vervalst'])).rejects.toThrow();
  });

  it('a manager, the privacy officer and a professional without a care relation are refused with the engine\'s explanation, logged, nothing changed', async () => {
    const before = await client();
    const refused: [string, TestEmployee][] = [
      ['manager', await h.employee({ role: 'manager' })],
      ['privacy officer', await h.employee({ role: 'privacy-officer' })],
      ['professional without relation', await h.employee({ role: 'care-professional' })],
    ];
    for (const [who, employee] of refused) {
      const response = await edit(await h.login(employee), { phone: '010 765 4321', reason: 'Gebeld' });
      expect(response.statusCode, who).toBe(403);
      expect(response.headers['content-type'], who).toContain('application/problem+json');
      expect(response.json().nl, who).toMatch(/\S{10,}/);
      expect(response.json().basis, who).toEqual(expect.arrayContaining(['Jeugdwet 7.3.8']));
      const [row] = await h.database.db.query<{ outcome: string; employee_id: string; action: string; client_id: string }>(
        'SELECT outcome, employee_id, action, client_id FROM audit.access_log ORDER BY seq DESC LIMIT 1');
      expect(row, who).toEqual({ outcome: 'denied', employee_id: employee.id, action: 'record', client_id: clientId });
    }
    const after = await client();
    expect(after.phone).toBe(before.phone);
    expect(after.corrections).toHaveLength(before.corrections.length);
  });

  it('bad input answers 4xx problem+json in Dutch and English and changes nothing', async () => {
    const before = await client();
    const cases: [string, unknown, number][] = [
      ['invalid postcode', { postcode: '0000 00', reason: 'Gebeld' }, 400],
      ['invalid phone', { phone: 'bel mij', reason: 'Gebeld' }, 400],
      ['control characters', { streetAddress: 'Laan\u0000 1', reason: 'Gebeld' }, 400],
      ['no new value', { reason: 'Gebeld' }, 400],
      ['no reason', { phone: '010 765 4321' }, 400],
      ['a blank reason', { phone: '010 765 4321', reason: '  ' }, 400],
      ['identity is not edited here', { familyName: 'Anders', reason: 'Gebeld' }, 400],
      ['the same value', { streetAddress: before.streetAddress, reason: 'Gebeld' }, 409],
    ];
    for (const [what, body, status] of cases) {
      const response = await edit(holderCookie, body);
      expect(response.statusCode, what).toBe(status);
      expect(response.headers['content-type'], what).toContain('application/problem+json');
      const problem = response.json();
      expect(typeof problem.nl, what).toBe('string');
      expect(typeof problem.en, what).toBe('string');
      expect(problem.nl, what).not.toBe(problem.en);
      // Field names reach people in Dutch, not as API names.
      expect(problem.nl, what).not.toMatch(/streetAddress|postcode"|familyName/);
    }
    const after = await client();
    expect(after.corrections).toEqual(before.corrections);
  });
});
