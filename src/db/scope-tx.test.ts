/**
 * The work gets a scope, never a transaction (issue 14, "One gate"): a scope
 * keeps its transaction behind `SCOPE_TX` (scope-tx.ts), which only the gate
 * and the owners' stores may import (lint), so a service cannot query beside
 * its store. Scopes still carry the deprecated `tx` while the services move to
 * their stores; `STILL_ON_SCOPE_TX` lists the files that still use it and may
 * only shrink. When it is empty, `tx` leaves the scope types and this test
 * keeps only its first half.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../test-support/source-files.js';

const SRC = path.resolve(import.meta.dirname, '..');

/** Files that may hold a transaction: the gate that makes scopes, the stores bound to them, the SQL layer and the plumbing around it. */
function mayHoldTransaction(relative: string): boolean {
  return /^access\/gate[^/]*\.ts$/.test(relative) || relative.endsWith('-store.ts')
    || /^(db|test-support|bench|fuzz|crash)\//.test(relative);
}

/** `scope.tx`, `list.tx`, or `const { tx } = scope`. */
const USES_SCOPE_TX = /\.tx\b|\{[^}]*\btx\b[^}]*\}\s*=\s*\w*[sS]cope\b/;

const STILL_ON_SCOPE_TX = new Set<string>([
  // Made from the scan below on 2026-12-05 (issue 14); delete a line when the file reaches its data through stores bound to the scope.
]);

async function filesUsingScopeTx(): Promise<string[]> {
  const found: string[] = [];
  for (const file of await sourceFiles(SRC)) {
    const relative = path.relative(SRC, file).split(path.sep).join('/');
    if (mayHoldTransaction(relative)) continue;
    if (USES_SCOPE_TX.test(await readFile(file, 'utf8'))) found.push(relative);
  }
  return found.sort();
}

describe('the work reaches data through stores bound to its scope, never through its transaction (issue 14)', () => {
  it('uses a scope\'s transaction only in the gate and the stores, except the files still listed (a list that only shrinks)', async () => {
    const actual = await filesUsingScopeTx();
    const added = actual.filter((file) => !STILL_ON_SCOPE_TX.has(file));
    const gone = [...STILL_ON_SCOPE_TX].filter((file) => !actual.includes(file));
    expect(added, 'reach the data through the owner\'s store bound to the scope (txOf is for stores only)').toEqual([]);
    expect(gone, 'these files no longer use scope.tx: delete them from STILL_ON_SCOPE_TX').toEqual([]);
  });
});
