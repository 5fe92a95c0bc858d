/**
 * `dossierwijzer verify-log` end to end, in process, on the configured
 * database: a PGlite data folder, or a scratch database on the server when
 * DATABASE_URL is set. stdout and stderr are captured; exit codes 0/1/2.
 */
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { appendAccessLog } from '../access/access-log-store.js';
import type { Database } from '../db/database.js';
import { openMigratedPglite, pgliteDir } from '../db/open-database.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createScratchDatabase, type ScratchDatabase } from '../db/scratch-database.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'dw-verify-log-cli-'));
const checkpoints = path.join(dataDir, 'access-log.checkpoints');
const serverUrl = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
let scratch: ScratchDatabase | undefined;

function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli(['verify-log', ...args]);
}

/** The database as its owner: the PGlite folder opened directly, or the scratch database's URL without the app role. */
async function asOwner(work: (owner: Database) => Promise<void>): Promise<void> {
  const owner = scratch?.url === undefined ? await openPglite(pgliteDir({ dataDir })) : openPostgres(scratch.url, { maxConnections: 1 });
  try {
    await work(owner);
  } finally {
    await owner.close();
  }
}

beforeAll(async () => {
  let db: Database;
  if (serverUrl === undefined) {
    db = (await openMigratedPglite(pgliteDir({ dataDir }))).db;
  } else {
    scratch = await createScratchDatabase(serverUrl, 'dw_test');
    db = scratch.db;
  }
  for (let i = 0; i < 20; i += 1) {
    await appendAccessLog(db, [{
      organisationId: '00000000-0000-4000-8000-00000000000c', employeeId: null, employeeRole: 'manager', clientId: null, action: 'read',
      part: 'dossier', outcome: 'denied', basis: 'none', purpose: `verzoek ${i}`, route: '/api/clients/:clientId', sessionId: null, address: null,
    }]);
  }
  if (scratch === undefined) await db.close();
  vi.stubEnv('DW_DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', scratch?.url ?? '');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await scratch?.drop();
});

