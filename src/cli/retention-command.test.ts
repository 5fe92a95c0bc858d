/**
 * `dossierwijzer retention` end to end on the configured database (a PGlite
 * data folder, or a scratch database on the server when DATABASE_URL is set),
 * including the crash tests of issue 7 for both halves of the work: `sweep`
 * (builds the review list, purges the short-term records) and
 * `destroy-confirmed` (destroys what the privacy officer confirmed) each run as
 * a child process, are killed with SIGKILL after they printed progress, and are
 * run again. Afterwards every due dossier is on the list exactly once, the
 * purge is complete, every confirmed dossier is destroyed with exactly one
 * destruction record, and at no moment was a dossier half destroyed
 * (Jeugdwet 7.3.9; 003 §3.3: destruction leaves a record that it happened).
 *
 * The child runs the TypeScript command through Vite's module runner (the
 * same `retentionCommand` that `bin/dossierwijzer.js retention` runs from the
 * build), so the test needs no `npm run build`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import type { Database } from '../db/database.js';
import { openMigratedPglite, pgliteDir } from '../db/open-database.js';
import { SYSTEM_SCOPE, withDefaultScope } from '../db/organisation-scope.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createScratchDatabase, type ScratchDatabase } from '../db/scratch-database.js';

const DOSSIERS = 400;
const ENTRIES_EACH = 3;
const dataDir = mkdtempSync(path.join(tmpdir(), 'dw-retention-cli-'));
const serverUrl = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
const COMMAND = path.resolve(import.meta.dirname, 'retention-command.ts');
let scratch: ScratchDatabase | undefined;
let env: NodeJS.ProcessEnv;

/** The database as its owner: the PGlite folder opened directly, or the scratch database's URL. */
async function asOwner<T>(work: (owner: Database) => Promise<T>): Promise<T> {
  const owner = scratch?.url === undefined ? await openPglite(pgliteDir({ dataDir })) : openPostgres(scratch.url, { maxConnections: 1 });
  try {
    return await work(owner);
  } finally {
    await owner.close();
  }
}

const n = async (db: Database, sql: string): Promise<number> => Number((await db.query<{ n: string | number }>(sql))[0]!.n);

/** Per dossier: destruction records, entries, key, review status — each must be all-or-nothing. */
async function states(db: Database): Promise<Map<string, number>> {
  const rows = await db.query<{ state: string; n: string | number }>(
    `SELECT concat_ws('/', (SELECT count(*) FROM org.destruction_records x WHERE x.client_id = c.id),
                          (SELECT count(*) FROM care.entries e WHERE e.client_id = c.id),
                          (SELECT count(*) FROM care.client_keys k WHERE k.client_id = c.id),
                          (SELECT count(*) FROM audit.access_log l WHERE l.client_id = c.id AND l.action = 'destroy'),
                          r.status) AS state, count(*) AS n
       FROM formal.clients c JOIN org.retention_reviews r ON r.client_id = c.id GROUP BY 1`);
  return new Map(rows.map((r) => [r.state, Number(r.n)]));
}

/** Per short-term register: how many rows are left (expired ones seeded in beforeAll must go, fresh ones stay). */
async function shortTerm(db: Database): Promise<Record<string, number>> {
  return {
    expiredComplaints: await n(db, `SELECT count(*) AS n FROM org.complaints WHERE keep_until < now()::date`),
    expiredIncidents: await n(db, `SELECT count(*) AS n FROM org.incidents WHERE occurred_on < '2010-01-01'`),
    freshIncidents: await n(db, `SELECT count(*) AS n FROM org.incidents WHERE occurred_on >= '2010-01-01'`),
    expiredProspective: await n(db, `SELECT count(*) AS n FROM org.prospective_clients WHERE keep_until < now()::date`),
    freshProspective: await n(db, `SELECT count(*) AS n FROM org.prospective_clients WHERE keep_until >= now()::date`),
    expiredNotes: await n(db, `SELECT count(*) AS n FROM care.work_notes WHERE expires_at <= now()`),
  };
}

