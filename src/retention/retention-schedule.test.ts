/**
 * The server's retention schedule (issue 17): a sweep that fails (here: the
 * database is down — a real pool at a closed port) is retried with back-off
 * instead of a day later, every sweep logs its counts, only one server sweeps
 * at a time (an advisory lock), and an interval a timer cannot hold is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres-database.js';
import { unusedPort } from '../test-support/network.js';
import { switchableDatabase } from '../test-support/switchable-database.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { RETENTION_SWEEP_LOCK, startRetentionSchedule, sweepRetryMs, type SweepLog } from './retention-schedule.js';

function memoryLog(): SweepLog & { lines: { fields: Record<string, unknown>; message: string }[] } {
  const lines: { fields: Record<string, unknown>; message: string }[] = [];
  return {
    lines,
    info: (fields, message) => { lines.push({ fields, message }); },
    error: (fields, message) => { lines.push({ fields, message }); },
  };
}

let database: TestDatabase;
let dead: Database;
beforeEach(async () => {
  database = await createTestDatabase();
  dead = openPostgres(`postgres://nobody@127.0.0.1:${await unusedPort()}/nothing`, { connectTimeoutMs: 500 });
});
afterEach(async () => {
  await dead.close();
  await database.drop();
});

describe('the retention schedule', () => {
  it('retries a failed sweep with back-off, and logs the counts of the sweep that succeeds', async () => {
    const { db, switchOver: restore } = switchableDatabase(dead, database.db);
    const log = memoryLog();
    const schedule = startRetentionSchedule(db, { hours: 24, now: () => new Date('2047-06-01T10:00:00Z'), log, firstDelayMs: 10, retryBaseMs: 100 });
    try {
      await expect.poll(() => log.lines.filter((l) => l.fields.event === 'retention-sweep-failed').length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
      const failed = log.lines.filter((l) => l.fields.event === 'retention-sweep-failed');
      expect(failed[0]).toMatchObject({ fields: { attempt: 1, retryInSeconds: 0.1 }, message: 'retention sweep failed; retrying in 0.1 s' });
      expect(failed[1]).toMatchObject({ fields: { attempt: 2, retryInSeconds: 0.2 } });
      restore();
      await expect.poll(() => log.lines.some((l) => l.fields.event === 'retention-sweep'), { timeout: 20_000 }).toBe(true);
      const done = log.lines.find((l) => l.fields.event === 'retention-sweep')!;
      expect(done.fields).toMatchObject({ scanned: expect.any(Number) as number, due: 0, listed: 0, withdrawn: 0 });
      expect(done.fields.purged).toMatchObject({ workNotes: 0, complaints: 0, incidents: 0, prospectiveClients: 0 });
      expect(done.message).toMatch(/^retention sweep done: \d+ dossiers scanned, 0 due, 0 listed, 0 withdrawn$/);
    } finally {
      await schedule.stop();
    }
  }, 60_000);

  it('backs off 1, 2, 4 … minutes, at most an hour and never past the next turn', () => {
    expect([1, 2, 3, 4, 7, 8].map((n) => sweepRetryMs(n, 60_000, 24 * 3_600_000) / 60_000)).toEqual([1, 2, 4, 8, 60, 60]);
    expect(sweepRetryMs(5, 60_000, 10 * 60_000)).toBe(10 * 60_000);
  });

  it('refuses an interval a timer cannot hold (597 hours became 1 ms)', () => {
    expect(() => startRetentionSchedule(database.db, { hours: 597, now: () => new Date(), log: memoryLog() })).toThrow(RangeError);
  });
});

describe.runIf(process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '')('several servers on one database', () => {
  it('a server skips its turn while another holds the sweep lock, and says so', async () => {
    const other = openPostgres(database.url!, { maxConnections: 1 });
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let held!: () => void;
    const isHeld = new Promise<void>((resolve) => { held = resolve; });
    const holding = other.withSessionLock!(RETENTION_SWEEP_LOCK, async () => { held(); await released; });
    await isHeld;
    const log = memoryLog();
    const outcomes: unknown[] = [];
    const schedule = startRetentionSchedule(database.db, {
      hours: 24, now: () => new Date('2047-06-01T10:00:00Z'), log, firstDelayMs: 10, onDone: (o) => outcomes.push(o),
    });
    try {
      await expect.poll(() => outcomes.length, { timeout: 10_000 }).toBe(1);
      expect(outcomes[0]).toBe('skipped');
      expect(log.lines.map((l) => l.fields.event)).toEqual(['retention-sweep-skipped']);
    } finally {
      await schedule.stop();
      release();
      await holding;
      await other.close();
    }
  });
});
