import { describe, expect, it } from 'vitest';
import { appealDeadline, destructionDeadline, responseDeadline } from './deadlines.js';

describe('response deadline — AVG 12(3), UAVG 34, Regulation 1182/71, Algemene termijnenwet', () => {
  it.each([
    ['2026-03-16', false, '2026-04-16', 'public scenario deadline.plain'],
    ['2026-01-31', false, '2026-03-02', 'month end on a Saturday'],
    ['2026-03-16', true, '2026-06-16', 'extended by two months'],
    ['2026-03-27', false, '2026-04-28', 'King\'s Day'],
    ['2026-04-05', false, '2026-05-06', 'Liberation Day'],
    ['2026-03-03', false, '2026-04-07', 'Good Friday, weekend, Easter Monday (Atw 3(2))'],
    ['2024-01-31', false, '2024-02-29', 'leap February'],
  ])('received %s extended=%s → %s (%s)', (received, extended, expected) => {
    const answer = responseDeadline({ received, extended });
    expect(answer.date).toBe(expected);
    expect(answer.basis).toEqual(expect.arrayContaining(['AVG 12', 'UAVG 34', 'Algemene termijnenwet 1']));
  });

  it('explains a move in Dutch', () => {
    expect(responseDeadline({ received: '2026-01-31' }).explanation).toContain('zaterdag');
    expect(responseDeadline({ received: '2026-03-27' }).explanation).toContain('Koningsdag');
  });
});

describe('appeal deadline — Jeugdwet 7.3.17, UAVG 35: six weeks', () => {
  it.each([
    ['2026-03-02', '2026-04-13', 'public scenario appeal.six-weeks'],
    ['2026-11-14', '2026-12-28', 'Boxing Day on a Saturday'],
    ['2026-11-20', '2027-01-04', 'New Year\'s Day on a Friday'],
  ])('answered %s → %s (%s)', (answered, expected) => {
    const answer = appealDeadline({ answered });
    expect(answer.date).toBe(expected);
    expect(answer.basis).toEqual(expect.arrayContaining(['Jeugdwet 7.3.17', 'UAVG 35']));
  });
});

describe('destruction deadline — Jeugdwet 7.3.9: three months', () => {
  it.each([
    ['2026-03-16', '2026-06-16', 'plain'],
    ['2025-11-30', '2026-03-02', 'last day of February on a Saturday'],
    // Moved here from conformance/scenarios.json: `destruction-deadline` is no word of either scenario format (issue 16, error 11).
    ['2026-02-05', '2026-05-06', 'Liberation Day'],
    ['2026-02-15', '2026-05-18', 'the decree day 15 May 2026 and a weekend (Atw art. 3(3))'],
  ])('received %s → %s (%s)', (received, expected) => {
    const answer = destructionDeadline({ received });
    expect(answer.date).toBe(expected);
    expect(answer.basis).toContain('Jeugdwet 7.3.9');
  });
});
