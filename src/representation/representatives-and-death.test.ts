/**
 * Issue 16, deliver item 3 over HTTP: the people who represent an adult who
 * is not competent (BW 1:233, 7:465 lid 3) and the client's death (Jeugdwet
 * 7.3.12a) are recorded, and the engine answers requests from them with the
 * registered relations as its persons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../rules/index.js';
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
const inspect = (requesterRelationId?: string) => ({
  kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Ik wil het dossier inzien.',
  ...(requesterRelationId === undefined ? {} : { requesterRelationId }),
});

async function relation(clientId: string, body: Record<string, unknown>): Promise<string> {
  const created = await post(`/api/clients/${clientId}/relations`, { familyName: 'Jansen', givenNames: 'Noor', establishedHow: 'beschikking kantonrechter', validFrom: '2026-01-05', hasCustody: false, ...body });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

const parentWithCustody = { relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', establishedHow: 'gezagsregister' };

async function notCompetent(clientId: string): Promise<void> {
  const assessed = await post(`/api/clients/${clientId}/competence-assessments`, {
    matter: 'dossier-rights', competent: false, assessedOn: '2026-11-01', facts: 'Overziet de gevolgen niet.', expertConsulted: 'GZ-psycholoog',
  });
  expect(assessed.statusCode, assessed.body).toBe(201);
}

describe('an adult who is not competent is represented by the engine\'s rank (BW 7:465 lid 3)', () => {
  it('a 19-year-old with a mentor: the mentor\'s inspection is answered as the representative, the parent\'s is not allowed', async () => {
    const clientId = await h.client({ age: 19, holder });
    const born = (await get(`/api/clients/${clientId}`)).json<{ birthDate: string }>().birthDate;
    const parentId = await relation(clientId, parentWithCustody);
    const mentorId = await relation(clientId, { relation: 'mentor', validFrom: '2026-03-01' });
    await notCompetent(clientId);

    const persons = [
      { id: parentId, relation: 'parent', custody: 'two-headed-parental', from: '2026-01-05' },
      { id: mentorId, relation: 'mentor', from: '2026-03-01' },
    ] as const;
    const engine = (id: string) => decide({ on: '2026-11-20', client: { born, competent: false }, persons: [...persons], actor: { person: id }, action: 'inspect' });

    const byMentor = await post(`/api/clients/${clientId}/requests`, inspect(mentorId));
    expect(byMentor.statusCode, byMentor.body).toBe(201);
    expect(engine(mentorId).outcome).not.toBe('deny');
    expect(byMentor.json()).toMatchObject({ requester: { kind: 'representative' }, intake: { outcome: engine(mentorId).outcome } });

    const byParent = await post(`/api/clients/${clientId}/requests`, inspect(parentId));
    expect(byParent.statusCode, byParent.body).toBe(201);
    expect(engine(parentId).outcome).not.toBe('allow');
    expect(byParent.json<{ intake: { outcome: string } }>().intake.outcome).toBe(engine(parentId).outcome);
    expect(byParent.json<{ intake: { outcome: string } }>().intake.outcome).not.toBe('allow');

    const record = (await get(`/api/clients/${clientId}`)).json();
    expect(record.representatives).toEqual({ rank: 1, relationIds: [mentorId] });
  });

  it('a 19-year-old without anyone of a higher rank: the parent represents (rank 4) and may inspect', async () => {
    const clientId = await h.client({ age: 19, holder });
    const parentId = await relation(clientId, parentWithCustody);
    await notCompetent(clientId);
    const byParent = await post(`/api/clients/${clientId}/requests`, inspect(parentId));
    expect(byParent.statusCode, byParent.body).toBe(201);
    expect(byParent.json()).toMatchObject({ intake: { outcome: 'allow' } });
    expect((await get(`/api/clients/${clientId}`)).json().representatives).toEqual({ rank: 4, relationIds: [parentId] });
  });

  it('a mentor whose appointment ended no longer outranks the parent', async () => {
    const clientId = await h.client({ age: 20, holder });
    const parentId = await relation(clientId, parentWithCustody);
    const mentorId = await relation(clientId, { relation: 'mentor', validFrom: '2026-02-01' });
    expect((await post(`/api/clients/${clientId}/relations/${mentorId}/end`, { validTo: '2026-10-31' })).statusCode).toBe(204);
    await notCompetent(clientId);
    const byMentor = await post(`/api/clients/${clientId}/requests`, inspect(mentorId));
    expect(byMentor.statusCode).toBe(400); // no longer a relation on the day of receipt
    expect(byMentor.json()).toMatchObject({ code: 'unknown-requester' });
    const byParent = await post(`/api/clients/${clientId}/requests`, inspect(parentId));
    expect(byParent.json()).toMatchObject({ intake: { outcome: 'allow' } });
  });

  it('a competent 19-year-old decides alone: a brother or sister is no representative', async () => {
    const clientId = await h.client({ age: 19, holder });
    const siblingId = await relation(clientId, { relation: 'sibling' });
    const bySibling = await post(`/api/clients/${clientId}/requests`, inspect(siblingId));
    expect(bySibling.json<{ intake: { outcome: string } }>().intake.outcome).not.toBe('allow');
    expect((await get(`/api/clients/${clientId}`)).json().representatives).toBeNull();
  });

  it('the new kinds hold no custody: 400 with the field, nothing written', async () => {
    const clientId = await h.client({ age: 19, holder });
    for (const kind of ['curator', 'mentor', 'authorised', 'partner', 'child', 'sibling']) {
      const refused = await post(`/api/clients/${clientId}/relations`, {
        relation: kind, hasCustody: true, custodyEstablishedBy: 'guardianship-order', custodyKind: 'guardianship', familyName: 'X', givenNames: 'Y', establishedHow: 'z', validFrom: '2026-01-05',
      });
      expect(refused.statusCode, kind).toBe(400);
      expect(refused.json(), kind).toMatchObject({ code: 'custody-inconsistent', field: 'hasCustody' });
    }
    expect((await get(`/api/clients/${clientId}`)).json().relations).toEqual([]);
  });
});

describe('the client\'s death (Jeugdwet 7.3.12a)', () => {
  it('is recorded by the dossier holder once, with the date and who recorded it; an employee without relation is refused', async () => {
    const clientId = await h.client({ age: 15, holder });
    const admin = await h.login(await h.employee({ role: 'admin-staff' }));
    const refused = await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-10' }, admin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().nl).toContain('overlijden');
    expect((await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-30' })).json()).toMatchObject({ code: 'date-in-future', field: 'diedOn' });
    const recorded = await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-10' });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ diedOn: '2026-11-10', wishInLife: 'none' });
    expect(recorded.json().recordedBy.length).toBeGreaterThan(0);
    expect((await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-11' })).statusCode).toBe(409);
    expect((await get(`/api/clients/${clientId}`)).json().death).toMatchObject({ diedOn: '2026-11-10' });
    const [logged] = await h.database.db.query<{ outcome: string }>(
      'SELECT outcome FROM audit.access_log WHERE client_id = $1 AND employee_id = $2 ORDER BY seq DESC LIMIT 1', [clientId, holder.id]);
    expect(logged).toBeDefined();
  });

  it('a parent who held custody of a child who died at 15 may inspect (lid 2); of one who died at 17 only with consent given in life', async () => {
    const young = await h.client({ age: 15, holder });
    const youngParent = await relation(young, parentWithCustody);
    expect((await post(`/api/clients/${young}/death`, { diedOn: '2026-11-10' })).statusCode).toBe(201);
    const allowed = await post(`/api/clients/${young}/requests`, inspect(youngParent));
    expect(allowed.json()).toMatchObject({ intake: { outcome: 'allow' } });
    expect(allowed.json().intake.basis).toContain('Jeugdwet 7.3.12a');

    const older = await h.client({ age: 17, holder });
    const olderParent = await relation(older, parentWithCustody);
    expect((await post(`/api/clients/${older}/death`, { diedOn: '2026-11-10' })).statusCode).toBe(201);
    // No ground on record: the engine refuses, but a compelling interest (lid 1(b)) is for the decider to establish, so the request stays open (issue 16).
    const refused = await post(`/api/clients/${older}/requests`, inspect(olderParent));
    expect(refused.json()).toMatchObject({ state: 'received', intake: { outcome: 'deny' }, decision: null });
    expect(refused.json().intake.explanation).toContain('overleden op 10 november 2026');
    expect(refused.json().intake.explanation).toContain('Het verzoek blijft open.');

    const consented = await h.client({ age: 17, holder });
    const consentedParent = await relation(consented, parentWithCustody);
    expect((await post(`/api/clients/${consented}/death`, { diedOn: '2026-11-10', wishInLife: 'consented' })).statusCode).toBe(201);
    expect((await post(`/api/clients/${consented}/requests`, inspect(consentedParent))).json()).toMatchObject({ intake: { outcome: 'allow' } });
  });

  it('an objection recorded in life stands, even for the parent of a child under 16 (lid 4); nobody exercises the client\'s rights', async () => {
    const clientId = await h.client({ age: 14, holder });
    const parentId = await relation(clientId, parentWithCustody);
    expect((await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-10', wishInLife: 'objected' })).statusCode).toBe(201);
    expect((await post(`/api/clients/${clientId}/requests`, inspect(parentId))).json()).toMatchObject({ intake: { outcome: 'deny' } });
    const correction = await post(`/api/clients/${clientId}/requests`, { ...inspect(parentId), kind: 'correct', details: 'Verbeter dit.' });
    expect(correction.json()).toMatchObject({ intake: { outcome: 'deny' } });
  });
});
