/**
 * `dossierwijzer start`: migrate, seed the demo (when enabled), serve HTTP until stopped.
 *
 * A database that is not there yet (a server starting before PostgreSQL, or
 * while its connections are used up) is tried again with back-off — 1, 2, 4 …
 * at most 30 s, DW_DB_START_ATTEMPTS times — and then the command stops with
 * a message, not a stack trace. A migration changed after it was applied
 * stops it at once: that needs a person, not a retry.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, type Config } from '../config/config.js';
import { seedDemo } from '../demo/seed-demo.js';
import { portalDemoLogins } from '../demo/seed-portal-demo.js';
import { isDatabaseUnavailable } from '../db/database.js';
import { checkDurability, durabilityProblem } from '../db/durability-check.js';
import { MigrationChecksumError } from '../db/migrate.js';
import { asSystem } from '../db/organisation-scope.js';
import { createApp, type App } from '../http/app.js';
import { startBackupSchedule } from './backup-schedule.js';
import { withoutArguments, type Command } from './command.js';

/** The wait before attempt `n + 1` (n ≥ 1): 1, 2, 4, 8, 16, 30, 30 … seconds. */
export function startBackoffMs(n: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(n - 1, 5));
}

function reasonOf(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message !== '' ? message : String(error);
  return typeof code === 'string' && !text.includes(code) ? `${code}: ${text}` : text;
}

/** Where the database is, for the operator, without the password. */
function databaseName(config: Config): string {
  if (config.databaseUrl === undefined) return `PGlite in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port === '' ? '5432' : url.port}${url.pathname}`;
}

/**
 * Demo mode asks for quiet request logs unless LOG_LEVEL says otherwise: two JSON lines per request
 * scrolled the printed demo log-ins away at once (issue 15, Deliver 11). Warnings and errors still show.
 */
export function startConfig(config: Config, env: NodeJS.ProcessEnv = process.env): Config {
  const logLevelChosen = env.LOG_LEVEL !== undefined && env.LOG_LEVEL !== '';
  return config.demo && !logLevelChosen ? { ...config, logLevel: 'warn' } : config;
}

/**
 * One line, Dutch and English, for a port the server cannot take (in use, or not allowed), instead of the
 * stack trace of EADDRINUSE; undefined for any other error.
 */
export function listenProblem(error: unknown, host: string, port: number): string | undefined {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') {
    return `Poort ${port} op ${host} is al in gebruik: stop het andere programma of kies een andere poort met PORT=… `
      + `/ Port ${port} on ${host} is already in use: stop the other program or choose another port with PORT=…`;
  }
  if (code === 'EACCES') {
    return `Geen toestemming om poort ${port} op ${host} te gebruiken: kies een poort boven 1023 met PORT=… `
      + `/ Not allowed to use port ${port} on ${host}: choose a port above 1023 with PORT=…`;
  }
  return undefined;
}

/** Opens the app, trying the database again while it is unavailable; undefined (after saying why) when it gives up. */
export async function openAppWithRetry(config: Config): Promise<App | undefined> {
  const attempts = config.database.startAttempts;
  for (let attempt = 1; ; attempt++) {
    try {
      return await createApp(config);
    } catch (error) {
      if (error instanceof MigrationChecksumError) {
        process.stderr.write(`Refusing to start: ${error.message}\n`);
        return undefined;
      }
      if (!isDatabaseUnavailable(error)) throw error;
      if (attempt >= attempts) {
        process.stderr.write(`Giving up after ${attempts} attempt(s): the database (${databaseName(config)}) is unavailable: ${reasonOf(error)}.\n`
          + 'Check that PostgreSQL is running and reachable, that DATABASE_URL is right, and that it has connections to spare (max_connections).\n');
        return undefined;
      }
      const wait = startBackoffMs(attempt);
      process.stderr.write(`The database (${databaseName(config)}) is unavailable (${reasonOf(error)}); trying again in ${wait / 1000} s (attempt ${attempt} of ${attempts}).\n`);
      await sleep(wait);
    }
  }
}

const usage = `Usage: dossierwijzer start

Applies pending database migrations (one server at a time), creates the
fictional demo organisation when DW_DEMO=true and prints its log-ins, and
serves HTTP on HOST:PORT until SIGINT or SIGTERM. With DW_BACKUP_DIR set on an
embedded database it also takes online backups (and one on SIGUSR2).

Takes no options: it is configured by the environment — DATABASE_URL (else an
embedded database in DW_DATA_DIR), DW_MASTER_KEY or DW_MASTER_KEY_FILE, HOST,
PORT, NODE_ENV and the other DW_ settings (docs/operations.md, README).

Exit status: 0 stopped by a signal, 1 refused to start (the message says why),
2 usage or configuration errors.
`;

