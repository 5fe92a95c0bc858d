import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test-support/harness.js';

let h: Harness;
beforeAll(async () => { h = await createHarness(); });
afterAll(async () => h.close());

describe('health and API documentation', () => {
  it('GET /health answers 200 with the database status', async () => {
    const response = await h.request({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: { kind: h.database.db.kind, status: 'up' } });
  });

  it('serves an OpenAPI 3 document generated from the route schemas, and its docs page', async () => {
    const doc = (await h.request({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/clients', '/api/clients/{clientId}/entries', '/api/clients/{clientId}/entries/{entryId}/annotations']));
    const post = doc.paths['/api/clients/{clientId}/entries'].post;
    expect(post.requestBody.content['application/json'].schema.properties.kind).toBeDefined();
    const page = await h.request({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(page.statusCode);
  });

  it('answers unknown routes with problem+json in Dutch and English', async () => {
    const response = await h.request({ method: 'GET', url: '/api/does-not-exist' });
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: expect.any(Number), nl: expect.any(String), en: expect.any(String) });
  });
});

describe('log-in', () => {
  it('gives the same answer for a wrong password and an unknown account', async () => {
    const employee = await h.employee({ role: 'care-professional' });
    const wrong = await h.request({ method: 'POST', url: '/api/auth/login', body: { username: employee.username, password: 'not-the-password' } });
    const unknown = await h.request({ method: 'POST', url: '/api/auth/login', body: { username: 'nobody-here', password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.cookies).toHaveLength(0);
  });

  // The cookie's attributes and the two log-in steps are tested in src/auth/auth.test.ts.
  it('logout ends the session at once', async () => {
    const header = await h.login(await h.employee({ role: 'care-professional' }));
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie: header })).statusCode).toBe(200);
    expect((await h.request({ method: 'POST', url: '/api/auth/logout', cookie: header })).statusCode).toBe(204);
    expect((await h.request({ method: 'GET', url: '/api/auth/me', cookie: header })).statusCode).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const employee = await h.employee({ role: 'care-professional' });
    const cookie = await h.login(employee);
    const token = cookie.split('=')[1]!;
    const rows = await h.database.db.query<Record<string, unknown>>('SELECT * FROM org.sessions WHERE employee_id = $1', [employee.id]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});

describe('password storage', () => {
  it('stores argon2id hashes with at least m=19456 KiB, t=2, p=1', async () => {
    const employee = await h.employee({ role: 'care-professional' });
    const [row] = await h.database.db.query<{ password_hash: string }>('SELECT password_hash FROM org.employees WHERE id = $1', [employee.id]);
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(row!.password_hash);
    expect(match).not.toBeNull();
    const [, m, t, p] = match!.map(Number);
    expect(m).toBeGreaterThanOrEqual(19_456);
    expect(t).toBeGreaterThanOrEqual(2);
    expect(p).toBeGreaterThanOrEqual(1);
  });
});
