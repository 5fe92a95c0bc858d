/**
 * The error catalogue is the whole truth about the codes: every code in it is answered somewhere (no dead
 * entries), every code the source throws is in it with the status it is thrown with, and the OpenAPI problem
 * schema lists them all.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { problemSchema } from '../http/problem.js';
import { sourceFiles } from '../test-support/source-files.js';
import { ERROR_CODES, errorCodes, type ErrorCode } from './error-codes.js';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const catalogueFile = path.join(srcDir, 'shared', 'error-codes.ts');

async function sources(): Promise<{ file: string; text: string }[]> {
  const files = (await sourceFiles(srcDir)).filter((f) => f !== catalogueFile);
  return Promise.all(files.map(async (file) => ({ file: path.relative(srcDir, file), text: await readFile(file, 'utf8') })));
}

/** Each place the source makes an error with a literal code, and the status that place gives it. */
function thrown(file: string, text: string): { code: string; status: number }[] {
  const found: { code: string; status: number }[] = [];
  for (const m of text.matchAll(/\b(badRequest|conflict|new AppError)\(\s*'([^']+)'(?:,\s*(\d{3}))?/g)) {
    found.push({ code: m[2]!, status: m[1] === 'badRequest' ? 400 : m[1] === 'conflict' ? 409 : Number(m[3]) });
  }
  // The problem handler's own answers (validation, database, internal, not-found) name their code directly.
  if (file === path.join('http', 'problem.ts')) {
    for (const m of text.matchAll(/\bcode: '([a-z][a-z-]*)'(?:[^}]*?\bstatus: (\d{3}))?/g)) found.push({ code: m[1]!, status: Number.NaN });
  }
  return found;
}

describe('error catalogue', () => {
  it('has codes in kebab case, each with a status and a one-line meaning', () => {
    expect(errorCodes.length).toBeGreaterThan(100);
    for (const code of errorCodes) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect([400, 401, 403, 404, 409, 410, 429, 500, 502, 503]).toContain(ERROR_CODES[code].status);
      expect(ERROR_CODES[code].meaning, code).toMatch(/^\S.*\.$/);
      expect(ERROR_CODES[code].meaning, code).not.toContain('\n');
    }
  });

  it('holds no code that nothing answers with', async () => {
    const all = (await sources()).map((s) => s.text).join('\n');
    const unused = errorCodes.filter((code) => !all.includes(`'${code}'`));
    expect(unused, 'codes in src/shared/error-codes.ts that no source file uses').toEqual([]);
  });

  it('holds every code the source throws, with the status it is thrown with', async () => {
    const problems: string[] = [];
    for (const { file, text } of await sources()) {
      for (const { code, status } of thrown(file, text)) {
        if (!(code in ERROR_CODES)) problems.push(`${file}: '${code}' is not in the catalogue`);
        else if (!Number.isNaN(status) && ERROR_CODES[code as ErrorCode].status !== status) {
          problems.push(`${file}: '${code}' is thrown with ${status}, the catalogue says ${ERROR_CODES[code as ErrorCode].status}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('is listed in the OpenAPI problem schema, each code with its status and meaning', () => {
    const description = problemSchema.properties.code.description;
    for (const code of errorCodes) expect(description).toContain(`\`${code}\` (${ERROR_CODES[code].status}): ${ERROR_CODES[code].meaning}`);
  });
});
