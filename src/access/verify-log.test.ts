/**
 * The chain detects tampering by someone who can write the table — the
 * owner or a superuser, who can switch the append-only triggers off — and
 * the checkpoints kept outside the database detect what the chain alone
 * cannot: a chain rebuilt end to end after a change, and rows cut off the end.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../db/database.js';
import { APP_ROLE } from '../db/database.js';
import { migrate, MIGRATIONS_DIR } from '../db/migrate.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { asOwner, createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import type { AccessLogRow } from './access-log.js';
import { appendAccessLog } from './access-log-store.js';
import { CheckpointFileError, readCheckpoints, startCheckpointTimer, writeCheckpoint, type Checkpoint } from './log-checkpoints.js';
import { verifyLog } from './verify-log.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dw-verify-log-'));
const org = '00000000-0000-4000-8000-00000000000b';

function logRow(i: number): AccessLogRow {
  return {
    organisationId: org, employeeId: null, employeeRole: 'care-professional', clientId: null, action: 'read', part: 'dossier',
    outcome: 'allowed', basis: 'care-relation', purpose: `row ${i}`, citations: ['Jeugdwet 7.3.11'], route: '/api/clients/:clientId/entries',
    sessionId: `s${i}`, address: '127.0.0.1',
  };
}

/** What an attacker with the owner's rights does: switch the append-only and chain triggers off, change rows, switch them on. */
function tamper(database: TestDatabase, sql: string): Promise<void> {
  return asOwner(database, (owner) => owner.exec(
    `BEGIN; ALTER TABLE audit.access_log DISABLE TRIGGER USER; ${sql}; ALTER TABLE audit.access_log ENABLE TRIGGER USER; COMMIT;`));
}

/** Rehashes every row from `fromSeq` on with the database's own canonical form: a chain consistent end to end. */
const rebuildFrom = (fromSeq: number) => `DO $$
  DECLARE r audit.access_log; prev bytea;
  BEGIN
    SELECT row_hash INTO prev FROM audit.access_log WHERE seq = ${fromSeq - 1};
    IF prev IS NULL THEN prev := '\\x${'00'.repeat(32)}'::bytea; END IF;
    FOR r IN SELECT * FROM audit.access_log WHERE seq >= ${fromSeq} ORDER BY seq LOOP
      UPDATE audit.access_log SET prev_hash = prev, row_hash = sha256(prev || audit.access_log_canonical(r)) WHERE seq = r.seq
        RETURNING row_hash INTO prev;
    END LOOP;
  END $$`;

