/**
 * Restriction (AVG 18), objection (AVG 21), portability (AVG 20) and
 * withdrawing a consent (AVG 7(3)), each with its own entitlement — not the
 * own statement's. One row per case, with its source.
 */
import { describe, expect, it } from 'vitest';
import { decideRequestKind, WHAT_HAPPENS, type AvgRightKind } from './decide-avg-rights.js';
import type { Actor, Outcome } from './vocabulary.js';
import type { Person } from './persons.js';

const ON = '2026-12-04';
const bornAged = (age: number) => `${2026 - age}-06-01`;

type Row = readonly [AvgRightKind, Actor, number, Outcome, string];

const ROWS: readonly Row[] = [
  // AVG 7(3); 003 §2.2.2 "De betrokkene mag te allen tijde zijn toestemming intrekken": the one who gave it, at any age of the client.
  ['withdraw-consent', 'parent-with-custody', 16, 'allow', 'AVG 7(3): a parent withdraws their own consent without the 16-year-old\'s'],
  ['withdraw-consent', 'parent-with-custody', 17, 'allow', 'AVG 7(3)'],
  ['withdraw-consent', 'guardian', 20, 'allow', 'AVG 7(3): a former guardian withdraws a consent given while the client was a minor'],
  ['withdraw-consent', 'third-party', 14, 'allow', 'AVG 7(3); Jeugdwet 7.3.10: the person whose information it is withdraws their consent to showing it'],
  ['withdraw-consent', 'parent-without-custody', 14, 'allow', 'AVG 7(3): their own consent as the person the information is about'],
  ['withdraw-consent', 'client', 14, 'allow', 'AVG 7(3); 003 §3.1: from 12 the young person'],
  ['withdraw-consent', 'client', 10, 'deny', 'Jeugdwet 7.3.4; BW 7:465: under 12 the parents give and withdraw consent'],
  ['withdraw-consent', 'municipality', 14, 'deny', '003 §2.2.2, §3.1: the municipality gives no consent about the client'],
  ['withdraw-consent', 'care-professional', 14, 'deny', 'AVG 7(3): an employee gave no consent'],
  // Jeugdwet 7.3.11 (004 D): the parents' own right for 12–15 is information, inspection and copy — not these rights.
  ['restrict', 'parent-with-custody', 14, 'needs-consent', 'AVG 18; Jeugdwet 7.3.11; 003 §3.1 "Vanaf 12 jaar oefent de jeugdige … zelfstandig zijn dossier-rechten uit"'],
  ['object', 'parent-with-custody', 13, 'needs-consent', 'AVG 21; Jeugdwet 7.3.11'],
  ['portability', 'guardian', 15, 'needs-consent', 'AVG 20(2); Jeugdwet 7.3.11: portability hands the data to another organisation, not a copy to the parent'],
  ['restrict', 'parent-with-custody', 8, 'allow', 'BW 7:465 lid 1; BW 1:245 lid 4; 004 D: under 12 the legal representatives act'],
  ['object', 'guardian', 10, 'allow', 'BW 7:465 lid 1'],
  ['portability', 'parent-with-custody', 17, 'needs-consent', 'Jeugdwet 7.3.11; 004 D: from 16 only with the young person\'s consent'],
  ['restrict', 'parent-with-custody', 19, 'needs-consent', 'BW 1:233: custody ends at 18'],
  ['restrict', 'client', 12, 'allow', 'AVG 18; 003 §3.1: from 12'],
  ['object', 'client', 11, 'deny', 'AVG 21; BW 7:465: under 12 the representatives act'],
  ['portability', 'client', 16, 'allow', 'AVG 20'],
  ['restrict', 'family-guardian', 9, 'deny', 'AVG 18; Jeugdwet 7.3.11: the family guardian is not a legal representative'],
  ['portability', 'third-party', 13, 'deny', 'AVG 20: not for someone outside the representation'],
  ['object', 'parent-without-custody', 10, 'deny', 'BW 1:377c: general information only'],
  ['restrict', 'municipality', 15, 'deny', '003 §3.1: no access to the care dossier'],
  ['object', 'manager', 15, 'deny', 'AVG 21: the client\'s right'],
];

