/**
 * Long exports report progress (issue 5, performance; issue 6): the caller
 * names a progress id in a header and polls it while the export runs; only
 * numbers, only for the employee who started it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';
import { PROGRESS_HEADER } from './export-progress.js';

let h: Harness;
let cookie: string;
let clientId: string;
let requestId: string;
const ENTRIES = 250;

beforeAll(async () => {
  h = await createHarness();
  const holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
  clientId = await h.client({ age: 17, holder });
  for (let i = 0; i < ENTRIES; i++) {
    await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: { kind: 'plan', text: `Stap ${i}`, source: { kind: 'care-professional' } } });
  }
  requestId = (await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests`, cookie, body: { kind: 'copy', channel: 'written', receivedOn: '2026-11-20', details: 'Kopie.' } })).json().id;
  await h.request({ method: 'POST', url: `/api/clients/${clientId}/requests/${requestId}/decision`, cookie, body: { outcome: 'granted', reasons: '' } });
});
afterAll(async () => h.close());

describe('export progress', () => {
  it('can be polled while the copy is made, never goes back, and ends done with every entry counted', async () => {
    const progressId = randomUUID();
    const poll = () => h.request({ method: 'GET', url: `/api/exports/progress/${progressId}`, cookie });
    const exported = h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${requestId}/copy.pdf`, cookie, headers: { [PROGRESS_HEADER]: progressId } });
    let finished = false;
    void exported.then(() => { finished = true; });
    const seen: { phase: string; done: number }[] = [];
    while (!finished) {
      const response = await poll();
      expect([200, 404]).toContain(response.statusCode); // 404 until the export has started
      if (response.statusCode === 200) seen.push(response.json());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await exported).statusCode).toBe(200);
    const order = ['read', 'render', 'done'];
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      expect(order.indexOf(b.phase) > order.indexOf(a.phase) || (a.phase === b.phase && b.done >= a.done), JSON.stringify([a, b])).toBe(true);
    }
    expect((await poll()).json()).toEqual({ phase: 'done', done: ENTRIES, total: ENTRIES });
  });

  it('is only for the employee who started it, and holds no client data', async () => {
    const progressId = randomUUID();
    await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${requestId}/copy.pdf`, cookie, headers: { [PROGRESS_HEADER]: progressId } });
    const mine = await h.request({ method: 'GET', url: `/api/exports/progress/${progressId}`, cookie });
    expect(Object.keys(mine.json()).sort()).toEqual(['done', 'phase', 'total']);
    const colleague = await h.login(await h.employee({ role: 'care-professional' }));
    expect((await h.request({ method: 'GET', url: `/api/exports/progress/${progressId}`, cookie: colleague })).statusCode).toBe(404);
  });
});