describe('verify-log against tampering', () => {
  let database: TestDatabase;
  let checkpoints: Checkpoint[];
  const file = path.join(dir, 'tamper.checkpoints');

  beforeAll(async () => {
    database = await createTestDatabase();
    for (let i = 1; i <= 12; i += 1) {
      await appendAccessLog(database.db, [logRow(i)]);
      if (i === 6) await writeCheckpoint(database.db, file, new Date('2026-11-22T10:00:00Z'));
    }
    await writeCheckpoint(database.db, file, new Date('2026-11-22T11:00:00Z'));
    checkpoints = await readCheckpoints(file);
    // The original, to put back after each case.
    await asOwner(database, (owner) => owner.exec('CREATE TABLE public.access_log_original AS SELECT * FROM audit.access_log'));
  });
  afterEach(async () => {
    await tamper(database, 'DELETE FROM audit.access_log; INSERT INTO audit.access_log SELECT * FROM public.access_log_original');
    expect((await verifyLog(database.db, { checkpoints })).ok).toBe(true);
  });
  afterAll(async () => database.drop());

  it('passes an untouched log and matches every checkpoint', async () => {
    expect(checkpoints.map((c) => c.seq)).toEqual([6, 12]);
    const result = await verifyLog(database.db, { checkpoints, batchSize: 5 });
    expect(result).toMatchObject({ ok: true, rows: 12, lastSeq: 12, lastHash: checkpoints[1]!.rowHash, checkpointsMatched: 2 });
  });

  it('detects an altered row, naming it', async () => {
    await tamper(database, `UPDATE audit.access_log SET purpose = 'niets aan de hand' WHERE seq = 5`);
    const result = await verifyLog(database.db, { checkpoints, batchSize: 4 });
    expect(result).toMatchObject({ ok: false, rows: 4, problem: { kind: 'hash', seq: 5 } });
  });

  it('detects a deleted row', async () => {
    await tamper(database, 'DELETE FROM audit.access_log WHERE seq = 5');
    expect(await verifyLog(database.db)).toMatchObject({ ok: false, problem: { kind: 'missing-row', seq: 5, message: 'row 5 is missing (deleted)' } });
  });

  it('detects a deleted first row', async () => {
    await tamper(database, 'DELETE FROM audit.access_log WHERE seq = 1');
    expect(await verifyLog(database.db)).toMatchObject({ ok: false, problem: { kind: 'missing-row', seq: 1 } });
  });

  it('detects two swapped rows', async () => {
    await tamper(database, `UPDATE audit.access_log SET seq = -1 WHERE seq = 4; UPDATE audit.access_log SET seq = 4 WHERE seq = 5;
      UPDATE audit.access_log SET seq = 5 WHERE seq = -1`);
    expect(await verifyLog(database.db)).toMatchObject({ ok: false, problem: { kind: 'link', seq: 4 } });
  });

  it('detects a row deleted with the rest renumbered and rehashed — through the checkpoint', async () => {
    await tamper(database, `DELETE FROM audit.access_log WHERE seq = 9; UPDATE audit.access_log SET seq = seq - 1 WHERE seq > 9; ${rebuildFrom(9)}`);
    expect((await verifyLog(database.db)).ok).toBe(true);
    expect(await verifyLog(database.db, { checkpoints })).toMatchObject({ ok: false, problem: { kind: 'truncated', seq: 12 } });
  });

  it('cannot see a chain rebuilt after a change on its own, and detects it through the checkpoints', async () => {
    await tamper(database, `UPDATE audit.access_log SET purpose = 'herschreven' WHERE seq = 8; ${rebuildFrom(8)}`);
    // The chain alone is consistent again: exactly why the head is checkpointed outside the database.
    expect(await verifyLog(database.db)).toMatchObject({ ok: true, rows: 12 });
    const result = await verifyLog(database.db, { checkpoints });
    expect(result).toMatchObject({ ok: false, checkpointsMatched: 1, problem: { kind: 'checkpoint', seq: 12 } });
    expect(!result.ok && result.problem.message).toMatch(/rows 7–12 \(rows up to 6 match an earlier checkpoint\)/);
  });

  it('detects rows cut off the end through the checkpoints', async () => {
    await tamper(database, 'DELETE FROM audit.access_log WHERE seq > 9');
    expect((await verifyLog(database.db)).ok).toBe(true);
    expect(await verifyLog(database.db, { checkpoints })).toMatchObject({ ok: false, rows: 9, problem: { kind: 'truncated', seq: 10 } });
  });

  it('detects a whole log rewritten from the first row', async () => {
    await tamper(database, `UPDATE audit.access_log SET address = '10.0.0.1' WHERE seq = 2; ${rebuildFrom(1)}`);
    expect(await verifyLog(database.db, { checkpoints })).toMatchObject({ ok: false, problem: { kind: 'checkpoint', seq: 6 } });
  });
});

describe('several servers\' checkpoints streams (issue 17 item 7)', () => {
  let database: TestDatabase;
  let at6: Checkpoint;
  let at12: Checkpoint;
  beforeAll(async () => {
    database = await createTestDatabase();
    const file = path.join(dir, 'streams.checkpoints');
    for (let i = 1; i <= 12; i += 1) {
      await appendAccessLog(database.db, [logRow(i)]);
      if (i === 6) await writeCheckpoint(database.db, file, new Date('2026-11-22T10:00:00Z'));
    }
    await writeCheckpoint(database.db, file, new Date('2026-11-22T12:00:00Z'));
    [at6, at12] = (await readCheckpoints(file)) as [Checkpoint, Checkpoint];
  });
  afterAll(async () => database.drop());

  // The database was restored to the backup whose head is row 6; rows 7–12 were written after it. Before the restore,
  // each server had checkpointed history that the restore lost (rows up to 15 and 14), which no longer exists.
  const marker = {
    id: '11111111-1111-4111-8111-111111111111', headSeq: 6, headHash: '', backupTakenAt: '2026-11-22T09:30:00.000Z',
    restoredAt: '2026-11-22T11:00:00.000Z', restoredBy: 'beheer', source: 'backup', signature: null, signedWith: null,
  };
  const lost = (seq: number): Checkpoint => ({ seq, rowHash: 'cd'.repeat(32), at: '2026-11-22T10:30:00.000Z' });
  const restoreLine = (): Checkpoint => ({ ...at6, at: marker.restoredAt, restore: { id: marker.id, backupTakenAt: marker.backupTakenAt, by: 'beheer' } });

  it('voids lost history only in the stream that records the restore; a stream without it is told, and fails', async () => {
    const restores = [{ ...marker, headHash: at6.rowHash }];
    const first = { name: 'app-1.checkpoints', checkpoints: [at6, lost(15), restoreLine(), at12] };
    const second = { name: 'app-2.checkpoints', checkpoints: [at6, lost(14), at12] };
    expect(await verifyLog(database.db, { streams: [first], restores, requireCheckpoints: true })).toMatchObject({ ok: true, checkpointsMatched: 3 });
    const without = await verifyLog(database.db, { streams: [first, second], restores, requireCheckpoints: true });
    expect(without).toMatchObject({ ok: false, problem: { kind: 'truncated', seq: 13 } });
    expect(without.ok ? '' : without.problem.message).toContain('The checkpoints file app-2.checkpoints lacks the restore on 2026-11-22T11:00:00.000Z (row 6)');
    const recorded = { ...second, checkpoints: [at6, lost(14), restoreLine(), at12] };
    const both = await verifyLog(database.db, { streams: [first, recorded], restores, requireCheckpoints: true });
    expect(both).toMatchObject({ ok: true, checkpointsMatched: 6 });
    // One restore, reported once, with what both servers' streams had pinned of the lost history.
    expect(both.restores).toEqual([expect.objectContaining({ headSeq: 6, inCheckpointsFile: true, lostCheckpoints: 2, lostUpToSeq: 15 })]);
  });

  it('still finds a change pinned by any one stream', async () => {
    const wrongAt12 = { ...at12, rowHash: 'ef'.repeat(32) };
    const result = await verifyLog(database.db, { streams: [{ name: 'a', checkpoints: [at6, at12] }, { name: 'b', checkpoints: [wrongAt12] }] });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'checkpoint', seq: 12 } });
  });
});