function runChild(
  args: string[], killAfterProgress: boolean | RegExp, extraEnv: NodeJS.ProcessEnv = {},
): Promise<{ out: string; signal: NodeJS.Signals | null; code: number | null }> {
  const progress = killAfterProgress instanceof RegExp ? killAfterProgress : /progress \d+\/\d+/;
  const script = `const { runnerImport } = await import('vite');
const { module } = await runnerImport(${JSON.stringify(COMMAND)});
process.exitCode = await module.retentionCommand(${JSON.stringify(args)});`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...env, ...extraEnv }, cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killing = false;
    const watch = (): void => {
      if (killAfterProgress === false || killing || !progress.test(out + err)) return;
      killing = true;
      if (killAfterProgress instanceof RegExp) {
        // The sweep pauses after each committed batch (DW_TEST_PAUSE_AFTER_BATCH): the kill lands
        // after the first batch and before the rest, and before the purge.
        child.kill('SIGKILL');
      } else {
        // After some progress, at a random moment: most likely in the middle of a dossier's transaction.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 30));
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      watch();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      watch();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code !== null && code !== 0) process.stderr.write(`child failed: ${err}\n`);
      resolve({ out, signal, code });
    });
  });
}

beforeAll(async () => {
  let db: Database;
  if (serverUrl === undefined) {
    // Fixtures across organisations, as a scratch database's handle does (row-level security, 0056).
    db = withDefaultScope((await openMigratedPglite(pgliteDir({ dataDir }))).db, SYSTEM_SCOPE);
  } else {
    scratch = await createScratchDatabase(serverUrl, 'dw_test');
    db = scratch.db;
  }
  // DOSSIERS dossiers last changed in 2001 (long due), and one changed this year (not due).
  const [org] = await db.query<{ id: string }>(`INSERT INTO org.organisations (name) VALUES ('Bewaartermijn BV') RETURNING id`);
  const [emp] = await db.query<{ id: string }>(
    `INSERT INTO org.employees (organisation_id, username, display_name, function_title, role) VALUES ($1, 'po.retention', 'Privacy Functionaris', 'FG', 'privacy-officer') RETURNING id`, [org!.id]);
  await db.query(
    `INSERT INTO formal.clients (organisation_id, family_name, given_names, birth_date, gender, street_address, postcode, town, created_by, created_at)
     SELECT $1, 'Client' || i, 'Test', '1990-01-01', 'unknown', 'Straat 1', '1000 AA', 'Amsterdam', $2, CASE WHEN i <= $3 THEN timestamptz '2000-01-01T10:00:00Z' ELSE now() END
       FROM generate_series(1, $3 + 1) AS i`, [org!.id, emp!.id, DOSSIERS]);
  await db.query(`INSERT INTO care.client_keys (client_id, wrapped_key) SELECT id, '\\x00' FROM formal.clients`);
  await db.query(`INSERT INTO care.dossiers (client_id, holder_id, care_started_on, created_at) SELECT id, $1, '2000-01-01', created_at FROM formal.clients`, [emp!.id]);
  await db.query(
    `INSERT INTO care.entries (client_id, kind, author_id, recorded_at, source_kind, ciphertext)
     SELECT c.id, 'plan', $1, CASE WHEN c.created_at < '2001-01-01' THEN timestamptz '2001-01-01T10:00:00Z' ELSE now() END, 'client', '\\x00'
       FROM formal.clients c, generate_series(1, $2)`, [emp!.id, ENTRIES_EACH]);
  // Records beside the dossier, expired long ago (the sweep's purge must delete each once) and fresh (must stay).
  const anyClient = `(SELECT id FROM formal.clients ORDER BY id DESC LIMIT 1)`;
  await db.query(
    `INSERT INTO org.complaints (organisation_id, received_on, content, closed_on, outcome, keep_until, recorded_by, recorded_at)
     SELECT $1, '2019-01-01', '\\x00', '2019-02-01', 'unfounded', date '2021-02-01' + i, $2, now() FROM generate_series(1, 3) AS i`, [org!.id, emp!.id]);
  await db.query(
    `INSERT INTO org.incidents (organisation_id, kind, occurred_on, content, inspectorate_report_required, reported_to_inspectorate_on, recorded_by, recorded_at)
     VALUES ($1, 'incident', '2005-03-01', '\\x00', false, NULL, $2, now()), ($1, 'calamity', '2006-03-01', '\\x00', true, '2006-03-02', $2, now()),
            ($1, 'incident', current_date, '\\x00', false, NULL, $2, now())`, [org!.id, emp!.id]);
  await db.query(
    `INSERT INTO org.prospective_clients (organisation_id, registered_on, content, keep_until, recorded_by, recorded_at)
     VALUES ($1, '2020-01-01', '\\x00', '2020-07-01', $2, now()), ($1, '2020-02-01', '\\x00', '2020-08-01', $2, now()),
            ($1, current_date, '\\x00', current_date + 183, $2, now())`, [org!.id, emp!.id]);
  await db.query(
    `INSERT INTO care.work_notes (client_id, author_id, created_at, expires_at, ciphertext) VALUES (${anyClient}, $1, '2020-01-01', '2020-01-31', '\\x00')`, [emp!.id]);
  if (scratch === undefined) await db.close();
  env = { ...process.env, DW_DATA_DIR: dataDir, DATABASE_URL: scratch?.url ?? '', DW_DEMO: 'false' };
  vi.stubEnv('DW_DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', scratch?.url ?? '');
}, 120_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  await scratch?.drop();
});

