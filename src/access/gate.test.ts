/**
 * One gate, one log-row writer (issue 14): only the gate's files append to the
 * access log or build its rows; everything else enters the gate. A source scan
 * like `db/table-owners.test.ts`: it fails on `appendAccessLog(` /
 * `appendReadLog(`, on the row type, or on an object literal shaped like a log
 * row outside the gate; and it lists the callers of the doors the gate
 * replaced (thin calls of `enter`, kept for modules not yet converted).
 * `STILL_OUTSIDE_ENTER` may only shrink: a new caller fails, and so does a
 * listed one that is gone (delete its line, so the list stays honest).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../test-support/source-files.js';

const SRC = path.resolve(import.meta.dirname, '..');

/** The gate, and the log's own files (its writer, group commit, hash chain, verification): the only ones that touch rows. */
const isGateFile = (relative: string) => /^access\/(gate[a-z-]*|access-log|log-[a-z-]+|verify-log)\.ts$/.test(relative);

/** Tools that fill or stress the log on purpose, outside any request: the verify-log bench, the fuzzer, the crash test, test fixtures. */
const isExempt = (relative: string) => /^(bench|fuzz|crash|test-support)\//.test(relative);

/** Where a door the gate replaced is still called, as `file: door`. Only shrinks. */
const STILL_OUTSIDE_ENTER = new Set<string>([
  'auth/auth-routes.ts: logAdministration',
  'breaches/breach-routes.ts: withLogReview',
  'clients/clients-routes.ts: withClientList',
  'clients/clients-routes.ts: withRegistration',
  'demo/seed-demo.ts: withClientAccess',
  'demo/seed-demo.ts: withRegistration',
  'disclosures/disclosure-routes.ts: withLogReview',
  'organisation/enrolment-routes.ts: logAdministration',
  'requests/request-routes.ts: withClientList',
  'retention/retention-routes.ts: withLogReview',
]);

const DOORS = ['withClientAccess', 'withClientList', 'withRegistration', 'withLogReview', 'logAdministration'];

/** The text of a file without its comments (a comment may name what it must not call). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** Object literals with the columns only a log row has together (outcome, basis, route). */
function rowLiterals(text: string): string[] {
  return [...text.matchAll(/\{[^{}]*\}/g)].map((m) => m[0]).filter((literal) => /\boutcome\b/.test(literal) && /\bbasis\b/.test(literal) && /\broute\b/.test(literal));
}

async function scan(): Promise<{ writers: string[]; doors: string[] }> {
  const writers: string[] = [];
  const doors: string[] = [];
  for (const file of await sourceFiles(SRC)) {
    const relative = path.relative(SRC, file).split(path.sep).join('/');
    if (isGateFile(relative) || isExempt(relative)) continue;
    const text = code(await readFile(file, 'utf8'));
    for (const writer of ['appendAccessLog(', 'appendReadLog(', 'AccessLogRow']) if (text.includes(writer)) writers.push(`${relative}: ${writer}`);
    for (const literal of rowLiterals(text)) writers.push(`${relative}: a log row ${literal.slice(0, 80).replace(/\s+/g, ' ')}…`);
    for (const door of DOORS) if (new RegExp(`\\b${door}\\(`).test(text)) doors.push(`${relative}: ${door}`);
  }
  return { writers, doors };
}

describe('one gate, one log-row writer', () => {
  it('the scan finds what it looks for', () => {
    expect(rowLiterals('const r = { organisationId, outcome: AccessOutcome.denied, basis: AccessBasis.none, route: ctx.route };')).toHaveLength(1);
    expect(rowLiterals('return { allowed, basis, citations };')).toEqual([]);
    expect(code('// appendAccessLog(tx, rows)\nconst a = 1; /* appendReadLog( */')).not.toMatch(/append/);
  });

  it('no module but the gate appends to the access log or builds a log row', async () => {
    expect((await scan()).writers).toEqual([]);
  });

  it('the doors the gate replaced are called only where listed, and the list only shrinks', async () => {
    const { doors } = await scan();
    expect(doors.filter((d) => !STILL_OUTSIDE_ENTER.has(d)), 'enter the gate instead (access/gate.ts, http/gated-route.ts)').toEqual([]);
    expect([...STILL_OUTSIDE_ENTER].filter((d) => !doors.includes(d)), 'these callers enter the gate now: delete them from STILL_OUTSIDE_ENTER').toEqual([]);
  });
});
