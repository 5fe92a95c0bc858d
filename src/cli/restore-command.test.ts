/**
 * Backup and restore that do not look like tampering (issue 17 item 1), end to
 * end through the CLI on the configured database: a PGlite data folder, or
 * scratch databases on the server when DATABASE_URL is set.
 *
 * The findings, each a step below: after a restore `verify-log`
 * reported "truncated" and, once the server wrote past the old head, a rebuilt
 * chain for ever; the server started on the restored database without a word;
 * sessions ended after the backup point came back to life. Now: the server
 * refuses to start until the restore is recorded; `restored` / `restore` write
 * the marker, end every session and list the accounts to check; verify-log
 * reports the restore and the rows lost with it, and still finds tampering.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { appendFile, copyFile, readFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appendAccessLog } from '../access/access-log-store.js';
import { DatabaseBehindCheckpointsError } from '../access/log-checkpoints.js';
import { loadConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { openMigratedPglite, pgliteDir } from '../db/open-database.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createScratchDatabase, type ScratchDatabase } from '../db/scratch-database.js';
import { createApp } from '../http/app.js';
import { runCli } from '../test-support/run-cli.js';
import { runTool, withoutPassword, type BackupManifest } from './backup-command.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const dataDir = mkdtempSync(path.join(tmpdir(), 'dw-restore-'));
const checkpoints = path.join(dataDir, 'access-log.checkpoints');
const backupFile = path.join(dataDir, 'nightly.backup');
const serverUrl = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
let source: ScratchDatabase | undefined;
/** PostgreSQL: the databases restored into, dropped at the end. */
const created: string[] = [];
let currentUrl: string | undefined;
let manifest: BackupManifest;

function databaseUrl(name: string): string {
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const db = openPostgres(serverUrl!, { maxConnections: 1 });
  try {
    await db.exec(sql);
  } finally {
    await db.close();
  }
}

/** A fresh, empty database (PostgreSQL) to restore into; on PGlite the one data folder is used throughout. */
async function freshTarget(): Promise<void> {
  if (serverUrl === undefined) return;
  const name = `dw_restore_${Date.now().toString(36)}_${created.length}`;
  await admin(`CREATE DATABASE ${name}`);
  created.push(name);
  currentUrl = databaseUrl(name);
  vi.stubEnv('DATABASE_URL', currentUrl);
}

/** The configured database as its owner (as an operator or an attacker with the owner's rights). */
async function asOwner<T>(work: (owner: Database) => Promise<T>): Promise<T> {
  const owner = currentUrl === undefined ? await openPglite(pgliteDir({ dataDir })) : openPostgres(currentUrl, { maxConnections: 1 });
  try {
    return await work(owner);
  } finally {
    await owner.close();
  }
}

async function appendRows(db: Database, count: number, label: string): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await appendAccessLog(db, [{
      organisationId: '00000000-0000-4000-8000-00000000000c', employeeId: null, employeeRole: 'manager', clientId: null, action: 'read',
      part: 'dossier', outcome: 'denied', basis: 'none', purpose: `${label} ${i}`, route: '/api/clients/:clientId', sessionId: null, address: null,
    }]);
  }
}

async function openSessions(db: Database): Promise<number> {
  const [row] = await db.query<{ n: string }>('SELECT count(*) AS n FROM org.sessions WHERE ended_at IS NULL');
  return Number(row!.n);
}