describe('the database dates every log row itself (issue 13)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await appendAccessLog(database.db, [logRow(1), logRow(2)]);
  });
  afterAll(async () => database.drop());

  it('overrides a back-dated occurred_at supplied by the application role in raw SQL, and hashes the stored value', async () => {
    const [role] = await database.db.query<{ user: string }>('SELECT current_user AS user');
    expect(role!.user).toBe(APP_ROLE);
    const before = Date.now();
    await database.db.query(
      `INSERT INTO audit.access_log (occurred_at, organisation_id, action, part, outcome, basis, route)
       VALUES ('2020-01-01T09:00:00Z', $1, 'read', 'dossier', 'allowed', 'none', 'raw')`, [org]);
    const [row] = await database.db.query<{ occurred_at: Date }>(`SELECT occurred_at FROM audit.access_log WHERE route = 'raw'`);
    // The database's clock, not 2020 (a minute's leeway for a server on another clock).
    expect(Math.abs(row!.occurred_at.getTime() - before)).toBeLessThan(60_000);
    expect(await verifyLog(database.db)).toMatchObject({ ok: true, rows: 3 });
  });

  it('refuses a forged row older than its predecessor, inserted with the triggers off and a correct hash', async () => {
    await tamper(database, `INSERT INTO audit.access_log (seq, occurred_at, organisation_id, action, part, outcome, basis, route, prev_hash, row_hash)
      SELECT h.seq + 1, '2020-01-01T09:00:00Z', '${org}', 'read', 'dossier', 'allowed', 'none', 'forged', h.row_hash, '\\x${'00'.repeat(32)}'::bytea
        FROM (SELECT seq, row_hash FROM audit.access_log ORDER BY seq DESC LIMIT 1) h;
      UPDATE audit.access_log l SET row_hash = sha256(l.prev_hash || audit.access_log_canonical(l)) WHERE route = 'forged'`);
    const result = await verifyLog(database.db);
    expect(result).toMatchObject({ ok: false, rows: 3, problem: { kind: 'time', seq: 4 } });
    expect(!result.ok && result.problem.message).toMatch(/^row 4 is dated 2020-01-01T09:00:00\.000000Z, before row 3 \(/);
  });
});

describe('the chain under concurrent transactions', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it('stays linear and gapless with many transactions at once, including rolled-back ones', async () => {
    const sleep = (tx: Queryable) => (database.url === undefined ? Promise.resolve([]) : tx.query('SELECT pg_sleep(0.002)'));
    const work = Array.from({ length: 40 }, (_, i) => async () => {
      if (i % 5 === 4) {
        // Reads log in autocommit, like the read path.
        await appendAccessLog(database.db, [logRow(i)]);
        return 1;
      }
      try {
        return await database.db.transaction(async (tx) => {
          await sleep(tx);
          await appendAccessLog(tx, [logRow(i), logRow(i + 1000)]);
          await sleep(tx);
          if (i % 7 === 3) throw new Error('rolled back');
          return 2;
        });
      } catch (error) {
        if ((error as Error).message !== 'rolled back') throw error;
        return 0;
      }
    });
    const appended = (await Promise.all(work.map((w) => w()))).reduce((a, b) => a + b, 0);
    const result = await verifyLog(database.db, { batchSize: 7 });
    expect(result).toMatchObject({ ok: true, rows: appended, lastSeq: appended });
  });
});

