/**
 * Formal data is stored apart from care content (003 §2.2.8; DOMAIN §1): no
 * SQL statement in the code reads administrative tables and care content
 * together. This scans every SQL string in src/ and the migrations' views.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../test-support/source-files.js';

const SRC = path.resolve(import.meta.dirname, '..');
const CARE_CONTENT = /\bcare\.(entries|entry_annotations)\b/;
const FORMAL = /\bformal\.(clients|care_allocations|time_registrations|identity_checks|client_relations)\b/;

describe('formal data and care content stay apart', () => {
  it('no SQL string joins formal tables with care content', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(SRC)) {
      const text = await readFile(file, 'utf8');
      for (const literal of text.match(/`[^`]*`|'[^'\n]*'/g) ?? []) {
        if (CARE_CONTENT.test(literal) && FORMAL.test(literal)) offenders.push(`${path.relative(SRC, file)}: ${literal.slice(0, 80)}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
