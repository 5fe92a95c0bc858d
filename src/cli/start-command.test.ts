/**
 * `dossierwijzer start` refuses to run in production on a database that does
 * not make commits durable (issue 8 §2): PGlite does not fsync, so it is the
 * case we can produce in every run; on PostgreSQL (DATABASE_URL set) a scratch
 * database with `synchronous_commit = off` is refused in production and only
 * warned about outside it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkDurability } from '../db/durability-check.js';
import { migrate } from '../db/migrate.js';
import { openPglite } from '../db/pglite-database.js';
import { openPostgres } from '../db/postgres-database.js';
import { createScratchDatabase, type ScratchDatabase } from '../db/scratch-database.js';
import { runCli } from '../test-support/run-cli.js';
import { unusedPort } from '../test-support/network.js';
import { loadConfig } from '../config/config.js';
import { listenProblem, startConfig } from './start-command.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'dw-start-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe('start', () => {
  it('refuses to run in production when commits are not durable (PGlite: fsync off)', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('DW_DATA_DIR', dataDir);
    vi.stubEnv('DW_MASTER_KEY', randomBytes(32).toString('base64'));
    vi.stubEnv('PORT', '0');
    const result = await runCli(['start']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Refusing to start in production');
    expect(result.err).toContain('fsync=off');
  }, 90_000);
});

describe('the durability check', () => {
  it('reads fsync and synchronous_commit from the database itself', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'dw_durability');
    try {
      const durability = await checkDurability(scratch.db);
      if (scratch.url === undefined) {
        expect(durability).toMatchObject({ fsync: 'off', durable: false });
      } else {
        // The CI server runs with the safe defaults.
        expect(durability).toMatchObject({ fsync: 'on', synchronousCommit: 'on', durable: true });
      }
    } finally {
      await scratch.drop();
    }
  });
});

describe.runIf(process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '')('start on PostgreSQL with synchronous_commit off', () => {
  let scratch: ScratchDatabase;
  beforeEach(async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL, 'dw_start_async');
    // A database-level setting: every new connection to it, the app's included, starts with it.
    const name = new URL(scratch.url!).pathname.slice(1);
    const admin = openPostgres(process.env.DATABASE_URL!, { maxConnections: 1 });
    try {
      await admin.exec(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    } finally {
      await admin.close();
    }
    vi.stubEnv('DATABASE_URL', scratch.url);
    vi.stubEnv('DATABASE_MIGRATION_URL', '');
    vi.stubEnv('DW_DATA_DIR', dataDir);
    vi.stubEnv('DW_MASTER_KEY', randomBytes(32).toString('base64'));
    vi.stubEnv('DW_DEMO', 'false');
    vi.stubEnv('PORT', '0');
  });
  afterEach(async () => {
    await scratch.drop();
  });

  it('refuses to run in production, naming synchronous_commit', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const result = await runCli(['start']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Refusing to start in production');
    expect(result.err).toContain('synchronous_commit=off');
    expect(result.out).not.toContain('is running');
  });

  it('outside production it starts, with a warning naming synchronous_commit', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    // `start` serves until SIGINT/SIGTERM: catch its stop handler instead of signalling the test process.
    const stops: (() => void)[] = [];
    const once = process.once.bind(process);
    const spy = vi.spyOn(process, 'once').mockImplementation(((event: string, listener: () => void) => {
      if (event === 'SIGINT' || event === 'SIGTERM') {
        stops.push(listener);
        return process;
      }
      return once(event, listener);
    }) as typeof process.once);
    try {
      const running = runCli(['start']);
      await vi.waitFor(() => expect(stops.length).toBeGreaterThan(0), { timeout: 60_000, interval: 50 });
      stops[0]!();
      const result = await running;
      expect(result.code).toBe(0);
      expect(result.err).toContain('Warning');
      expect(result.err).toContain('synchronous_commit=off');
      expect(result.out).toContain('Dossierwijzer is running');
    } finally {
      spy.mockRestore();
    }
  }, 90_000);
});

/** Catches `start`'s SIGINT/SIGTERM handler, so a test can stop it without signalling the test process. */
function catchStop(): { stops: (() => void)[]; restore(): void } {
  const stops: (() => void)[] = [];
  const once = process.once.bind(process);
  const spy = vi.spyOn(process, 'once').mockImplementation(((event: string, listener: () => void) => {
    if (event === 'SIGINT' || event === 'SIGTERM') {
      stops.push(listener);
      return process;
    }
    return once(event, listener);
  }) as typeof process.once);
  return { stops, restore: () => spy.mockRestore() };
}

