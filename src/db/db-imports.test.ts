/**
 * The lint rule that keeps src/db/ to the gate, the owners' stores and the plumbing (eslint.config.js, issue 14)
 * exempts a few files listed in lint/db-imports-still-allowed.json. That list may only shrink: a listed file that no
 * longer imports a value from db/ fails here, so its line is deleted and the rule covers it from then on.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Value imports (not `import type`) from a db/ module, in a file's text. */
function valueImportsFromDb(text: string): string[] {
  return [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'(\.\.?\/)+db\/[^']+'/gm)].map((m) => m[0]);
}

describe('lint/db-imports-still-allowed.json', () => {
  it('lists only files that still import a value from src/db/ (delete a line once its file no longer does)', async () => {
    const { files } = JSON.parse(await readFile(path.join(ROOT, 'lint', 'db-imports-still-allowed.json'), 'utf8')) as { files: string[] };
    // Empty once every file reaches src/db/ through the gate, the stores or the plumbing (issue 14).
    expect(Array.isArray(files)).toBe(true);
    const stale: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(ROOT, file), 'utf8').catch(() => '');
      if (valueImportsFromDb(text).length === 0) stale.push(file);
    }
    expect(stale).toEqual([]);
  });

  it('tells a value import from a type-only one', () => {
    expect(valueImportsFromDb('import { withAdvisoryLock } from \'../db/database.js\';\nimport type { Queryable } from \'../db/database.js\';')).toHaveLength(1);
    expect(valueImportsFromDb('import type { Database } from \'../db/database.js\';')).toEqual([]);
  });
});
