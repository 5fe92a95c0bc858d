import { describe, expect, it } from 'vitest';
import { parseScenarioFile } from './parse.js';
import { runFiles, runScenario, summaryLine } from './run.js';

const scenarios = parseScenarioFile(JSON.stringify({
  format: 'dossierwijzer-conformance/1',
  scenarios: [
    { id: 'ok', source: 's', ask: 'decide', on: '2026-11-22', client: { born: '2009-11-22' }, actor: 'parent-with-custody', action: 'inspect', expect: 'needs-consent' },
    { id: 'wrong', source: 's', ask: 'decide', on: '2026-11-22', client: { born: '2009-11-22' }, actor: 'parent-with-custody', action: 'inspect', expect: 'allow' },
    { id: 'basis', source: 's', ask: 'decide', on: '2026-11-22', client: { born: '2012-11-22' }, actor: 'client', action: 'inspect', expect: 'allow', basis: ['AVG 99'] },
    { id: 'date', source: 's', ask: 'response-deadline', received: '2026-01-31', expect: '2026-02-28' },
    { id: 'consent', source: 's', ask: 'care-consent', on: '2026-11-22', client: { born: '2013-11-22' }, expect: ['legal-representatives', 'client'] },
  ],
}), 'f.json');

describe('runScenario', () => {
  it('words each result', () => {
    const lines = scenarios.scenarios.map((s) => runScenario(s).line);
    expect(lines[0]).toBe('PASS ok');
    expect(lines[1]).toMatch(/^FAIL wrong: expected allow, got needs-consent of client \(basis: Jeugdwet 7\.3\.11, .+\)$/);
    expect(lines[2]).toMatch(/^FAIL basis: expected allow with basis AVG 99, got allow \(basis: Jeugdwet 7\.3\.10, .+\)$/);
    expect(lines[3]).toMatch(/^FAIL date: expected 2026-02-28, got 2026-03-02 \(basis: AVG 12, /);
    expect(lines[4]).toBe('PASS consent');
  });

  it('sums up', () => {
    expect(summaryLine(runFiles([scenarios]))).toBe('2 passed, 3 failed');
  });
});
