/**
 * What the client wanted in life about inspection after death is per person where the law distinguishes (issue 16):
 * consent "to this person's" inspection (Jeugdwet 7.3.12a lid 1(a)) and an objection (lid 4) name a person or
 * everyone, and the engine is asked with the wish about the requester. Before, one value held for everyone.
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
const parentBody = (givenNames: string) => ({
  relation: 'parent', hasCustody: true, custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage', familyName: 'Jansen', givenNames,
  establishedHow: 'gezagsregister', validFrom: '2026-01-05',
});
const inspect = (requesterRelationId: string) => ({ kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Inzage na overlijden.', requesterRelationId });

describe('the wish in life, per person (Jeugdwet 7.3.12a lid 1(a), lid 4)', () => {
  it('consent for the mother only: the mother may inspect after death, the father has no ground on record; an objection about the father holds against a consent for everyone', async () => {
    const clientId = await h.client({ age: 17, holder });
    const mother = (await post(`/api/clients/${clientId}/relations`, parentBody('Anna'))).json().id as string;
    const father = (await post(`/api/clients/${clientId}/relations`, parentBody('Bram'))).json().id as string;
    const recorded = await post(`/api/clients/${clientId}/wishes-after-death`, { relationId: mother, wish: 'consented', expressedOn: '2026-06-01', expressedHow: 'in-writing' });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json().wishes).toEqual([expect.objectContaining({ relationId: mother, relationName: 'Anna Jansen', wish: 'consented', replaced: false })]);
    expect((await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-10' })).statusCode).toBe(201);

    const byMother = (await post(`/api/clients/${clientId}/requests`, inspect(mother))).json();
    expect(byMother.intake.outcome).toBe('allow');
    expect(byMother.intake.explanation).toContain('bij leven schriftelijk of elektronisch toestemming');
    const byFather = (await post(`/api/clients/${clientId}/requests`, inspect(father))).json();
    expect(byFather.intake.outcome).toBe('deny');

    // A consent for everyone, then an objection about the father: the wish about the person counts first (lid 4).
    const other = await h.client({ age: 17, holder });
    const otherMother = (await post(`/api/clients/${other}/relations`, parentBody('Anna'))).json().id as string;
    const otherFather = (await post(`/api/clients/${other}/relations`, parentBody('Bram'))).json().id as string;
    expect((await post(`/api/clients/${other}/wishes-after-death`, { wish: 'consented', expressedOn: '2026-05-01', expressedHow: 'electronic' })).statusCode).toBe(201);
    expect((await post(`/api/clients/${other}/wishes-after-death`, { relationId: otherFather, wish: 'objected', expressedOn: '2026-06-01', expressedHow: 'in-writing' })).statusCode).toBe(201);
    expect((await post(`/api/clients/${other}/death`, { diedOn: '2026-11-10' })).statusCode).toBe(201);
    expect((await post(`/api/clients/${other}/requests`, inspect(otherMother))).json().intake.outcome).toBe('allow');
    const objected = (await post(`/api/clients/${other}/requests`, inspect(otherFather))).json();
    expect(objected).toMatchObject({ state: 'refused-at-intake', intake: { outcome: 'deny' } });
    expect(objected.intake.explanation).toContain('niet wilde');
  });

  it('a later wish replaces an earlier one about the same person; only in life, from 12, and only by the holder or a manager', async () => {
    const clientId = await h.client({ age: 15, holder });
    const mother = (await post(`/api/clients/${clientId}/relations`, parentBody('Anna'))).json().id as string;
    await post(`/api/clients/${clientId}/wishes-after-death`, { relationId: mother, wish: 'objected', expressedOn: '2026-03-20', expressedHow: 'in-writing' });
    const later = await post(`/api/clients/${clientId}/wishes-after-death`, { relationId: mother, wish: 'withdrawn', expressedOn: '2026-06-01', expressedHow: 'in-writing' });
    expect(later.json().wishes.map((w: { wish: string; replaced: boolean }) => [w.wish, w.replaced])).toEqual([['objected', true], ['withdrawn', false]]);
    expect((await get(`/api/clients/${clientId}/wishes-after-death`)).json().wishes).toHaveLength(2);
    // Born 15 March 2011: 11 years old on 1 March 2023.
    expect((await post(`/api/clients/${clientId}/wishes-after-death`, { wish: 'objected', expressedOn: '2023-03-01', expressedHow: 'in-writing' })).json()).toMatchObject({ field: 'expressedOn' });
    expect((await post(`/api/clients/${clientId}/death`, { diedOn: '2026-11-10' })).statusCode).toBe(201);
    expect((await post(`/api/clients/${clientId}/wishes-after-death`, { wish: 'objected', expressedOn: '2026-11-11', expressedHow: 'in-writing' })).json()).toMatchObject({ field: 'expressedOn' });
    const admin = await h.login(await h.employee({ role: 'admin-staff' }));
    expect((await post(`/api/clients/${clientId}/wishes-after-death`, { wish: 'objected', expressedOn: '2026-06-02', expressedHow: 'in-writing' }, admin)).statusCode).toBe(403);
    // The mother's objection was withdrawn; she held custody of a child who died at 15 (lid 2).
    expect((await post(`/api/clients/${clientId}/requests`, inspect(mother))).json().intake.outcome).toBe('allow');
  });
});
