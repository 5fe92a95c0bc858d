/**
 * `decryptJson` with a schema answers the schema's type and refuses a value of another shape — a corrupted row or
 * one written in an older format — with a clear error that does not quote the (client) data.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type } from 'typebox';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { sourceFiles } from '../test-support/source-files.js';
import { DecryptionError, decryptJson, encryptJson, newDataKey, SealedShapeError } from './envelope.js';

const SealedText = Type.Object({ text: Type.String() });
const SealedContent = Type.Object({ medication: Type.String(), keyContacts: Type.Array(Type.String()), since: Type.Optional(Type.String()) });

describe('decryptJson with a schema', () => {
  const key = newDataKey();

  it('answers the value, typed from the schema', () => {
    const sealed = encryptJson(key, { text: 'Gesprek met moeder' }, 'entry:1');
    const value = decryptJson(key, sealed, 'entry:1', SealedText);
    expectTypeOf(value).toEqualTypeOf<{ text: string }>();
    expect(value).toEqual({ text: 'Gesprek met moeder' });
    const content = decryptJson(key, encryptJson(key, { medication: 'geen', keyContacts: ['oma'] }, 'summary:1'), 'summary:1', SealedContent);
    expectTypeOf(content.keyContacts).toEqualTypeOf<string[]>();
    expect(content).toEqual({ medication: 'geen', keyContacts: ['oma'] });
  });

  it('allows properties the reader does not know (a newer or older writer may add some)', () => {
    const sealed = encryptJson(key, { text: 'x', writtenBy: 'v2' }, 'entry:2');
    expect(decryptJson(key, sealed, 'entry:2', SealedText).text).toBe('x');
  });

  it.each([
    ['a missing property (an older format)', { body: 'Geheimeweg 12' }, /"entry" does not have the expected shape at the top: .*text/],
    ['a property of the wrong type', { text: 12345 }, /"entry" does not have the expected shape at \/text: /],
    ['not an object at all', 'Geheimeweg 12', /"entry" does not have the expected shape at the top: /],
    ['null', null, /"entry" does not have the expected shape/],
  ])('refuses %s with SealedShapeError that names the place, not the data', (_what, written, message) => {
    const sealed = encryptJson(key, written, 'entry:3');
    let error: unknown;
    try {
      decryptJson(key, sealed, 'entry:3', SealedText);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(SealedShapeError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/Geheimeweg|12345/);
  });

  it('still refuses another key or place with DecryptionError, before any shape is looked at', () => {
    const sealed = encryptJson(key, { text: 'x' }, 'entry:4');
    expect(() => decryptJson(key, sealed, 'entry:5', SealedText)).toThrow(DecryptionError);
    expect(() => decryptJson(newDataKey(), sealed, 'entry:4', SealedText)).toThrow(DecryptionError);
  });

  it('refuses a value with any byte of its ciphertext or tag changed, and gives nothing of it (issue 18: the plaintext is returned only after the tag is checked)', () => {
    const sealed = encryptJson(key, { text: 'Gesprek met moeder' }, 'entry:7');
    // Byte 1–12 the IV, 13–28 the tag, then the ciphertext.
    for (const at of [5, 13, 28, 29, sealed.length - 1]) {
      const changed = Buffer.from(sealed);
      changed[at]! ^= 0x01;
      expect(() => decryptJson(key, changed, 'entry:7', SealedText), `byte ${at}`).toThrow(DecryptionError);
    }
    expect(decryptJson(key, sealed, 'entry:7', SealedText).text).toBe('Gesprek met moeder');
  });

  it('without a schema answers unknown (the callers not yet given one)', () => {
    const value = decryptJson(key, encryptJson(key, { text: 'x' }, 'entry:6'), 'entry:6');
    expectTypeOf(value).toBeUnknown();
    expect(value).toEqual({ text: 'x' });
  });
});

/** The arguments of each `decryptJson(…)` call in `text`, split at the commas outside brackets and strings. */
function decryptCalls(text: string): string[][] {
  const calls: string[][] = [];
  for (const m of text.matchAll(/\bdecryptJson\(/g)) {
    const args: string[] = [];
    let depth = 0;
    let quote: string | undefined;
    let current = '';
    for (const ch of text.slice(m.index + m[0].length)) {
      if (quote !== undefined) {
        if (ch === quote) quote = undefined;
      } else if (ch === '\'' || ch === '`' || ch === '"') {
        quote = ch;
      } else if ('([{'.includes(ch)) {
        depth += 1;
      } else if (')]}'.includes(ch)) {
        if (depth === 0) break;
        depth -= 1;
      } else if (ch === ',' && depth === 0) {
        args.push(current.trim());
        current = '';
        continue;
      }
      current += ch;
    }
    if (current.trim() !== '') args.push(current.trim());
    calls.push(args);
  }
  return calls;
}

describe('the callers of decryptJson', () => {
  it('all pass the schema of what they read (the schema-less overload is for tests)', async () => {
    const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const withoutSchema: string[] = [];
    let count = 0;
    for (const file of await sourceFiles(srcDir)) {
      const text = (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
      for (const args of decryptCalls(text)) {
        if (args.length === 0 || args[0]!.includes(':')) continue; // the declaration's own parameter lists
        count += 1;
        if (args.length < 4) withoutSchema.push(`${path.relative(srcDir, file)}: decryptJson(${args.join(', ')})`);
      }
    }
    expect(count).toBeGreaterThan(20);
    expect(withoutSchema).toEqual([]);
  });

  it('are found by the scan (the check can fail)', () => {
    expect(decryptCalls('decryptJson(key, row.c, `entry:${row.id}`) as { text: string }')).toEqual([['key', 'row.c', '`entry:${row.id}`']]);
    expect(decryptCalls('decryptJson(key, f(a, b), ctx(x), S).text')).toEqual([['key', 'f(a, b)', 'ctx(x)', 'S']]);
  });
});
