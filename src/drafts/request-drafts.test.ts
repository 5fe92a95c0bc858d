/**
 * Drafts about a request (issue 15, "nothing typed is lost"): the decision with its reasons — the text of the
 * decision letter (AVG 12; Jeugdwet 7.3.2) —, the extension notice's reasons (AVG 12(3)) and the client's own
 * statement written down at its fulfilment (Jeugdwet 7.3.8; BW 7:454 lid 2) are kept as typed, sealed, for their
 * author alone, and only by whom the engine lets do that act for that request's kind (src/rules/acts.ts: the holder
 * or a manager decides, and carries out a statement). A request of another client, or none, answers 404.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmployeeRole } from '../organisation/employee-roles.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let holderCookie: string;
let managerCookie: string;
let clientId: string;
let otherClientId: string;
/** A request to correct (decided by the holder or a manager) and one to add an own statement, both of `clientId`. */
let correctId: string;
let statementRequestId: string;
let otherClientRequestId: string;

interface DraftAnswer { id: string; target: string; entryId: string | null; requestId: string | null; fields: Record<string, unknown> }

const put = (cookie: string, id: string, body: unknown, client = clientId) => h.request({ method: 'PUT', url: `/api/clients/${client}/drafts/${id}`, cookie, body });
const listOf = (cookie: string, requestId?: string, client = clientId) =>
  h.request({ method: 'GET', url: `/api/clients/${client}/drafts${requestId === undefined ? '' : `?requestId=${requestId}`}`, cookie });
async function list(cookie: string, requestId?: string): Promise<DraftAnswer[]> {
  const response = await listOf(cookie, requestId);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ drafts: DraftAnswer[] }>().drafts;
}
const discard = (cookie: string, id: string, requestId?: string) =>
  h.request({ method: 'DELETE', url: `/api/clients/${clientId}/drafts/${id}${requestId === undefined ? '' : `?requestId=${requestId}`}`, cookie });
const decisionDraft = (requestId: string, reasons: string) => ({
  target: 'decision', requestId, fields: { outcome: 'partly', text: reasons, facts: ['factual-error'] },
});
const statementDraft = (requestId: string, text: string, entryId?: string) => ({
  target: 'statement', requestId, ...(entryId === undefined ? {} : { entryId }), fields: { title: 'Mijn kant', text },
});

