/**
 * The work gets a scope, never a transaction (issue 14, "One gate"): a scope
 * keeps its transaction behind `SCOPE_TX` (scope-tx.ts), which only the gate
 * and the owners' stores may import (lint; db-imports.test.ts), so a service
 * cannot query beside its store. The scope types carry no `tx` any more (the
 * compiler refuses `scope.tx`); this scan also catches a transaction reached
 * some other way (`list.tx`, `const { tx } = scope`) outside the gate and the
 * stores. Its list of files still to move emptied on 2026-12-05 and is gone.
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
  it('uses a scope\'s transaction only in the gate and the stores', async () => {
    expect(await filesUsingScopeTx(), 'reach the data through the owner\'s store bound to the scope (txOf is for stores only)').toEqual([]);
  });
});