/** Restores the backup by hand, as an operator who does not know the restore command would. */
async function restoreByHand(): Promise<void> {
  if (serverUrl === undefined) {
    await rename(pgliteDir({ dataDir }), `${pgliteDir({ dataDir })}.old-${Date.now()}`);
    const pg = new PGlite({ dataDir: pgliteDir({ dataDir }), loadDataDir: new Blob([await readFile(backupFile)]) });
    await pg.waitReady;
    await pg.close();
    return;
  }
  await freshTarget();
  const { url, password } = withoutPassword(currentUrl!);
  await runTool('pg_restore', ['--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${url}`, backupFile], password);
}

beforeAll(async () => {
  let db: Database;
  if (serverUrl === undefined) {
    db = (await openMigratedPglite(pgliteDir({ dataDir }))).db;
  } else {
    source = await createScratchDatabase(serverUrl, 'dw_test');
    db = source.db;
    currentUrl = source.url;
  }
  vi.stubEnv('DW_DATA_DIR', dataDir);
  vi.stubEnv('DATABASE_URL', currentUrl ?? '');
  vi.stubEnv('DW_DEMO', 'false');
  vi.stubEnv('PORT', '0');
  await appendRows(db, 20, 'voor de backup');
  if (serverUrl === undefined) await db.close();
  // An employee with an open session: the session must not outlive a restore.
  await asOwner(async (owner) => {
    const [org] = await owner.query<{ id: string }>(`INSERT INTO org.organisations (name) VALUES ('Jeugdhulp Test') RETURNING id`);
    const [employee] = await owner.query<{ id: string }>(
      `INSERT INTO org.employees (organisation_id, username, display_name, function_title, role)
       VALUES ($1, 'j.devries', 'J. de Vries', 'jeugdzorgwerker', 'care-professional') RETURNING id`, [org!.id]);
    await owner.query(`INSERT INTO org.sessions (token_hash, employee_id, expires_at) VALUES (sha256('s1'::bytea), $1, now() + interval '8 hours')`, [employee!.id]);
  });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await source?.drop();
  for (const name of created) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
});

describe('backup, write more, restore, start, write, verify-log (issue 17 item 1)', () => {
  it('backup writes the file and a manifest with its time, log head and checksum', async () => {
    expect((await runCli(['verify-log', '--no-checkpoints', '--checkpoint'])).code).toBe(0);
    const { code, out, err } = await runCli(['backup', backupFile]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Backup written: .*nightly\.backup \((pglite|postgres), [\d,]+ bytes, SHA-256 [0-9a-f]{64}\)/);
    manifest = JSON.parse(await readFile(`${backupFile}.manifest.json`, 'utf8')) as BackupManifest;
    expect(manifest).toMatchObject({ format: 'dossierwijzer-backup', kind: serverUrl === undefined ? 'pglite' : 'postgres', logHead: { seq: 20 } });
    expect(manifest.migrations).toContain('0060_log_restores.sql');
  });

  it('after the backup: the session ends, the account is disabled, 10 more rows, a checkpoint at row 30', async () => {
    await asOwner(async (owner) => {
      await owner.query('UPDATE org.sessions SET ended_at = now()');
      await owner.query(`UPDATE org.employees SET active = false WHERE username = 'j.devries'`);
      await appendRows(owner, 10, 'na de backup');
    });
    const { code, out } = await runCli(['verify-log', '--checkpoint']);
    expect(code).toBe(0);
    expect(out).toContain('Checkpoint written: row 30');
  });

  it('a database restored by hand is refused at start (not served without a word), and verify-log says it is behind', async () => {
    await restoreByHand();
    await expect(createApp(loadConfig())).rejects.toThrow(DatabaseBehindCheckpointsError);
    const start = await runCli(['start']);
    expect(start.code).toBe(1);
    expect(start.err).toMatch(/^Refusing to start: the database's access log ends at row 20, but the checkpoints file .* records row 30 .*`dossierwijzer restored`/);
    const verify = await runCli(['verify-log']);
    expect(verify.code).toBe(1);
    expect(verify.err).toMatch(/\(truncated\): the log ends at row 20, .* rows 21–30 were deleted \(or the database was restored from a backup without `dossierwijzer restore` \/ `restored`/);
  });

  it('`restored` records the marker, ends the session that came back to life and names the account to check', async () => {
    expect(await asOwner(openSessions)).toBe(1); // ended after the backup point: alive again in the restored database
    const { code, out, err } = await runCli(['restored', '--backup-time', manifest.takenAt, '--by', 'beheerder A']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(`Restore recorded: the database is at the backup of ${manifest.takenAt}; access log up to row 20.`);
    expect(out).toMatch(/ended: 1 session\(s\)/);
    expect(out).toMatch(/Account changes made after .* are lost and must be re-applied[\s\S]*j\.devries\s+care-professional/);
    expect(await asOwner(openSessions)).toBe(0);
    const again = await runCli(['restored']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already recorded/);
  });

  it('the server starts on the recorded restore, writes, and verify-log explains the restore instead of "truncated"', async () => {
    const app = await createApp(loadConfig());
    await appendRows(app.deps.db, 5, 'na het terugzetten');
    await app.close(); // writes a checkpoint at row 25 of the new history
    const lines = (await readFile(checkpoints, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { seq: number; restore?: unknown });
    // The file continues from the restored head: the restore line at row 20, then the new history's checkpoints.
    // Signed (migration 0070): the same signature as the database's marker, under the configured master key.
    const [stored] = await asOwner((owner) => owner.query<{ signature: string; signed_with: string }>('SELECT signature, signed_with FROM audit.log_restores'));
    expect(stored!.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(lines.find((l) => l.restore !== undefined)).toMatchObject({
      seq: 20, restore: { backupTakenAt: manifest.takenAt, by: 'beheerder A', signature: stored!.signature, signedWith: stored!.signed_with },
    });
    expect(lines.at(-1)).toMatchObject({ seq: 25 });
    const { code, out, err } = await runCli(['verify-log']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^Access log intact: 25 rows verified, 4 of 5 checkpoints matched/);
    expect(out).toContain(`Restored on `);
    expect(out).toMatch(new RegExp(`to the backup of ${manifest.takenAt} \\(log row 20\\) by beheerder A, from restored by hand \\[signature valid\\]; rows 21–30 \\(at least\\) written before the restore were lost with it`));
    const json = JSON.parse((await runCli(['verify-log', '--json'])).out) as { ok: boolean; restores: unknown[] };
    expect(json).toMatchObject({ ok: true, restores: [{ headSeq: 20, lostUpToSeq: 30, lostCheckpoints: 1, inCheckpointsFile: true, signature: 'valid' }] });
    // A signed marker passes --require-signed as well.
    expect((await runCli(['verify-log', '--require-signed'])).code).toBe(0);
  });

  it('`restore FILE` restores into an empty database (PostgreSQL) or beside the old folder (PGlite), records itself, and the server starts', async () => {
    await freshTarget();
    const { code, out, err } = await runCli(['restore', backupFile, '--by', 'beheerder B']);
    expect(err.replace(/^Warning: restoring as a superuser.*\n/m, '')).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(`Restore recorded: the database is at the backup of ${manifest.takenAt}; access log up to row 20.`);
    // The first restore's line stays in the file; this database (from the same backup) has no record of it: a plain checkpoint.
    const app = await createApp(loadConfig());
    await appendRows(app.deps.db, 3, 'na de tweede keer');
    await app.close();
    const verify = await runCli(['verify-log']);
    expect(verify.err).toBe('');
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/^Access log intact: 23 rows verified/);
    // Lost with this restore: the second history's rows 21–25, and (as far as this database knows) the first one's up to 30.
    expect(verify.out).toMatch(
      /by beheerder B, from nightly\.backup \[signature valid\]; rows 21–30 \(at least\) written before the restore were lost with it \(2 earlier/);
  });

  it('a restore line without its marker in the database explains nothing: rows deleted behind it are still found', async () => {
    const forged = path.join(dataDir, 'forged.checkpoints');
    await copyFile(checkpoints, forged);
    const head = await asOwner(async (owner) => {
      const [row] = await owner.query<{ row_hash: Buffer }>('SELECT row_hash FROM audit.access_log WHERE seq = 21');
      await owner.exec(`BEGIN; ALTER TABLE audit.access_log DISABLE TRIGGER USER;
        DELETE FROM audit.access_log WHERE seq > 21; ALTER TABLE audit.access_log ENABLE TRIGGER USER; COMMIT;`);
      return row;
    });
    expect(head).toBeDefined();
    await appendFile(forged, `${JSON.stringify({ seq: 21, rowHash: head!.row_hash.toString('hex'), at: new Date().toISOString(),
      restore: { id: '5d1f3c52-0000-4000-8000-000000000001', backupTakenAt: manifest.takenAt, by: 'niemand' } })}\n`);
    const { code, err } = await runCli(['verify-log', '--checkpoints', forged]);
    expect(code).toBe(1);
    expect(err).toMatch(/\((truncated|checkpoint)\)/);
    expect(err).toMatch(/records a restore on .* that the database has no record of: it explains no loss/);
  });

  describe('a restore staged by someone who can write the database and the checkpoints file, but has no master key', () => {
    /** Stages a restore at the log's head (rows after it were deleted above): a marker in the database and its line in a copy of the file. */
    async function stage(signature: { signature: string; signedWith: string } | null): Promise<{ id: string; file: string }> {
      const file = path.join(dataDir, `staged-${Date.now()}.checkpoints`);
      await copyFile(checkpoints, file);
      const id = randomUUID();
      const at = new Date().toISOString();
      const head = await asOwner(async (owner) => {
        const [row] = await owner.query<{ seq: string; row_hash: Buffer }>('SELECT seq, row_hash FROM audit.access_log ORDER BY seq DESC LIMIT 1');
        await owner.query(
          `INSERT INTO audit.log_restores (id, head_seq, head_hash, backup_taken_at, restored_at, restored_by, source, signature, signed_with)
           VALUES ($1, $2, $3, $4, $5, 'beheerder C', 'nightly.backup', $6, $7)`,
          [id, row!.seq, row!.row_hash.toString('hex'), manifest.takenAt, at, signature?.signature ?? null, signature?.signedWith ?? null]);
        return { seq: Number(row!.seq), rowHash: row!.row_hash.toString('hex') };
      });
      await appendFile(file, `${JSON.stringify({ ...head, at, restore: { id, backupTakenAt: manifest.takenAt, by: 'beheerder C', ...signature } })}\n`);
      return { id, file };
    }

    /** Removes a staged marker (the table is append-only: as the owner, around its triggers). */
    async function unstage(id: string): Promise<void> {
      await asOwner((owner) => owner.exec(`BEGIN; ALTER TABLE audit.log_restores DISABLE TRIGGER USER;
        DELETE FROM audit.log_restores WHERE id = '${id}'; ALTER TABLE audit.log_restores ENABLE TRIGGER USER; COMMIT;`));
    }

    it('a marker with a made-up signature fails verify-log, though the database and the file agree on it', async () => {
      // Rows after row 21 were deleted above; the real file pins row 23. The staged restore at row 21 would explain that away.
      const [real] = await asOwner((owner) => owner.query<{ signed_with: string }>('SELECT signed_with FROM audit.log_restores WHERE signed_with IS NOT NULL'));
      const { id, file } = await stage({ signature: 'ab'.repeat(32), signedWith: real!.signed_with });
      try {
        const { code, err } = await runCli(['verify-log', '--checkpoints', file]);
        expect(code).toBe(1);
        expect(err).toMatch(/by beheerder C, from nightly\.backup \[signature INVALID\]/);
        expect(err).toMatch(
          /Access log BROKEN at row 21 \(restore\): the restore marker of .* \(row 21, by beheerder C\) does not carry a valid signature under the configured master key/);
      } finally {
        await unstage(id);
      }
    });

    it('a marker signed under an unknown master key fails as well', async () => {
      const { id, file } = await stage({ signature: 'ab'.repeat(32), signedWith: '0123456789abcdef' });
      try {
        const { code, err } = await runCli(['verify-log', '--checkpoints', file]);
        expect(code).toBe(1);
        expect(err).toMatch(/\(restore\): .*\(signed under master key 0123456789abcdef, which is not the configured key [0-9a-f]{16} nor one a finished rotation retired/);
      } finally {
        await unstage(id);
      }
    });

    it('an unsigned marker (as written before migration 0070) is accepted and reported as unsigned', async () => {
      const { id, file } = await stage(null);
      try {
        const { code, out } = await runCli(['verify-log', '--checkpoints', file]);
        expect(code).toBe(0);
        expect(out).toMatch(/by beheerder C, from nightly\.backup \[unsigned \(recorded before restore markers were signed; not checked\)\]; rows 22–23/u);
        expect(out).toMatch(/by beheerder B, from nightly\.backup \[signature valid\]/);
      } finally {
        await unstage(id);
      }
    });

    it('--require-signed fails on the unsigned marker that is otherwise accepted, and needs the master key', async () => {
      const { id, file } = await stage(null);
      try {
        const { code, err } = await runCli(['verify-log', '--checkpoints', file, '--require-signed']);
        expect(code).toBe(1);
        expect(err).toMatch(/Access log BROKEN at row 21 \(restore\): the restore marker of .* \(row 21, by beheerder C\) carries no signature/);
        expect(err).toMatch(/--require-signed accepts none/);
        vi.stubEnv('DW_MASTER_KEY_FILE', path.join(dataDir, 'absent.key'));
        const withoutKey = await runCli(['verify-log', '--checkpoints', file, '--require-signed']);
        expect(withoutKey.code).toBe(2);
        expect(withoutKey.err).toMatch(/--require-signed checks every restore marker's signature and needs the master key/);
      } finally {
        vi.stubEnv('DW_MASTER_KEY_FILE', path.join(dataDir, 'master.key'));
        await unstage(id);
      }
    });

    it('without the master key verify-log says the signatures were not checked', async () => {
      const { id, file } = await stage({ signature: 'ab'.repeat(32), signedWith: '0123456789abcdef' });
      vi.stubEnv('DW_MASTER_KEY_FILE', path.join(dataDir, 'absent.key'));
      try {
        const { code, out, err } = await runCli(['verify-log', '--checkpoints', file]);
        expect(code).toBe(0);
        expect(out).toMatch(/by beheerder C, from nightly\.backup \[signature not checked \(no master key configured here\)\]/);
        expect(err).toMatch(/^Warning: the restore markers' signatures were not checked: no master key is configured here/);
      } finally {
        vi.stubEnv('DW_MASTER_KEY_FILE', path.join(dataDir, 'master.key'));
        await unstage(id);
      }
    });
  });

  it('tampering before the restored head is still found', async () => {
    await asOwner((owner) => owner.exec(`BEGIN; ALTER TABLE audit.access_log DISABLE TRIGGER USER;
      UPDATE audit.access_log SET purpose = 'anders' WHERE seq = 7; ALTER TABLE audit.access_log ENABLE TRIGGER USER; COMMIT;`));
    const { code, err } = await runCli(['verify-log']);
    expect(code).toBe(1);
    expect(err).toMatch(/^Restored on [\s\S]*Access log BROKEN at row 7 \(hash\)/);
  });
});
