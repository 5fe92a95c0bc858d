/**
 * Only the gate, the owners' stores, the SQL layer and the plumbing import values from src/db/ (issue 14; the
 * same rule is in eslint.config.js). Among those values is `txOf`, the one way to a scope's transaction, so a
 * service that imported it could write SQL beside its store. The list of exempt files that the restructuring
 * shrank is empty and gone; this scan keeps it so under `npm test` as well as under lint.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../test-support/source-files.js';

const SRC = path.resolve(import.meta.dirname, '..');

/** Value imports (not `import type`) from a db/ module, in a file's text. */
function valueImportsFromDb(text: string): string[] {
  return [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.\.?\/)+db\/[^']+'/gm)].map((m) => m[0]);
}

/** The files that may: the same as eslint.config.js's ignores for the rule. */
function mayImportDb(relative: string): boolean {
  return /^(db|http|cli|bench|fuzz|crash|test-support)\//.test(relative) || /^access\/gate[^/]*\.ts$/.test(relative) || relative.endsWith('-store.ts');
}

describe('values from src/db/ only in the gate, the stores and the plumbing (issue 14)', () => {
  it('no other file imports a value from src/db/', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(SRC)) {
      const relative = path.relative(SRC, file).split(path.sep).join('/');
      if (!mayImportDb(relative) && valueImportsFromDb(await readFile(file, 'utf8')).length > 0) offenders.push(relative);
    }
    expect(offenders, 'reach the database through the gate and the owner\'s store').toEqual([]);
  });

  it('tells a value import from a type-only one', () => {
    expect(valueImportsFromDb('import { withAdvisoryLock } from \'../db/database.js\';\nimport type { Queryable } from \'../db/database.js\';')).toHaveLength(1);
    expect(valueImportsFromDb('import type { Database } from \'../db/database.js\';')).toEqual([]);
  });
});
