/** The caseload's signals and their order (issue 15 item 9); each row cites the rule it rests on. */
import { describe, expect, it } from 'vitest';
import { rankCaseload, signalsOf, type CaseloadFacts } from './caseload-signals.js';

const TODAY = '2026-12-05';
const quiet: CaseloadFacts = {
  clientId: 'c', born: '2008-01-01', requests: [], consents: [{ kind: 'care', givenBy: 'client', validTo: null }],
  lastPlanOn: '2026-10-01', lastEvaluationOn: null, emergency: null,
};

describe('signals of one client', () => {
  it('a quiet dossier (consent in force, recent plan) has none', () => {
    expect(signalsOf(quiet, TODAY)).toEqual([]);
  });

  it.each<[string, CaseloadFacts['requests'][number], number, boolean]>([
    ['past the deadline: late, urgent (AVG 12(3))', { id: 'r', kind: 'inspect', state: 'received', dueOn: '2026-12-04' }, 3, true],
    ['within a week: soon (AVG 12(3))', { id: 'r', kind: 'inspect', state: 'received', dueOn: '2026-12-11' }, 2, false],
    ['later: for information', { id: 'r', kind: 'inspect', state: 'extended', dueOn: '2027-01-20' }, 1, false],
  ])('an open request %s', (_why, request, urgency, overdue) => {
    expect(signalsOf({ ...quiet, requests: [request] }, TODAY)).toEqual([expect.objectContaining({ kind: 'request', urgency, overdue, on: request.dueOn })]);
  });

  it('a decided destruction is due for carrying out (Jeugdwet 7.3.9)', () => {
    expect(signalsOf({ ...quiet, requests: [{ id: 'r', kind: 'destroy', state: 'decided', dueOn: '2027-02-01' }] }, TODAY)[0]).toMatchObject({ due: 'fulfilment' });
  });

  it.each<[string, string, CaseloadFacts['consents'], string[]]>([
    ['14: the young person and the parents (Jeugdwet 7.3.4)', '2012-06-01', [{ kind: 'care', givenBy: 'client', validTo: null }], ['legal-representatives']],
    ['10: the parents (Jeugdwet 7.3.4; BW 7:450)', '2016-06-01', [], ['legal-representatives']],
    ['17: the young person alone (Jeugdwet 7.3.5)', '2009-06-01', [{ kind: 'disclosure', givenBy: 'client', validTo: null }], ['client']],
  ])('missing care consent at %s is urgent', (_why, born, consents, missing) => {
    expect(signalsOf({ ...quiet, born, consents }, TODAY)[0]).toEqual({ kind: 'care-consent-missing', urgency: 3, missing });
  });

  it('an assessed incompetent 16-year-old needs the representatives (BW 7:465)', () => {
    expect(signalsOf({ ...quiet, born: '2010-03-01', competentForCare: false }, TODAY)[0]).toMatchObject({ kind: 'care-consent-missing', missing: ['legal-representatives'] });
  });

  it('a consent ending within a month is signalled, within a week as soon (AVG 7)', () => {
    const consents: CaseloadFacts['consents'] = [{ kind: 'care', givenBy: 'client', validTo: '2026-12-10' }, { kind: 'disclosure', givenBy: 'client', validTo: '2026-12-30' }, { kind: 'disclosure', givenBy: 'client', validTo: '2027-06-01' }];
    expect(signalsOf({ ...quiet, consents }, TODAY)).toEqual([
      { kind: 'consent-expiring', urgency: 2, on: '2026-12-10', consentKind: 'care' },
      { kind: 'consent-expiring', urgency: 1, on: '2026-12-30', consentKind: 'disclosure' },
    ]);
  });

  it.each<[string, string | null, string | null, number | undefined]>([
    ['no plan or evaluation at all: soon', null, null, 2],
    ['plan half a year ago: due, soon', '2026-06-01', null, 2],
    ['evaluation over seven months ago: urgent', '2025-01-01', '2026-04-01', 3],
    ['evaluation due within a month: information', null, '2026-06-20', 1],
    ['recent evaluation: nothing', '2025-01-01', '2026-11-01', undefined],
  ])('evaluation (the plan of care, 003 §2.3.5): %s', (_why, plan, evaluation, urgency) => {
    const found = signalsOf({ ...quiet, lastPlanOn: plan, lastEvaluationOn: evaluation }, TODAY).find((s) => s.kind === 'evaluation-due');
    expect(found?.urgency).toBe(urgency);
  });

  it('an emergency access on the dossier (003 §2.2.8): recent or unreviewed soon, else information', () => {
    expect(signalsOf({ ...quiet, emergency: { count: 1, lastOn: '2026-12-03', unreviewed: false } }, TODAY)[0]).toMatchObject({ kind: 'emergency-access', urgency: 2 });
    expect(signalsOf({ ...quiet, emergency: { count: 2, lastOn: '2026-11-10', unreviewed: false } }, TODAY)[0]).toMatchObject({ kind: 'emergency-access', urgency: 1, count: 2 });
    expect(signalsOf({ ...quiet, emergency: { count: 1, lastOn: '2026-11-10', unreviewed: true } }, TODAY)[0]).toMatchObject({ urgency: 2 });
  });
});

describe('the caseload in the order of attention', () => {
  it('the most urgent first, then the earliest, clients without signals last in their order', () => {
    const make = (id: string, facts: Partial<CaseloadFacts>) => ({ id, signals: signalsOf({ ...quiet, clientId: id, ...facts }, TODAY) });
    const ranked = rankCaseload([
      make('quiet-a', {}),
      make('request-soon', { requests: [{ id: 'r1', kind: 'inspect', state: 'received', dueOn: '2026-12-09' }] }),
      make('late', { requests: [{ id: 'r2', kind: 'copy', state: 'received', dueOn: '2026-12-01' }] }),
      make('no-consent', { consents: [] }),
      make('quiet-b', {}),
      make('request-sooner', { requests: [{ id: 'r3', kind: 'inspect', state: 'received', dueOn: '2026-12-07' }] }),
    ]);
    expect(ranked.map((c) => c.id)).toEqual(['no-consent', 'late', 'request-sooner', 'request-soon', 'quiet-a', 'quiet-b']);
  });
});
