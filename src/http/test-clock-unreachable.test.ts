/**
 * The browser tests' settable clock (e2e/clock-server.ts, issue 19: the 16th birthday in a browser) can never reach
 * a running server: it is a function the e2e harness hands to createApp in its own process; the build compiles only
 * src/ and nothing in src/ or bin/ imports e2e/; and the app `dossierwijzer start` opens keeps the machine's clock
 * whatever its environment says.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openAppWithRetry } from '../cli/start-command.js';
import { loadConfig } from '../config/config.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the e2e test clock is unreachable in production', () => {
  it('no module of src/ or bin/ imports anything from e2e/, and the build compiles src/ only', () => {
    const modules = [...filesUnder(path.join(repo, 'src')), ...filesUnder(path.join(repo, 'bin'))]
      .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.test.ts'));
    expect(modules.length).toBeGreaterThan(100);
    const importing = modules.filter((f) => /from\s+['"][^'"]*\/e2e\/|import\(\s*['"][^'"]*\/e2e\/|clock-server/.test(readFileSync(f, 'utf8')));
    expect(importing.map((f) => path.relative(repo, f))).toEqual([]);
    const build = JSON.parse(readFileSync(path.join(repo, 'tsconfig.build.json'), 'utf8')) as { extends: string; include?: string[] };
    const base = JSON.parse(readFileSync(path.join(repo, build.extends), 'utf8')) as { include: string[]; compilerOptions: { rootDir: string } };
    expect(build.include ?? base.include).toEqual(['src']);
    expect(base.compilerOptions.rootDir).toBe('src');
    // The test clock itself exists (this test would prove nothing about a file that was renamed away).
    expect(readFileSync(path.join(repo, 'e2e/clock-server.ts'), 'utf8')).toContain('createApp(config, { now })');
  });

  it('the app `start` opens keeps the machine\'s clock, whatever clock-like variables its environment holds', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dw-clock-'));
    const future = '2031-03-01T12:00:00+01:00';
    const config = loadConfig({
      NODE_ENV: 'production', DW_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DW_LOG_CHECKPOINT_SECONDS: '0',
      DW_NOW: future, DW_TEST_NOW: future, DW_CLOCK: future, DW_TODAY: future.slice(0, 10), TEST_NOW: future, FAKETIME: '@2031-03-01 12:00:00', NOW: future,
    });
    const app = await openAppWithRetry(config);
    try {
      expect(app).toBeDefined();
      expect(Math.abs(app!.deps.now().getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await app?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
