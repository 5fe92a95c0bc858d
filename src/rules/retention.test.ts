import { describe, expect, it } from 'vitest';
import { retentionUntil } from './retention.js';
import type { RetentionFact } from './vocabulary.js';

describe('retention — Jeugdwet 7.3.8, BW 7:454: 20 years after the last change', () => {
  it.each<[string, RetentionFact[], string | null, string]>([
    ['2025-06-30', [], '2045-06-30', 'public scenario retention.default'],
    ['2025-06-30', ['needed-for-procedure'], null, '003 §3.2: needed for a procedure'],
    ['2025-06-30', ['good-care-requires-keeping'], null, 'Jeugdwet 7.3.8: longer as good care requires'],
    ['2080-02-29', [], '2100-02-28', '29 February → 28 February (Regulation 1182/71 month-end rule)'],
    ['2026-06-23', [], '2046-06-23', 'not moved for a Saturday'],
  ])('last change %s facts %j → %s (%s)', (lastChange, facts, expected) => {
    const answer = retentionUntil({ lastChange, facts });
    expect(answer.until).toBe(expected);
    expect(answer.basis).toContain('Jeugdwet 7.3.8');
  });
});
