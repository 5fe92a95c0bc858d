/**
 * The demo server for browser tests on a day the test chooses (issue 19: the 16th birthday in a browser).
 *
 * `startServer()` in support.ts runs the real `dossierwijzer start`, whose clock is the machine's: a day two years
 * ahead cannot be reached there, and must not be — a settable clock is never a setting, an environment variable or a
 * route. This one assembles the same server in the test's own process, as `start` does in demo mode (createApp on a
 * scratch PGlite folder, the demo seeded, the built web application served, listening on a free port), but hands
 * createApp a clock function (the `now` override the API tests' harness uses). The clock runs from noon in Amsterdam
 * on the chosen day, so TOTP codes and sessions keep moving as in life.
 *
 * Reachable only from the browser tests: this file lives in e2e/, which the build (tsconfig.build.json: src only)
 * never compiles and no module of src/ or bin/ imports; src/http/test-clock-unreachable.test.ts holds both, and that
 * the server `start` builds keeps the machine's clock whatever its environment says.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { asSystem } from '../src/db/organisation-scope.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { portalDemoLogins } from '../src/demo/seed-portal-demo.js';
import { createApp } from '../src/http/app.js';
import type { Server } from './support.js';

export interface ClockServer extends Server {
  /** The server's clock now. */
  now(): Date;
  /** From now on the server lives on `day` (YYYY-MM-DD, Amsterdam), from noon, the clock running. */
  setDay(day: string): void;
  /** A query on the server's database across organisations (for what a test only looks up, never changes). */
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** Starts the demo server in this process on the machine's clock; `setDay` moves it. */
export async function startServerOnClock(): Promise<ClockServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dw-e2e-clock-'));
  // Only what `startServer` sets: a scratch PGlite folder in demo mode, whatever this process's environment says.
  const config = loadConfig({
    NODE_ENV: 'development', DW_DEMO: 'true', DW_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', DW_LOG_CHECKPOINT_SECONDS: '0', LOG_LEVEL: 'warn',
  });
  // From noon on the chosen day plus the time since the server started: going back to a day already visited never
  // repeats a moment (a TOTP code counts once per 30-second step, so a repeated moment would refuse a log-in).
  const started = Date.now();
  let noon: number | undefined;
  const now = (): Date => (noon === undefined ? new Date() : new Date(noon + (Date.now() - started)));
  const app = await createApp(config, { now });
  try {
    const seed = await asSystem(() => seedDemo(app.deps.db, app.deps.masterKey, now()));
    const portal = await portalDemoLogins(app.deps.db, app.deps.masterKey);
    const secrets = new Map<string, string>([...seed.totp.map((t) => [t.username, t.secret] as const), ...portal.map((p) => [p.username, p.secret] as const)]);
    const address = await app.server.listen({ host: config.host, port: 0 });
    return {
      url: address,
      secrets,
      now,
      setDay(day) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a day: ${day}`);
        // Noon in winter time is 13:00 in summer: the same day in Amsterdam either way (a test runs for minutes, not hours).
        noon = new Date(`${day}T12:00:00+01:00`).getTime();
      },
      query: <T>(sql: string, params: unknown[] = []) => asSystem(() => app.deps.db.query<T & Record<string, unknown>>(sql, params)) as Promise<T[]>,
      async stop() {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
