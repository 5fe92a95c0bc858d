/**
 * Requests end to end through the API, decided by the engine: who may make
 * them (Jeugdwet 7.3.10–7.3.11; BW 1:377c; 004 D), whose consent is missing,
 * the deadlines (AVG 12(3); Jeugdwet 7.3.9, 7.3.17), the refusal grounds of
 * destruction (003 §3.3), the free first copy (AVG 15(3)) — and refusals are
 * recorded, never dropped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideRequestKind, type Actor } from '../rules/index.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import type { RequestKind } from './request-kinds.js';

let h: Harness;
let holder: TestEmployee;
let cookie: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
});
afterAll(async () => h.close());

const post = (url: string, body: unknown = {}) => h.request({ method: 'POST', url, cookie, body });
const get = (url: string) => h.request({ method: 'GET', url, cookie });

async function clientWithParent(age: number, hasCustody = true): Promise<{ clientId: string; parentId: string }> {
  const clientId = await h.client({ age, holder });
  const parent = await post(`/api/clients/${clientId}/relations`, {
    relation: 'parent', hasCustody, ...(hasCustody ? { custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage' } : {}), familyName: 'Ouder', givenNames: 'Sam',
    establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  });
  return { clientId, parentId: parent.json().id };
}

const request = (over: Record<string, unknown> = {}) => ({ kind: 'inspect', channel: 'written', receivedOn: '2026-11-20', details: 'Ik wil het dossier inzien.', ...over });

describe('intake', () => {
  it('a parent with custody of a 14-year-old may inspect (Jeugdwet 7.3.11); deadline one month, moved past Sunday', async () => {
    const { clientId, parentId } = await clientWithParent(14);
    const created = await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId, identityCheck: { documentType: 'passport' } }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      state: 'received', requester: { kind: 'parent-with-custody', name: 'Sam Ouder' }, intake: { outcome: 'allow' },
      deadline: '2026-12-21', // 20 December 2026 is a Sunday (Algemene termijnenwet 1)
      identityChecked: { documentType: 'passport' },
    });
    expect(created.json().intake.basis).toContain('Jeugdwet 7.3.11');
    const duplicate = await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId, receivedOn: '2026-11-21', details: 'Nogmaals.' }));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'duplicate-request' });
    expect(duplicate.json().nl).toContain('al een gelijk verzoek');
    expect((await get(`/api/clients/${clientId}/requests`)).json().requests.map((r: { id: string }) => r.id)).toEqual([created.json().id]);
  });

  it('a parent of a 17-year-old needs the young person\'s consent (004 D): no grant before it is recorded', async () => {
    const { clientId, parentId } = await clientWithParent(17);
    const created = (await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId }))).json();
    expect(created.intake).toMatchObject({ outcome: 'needs-consent', consentMissing: ['client'] });
    const early = await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'granted', reasons: '' });
    expect(early.statusCode).toBe(409);
    expect(early.json().nl).toContain('toestemming');
    // The consent is recorded with its evidence (AVG 7(1)): when, how, and where the declaration is.
    const consentUrl = `/api/clients/${clientId}/requests/${created.id}/consent`;
    const noReference = await post(consentUrl, { givenOn: '2026-11-21', how: 'in-writing' });
    expect(noReference.statusCode).toBe(400);
    expect(noReference.json().field).toBe('declarationReference');
    expect((await post(consentUrl, { givenOn: '2099-01-01', how: 'in-person' })).json().field).toBe('givenOn');
    const recorded = await post(consentUrl, { givenOn: '2026-11-21', how: 'in-writing', declarationReference: 'Getekende verklaring, map verzoeken 2026-14' });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json().intake.consent).toEqual({
      of: ['client'], givenOn: '2026-11-21', how: 'in-writing', declarationReference: 'Getekende verklaring, map verzoeken 2026-14', recordedOn: expect.any(String),
    });
    expect((await post(consentUrl, { givenOn: '2026-11-21', how: 'in-person' })).statusCode).toBe(409);
    const granted = await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'granted', reasons: '' });
    // The appeal term runs from receipt of the answer (003 §4): no last day until that is recorded (request-deadlines.test.ts).
    expect(granted.json()).toMatchObject({ state: 'decided', decision: { outcome: 'granted', appealDeadline: null }, deadlines: { decisionDeadline: '2026-12-21', late: false } });
  });

  it('a confidential advisor has no right of inspection: the request is recorded as refused, citing Besluit Jeugdwet 4.1.5 (DOMAIN §3)', async () => {
    const clientId = await h.client({ age: 15, holder });
    const advisorWithCustody = await post(`/api/clients/${clientId}/relations`, {
      relation: 'confidential-advisor', hasCustody: true, custodyEstablishedBy: 'by-law-marriage', custodyKind: 'two-headed-parental', familyName: 'Vertrouwen', givenNames: 'Vera', establishedHow: 'AKJ-vertrouwenspersoon', validFrom: '2026-01-05',
    });
    expect(advisorWithCustody.statusCode).toBe(400);
    const advisor = await post(`/api/clients/${clientId}/relations`, {
      relation: 'confidential-advisor', hasCustody: false, familyName: 'Vertrouwen', givenNames: 'Vera', establishedHow: 'AKJ-vertrouwenspersoon', validFrom: '2026-01-05',
    });
    expect(advisor.statusCode).toBe(201);
    const created = await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: advisor.json().id }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ state: 'refused-at-intake', requester: { kind: 'confidential-advisor' }, intake: { outcome: 'deny' } });
    expect(created.json().intake.basis).toContain('Besluit Jeugdwet 4.1.5');
  });

  it('a parent without custody may not inspect: recorded as refused with the reason and legal routes, not dropped (BW 1:377c)', async () => {
    const { clientId, parentId } = await clientWithParent(9, false);
    const created = await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ state: 'refused-at-intake', intake: { outcome: 'deny' }, decision: { outcome: 'refused', appealDeadline: null } });
    expect(created.json().decision.reasons.length).toBeGreaterThan(20);
    const general = await post(`/api/clients/${clientId}/requests`, request({ kind: 'general-information', requesterRelationId: parentId }));
    expect(general.json()).toMatchObject({ state: 'received', intake: { outcome: 'allow' } });
    expect(general.json().intake.basis).toContain('BW 1:377c');
  });

  it('parents of a 13-year-old do not get conversation reports when so agreed at the start of care (003 §3.1)', async () => {
    const { clientId, parentId } = await clientWithParent(13);
    await post(`/api/clients/${clientId}/agreements`, { agreement: 'no-conversation-reports-to-parents', agreedOn: '2026-01-05' });
    const reports = await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId, part: 'conversation-report' }));
    expect(reports.json().state).toBe('refused-at-intake');
    const plans = await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId, part: 'care-plan' }));
    expect(plans.json().state).toBe('received');
  });

  it('refuses bad input with a clear error and records nothing', async () => {
    const { clientId } = await clientWithParent(15);
    expect((await post(`/api/clients/${clientId}/requests`, request({ receivedOn: '2026-12-01' }))).json().field).toBe('receivedOn');
    expect((await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: '00000000-0000-4000-8000-000000000000' }))).json().field).toBe('requesterRelationId');
    expect((await post(`/api/clients/${clientId}/requests`, request({ kind: 'gossip' }))).json().field).toBe('kind');
    expect((await get(`/api/clients/${clientId}/requests`)).json().requests).toEqual([]);
  });
});

/** A relation of the client as the engine's actor: the relation kinds that map onto it (request-kinds.ts). */
const RELATION_OF: Partial<Record<Actor, { relation: string; hasCustody: boolean; custodyEstablishedBy?: string }>> = {
  'parent-with-custody': { relation: 'parent', hasCustody: true, custodyEstablishedBy: 'by-law-marriage' },
  'parent-without-custody': { relation: 'parent', hasCustody: false },
  'family-guardian': { relation: 'family-guardian', hasCustody: false },
  'third-party': { relation: 'foster-parent', hasCustody: false },
};

