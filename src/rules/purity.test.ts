/**
 * Keeps `src/rules/` pure (STYLE.md "A pure core"): every non-test file may
 * import only relative paths that stay inside `src/rules/` — no packages, not
 * even `node:` modules — and nothing may read the clock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const rulesDir = path.dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** Every module specifier in static imports/exports, dynamic imports and require calls. */
function specifiersOf(text: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"`]([^'"`]+)['"`]/g,
    /\bimport\s*['"`]([^'"`]+)['"`]/g,
    /\bimport\s*\(\s*['"`]?([^'"`)]*)/g,
    /\brequire\s*\(\s*['"`]?([^'"`)]*)/g,
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1] ?? ''));
}

describe('src/rules purity', () => {
  it('has source files to check', () => {
    expect(sources.length).toBeGreaterThan(5);
  });

  it.each(sources)('%s imports only relative paths inside src/rules', (file) => {
    const text = readFileSync(path.join(rulesDir, file), 'utf8');
    for (const specifier of specifiersOf(text)) {
      expect(specifier, `${file} imports "${specifier}"`).toMatch(/^\.\.?\//);
      const resolved = path.resolve(rulesDir, specifier);
      expect(resolved.startsWith(rulesDir + path.sep), `${file} imports "${specifier}" outside src/rules`).toBe(true);
    }
  });

  it.each(sources)('%s does not read the clock or the environment', (file) => {
    const text = readFileSync(path.join(rulesDir, file), 'utf8');
    expect(text).not.toMatch(/\bnew Date\b|\bDate\.now\b|\bperformance\.now\b|\bprocess\./);
  });

  it('detects a forbidden import (the check can fail)', () => {
    expect(specifiersOf('import { readFile } from \'node:fs\';')).toEqual(['node:fs']);
    expect(specifiersOf('const m = await import(\'typebox\');')).toEqual(['typebox']);
    expect(specifiersOf('export * from \'../cli/main.js\';')).toEqual(['../cli/main.js']);
  });
});