describe('dossierwijzer verify-log', () => {
  it('fails closed: an intact log with rows but no checkpoints file exits 1, in text and in JSON', async () => {
    const { code, out, err } = await run([]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^Access log BROKEN at row 1 \(unanchored\): the log has 20 rows but there is no checkpoint/);
    expect(err).toContain(`No checkpoints file at ${checkpoints}.`);
    const json = await run(['--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, rows: 20, checkpoints: { used: true, found: false, count: 0 }, problem: { kind: 'unanchored' } });
  });

  it('fails closed on an empty checkpoints file too', async () => {
    const empty = path.join(dataDir, 'empty.checkpoints');
    await writeFile(empty, '');
    const { code, err } = await run(['--checkpoints', empty]);
    expect(code).toBe(1);
    expect(err).toMatch(/\(unanchored\)/);
  });

  it('--no-checkpoints verifies the chain alone when asked, and says why that is weak (also in JSON)', async () => {
    const { code, out, err } = await run(['--no-checkpoints']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Access log chain intact \(no checkpoints used\): 20 rows verified; [\d,]+ rows\/s\.\n$/);
    expect(err).toMatch(/^Warning: verified without checkpoints \(--no-checkpoints\): the chain alone cannot detect .* rebuilt end to end/);
    const json = await run(['--no-checkpoints', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, checkpoints: { used: false, warning: expect.stringMatching(/rebuilt end to end/) } });
    const both = await run(['--no-checkpoints', '--checkpoints', checkpoints]);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--checkpoints and --no-checkpoints exclude each other/);
  });

  it('--no-checkpoints --checkpoint writes the first checkpoint (mode 0600) after verifying; then the default run passes', async () => {
    const { code, out } = await run(['--no-checkpoints', '--checkpoint']);
    expect(code).toBe(0);
    expect(out).toContain(`Checkpoint written: row 20 to ${checkpoints}`);
    expect((await stat(checkpoints)).mode & 0o777).toBe(0o600);
    expect((await readFile(checkpoints, 'utf8')).trim().split('\n')).toHaveLength(1);
    const again = await run([]);
    expect(again).toMatchObject({ code: 0, err: '' });
    expect(again.out).toMatch(/^Access log intact: 20 rows verified, 1 of 1 checkpoints matched/);
  });

  it('--json reports rows, checkpoints matched and throughput', async () => {
    const { code, out } = await run(['--json', '--checkpoints', checkpoints]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, rows: 20, lastSeq: 20, checkpoints: { found: true, count: 1, matched: 1 }, problem: null });
  });

  it('exits 2 on usage errors, without a stack trace', async () => {
    const unknown = await run(['--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Unknown option '--frobnicate'[\s\S]*Usage: dossierwijzer verify-log/);
    const missing = await run(['--checkpoints', path.join(dataDir, 'nope')]);
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toBe(`Checkpoints file not found: ${path.join(dataDir, 'nope')}\n`);
  });

  it('exits 1 on a damaged checkpoints file, naming the line', async () => {
    const damaged = path.join(dataDir, 'damaged.checkpoints');
    await writeFile(damaged, '{"seq": -1}\n');
    const { code, err } = await run(['--checkpoints', damaged]);
    expect(code).toBe(1);
    expect(err).toMatch(/damaged\.checkpoints, line 1: "seq" must be a whole number/);
  });

  describe('issue 17 item 7: several servers, each with its own checkpoints stream', () => {
    /** A checkpoint line at `seq`, with the row's real hash or a wrong one. */
    async function checkpointAt(seq: number, hash: 'real' | 'wrong'): Promise<string> {
      let rowHash = 'ab'.repeat(32);
      if (hash === 'real') {
        await asOwner(async (owner) => {
          const [row] = await owner.query<{ row_hash: Buffer }>('SELECT row_hash FROM audit.access_log WHERE seq = $1', [seq]);
          rowHash = row!.row_hash.toString('hex');
        });
      }
      return `${JSON.stringify({ seq, rowHash, at: '2026-12-04T20:00:00.000Z' })}\n`;
    }

    it('holds the one chain against every file named, or every *.checkpoints file in a directory', async () => {
      const servers = mkdtempSync(path.join(tmpdir(), 'dw-servers-'));
      const first = path.join(servers, 'app-1.checkpoints');
      const second = path.join(servers, 'app-2.checkpoints');
      await writeFile(first, await readFile(checkpoints, 'utf8'));
      await writeFile(second, await checkpointAt(10, 'real'));
      const both = await run(['--checkpoints', first, '--checkpoints', second]);
      expect(both).toMatchObject({ code: 0, err: '' });
      expect(both.out).toMatch(/^Access log intact: 20 rows verified, 2 of 2 checkpoints matched \(2 checkpoints files\)/);
      const directory = await run(['--checkpoints', servers, '--json']);
      expect(JSON.parse(directory.out)).toMatchObject({ ok: true, checkpoints: { files: [first, second], count: 2, matched: 2 } });
      // The second server's stream disagrees with the log at row 10: found, though the first file alone passes.
      await writeFile(second, await checkpointAt(10, 'wrong'));
      expect((await run(['--checkpoints', first])).code).toBe(0);
      const broken = await run(['--checkpoints', servers, '--json']);
      expect(broken.code).toBe(1);
      expect(JSON.parse(broken.out)).toMatchObject({ ok: false, problem: { kind: 'checkpoint', seq: 10 } });
      const empty = mkdtempSync(path.join(tmpdir(), 'dw-no-servers-'));
      expect(await run(['--checkpoints', empty])).toMatchObject({ code: 2, err: `No *.checkpoints files in ${empty}\n` });
    });

    it('with {host} in DW_LOG_CHECKPOINT_FILE, reads every server\'s stream by default and writes to its own', async () => {
      const shared = mkdtempSync(path.join(tmpdir(), 'dw-shared-checkpoints-'));
      vi.stubEnv('DW_LOG_CHECKPOINT_FILE', path.join(shared, 'checkpoints-{host}.checkpoints'));
      try {
        await writeFile(path.join(shared, 'checkpoints-other-server.checkpoints'), await checkpointAt(12, 'wrong'));
        await writeFile(path.join(shared, 'unrelated.txt'), 'not a checkpoint');
        const broken = await run(['--json']);
        expect(broken.code).toBe(1);
        expect(JSON.parse(broken.out)).toMatchObject({ ok: false, problem: { kind: 'checkpoint', seq: 12 } });
        await writeFile(path.join(shared, 'checkpoints-other-server.checkpoints'), await checkpointAt(12, 'real'));
        const written = await run(['--checkpoint']);
        expect(written.code).toBe(0);
        const own = path.join(shared, `checkpoints-${hostname().replace(/[^A-Za-z0-9._-]/g, '_')}.checkpoints`);
        expect(written.out).toContain(`Checkpoint written: row 20 to ${own}`);
        const again = await run([]);
        expect(again.out).toMatch(/^Access log intact: 20 rows verified, 2 of 2 checkpoints matched \(2 checkpoints files\)/);
      } finally {
        vi.stubEnv('DW_LOG_CHECKPOINT_FILE', undefined);
      }
    });

    it('never migrates nor creates a database: on PGlite an empty data folder stays empty; on PostgreSQL a read-only connection (a replica) will do', async () => {
      if (scratch?.url === undefined) {
        const nothing = mkdtempSync(path.join(tmpdir(), 'dw-no-database-'));
        vi.stubEnv('DW_DATA_DIR', nothing);
        try {
          const { code, err } = await run(['--no-checkpoints']);
          expect(code).toBe(2);
          expect(err).toContain(`no database at ${pgliteDir({ dataDir: nothing })}`);
          expect(await readdir(nothing)).toEqual([]);
        } finally {
          vi.stubEnv('DW_DATA_DIR', dataDir);
        }
        return;
      }
      const readOnly = new URL(scratch.url);
      readOnly.searchParams.set('options', '-c default_transaction_read_only=on');
      vi.stubEnv('DATABASE_URL', readOnly.toString());
      try {
        const { code, out, err } = await run(['--checkpoints', checkpoints]);
        expect({ code, err }).toEqual({ code: 0, err: '' });
        expect(out).toMatch(/^Access log intact: 20 rows verified/);
      } finally {
        vi.stubEnv('DATABASE_URL', scratch.url);
      }
    });
  });

  it('exits 1 naming the first broken row when a row was altered, and when the chain was rebuilt after it', async () => {
    await asOwner((owner) => owner.exec(`BEGIN; ALTER TABLE audit.access_log DISABLE TRIGGER USER;
      UPDATE audit.access_log SET purpose = 'anders' WHERE seq = 7; ALTER TABLE audit.access_log ENABLE TRIGGER USER; COMMIT;`));
    const altered = await run([]);
    expect(altered.code).toBe(1);
    expect(altered.err).toMatch(/^Access log BROKEN at row 7 \(hash\): row_hash does not match the row's contents: the row was altered\./);
    expect(altered.err).toContain('\n6 rows recomputed before the problem was found; ');
    expect(altered.err).not.toMatch(/\n\s+at /);

    await asOwner((owner) => owner.exec(`BEGIN; ALTER TABLE audit.access_log DISABLE TRIGGER USER;
      DO $$ DECLARE r audit.access_log; prev bytea;
      BEGIN
        SELECT row_hash INTO prev FROM audit.access_log WHERE seq = 6;
        FOR r IN SELECT * FROM audit.access_log WHERE seq >= 7 ORDER BY seq LOOP
          UPDATE audit.access_log SET prev_hash = prev, row_hash = sha256(prev || audit.access_log_canonical(r)) WHERE seq = r.seq RETURNING row_hash INTO prev;
        END LOOP;
      END $$;
      ALTER TABLE audit.access_log ENABLE TRIGGER USER; COMMIT;`));
    const rebuilt = await run(['--json']);
    expect(rebuilt.code).toBe(1);
    expect(JSON.parse(rebuilt.out)).toMatchObject({ ok: false, rows: 20, problem: { kind: 'checkpoint', seq: 20 } });
  });

  it('issue 13: a log rebuilt end to end after deleting 314 of 315 rows, with the checkpoints file gone, exits 1', async () => {
    await asOwner(async (owner) => {
      const [head] = await owner.query<{ seq: string }>('SELECT max(seq)::text AS seq FROM audit.access_log');
      for (let i = Number(head!.seq); i < 315; i += 1) {
        await appendAccessLog(owner, [{
          organisationId: '00000000-0000-4000-8000-00000000000c', employeeId: null, employeeRole: 'manager', clientId: null, action: 'read',
          part: 'dossier', outcome: 'denied', basis: 'none', purpose: `verzoek ${i}`, route: '/api/clients/:clientId', sessionId: null, address: null,
        }]);
      }
      await owner.exec(`BEGIN; ALTER TABLE audit.access_log DISABLE TRIGGER USER;
        DELETE FROM audit.access_log WHERE seq <> 315; UPDATE audit.access_log SET seq = 1;
        UPDATE audit.access_log l SET prev_hash = '\\x${'00'.repeat(32)}'::bytea, row_hash = sha256('\\x${'00'.repeat(32)}'::bytea || audit.access_log_canonical(l));
        ALTER TABLE audit.access_log ENABLE TRIGGER USER; COMMIT;`);
    });
    await rm(checkpoints, { force: true });
    // The chain alone is consistent: exactly what fail-closed verification must not accept.
    const weak = await run(['--no-checkpoints', '--json']);
    expect(JSON.parse(weak.out)).toMatchObject({ ok: true, rows: 1 });
    const { code, err } = await run([]);
    expect(code).toBe(1);
    expect(err).toMatch(/^Access log BROKEN at row 1 \(unanchored\): the log has 1 rows but there is no checkpoint/);
    const json = await run(['--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, problem: { kind: 'unanchored' } });
  });
});
