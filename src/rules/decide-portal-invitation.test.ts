/**
 * Who may have a client-portal account today (issue 19, item 1): a table of cases, each with the source it rests on.
 */
import { describe, expect, it } from 'vitest';
import { decidePortalStanding, type PortalStandingInput } from './decide-portal-invitation.js';
import type { Outcome } from './vocabulary.js';

const ON = '2026-12-05';
const born = { 11: '2015-12-06', 12: '2014-12-05', 14: '2012-06-01', 15: '2011-12-06', 16: '2010-12-05', 20: '2006-03-03' } as const;

type Row = [source: string, input: Omit<PortalStandingInput, 'on'>, expected: Outcome, basis?: string[], says?: RegExp];

const rows: Row[] = [
  ['004 D; BW 7:457 with 7:450: under 12 the representatives exercise the rights', { client: { born: born[11] }, actor: 'client' }, 'deny', ['BW 7:450', 'BW 7:457']],
  ['Jeugdwet 7.3.10: from the 12th birthday the young person inspects', { client: { born: born[12] }, actor: 'client' }, 'allow', ['Jeugdwet 7.3.10', 'BW 7:457']],
  ['BW 7:465; 003 §3.1: a young person of 14 who is not competent is represented', { client: { born: born[14], competent: false }, actor: 'client' }, 'deny'],
  ['Jeugdwet 7.3.11: a parent with custody of a 14-year-old inspects', { client: { born: born[14] }, actor: 'parent-with-custody' }, 'allow', ['Jeugdwet 7.3.11']],
  ['Jeugdwet 7.3.11; 001: from 16 a parent with custody through the young person\'s consent', { client: { born: born[16] }, actor: 'parent-with-custody' }, 'allow', ['Jeugdwet 7.3.11'], /toestemming/],
  ['BW 1:377c; 003 §3.1: a parent without custody gets general information until 16', { client: { born: born[15] }, actor: 'parent-without-custody' }, 'allow', ['BW 1:377c'], /algemene informatie/],
  ['BW 1:377c; 003 §3.1: a parent without custody of a 16-year-old: nothing', { client: { born: born[16] }, actor: 'parent-without-custody' }, 'deny', [], /cliëntportaal/],
  ['Besluit Jeugdwet 4.1.5: a confidential advisor has no inspection right', { client: { born: born[14] }, actor: 'confidential-advisor' }, 'deny', ['Besluit Jeugdwet 4.1.5'], /cliëntportaal/],
  ['BW 1:233: custody ended at 18 — the former parent has no right of their own', {
    client: { born: born[20] }, actor: { person: 'm' }, persons: [{ id: 'm', relation: 'parent', custody: 'two-headed-parental' }],
  }, 'deny'],
  ['BW 7:465 lid 3: the mentor of an adult who is not competent', {
    client: { born: born[20], competent: false }, actor: { person: 'x' }, persons: [{ id: 'x', relation: 'mentor', from: '2024-01-01' }],
  }, 'allow', ['BW 7:465']],
  ['BW 1:245: a relation whose custody ended is a parent without custody (14: general information)', {
    client: { born: born[14] }, actor: { person: 'f' }, persons: [{ id: 'f', relation: 'parent', custody: 'two-headed-parental', from: '2012-06-01', to: '2026-01-31' }],
  }, 'allow', ['BW 1:377c'], /geen gezag/],
];

describe('decidePortalStanding (issue 19: who may have a portal account today)', () => {
  it.each(rows)('%s', (_source, input, expected, basis = [], says) => {
    const d = decidePortalStanding({ on: ON, ...input });
    expect(d.outcome).toBe(expected);
    for (const b of basis) expect(d.basis).toContain(b);
    if (says !== undefined) expect(d.explanation).toMatch(says);
    expect(d.explanation.length).toBeGreaterThan(20);
  });
});
