import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let holder: TestEmployee;
let cookie: string;
let clientId: string;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
  clientId = await h.client({ age: 14, holder });
});
afterAll(async () => h.close());

const entry = (over: Record<string, unknown> = {}) => ({
  kind: 'conversation-report', title: 'Gesprek', text: 'Sam vertelt over school.', source: { kind: 'client' }, statementType: 'fact', ...over,
});

describe('dossier timeline', () => {
  it('adds entries and reads them back newest first, decrypted, with author and source', async () => {
    const first = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: entry({ text: 'eerste' }) });
    expect(first.statusCode).toBe(201);
    const second = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: entry({ text: 'tweede', kind: 'plan', statementType: 'opinion', source: { kind: 'care-professional', description: 'eigen waarneming' } }) });
    expect(second.statusCode).toBe(201);
    const page = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.entries.map((e: { text: string }) => e.text)).toEqual(['tweede', 'eerste']);
    expect(body.entries[0]).toMatchObject({ kind: 'plan', statementType: 'opinion', source: { kind: 'care-professional', description: 'eigen waarneming' }, author: { id: holder.id, function: 'Jeugdhulpverlener' } });
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('pages with a cursor and filters by kind', async () => {
    for (let i = 0; i < 5; i++) {
      await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: entry({ text: `reeks ${i}`, kind: 'evaluation' }) });
    }
    const first = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries?limit=3&kind=evaluation`, cookie })).json();
    expect(first.entries.map((e: { text: string }) => e.text)).toEqual(['reeks 4', 'reeks 3', 'reeks 2']);
    const next = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries?limit=3&kind=evaluation&before=${first.nextCursor}`, cookie })).json();
    expect(next.entries.map((e: { text: string }) => e.text)).toEqual(['reeks 1', 'reeks 0']);
    expect(next.nextCursor).toBeNull();
  });

  it('annotates an entry without changing it, and shows the history', async () => {
    const created = (await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: entry({ text: 'Moeder woont in Zwolle.' }) })).json();
    const annotated = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries/${created.id}/annotations`, cookie, body: { kind: 'incorrect', reason: 'Bij nader inzien onjuist: moeder woont in Kampen.' } });
    expect(annotated.statusCode).toBe(201);
    const read = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries/${created.id}`, cookie })).json();
    expect(read.text).toBe('Moeder woont in Zwolle.');
    expect(read.annotations).toHaveLength(1);
    expect(read.annotations[0]).toMatchObject({ kind: 'incorrect', reason: 'Bij nader inzien onjuist: moeder woont in Kampen.', author: { id: holder.id } });
  });

  it('refuses to change or delete an entry through the API, with an explanation, and the entry stays', async () => {
    const created = (await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: entry({ text: 'blijft staan' }) })).json();
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const response = await h.request({ method, url: `/api/clients/${clientId}/entries/${created.id}`, cookie, body: { text: 'anders' } });
      expect(response.statusCode).toBe(409);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'entry-append-only' });
      expect(response.json().nl).toContain('aantekening');
      expect(response.json().basis).toEqual(['Jeugdwet 7.3.8', 'BW 7:454', 'AVG 16']);
    }
    const read = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries/${created.id}`, cookie })).json();
    expect(read.text).toBe('blijft staan');
  });
});

describe('bad input changes nothing', () => {
  async function entryCount(): Promise<number> {
    const rows = await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM care.entries WHERE client_id = $1', [clientId]);
    return rows[0]!.n;
  }

  it.each([
    ['unknown kind', entry({ kind: 'gossip' }), 'kind'],
    ['unknown field', entry({ createdBy: 'someone-else' }), 'createdBy'],
    ['missing text', { kind: 'plan', source: { kind: 'client' } }, 'text'],
    ['unknown source kind', entry({ source: { kind: 'neighbour' } }), 'source.kind'],
    ['impossible date', entry({ occurredOn: '2026-02-30' }), 'occurredOn'],
    ['future date', entry({ occurredOn: '2027-01-01' }), 'occurredOn'],
  ])('%s → 400 naming the field', async (_name, body, field) => {
    const before = await entryCount();
    const response = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.field).toBe(field);
    expect(problem.nl).toBeTruthy();
    expect(problem.en).toBeTruthy();
    expect(await entryCount()).toBe(before);
  });

  it('an entry over the configured size → 400 on text, nothing written', async () => {
    const before = await entryCount();
    const response = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: entry({ text: 'é'.repeat(h.config.maxEntryBytes / 2 + 1) }) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'entry-too-large', field: 'text' });
    expect(await entryCount()).toBe(before);
  });

  it('malformed JSON → 400 problem', async () => {
    const response = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: '{"kind": ', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().nl).toContain('JSON');
  });
});
