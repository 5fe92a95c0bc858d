/**
 * A granted destruction is carried out through the one sanctioned path and
 * leaves a record apart from the dossier (Jeugdwet 7.3.9; 003 §3.3): the
 * content and its key are gone, the request and the record stay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';

let h: Harness;
let cookie: string;
let holder: TestEmployee;

beforeAll(async () => {
  h = await createHarness();
  holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
});
afterAll(async () => h.close());

const post = (url: string, body: unknown = {}) => h.request({ method: 'POST', url, cookie, body });

async function grantedDestruction(clientId: string, part?: string): Promise<string> {
  const created = (await post(`/api/clients/${clientId}/requests`, { kind: 'destroy', channel: 'written', receivedOn: '2026-11-20', details: 'Vernietig alstublieft.', ...(part === undefined ? {} : { part }) })).json();
  await post(`/api/clients/${clientId}/requests/${created.id}/decision`, { outcome: 'granted', reasons: '' });
  return created.id as string;
}

describe('carrying out a destruction', () => {
  it('whole dossier: entries and key destroyed, timeline unreadable, request and destruction record kept', async () => {
    const clientId = await h.client({ age: 17, holder });
    await post(`/api/clients/${clientId}/entries`, { kind: 'conversation-report', text: 'Te vernietigen', source: { kind: 'client' } });
    const requestId = await grantedDestruction(clientId);
    const fulfilled = await post(`/api/clients/${clientId}/requests/${requestId}/fulfil`);
    expect(fulfilled.statusCode).toBe(200);
    expect(fulfilled.json()).toMatchObject({ state: 'fulfilled', details: '(vernietigd met het dossier)' });
    const [count] = await h.database.db.query<{ entries: number; keys: number }>(
      'SELECT (SELECT count(*)::int FROM care.entries WHERE client_id = $1) AS entries, (SELECT count(*)::int FROM care.client_keys WHERE client_id = $1) AS keys', [clientId]);
    expect(count).toEqual({ entries: 0, keys: 0 });
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).statusCode).toBe(410);
    const records = await h.database.db.query('SELECT scope, part, entries_destroyed, request_id, reason FROM org.destruction_records WHERE client_id = $1', [clientId]);
    expect(records).toEqual([{ scope: 'whole-dossier', part: 'dossier', entries_destroyed: 1, request_id: requestId, reason: 'client-request' }]);
  });

  it('part: only the entries of that part go; the rest stays readable', async () => {
    const clientId = await h.client({ age: 16, holder });
    await post(`/api/clients/${clientId}/entries`, { kind: 'research-report', text: 'Onderzoek', source: { kind: 'care-professional' } });
    await post(`/api/clients/${clientId}/entries`, { kind: 'plan', text: 'Plan blijft', source: { kind: 'care-professional' } });
    const requestId = await grantedDestruction(clientId, 'research-report');
    await post(`/api/clients/${clientId}/requests/${requestId}/fulfil`);
    const timeline = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).json();
    expect(timeline.entries.map((e: { text: string }) => e.text)).toEqual(['Plan blijft']);
  });

  it('the application role cannot delete entries outside the sanctioned functions', async () => {
    await expect(h.database.db.query('DELETE FROM care.entries')).rejects.toThrow(/permission denied|append-only/);
    await expect(h.database.db.query('DELETE FROM org.destruction_records')).rejects.toThrow(/permission denied|append-only/);
  });
});
