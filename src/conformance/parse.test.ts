import { describe, expect, it } from 'vitest';
import { parseScenarioFile, ScenarioFileError } from './parse.js';

const V1 = 'dossierwijzer-conformance/1';
const V2 = 'dossierwijzer-conformance/2';
const file = (scenarios: unknown[], format = V1) => JSON.stringify({ format, scenarios });
const base = { id: 's1', source: 'test', ask: 'decide', on: '2026-11-22', client: { born: '2012-11-22' }, actor: 'client', action: 'inspect', expect: 'allow' };
const persons = [{ id: 'mother', relation: 'parent', custody: 'joint-with-non-parent', from: '2019-05-01' }, { id: 'stepfather', relation: 'other', custody: 'joint-with-non-parent', from: '2019-05-01' }];
const deadlines = { id: 'r', source: 's', ask: 'request-deadlines', received: '2026-03-16', expect: { decisionDeadline: '2026-04-16', extended: false, appealDeadline: null } };
const retention = { id: 't', source: 's', ask: 'retention', lastChange: '2026-05-12', expect: { until: '2046-05-12', warning: false } };

function problem(text: string): string {
  try {
    parseScenarioFile(text, 'f.json');
  } catch (error) {
    if (error instanceof ScenarioFileError) return error.message;
    throw error;
  }
  return 'valid';
}

describe('parseScenarioFile — format 1', () => {
  it('reads a valid decide scenario with defaults', () => {
    const parsed = parseScenarioFile(file([base]), 'f.json');
    expect(parsed.format).toBe(V1);
    expect(parsed.scenarios[0]).toMatchObject({ id: 's1', part: 'dossier', facts: [], basis: [], client: { born: '2012-11-22', competent: true } });
  });

  it('reads every ask of format 1', () => {
    const parsed = parseScenarioFile(file([
      { id: 'a', source: 's', ask: 'care-consent', on: '2026-11-22', client: { born: '2012-11-22', competent: false }, expect: ['legal-representatives'] },
      { id: 'b', source: 's', ask: 'response-deadline', received: '2026-03-16', facts: ['extended'], expect: '2026-06-16' },
      { id: 'c', source: 's', ask: 'appeal-deadline', answered: '2026-03-02', expect: '2026-04-13' },
      { id: 'd', source: 's', ask: 'retention-until', lastChange: '2025-06-30', facts: ['needed-for-procedure'], expect: null },
    ]), 'f.json');
    expect(parsed.scenarios.map((s) => s.ask)).toEqual(['care-consent', 'response-deadline', 'appeal-deadline', 'retention-until']);
  });

  it.each([
    ['bad JSON', '{ nope', 'f.json: not valid JSON'],
    ['wrong format tag', file([base], 'dossierwijzer-conformance/3'), 'field "format": must be "dossierwijzer-conformance/1" or "dossierwijzer-conformance/2"'],
    ['unknown top-level field', JSON.stringify({ format: V1, scenarios: [], extra: 1 }), 'field "extra": unknown field'],
    ['unknown scenario field', file([{ ...base, colour: 'red' }]), 'f.json: scenario "s1" (#1), field "colour": unknown field'],
    ['unknown actor word', file([{ ...base, actor: 'grandmother' }]), 'field "actor": unknown word "grandmother"; allowed: client, parent-with-custody'],
    ['unknown fact word', file([{ ...base, facts: ['consent'] }]), 'field "facts[0]": unknown word "consent"'],
    ['unknown ask', file([{ ...base, ask: 'guess' }]), 'field "ask": unknown word "guess"'],
    ['impossible date', file([{ ...base, on: '2026-02-30' }]), 'field "on": "2026-02-30" is not a real date'],
    ['impossible birth date', file([{ ...base, client: { born: '2013-02-29' } }]), 'field "client.born": "2013-02-29" is not a real date'],
    ['missing field', file([{ ...base, actor: undefined }]), 'field "actor": missing field'],
    ['missing expect', file([{ ...base, expect: undefined }]), 'field "expect": missing field'],
    ['missing id', file([{ ...base, id: undefined }]), 'scenario #1, field "id": missing field'],
    ['duplicate id', file([base, base]), 'scenario "s1" (#2), field "id": duplicate id, first used by scenario #1'],
    ['unknown client field', file([{ ...base, client: { born: '2012-11-22', name: 'x' } }]), 'field "client.name": unknown field'],
    ['competent not a boolean', file([{ ...base, client: { born: '2012-11-22', competent: 'no' } }]), 'field "client.competent": must be true or false'],
    ['date before birth', file([{ ...base, on: '2010-01-01' }]), 'field "on": on 2010-01-01 lies before the client\'s birth date 2012-11-22'],
    ['field of another ask', file([{ ...base, received: '2026-01-01' }]), 'field "received": unknown field for ask "decide"'],
    ['bad expect word', file([{ ...base, expect: 'maybe' }]), 'field "expect": unknown word "maybe"'],
    ['deadline fact in decide', file([{ ...base, facts: ['extended'] }]), 'field "facts[0]": unknown word "extended"'],
    ['scenarios not a list', JSON.stringify({ format: V1, scenarios: {} }), 'field "scenarios": missing or not a list'],
  ])('rejects %s', (_name, text, message) => {
    expect(problem(text)).toContain(message);
  });
});

