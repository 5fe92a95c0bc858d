import { describe, expect, it } from 'vitest';
import { decideRecording } from './decide-record.js';
import type { Actor, Fact, Part } from './vocabulary.js';

const on = '2026-11-22';
const client = { born: '2012-05-01' };

// Who writes in the dossier: Jeugdwet 7.3.8 / BW 7:454 (duty to keep it), 000 (interns), 004 C (administrative staff), 003 §3.4 (own statement).
describe('decideRecording', () => {
  it.each<[string, Actor, Part, Fact[], 'allow' | 'deny']>([
    ['Jeugdwet 7.3.8: the care professional records the care', 'care-professional', 'conversation-report', [], 'allow'],
    ['Jeugdwet 7.3.8: so does the substitute', 'substitute', 'dossier', [], 'allow'],
    ['000: an intern records, unless the client objects', 'intern', 'dossier', [], 'allow'],
    ['000: not when the client objected to interns', 'intern', 'dossier', ['client-objects-to-interns'], 'deny'],
    ['004 C: administrative staff enter administrative data', 'admin-staff', 'administrative-data', [], 'allow'],
    ['004 C: but not care content', 'admin-staff', 'conversation-report', [], 'deny'],
    ['004 C: a manager reads for a purpose, but does not write', 'manager', 'dossier', ['purpose-complaint'], 'deny'],
    ['003 §2.2.8: emergency access is for reading', 'employee-without-relation', 'dossier', ['emergency'], 'deny'],
    ['003 §3.4: the client adds an own statement instead', 'client', 'dossier', [], 'deny'],
    ['Jeugdwet 7.3.11: a parent does not write in the dossier', 'parent-with-custody', 'dossier', [], 'deny'],
  ])('%s', (_source, actor, part, facts, expected) => {
    const decision = decideRecording({ on, client, actor, part, facts });
    expect(decision.outcome).toBe(expected);
    expect(decision.basis).toContain('Jeugdwet 7.3.8');
    expect(decision.explanation.length).toBeGreaterThan(20);
  });
});
