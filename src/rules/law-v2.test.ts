/**
 * The errors a legal review found in the engine (issue 16), one `describe`
 * per error, each row citing its source. Every assertion here failed on the
 * engine before issue 16. Error 11 (the format-1 parser) is tested in
 * `src/conformance/parse.test.ts`; errors 7 and 9 also in `holidays.test.ts`
 * and `retention.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { careConsent } from './care-consent.js';
import { decide, generalInformation } from './decide.js';
import { requestDeadlines } from './deadlines.js';
import type { DecideInput } from './decision.js';
import { isWorkingDay } from './holidays.js';
import { responseDeadline } from './deadlines.js';
import { retention } from './retention.js';
import { toCalendarDate } from './calendar.js';
import type { Person } from './persons.js';

const ON = '2026-11-22';
const isoDate = /\d{4}-\d{2}-\d{2}/;

function outcome(input: Omit<DecideInput, 'on'>): { outcome: string; consentOf?: readonly string[]; basis: readonly string[]; explanation: string } {
  const d = decide({ on: ON, ...input });
  return d.outcome === 'needs-consent' ? { outcome: d.outcome, consentOf: d.consentOf, basis: d.basis, explanation: d.explanation } : { outcome: d.outcome, basis: d.basis, explanation: d.explanation };
}

describe('error 1 — custody ends at 18 (BW 1:233); an adult who is not competent is represented under BW 7:465 lid 3 (003 §3.1)', () => {
  const mother: Person = { id: 'mother', relation: 'parent', custody: 'two-headed-parental', from: '2006-11-22' };
  const curator: Person = { id: 'curator', relation: 'curator', from: '2025-02-03' };
  const partner: Person = { id: 'partner', relation: 'partner' };
  const adult = { born: '2006-11-22', competent: false } as const;

  it('a parent with custody (format-1 word) of a 20-year-old who is not competent needs the representative\'s consent', () => {
    expect(outcome({ client: adult, actor: 'parent-with-custody', action: 'inspect' })).toMatchObject({ outcome: 'needs-consent', consentOf: ['representative'] });
    expect(outcome({ client: adult, actor: 'guardian', action: 'copy' })).toMatchObject({ outcome: 'needs-consent', consentOf: ['representative'] });
  });

  it('care consent for a 20-year-old who is not competent comes from the representative, not the "ouders met gezag of voogd"', () => {
    const answer = careConsent({ on: ON, client: adult });
    expect(answer.consentOf).toEqual(['representative']);
    expect(answer.basis).toContain('BW 7:465');
    expect(answer.explanation).not.toContain('ouders met gezag of voogd');
  });

  it('the curator outranks the parent; the parent then needs the curator\'s consent (BW 7:465 lid 3)', () => {
    expect(outcome({ client: adult, persons: [curator, mother], actor: { person: 'curator' }, action: 'inspect' })).toMatchObject({ outcome: 'allow' });
    expect(outcome({ client: adult, persons: [curator, mother], actor: { person: 'mother' }, action: 'inspect' })).toMatchObject({ outcome: 'needs-consent', consentOf: ['representative'] });
  });

  it('without curator, mentor, authorised person or partner, a parent is the representative (rank 4)', () => {
    expect(outcome({ client: adult, persons: [mother], actor: { person: 'mother' }, action: 'inspect' })).toMatchObject({ outcome: 'allow' });
    expect(outcome({ client: adult, persons: [partner, mother], actor: { person: 'mother' }, action: 'copy' })).toMatchObject({ outcome: 'needs-consent', consentOf: ['representative'] });
    expect(outcome({ client: adult, persons: [partner, mother], actor: { person: 'partner' }, action: 'copy' })).toMatchObject({ outcome: 'allow' });
  });

  it('a curator whose appointment ended no longer represents; the next rank does', () => {
    const ended: Person = { ...curator, to: '2026-01-31' };
    expect(outcome({ client: adult, persons: [ended, mother], actor: { person: 'curator' }, action: 'inspect' })).toMatchObject({ outcome: 'needs-consent' });
    expect(outcome({ client: adult, persons: [ended, mother], actor: { person: 'mother' }, action: 'inspect' })).toMatchObject({ outcome: 'allow' });
  });

  it('consent for a third party of an adult who is not competent is the representative\'s', () => {
    expect(outcome({ client: adult, actor: 'third-party', action: 'disclose' })).toMatchObject({ outcome: 'needs-consent', consentOf: ['representative'] });
  });

  it('a minor of 17 who is not competent is still represented by the parents with custody (BW 7:465 lid 2)', () => {
    expect(outcome({ client: { born: '2009-06-01', competent: false }, actor: 'parent-with-custody', action: 'inspect' })).toMatchObject({ outcome: 'allow' });
  });
});

describe('error 2 — a non-parent in joint custody with a parent (BW 1:253t) is a legal representative, not a third party', () => {
  const persons: Person[] = [
    { id: 'mother', relation: 'parent', custody: 'joint-with-non-parent', from: '2019-05-01' },
    { id: 'stepfather', relation: 'other', custody: 'joint-with-non-parent', from: '2019-05-01' },
  ];

  it.each([
    ['BW 1:245(4)–(5), 1:253t; 004 D: under 12 the custodians inspect', '2016-11-22', 'inspect', 'allow'],
    ['Jeugdwet 7.3.11: 12–15 their own right', '2012-11-22', 'copy', 'allow'],
    ['004 D: from 16 with the young person\'s consent', '2009-11-22', 'inspect', 'needs-consent'],
  ] as const)('%s', (_source, born, action, expected) => {
    const d = outcome({ client: { born }, persons, actor: { person: 'stepfather' }, action });
    expect(d.outcome).toBe(expected);
    expect(d.basis).toContain('BW 1:253t');
  });

  it('custody before its start is no custody', () => {
    expect(decide({ on: '2019-04-30', client: { born: '2016-11-22' }, persons, actor: { person: 'stepfather' }, action: 'inspect' }).outcome).toBe('deny');
  });
});

describe('error 3 — the municipality gets no care content, with or without consent (003 §3.1; 003 §2.2.2)', () => {
  it.each(['inspect', 'copy', 'disclose', 'general-information'] as const)('%s with consent is deny, and the explanation does not contradict it', (action) => {
    const d = outcome({ client: { born: '2011-11-22' }, actor: 'municipality', action, facts: ['consent-given'] });
    expect(d.outcome).toBe('deny');
    expect(d.explanation).not.toContain('wel toestemming gegeven');
  });

  it('billing data stays available (004 C)', () => {
    expect(outcome({ client: { born: '2011-11-22' }, actor: 'municipality', action: 'disclose', part: 'administrative-data' }).outcome).toBe('allow');
  });
});

describe('error 4 — administrative staff read for an administrative task (004 C)', () => {
  it.each(['conversation-report', 'care-plan', 'dossier'] as const)('%s with a recorded task is allow', (part) => {
    expect(outcome({ client: { born: '2014-11-22' }, actor: 'admin-staff', action: 'read', part, facts: ['purpose-administrative-task'] }).outcome).toBe('allow');
  });

  it('never a personal work note, and without a task no care content (DOMAIN §2: "as far as that task needs")', () => {
    expect(outcome({ client: { born: '2014-11-22' }, actor: 'admin-staff', action: 'read', part: 'personal-work-note', facts: ['purpose-administrative-task'] }).outcome).toBe('deny');
    expect(outcome({ client: { born: '2014-11-22' }, actor: 'admin-staff', action: 'read', part: 'conversation-report' }).outcome).toBe('deny');
  });
});

describe('error 5 — an emergency does not override the client\'s objection to interns (000)', () => {
  it('intern, objection and emergency: deny', () => {
    expect(outcome({ client: { born: '2014-11-22' }, actor: 'intern', action: 'read', facts: ['client-objects-to-interns', 'emergency'] }).outcome).toBe('deny');
  });

  it('another employee may still break the glass (003 §2.2.8)', () => {
    expect(outcome({ client: { born: '2014-11-22' }, actor: 'employee-without-relation', action: 'read', facts: ['client-objects-to-interns', 'emergency'] }).outcome).toBe('allow');
  });
});

describe('error 6 — general information holds goals and results (003 §3.1), and from 16 the young person decides (001)', () => {
  it('a parent without custody of a 9-year-old gets start, end, goals and results, named in the explanation', () => {
    const answer = generalInformation({ on: ON, client: { born: '2017-11-22' }, actor: 'parent-without-custody' });
    expect(answer.items).toEqual(['start', 'end', 'goals', 'results']);
    expect(answer.explanation).toContain('doelen');
    expect(answer.explanation).toContain('bereikt');
  });

  it('from 16: needs the young person\'s consent, and then nothing is given yet', () => {
    expect(outcome({ client: { born: '2009-11-22' }, actor: 'parent-without-custody', action: 'general-information' })).toMatchObject({ outcome: 'needs-consent', consentOf: ['client'] });
    expect(generalInformation({ on: ON, client: { born: '2009-11-22' }, actor: 'parent-without-custody' }).items).toEqual([]);
  });

  it('a parent whose custody ended is a parent without custody (003 §2.3.5: custody changes over time)', () => {
    const persons: Person[] = [
      { id: 'father', relation: 'parent', custody: 'two-headed-parental', from: '2015-11-22', to: '2025-09-30' },
      { id: 'mother', relation: 'parent', custody: 'single-headed-parental', from: '2025-10-01' },
    ];
    expect(generalInformation({ on: ON, client: { born: '2015-11-22' }, persons, actor: { person: 'father' } }).items).toEqual(['start', 'end', 'goals', 'results']);
    expect(outcome({ client: { born: '2015-11-22' }, persons, actor: { person: 'father' }, action: 'inspect' }).outcome).toBe('deny');
  });
});

describe('error 7 — deadlines move past the days made equal by decree (Algemene termijnenwet art. 3(3))', () => {
  it('15 May 2026 (Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, …) is no working day', () => {
    expect(isWorkingDay(toCalendarDate('2026-05-15', 'test'))).toBe(false);
  });

  it('a request received on 15 April 2026 is decided by 18 May 2026, not 15 May', () => {
    expect(responseDeadline({ received: '2026-04-15' }).date).toBe('2026-05-18');
  });

  it('a request received on 2 December 2025 is decided by 5 January 2026 (2 January 2026 is made equal)', () => {
    expect(responseDeadline({ received: '2025-12-02' }).date).toBe('2026-01-05');
  });
});

describe('error 8 — the appeal deadline runs from receipt of a timely answer, and does not exist for a late one (003 §4; AVG 12(3))', () => {
  it('six weeks after the answer was received, not after the decision', () => {
    expect(requestDeadlines({ received: '2026-03-16', decided: '2026-04-09', answerReceived: '2026-04-14' })).toMatchObject({ decisionDeadline: '2026-04-16', extended: false, appealDeadline: '2026-05-26' });
  });

  it('no appeal deadline after a late answer', () => {
    expect(requestDeadlines({ received: '2026-03-16', decided: '2026-04-20', answerReceived: '2026-04-22' }).appealDeadline).toBeNull();
  });

  it('an extension counts only when notified within the first month with the reasons', () => {
    expect(requestDeadlines({ received: '2026-03-16', extension: { notified: '2026-04-02', reasons: true } })).toMatchObject({ decisionDeadline: '2026-06-16', extended: true });
    expect(requestDeadlines({ received: '2026-03-16', extension: { notified: '2026-04-02', reasons: false } })).toMatchObject({ decisionDeadline: '2026-04-16', extended: false });
    expect(requestDeadlines({ received: '2026-03-16', extension: { notified: '2026-04-17', reasons: true } })).toMatchObject({ decisionDeadline: '2026-04-16', extended: false });
  });

  it('explains with dates in words', () => {
    expect(requestDeadlines({ received: '2026-03-16', decided: '2026-04-09', answerReceived: '2026-04-14' }).explanation).not.toMatch(isoDate);
  });
});

describe('error 9 — the 003 §3.2 terms and a good-care extension with an end (Jeugdwet 7.3.8)', () => {
  it('until the child is 24 (RvdK) and a good-care day both lengthen the keeping', () => {
    expect(retention({ lastChange: '2013-01-15', client: { born: '2010-08-20' }, term: { kind: 'until-age', age: 24 } }).until).toBe('2034-08-20');
    expect(retention({ lastChange: '2025-06-30', goodCareUntil: '2060-06-30' }).until).toBe('2060-06-30');
  });
});

describe('error 10 — heirs (Jeugdwet 7.3.12a; BW 7:458a) and research (Jeugdwet 7.3.12; BW 7:458)', () => {
  const deceased = { born: '2005-03-14', deceased: '2025-09-02' };
  const brother: Person = { id: 'brother', relation: 'sibling' };

  it('after death: only on a ground of 7.3.12a, never against an objection in life', () => {
    expect(outcome({ client: deceased, persons: [brother], actor: { person: 'brother' }, action: 'inspect' }).outcome).toBe('deny');
    expect(outcome({ client: deceased, persons: [brother], actor: { person: 'brother' }, action: 'inspect', facts: ['consented-in-life'] })).toMatchObject({ outcome: 'allow', basis: expect.arrayContaining(['Jeugdwet 7.3.12a']) });
    expect(outcome({ client: deceased, persons: [brother], actor: { person: 'brother' }, action: 'copy', facts: ['compelling-interest'] }).outcome).toBe('allow');
    expect(outcome({ client: deceased, persons: [brother], actor: { person: 'brother' }, action: 'copy', facts: ['compelling-interest', 'objected-in-life'] }).outcome).toBe('deny');
  });

  it('a parent who held custody of a child who died before 16 (lid 2); consent-given counts for nothing after death', () => {
    const child = { born: '2011-03-14', deceased: '2026-06-02' };
    expect(outcome({ client: child, actor: 'parent-with-custody', action: 'inspect' }).outcome).toBe('allow');
    expect(outcome({ client: { born: '2009-03-14', deceased: '2026-06-02' }, actor: 'parent-with-custody', action: 'inspect', facts: ['consent-given'] }).outcome).toBe('deny');
    expect(outcome({ client: child, actor: 'parent-with-custody', action: 'destroy' }).outcome).toBe('deny');
  });

  it('research without consent only under the exception and without objection', () => {
    expect(outcome({ client: { born: '2012-11-22' }, actor: 'third-party', action: 'disclose', facts: ['research-exception'] })).toMatchObject({ outcome: 'allow', basis: expect.arrayContaining(['Jeugdwet 7.3.12']) });
    expect(outcome({ client: { born: '2012-11-22' }, actor: 'third-party', action: 'disclose', facts: ['research-exception', 'client-objects-to-research'] }).outcome).toBe('deny');
  });
});
