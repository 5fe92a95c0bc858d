import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE } from './database.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite-database.js';
import type { Database } from './database.js';

let db: Database;
beforeAll(async () => { db = await openPglite(undefined); });
afterAll(async () => db.close());

describe('migrations', () => {
  it('apply once, record their versions, and are a no-op the second time', async () => {
    const first = await migrate(db);
    expect(first.applied[0]).toBe('0001_foundation.sql');
    const second = await migrate(db);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(first.applied.length);
    const [role] = await db.query<{ rolname: string }>('SELECT rolname FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    expect(role?.rolname).toBe(APP_ROLE);
  });

  it('keeps formal data and care content in separate schemas', async () => {
    const tables = await db.query<{ schema: string; name: string }>(
      'SELECT table_schema AS schema, table_name AS name FROM information_schema.tables WHERE table_schema IN (\'formal\', \'care\') ORDER BY 1, 2');
    const formal = tables.filter((t) => t.schema === 'formal').map((t) => t.name);
    const care = tables.filter((t) => t.schema === 'care').map((t) => t.name);
    expect(formal).toEqual(expect.arrayContaining(['clients', 'care_allocations', 'time_registrations', 'identity_checks']));
    expect(care).toEqual(expect.arrayContaining(['entries', 'entry_annotations', 'dossiers', 'client_keys']));
  });
});
