/**
 * Requests end to end through the API, decided by the engine: who may make
 * them (Jeugdwet 7.3.10–7.3.11; BW 1:377c; 004 D), whose consent is missing,
 * the deadlines (AVG 12(3); Jeugdwet 7.3.9, 7.3.17), the refusal grounds of
 * destruction (003 §3.3), the free first copy (AVG 15(3)) — and refusals are
 * recorded, never dropped.
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

const post = (url: string, body: unknown = {}) => h.request({ method: 'POST', url, cookie, body });
const get = (url: string) => h.request({ method: 'GET', url, cookie });

async function clientWithParent(age: number, hasCustody = true): Promise<{ clientId: string; parentId: string }> {
  const clientId = await h.client({ age, holder });
  const parent = await post(`/api/clients/${clientId}/relations`, {
    relation: 'parent', hasCustody, ...(hasCustody ? { custodyKind: 'two-headed-parental' } : {}), familyName: 'Ouder', givenNames: 'Sam',
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
    expect((await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId }))).statusCode).toBe(409);
  });

  it('a parent of a 17-year-old needs the young person\'s consent (004 D): no grant before it is recorded', async () => {
    const { clientId, parentId } = await clientWithParent(17);
    const created = (await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId }))).json();
    expect(created.intake).toMatchObject({ outcome: 'needs-consent', consentMissing: ['client'] });
    const early = await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'granted', reasons: '' });
    expect(early.statusCode).toBe(409);
    expect(early.json().nl).toContain('toestemming');
    await post(`/api/clients/${clientId}/requests/${created.id}/consent`);
    const granted = await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'granted', reasons: '' });
    expect(granted.json()).toMatchObject({ state: 'decided', decision: { outcome: 'granted', appealDeadline: '2027-01-04' } });
  });

  it('a parent without custody may not inspect: recorded as refused with the reason and legal routes, not dropped (BW 1:377c)', async () => {
    const { clientId, parentId } = await clientWithParent(9, false);
    const created = await post(`/api/clients/${clientId}/requests`, request({ requesterRelationId: parentId }));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ state: 'refused-at-intake', intake: { outcome: 'deny' }, decision: { outcome: 'refused', appealDeadline: expect.any(String) } });
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

describe('deadlines and decisions', () => {
  it('extends by two months only with notice within the first month (AVG 12(3))', async () => {
    const clientId = await h.client({ age: 15, holder });
    const late = (await post(`/api/clients/${clientId}/requests`, request({ receivedOn: '2026-09-01' }))).json();
    expect(late.overdue).toBe(true); // deadline 2026-10-01 passed
    const refused = await post(`/api/clients/${clientId}/requests/${late.id}/extend`, { noticeSentOn: '2026-10-15' });
    expect(refused.json()).toMatchObject({ code: 'extension-too-late', field: 'noticeSentOn' });
    const fresh = (await post(`/api/clients/${clientId}/requests`, request({ kind: 'copy', receivedOn: '2026-11-02' }))).json();
    const extended = await post(`/api/clients/${clientId}/requests/${fresh.id}/extend`, { noticeSentOn: '2026-11-10' });
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
});