describe('checkpoints file', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());

  it('is written with mode 0600, one JSON line per checkpoint, periodically and at stop, skipping an unmoved head', async () => {
    const file = path.join(dir, 'nested', 'timer.checkpoints');
    const errors: unknown[] = [];
    const timer = startCheckpointTimer(database.db, { file, seconds: 1, now: () => new Date('2026-11-22T10:00:00Z'), onError: (e) => errors.push(e) });
    await new Promise((resolve) => setTimeout(resolve, 1300)); // one tick: the empty log
    await appendAccessLog(database.db, [logRow(1), logRow(2)]);
    await timer.stop(); // the head moved: a last checkpoint
    await timer.stop(); // unmoved: nothing new
    expect(errors).toEqual([]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const written = await readCheckpoints(file);
    expect(written.map((c) => c.seq)).toEqual([0, 2]);
    expect(written[0]!.rowHash).toBe('00'.repeat(32));
    expect(await verifyLog(database.db, { checkpoints: written })).toMatchObject({ ok: true, checkpointsMatched: 2 });
  });

  it('is written at start too, so a server killed before its first tick leaves a checkpoint (verify-log fails closed without one)', async () => {
    const file = path.join(dir, 'start.checkpoints');
    await appendAccessLog(database.db, [logRow(3)]);
    const timer = startCheckpointTimer(database.db, { file, seconds: 3600, now: () => new Date('2026-11-22T10:00:00Z'), onError: (e) => { throw e; } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const written = await readCheckpoints(file);
    expect(written).toHaveLength(1);
    expect(written[0]!.seq).toBeGreaterThan(0);
    await timer.stop();
  });

  it('refuses a damaged line, naming it', async () => {
    const file = path.join(dir, 'damaged.checkpoints');
    await writeFile(file, `{"seq":1,"rowHash":"${'ab'.repeat(32)}","at":"2026-11-22T10:00:00.000Z"}\n{"seq":2,"rowHash":"xyz"`);
    await expect(readCheckpoints(file)).rejects.toThrow(CheckpointFileError);
    await expect(readCheckpoints(file)).rejects.toThrow(/line 2: not JSON/);
  });
});

describe('migration 0003 on a log that already has rows', () => {
  it('numbers them 1..n in order (closing gaps left by rollbacks) and chains them', async () => {
    const migrations = path.join(dir, 'migrations');
    await mkdir(migrations, { recursive: true });
    await copyFile(path.join(MIGRATIONS_DIR, '0001_foundation.sql'), path.join(migrations, '0001_foundation.sql'));
    const serverUrl = process.env.DATABASE_URL;
    const name = `dw_test_backfill_${randomBytes(4).toString('hex')}`;
    let owner: Database;
    if (serverUrl === undefined || serverUrl === '') {
      owner = await openPglite(undefined);
    } else {
      const admin = openPostgres(serverUrl, { maxConnections: 1 });
      await admin.exec(`CREATE DATABASE ${name}`).finally(() => admin.close());
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      owner = openPostgres(url.toString(), { maxConnections: 1 });
    }
    try {
      await migrate(owner, migrations);
      const insert = `INSERT INTO audit.access_log (organisation_id, action, part, outcome, basis, route) VALUES ('${org}', 'read', 'dossier', 'allowed', 'none', 'r')`;
      await owner.exec(`${insert}; ${insert};`);
      await owner.exec(`BEGIN; ${insert}; ROLLBACK;`);
      await owner.exec(`${insert}; ${insert};`);
      expect((await owner.query<{ seq: string }>('SELECT seq FROM audit.access_log ORDER BY seq')).map((r) => r.seq)).toEqual(['1', '2', '4', '5']);
      await copyFile(path.join(MIGRATIONS_DIR, '0003_access_log_chain.sql'), path.join(migrations, '0003_access_log_chain.sql'));
      await migrate(owner, migrations);
      expect(await verifyLog(owner)).toMatchObject({ ok: true, rows: 4, lastSeq: 4 });
      await owner.exec(insert);
      expect(await verifyLog(owner)).toMatchObject({ ok: true, rows: 5, lastSeq: 5 });
    } finally {
      await owner.close();
      if (serverUrl !== undefined && serverUrl !== '') {
        const admin = openPostgres(serverUrl, { maxConnections: 1 });
        await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => admin.close());
      }
    }
  });
});
