#!/usr/bin/env node
// Builds dist/ only when a source is newer than the last build, so `npm install && npm start` builds once
// (in `prepare`) instead of twice. Plain JavaScript because it runs before anything is compiled.
//
//   node bin/build-if-stale.js           build (npm run build) when dist/ is stale, else say it is current
//   node bin/build-if-stale.js --check   exit 0 when dist/ is current, 1 when stale; builds nothing
//   node bin/build-if-stale.js --stamp   record that dist/ was just built (the end of `npm run build`)
//
// The stamp is dist/.build-stamp; its modification time is the moment the build started, so a source saved
// during a build still counts as newer. Inputs: src/ (without tests), web/, the package and tsconfig files.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const STAMP = path.join('dist', '.build-stamp');
/** What a build produces; a missing one means stale whatever the stamp says. */
const OUTPUTS = [path.join('dist', 'cli', 'main.js'), path.join('dist', 'web', 'index.html')];
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
const INPUT_DIRS = ['src', 'web'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist']);

/** @param {string} file @returns {number | undefined} */
function mtimeMs(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * The newest modification time under `dir` (0 when it does not exist).
 * @param {string} dir
 * @returns {number}
 */
function newestUnder(dir) {
  let newest = 0;
  /** @type {import('node:fs').Dirent[]} */
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) newest = Math.max(newest, newestUnder(full));
    } else if (!entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, mtimeMs(full) ?? 0);
    }
  }
  return newest;
}

/**
 * Why dist/ under `root` needs a build, or undefined when it is current.
 * @param {string} root the project folder
 * @returns {string | undefined}
 */
function staleReason(root) {
  const stamp = mtimeMs(path.join(root, STAMP));
  if (stamp === undefined) return 'no earlier build recorded';
  const missing = OUTPUTS.find((output) => mtimeMs(path.join(root, output)) === undefined);
  if (missing !== undefined) return `${missing} is missing`;
  const newest = Math.max(
    ...INPUT_FILES.map((file) => mtimeMs(path.join(root, file)) ?? 0),
    ...INPUT_DIRS.map((dir) => newestUnder(path.join(root, dir))),
  );
  return newest > stamp ? 'sources changed since the last build' : undefined;
}

/**
 * Records a build that started at `startedMs`.
 * @param {string} root
 * @param {number} startedMs
 */
function writeStamp(root, startedMs) {
  const file = path.join(root, STAMP);
  writeFileSync(file, `built ${new Date(startedMs).toISOString()} with Node ${process.version}\n`);
  const at = new Date(startedMs);
  utimesSync(file, at, at);
}

/**
 * @param {string[]} argv
 * @param {string} root
 * @returns {number}
 */
function run(argv, root) {
  if (argv.includes('--stamp')) {
    writeStamp(root, Date.now());
    return 0;
  }
  const reason = staleReason(root);
  if (argv.includes('--check')) {
    process.stdout.write(reason === undefined ? 'dist/ is current\n' : `dist/ is stale: ${reason}\n`);
    return reason === undefined ? 0 : 1;
  }
  if (reason === undefined) {
    process.stdout.write('dist/ is current; skipping the build (npm run build forces one).\n');
    return 0;
  }
  process.stdout.write(`Building (${reason}) …\n`);
  const started = Date.now();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) return result.status ?? 1;
  writeStamp(root, started);
  return 0;
}

process.exitCode = run(process.argv.slice(2), process.cwd());
