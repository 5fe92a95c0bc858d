/**
 * A recorded death can be corrected (issue 16): a mistaken date or a death recorded by mistake. The correction is
 * a new row (append-only, migration 0064); the earlier record stays and is shown as corrected; the engine reads the
 * death as corrected (Jeugdwet 7.3.12a). Who may correct is who may record a death (src/rules/acts.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let cookie: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
});
afterAll(async () => h.close());

const post = (url: string, body: unknown = {}, as = cookie) => h.request({ method: 'POST', url, cookie: as, body });
const get = (url: string) => h.request({ method: 'GET', url, cookie });

describe('correcting a recorded death', () => {
  it('a mistaken date is corrected by a new row, the old one kept and shown as corrected; the client\'s record shows the corrected day', async () => {
    const clientId = await h.client({ age: 15, holder });
    expect((await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-10' })).statusCode).toBe(201);
    const corrected = await post(`/api/clients/${clientId}/death/corrections`, { correction: 'died-on', diedOn: '2026-11-09', establishedHow: 'death-certificate' });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json()).toMatchObject({
      current: { diedOn: '2026-11-09' },
      records: [
        { kind: 'recorded', diedOn: '2026-11-10', corrected: true },
        { kind: 'died-on', diedOn: '2026-11-09', establishedHow: 'death-certificate', corrected: false },
      ],
    });
    expect((await get(`/api/clients/${clientId}`)).json().death).toMatchObject({ diedOn: '2026-11-09' });
    expect((await get(`/api/clients/${clientId}/death`)).json().records).toHaveLength(2);
    // The same day again changes nothing.
    expect((await post(`/api/clients/${clientId}/death/corrections`, { correction: 'died-on', diedOn: '2026-11-09', establishedHow: 'brp' })).statusCode).toBe(409);
    // The record itself stays as it was: nobody can change it, not even through SQL as the application.
    const [original] = await h.database.db.query<{ died_on: string }>('SELECT died_on FROM formal.client_deaths WHERE client_id = $1', [clientId]);
    expect(original?.died_on).toBe('2026-11-10');
    await expect(h.database.db.query('UPDATE formal.client_death_corrections SET died_on = \'2026-11-01\' WHERE client_id = $1', [clientId])).rejects.toThrow();
  });

  it('a death recorded by mistake: after "not deceased" the engine answers as for a living client, and the history keeps both', async () => {
    const clientId = await h.client({ age: 17, holder });
    const parent = await post(`/api/clients/${clientId}/relations`, {
      relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Ouder', givenNames: 'Sam',
      establishedHow: 'gezagsregister', validFrom: '2026-01-05',
    });
    expect((await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-10' })).statusCode).toBe(201);
    const badDate = await post(`/api/clients/${clientId}/death/corrections`, { correction: 'not-deceased', diedOn: '2026-11-10', establishedHow: 'brp' });
    expect(badDate.json()).toMatchObject({ field: 'diedOn' });
    const alive = await post(`/api/clients/${clientId}/death/corrections`, { correction: 'not-deceased', establishedHow: 'brp' });
    expect(alive.statusCode, alive.body).toBe(201);
    expect(alive.json()).toMatchObject({ current: null, records: [{ kind: 'recorded', corrected: true }, { kind: 'not-deceased', diedOn: null, corrected: false }] });
    expect((await get(`/api/clients/${clientId}`)).json().death).toBeNull();
    // A parent of a living 17-year-old needs the young person's consent (Jeugdwet 7.3.11), not a ground of 7.3.12a.
    const request = await post(`/api/clients/${clientId}/requests`, {
      kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Inzage.', requesterRelationId: parent.json().id,
    });
    expect(request.json().intake).toMatchObject({ outcome: 'needs-consent', consentMissing: ['client'] });
    expect(request.json().intake.explanation).not.toContain('overleden');
    // Recording the death again goes through a correction with the day.
    expect((await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-12' })).json()).toMatchObject({ code: 'death-already-recorded' });
    const again = await post(`/api/clients/${clientId}/death/corrections`, { correction: 'died-on', diedOn: '2026-11-12', establishedHow: 'brp' });
    expect(again.json()).toMatchObject({ current: { diedOn: '2026-11-12' }, records: [{ corrected: true }, { corrected: true }, { corrected: false }] });
  });

  it('only who may record a death may correct it (holder or manager); without a death there is nothing to correct', async () => {
    const clientId = await h.client({ age: 15, holder });
    expect((await post(`/api/clients/${clientId}/death/corrections`, { correction: 'not-deceased', establishedHow: 'brp' })).statusCode).toBe(404);
    expect((await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-10' })).statusCode).toBe(201);
    const admin = await h.login(await h.employee({ role: 'admin-staff' }));
    const refused = await post(`/api/clients/${clientId}/death/corrections`, { correction: 'not-deceased', establishedHow: 'brp' }, admin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().nl).toContain('corrigeert');
  });
});
