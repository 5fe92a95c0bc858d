import { describe, expect, it } from 'vitest';
import { parseScenarioFile, ScenarioFileError } from './parse.js';

const file = (scenarios: unknown[], format = 'dossierwijzer-conformance/1') => JSON.stringify({ format, scenarios });
const base = { id: 's1', source: 'test', ask: 'decide', on: '2026-11-22', client: { born: '2012-11-22' }, actor: 'client', action: 'inspect', expect: 'allow' };

function problem(text: string): string {
  try {
    parseScenarioFile(text, 'f.json');
  } catch (error) {
    if (error instanceof ScenarioFileError) return error.message;
    throw error;
  }
  return 'valid';
}

describe('parseScenarioFile', () => {
  it('reads a valid decide scenario with defaults', () => {
    const parsed = parseScenarioFile(file([base]), 'f.json');
    expect(parsed.scenarios[0]).toMatchObject({ id: 's1', part: 'dossier', facts: [], basis: [], client: { born: '2012-11-22', competent: true } });
  });

  it('reads every ask', () => {
    const parsed = parseScenarioFile(file([
      { id: 'a', source: 's', ask: 'care-consent', on: '2026-11-22', client: { born: '2012-11-22', competent: false }, expect: ['legal-representatives'] },
      { id: 'b', source: 's', ask: 'response-deadline', received: '2026-03-16', facts: ['extended'], expect: '2026-06-16' },
      { id: 'c', source: 's', ask: 'appeal-deadline', answered: '2026-03-02', expect: '2026-04-13' },
      { id: 'd', source: 's', ask: 'retention-until', lastChange: '2025-06-30', facts: ['needed-for-procedure'], expect: null },
      { id: 'e', source: 's', ask: 'destruction-deadline', received: '2026-03-16', expect: '2026-06-16' },
    ]), 'f.json');
    expect(parsed.scenarios.map((s) => s.ask)).toEqual(['care-consent', 'response-deadline', 'appeal-deadline', 'retention-until', 'destruction-deadline']);
  });

  it.each([
    ['bad JSON', '{ nope', 'f.json: not valid JSON'],
    ['wrong format tag', file([base], 'dossierwijzer-conformance/2'), 'field "format": must be "dossierwijzer-conformance/1"'],
    ['unknown top-level field', JSON.stringify({ format: 'dossierwijzer-conformance/1', scenarios: [], extra: 1 }), 'field "extra": unknown field'],
    ['unknown scenario field', file([{ ...base, colour: 'red' }]), 'scenario "s1" (#1), field "colour": unknown field'],
    ['unknown actor word', file([{ ...base, actor: 'grandmother' }]), 'field "actor": unknown word "grandmother"; allowed: client, parent-with-custody'],
    ['unknown fact word', file([{ ...base, facts: ['consent'] }]), 'field "facts[0]": unknown word "consent"'],
    ['unknown ask', file([{ ...base, ask: 'guess' }]), 'field "ask": unknown word "guess"'],
    ['impossible date', file([{ ...base, on: '2026-02-30' }]), 'field "on": "2026-02-30" is not a real date'],
    ['impossible birth date', file([{ ...base, client: { born: '2013-02-29' } }]), 'field "client.born": "2013-02-29" is not a real date'],
    ['missing field', file([{ ...base, actor: undefined }]), 'field "actor": missing field'],
    ['missing expect', file([{ ...base, expect: undefined }]), 'field "expect": missing field'],
    ['missing id', file([{ ...base, id: undefined }]), 'scenario #1, field "id": missing field'],
    ['duplicate id', file([base, base]), 'scenario "s1" (#2), field "id": duplicate id, first used by scenario #1'],
    ['unknown client field', file([{ ...base, client: { born: '2012-11-22', name: 'x' } }]), 'field "client.name": unknown field'],
    ['competent not a boolean', file([{ ...base, client: { born: '2012-11-22', competent: 'no' } }]), 'field "client.competent": must be true or false'],
    ['date before birth', file([{ ...base, on: '2010-01-01' }]), 'field "on": 2010-01-01 lies before the client\'s birth date'],
    ['field of another ask', file([{ ...base, received: '2026-01-01' }]), 'field "received": unknown field for ask "decide"'],
    ['bad expect word', file([{ ...base, expect: 'maybe' }]), 'field "expect": unknown word "maybe"'],
    ['deadline fact in decide', file([{ ...base, facts: ['extended'] }]), 'field "facts[0]": unknown word "extended"'],
    ['scenarios not a list', JSON.stringify({ format: 'dossierwijzer-conformance/1', scenarios: {} }), 'field "scenarios": missing or not a list'],
  ])('rejects %s', (_name, text, message) => {
    expect(problem(text)).toContain(message);
  });
});
