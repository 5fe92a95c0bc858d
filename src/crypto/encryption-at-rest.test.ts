/**
 * Entry bodies are stored only as ciphertext under a per-client data key
 * wrapped by the master key; destroying the key makes the content unreadable.
 * That is how destruction (Jeugdwet 7.3.9) will reach every copy of the rows.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';
import { asOwner } from '../test-support/test-database.js';
import { decryptJson, encryptJson, newDataKey, unwrapDataKey, wrapDataKey } from './envelope.js';
import { loadMasterKey } from './master-key.js';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SECRET = 'Moeder vertelt dat zij op de Geheimeweg 12 woont';
const ANNOTATION = 'Adres bij nader inzien onjuist';

let h: Harness;
let cookie: string;
let clientId: string;
let otherClientId: string;
let holderId: string;

beforeAll(async () => {
  h = await createHarness();
  const holder = await h.employee({ role: 'care-professional' });
  cookie = await h.login(holder);
  holderId = holder.id;
  clientId = await h.client({ age: 13, holder });
  otherClientId = await h.client({ age: 9, holder });
  const created = await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries`, cookie, body: { kind: 'third-party-information', title: 'Adres', text: SECRET, source: { kind: 'parent', description: 'moeder' } } });
  expect(created.statusCode).toBe(201);
  await h.request({ method: 'POST', url: `/api/clients/${clientId}/entries/${created.json<{ id: string }>().id}/annotations`, cookie, body: { kind: 'incorrect', reason: ANNOTATION } });
  await h.request({ method: 'POST', url: `/api/clients/${otherClientId}/entries`, cookie, body: { kind: 'plan', text: 'ander dossier', source: { kind: 'client' } } });
});
afterAll(async () => h.close());

describe('encryption at rest', () => {
  it('stores no plaintext of entries or annotations in any column', async () => {
    const entries = await h.database.db.query<Record<string, unknown>>('SELECT * FROM care.entries');
    const annotations = await h.database.db.query<Record<string, unknown>>('SELECT * FROM care.entry_annotations');
    const dump = JSON.stringify([...entries, ...annotations], (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v));
    expect(dump).not.toContain('Geheimeweg');
    expect(dump).not.toContain('nader inzien');
    expect(dump).not.toContain('moeder');
    // …while the API, through the key, still reads it.
    const page = (await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie })).json();
    expect(page.entries[0].text).toBe(SECRET);
  });

  it('destroying a dossier destroys its key: a backup of its rows can no longer be read, and other dossiers stay readable', async () => {
    // What a backup taken before the destruction would hold: the ciphertext rows.
    const backup = await h.database.db.query<{ ciphertext: Buffer }>('SELECT ciphertext FROM care.entries WHERE client_id = $1', [clientId]);
    expect(backup.length).toBeGreaterThan(0);
    // The database destroys only on a decision: here the privacy officer's confirmation of an ended retention period,
    // written as the owner (the application role confirms only through org.confirm_retention_destruction, 0055).
    await asOwner(h.database, (owner) => owner.query(
      `INSERT INTO org.retention_reviews (client_id, organisation_id, last_change, kept_until, status, decided_by, decided_at)
       VALUES ($1, $2, '2000-01-01', '2020-01-01', 'confirmed', $3, now())`, [clientId, h.organisationId, holderId]));
    await h.database.db.query('SELECT care.destroy_dossier($1, $2, $3, NULL, NULL, $4)', [clientId, h.organisationId, 'retention-expired', holderId]);
    const keys = await h.database.db.query('SELECT 1 FROM care.client_keys WHERE client_id = $1', [clientId]);
    expect(keys).toEqual([]); // the only key that could open the backup is gone
    expect(backup.map((r) => r.ciphertext.toString('latin1')).join('')).not.toContain(SECRET);
    const response = await h.request({ method: 'GET', url: `/api/clients/${clientId}/entries`, cookie });
    expect(response.statusCode).toBe(410);
    expect(response.json().nl).toContain('vernietigd');
    const other = await h.request({ method: 'GET', url: `/api/clients/${otherClientId}/entries`, cookie });
    expect(other.json().entries[0].text).toBe('ander dossier');
  });

  it('the application role cannot delete a key except through the sanctioned function', async () => {
    await expect(h.database.db.query('DELETE FROM care.client_keys WHERE client_id = $1', [otherClientId])).rejects.toThrow(/permission denied/);
  });
});

describe('envelope', () => {
  it('binds ciphertext to its context and key', () => {
    const master = randomBytes(32);
    const key = newDataKey();
    const wrapped = wrapDataKey(master, key, 'client-a');
    expect(unwrapDataKey(master, wrapped, 'client-a').equals(key)).toBe(true);
    expect(() => unwrapDataKey(master, wrapped, 'client-b')).toThrow();
    expect(() => unwrapDataKey(randomBytes(32), wrapped, 'client-a')).toThrow();
    const sealed = encryptJson(key, { text: 'x' }, 'entry:1');
    expect(decryptJson(key, sealed, 'entry:1')).toEqual({ text: 'x' });
    expect(() => decryptJson(key, sealed, 'entry:2')).toThrow();
  });

  it('creates the master key file with mode 0600 and reads the same key back', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dw-key-'));
    const file = path.join(dir, 'sub', 'master.key');
    const first = await loadMasterKey({ masterKey: undefined, masterKeyFile: file });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = await loadMasterKey({ masterKey: undefined, masterKeyFile: file });
    expect(second.equals(first)).toBe(true);
    expect(first.length).toBe(32);
  });

  it('refuses a configured master key of the wrong length', async () => {
    await expect(loadMasterKey({ masterKey: Buffer.alloc(16).toString('base64'), masterKeyFile: '/nonexistent' })).rejects.toThrow(/32 bytes/);
  });
});

describe('start-up with the wrong master key', () => {
  it('refuses to start when the master key does not open the stored client keys', async () => {
    const { createApp } = await import('../http/app.js');
    await expect(createApp(h.config, { db: h.database.db, masterKey: randomBytes(32) })).rejects.toThrow(/master key does not open/);
  });
});