// Issue 16, error 11: format 1 accepted engine words it does not have, with exit 0 (README.md lists its words exactly).
describe('parseScenarioFile — format 1 takes only its own words (error 11)', () => {
  it.each([
    ['processing-restricted', file([{ ...base, actor: 'care-professional', action: 'read', facts: ['processing-restricted'] }]), 'field "facts[0]": unknown word "processing-restricted"'],
    ['purpose-legal-claims', file([{ ...base, actor: 'care-professional', action: 'read', facts: ['purpose-legal-claims'] }]), 'field "facts[0]": unknown word "purpose-legal-claims"'],
    ['destruction-deadline', file([{ id: 'e', source: 's', ask: 'destruction-deadline', received: '2026-03-16', expect: '2026-06-16' }]), 'field "ask": unknown word "destruction-deadline"'],
    ['good-care-requires-keeping as a retention fact', file([{ id: 'g', source: 's', ask: 'retention-until', lastChange: '2025-06-30', facts: ['good-care-requires-keeping'], expect: null }]), 'field "facts[0]": unknown word "good-care-requires-keeping"; allowed: needed-for-procedure'],
    ['a format-2 fact', file([{ ...base, actor: 'admin-staff', action: 'read', facts: ['purpose-administrative-task'] }]), 'field "facts[0]": unknown word "purpose-administrative-task"'],
    ['a format-2 ask', file([{ id: 'h', source: 's', ask: 'holidays', year: 2026, expect: [] }]), 'field "ask": unknown word "holidays"'],
    ['persons', file([{ ...base, persons }]), 'field "persons": unknown field for ask "decide"'],
    ['consentOf', file([{ ...base, expect: 'needs-consent', consentOf: ['client'] }]), 'field "consentOf": unknown field for ask "decide"'],
    ['client.deceased', file([{ ...base, client: { born: '2012-11-22', deceased: '2020-01-01' } }]), 'field "client.deceased": unknown field'],
    ['representative in care-consent', file([{ id: 'c', source: 's', ask: 'care-consent', on: '2026-11-22', client: { born: '2000-01-01', competent: false }, expect: ['representative'] }]), 'field "expect[0]": unknown word "representative"'],
    ['the engine-only actor representative', file([{ ...base, actor: 'representative' }]), 'field "actor": unknown word "representative"'],
  ])('rejects %s', (_name, text, message) => {
    expect(problem(text)).toContain(message);
  });

  it('keeps good-care-requires-keeping as a destruction ground of decide', () => {
    expect(problem(file([{ ...base, action: 'destroy', facts: ['good-care-requires-keeping'], expect: 'deny' }]))).toBe('valid');
  });
});

