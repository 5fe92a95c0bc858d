import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  return runCli([...args]);
}

afterEach(() => vi.restoreAllMocks());

describe('dossierwijzer explain', () => {
  it('decides, with basis and a Dutch explanation', async () => {
    const { code, out } = await run(['explain', '--actor', 'parent-with-custody', '--action', 'inspect', '--born', '2009-11-22', '--on', '2026-11-22']);
    expect(code).toBe(0);
    expect(out).toContain('decision: needs-consent (consent of: client)');
    expect(out).toContain('basis: Jeugdwet 7.3.11');
    expect(out).toMatch(/uitleg: .*16 jaar/);
  });

  it('takes parts, facts and --not-competent', async () => {
    const { out } = await run(['explain', '--actor', 'parent-with-custody', '--action', 'inspect', '--born', '2012-11-22', '--on', '2026-11-22',
      '--part', 'conversation-report', '--fact', 'agreed-no-conversation-reports-to-parents']);
    expect(out).toContain('decision: deny');
    const represented = await run(['explain', '--actor', 'client', '--action', 'inspect', '--born', '2012-11-22', '--on', '2026-11-22', '--not-competent']);
    expect(represented.out).toContain('decision: deny');
  });

  it('defaults --on to today', async () => {
    const { code, out } = await run(['explain', '--actor', 'client', '--action', 'inspect', '--born', '2000-01-01']);
    expect(code).toBe(0);
    expect(out).toContain('decision: allow');
  });

  it.each([
    [['--ask', 'care-consent', '--born', '2013-11-22', '--on', '2026-11-22'], 'consent of: client, legal-representatives'],
    [['--ask', 'response-deadline', '--received', '2026-01-31'], 'deadline: 2026-03-02'],
    [['--ask', 'response-deadline', '--received', '2026-03-16', '--extended'], 'deadline: 2026-06-16'],
    [['--ask', 'appeal-deadline', '--answered', '2026-03-02'], 'deadline: 2026-04-13'],
    [['--ask', 'destruction-deadline', '--received', '2026-03-16'], 'deadline: 2026-06-16'],
    [['--ask', 'retention-until', '--last-change', '2025-06-30'], 'keep until: 2045-06-30'],
    [['--ask', 'retention-until', '--last-change', '2025-06-30', '--fact', 'needed-for-procedure'], 'keep until: no end date (null)'],
  ])('answers %j', async (args, expected) => {
    const { code, out } = await run(['explain', ...args]);
    expect(code).toBe(0);
    expect(out).toContain(expected);
  });

  it.each([
    [['--ask', 'general-information', '--actor', 'parent-without-custody', '--born', '2017-11-22', '--on', '2026-11-22'], 'general information: start, end, goals, results'],
    [['--ask', 'general-information', '--actor', 'parent-without-custody', '--born', '2009-11-22', '--on', '2026-11-22'], 'general information: (none)'],
    [['--ask', 'request-deadlines', '--received', '2026-03-16', '--decided', '2026-04-09', '--answer-received', '2026-04-14'], 'appeal deadline: 2026-05-26'],
    [['--ask', 'request-deadlines', '--received', '2026-03-16', '--decided', '2026-04-20', '--answer-received', '2026-04-22'], 'appeal deadline: none'],
    [['--ask', 'request-deadlines', '--received', '2026-03-16', '--notified', '2026-04-02', '--reasons'], 'decision deadline: 2026-06-16 (extended)'],
    [['--ask', 'holidays', '--year', '2026'], '2026-05-14, 2026-05-15, 2026-05-25'],
    [['--ask', 'retention', '--last-change', '2026-05-12', '--term-years', '15'], 'warning: the organisation\'s term ends before the legal minimum'],
    [['--ask', 'retention', '--last-change', '2013-01-15', '--born', '2010-08-20', '--term-age', '24'], 'keep until: 2034-08-20'],
    [['--ask', 'retention', '--last-change', '2025-06-30', '--good-care-until', '2060-06-30'], 'keep until: 2060-06-30'],
    [['--ask', 'care-consent', '--born', '2006-11-22', '--on', '2026-11-22', '--not-competent'], 'consent of: representative'],
    [['--actor', 'stepfather', '--person', 'id=stepfather,relation=other,custody=joint-with-non-parent,from=2019-05-01', '--action', 'inspect', '--born', '2016-11-22', '--on', '2026-11-22'], 'decision: allow'],
    [['--actor', 'curator', '--person', 'id=curator,relation=curator,from=2025-02-03', '--person', 'id=mother,relation=parent', '--action', 'inspect', '--born', '2006-11-22', '--on', '2026-11-22', '--not-competent'], 'decision: allow'],
    [['--actor', 'parent-with-custody', '--action', 'inspect', '--born', '2011-03-14', '--deceased', '2026-06-02', '--on', '2026-11-22'], 'basis: Jeugdwet 7.3.12a'],
  ])('answers the questions of law v2: %j', async (args, expected) => {
    const { code, out, err } = await run(['explain', ...args]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(expected);
  });

  it.each([
    // AVG 18: a parent of a 14-year-old asks restriction only with the young person's consent (Jeugdwet 7.3.11 is information, inspection and copy only).
    [['--ask', 'request-kind', '--kind', 'restrict', '--actor', 'parent-with-custody', '--born', '2012-06-01', '--on', '2026-12-04'], 'decision: needs-consent (consent of: client)', 'AVG 18'],
    // AVG 7(3): whoever gave a consent withdraws it, at any age of the client.
    [['--ask', 'request-kind', '--kind', 'withdraw-consent', '--actor', 'parent-with-custody', '--born', '2009-06-01', '--on', '2026-12-04'], 'decision: allow', 'AVG 7'],
    // AVG 20 after death: nobody exercises the client's rights (Jeugdwet 7.3.12a).
    [['--ask', 'request-kind', '--kind', 'portability', '--actor', 'parent-with-custody', '--born', '2011-03-14', '--deceased', '2026-06-02', '--on', '2026-11-22'], 'decision: deny', 'Jeugdwet 7.3.12a'],
    // The dossier kinds go through decide as before.
    [['--ask', 'request-kind', '--kind', 'inspect', '--actor', 'client', '--born', '2000-01-01', '--on', '2026-11-22'], 'decision: allow', 'AVG 15'],
    // BW 7:465 lid 3: the curator ranks before the parent of an adult who is not competent.
    [['--ask', 'standing', '--actor', 'mother', '--person', 'id=curator,relation=curator,from=2025-02-03', '--person', 'id=mother,relation=parent', '--born', '2006-11-22', '--on', '2026-11-22', '--not-competent'],
      'standing: adult-client', 'uitleg: '],
    [['--ask', 'standing', '--actor', 'curator', '--person', 'id=curator,relation=curator,from=2025-02-03', '--person', 'id=mother,relation=parent', '--born', '2006-11-22', '--on', '2026-11-22', '--not-competent'],
      'standing: representative', 'BW 7:465'],
    // Statistics: CBS gets administrative data only (Jeugdwet 7.4.x; 004 C).
    [['--ask', 'statutory-disclosure', '--ground', 'cbs-statistics', '--part', 'conversation-report'], 'decision: deny', 'basis: '],
    [['--ask', 'statutory-disclosure', '--ground', 'cbs-statistics', '--part', 'administrative-data'], 'decision: allow', 'basis: '],
  ])('answers the product\'s own questions of issue 16: %j', async (args, expected, basis) => {
    const { code, out, err } = await run(['explain', ...args]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain(expected);
    expect(out).toContain(basis);
    expect(out).not.toMatch(/uitleg: \n/);
  });

  it('explains in Dutch with dates in words', async () => {
    const { out } = await run(['explain', '--ask', 'request-deadlines', '--received', '2026-03-16', '--decided', '2026-04-09', '--answer-received', '2026-04-14']);
    expect(out).toMatch(/uitleg: .*14 april 2026.*26 mei 2026/);
  });

  it('--json prints the full answer', async () => {
    const { out } = await run(['explain', '--json', '--actor', 'third-party', '--action', 'disclose', '--born', '2016-11-22', '--on', '2026-11-22']);
    expect(JSON.parse(out)).toMatchObject({ outcome: 'needs-consent', consentOf: ['legal-representatives'] });
  });

  it.each([
    [['--actor', 'grandmother', '--action', 'inspect', '--born', '2012-01-01'], 'Unknown actor "grandmother"; allowed: client, parent-with-custody'],
    [['--actor', 'client', '--action', 'peek', '--born', '2012-01-01'], 'Unknown action "peek"; allowed: inspect'],
    [['--actor', 'client', '--action', 'inspect', '--born', '2012-01-01', '--fact', 'magic'], 'Unknown fact "magic"; allowed: consent-given'],
    [['--actor', 'client', '--action', 'inspect', '--born', '2013-02-29'], '--born must be a real date'],
    [['--actor', 'client', '--action', 'inspect'], '--born is required'],
    [['--ask', 'guess'], 'Unknown ask "guess"; allowed: decide, care-consent'],
    [['--colour', 'red'], 'Unknown option'],
    [['--actor', 'x', '--person', 'id=x,relation=cousin', '--action', 'inspect', '--born', '2012-01-01'], 'Unknown relation "cousin"; allowed: parent, partner'],
    [['--actor', 'x', '--person', 'nonsense', '--action', 'inspect', '--born', '2012-01-01'], '--person "nonsense"'],
    [['--actor', 'client', '--action', 'inspect', '--born', '2012-01-01', '--deceased', '2011-01-01', '--on', '2026-01-01'], 'lies before'],
    [['--ask', 'holidays', '--year', 'soon'], '--year must be a whole number'],
    [['--ask', 'retention', '--last-change', '2025-06-30', '--term-age', '24'], '--term-age needs --born or --term-born'],
    [['--ask', 'request-deadlines', '--received', '2026-03-16', '--answer-received', '2026-04-01'], '--answer-received needs --decided'],
    [['--ask', 'request-kind', '--kind', 'complain', '--actor', 'client', '--born', '2012-01-01'], 'Unknown kind "complain"; allowed: inspect'],
    [['--ask', 'request-kind', '--actor', 'client', '--born', '2012-01-01'], '--kind is required'],
    [['--ask', 'standing', '--actor', 'client', '--born', '2012-01-01'], '--actor must name one of the --person ids'],
    [['--ask', 'statutory-disclosure', '--ground', 'curiosity'], 'Unknown ground "curiosity"; allowed: cbs-statistics'],
  ])('exits 2 for %j with the allowed words', async (args, message) => {
    const { code, err } = await run(['explain', ...args]);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
