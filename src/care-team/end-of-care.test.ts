/**
 * The end of care and the hand-over in one transaction (issue 15 item 4), through HTTP on a real database.
 *
 * End of care: recorded once by the holder or a manager (the act end-care; the refusal is the engine's), with the
 * day not in the future and not before care started; the team closes after that day except the holder (a member's
 * access ends, the caseload shows the client as ended); the retention period counts from its recording (Jeugdwet
 * 7.3.8: twenty years from the last change). Hand-over: one call; a refused or failing hand-over changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAct } from '../rules/acts.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional', name: 'Sanne de Vries' });
  holderCookie = await h.login(holder);
});
afterAll(async () => h.close());

const post = (url: string, body: unknown, cookie = holderCookie) => h.request({ method: 'POST', url, cookie, body });
const get = (url: string, cookie = holderCookie) => h.request({ method: 'GET', url, cookie });

interface Member { id: string; employee: { id: string }; relation: string; startsOn: string; endsOn: string | null }

describe('end of care (issue 15 item 4)', () => {
  it('closes the team after the last day except the holder, takes the client off a member\'s caseload and marks it ended on the holder\'s', async () => {
    const clientId = await h.client({ age: 15, holder });
    const member = await h.employee({ role: 'care-professional' });
    const memberCookie = await h.login(member);
    await h.relate(clientId, member, 'member');
    expect((await get(`/api/clients/${clientId}/entries`, memberCookie)).statusCode).toBe(200);
    expect((await get(`/api/clients/${clientId}/end-of-care`)).json()).toEqual({ careEnd: null });

    const ended = await post(`/api/clients/${clientId}/end-of-care`, { endedOn: '2026-11-20', reason: 'goals-reached' });
    expect(ended.statusCode, ended.body).toBe(201);
    expect(ended.json()).toMatchObject({ careEnd: { endedOn: '2026-11-20', reason: 'goals-reached', endedBy: 'Sanne de Vries' }, membershipsEnded: 1 });

    // The member's relation ended on the last day of care: no access after it, not on the caseload.
    expect((await get(`/api/clients/${clientId}/entries`, memberCookie)).statusCode).toBe(403);
    const memberList = (await get('/api/clients', memberCookie)).json<{ clients: { id: string }[] }>().clients;
    expect(memberList.map((c) => c.id)).not.toContain(clientId);
    const team = (await get(`/api/clients/${clientId}/care-team`)).json<{ members: Member[] }>().members;
    expect(team.find((m) => m.employee.id === member.id)).toMatchObject({ endsOn: '2026-11-20' });
    expect(team.find((m) => m.employee.id === holder.id)).toMatchObject({ relation: 'holder', endsOn: null });

    // The holder keeps the closed dossier; the caseload shows it as ended, after the active clients.
    const active = await h.client({ age: 9, holder, familyName: 'Zwart' });
    const list = (await get('/api/clients')).json<{ clients: { id: string; careEndedOn?: string | null }[] }>().clients;
    const mine = list.filter((c) => c.id === clientId || c.id === active);
    expect(mine).toEqual([expect.objectContaining({ id: active, careEndedOn: null }), expect.objectContaining({ id: clientId, careEndedOn: '2026-11-20' })]);
    expect((await get(`/api/clients/${clientId}`)).json().dossier).toMatchObject({ careEndedOn: '2026-11-20' });

    // Nobody joins the closed team but a new holder (a member would open a dossier whose care is over).
    const joiner = await h.employee({ role: 'care-professional' });
    const join = await post(`/api/clients/${clientId}/care-team`, { employeeId: joiner.id, relation: 'member', startsOn: '2026-11-22' });
    expect(join.statusCode).toBe(409);
    expect(join.json()).toMatchObject({ code: 'care-already-ended' });
    const staying = await post(`/api/clients/${clientId}/care-team/hand-over`, { employeeId: joiner.id, holderFrom: '2026-11-23', formerHolderStays: true });
    expect(staying.statusCode).toBe(409);

    // Once: a second end is a conflict, and the first stays.
    const again = await post(`/api/clients/${clientId}/end-of-care`, { endedOn: '2026-11-21', reason: 'other' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'care-already-ended' });
    expect((await get(`/api/clients/${clientId}/end-of-care`)).json().careEnd.endedOn).toBe('2026-11-20');
  });

  it('counts the twenty years of retention from the recording of the end, the dossier\'s last change (Jeugdwet 7.3.8)', async () => {
    const clientId = await h.client({ age: 12, holder });
    const entry = await post(`/api/clients/${clientId}/entries`, { kind: 'conversation-report', text: 'Laatste gesprek.', source: { kind: 'client' } });
    expect(entry.statusCode, entry.body).toBe(201);
    // The entry's moment is the database's (recorded_at): twenty years from then, before the end is recorded.
    const before = (await get(`/api/clients/${clientId}`)).json().retention.keptUntil as string;
    expect(before < '2047-01-01').toBe(true);
    h.clock.advance(400 * 24 * 3600 * 1000); // 2027-12-27
    try {
      const later = await h.login(holder); // the session of a year ago has expired
      const ended = await post(`/api/clients/${clientId}/end-of-care`, { endedOn: '2027-12-20', reason: 'referred' }, later);
      expect(ended.statusCode, ended.body).toBe(201);
      const retention = (await get(`/api/clients/${clientId}`, later)).json().retention;
      expect(retention.keptUntil).toBe('2047-12-27');
      expect(retention.explanation).toContain('27 december 2027');
    } finally {
      h.clock.reset();
    }
  });

  it('refuses a last day in the future or before care started with 400 naming the field in Dutch, and a closed list of reasons', async () => {
    const clientId = await h.client({ age: 13, holder });
    const future = await post(`/api/clients/${clientId}/end-of-care`, { endedOn: '2026-12-30', reason: 'moved' });
    expect(future.statusCode).toBe(400);
    expect(future.headers['content-type']).toContain('application/problem+json');
    expect(future.json()).toMatchObject({ code: 'date-in-future', field: 'endedOn' });
    expect(future.json().nl).toContain('laatste dag van de hulp');
    const before = await post(`/api/clients/${clientId}/end-of-care`, { endedOn: '2025-12-31', reason: 'moved' });
    expect(before.json()).toMatchObject({ code: 'invalid-period', field: 'endedOn' });
    const reason = await post(`/api/clients/${clientId}/end-of-care`, { endedOn: '2026-11-20', reason: 'because' });
    expect(reason.statusCode).toBe(400);
    expect(reason.json().nl).toBe('De reden is niet een van de mogelijke keuzes.');
    expect(reason.json().en).toContain('"reason"');
    expect((await get(`/api/clients/${clientId}/end-of-care`)).json()).toEqual({ careEnd: null });
  });

  it('lets a manager end care and refuses a team member with the engine\'s explanation, logged', async () => {
    const clientId = await h.client({ age: 14, holder });
    const member = await h.employee({ role: 'care-professional' });
    await h.relate(clientId, member, 'member');
    const refused = await post(`/api/clients/${clientId}/end-of-care`, { endedOn: '2026-11-20', reason: 'client-stopped' }, await h.login(member));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().nl).toBe(decideAct({ act: 'end-care', employee: 'member', on: '2026-11-22', client: { born: '2012-01-01' } }).explanation);
    const [row] = await h.database.db.query<{ outcome: string; action: string }>('SELECT outcome, action FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    expect(row).toEqual({ outcome: 'denied', action: 'end-care' });
    const manager = await h.login(await h.employee({ role: 'manager' }));
    const ended = await post(`/api/clients/${clientId}/end-of-care`, { endedOn: '2026-11-20', reason: 'client-stopped' }, manager);
    expect(ended.statusCode, ended.body).toBe(201);
  });
});

describe('hand-over in one call (issue 15 item 4)', () => {
  it('makes the colleague holder from the day, ends the holder the day before and keeps them as member, in one call', async () => {
    const clientId = await h.client({ age: 11, holder });
    const next = await h.employee({ role: 'care-professional', name: 'Joris Bakker' });
    await h.relate(clientId, next, 'member');
    const handed = await post(`/api/clients/${clientId}/care-team/hand-over`, { employeeId: next.id, holderFrom: '2026-11-22', formerHolderStays: true });
    expect(handed.statusCode, handed.body).toBe(200);
    const team = handed.json<{ members: Member[] }>().members;
    const holders = team.filter((m) => m.relation === 'holder');
    expect(holders).toEqual([
      expect.objectContaining({ employee: expect.objectContaining({ id: holder.id }), endsOn: '2026-11-21' }),
      expect.objectContaining({ employee: expect.objectContaining({ id: next.id }), startsOn: '2026-11-22', endsOn: null }),
    ]);
    expect(team.filter((m) => m.employee.id === holder.id && m.relation === 'member')).toEqual([expect.objectContaining({ startsOn: '2026-11-22', endsOn: null })]);
    // The overview names the new holder today.
    expect((await get(`/api/clients/${clientId}`)).json().dossier.holder).toMatchObject({ id: next.id, name: 'Joris Bakker' });
    // The former holder, now a member, may no longer change the team.
    const refused = await post(`/api/clients/${clientId}/care-team/hand-over`, { employeeId: holder.id, holderFrom: '2026-11-23', formerHolderStays: false });
    expect(refused.statusCode).toBe(403);
  });

  it('a refused hand-over changes nothing (a holder who started on or after the new day; an intern as holder)', async () => {
    const clientId = await h.client({ age: 10, holder });
    const next = await h.employee({ role: 'care-professional' });
    const before = (await get(`/api/clients/${clientId}/care-team`)).json<{ members: Member[] }>().members;
    // The first holder started on 2026-01-05: a hand-over from that day would leave them a holder who ended before starting.
    const failed = await post(`/api/clients/${clientId}/care-team/hand-over`, { employeeId: next.id, holderFrom: '2026-01-05', formerHolderStays: true });
    expect(failed.statusCode).toBe(400);
    expect(failed.json()).toMatchObject({ field: 'holderFrom' });
    expect((await get(`/api/clients/${clientId}/care-team`)).json<{ members: Member[] }>().members).toEqual(before);
    const intern = await h.employee({ role: 'intern' });
    const notIntern = await post(`/api/clients/${clientId}/care-team/hand-over`, { employeeId: intern.id, holderFrom: '2026-12-01', formerHolderStays: false });
    expect(notIntern.json()).toMatchObject({ code: 'unknown-employee', field: 'employeeId' });
    expect((await get(`/api/clients/${clientId}/care-team`)).json<{ members: Member[] }>().members).toEqual(before);
  });
});
