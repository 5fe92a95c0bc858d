import { describe, expect, it } from 'vitest';
import { decideStatutoryDisclosure, type StatutoryBasis } from './disclosure-basis.js';
import type { Part } from './vocabulary.js';

// DOMAIN §4 / 004 C: disclosures without consent, each limited to what its basis carries.
describe('decideStatutoryDisclosure', () => {
  it.each<[string, StatutoryBasis, Part, 'allow' | 'deny']>([
    ['004 C: CBS gets BSN and name', 'cbs-statistics', 'administrative-data', 'allow'],
    ['004 C: CBS gets no care content', 'cbs-statistics', 'conversation-report', 'deny'],
    ['004 C: municipality billing data', 'municipality-billing', 'administrative-data', 'allow'],
    ['003 §3.1: the municipality has no access to the care dossier', 'municipality-billing', 'dossier', 'deny'],
    ['004 C: the inspectorate investigating', 'inspectorate', 'dossier', 'allow'],
    ['003 §2.3.13: personal work notes are not part of the dossier', 'inspectorate', 'personal-work-note', 'deny'],
    ['004 C: a disciplinary court or legal procedure', 'disciplinary-or-legal-procedure', 'research-report', 'allow'],
    ['004 C: conflict of duties, preventing serious harm', 'conflict-of-duties', 'dossier', 'allow'],
    ['003 §2.3.11: raw test data is not passed on', 'child-protection-report', 'raw-test-data', 'deny'],
  ])('%s', (_source, basis, part, expected) => {
    const decision = decideStatutoryDisclosure({ basis, part });
    expect(decision.outcome).toBe(expected);
    expect(decision.basis.length).toBeGreaterThan(0);
  });
});
