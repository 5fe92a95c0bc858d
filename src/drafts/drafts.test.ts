/**
 * Drafts (issue 15, "nothing typed is lost"): saved as the author types,
 * sealed under the client's key, visible to their author alone, outside the
 * dossier, bounded, refused with the engine's explanation to whoever may not
 * record, and gone with the dossier.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrganisation, withoutOrganisation } from '../db/organisation-scope.js';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { purgeShortTermRecords } from '../retention/retention-service.js';
import { MAX_DRAFTS_PER_CLIENT } from './draft-service.js';

let h: Harness;
let author: TestEmployee;
let authorCookie: string;
let colleagueCookie: string;
let managerCookie: string;
let clientId: string;

const MAX_BYTES = 2000;

beforeAll(async () => {
  h = await createHarness({ DW_MAX_ENTRY_BYTES: String(MAX_BYTES) });
  author = await h.employee({ role: 'care-professional' });
  const colleague = await h.employee({ role: 'care-professional' });
  clientId = await h.client({ age: 14, holder: author });
  await h.relate(clientId, colleague, 'member');
  authorCookie = await h.login(author);
  colleagueCookie = await h.login(colleague);
  managerCookie = await h.login(await h.employee({ role: 'manager' }));
});
afterAll(async () => h.close());

const entryDraft = (text: string) => ({ target: 'entry', fields: { kind: 'conversation-report', title: 'Gesprek', text, sourceKind: 'care-professional', statementType: 'fact' } });
const put = (cookie: string, id: string, body: unknown, client = clientId) => h.request({ method: 'PUT', url: `/api/clients/${client}/drafts/${id}`, cookie, body });
const list = async (cookie: string, client = clientId) => {
  const response = await h.request({ method: 'GET', url: `/api/clients/${client}/drafts`, cookie });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ drafts: { id: string; fields: { text?: string }; target: string; entryId: string | null; expiresAt: string }[] }>().drafts;
};

describe('drafts', () => {
  it('saves and replaces the author\'s draft by id, sealed (no plain text in the row), expiring like a work note, and not in the dossier', async () => {
    const id = randomUUID();
    expect((await put(authorCookie, id, entryDraft('Moeder vertelde over'))).statusCode).toBe(200);
    const saved = await put(authorCookie, id, entryDraft('Moeder vertelde over de verhuizing.'));
    expect(saved.statusCode, saved.body).toBe(200);
    const drafts = await list(authorCookie);
    expect(drafts).toEqual([expect.objectContaining({ id, target: 'entry', entryId: null, fields: entryDraft('Moeder vertelde over de verhuizing.').fields })]);
    expect(drafts[0]!.expiresAt).toBe(new Date(h.clock.now.getTime() + h.config.workNoteDays * 86_400_000).toISOString());
    const [row] = await h.database.db.query<{ ciphertext: Buffer }>('SELECT ciphertext FROM care.drafts WHERE id = $1', [id]);
    expect(Buffer.from(row!.ciphertext).toString('latin1')).not.toContain('verhuizing');
    const timeline = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: authorCookie });
    expect(timeline.body).not.toContain('verhuizing');
  });

  it('only the author sees a draft: a colleague in the care team lists none and gets 404 for its id, on save and on discard', async () => {
    const id = randomUUID();
    expect((await put(authorCookie, id, entryDraft('Alleen voor mij'))).statusCode).toBe(200);
    expect(await list(colleagueCookie)).toEqual([]);
    const overwrite = await put(colleagueCookie, id, entryDraft('Overschreven'));
    expect(overwrite.statusCode).toBe(404);
    expect(overwrite.headers['content-type']).toContain('application/problem+json');
    expect((await h.request({ method: 'DELETE', url: `/api/clients/${clientId}/drafts/${id}`, cookie: colleagueCookie })).statusCode).toBe(404);
    expect((await list(authorCookie)).find((d) => d.id === id)?.fields.text).toBe('Alleen voor mij');
    // The author's own draft under another client's URL is not found there either.
    const other = await h.client({ age: 15, holder: author });
    expect((await put(authorCookie, id, entryDraft('Verkeerde cliënt'), other)).statusCode).toBe(404);
    expect((await h.request({ method: 'DELETE', url: `/api/clients/${clientId}/drafts/${id}`, cookie: authorCookie })).statusCode).toBe(204);
    expect((await list(authorCookie)).find((d) => d.id === id)).toBeUndefined();
  });

  it('whoever may not record in the dossier may not keep a draft there: 403 with the engine\'s explanation, logged', async () => {
    const refused = await put(managerCookie, randomUUID(), entryDraft('Een leidinggevende schrijft'));
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const problem = refused.json<{ nl: string; basis: string[] }>();
    expect(problem.nl.length).toBeGreaterThan(20);
    expect(problem.basis.length).toBeGreaterThan(0);
    expect((await h.request({ method: 'GET', url: `/api/clients/${clientId}/drafts`, cookie: managerCookie })).statusCode).toBe(403);
    const logged = await h.database.db.query<{ outcome: string }>(
      `SELECT outcome FROM audit.access_log WHERE client_id = $1 AND route LIKE 'PUT /api/clients/:clientId/drafts/%' ORDER BY seq`, [clientId]);
    expect(logged.map((r) => r.outcome)).toContain('denied');
    expect(logged.map((r) => r.outcome)).toContain('allowed');
  });

  it('an annotation draft needs the entry it annotates is for; the schema is closed', async () => {
    const id = randomUUID();
    const entryId = randomUUID();
    const saved = await put(authorCookie, id, { target: 'annotation', entryId, fields: { annotationKind: 'incorrect', text: 'Bij nader inzien' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await list(authorCookie)).find((d) => d.id === id)).toMatchObject({ target: 'annotation', entryId });
    const extra = await put(authorCookie, randomUUID(), { ...entryDraft('x'), secret: 'y' });
    expect(extra.statusCode).toBe(400);
    const extraField = await put(authorCookie, randomUUID(), { target: 'entry', fields: { text: 'x', author: 'iemand anders' } });
    expect(extraField.statusCode).toBe(400);
    expect((await put(authorCookie, randomUUID(), { target: 'entry', fields: { kind: 'no-such-kind' } })).statusCode).toBe(400);
    await h.request({ method: 'DELETE', url: `/api/clients/${clientId}/drafts/${id}`, cookie: authorCookie });
  });

  it('bounds: a draft larger than DW_MAX_ENTRY_BYTES is refused as problem+json, and at most MAX_DRAFTS_PER_CLIENT per author and client', async () => {
    const large = await put(authorCookie, randomUUID(), entryDraft('é'.repeat(MAX_BYTES)));
    expect(large.statusCode).toBe(400);
    expect(large.headers['content-type']).toContain('application/problem+json');
    expect(large.json()).toMatchObject({ code: 'draft-too-large', field: 'fields.text' });
    const client = await h.client({ age: 16, holder: author });
    const ids = Array.from({ length: MAX_DRAFTS_PER_CLIENT }, () => randomUUID());
    for (const id of ids) expect((await put(authorCookie, id, entryDraft('vol'), client)).statusCode).toBe(200);
    const onePast = await put(authorCookie, randomUUID(), entryDraft('te veel'), client);
    expect(onePast.statusCode).toBe(409);
    expect(onePast.json()).toMatchObject({ code: 'too-many-drafts' });
    // Saving one of them again is no new draft.
    expect((await put(authorCookie, ids[0]!, entryDraft('vol, bijgewerkt'), client)).statusCode).toBe(200);
  });

  it('an expired draft is no longer listed, and is destroyed by the next save', async () => {
    const client = await h.client({ age: 13, holder: author });
    const id = randomUUID();
    await put(authorCookie, id, entryDraft('Verloopt'), client);
    h.clock.advance((h.config.workNoteDays + 1) * 86_400_000);
    try {
      const cookie = await h.login(author);
      expect(await list(cookie, client)).toEqual([]);
      await put(cookie, randomUUID(), entryDraft('Nieuw'), client);
      expect(await h.database.db.query('SELECT id FROM care.drafts WHERE id = $1', [id])).toEqual([]);
    } finally {
      h.clock.reset();
    }
  });

  it('an expired draft is destroyed by the daily sweep of short-term records, even if its author never comes back', async () => {
    const client = await h.client({ age: 13, holder: author });
    const id = randomUUID();
    await put(authorCookie, id, entryDraft('Vergeten'), client);
    const later = new Date(h.clock.now.getTime() + (h.config.workNoteDays + 1) * 86_400_000);
    const purged = await purgeShortTermRecords(h.database.db, later);
    expect(purged.drafts).toBeGreaterThanOrEqual(1);
    expect(await h.database.db.query('SELECT id FROM care.drafts WHERE id = $1', [id])).toEqual([]);
  });

  it('row-level security: another organisation\'s scope and no scope see no draft', async () => {
    await put(authorCookie, randomUUID(), entryDraft('Binnen de organisatie'));
    const count = async () => (await h.database.db.query<{ n: number }>('SELECT count(*)::int AS n FROM care.drafts'))[0]!.n;
    expect(await inOrganisation(h.organisationId, count)).toBeGreaterThan(0);
    expect(await inOrganisation(randomUUID(), count)).toBe(0);
    expect(await withoutOrganisation(count)).toBe(0);
  });

  it('destroying the dossier destroys its drafts: the rows go with the key', async () => {
    const client = await h.client({ age: 17, holder: author });
    const id = randomUUID();
    expect((await put(authorCookie, id, entryDraft('Weg met het dossier'), client)).statusCode).toBe(200);
    const post = (url: string, body: unknown, cookie = authorCookie) => h.request({ method: 'POST', url, cookie, body });
    const created = (await post(`/api/clients/${client}/requests`, { kind: 'destroy', channel: 'written', receivedOn: '2026-11-20', details: 'Vernietig alstublieft.', identityCheck: { documentType: 'passport' } })).json<{ id: string }>();
    expect((await post(`/api/clients/${client}/requests/${created.id}/decision`, { outcome: 'granted', reasons: '' })).statusCode).toBe(200);
    expect((await post(`/api/clients/${client}/requests/${created.id}/confirm-destruction`, {}, managerCookie)).statusCode).toBe(200);
    const fulfilled = await post(`/api/clients/${client}/requests/${created.id}/fulfil`, {});
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    const [left] = await h.database.db.query<{ drafts: number; keys: number }>(
      `SELECT (SELECT count(*)::int FROM care.drafts WHERE client_id = $1) AS drafts, (SELECT count(*)::int FROM care.client_keys WHERE client_id = $1) AS keys`, [client]);
    expect(left).toEqual({ drafts: 0, keys: 0 });
    expect(await list(authorCookie, client)).toEqual([]);
    // Nothing new can be sealed under a shredded key: a save after the destruction is refused as gone.
    const late = await put(authorCookie, id, entryDraft('Te laat'), client);
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ code: 'content-destroyed' });
  });

  it('tells the web the idle timeout, so it can warn before it falls', async () => {
    const response = await h.request({ method: 'GET', url: '/api/session/timeout', cookie: authorCookie });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ idleMinutes: h.config.sessionIdleMinutes });
    expect((await h.request({ method: 'GET', url: '/api/session/timeout' })).statusCode).toBe(401);
  });
});
