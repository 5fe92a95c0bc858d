/** Purposes are references (decide-purpose.ts): each row names its source. */
import { describe, expect, it } from 'vitest';
import { decidePurpose } from './decide-purpose.js';

describe('decidePurpose', () => {
  it.each([
    ['DOMAIN §2; 004 C: a manager, an incident about this client', 'manager', 'incident', 'found', 'allow', 'purpose.incident.recorded'],
    ['issue 14: a manager naming no incident', 'manager', 'incident', 'missing', 'deny', 'purpose.incident.no-reference'],
    ['issue 14: a manager naming an incident about someone else', 'manager', 'incident', 'not-found', 'deny', 'purpose.incident.reference-not-found'],
    ['DOMAIN §2: quality control by sample, this client in the sample', 'manager', 'quality-control', 'found', 'allow', 'purpose.quality-control.recorded'],
    ['DOMAIN §2: complaints are a manager\'s purpose, not a care professional\'s', 'care-professional', 'complaint', 'found', 'deny', 'purpose.complaint.not-for-actor'],
    ['AVG 18(2); 003 §3.2: the care professional defends themselves with a recorded procedure', 'care-professional', 'legal-claims', 'found', 'allow', 'purpose.legal-claims.recorded'],
    ['AVG 18(2): a procedure must be recorded', 'care-professional', 'legal-claims', 'missing', 'deny', 'purpose.legal-claims.no-reference'],
    ['AVG 18(2): a substitute for the professional', 'substitute', 'legal-claims', 'found', 'allow', 'purpose.legal-claims.recorded'],
    ['AVG 18(2): the manager conducts the organisation\'s side', 'manager', 'legal-claims', 'found', 'allow', 'purpose.legal-claims.recorded'],
    ['AVG 18(2): no part for administrative staff', 'admin-staff', 'legal-claims', 'found', 'deny', 'purpose.legal-claims.not-for-actor'],
    ['AVG 18(2): no part for an intern', 'intern', 'legal-claims', 'found', 'deny', 'purpose.legal-claims.not-for-actor'],
    ['AVG 38–39: the privacy officer supervises and is no party', 'employee-without-relation', 'legal-claims', 'found', 'deny', 'purpose.legal-claims.not-for-actor'],
  ] as const)('%s', (_source, actor, purpose, reference, outcome, rule) => {
    const decision = decidePurpose({ actor, purpose, reference });
    expect(decision.outcome).toBe(outcome);
    expect(decision.rule).toBe(rule);
  });
});
