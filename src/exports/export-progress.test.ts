/**
 * Long exports report progress (issue 5, performance; issue 6): the caller
 * names a progress id in a header and polls it while the export runs; only
 * numbers, only for the employee who started it. The registry is bounded and
 * cannot be filled for good (issue 13: entries of failed exports never
 * expired, and after 10,000 of them progress stopped for everyone).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';
import { MAX_TRACKED, MAX_TRACKED_PER_EMPLOYEE, PROGRESS_HEADER, progressFor, progressOf, settleProgress } from './export-progress.js';

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

  it('forgets the progress of a failed export as soon as its request ends', async () => {
    const progressId = randomUUID();
    const missingRequest = randomUUID();
    const failed = await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${missingRequest}/copy.pdf`, cookie, headers: { [PROGRESS_HEADER]: progressId } });
    expect(failed.statusCode).toBe(404);
    expect((await h.request({ method: 'GET', url: `/api/exports/progress/${progressId}`, cookie })).statusCode).toBe(404);
  });
});

/** A request as the registry sees it: only its headers. */
const exportRequest = (progressId: string) => ({ headers: { [PROGRESS_HEADER]: progressId } });

/** Starts a copy export over HTTP with a progress id and returns what polling says once it is done. */
async function exportAndPoll(): Promise<{ status: number; body: unknown }> {
  const progressId = randomUUID();
  const exported = await h.request({ method: 'GET', url: `/api/clients/${clientId}/requests/${requestId}/copy.pdf`, cookie, headers: { [PROGRESS_HEADER]: progressId } });
  expect(exported.statusCode).toBe(200);
  const poll = await h.request({ method: 'GET', url: `/api/exports/progress/${progressId}`, cookie });
  return { status: poll.statusCode, body: poll.json() };
}

describe('a bounded progress registry', () => {
  it('still reports a new export after more than 10,000 failed exports', async () => {
    for (let i = 0; i < MAX_TRACKED + 500; i++) {
      const request = exportRequest(randomUUID());
      progressOf(request, `employee-${i % 1000}`).report('read', 1, 10);
      settleProgress(request, true);
    }
    expect(await exportAndPoll()).toEqual({ status: 200, body: { phase: 'done', done: ENTRIES, total: ENTRIES } });
  });

  it('still reports a new export after more than 10,000 exports abandoned by many employees, and the oldest made room', async () => {
    const first = randomUUID();
    progressOf(exportRequest(first), 'crowd-0').report('read', 1, 10);
    let last = first;
    for (let i = 1; i < MAX_TRACKED + 500; i++) {
      last = randomUUID();
      progressOf(exportRequest(last), `crowd-${i}`).report('read', 1, 10);
    }
    expect(progressFor(first, 'crowd-0')).toBeUndefined();
    expect(progressFor(last, `crowd-${MAX_TRACKED + 499}`)).toEqual({ phase: 'read', done: 1, total: 10 });
    expect(await exportAndPoll()).toEqual({ status: 200, body: { phase: 'done', done: ENTRIES, total: ENTRIES } });
  });

  it('lets no employee crowd out another: a flood pushes out only the flooder\'s own oldest', async () => {
    const colleagues = Array.from({ length: 50 }, () => randomUUID());
    colleagues.forEach((id, i) => progressOf(exportRequest(id), `colleague-${i}`).report('render', 2, 3));
    const flood = Array.from({ length: MAX_TRACKED + 500 }, () => randomUUID());
    for (const id of flood) progressOf(exportRequest(id), 'flooder').report('read', 0, 1);
    colleagues.forEach((id, i) => expect(progressFor(id, `colleague-${i}`)).toEqual({ phase: 'render', done: 2, total: 3 }));
    expect(progressFor(flood[0]!, 'flooder')).toBeUndefined();
    expect(flood.filter((id) => progressFor(id, 'flooder') !== undefined)).toHaveLength(MAX_TRACKED_PER_EMPLOYEE);
    expect(await exportAndPoll()).toEqual({ status: 200, body: { phase: 'done', done: ENTRIES, total: ENTRIES } });
  });

  it('forgets an abandoned export after ten minutes without a report, and a finished one five minutes after it finished', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-22T10:00:00Z'));
      const abandoned = randomUUID();
      const slow = randomUUID();
      const finished = randomUUID();
      progressOf(exportRequest(abandoned), 'timer').report('read', 1, 100);
      const slowReporter = progressOf(exportRequest(slow), 'timer');
      progressOf(exportRequest(finished), 'timer').report('done', 5, 5);
      vi.setSystemTime(new Date('2026-11-22T10:04:00Z'));
      expect(progressFor(finished, 'timer')).toEqual({ phase: 'done', done: 5, total: 5 });
      vi.setSystemTime(new Date('2026-11-22T10:06:00Z'));
      expect(progressFor(finished, 'timer')).toBeUndefined();
      slowReporter.report('render', 50, 100); // a long export that keeps reporting stays
      vi.setSystemTime(new Date('2026-11-22T10:09:00Z'));
      expect(progressFor(abandoned, 'timer')).toEqual({ phase: 'read', done: 1, total: 100 });
      vi.setSystemTime(new Date('2026-11-22T10:11:00Z'));
      expect(progressFor(abandoned, 'timer')).toBeUndefined();
      expect(progressFor(slow, 'timer')).toEqual({ phase: 'render', done: 50, total: 100 });
      // Forgotten for good, not merely hidden: the id can be started afresh by anyone.
      progressOf(exportRequest(abandoned), 'someone-else').report('read', 0, 1);
      expect(progressFor(abandoned, 'someone-else')).toEqual({ phase: 'read', done: 0, total: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});
