/**
 * `npm start` builds only when dist/ is stale (issue 15, Deliver 11: `npm install && npm start` built twice,
 * in `prepare` and in `start`). bin/build-if-stale.js runs in a scratch project whose `build` script counts
 * its runs, with modification times set by hand so the test does not depend on the clock's resolution.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(repo, 'bin', 'build-if-stale.js');

// The fake build writes what a real one leaves behind, counts its runs, and stamps like `npm run build`.
const FAKE_BUILD = `
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
mkdirSync('dist/cli', { recursive: true });
mkdirSync('dist/web', { recursive: true });
writeFileSync('dist/cli/main.js', '');
writeFileSync('dist/web/index.html', '');
appendFileSync('builds.txt', 'x');
`;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dw-build-'));
  await writeFile(path.join(root, 'package.json'), JSON.stringify({
    name: 'scratch', type: 'module', scripts: { build: `node fake-build.js && node ${JSON.stringify(script)} --stamp` },
  }));
  await writeFile(path.join(root, 'fake-build.js'), FAKE_BUILD);
  await mkdir(path.join(root, 'src', 'cli'), { recursive: true });
  await mkdir(path.join(root, 'web', 'src'), { recursive: true });
  await writeFile(path.join(root, 'src', 'cli', 'main.ts'), '');
  await writeFile(path.join(root, 'web', 'src', 'App.tsx'), '');
  // Sources an hour old, so whatever the build writes now is newer.
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const file of ['package.json', 'src/cli/main.ts', 'web/src/App.tsx']) await utimes(path.join(root, file), hourAgo, hourAgo);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, out: result.stdout };
}
const builds = async () => (await readFile(path.join(root, 'builds.txt'), 'utf8').catch(() => '')).length;

describe('build-if-stale (npm start, npm install)', { timeout: 60_000 }, () => {
  it('builds when nothing was built, then skips while dist/ is current', async () => {
    expect(run('--check').code).toBe(1);
    expect(run().code).toBe(0);
    expect(await builds()).toBe(1);
    expect(run('--check')).toMatchObject({ code: 0, out: 'dist/ is current\n' });
    const again = run();
    expect(again.code).toBe(0);
    expect(again.out).toContain('skipping the build');
    expect(await builds()).toBe(1);
  });

  it('builds again after a source changed, but not after a test changed', async () => {
    expect(run().code).toBe(0);
    const later = new Date(Date.now() + 60_000);
    await writeFile(path.join(root, 'src', 'cli', 'main.test.ts'), '');
    await utimes(path.join(root, 'src', 'cli', 'main.test.ts'), later, later);
    expect(run('--check').code).toBe(0);
    await utimes(path.join(root, 'web', 'src', 'App.tsx'), later, later);
    expect(run('--check')).toMatchObject({ code: 1, out: 'dist/ is stale: sources changed since the last build\n' });
    expect(run().code).toBe(0);
    expect(await builds()).toBe(2);
  });

  it('builds again when an output is gone, whatever the stamp says', async () => {
    expect(run().code).toBe(0);
    await rm(path.join(root, 'dist', 'web'), { recursive: true });
    expect(run('--check').out).toContain('dist/web/index.html is missing');
  });

  it('is what npm start and npm install (prepare) run, and npm run build stamps its result', async () => {
    const scripts = (JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toMatch(/^node bin\/build-if-stale\.js && /);
    expect(scripts.start).not.toContain('npm run build');
    expect(scripts.prepare).toBe('node bin/build-if-stale.js');
    expect(scripts.build).toMatch(/node bin\/build-if-stale\.js --stamp$/);
  });
});
