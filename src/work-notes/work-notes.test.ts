/**
 * Personal work notes (003 §2.3.13; DOMAIN §1): outside the dossier, only for
 * their author; the log records only that the author used them; destroyed
 * after their expiry; moved into the dossier they become an entry under the
 * client's rights.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestEmployee } from '../test-support/harness.js';
import { destroyExpiredNotes } from './work-note-service.js';

describe('personal work notes', () => {
  let h: Harness;
  let author: TestEmployee;
  let authorCookie: string;
  let colleagueCookie: string;
  let clientId: string;
  let noteId: string;

  beforeAll(async () => {
    h = await createHarness();
    author = await h.employee({ role: 'care-professional' });
    const colleague = await h.employee({ role: 'care-professional' });
    clientId = await h.client({ age: 13, holder: author });
    await h.relate(clientId, colleague, 'member');
    authorCookie = await h.login(author);
    colleagueCookie = await h.login(colleague);
    const created = await h.request({ method: 'POST', url: `/api/clients/${clientId}/work-notes`, cookie: authorCookie, body: { text: 'Moeder leek gespannen; navragen.' } });
    expect(created.statusCode).toBe(201);
    noteId = created.json<{ id: string }>().id;
  });
  afterAll(() => h.close());

  it('only the author sees the note, with a 30-day expiry; a colleague in the care team does not (003 §2.3.13)', async () => {
    const own = await h.request({ method: 'GET', url: '/api/work-notes', cookie: authorCookie });
    expect(own.json()).toEqual({ notes: [{ id: noteId, clientId, text: 'Moeder leek gespannen; navragen.', createdAt: h.clock.now.toISOString(), expiresAt: new Date(h.clock.now.getTime() + 30 * 86_400_000).toISOString() }] });
    expect((await h.request({ method: 'GET', url: '/api/work-notes', cookie: colleagueCookie })).json()).toEqual({ notes: [] });
    expect((await h.request({ method: 'DELETE', url: `/api/work-notes/${noteId}`, cookie: colleagueCookie })).statusCode).toBe(404);
    const move = await h.request({ method: 'POST', url: `/api/work-notes/${noteId}/move-into-dossier`, cookie: colleagueCookie, body: { kind: 'conversation-report', source: { kind: 'care-professional' } } });
    expect(move.statusCode).toBe(404);
    // Not in the dossier.
    const timeline = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie: colleagueCookie });
    expect(JSON.stringify(timeline.json())).not.toContain('gespannen');
  });

  it('the access log records only that the author used the notes: part personal-work-note, no content or ids', async () => {
    const rows = await h.database.db.query<{ action: string; employee_id: string; entry_ids: string[]; basis: string }>(
      `SELECT action, employee_id, entry_ids, basis FROM audit.access_log WHERE client_id = $1 AND part = 'personal-work-note' AND outcome = 'allowed' ORDER BY seq`, [clientId]);
    expect(rows.map((r) => r.action)).toEqual(['record', 'read']);
    expect(rows.every((r) => r.employee_id === author.id && r.entry_ids.length === 0)).toBe(true);
    expect(rows[1]!.basis).toBe('author');
    const stored = await h.database.db.query<{ ciphertext: Buffer }>('SELECT ciphertext FROM care.work_notes WHERE id = $1', [noteId]);
    expect(Buffer.from(stored[0]!.ciphertext).toString('latin1')).not.toContain('gespannen');
  });

  it('"move into dossier" makes a real entry through the entry path and removes the note', async () => {
    const moved = await h.request({ method: 'POST', url: `/api/work-notes/${noteId}/move-into-dossier`, cookie: authorCookie, body: { kind: 'conversation-report', source: { kind: 'care-professional' }, statementType: 'opinion' } });
    expect(moved.statusCode).toBe(201);
    const { entryId } = moved.json<{ entryId: string }>();
    const entry = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries/${entryId}`, cookie: colleagueCookie });
    expect(entry.statusCode).toBe(200);
    expect(entry.json<{ text: string }>().text).toBe('Moeder leek gespannen; navragen.');
    expect((await h.request({ method: 'GET', url: '/api/work-notes', cookie: authorCookie })).json()).toEqual({ notes: [] });
    expect((await h.request({ method: 'POST', url: `/api/work-notes/${noteId}/move-into-dossier`, cookie: authorCookie, body: { kind: 'conversation-report', source: { kind: 'care-professional' } } })).statusCode).toBe(404);
  });

  it('a manager cannot write notes (no care relation), and an expired note is destroyed by the sweep', async () => {
    const manager = await h.login(await h.employee({ role: 'manager' }));
    expect((await h.request({ method: 'POST', url: `/api/clients/${clientId}/work-notes`, cookie: manager, body: { text: 'x' } })).statusCode).toBe(403);
    const short = await h.request({ method: 'POST', url: `/api/clients/${clientId}/work-notes`, cookie: authorCookie, body: { text: 'kort', expiresInDays: 1 } });
    const shortId = short.json<{ id: string }>().id;
    const dayLater = new Date(h.clock.now.getTime() + 86_400_000 + 1000);
    expect(await destroyExpiredNotes(h.database.db, new Date(h.clock.now.getTime() + 3600_000))).toBe(0);
    expect(await destroyExpiredNotes(h.database.db, dayLater)).toBe(1);
    expect(await h.database.db.query('SELECT id FROM care.work_notes WHERE id = $1', [shortId])).toEqual([]);
  });
});
