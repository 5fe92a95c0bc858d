import { describe, expect, it } from 'vitest';
import { careConsent, type CareConsenter } from './care-consent.js';

describe('consent to start care — Jeugdwet 7.3.4–7.3.5, BW 7:447, 7:450, 7:465; 001; 002; 003 §2.3.5', () => {
  it.each<[string, boolean, CareConsenter[], string]>([
    ['2016-11-22', true, ['legal-representatives'], 'under 12: parents with custody'],
    ['2014-11-23', true, ['legal-representatives'], 'the day before turning 12'],
    ['2014-11-22', true, ['client', 'legal-representatives'], '12 on the day: both'],
    ['2010-11-23', true, ['client', 'legal-representatives'], 'the day before turning 16'],
    ['2010-11-22', true, ['client'], '16: the young person alone'],
    ['2006-01-01', true, ['client'], 'adult'],
    ['2013-11-22', false, ['legal-representatives'], '12+ not competent: representatives act (003 §3.1)'],
  ])('born %s competent=%s → %j (%s)', (born, competent, expected) => {
    expect(careConsent({ on: '2026-11-22', client: { born, competent } }).consentOf).toEqual(expected);
  });
});