describe('dossierwijzer retention', () => {
  it('sweep --dry-run lists the due dossiers with progress and changes nothing', async () => {
    const { code, out, err } = await runCli(['retention', 'sweep', '--dry-run']);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^${DOSSIERS} of ${DOSSIERS + 1} dossiers due for destruction review \\(dry run: nothing changed\\)`, 'm'));
    expect(out).toMatch(/last change 2001-01-01 {2}kept until 2021-01-01/);
    expect(err).toMatch(/scanned \d+ dossiers, \d+ due/);
    expect(await asOwner((db) => n(db, 'SELECT count(*) AS n FROM org.retention_reviews'))).toBe(0);
  }, 120_000); // child processes; slow on a loaded machine, never a timing assertion

  it('sweep killed with SIGKILL mid-run and run again: each due dossier listed once, pending; the purge complete', async () => {
    const before = await asOwner(shortTerm);
    expect(before).toEqual({ expiredComplaints: 3, expiredIncidents: 2, freshIncidents: 1, expiredProspective: 2, freshProspective: 1, expiredNotes: 1 });
    // Batches of 50 with a pause after each: killed right after the first batch's progress line.
    const killed = await runChild(['sweep'], /scanned \d+ dossiers/, { DW_RETENTION_SWEEP_BATCH: '50', DW_TEST_PAUSE_AFTER_BATCH: '20000' });
    expect(killed.signal).toBe('SIGKILL');
    const partial = await asOwner((db) => n(db, 'SELECT count(*) AS n FROM org.retention_reviews'));
    // The first batch was committed (49 or 50 due: the recent dossier may be in it), the rest not yet.
    expect(partial).toBeGreaterThanOrEqual(49);
    expect(partial).toBeLessThanOrEqual(50);
    // The purge runs after the sweep: nothing of it happened yet, nothing half.
    expect(await asOwner(shortTerm)).toEqual(before);

    const rerun = await runChild(['sweep'], false, { DW_RETENTION_SWEEP_BATCH: '50' });
    expect(rerun.code).toBe(0);
    expect(rerun.out).toContain(`${DOSSIERS} on the review list`);
    expect(rerun.out).toContain('Destroyed after their own period: 1 personal work notes, 0 unfinished drafts, 3 complaints, 2 incidents, 2 prospective clients.');
    await asOwner(async (db) => {
      expect(await n(db, `SELECT count(*) AS n FROM org.retention_reviews`)).toBe(DOSSIERS);
      expect(await n(db, `SELECT count(DISTINCT client_id) AS n FROM org.retention_reviews WHERE status = 'pending'`)).toBe(DOSSIERS);
      // Exactly the due ones: every dossier last changed in 2001, not the one changed this year.
      expect(await n(db, `SELECT count(*) AS n FROM org.retention_reviews r JOIN formal.clients c ON c.id = r.client_id WHERE c.created_at > '2001-01-01'`)).toBe(0);
      expect(await n(db, 'SELECT count(*) AS n FROM org.destruction_records')).toBe(0);
      expect(await shortTerm(db)).toEqual({
        expiredComplaints: 0, expiredIncidents: 0, freshIncidents: 1, expiredProspective: 0, freshProspective: 1, expiredNotes: 0,
      });
    });
    // A third run finds nothing more to purge and lists the same dossiers again, once each.
    const again = await runChild(['sweep'], false);
    expect(again.out).toContain('Destroyed after their own period: 0 personal work notes, 0 unfinished drafts, 0 complaints, 0 incidents, 0 prospective clients.');
    expect(await asOwner((db) => n(db, `SELECT count(*) AS n FROM org.retention_reviews WHERE status = 'pending'`))).toBe(DOSSIERS);
  }, 120_000); // child processes; slow on a loaded machine, never a timing assertion

  it('sweep puts them on the review list; nothing is destroyed without confirmation', async () => {
    const { code, out } = await runCli(['retention', 'sweep']);
    expect(code).toBe(0);
    expect(out).toContain(`${DOSSIERS} on the review list`);
    const nothing = await runCli(['retention', 'destroy-confirmed']);
    expect(nothing.out).toContain('Destroyed 0 confirmed dossiers');
    expect(await asOwner((db) => n(db, 'SELECT count(*) AS n FROM org.destruction_records'))).toBe(0);
  }, 120_000); // child processes; slow on a loaded machine, never a timing assertion

  it('destroy-confirmed killed with SIGKILL mid-run and run again: each dossier destroyed and recorded exactly once', async () => {
    await asOwner((db) => db.query(
      `UPDATE org.retention_reviews SET status = 'confirmed', decided_by = (SELECT id FROM org.employees WHERE username = 'po.retention'), decided_at = now()`));
    const killed = await runChild(['destroy-confirmed'], true);
    expect(killed.signal).toBe('SIGKILL');
    const after = await asOwner(states);
    const done = `1/0/0/1/destroyed`;
    const untouched = `0/${ENTRIES_EACH}/1/0/confirmed`;
    // Nothing half destroyed: every dossier is in one of the two whole states.
    expect([...after.keys()].filter((s) => s !== done && s !== untouched)).toEqual([]);
    expect(after.get(done) ?? 0).toBeGreaterThan(0);
    expect(after.get(done) ?? 0).toBeLessThan(DOSSIERS);

    const rerun = await runChild(['destroy-confirmed'], false);
    expect(rerun.code).toBe(0);
    expect(rerun.out).toContain(`Destroyed ${DOSSIERS - (after.get(done) ?? 0)} confirmed dossiers (0 skipped)`);
    expect(await asOwner(states)).toEqual(new Map([[done, DOSSIERS]]));
    await asOwner(async (db) => {
      expect(await n(db, `SELECT count(*) AS n FROM org.destruction_records WHERE reason = 'retention-expired'`)).toBe(DOSSIERS);
      // The dossier changed this year is untouched.
      expect(await n(db, 'SELECT count(*) AS n FROM care.entries')).toBe(ENTRIES_EACH);
    });
  }, 120_000); // child processes; slow on a loaded machine, never a timing assertion

  it('rejects unknown subcommands and options with exit 2', async () => {
    expect((await runCli(['retention', 'shred'])).code).toBe(2);
    expect((await runCli(['retention', 'destroy-confirmed', '--dry-run'])).code).toBe(2);
  });
});
