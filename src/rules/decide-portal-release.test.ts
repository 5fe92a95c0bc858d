import { describe, expect, it } from 'vitest';
import { decidePortalRelease, decideWithholding, type ReleaseRecord, type ReleaseState } from './decide-portal-release.js';

const recordedOn = '2026-12-01';

// When an entry reaches the portal (issue 19 item 2). Sources: 003 §2.3.6 (the holder decides on the client's
// requests), 003 §3.1 and Jeugdwet 7.3.2 lid 4 (withheld for clearly serious harm, only after consulting another
// professional), 003 §3.1 and Jeugdwet 7.3.10 (withheld to protect another person's privacy), AVG 15 (the right of
// access that the organisation's delay may not turn into a refusal).
describe('decidePortalRelease', () => {
  it.each<[string, ReleaseRecord[], number, string, ReleaseState, string | null, string]>([
    ['AVG 15: without a record, released after the organisation\'s days', [], 14, '2026-12-15', 'released', '2026-12-15', 'AVG 15'],
    ['AVG 15: on the day itself, not a day earlier', [], 14, '2026-12-14', 'waiting', '2026-12-15', 'AVG 15'],
    ['AVG 15: zero days is the day it is recorded', [], 0, '2026-12-01', 'released', '2026-12-01', 'AVG 15'],
    ['003 §2.3.6: the holder releases it earlier', [{ kind: 'release', on: '2026-12-02' }], 14, '2026-12-03', 'released', '2026-12-02', 'Jeugdwet 7.3.10'],
    ['003 §2.3.6: a release never pushes the automatic day back', [{ kind: 'release', on: '2026-12-20' }], 14, '2026-12-16', 'released', '2026-12-15', 'AVG 15'],
    ['Jeugdwet 7.3.2 lid 4: withheld for serious harm stays out after the days', [{ kind: 'withhold', on: '2026-12-02', ground: 'serious-harm' }], 14, '2027-03-01', 'withheld', null, 'Jeugdwet 7.3.2'],
    ['Jeugdwet 7.3.10: withheld for another person\'s privacy', [{ kind: 'withhold', on: '2026-12-02', ground: 'privacy-of-another' }], 14, '2026-12-20', 'withheld', null, 'Jeugdwet 7.3.10'],
    ['Append-only: a later release lifts the withholding', [{ kind: 'withhold', on: '2026-12-02', ground: 'serious-harm' }, { kind: 'release', on: '2026-12-04' }], 14, '2026-12-05', 'released', '2026-12-04', 'AVG 15'],
    ['Append-only: a later withholding takes a released entry out again', [{ kind: 'release', on: '2026-12-02' }, { kind: 'withhold', on: '2026-12-03', ground: 'serious-harm' }], 14, '2026-12-05', 'withheld', null, 'Jeugdwet 7.3.2'],
  ])('%s', (_source, records, releaseDays, today, state, visibleFrom, article) => {
    const decision = decidePortalRelease({ recordedOn, records, releaseDays, today });
    expect(decision.state).toBe(state);
    expect(decision.visibleFrom).toBe(visibleFrom);
    expect(decision.basis).toContain(article);
    expect(decision.explanation.length).toBeGreaterThan(30);
    // Dutch, dates in words, never a raw code.
    expect(decision.explanation).not.toMatch(/\d{4}-\d{2}-\d{2}|serious-harm|privacy-of-another/);
  });

  it('names the day in words while waiting, and says inspection can be asked now (AVG 15)', () => {
    const decision = decidePortalRelease({ recordedOn, records: [], releaseDays: 14, today: '2026-12-05' });
    expect(decision.explanation).toContain('15 december 2026');
    expect(decision.explanation).toContain('in te zien');
  });
});

describe('decideWithholding', () => {
  it.each<[string, 'serious-harm' | 'privacy-of-another', boolean, boolean]>([
    ['Jeugdwet 7.3.2 lid 4: serious harm only after consulting another professional', 'serious-harm', false, false],
    ['Jeugdwet 7.3.2 lid 4: allowed once consulted', 'serious-harm', true, true],
    ['Jeugdwet 7.3.10: another person\'s privacy needs no consultation', 'privacy-of-another', false, true],
  ])('%s', (_source, ground, consultedAnother, allowed) => {
    const decision = decideWithholding({ ground, consultedAnother });
    expect(decision.allowed).toBe(allowed);
    expect(decision.explanation.length).toBeGreaterThan(30);
  });
});
