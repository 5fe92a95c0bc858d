/**
 * Support for the browser tests: the real, built server (`dossierwijzer start`)
 * on a scratch PGlite database with the demo organisation, Debian's Chromium
 * through playwright-core, TOTP codes, axe-core checks and screenshots.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { timeStep, totpCode } from '../src/auth/totp.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
export const SCREENSHOTS = path.join(repo, 'e2e-screenshots');
export const DEMO_PASSWORD = 'Regenboog-demo-2026';
export const CHROMIUM = process.env.DW_CHROMIUM ?? '/usr/bin/chromium';

export interface Server {
  url: string;
  /** The demo users' TOTP secrets, as printed by `start` in demo mode. */
  secrets: Map<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts `node bin/dossierwijzer.js start` on a free port with a fresh data folder; resolves once it prints its address.
 * `extraEnv` adds or overrides settings (e.g. `PORT` and `DW_PUBLIC_URL` with `DW_PORTAL_OIDC_*`, e2e/portal-oidc.test.ts).
 */
export async function startServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<Server> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dw-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: 'development', DW_DEMO: 'true',
    DW_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', DW_LOG_CHECKPOINT_SECONDS: '0', LOG_LEVEL: 'warn', ...extraEnv,
  };
  // Always embedded PGlite in a scratch folder, whatever the caller's environment says.
  for (const name of ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'DW_MASTER_KEY', 'DW_MASTER_KEY_FILE', 'DW_LOG_CHECKPOINT_FILE']) delete env[name];
  const child: ChildProcess = spawn(process.execPath, [path.join(repo, 'bin/dossierwijzer.js'), 'start'], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{ url: string; secrets: Map<string, string> }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 150_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /running at (http:\/\/[^\s]+)/.exec(output)?.[1];
      if (url !== undefined && output.includes('These secrets are printed')) {
        clearTimeout(timer);
        const secrets = new Map<string, string>();
        for (const m of output.matchAll(/^\s+(demo\.[a-z]+)\s+.*TOTP ([A-Z2-7]+)\s*$/gm)) secrets.set(m[1]!, m[2]!);
        resolve({ url, secrets });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const { url, secrets } = await ready;
  return {
    url,
    secrets,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export async function newContext(browser: Browser, server: Server): Promise<BrowserContext> {
  return browser.newContext({ baseURL: server.url, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
}

/** The current TOTP code; a code counts once per 30-second step per user, so the tests log each user in once. */
export function currentCode(secret: string): string {
  return totpCode(secret, timeStep(new Date()));
}

/** Logs in through the log-in page: username and password, then the TOTP code. */
export async function logIn(page: Page, server: Server, username: string): Promise<void> {
  const secret = server.secrets.get(username);
  if (secret === undefined) throw new Error(`no TOTP secret for ${username}`);
  await page.goto('/');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Volgende stap' }).click();
  await page.getByLabel('Code (6 cijfers) of herstelcode').fill(currentCode(secret));
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByTestId('who').waitFor();
}

interface AxeResult { passes: unknown[]; violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page; returns every violation, whatever axe's impact
 * grade: a claim of WCAG 2.1 AA does not allow "moderate" failures of an A or AA criterion either.
 */
export async function wcagViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol rather than page.addScriptTag: the application's
  // Content-Security-Policy (script-src 'self') rightly blocks an injected inline <script>.
  if (!loaded) await page.evaluate(readFileSync(require.resolve('axe-core'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  }) as AxeResult;
  // Guard against a silently empty run (axe not loaded, blank page).
  if (result.passes.length === 0) return ['axe-core checked nothing on this page'];
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Saves a full-page screenshot in e2e-screenshots/ (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The server and browser of one test file, started before its tests and stopped after them, with one logged-in
 * page per demo user (a TOTP code counts once per 30 seconds per user, so a second log-in would wait).
 */
export interface DemoBrowser {
  readonly server: Server;
  readonly browser: Browser;
  pageFor(this: void, username: string): Promise<Page>;
  /** A page in a fresh browser context without a session (closed with the rest). */
  freshPage(this: void): Promise<Page>;
  /** Keeps a page the test logged in itself as `username`'s, for later `pageFor` calls. */
  remember(this: void, username: string, page: Page): void;
}

export function useDemoBrowser(): DemoBrowser {
  let server: Server | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pages = new Map<string, Page>();
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the demo server and browser start in beforeAll');
    return value;
  };
  const freshPage = async (): Promise<Page> => {
    const context = await newContext(started(browser), started(server));
    contexts.push(context);
    return context.newPage();
  };
  return {
    get server() { return started(server); },
    get browser() { return started(browser); },
    freshPage,
    remember: (username, page) => { pages.set(username, page); },
    async pageFor(username) {
      const existing = pages.get(username);
      if (existing !== undefined) return existing;
      const page = await freshPage();
      await logIn(page, started(server), username);
      pages.set(username, page);
      return page;
    },
  };
}

/** axe-core finds no WCAG violation on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await wcagViolations(page)).toEqual([]);
}

/** Opens the client's overview from the caseload; answers the client's id from the address. */
export async function openClient(page: Page, name: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn caseload' }).click();
  await page.getByTestId('caseload').getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
  return /\/clienten\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** Calls the API from inside the page, with the page's session and the CSRF header (for what a test only sets up). */
export async function apiCall(page: Page, method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; text: string }> {
  return page.evaluate(async ({ method, url, body }) => {
    const response = await fetch(url, {
      method, credentials: 'same-origin',
      headers: { accept: 'application/json', ...(method === 'POST' ? { 'x-dossierwijzer-csrf': '1', 'content-type': 'application/json' } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, text: await response.text() };
  }, { method, url, body });
}

/**
 * YYYY-MM-DD, `days` from today in Amsterdam: the calendar the server and the browser keep (the forms fill in today
 * in it). At night UTC is still on the day before, so a test must not take the date from this process's clock.
 */
export function amsterdamDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(Date.now() + days * 24 * 3600 * 1000));
}
