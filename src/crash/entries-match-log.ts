/**
 * The crash tests' promise about writes (server-crash, failover): every acknowledged entry is in the database, and
 * entries and their access-log rows match one to one — no entry without its `record` row, no row naming an entry
 * that is not there.
 */
import { expect } from 'vitest';
import type { Database } from '../db/database.js';

export async function expectEntriesMatchLog(db: Database, clientId: string, acknowledged: readonly string[]): Promise<void> {
  const present = await db.query<{ id: string }>('SELECT id FROM care.entries WHERE id = ANY($1::uuid[])', [acknowledged]);
  expect(present.length).toBe(acknowledged.length);
  const withoutLog = await db.query<{ id: string }>(
    `SELECT e.id FROM care.entries e
      WHERE e.client_id = $1 AND NOT EXISTS (
        SELECT 1 FROM audit.access_log l WHERE l.client_id = e.client_id AND l.action = 'record' AND l.outcome = 'allowed' AND e.id = ANY(l.entry_ids))`, [clientId]);
  expect(withoutLog).toEqual([]);
  const logWithoutEntry = await db.query<{ seq: string }>(
    `SELECT l.seq FROM audit.access_log l
      WHERE l.client_id = $1 AND l.route = 'POST /api/clients/:clientId/entries' AND l.outcome = 'allowed'
        AND (cardinality(l.entry_ids) = 0 OR EXISTS (SELECT 1 FROM unnest(l.entry_ids) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM care.entries e WHERE e.id = x.id)))`, [clientId]);
  expect(logWithoutEntry).toEqual([]);
}
