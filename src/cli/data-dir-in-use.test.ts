/**
 * A command beside a running PGlite server (issue 17): `dossierwijzer backup`, `restore`, `verify-log`,
 * `rotate-master-key`, `migrate`, `retention`, `restored` and a second `start` each opened a second handle on the
 * live data folder (PGlite has no postmaster to keep them out). Now each is refused with one line naming the server's
 * process — a backup is pointed at the online backup (SIGUSR2 / DW_BACKUP_DIR) — exit 1, and the folder is untouched.
 * Once the server stopped, or after it was killed with SIGKILL (its lock file left behind), the commands work.
 *
 * The server is a real `dossierwijzer start` in a child process (the source through Vite's runner, as
 * rotate-master-key-command.test.ts runs its command); the commands run in this process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dataDirLockFile } from '../db/data-dir-lock.js';
import { pgliteDir } from '../db/open-database.js';
import { unusedPort } from '../test-support/network.js';
import { runCli } from '../test-support/run-cli.js';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

// The command itself, not main.ts: Vite's runner is closed once imported, and main.ts loads its commands lazily.
const START = path.resolve(import.meta.dirname, 'start-command.ts');
const dataDir = mkdtempSync(path.join(tmpdir(), 'dw-in-use-'));
const backupDir = path.join(dataDir, 'backups');
const keyFile = path.join(dataDir, 'master.key');
const env: NodeJS.ProcessEnv = {
  DW_DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_MIGRATION_URL: '', DW_DEMO: 'false', DW_MASTER_KEY: '', DW_MASTER_KEY_FILE: keyFile,
  DW_LOG_CHECKPOINT_FILE: path.join(dataDir, 'access-log.checkpoints'), DW_BACKUP_DIR: backupDir, DW_BACKUP_HOURS: '0', LOG_LEVEL: 'info',
};

interface Server {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `dossierwijzer start` in a child process; resolves once it serves. */
async function startServer(): Promise<Server> {
  const port = await unusedPort();
  const script = `const { runnerImport } = await import('vite');
const { module } = await runnerImport(${JSON.stringify(START)});
process.exitCode = await module.startCommand([]);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, cwd: path.resolve(import.meta.dirname, '../..'), stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await vi.waitFor(() => {
    if (child.exitCode !== null) throw new Error(`the server stopped: ${output}`);
    expect(output).toContain('Dossierwijzer is running at');
  }, { timeout: 180_000, interval: 200 });
  return { child, output: () => output, exited };
}

async function backups(): Promise<string[]> {
  return existsSync(backupDir) ? (await readdir(backupDir)).filter((n) => n.endsWith('.backup')).sort() : [];
}

beforeAll(() => {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe('commands beside a running PGlite server', () => {
  let server: Server | undefined;
  afterAll(() => {
    server?.child.kill('SIGKILL');
  });

  it('each is refused with one line naming the server, exit 1; the backup is pointed at SIGUSR2, which works', async () => {
    server = await startServer();
    const pid = server.child.pid!;
    expect(existsSync(dataDirLockFile(pgliteDir({ dataDir })))).toBe(true);
    const before = (await stat(path.join(pgliteDir({ dataDir }), 'PG_VERSION'))).mtimeMs;

    const file = path.join(dataDir, 'beside.backup');
    const backup = await runCli(['backup', file]);
    expect(backup.code).toBe(1);
    expect(backup.out).toBe('');
    expect(backup.err.trimEnd().split('\n')).toHaveLength(1);
    expect(backup.err).toMatch(new RegExp(`^Refusing to run backup: the embedded database .* is in use by process ${pid} \\(.*, since .*\\); `
      + `a second process on a live PGlite folder would damage it\\. Let the running server take it instead — with DW_BACKUP_DIR set, \`kill -USR2 ${pid}\``));
    expect(backup.err).toContain('or stop the server first');
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial`)).toBe(false);

    // What the refusal says to do instead: the running server writes one.
    process.kill(pid, 'SIGUSR2');
    await vi.waitFor(async () => expect(await backups()).toHaveLength(1), { timeout: 120_000, interval: 250 });
    const online = path.join(backupDir, (await backups())[0]!);

    for (const args of [['verify-log'], ['restore', online], ['restored'], ['migrate'], ['retention', 'sweep'],
      ['rotate-master-key', '--new-key-file', path.join(dataDir, 'new.key')]]) {
      const result = await runCli(args);
      expect(result.code, `${args.join(' ')}: ${result.err}`).toBe(1);
      expect(result.err.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.err).toMatch(new RegExp(`^Refusing to run ${args[0]}: .* in use by process ${pid} .*Stop the server first \\(\`kill ${pid}\`\\), then run ${args[0]} again\\.$`, 'm'));
    }
    const second = await runCli(['start']);
    expect(second.code).toBe(1);
    expect(second.err).toMatch(new RegExp(`^Refusing to start: .* in use by process ${pid} .*Only one server can run on an embedded database`));

    // Nothing was moved aside or opened: the folder is the server's, and it still serves.
    expect((await readdir(dataDir)).filter((n) => n.includes('before-restore'))).toEqual([]);
    expect((await stat(path.join(pgliteDir({ dataDir }), 'PG_VERSION'))).mtimeMs).toBe(before);
    const url = /Dossierwijzer is running at (\S+)/.exec(server.output())![1]!;
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    server = undefined;
    expect(existsSync(dataDirLockFile(pgliteDir({ dataDir })))).toBe(false);
    const after = await runCli(['backup', file]);
    expect(after.code, after.err).toBe(0);
    const verify = await runCli(['verify-log']);
    expect(verify.code, verify.err).toBe(0);
  });

  it('after the server was killed with SIGKILL its lock is stale: the command says so, takes it over and works', async () => {
    server = await startServer();
    const pid = server.child.pid!;
    server.child.kill('SIGKILL');
    expect((await server.exited).signal).toBe('SIGKILL');
    server = undefined;
    expect(existsSync(dataDirLockFile(pgliteDir({ dataDir })))).toBe(true); // left behind
    const file = path.join(dataDir, 'after-kill.backup');
    const backup = await runCli(['backup', file]);
    expect(backup.code, backup.err).toBe(0);
    expect(backup.err).toMatch(new RegExp(`^Note: the lock on .* of process ${pid} \\(.*\\) was left behind \\(process ${pid} is gone\\); taken over\\.$`, 'm'));
    expect(existsSync(file)).toBe(true);
    expect(existsSync(dataDirLockFile(pgliteDir({ dataDir })))).toBe(false);
    const verify = await runCli(['verify-log']);
    expect(verify.code, verify.err).toBe(0);
  });
});