async function newRequest(client: string, kind: string): Promise<string> {
  const created = await h.request({
    method: 'POST', url: `/api/clients/${client}/requests`, cookie: holderCookie,
    body: { kind, channel: 'written', receivedOn: '2026-11-20', details: 'Graag.' },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  clientId = await h.client({ age: 16, holder });
  otherClientId = await h.client({ age: 15, holder });
  holderCookie = await h.login(holder);
  managerCookie = await h.login(await h.employee({ role: 'manager' }));
  correctId = await newRequest(clientId, 'correct');
  statementRequestId = await newRequest(clientId, 'add-statement');
  otherClientRequestId = await newRequest(otherClientId, 'correct');
});
afterAll(async () => h.close());

describe('drafts about a request', () => {
  it('keeps the holder\'s decision reasons sealed, listed with the request and not with the timeline\'s drafts', async () => {
    const id = randomUUID();
    const saved = await put(holderCookie, id, decisionDraft(correctId, 'De geboortedatum klopt niet; de school wel.'));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ id, target: 'decision', requestId: correctId, entryId: null });
    expect(await list(holderCookie, correctId)).toEqual([expect.objectContaining({
      id, target: 'decision', requestId: correctId, fields: decisionDraft(correctId, 'De geboortedatum klopt niet; de school wel.').fields,
    })]);
    expect(await list(holderCookie)).toEqual([]);
    expect(await list(holderCookie, statementRequestId)).toEqual([]);
    const [row] = await h.database.db.query<{ ciphertext: Buffer; request_id: string }>('SELECT ciphertext, request_id FROM care.drafts WHERE id = $1', [id]);
    expect(row!.request_id).toBe(correctId);
    expect(Buffer.from(row!.ciphertext).toString('latin1')).not.toContain('geboortedatum');
    // Finalised: the web posts the decision and discards the draft; the letter has the reasons now.
    const decided = await h.request({
      method: 'POST', url: `/api/clients/${clientId}/requests/${correctId}/decision`, cookie: holderCookie,
      body: { outcome: 'partly', reasons: 'De geboortedatum klopt niet; de school wel.', facts: ['factual-error'] },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    // Discarded with its request named; without, it is not found among the timeline's drafts.
    expect((await discard(holderCookie, id)).statusCode).toBe(404);
    expect((await discard(holderCookie, id, correctId)).statusCode).toBe(204);
    expect(await list(holderCookie, correctId)).toEqual([]);
  });

  it('keeps the own statement as the holder writes it down, with the entry it is about (chosen or not yet)', async () => {
    const id = randomUUID();
    expect((await put(holderCookie, id, statementDraft(statementRequestId, 'Ik was er die dag niet'))).statusCode).toBe(200);
    const entryId = randomUUID();
    const saved = await put(holderCookie, id, statementDraft(statementRequestId, 'Ik was er die dag niet bij.', entryId));
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await list(holderCookie, statementRequestId)).toEqual([expect.objectContaining({
      id, target: 'statement', requestId: statementRequestId, entryId, fields: { title: 'Mijn kant', text: 'Ik was er die dag niet bij.' },
    })]);
    expect((await discard(holderCookie, id, statementRequestId)).statusCode).toBe(204);
  });

  it('keeps the reasons of an extension notice (AVG 12(3)) for whom may decide', async () => {
    const requestId = await newRequest(clientId, 'inspect');
    const id = randomUUID();
    const saved = await put(holderCookie, id, { target: 'extension', requestId, fields: { noticeSentOn: '2026-11-25', text: 'Het dossier is groot.' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await list(holderCookie, requestId)).map((d) => d.fields)).toEqual([{ noticeSentOn: '2026-11-25', text: 'Het dossier is groot.' }]);
  });

  it('a manager decides, so keeps a decision draft of their own; neither they nor a colleague in the team ever sees the holder\'s', async () => {
    const id = randomUUID();
    const requestId = await newRequest(clientId, 'destroy');
    expect((await put(holderCookie, id, decisionDraft(requestId, 'Alleen van de dossierhouder'))).statusCode).toBe(200);
    const colleague = await h.employee({ role: 'care-professional' });
    await h.relate(clientId, colleague, 'member');
    const colleagueCookie = await h.login(colleague);
    for (const cookie of [managerCookie, colleagueCookie]) {
      expect(await list(cookie, requestId)).toEqual([]);
      expect(await list(cookie, correctId)).toEqual([]);
      const overwrite = await put(cookie, id, decisionDraft(requestId, 'Overschreven'));
      // The manager may decide, so reaches the row and finds it is not theirs (404); the colleague may not decide (403).
      expect([403, 404]).toContain(overwrite.statusCode);
      expect(overwrite.headers['content-type']).toContain('application/problem+json');
      expect((await discard(cookie, id, requestId)).statusCode).toBe(404);
    }
    expect((await put(managerCookie, id, decisionDraft(requestId, 'Overschreven'))).statusCode).toBe(404);
    const own = randomUUID();
    const managers = await put(managerCookie, own, decisionDraft(requestId, 'De leidinggevende besluit'));
    expect(managers.statusCode, managers.body).toBe(200);
    expect((await list(managerCookie, requestId)).map((d) => d.id)).toEqual([own]);
    expect((await list(holderCookie, requestId)).map((d) => [d.id, d.fields.text])).toEqual([[id, 'Alleen van de dossierhouder']]);
  });

  // src/rules/acts.ts (decide-request; fulfil-request.changes-dossier): the holder or a manager decides every kind and
  // carries out an own statement (003 §2.3.6; Jeugdwet 7.3.8). Every other role is refused with the engine's reasons.
  const refused: { role: EmployeeRole; relation?: 'member' | 'intern' }[] = [
    { role: 'care-professional', relation: 'member' },
    { role: 'care-professional' },
    { role: 'intern', relation: 'intern' },
    { role: 'admin-staff' },
    { role: 'privacy-officer' },
    { role: 'application-administrator' },
  ];
  for (const { role, relation } of refused) {
    it(`${role}${relation === undefined ? ' outside the team' : ` (${relation})`} keeps no decision, extension or statement draft: 403 with the engine's explanation`, async () => {
      const employee = await h.employee({ role });
      if (relation !== undefined) await h.relate(clientId, employee, relation);
      const cookie = await h.login(employee);
      for (const body of [
        decisionDraft(correctId, 'Mag ik niet'),
        { target: 'extension', requestId: correctId, fields: { text: 'Mag ik niet' } },
        statementDraft(statementRequestId, 'Mag ik niet'),
      ]) {
        const answer = await put(cookie, randomUUID(), body);
        expect(answer.statusCode, `${body.target}: ${answer.body}`).toBe(403);
        const problem = answer.json<{ nl: string; basis: string[] }>();
        expect(problem.nl.length).toBeGreaterThan(20);
        expect(problem.basis.length).toBeGreaterThan(0);
      }
      const [{ n }] = await h.database.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM care.drafts WHERE author_id = $1', [employee.id]) as [{ n: number }];
      expect(n).toBe(0);
    });
  }

  it('a request outside one\'s reach answers 404: another client\'s, or one that does not exist; on save and on list', async () => {
    for (const requestId of [otherClientRequestId, randomUUID()]) {
      for (const body of [decisionDraft(requestId, 'x'), statementDraft(requestId, 'x'), { target: 'extension', requestId, fields: {} }]) {
        const answer = await put(holderCookie, randomUUID(), body);
        expect(answer.statusCode, answer.body).toBe(404);
        expect(answer.headers['content-type']).toContain('application/problem+json');
      }
      expect((await listOf(holderCookie, requestId)).statusCode).toBe(404);
    }
    // Also for a manager, who may decide for any client of the organisation: the request must be this client's.
    expect((await put(managerCookie, randomUUID(), decisionDraft(otherClientRequestId, 'x'))).statusCode).toBe(404);
    // The other client's own URL finds it.
    expect((await put(holderCookie, randomUUID(), decisionDraft(otherClientRequestId, 'Goed'), otherClientId)).statusCode).toBe(200);
  });

  it('the request belongs to the draft: required for a decision, extension or statement, refused on an entry; a statement only on a request to add one', async () => {
    const missing = await put(holderCookie, randomUUID(), { target: 'decision', fields: { text: 'x' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'field-required', field: 'requestId' });
    const onEntry = await put(holderCookie, randomUUID(), { target: 'entry', requestId: correctId, fields: { kind: 'plan', text: 'x' } });
    expect(onEntry.statusCode).toBe(400);
    expect(onEntry.json()).toMatchObject({ code: 'field-not-allowed', field: 'requestId' });
    const wrongKind = await put(holderCookie, randomUUID(), statementDraft(correctId, 'x'));
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json()).toMatchObject({ code: 'field-not-for-kind', field: 'requestId' });
    expect((await put(holderCookie, randomUUID(), { target: 'decision', requestId: correctId, fields: { outcome: 'maybe' } })).statusCode).toBe(400);
    expect((await put(holderCookie, randomUUID(), { target: 'decision', requestId: correctId, fields: { facts: ['no-such-fact'] } })).statusCode).toBe(400);
  });
});