export const startCommand: Command = async (args) => {
  const asked = withoutArguments(args, usage);
  if (asked !== undefined) return asked;
  const loaded = loadConfig();
  const config = startConfig(loaded);
  const app = await openAppWithRetry(config);
  if (app === undefined) return 1;
  const durability = await checkDurability(app.deps.db);
  if (!durability.durable) {
    if (process.env.NODE_ENV === 'production') {
      process.stderr.write(`Refusing to start in production: ${durabilityProblem(durability, config.databaseUrl === undefined)}\n`);
      await app.close();
      return 1;
    }
    process.stderr.write(`Warning: ${durabilityProblem(durability, config.databaseUrl === undefined)}\n`);
  }
  let demoLines: string[] = [];
  if (config.demo) {
    // The demo organisation is made before any request, across organisations (row-level security, 0056).
    const seed = await asSystem(() => seedDemo(app.deps.db, app.deps.masterKey, app.deps.now()));
    const portal = await portalDemoLogins(app.deps.db, app.deps.masterKey);
    demoLines = [
      '',
      `Demo mode (DW_DEMO=true): fictional organisation ${seed.created ? 'created' : 'already present'}.`,
      `Demo log-ins (password for all: ${seed.password}; second factor: the TOTP secret below, in any authenticator app):`,
      ...seed.users.map((u) => {
        const totp = seed.totp.find((t) => t.username === u.username);
        return `  ${u.username.padEnd(20)} ${u.role.padEnd(26)} ${u.displayName.padEnd(20)} TOTP ${totp?.secret ?? '(enrol at first log-in)'}`;
      }),
      `Client portal (${'/portaal'}; same password, own TOTP secret):`,
      ...portal.map((p) => `  ${p.username.padEnd(20)} ${p.who.padEnd(26)} ${p.displayName.padEnd(20)} TOTP ${p.secret}`),
      'TOTP URIs (paste into an authenticator app, or turn into a QR code):',
      ...seed.totp.map((t) => `  ${t.otpauthUri}`),
      ...portal.map((p) => `  ${p.otpauthUri}`),
      'No phone at hand? `oathtool --totp -b SECRET` prints the current code; a code works once per 30 seconds.',
      'These secrets are printed only because this is demo mode (DW_DEMO=true); never run demo mode with real data.',
      ...(config.logLevel !== loaded.logLevel ? ['Request logs are quiet in demo mode (only warnings and errors); LOG_LEVEL=info shows every request.'] : []),
    ];
  }
  let address: string;
  try {
    address = await app.server.listen({ host: config.host, port: config.port });
  } catch (error) {
    const problem = listenProblem(error, config.host, config.port);
    if (problem === undefined) throw error;
    process.stderr.write(`${problem}\n`);
    await app.close();
    return 1;
  }
  const database = config.databaseUrl === undefined ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  // Online backups of an embedded database (DW_BACKUP_DIR): the server holds its only handle (backup-schedule.ts).
  const backups = startBackupSchedule(app.deps.db, config, app.server.log, undefined, app.metrics);
  // Without a schedule SIGUSR2 still must not stop the server (Node's default for it): it says why nothing happens.
  const noBackup = () => app.server.log.warn({ event: 'backup' }, 'SIGUSR2 received, but no backup is taken: DW_BACKUP_DIR is not set (or the database is PostgreSQL)');
  if (backups === undefined) process.on('SIGUSR2', noBackup);
  process.stdout.write([
    `Dossierwijzer is running at ${address}`,
    `  API documentation: ${address}/api/docs`,
    `  Database: ${database}`,
    ...(backups === undefined
      ? []
      : [`  Backups: to ${config.backup.dir}${config.backup.hours > 0 ? ` every ${config.backup.hours} h` : ''}`
        + ` and on SIGUSR2 (kill -USR2 ${process.pid}); the newest ${config.backup.keep} are kept`]),
    ...demoLines,
    '',
  ].join('\n'));
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await backups?.stop();
  process.off('SIGUSR2', noBackup);
  await app.close();
  return 0;
};
