/**
 * Who may read our files (issue 13 part 7): the data directory is created
 * 0700 and PGlite's files are owner-only; start-up refuses a data directory
 * or master key file that others can read, saying how to fix it. Reproduces
 * the defect: PGlite unpacked its initial database 0666 (WAL included) under
 * a 0755 folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { chmod, mkdir, readdir, lstat, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/config.js';
import { loadMasterKey } from '../crypto/master-key.js';
import { runCli } from '../test-support/run-cli.js';
import { openDatabase, pgliteDir } from './open-database.js';
import { asSystem } from './organisation-scope.js';

const root = mkdtempSync(path.join(tmpdir(), 'dw-permissions-'));
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

/** Every file and folder under `dir` that the group or others have any access to. */
async function notPrivate(dir: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (target: string): Promise<void> => {
    const info = await lstat(target);
    if (info.isSymbolicLink()) return;
    if ((info.mode & 0o077) !== 0) found.push(`${(info.mode & 0o777).toString(8)} ${path.relative(dir, target)}`);
    if (info.isDirectory()) for (const name of await readdir(target)) await visit(path.join(target, name));
  };
  await visit(dir);
  return found;
}

const mode = async (file: string): Promise<number> => (await stat(file)).mode & 0o777;

function configFor(dataDir: string) {
  return { ...loadConfig({ ...process.env, DW_DATA_DIR: dataDir, DATABASE_URL: '', DW_MASTER_KEY: '' }) };
}

describe.skipIf(process.platform === 'win32')('the data directory and PGlite\'s files', () => {
  it('are created owner-only: the data directory 0700, no PGlite file or folder (WAL included) open to others', async () => {
    const dataDir = path.join(root, 'fresh', 'data');
    const config = configFor(dataDir);
    const { db } = await openDatabase(config);
    try {
      // A write to make PGlite's files appear; across organisations, as the CLI writes (row-level security, 0056).
      await asSystem(() => db.query(`INSERT INTO org.organisations (name) VALUES ('Rechten BV')`));
      expect(await mode(dataDir)).toBe(0o700);
      expect(await mode(path.join(root, 'fresh'))).toBe(0o700);
      const wal = await readdir(path.join(pgliteDir(config), 'pg_wal'));
      expect(wal.some((name) => /^[0-9A-F]{24}$/.test(name))).toBe(true);
      expect(await notPrivate(dataDir)).toEqual([]);
    } finally {
      await db.close();
    }
    expect(await notPrivate(dataDir)).toEqual([]);
  }, 120_000);

  it('an existing PGlite folder with files open to all (as PGlite left them) is made owner-only at open', async () => {
    const dataDir = path.join(root, 'existing');
    const config = configFor(dataDir);
    await (await openDatabase(config)).db.close();
    const pglite = pgliteDir(config);
    // What earlier versions left behind: folders 0755, files 0666.
    await chmod(pglite, 0o755);
    await chmod(path.join(pglite, 'pg_wal'), 0o777);
    for (const name of await readdir(path.join(pglite, 'global'))) await chmod(path.join(pglite, 'global', name), 0o666);
    expect((await notPrivate(pglite)).length).toBeGreaterThan(10);
    const { db } = await openDatabase(config);
    await db.close();
    expect(await notPrivate(dataDir)).toEqual([]);
  }, 120_000);

  it('start-up refuses a data directory others can read, in Dutch and English, with the chmod that fixes it', async () => {
    const dataDir = path.join(root, 'open to all');
    await mkdir(dataDir, { mode: 0o755 });
    await chmod(dataDir, 0o755);
    await expect(openDatabase(configFor(dataDir)))
      .rejects.toThrow(/de datamap .* is toegankelijk voor anderen .*rechten 0755.*chmod -R go-rwx '.*open to all'.* the data directory .* can be accessed by others/);
    vi.stubEnv('DW_DATA_DIR', dataDir);
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('DW_MASTER_KEY', randomBytes(32).toString('base64'));
    vi.stubEnv('PORT', '0');
    const started = await runCli(['start']);
    expect(started.code).toBe(2);
    expect(started.err).toMatch(/^Configuration error: de datamap .*Fix: chmod -R go-rwx '.*open to all'\n$/);
    // Nothing was created inside it.
    expect(await readdir(dataDir)).toEqual([]);
    vi.unstubAllEnvs();
  }, 120_000);
});

describe.skipIf(process.platform === 'win32')('the master key file', () => {
  it('is created 0600 in a folder created 0700', async () => {
    const file = path.join(root, 'keys', 'master.key');
    const key = await loadMasterKey({ masterKey: undefined, masterKeyFile: file });
    expect(key).toHaveLength(32);
    expect(await mode(file)).toBe(0o600);
    expect(await mode(path.dirname(file))).toBe(0o700);
    expect((await loadMasterKey({ masterKey: undefined, masterKeyFile: file })).equals(key)).toBe(true);
  });

  it.each([0o644, 0o640, 0o604])('is refused at start-up when its mode is %o, with chmod 600 in the message', async (bits) => {
    const file = path.join(root, `readable-${bits.toString(8)}.key`);
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    await chmod(file, bits);
    await expect(loadMasterKey({ masterKey: undefined, masterKeyFile: file }))
      .rejects.toThrow(new RegExp(`hoofdsleutel .* is leesbaar voor anderen .*rechten 0${bits.toString(8)}.*chmod 600 ${file.replaceAll('.', '\\.')}.*the master key file`));
  });

  it('is refused by `dossierwijzer start` (the key is read where start-up reads it)', async () => {
    const dataDir = path.join(root, 'start-key');
    const file = path.join(root, 'start-readable.key');
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`);
    await chmod(file, 0o644);
    vi.stubEnv('DW_DATA_DIR', dataDir);
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('DW_MASTER_KEY', '');
    vi.stubEnv('DW_MASTER_KEY_FILE', file);
    vi.stubEnv('PORT', '0');
    const started = await runCli(['start']);
    vi.unstubAllEnvs();
    expect(started.code).toBe(2);
    expect(started.err).toMatch(/^Configuration error: het bestand met de hoofdsleutel .* \(rechten 0644\)\. Herstel: chmod 600 /);
  }, 120_000);
});
