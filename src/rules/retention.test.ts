import { describe, expect, it } from 'vitest';
import { retention, retentionUntil } from './retention.js';
import type { RetentionFact } from './vocabulary.js';

describe('retention — Jeugdwet 7.3.8, BW 7:454: 20 years after the last change', () => {
  it.each<[string, RetentionFact[], string | null, string]>([
    ['2025-06-30', [], '2045-06-30', 'public scenario retention.default'],
    ['2025-06-30', ['needed-for-procedure'], null, '003 §3.2: needed for a procedure'],
    ['2080-02-29', [], '2100-02-28', '29 February → 28 February (Regulation 1182/71 month-end rule)'],
    ['2026-06-23', [], '2046-06-23', 'not moved for a Saturday'],
  ])('last change %s facts %j → %s (%s)', (lastChange, facts, expected) => {
    const answer = retentionUntil({ lastChange, facts });
    expect(answer.until).toBe(expected);
    expect(answer.basis).toContain('Jeugdwet 7.3.8');
  });
});

// Error 9 of issue 16: the terms of 003 §3.2 and a dated good-care extension (Jeugdwet 7.3.8) could not be expressed.
describe('retention with the organisation\'s term (003 §3.2) and good care (Jeugdwet 7.3.8)', () => {
  it.each([
    ['003 §3.2: RvdK until the child is 24', { lastChange: '2013-01-15', client: { born: '2010-08-20' }, term: { kind: 'until-age', age: 24 } as const }, '2034-08-20', false],
    ['003 §3.2: after an OTS at most 30 years after majority', { lastChange: '2026-09-30', client: { born: '2009-04-03' }, term: { kind: 'until-age', age: 48 } as const }, '2057-04-03', false],
    ['003 §3.2: Veilig Thuis until the youngest child is 18 — below the minimum', { lastChange: '2024-10-01', term: { kind: 'until-age', age: 18, born: '2019-07-11' } as const }, '2044-10-01', true],
    ['001: 15 years is below the legal minimum', { lastChange: '2026-05-12', term: { kind: 'years-after-last-change', years: 15 } as const }, '2046-05-12', true],
    ['a term of exactly 20 years is no warning', { lastChange: '2026-05-12', term: { kind: 'years-after-last-change', years: 20 } as const }, '2046-05-12', false],
    ['000: good care (sexual abuse) until a recorded day', { lastChange: '2025-06-30', goodCareUntil: '2060-06-30' }, '2060-06-30', false],
  ])('%s', (_source, input, until, warning) => {
    const plan = retention(input);
    expect(plan.until).toBe(until);
    expect(plan.warning).toBe(warning);
    expect(plan.explanation).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('has no end while needed for a procedure, and still warns of a short term', () => {
    const plan = retention({ lastChange: '2025-06-30', term: { kind: 'years-after-last-change', years: 15 }, facts: ['needed-for-procedure'] });
    expect(plan).toMatchObject({ until: null, warning: true });
  });

  it('needs a birth date for an until-age term', () => {
    expect(() => retention({ lastChange: '2025-06-30', term: { kind: 'until-age', age: 24 } })).toThrow(RangeError);
  });
});
