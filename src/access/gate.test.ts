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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../db/database.js';
import { createHarness, type Harness } from '../test-support/harness.js';
import { createRouteFixture, type RouteFixture } from '../test-support/route-fixture.js';
import { sourceFiles } from '../test-support/source-files.js';

const SRC = path.resolve(import.meta.dirname, '..');

/** The gate, and the log's own files (its store, group commit, hash chain, verification): the only ones that touch rows. */
const isGateFile = (relative: string) => /^access\/(gate[a-z-]*|access-log(-store)?|log-[a-z-]+|verify-log)\.ts$/.test(relative);

/** Tools that fill or stress the log on purpose, outside any request: the verify-log bench, the fuzzer, the crash test, test fixtures. */
const isExempt = (relative: string) => /^(bench|fuzz|crash|test-support)\//.test(relative);

/** Where a door the gate replaced is still called, as `file: door`. Only shrinks. */
const STILL_OUTSIDE_ENTER = new Set<string>([
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

/**
 * The hot read path is measured (issue 14, "no slower"): entering the gate for a read must cost no more round
 * trips than the door it replaced — one query for the client's facts and the caller's relation, no BEGIN/COMMIT,
 * and the log row group-committed (issue 18: the group's one INSERT is its own transaction, no BEGIN/COMMIT).
 */
describe('the gate on the hot read path', () => {
  let h: Harness;
  let fixture: RouteFixture;
  beforeAll(async () => {
    h = await createHarness();
    fixture = await createRouteFixture(h);
  });
  afterAll(async () => h.close());

  it('a timeline read loads the facts in one query, opens no transaction and writes its log row in one statement', async () => {
    const db = h.database.db;
    const url = `/api/clients/${fixture.clientId}/entries?limit=50`; // the timeline
    await h.request({ method: 'GET', url, cookie: fixture.holderCookie }); // warm: session scope, prepared statements
    const queries: string[] = [];
    const transactions: string[] = [];
    // Instrumentation, not a stand-in: the real adapter answers every call; the methods are put back afterwards.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const { query, transaction } = db;
    db.query = <Row>(text: string, params?: readonly unknown[]): Promise<Row[]> => {
      queries.push(text);
      return query.call(db, text, params) as Promise<Row[]>;
    };
    db.transaction = <T>(work: (tx: Queryable) => Promise<T>): Promise<T> => transaction.call(db, (tx: Queryable) => {
      const seen: string[] = [];
      const index = transactions.push('') - 1;
      const counted: Queryable = {
        query: <Row>(text: string, params?: readonly unknown[]): Promise<Row[]> => {
          seen.push(text.trim().split(/\s+/).slice(0, 3).join(' '));
          transactions[index] = seen.join(' | ');
          return tx.query<Row>(text, params);
        },
      };
      return work(counted);
    }) as Promise<T>;
    try {
      const response = await h.request({ method: 'GET', url, cookie: fixture.holderCookie });
      expect(response.statusCode, response.body).toBe(200);
    } finally {
      db.query = query;
      db.transaction = transaction;
    }
    // The facts query (access/client-access.ts), made of the owners' projections and SQL expressions.
    const facts = queries.filter((text) => /\) c WHERE c\.id = \$1 AND c\.organisation_id = \$2/.test(text));
    expect(facts, 'the facts, in one query').toHaveLength(1);
    for (const table of ['formal.clients', 'care.client_keys', 'org.care_team', 'org.client_access_facts', 'org.processing_restrictions', 'org.emergency_accesses']) {
      expect(facts[0], `the facts query reads ${table} itself, not in a query of its own`).toContain(table);
    }
    // Issue 18: the group commit's batch is one INSERT outside BEGIN/COMMIT (a statement is its own transaction,
    // committed before it answers), and a page without annotations asks for none.
    expect(transactions, 'no BEGIN/COMMIT at all').toEqual([]);
    expect(queries.filter((text) => text.includes('INSERT INTO audit.access_log')), 'the log row, in one statement').toHaveLength(1);
    expect(queries.filter((text) => text.includes('care.entry_annotations n JOIN')), 'no decorations query for a page without any').toHaveLength(0);
  });
});