describe('parseScenarioFile — format 2', () => {
  it('reads every format-1 scenario with only the format changed', () => {
    expect(problem(file([base, { id: 'b', source: 's', ask: 'response-deadline', received: '2026-03-16', facts: ['extended'], expect: '2026-06-16' }], V2))).toBe('valid');
  });

  it('reads persons, consentOf, deceased and every new ask', () => {
    const parsed = parseScenarioFile(file([
      { ...base, persons, actor: 'stepfather', expect: 'needs-consent', consentOf: ['client'] },
      { ...base, id: 'd', client: { born: '2005-03-14', deceased: '2025-09-02' }, persons: [{ id: 'brother', relation: 'sibling' }], actor: 'brother', facts: ['consented-in-life'] },
      { id: 'g', source: 's', ask: 'general-information', on: '2026-11-22', client: { born: '2017-11-22' }, actor: 'parent-without-custody', expect: ['start', 'end', 'goals', 'results'] },
      { ...deadlines, extension: { notified: '2026-04-02', reasons: true }, decided: '2026-06-01', answerReceived: '2026-06-03', expect: { decisionDeadline: '2026-06-16', extended: true, appealDeadline: '2026-07-15' } },
      { id: 'h', source: 's', ask: 'holidays', year: 2026, expect: ['2026-01-01'] },
      { ...retention, client: { born: '2010-08-20' }, term: { kind: 'until-age', age: 24 }, goodCareUntil: '2050-01-01', facts: ['needed-for-procedure'], expect: { until: null, warning: false } },
      { id: 'c', source: 's', ask: 'care-consent', on: '2026-11-22', client: { born: '2000-01-01', competent: false }, expect: ['representative'] },
    ], V2), 'f.json');
    expect(parsed.scenarios.map((s) => s.ask)).toEqual(['decide', 'decide', 'general-information', 'request-deadlines', 'holidays', 'retention', 'care-consent']);
    expect(parsed.scenarios[0]).toMatchObject({ actor: { person: 'stepfather' }, consentOf: ['client'] });
  });

  it.each([
    ['an unknown relation', { ...base, persons: [{ id: 'x', relation: 'cousin' }], actor: 'x' }, 'scenario "s1" (#1), field "persons[0].relation": unknown word "cousin"; allowed: parent, partner, child, sibling, curator, mentor, authorised, other'],
    ['an unknown custody kind', { ...base, persons: [{ id: 'x', relation: 'parent', custody: 'shared' }], actor: 'x' }, 'field "persons[0].custody": unknown word "shared"; allowed: two-headed-parental'],
    ['custody that does not fit the relation', { ...base, persons: [{ id: 'x', relation: 'other', custody: 'two-headed-parental' }], actor: 'x' }, 'field "persons[0].custody": "two-headed-parental" goes only with the relation parent'],
    ['guardianship of a parent', { ...base, persons: [{ id: 'x', relation: 'parent', custody: 'guardianship' }], actor: 'x' }, 'field "persons[0].custody": "guardianship" goes only with the relation other'],
    ['an empty persons list', { ...base, persons: [] }, 'field "persons": must be a non-empty list'],
    ['a person id that is an actor word', { ...base, persons: [{ id: 'guardian', relation: 'other' }] }, 'field "persons[0].id": "guardian" is an actor word'],
    ['a person id in capitals', { ...base, persons: [{ id: 'Mother', relation: 'parent' }] }, 'field "persons[0].id": must be lowercase letters'],
    ['a duplicate person id', { ...base, persons: [{ id: 'm', relation: 'parent' }, { id: 'm', relation: 'other' }] }, 'field "persons[1].id": duplicate person id "m"'],
    ['an unknown person field', { ...base, persons: [{ id: 'm', relation: 'parent', name: 'Ann' }] }, 'field "persons[0].name": unknown field'],
    ['a period without custody or role', { ...base, persons: [{ id: 'm', relation: 'partner', from: '2020-01-01' }] }, 'field "persons[0].from": only with custody, or the relation curator, mentor or authorised'],
    ['to before from', { ...base, persons: [{ id: 'c', relation: 'curator', from: '2025-01-01', to: '2024-01-01' }] }, 'field "persons[0].to": to 2024-01-01 lies before from 2025-01-01'],
    ['an actor who is no person', { ...base, persons, actor: 'uncle' }, 'field "actor": unknown word "uncle"; allowed: client, parent-with-custody'],
    ['consentOf with allow', { ...base, consentOf: ['client'] }, 'field "consentOf": only with "expect": "needs-consent"'],
    ['an empty consentOf', { ...base, expect: 'needs-consent', consentOf: [] }, 'field "consentOf": must be a non-empty list'],
    ['an unknown consentOf word', { ...base, expect: 'needs-consent', consentOf: ['other-person'] }, 'field "consentOf[0]": unknown word "other-person"; allowed: client, legal-representatives, representative'],
    ['death before birth', { ...base, client: { born: '2012-11-22', deceased: '2010-01-01' } }, 'field "client.deceased": the day of death 2010-01-01 lies before the birth date 2012-11-22'],
    ['death after the day asked', { ...base, client: { born: '2012-11-22', deceased: '2027-01-01' } }, 'field "client.deceased": on 2026-11-22 lies before the day of death 2027-01-01'],
    ['an impossible day of death', { ...base, client: { born: '2012-11-22', deceased: '2025-02-29' } }, 'field "client.deceased": "2025-02-29" is not a real date'],
    ['deceased in general-information', { id: 'g', source: 's', ask: 'general-information', on: '2026-11-22', client: { born: '2012-11-22', deceased: '2020-01-01' }, actor: 'client', expect: [] }, 'field "client.deceased": unknown field'],
    ['action in general-information', { id: 'g', source: 's', ask: 'general-information', on: '2026-11-22', client: { born: '2012-11-22' }, actor: 'client', action: 'inspect', expect: [] }, 'field "action": unknown field for ask "general-information"'],
    ['an unknown item', { id: 'g', source: 's', ask: 'general-information', on: '2026-11-22', client: { born: '2012-11-22' }, actor: 'client', expect: ['dates'] }, 'field "expect[0]": unknown word "dates"; allowed: start, end, goals, results'],
    ['an extension before receipt', { ...deadlines, extension: { notified: '2026-03-01', reasons: true } }, 'field "extension.notified": extension.notified 2026-03-01 lies before received 2026-03-16'],
    ['an extension without reasons', { ...deadlines, extension: { notified: '2026-03-20' } }, 'field "extension.reasons": missing field'],
    ['a decision before receipt', { ...deadlines, decided: '2026-03-01' }, 'field "decided": decided 2026-03-01 lies before received 2026-03-16'],
    ['an answer received before the decision', { ...deadlines, decided: '2026-04-01', answerReceived: '2026-03-31' }, 'field "answerReceived": answerReceived 2026-03-31 lies before decided 2026-04-01'],
    ['answerReceived without decided', { ...deadlines, answerReceived: '2026-04-01' }, 'field "answerReceived": only with "decided"'],
    ['an incomplete expect', { ...deadlines, expect: { decisionDeadline: '2026-04-16', extended: false } }, 'field "expect.appealDeadline": missing field'],
    ['an unknown expect key', { ...deadlines, expect: { decisionDeadline: '2026-04-16', extended: false, appealDeadline: null, late: false } }, 'field "expect.late": unknown field'],
    ['a year out of range', { id: 'h', source: 's', ask: 'holidays', year: 2029, expect: [] }, 'field "year": must be a whole number from 2023 to 2028, got 2029'],
    ['a year as text', { id: 'h', source: 's', ask: 'holidays', year: '2026', expect: [] }, 'field "year": must be a whole number from 2023 to 2028'],
    ['an impossible holiday', { id: 'h', source: 's', ask: 'holidays', year: 2026, expect: ['2026-02-30'] }, 'field "expect[0]": "2026-02-30" is not a real date'],
    ['an unknown term kind', { ...retention, term: { kind: 'forever' } }, 'field "term.kind": unknown word "forever"; allowed: years-after-last-change, until-age'],
    ['years out of range', { ...retention, term: { kind: 'years-after-last-change', years: 0 } }, 'field "term.years": must be a whole number from 1 to 100'],
    ['an age that is no whole number', { ...retention, client: { born: '2010-01-01' }, term: { kind: 'until-age', age: 24.5 } }, 'field "term.age": must be a whole number from 1 to 100'],
    ['until-age without any birth date', { ...retention, term: { kind: 'until-age', age: 24 } }, 'field "client": missing field'],
    ['age with years-after-last-change', { ...retention, term: { kind: 'years-after-last-change', years: 20, age: 3 } }, 'field "term.age": unknown field for kind "years-after-last-change"'],
    ['competent in the retention client', { ...retention, client: { born: '2010-01-01', competent: true } }, 'field "client.competent": unknown field; allowed: born'],
    ['a good-care fact in retention', { ...retention, facts: ['good-care-requires-keeping'] }, 'field "facts[0]": unknown word "good-care-requires-keeping"; allowed: needed-for-procedure'],
    ['an impossible good-care day', { ...retention, goodCareUntil: '2050-13-01' }, 'field "goodCareUntil": "2050-13-01" is not a real date'],
    ['warning missing', { ...retention, expect: { until: '2046-05-12' } }, 'field "expect.warning": missing field'],
    ['an engine-only fact', { ...base, actor: 'care-professional', action: 'read', facts: ['processing-restricted'] }, 'field "facts[0]": unknown word "processing-restricted"'],
  ])('rejects %s', (_name, scenario, message) => {
    expect(problem(file([scenario], V2))).toContain(message);
  });

  it('names the file, the scenario and the field on one line', () => {
    const message = problem(file([base, { ...base, id: 'two', persons: [{ id: 'x', relation: 'cousin' }] }], V2));
    expect(message).toBe('f.json: scenario "two" (#2), field "persons[0].relation": unknown word "cousin"; allowed: parent, partner, child, sibling, curator, mentor, authorised, other');
    expect(message).not.toContain('\n');
  });
});
