/** The label of what a person is on a day (persons.ts `standingLabel`), one row per source. */
import { describe, expect, it } from 'vitest';
import { personStandingOn, standingLabel, type Person } from './persons.js';

const ON = '2026-12-04';
const mother: Person = { id: 'mother', relation: 'parent', custody: 'two-headed-parental', from: '2010-01-01' };
const sister: Person = { id: 'sister', relation: 'sibling' };
const partner: Person = { id: 'partner', relation: 'partner' };
const stepfather: Person = { id: 'stepfather', relation: 'other', custody: 'joint-with-non-parent', from: '2019-05-01' };
const guardian: Person = { id: 'guardian', relation: 'other', custody: 'guardianship', from: '2020-01-01' };
const mentor: Person = { id: 'mentor', relation: 'mentor', from: '2026-01-01' };

const ROWS: readonly [string, Person, readonly Person[], { born: string; competent?: boolean }, string][] = [
  ['BW 1:245: a parent with custody of a minor', mother, [mother], { born: '2012-06-01' }, 'ouder met gezag'],
  ['BW 1:233: custody ends at 18', mother, [mother], { born: '2007-06-01' }, 'ouder (geen gezag meer: de cliënt is volwassen)'],
  ['BW 1:253t: a non-parent in joint custody', stepfather, [mother, stepfather], { born: '2016-06-01' }, 'gezag samen met de ouder (wettelijk vertegenwoordiger)'],
  ['BW 1:245: guardianship', guardian, [guardian], { born: '2016-06-01' }, 'voogd (gezag)'],
  ['a sibling of a minor is no representative', sister, [mother, sister], { born: '2012-06-01' }, 'broer of zus'],
  ['BW 7:465 lid 3: the partner represents an adult who is not competent when nobody ranks higher', partner, [partner, mother], { born: '1990-06-01', competent: false }, 'vertegenwoordiger (partner)'],
  ['BW 7:465 lid 3: a mentor ranks above the partner', partner, [partner, mentor], { born: '1990-06-01', competent: false }, 'partner (geen vertegenwoordiger)'],
  ['BW 1:450: the mentor represents', mentor, [partner, mentor], { born: '1990-06-01', competent: false }, 'vertegenwoordiger (mentor)'],
];

describe('standingLabel', () => {
  it.each(ROWS)('%s', (_source, person, persons, client, label) => {
    expect(standingLabel(personStandingOn(person, persons, client, ON))).toBe(label);
  });
});
