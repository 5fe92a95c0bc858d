/**
 * A dossier has one holder on each day: the responsible professional, named with function (Jeugdwet 7.3.8, BW 7:454;
 * 003 §2.3.1), who signs its letters and answers the client's requests (003 §2.1: "er is dus wel een 'houder' van
 * het dossier nl. de hulpverlener"). The holder changes only by the hand-over (one transaction: the new holder from a
 * day, the holder until then ending the day before) and stays through the end of care.
 *
 * The defects: `POST …/care-team` with relation holder added a second holder beside the current one, and ending the
 * holder's own membership (`…/care-team/:id/end`) left the dossier without a holder. Both are now refused for
 * whoever may change the team (the holder, a manager), as a problem+json 4xx that points at the hand-over, logged as
 * a refused change-care-team, with nothing changed. Whoever may not change the team at all still gets the engine's
 * 403 (care-team.test.ts), not this explanation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let managerCookie: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional', name: 'Hanna Houder' });
  holderCookie = await h.login(holder);
  managerCookie = await h.login(await h.employee({ role: 'manager' }));
});
afterAll(async () => h.close());

const post = (url: string, body: unknown, cookie = holderCookie) => h.request({ method: 'POST', url, cookie, body });
const get = (url: string, cookie = holderCookie) => h.request({ method: 'GET', url, cookie });

interface Member { id: string; employee: { id: string }; relation: string; startsOn: string; endsOn: string | null }

const team = async (clientId: string): Promise<Member[]> => (await get(`/api/clients/${clientId}/care-team`)).json<{ members: Member[] }>().members;
const holderOnOverview = async (clientId: string, cookie = holderCookie): Promise<string> =>
  (await get(`/api/clients/${clientId}`, cookie)).json<{ dossier: { holder: { id: string } } }>().dossier.holder.id;

/** Pairs of holder memberships of the client that count on a same day (there must be none). */
async function overlappingHolders(clientId: string): Promise<number> {
  const [row] = await h.database.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM org.care_team a JOIN org.care_team b ON a.client_id = b.client_id AND a.id < b.id
      WHERE a.client_id = $1 AND a.relation = 'holder' AND b.relation = 'holder'
        AND a.starts_on <= COALESCE(b.ends_on, 'infinity'::date) AND b.starts_on <= COALESCE(a.ends_on, 'infinity'::date)`, [clientId]);
  return row!.n;
}

/** The last access-log row: a refused change of the care team by `employeeId`. */
async function expectLoggedRefusal(employeeId: string, clientId: string): Promise<void> {
  const [row] = await h.database.db.query<{ outcome: string; action: string; employee_id: string; client_id: string }>(
    'SELECT outcome, action, employee_id, client_id FROM audit.access_log ORDER BY seq DESC LIMIT 1');
  expect(row).toEqual({ outcome: 'denied', action: 'change-care-team', employee_id: employeeId, client_id: clientId });
}

describe('one holder: no holder beside the current one (Jeugdwet 7.3.8; 003 §2.3.1)', () => {
  it('refuses adding a holder through the care team, for the holder and a manager, pointing at the hand-over; nothing changes', async () => {
    const clientId = await h.client({ age: 14, holder });
    const colleague = await h.employee({ role: 'care-professional' });
    const before = await team(clientId);
    const manager = await h.employee({ role: 'manager' });
    for (const [who, cookie] of [[holder, holderCookie], [manager, await h.login(manager)]] as const) {
      const added = await post(`/api/clients/${clientId}/care-team`, { employeeId: colleague.id, relation: 'holder', startsOn: '2026-11-22' }, cookie);
      expect(added.statusCode, added.body).toBe(400);
      expect(added.headers['content-type']).toContain('application/problem+json');
      expect(added.json()).toMatchObject({ field: 'relation' });
      expect(added.json().nl).toContain('Dossierhouder wijzigen');
      expect(added.json().nl).toContain('één dossierhouder');
      expect(added.json().en).toContain('hand-over');
      await expectLoggedRefusal(who.id, clientId);
    }
    expect(await team(clientId)).toEqual(before);
    expect(await overlappingHolders(clientId)).toBe(0);
    expect(await holderOnOverview(clientId)).toBe(holder.id);
  });

  it('refuses a holder dated later or earlier too: no day with two holders through any date', async () => {
    const clientId = await h.client({ age: 14, holder });
    const colleague = await h.employee({ role: 'care-professional' });
    for (const startsOn of ['2026-01-01', '2026-12-01', '2027-06-01']) {
      const added = await post(`/api/clients/${clientId}/care-team`, { employeeId: colleague.id, relation: 'holder', startsOn, endsOn: '2027-12-31' });
      expect(added.statusCode, startsOn).toBe(400);
    }
    // The colleague joins as a member on a day the holder holds: that is no second holder.
    const member = await post(`/api/clients/${clientId}/care-team`, { employeeId: colleague.id, relation: 'member', startsOn: '2026-11-22' });
    expect(member.statusCode, member.body).toBe(201);
    expect(await overlappingHolders(clientId)).toBe(0);
  });

  it('after the end of care a holder is not added either: the closed dossier changes holder by the hand-over', async () => {
    const clientId = await h.client({ age: 14, holder });
    expect((await post(`/api/clients/${clientId}/end-of-care`, { endedOn: '2026-11-20', reason: 'goals-reached' })).statusCode).toBe(201);
    const next = await h.employee({ role: 'care-professional' });
    expect((await post(`/api/clients/${clientId}/care-team`, { employeeId: next.id, relation: 'holder', startsOn: '2026-11-22' })).statusCode).toBe(400);
    const handed = await post(`/api/clients/${clientId}/care-team/hand-over`, { employeeId: next.id, holderFrom: '2026-11-22', formerHolderStays: false });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(await overlappingHolders(clientId)).toBe(0);
    expect(await holderOnOverview(clientId, await h.login(next))).toBe(next.id);
  });

  it('successive hand-overs, one dated later, never make two holders on one day', async () => {
    const clientId = await h.client({ age: 14, holder });
    const [b, c] = [await h.employee({ role: 'care-professional' }), await h.employee({ role: 'care-professional' })];
    expect((await post(`/api/clients/${clientId}/care-team/hand-over`, { employeeId: b.id, holderFrom: '2026-12-01', formerHolderStays: true })).statusCode).toBe(200);
    // Before the planned holder's first day: refused (the planned holdership would run beside it).
    expect((await post(`/api/clients/${clientId}/care-team/hand-over`, { employeeId: c.id, holderFrom: '2026-11-25', formerHolderStays: false })).statusCode).toBe(400);
    expect((await post(`/api/clients/${clientId}/care-team/hand-over`, { employeeId: c.id, holderFrom: '2026-12-10', formerHolderStays: false })).statusCode).toBe(200);
    expect(await overlappingHolders(clientId)).toBe(0);
  });
});

describe('one holder: the holder\'s membership ends only by the hand-over (Jeugdwet 7.3.8; BW 7:454; 003 §2.1)', () => {
  it('refuses ending the holder\'s own membership, for the holder and a manager, saying to hand it over first; nothing changes', async () => {
    const clientId = await h.client({ age: 14, holder });
    const holdership = (await team(clientId)).find((m) => m.relation === 'holder')!;
    const manager = await h.employee({ role: 'manager' });
    for (const [who, cookie] of [[holder, holderCookie], [manager, await h.login(manager)]] as const) {
      for (const body of [{ endsOn: '2026-11-22' }, { endsOn: '2026-12-31' }, {}]) {
        const ended = await post(`/api/clients/${clientId}/care-team/${holdership.id}/end`, body, cookie);
        expect(ended.statusCode, ended.body).toBe(409);
        expect(ended.headers['content-type']).toContain('application/problem+json');
        expect(ended.json().nl).toContain('nieuwe dossierhouder');
        expect(ended.json().nl).toContain('Dossierhouder wijzigen');
        expect(ended.json().en).toContain('hand-over');
        await expectLoggedRefusal(who.id, clientId);
      }
    }
    expect((await team(clientId)).find((m) => m.id === holdership.id)).toMatchObject({ endsOn: null });
    // The letters keep their signatory: the overview names the holder from the care team, today and next year.
    expect(await holderOnOverview(clientId)).toBe(holder.id);
  });

  it('refuses ending a holdership dated later by a hand-over, or shortening the one it ends: no day without a holder', async () => {
    const clientId = await h.client({ age: 14, holder });
    const next = await h.employee({ role: 'care-professional' });
    const handed = await post(`/api/clients/${clientId}/care-team/hand-over`, { employeeId: next.id, holderFrom: '2026-12-01', formerHolderStays: false });
    expect(handed.statusCode, handed.body).toBe(200);
    const members = handed.json<{ members: Member[] }>().members;
    const former = members.find((m) => m.employee.id === holder.id && m.relation === 'holder')!;
    const planned = members.find((m) => m.employee.id === next.id && m.relation === 'holder')!;
    expect(former.endsOn).toBe('2026-11-30');
    expect((await post(`/api/clients/${clientId}/care-team/${former.id}/end`, { endsOn: '2026-11-25' })).statusCode).toBe(409);
    expect((await post(`/api/clients/${clientId}/care-team/${planned.id}/end`, { endsOn: '2026-12-05' }, managerCookie)).statusCode).toBe(409);
    expect(await team(clientId)).toEqual(members);
  });

  it('the end of care keeps the holder\'s membership, and ending it afterwards is refused too', async () => {
    const clientId = await h.client({ age: 14, holder });
    const member = await h.employee({ role: 'care-professional' });
    await h.relate(clientId, member, 'member');
    expect((await post(`/api/clients/${clientId}/end-of-care`, { endedOn: '2026-11-20', reason: 'goals-reached' })).statusCode).toBe(201);
    const after = await team(clientId);
    const holdership = after.find((m) => m.relation === 'holder')!;
    expect(holdership.endsOn).toBeNull();
    expect(after.find((m) => m.employee.id === member.id)?.endsOn).toBe('2026-11-20');
    expect((await post(`/api/clients/${clientId}/care-team/${holdership.id}/end`, { endsOn: '2026-11-22' })).statusCode).toBe(409);
    expect(await holderOnOverview(clientId)).toBe(holder.id);
  });

  it('a member\'s membership still ends as before', async () => {
    const clientId = await h.client({ age: 14, holder });
    const member = await h.employee({ role: 'care-professional' });
    const added = await post(`/api/clients/${clientId}/care-team`, { employeeId: member.id, relation: 'substitute', startsOn: '2026-11-01' });
    expect(added.statusCode, added.body).toBe(201);
    const ended = await post(`/api/clients/${clientId}/care-team/${added.json<Member>().id}/end`, { endsOn: '2026-11-22' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ endsOn: '2026-11-22' });
  });
});
