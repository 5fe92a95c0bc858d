/**
 * `dossierwijzer conformance` end to end, in process: main() with stdout and
 * stderr captured.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(path.join(tmpdir(), 'dw-conformance-'));

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli([...args]);
}

afterEach(() => vi.restoreAllMocks());

const scenario = { id: 'p', source: 's', ask: 'decide', on: '2026-11-22', client: { born: '2009-11-22' }, actor: 'parent-with-custody', action: 'inspect', expect: 'needs-consent' };
const passing = write('pass.json', { format: 'dossierwijzer-conformance/1', scenarios: [scenario] });
const failing = write('fail.json', { format: 'dossierwijzer-conformance/1', scenarios: [{ ...scenario, id: 'f', expect: 'allow' }] });

describe('dossierwijzer conformance', () => {
  it('passes the project\'s own scenarios and exits 0', async () => {
    const { code, out } = await run(['conformance', path.join(repoRoot, 'conformance', 'scenarios.json')]);
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('prints PASS and FAIL lines, the summary alone on the last line, and exits 1', async () => {
    const { code, out } = await run(['conformance', passing, failing]);
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('PASS p');
    expect(lines[1]).toMatch(/^FAIL f: expected allow, got needs-consent of client \(basis: .*Jeugdwet 7\.3\.11.*\)$/);
    expect(lines[2]).toBe('1 passed, 1 failed');
  });

  it('--json prints the engine\'s full answers', async () => {
    const { code, out } = await run(['conformance', '--json', passing]);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { passed: number; files: { scenarios: { answer: { outcome: string; explanation: string; consentOf: string[] } }[] }[] };
    expect(report.passed).toBe(1);
    expect(report.files[0]!.scenarios[0]!.answer).toMatchObject({ outcome: 'needs-consent', consentOf: ['client'] });
    expect(report.files[0]!.scenarios[0]!.answer.explanation).toContain('16');
  });

  it.each([
    ['an impossible date', write('date.json', { format: 'dossierwijzer-conformance/1', scenarios: [{ ...scenario, on: '2026-02-30' }] }), 'scenario "p" (#1), field "on"'],
    ['an unknown word', write('word.json', { format: 'dossierwijzer-conformance/1', scenarios: [{ ...scenario, action: 'peek' }] }), 'field "action": unknown word "peek"'],
    ['an unknown field', write('field.json', { format: 'dossierwijzer-conformance/1', scenarios: [{ ...scenario, note: 1 }] }), 'field "note": unknown field'],
    ['a wrong format tag', write('format.json', { format: 'x', scenarios: [] }), 'field "format"'],
    ['bad JSON', write('json.json', '{'), 'not valid JSON'],
    ['a missing file', path.join(dir, 'absent.json'), 'cannot read the file (ENOENT)'],
  ])('exits 2 for %s, naming file, scenario and field', async (_name, file, message) => {
    const { code, out, err } = await run(['conformance', passing, file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(file);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 without files, and for an unknown option', async () => {
    expect((await run(['conformance'])).code).toBe(2);
    expect((await run(['conformance', '--nope', passing])).code).toBe(2);
  });
});
