/**
 * `dossierwijzer conformance` end to end, in process: main() with stdout and
 * stderr captured.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
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
  it('passes the public scenarios of both formats and the project\'s own, and exits 0', async () => {
    const shared = ['public.json', 'public-v2.json'].map((name) => path.resolve(repoRoot, '..', 'shared', 'conformance', name)).filter((f) => existsSync(f));
    const own = readdirSync(path.join(repoRoot, 'conformance')).filter((f) => f.endsWith('.json')).map((f) => path.join(repoRoot, 'conformance', f));
    const { code, out } = await run(['conformance', ...shared, ...own]);
    expect(out.split('\n').filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(code).toBe(0);
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('runs a format-2 file: persons, consentOf, and the new questions', async () => {
    const v2 = write('v2.json', {
      format: 'dossierwijzer-conformance/2',
      scenarios: [
        { ...scenario, id: 'adult', client: { born: '2006-11-22', competent: false }, expect: 'needs-consent', consentOf: ['representative'] },
        { ...scenario, id: 'wrong-consent-of', expect: 'needs-consent', consentOf: ['legal-representatives'] },
        { id: 'h', source: 's', ask: 'holidays', year: 2026, expect: ['2026-01-01', '2026-01-02', '2026-04-03', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-15', '2026-05-25', '2026-12-25', '2026-12-26'] },
      ],
    });
    const { code, out } = await run(['conformance', v2]);
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('PASS adult');
    expect(lines[1]).toMatch(/^FAIL wrong-consent-of: expected needs-consent of legal-representatives, got needs-consent of client /);
    expect(lines[2]).toBe('PASS h');
    expect(lines[3]).toBe('2 passed, 1 failed');
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

  it.each([
    ['format 1, a word only the engine knows', { format: 'dossierwijzer-conformance/1', scenarios: [{ ...scenario, actor: 'care-professional', action: 'read', facts: ['processing-restricted'] }] },
      'scenario "p" (#1), field "facts[0]": unknown word "processing-restricted"; allowed: consent-given,'],
    ['format 1, a format-2 field', { format: 'dossierwijzer-conformance/1', scenarios: [{ ...scenario, consentOf: ['client'] }] },
      'scenario "p" (#1), field "consentOf": unknown field for ask "decide"; allowed: id, source, ask, expect, basis, on, client, actor, action, part, facts'],
    ['format 2, dates out of order', { format: 'dossierwijzer-conformance/2', scenarios: [{ id: 'r', source: 's', ask: 'request-deadlines', received: '2026-03-16', decided: '2026-03-10', expect: { decisionDeadline: '2026-04-16', extended: false, appealDeadline: null } }] },
      'scenario "r" (#1), field "decided": decided 2026-03-10 lies before received 2026-03-16'],
    ['format 2, an unknown relation', { format: 'dossierwijzer-conformance/2', scenarios: [{ ...scenario, persons: [{ id: 'x', relation: 'uncle' }] }] },
      'scenario "p" (#1), field "persons[0].relation": unknown word "uncle"; allowed: parent, partner, child, sibling, curator, mentor, authorised, other'],
  ])('exits 2 before running anything for %s, with exactly one line FILE: scenario "ID" (#N), field "FIELD": PROBLEM', async (_name, content, message) => {
    const file = write(`invalid-${Math.random().toString(36).slice(2)}.json`, content);
    const { code, out, err } = await run(['conformance', passing, file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.endsWith('\n')).toBe(true);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
    expect(err.startsWith(`${file}: ${message}`)).toBe(true);
  });

  it('exits 2 without files, and for an unknown option', async () => {
    expect((await run(['conformance'])).code).toBe(2);
    expect((await run(['conformance', '--nope', passing])).code).toBe(2);
  });
});
