/**
 * `dossierwijzer verify-log` end to end, in process, on the configured
 * database: a PGlite data folder, or a scratch database on the server when
 * DATABASE_URL is set. stdout and stderr are captured; exit codes 0/1/2.
 */
import { mkdtempSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { appendAccessLog } from '../access/access-log.js';
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
  it('verifies an intact log, warns that there are no checkpoints yet, and exits 0', async () => {
    const { code, out, err } = await run([]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Access log intact: 20 rows verified, 0 of 0 checkpoints matched; [\d,]+ rows\/s\.\n$/);
    expect(err).toMatch(/no checkpoints file at .*access-log\.checkpoints/);
  });

  it('--checkpoint appends the head to the default file (mode 0600) after verifying', async () => {
    const { code, out } = await run(['--checkpoint']);
    expect(code).toBe(0);
    expect(out).toContain(`Checkpoint written: row 20 to ${checkpoints}`);
    expect((await stat(checkpoints)).mode & 0o777).toBe(0o600);
    expect((await readFile(checkpoints, 'utf8')).trim().split('\n')).toHaveLength(1);
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
});