describe('start when the database is not there (issue 17 item 3)', () => {
  it('tries again with back-off and then stops with a message naming the database, not a stack trace', async () => {
    vi.stubEnv('DATABASE_URL', `postgres://dw:secret@127.0.0.1:${await unusedPort()}/dossierwijzer`);
    vi.stubEnv('DATABASE_MIGRATION_URL', '');
    vi.stubEnv('DW_DATA_DIR', dataDir);
    vi.stubEnv('DW_MASTER_KEY', randomBytes(32).toString('base64'));
    vi.stubEnv('DW_DB_START_ATTEMPTS', '2');
    vi.stubEnv('DW_DB_CONNECT_TIMEOUT_MS', '500');
    vi.stubEnv('PORT', '0');
    const started = Date.now();
    const result = await runCli(['start']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('is unavailable (connect ECONNREFUSED');
    expect(result.err).toContain('trying again in 1 s (attempt 1 of 2)');
    expect(result.err).toContain('Giving up after 2 attempt(s): the database (PostgreSQL at 127.0.0.1:');
    expect(result.err).not.toContain('secret');
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(result.out).not.toContain('is running');
  });

  it('refuses to start, naming the file, when an applied migration no longer matches its recorded checksum', async () => {
    const db = await openPglite(path.join(dataDir, 'pglite'));
    await migrate(db);
    await db.exec(`UPDATE public.schema_migrations SET checksum = '${'0'.repeat(64)}' WHERE version = '0030_consent_withdrawer.sql'`);
    await db.close();
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('DW_DATA_DIR', dataDir);
    vi.stubEnv('DW_MASTER_KEY', randomBytes(32).toString('base64'));
    vi.stubEnv('PORT', '0');
    const result = await runCli(['start']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Refusing to start: Migration 0030_consent_withdrawer.sql was changed after it had been applied');
    expect(result.err).not.toMatch(/\n\s+at /);
  }, 90_000);
});

describe.runIf(process.env.DATABASE_URL !== undefined && process.env.DATABASE_URL !== '')('start before PostgreSQL is up', () => {
  it('waits for the database and then serves', async () => {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, 'dw_start_late');
    const target = new URL(scratch.url!);
    const port = await unusedPort();
    // The database "comes up" after two seconds: a forwarder starts listening on the port DATABASE_URL names.
    const sockets = new Set<Socket>();
    let proxy: Server | undefined;
    const opening = setTimeout(() => {
      proxy = createServer((client) => {
        const upstream = connect(Number(target.port === '' ? '5432' : target.port), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      }).listen(port, '127.0.0.1');
    }, 2_000);
    const late = new URL(scratch.url!);
    late.hostname = '127.0.0.1';
    late.port = String(port);
    vi.stubEnv('DATABASE_URL', late.toString());
    vi.stubEnv('DATABASE_MIGRATION_URL', '');
    vi.stubEnv('DW_DATA_DIR', dataDir);
    vi.stubEnv('DW_MASTER_KEY', randomBytes(32).toString('base64'));
    vi.stubEnv('DW_DEMO', 'false');
    vi.stubEnv('PORT', '0');
    const stop = catchStop();
    try {
      const running = runCli(['start']);
      await vi.waitFor(() => expect(stop.stops.length).toBeGreaterThan(0), { timeout: 60_000, interval: 50 });
      stop.stops[0]!();
      const result = await running;
      expect(result.code).toBe(0);
      expect(result.err).toContain('trying again in 1 s (attempt 1 of 10)');
      expect(result.out).toContain('Dossierwijzer is running');
    } finally {
      stop.restore();
      clearTimeout(opening);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (proxy === undefined ? resolve() : proxy.close(() => resolve())));
      await scratch.drop();
    }
  }, 90_000);
});

describe('the first ten minutes (issue 15, Deliver 11)', () => {
  it('a port in use ends in one Dutch and English line and exit code 1, not an EADDRINUSE stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      vi.stubEnv('DATABASE_URL', '');
      vi.stubEnv('DW_DATA_DIR', dataDir);
      vi.stubEnv('DW_MASTER_KEY', randomBytes(32).toString('base64'));
      vi.stubEnv('DW_DEMO', 'false');
      vi.stubEnv('HOST', '127.0.0.1');
      vi.stubEnv('PORT', String(port));
      const result = await runCli(['start']);
      expect(result.code).toBe(1);
      // One line holds both languages (beside it only PGlite's durability warning).
      const line = result.err.split('\n').find((l) => l.startsWith('Poort'));
      expect(line).toContain(`Poort ${port} op 127.0.0.1 is al in gebruik`);
      expect(line).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(result.err).not.toMatch(/\n\s+at /);
      expect(result.out).not.toContain('is running');
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  }, 90_000);

  it('leaves other listen errors alone (they are not a port problem)', () => {
    expect(listenProblem(Object.assign(new Error('x'), { code: 'EADDRNOTAVAIL' }), '10.9.9.9', 8080)).toBeUndefined();
    expect(listenProblem(Object.assign(new Error('x'), { code: 'EACCES' }), '0.0.0.0', 80)).toContain('poort 80');
  });

  it('quiets request logs in demo mode unless LOG_LEVEL asks for them, so the printed log-ins stay readable', () => {
    const base = loadConfig({ DW_MASTER_KEY: randomBytes(32).toString('base64'), DW_DATA_DIR: dataDir });
    expect(startConfig({ ...base, demo: true, logLevel: 'info' }, {}).logLevel).toBe('warn');
    expect(startConfig({ ...base, demo: true, logLevel: 'debug' }, { LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(startConfig({ ...base, demo: false, logLevel: 'info' }, {}).logLevel).toBe('info');
  });
});

describe('online PGlite backups in the server (issue 17 item 1)', () => {
  it('with DW_BACKUP_DIR, start says where and SIGUSR2 writes a backup; without it SIGUSR2 does not stop the server', async () => {
    vi.stubEnv('DATABASE_URL', '');
    vi.stubEnv('DATABASE_MIGRATION_URL', '');
    vi.stubEnv('DW_DATA_DIR', dataDir);
    vi.stubEnv('DW_MASTER_KEY', randomBytes(32).toString('base64'));
    vi.stubEnv('DW_DEMO', 'false');
    vi.stubEnv('PORT', '0');
    const backupDir = path.join(dataDir, 'backups');
    for (const withDir of [false, true]) {
      vi.stubEnv('DW_BACKUP_DIR', withDir ? backupDir : '');
      const before = process.listenerCount('SIGUSR2');
      const stop = catchStop();
      try {
        const running = runCli(['start']);
        await vi.waitFor(() => expect(stop.stops.length).toBeGreaterThan(0), { timeout: 170_000, interval: 50 }); // a fresh PGlite on a busy machine
        // Node's default for SIGUSR2 ends the process: the server always listens for it.
        expect(process.listenerCount('SIGUSR2')).toBe(before + 1);
        if (withDir) {
          process.emit('SIGUSR2');
          await vi.waitFor(async () => expect((await readdir(backupDir).catch(() => [])).filter((n) => n.endsWith('.backup.manifest.json'))).toHaveLength(1),
            { timeout: 60_000, interval: 100 });
        }
        stop.stops[0]!();
        const result = await running;
        expect(result.code).toBe(0);
        if (withDir) expect(result.out).toMatch(/ {2}Backups: to .*backups every 24 h and on SIGUSR2 \(kill -USR2 \d+\); the newest 7 are kept/);
        else expect(result.out).not.toContain('Backups:');
        expect(process.listenerCount('SIGUSR2')).toBe(before);
      } finally {
        stop.restore();
      }
    }
  }, 400_000);
});
