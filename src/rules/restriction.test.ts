import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { decideRecording } from './decide-record.js';
import type { Actor, Fact, Part } from './vocabulary.js';

const on = '2026-11-22';
const client = { born: '2012-05-01' };

// AVG 18(2): while processing is restricted, the data are only stored, and processed for legal claims
// (or another's rights / an important public interest); the administrative data stay readable.
describe('restriction of processing (AVG 18)', () => {
  it.each<[string, Actor, Part, Fact[], 'allow' | 'deny']>([
    ['AVG 18(2): the care professional no longer reads the care content', 'care-professional', 'dossier', ['processing-restricted'], 'deny'],
    ['AVG 18(2): except for legal claims, with that purpose recorded', 'care-professional', 'dossier', ['processing-restricted', 'purpose-legal-claims'], 'allow'],
    ['AVG 18(2): the purpose opens nothing the care relation would not', 'employee-without-relation', 'dossier', ['processing-restricted', 'purpose-legal-claims'], 'deny'],
    ['AVG 18(2): a manager with a quality-control purpose is refused', 'manager', 'dossier', ['processing-restricted', 'purpose-quality-control'], 'deny'],
    ['AVG 18: the administrative data stay readable (the restriction must be visible)', 'care-professional', 'administrative-data', ['processing-restricted'], 'allow'],
    ['AVG 18(2): the inspectorate supervises in the public interest', 'inspector', 'dossier', ['processing-restricted'], 'allow'],
    ['without restriction nothing changes', 'care-professional', 'dossier', [], 'allow'],
  ])('read: %s', (_source, actor, part, facts, expected) => {
    const d = decide({ on, client, actor, action: 'read', part, facts });
    expect(d.outcome).toBe(expected);
    if (expected === 'deny' && facts.includes('processing-restricted') && actor === 'care-professional') {
      expect(d.basis).toContain('AVG 18');
      expect(d.explanation).toContain('beperk');
    }
  });

  it('AVG 18(2): nothing is recorded in the care dossier while restricted, whoever asks', () => {
    for (const actor of ['care-professional', 'substitute', 'intern'] as const) {
      const d = decideRecording({ on, client, actor, part: 'conversation-report', facts: ['processing-restricted'] });
      expect(d.outcome).toBe('deny');
      expect(d.rule).toBe('record.processing-restricted');
      expect(d.basis).toContain('AVG 18');
    }
    // Not even for legal claims: reading, not writing.
    expect(decideRecording({ on, client, actor: 'care-professional', part: 'dossier', facts: ['processing-restricted', 'purpose-legal-claims'] }).outcome).toBe('deny');
    // The administration of the request itself (administrative data) goes on.
    expect(decideRecording({ on, client, actor: 'care-professional', part: 'administrative-data', facts: ['processing-restricted'] }).outcome).toBe('allow');
  });
});
