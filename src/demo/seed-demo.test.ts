import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidBsn } from '../clients/bsn.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { DEMO_USERS, seedDemo } from './seed-demo.js';

let t: TestDatabase;
beforeAll(async () => { t = await createTestDatabase(); });
afterAll(async () => t.drop());

const now = new Date('2026-11-22T10:00:00+01:00');

describe('demo seed', () => {
  it('creates six clients of the ages where the law changes, with relations and entries, once', async () => {
    const key = randomBytes(32);
    expect((await seedDemo(t.db, key, now)).created).toBe(true);
    expect((await seedDemo(t.db, key, now)).created).toBe(false);
    const clients = await t.db.query<{ age: number; bsn: string | null; relations: number; entries: number }>(
      `SELECT date_part('year', age($1::date, c.birth_date))::int AS age, c.bsn,
              (SELECT count(*)::int FROM formal.client_relations r WHERE r.client_id = c.id) AS relations,
              (SELECT count(*)::int FROM care.entries e WHERE e.client_id = c.id) AS entries
         FROM formal.clients c ORDER BY c.birth_date DESC`, ['2026-11-22']);
    expect(clients.map((c) => c.age)).toEqual([8, 12, 14, 16, 17, 19]);
    for (const client of clients) {
      expect(client.relations).toBeGreaterThan(0);
      expect(client.entries).toBeGreaterThan(0);
      if (client.bsn !== null) expect(isValidBsn(client.bsn) && client.bsn.startsWith('99999')).toBe(true);
    }
    const custody = await t.db.query<{ has_custody: boolean }>('SELECT DISTINCT has_custody FROM formal.client_relations');
    expect(custody.map((c) => c.has_custody).sort()).toEqual([false, true]);
    const roles = await t.db.query<{ role: string }>('SELECT DISTINCT role FROM org.employees');
    expect(roles.map((r) => r.role).sort()).toEqual([...new Set(DEMO_USERS.map((u) => u.role))].sort());
  });
});