async function requesterFor(clientId: string, actor: Actor): Promise<string | undefined> {
  const relation = RELATION_OF[actor];
  if (relation === undefined) return undefined; // the client themself
  const created = await post(`/api/clients/${clientId}/relations`, {
    ...relation, ...(relation.hasCustody ? { custodyKind: 'two-headed-parental', custodyEstablishedBy: 'by-law-marriage' } : {}), familyName: 'Verzoeker', givenNames: 'Kim',
    establishedHow: 'gezagsregister', validFrom: '2026-01-05',
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

/**
 * Every right, filed by someone the engine refuses and by the right person
 * (issue 5 "done when"). The refusal is recorded, not dropped, with the
 * engine's own Dutch explanation and articles — the engine is asked here with
 * the same facts to say what it must be.
 */
const WHO: readonly [RequestKind, Actor, number, 'deny' | 'needs-consent' | 'allow', string][] = [
  ['inspect', 'parent-without-custody', 9, 'deny', 'BW 1:377c: a parent without custody has no inspection'],
  ['copy', 'family-guardian', 10, 'deny', 'Jeugdwet 7.3.11 lid 4: the family guardian only when a threat is averted'],
  ['correct', 'client', 10, 'deny', 'BW 7:465; 004 D: under 12 the representatives act'],
  ['add-statement', 'third-party', 10, 'deny', 'Jeugdwet 7.3.10: a foster parent is not a representative'],
  ['destroy', 'parent-without-custody', 10, 'deny', 'Jeugdwet 7.3.9; BW 1:377c'],
  ['destroy', 'parent-with-custody', 17, 'needs-consent', 'Jeugdwet 7.3.11; 004 D: from 16 only with the young person\'s consent'],
  ['restrict', 'family-guardian', 9, 'deny', 'AVG 18; BW 7:465: only who exercises the client\'s rights'],
  ['object', 'client', 11, 'deny', 'AVG 21; BW 7:465: under 12 the representatives act'],
  ['portability', 'third-party', 13, 'deny', 'AVG 20: not for someone outside the representation'],
  ['withdraw-consent', 'client', 10, 'deny', 'AVG 7(3); Jeugdwet 7.3.4: under 12 the parents give and withdraw consent'],
  // Issue 16: withdrawing one's own consent needs nobody's consent, at any age of the client (AVG 7(3)) — also a person
  // whose information was shown with their consent; the parents' own right of 7.3.11 is information, inspection, copy.
  ['withdraw-consent', 'parent-with-custody', 17, 'allow', 'AVG 7(3): the parent\'s own consent, without the 17-year-old\'s'],
  ['withdraw-consent', 'third-party', 14, 'allow', 'AVG 7(3): their own consent as the person the information is about'],
  ['restrict', 'parent-with-custody', 14, 'needs-consent', 'AVG 18; Jeugdwet 7.3.11 covers information, inspection and copy only'],
  ['object', 'parent-with-custody', 13, 'needs-consent', 'AVG 21; Jeugdwet 7.3.11'],
  ['portability', 'parent-with-custody', 15, 'needs-consent', 'AVG 20; Jeugdwet 7.3.11'],
  ['general-information', 'parent-without-custody', 16, 'needs-consent', 'BW 1:377c runs until 16; from 16 the young person decides what the parents get (001): issue 16, error 6'],
  ['inspect', 'client', 15, 'allow', 'Jeugdwet 7.3.10: from 12 the young person'],
  ['copy', 'parent-with-custody', 10, 'allow', 'Jeugdwet 7.3.11; BW 7:457: the parent with custody of a child under 12'],
  ['correct', 'client', 16, 'allow', 'AVG 16'],
  ['add-statement', 'client', 12, 'allow', 'Jeugdwet 7.3.8'],
  ['destroy', 'client', 17, 'allow', 'Jeugdwet 7.3.9'],
  ['restrict', 'client', 15, 'allow', 'AVG 18'],
  ['object', 'parent-with-custody', 8, 'allow', 'AVG 21; UAVG 5'],
  ['portability', 'client', 16, 'allow', 'AVG 20'],
  ['withdraw-consent', 'client', 14, 'allow', 'AVG 7(3)'],
  ['general-information', 'parent-without-custody', 10, 'allow', 'BW 1:377c: until 16'],
];

describe('each right, by the wrong person and by the right one', () => {
  it.each(WHO)('%s by %s of a %i-year-old: %s (%s)', async (kind, actor, age, outcome) => {
    const clientId = await h.client({ age, holder });
    const relationId = await requesterFor(clientId, actor);
    const born = (await get(`/api/clients/${clientId}`)).json().birthDate as string;
    // Each kind is the engine's own question, in its own words (decide-avg-rights.ts, issue 16).
    const expected = decideRequestKind({
      on: '2026-11-20', client: { born, competent: true }, actor, kind, part: 'dossier', facts: kind === 'correct' ? ['factual-error'] : [],
    });
    expect(expected.outcome).toBe(outcome);

    const created = await post(`/api/clients/${clientId}/requests`, request({ kind, ...(relationId === undefined ? {} : { requesterRelationId: relationId }) }));
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body.requester.kind).toBe(actor);
    expect(body.intake).toMatchObject({ outcome, explanation: expected.explanation, basis: [...expected.basis] });
    if (outcome === 'deny') {
      expect(expected.basis.length).toBeGreaterThan(0);
      expect(body).toMatchObject({ state: 'refused-at-intake', decision: { outcome: 'refused', reasons: expected.explanation, basis: [...expected.basis] } });
      // Recorded, never dropped; and nothing can be granted or carried out on it.
      expect((await get(`/api/clients/${clientId}/requests`)).json().requests.map((r: { id: string }) => r.id)).toEqual([body.id]);
      expect((await post(`/api/clients/${clientId}/requests/${body.id}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(409);
      expect((await post(`/api/clients/${clientId}/requests/${body.id}/fulfil`)).statusCode).toBe(409);
    } else if (outcome === 'needs-consent') {
      expect(body).toMatchObject({ state: 'received', intake: { consentMissing: [...(expected.outcome === 'needs-consent' ? expected.consentOf : [])] } });
      expect((await post(`/api/clients/${clientId}/requests/${body.id}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(409);
    } else {
      expect(body).toMatchObject({ state: 'received', decision: null });
      const granted = await post(`/api/clients/${clientId}/requests/${body.id}/decision`, { outcome: 'granted', reasons: '', ...(kind === 'correct' ? { facts: ['factual-error'] } : {}) });
      expect(granted.statusCode, granted.body).toBe(200);
    }
  });
});

// Issue 16, error 2: a non-parent holding custody together with a parent (BW 1:253t) is a legal representative, not a third party.
describe('a step-parent with joint custody (BW 1:253t)', () => {
  it('inspects the dossier of a 10-year-old like a parent with custody', async () => {
    const clientId = await h.client({ age: 10, holder });
    const created = await post(`/api/clients/${clientId}/relations`, {
      relation: 'other', hasCustody: true, custodyEstablishedBy: 'court-decision', custodyKind: 'joint-with-non-parent', familyName: 'Stiefvader', givenNames: 'Kim',
      establishedHow: 'gezagsregister', validFrom: '2026-01-05',
    });
    expect(created.statusCode, created.body).toBe(201);
    const request_ = await post(`/api/clients/${clientId}/requests`, request({ kind: 'inspect', requesterRelationId: created.json().id as string }));
    expect(request_.statusCode, request_.body).toBe(201);
    expect(request_.json()).toMatchObject({ requester: { kind: 'parent-with-custody' }, state: 'received', intake: { outcome: 'allow' } });
  });
});

describe('deadlines and decisions', () => {
  it('extends by two months only with notice within the first month (AVG 12(3))', async () => {
    const clientId = await h.client({ age: 15, holder });
    const late = (await post(`/api/clients/${clientId}/requests`, request({ receivedOn: '2026-09-01' }))).json();
    expect(late.overdue).toBe(true); // deadline 2026-10-01 passed
    const refused = await post(`/api/clients/${clientId}/requests/${late.id}/extend`, { noticeSentOn: '2026-10-15', reasons: 'Het dossier is erg groot.' });
    expect(refused.json()).toMatchObject({ code: 'extension-too-late', field: 'noticeSentOn' });
    const fresh = (await post(`/api/clients/${clientId}/requests`, request({ kind: 'copy', receivedOn: '2026-11-02' }))).json();
    const future = await post(`/api/clients/${clientId}/requests/${fresh.id}/extend`, { noticeSentOn: '2026-11-23', reasons: 'Het dossier is erg groot.' });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'date-in-future', field: 'noticeSentOn' });
    expect((await get(`/api/clients/${clientId}/requests/${fresh.id}`)).json()).toMatchObject({ state: 'received', extensionNoticeOn: null, deadline: '2026-12-02' });
    const extended = await post(`/api/clients/${clientId}/requests/${fresh.id}/extend`, { noticeSentOn: '2026-11-10', reasons: 'Het dossier is erg groot.' });
    expect(extended.json()).toMatchObject({ state: 'extended', deadline: '2027-02-02' });
  });

  it('a correction of a professional finding cannot be granted (003 §2.2.6); of a factual error it can', async () => {
    const clientId = await h.client({ age: 15, holder });
    const finding = (await post(`/api/clients/${clientId}/requests`, request({ kind: 'correct', details: 'De conclusie klopt niet.' }))).json();
    const wrong = await post(`/api/clients/${clientId}/requests/${finding.id}/decision`, { outcome: 'granted', reasons: '' });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().nl).toContain('verklaring');
    const factual = await post(`/api/clients/${clientId}/requests/${finding.id}/decision`, { outcome: 'granted', reasons: '', facts: ['factual-error'] });
    expect(factual.json().decision).toMatchObject({ outcome: 'granted', facts: ['factual-error'] });
  });

  it('destruction: refused only on one of its grounds; granted with the three-month execution deadline (Jeugdwet 7.3.9)', async () => {
    const clientId = await h.client({ age: 17, holder });
    const created = (await post(`/api/clients/${clientId}/requests`, request({ kind: 'destroy', receivedOn: '2026-11-16', details: 'Vernietig mijn dossier.' }))).json();
    const groundless = await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'refused', reasons: 'Wij bewaren dossiers liever wat langer.' });
    expect(groundless.json()).toMatchObject({ code: 'refusal-ground-required', field: 'facts' });
    const granted = await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'granted', reasons: '' });
    expect(granted.json().decision).toMatchObject({ outcome: 'granted', executionDeadline: '2027-02-16' });

    const other = (await post(`/api/clients/${clientId}/requests`, request({ kind: 'destroy', part: 'research-report', details: 'Vernietig het onderzoek.' }))).json();
    const withGround = await post(`/api/clients/${clientId}/requests/${other.id}/decision`, { outcome: 'refused', reasons: 'Het onderzoek is nodig in een lopende klachtprocedure.', facts: ['needed-for-procedure'] });
    expect(withGround.json().decision).toMatchObject({ outcome: 'refused', executionDeadline: null });
  });

  it('no fulfilment before a decision; the first copy is free (AVG 15(3))', async () => {
    const clientId = await h.client({ age: 16, holder });
    const copy = (await post(`/api/clients/${clientId}/requests`, request({ kind: 'copy' }))).json();
    expect((await post(`/api/clients/${clientId}/requests/${copy.id}/fulfil`)).statusCode).toBe(409);
    await post(`/api/clients/${clientId}/requests/${copy.id}/decision`, { outcome: 'granted', reasons: '' });
    // A copy handed over (not sent through the download) only after the requester's identity was checked (AVG 12(6); 004 D).
    const unchecked = await post(`/api/clients/${clientId}/requests/${copy.id}/fulfil`);
    expect(unchecked.statusCode).toBe(409);
    expect(unchecked.json()).toMatchObject({ code: 'identity-not-checked', basis: ['AVG 12'] });
    const checked = await post(`/api/clients/${clientId}/requests/${copy.id}/identity-check`, { documentType: 'identity-card' });
    expect(checked.json().identityChecked).toMatchObject({ documentType: 'identity-card' });
    expect((await post(`/api/clients/${clientId}/requests/${copy.id}/identity-check`, { documentType: 'passport' })).statusCode).toBe(409);
    expect((await post(`/api/clients/${clientId}/requests/${copy.id}/fulfil`, { feeCents: 500 })).json().field).toBe('feeCents');
    expect((await post(`/api/clients/${clientId}/requests/${copy.id}/fulfil`)).json()).toMatchObject({ state: 'fulfilled', fulfilledOn: '2026-11-22' });
  });

  it('the dashboard lists open requests by due date and marks overdue ones', async () => {
    const dashboard = (await get('/api/requests')).json().requests as { deadline: string; overdue: boolean }[];
    expect(dashboard.length).toBeGreaterThan(0);
    expect(dashboard.map((r) => r.deadline)).toEqual([...dashboard.map((r) => r.deadline)].sort());
    expect(dashboard.some((r) => r.overdue)).toBe(true);
    const outsider = await h.login(await h.employee({ role: 'care-professional' }));
    expect((await h.request({ method: 'GET', url: '/api/requests', cookie: outsider })).json().requests).toEqual([]);
  });

  it('a decided destruction stays on the dashboard until carried out, by its execution deadline, overdue when late (Jeugdwet 7.3.9)', async () => {
    const clientId = await h.client({ age: 17, holder });
    const late = (await post(`/api/clients/${clientId}/requests`, request({ kind: 'destroy', receivedOn: '2026-07-01', details: 'Vernietig mijn dossier.' }))).json();
    const onTime = (await post(`/api/clients/${clientId}/requests`, request({ kind: 'destroy', part: 'conversation-report', receivedOn: '2026-11-16', details: 'Vernietig de gespreksverslagen.', identityCheck: { documentType: 'passport' } }))).json();
    for (const id of [late.id, onTime.id]) expect((await post(`/api/clients/${clientId}/requests/${id}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(200);
    const rows = () => get('/api/requests').then((r) => (r.json().requests as { requestId: string; due: string; deadline: string; overdue: boolean; state: string }[]));
    const dashboard = await rows();
    expect(dashboard.find((r) => r.requestId === late.id)).toMatchObject({ state: 'decided', due: 'fulfilment', deadline: '2026-10-01', overdue: true });
    expect(dashboard.find((r) => r.requestId === onTime.id)).toMatchObject({ state: 'decided', due: 'fulfilment', deadline: '2027-02-16', overdue: false });
    expect(dashboard.map((r) => r.deadline)).toEqual([...dashboard.map((r) => r.deadline)].sort());
    expect((await get(`/api/clients/${clientId}/requests/${late.id}`)).json()).toMatchObject({ overdue: true, decision: { executionDeadline: '2026-10-01' } });

    // A second authorised person confirms before the destruction is carried out (issue 14; migration 0057).
    const second = await h.login(await h.employee({ role: 'manager' }));
    expect((await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests/${onTime.id}/confirm-destruction`, cookie: second, body: {} })).statusCode).toBe(200);
    expect((await post(`/api/clients/${clientId}/requests/${onTime.id}/fulfil`)).statusCode).toBe(200);
    expect((await rows()).some((r) => r.requestId === onTime.id)).toBe(false);
    // A refused request needs nothing more and is not listed.
    const refused = (await post(`/api/clients/${clientId}/requests`, request({ kind: 'destroy', part: 'care-plan', details: 'Vernietig het plan.' }))).json();
    await post(`/api/clients/${clientId}/requests/${refused.id}/decision`, { outcome: 'refused', reasons: 'Het plan is nodig in een lopende klachtprocedure.', facts: ['needed-for-procedure'] });
    expect((await rows()).some((r) => r.requestId === refused.id)).toBe(false);
  });
});