describe('restriction, objection, portability and withdrawing a consent, each by its own entitlement', () => {
  it.each(ROWS)('%s by %s of a %i-year-old: %s (%s)', (kind, actor, age, outcome) => {
    const answer = decideRequestKind({ on: ON, client: { born: bornAged(age) }, actor, kind });
    expect(answer.outcome, answer.explanation).toBe(outcome);
    expect(answer.basis.length).toBeGreaterThan(0);
    // Never explained as an own statement (issue 15), always in the kind's own words.
    expect(answer.explanation).not.toContain('eigen verklaring');
    if (outcome === 'allow') expect(answer.explanation).toContain(WHAT_HAPPENS[kind]);
  });

  it('a parent of a 14-year-old may restrict once the young person\'s consent is recorded, and is told whose consent is missing before', () => {
    const before = decideRequestKind({ on: ON, client: { born: bornAged(14) }, actor: 'parent-with-custody', kind: 'restrict' });
    expect(before).toMatchObject({ outcome: 'needs-consent', consentOf: ['client'] });
    expect(before.basis).toEqual(expect.arrayContaining(['AVG 18', 'Jeugdwet 7.3.11']));
    const after = decideRequestKind({ on: ON, client: { born: bornAged(14) }, actor: 'parent-with-custody', kind: 'restrict', facts: ['consent-given'] });
    expect(after.outcome).toBe('allow');
    expect(after.explanation).toContain('De jongere heeft daarvoor toestemming gegeven.');
  });

  it('withdrawing a consent cites AVG 7, and a parent of a 17-year-old is not told to ask the young person', () => {
    const answer = decideRequestKind({ on: ON, client: { born: bornAged(17) }, actor: 'parent-with-custody', kind: 'withdraw-consent' });
    expect(answer.basis).toContain('AVG 7');
    expect(answer.explanation).not.toContain('toestemming van de jongere');
  });

  it('the representative of an adult who is not competent restricts for the client (BW 7:465 lid 3); a partner ranks below a curator', () => {
    const persons: Person[] = [{ id: 'curator', relation: 'curator', from: '2025-01-01' }, { id: 'partner', relation: 'partner' }];
    const client = { born: bornAged(30), competent: false };
    expect(decideRequestKind({ on: ON, client, persons, actor: { person: 'curator' }, kind: 'restrict' }).outcome).toBe('allow');
    const partner = decideRequestKind({ on: ON, client, persons, actor: { person: 'partner' }, kind: 'restrict' });
    expect(partner).toMatchObject({ outcome: 'needs-consent', consentOf: ['representative'] });
    expect(decideRequestKind({ on: ON, client, persons, actor: 'client', kind: 'object' }).outcome).toBe('deny');
  });

  it('after death nobody exercises the client\'s rights (Jeugdwet 7.3.12a), but a living person\'s own consent stays theirs (AVG 7(3))', () => {
    const client = { born: bornAged(15), deceased: '2026-10-01' };
    const restrict = decideRequestKind({ on: ON, client, actor: 'parent-with-custody', kind: 'restrict' });
    expect(restrict.outcome).toBe('deny');
    expect(restrict.basis).toContain('Jeugdwet 7.3.12a');
    expect(restrict.explanation).toContain('1 oktober 2026');
    expect(decideRequestKind({ on: ON, client, actor: 'parent-with-custody', kind: 'withdraw-consent' }).outcome).toBe('allow');
    expect(decideRequestKind({ on: ON, client, actor: 'client', kind: 'withdraw-consent' }).outcome).toBe('deny');
  });

  it('the other kinds are decide\'s questions, answered the same', () => {
    const asKind = decideRequestKind({ on: ON, client: { born: bornAged(14) }, actor: 'parent-with-custody', kind: 'inspect' });
    expect(asKind.outcome).toBe('allow');
    expect(asKind.basis).toContain('Jeugdwet 7.3.11');
  });
});
