import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import type { DecideInput } from './decision.js';
import { Action, Actor, Fact, Part, wordsOf, type ConsentParty, type Outcome } from './vocabulary.js';

const ON = '2026-11-22';
const born = { 9: '2017-05-10', 11: '2014-11-23', 12: '2014-11-22', 14: '2012-06-01', 15: '2010-11-23', 16: '2010-11-22', 17: '2009-06-01', 20: '2006-03-03' } as const;

type Row = [source: string, input: Omit<DecideInput, 'on'>, expected: Outcome, extra?: { consentOf?: ConsentParty[]; basis?: string[]; unlessConsentOf?: ConsentParty[] }];

const rows: Row[] = [
  // Inspection by the client (Jeugdwet 7.3.10; BW 7:456; BW 7:465)
  ['004 D: under 12 the child cannot inspect', { client: { born: born[11] }, actor: 'client', action: 'inspect' }, 'deny', { basis: ['BW 7:465'] }],
  ['003 §3.1: from 12 the young person inspects alone', { client: { born: born[12] }, actor: 'client', action: 'inspect' }, 'allow', { basis: ['Jeugdwet 7.3.10'] }],
  ['003 §3.1: 12+ not competent cannot act alone', { client: { born: born[14], competent: false }, actor: 'client', action: 'copy' }, 'deny'],
  ['003 §2.3.11: raw test data inspected', { client: { born: born[15] }, actor: 'client', action: 'inspect', part: 'raw-test-data' }, 'allow'],
  ['003 §2.3.11: raw test data never copied', { client: { born: born[15] }, actor: 'client', action: 'copy', part: 'raw-test-data' }, 'deny'],
  ['003 §3.1: third-party information shielded', { client: { born: born[15] }, actor: 'client', action: 'inspect', part: 'third-party-information' }, 'deny', { unlessConsentOf: ['other-person'] }],
  ['003 §3.1: serious harm after consulting (Jeugdwet 7.3.2 lid 4)', { client: { born: born[17] }, actor: 'client', action: 'inspect', facts: ['serious-harm-assessed'] }, 'deny', { basis: ['Jeugdwet 7.3.2'] }],
  ['003 §2.3.13: personal work notes outside the dossier', { client: { born: born[17] }, actor: 'client', action: 'inspect', part: 'personal-work-note' }, 'deny'],
  // Legal representatives (Jeugdwet 7.3.11)
  ['004 D: parents of a child under 12', { client: { born: born[9] }, actor: 'parent-with-custody', action: 'copy' }, 'allow'],
  ['004 D: 12–15 own right without consent', { client: { born: born[14] }, actor: 'parent-with-custody', action: 'inspect' }, 'allow', { basis: ['Jeugdwet 7.3.11'] }],
  ['004 D: guardian is a legal representative', { client: { born: born[14] }, actor: 'guardian', action: 'copy' }, 'allow'],
  ['004 D: 16+ with the young person\'s consent', { client: { born: born[16] }, actor: 'parent-with-custody', action: 'inspect' }, 'needs-consent', { consentOf: ['client'] }],
  ['BW 1:233: adult, custody ended', { client: { born: born[20] }, actor: 'guardian', action: 'inspect' }, 'needs-consent', { consentOf: ['client'] }],
  ['003 §3.1: not competent → representatives act', { client: { born: born[17], competent: false }, actor: 'parent-with-custody', action: 'inspect' }, 'allow', { basis: ['BW 7:465'] }],
  ['003 §3.1: agreement on conversation reports', { client: { born: born[14] }, actor: 'parent-with-custody', action: 'inspect', part: 'conversation-report', facts: ['agreed-no-conversation-reports-to-parents'] }, 'deny'],
  ['003 §2.3.5: minimum — plans', { client: { born: born[14] }, actor: 'guardian', action: 'inspect', part: 'care-plan', facts: ['agreed-no-conversation-reports-to-parents'] }, 'allow'],
  ['003 §3.1: third-party information beats consent', { client: { born: born[17] }, actor: 'parent-with-custody', action: 'inspect', part: 'third-party-information', facts: ['consent-given'] }, 'deny'],
  // Others
  ['003 §3.1: parent without custody, no inspection', { client: { born: born[9] }, actor: 'parent-without-custody', action: 'inspect' }, 'deny', { unlessConsentOf: ['legal-representatives'] }],
  ['003 §3.1; BW 1:377c: general information until 16', { client: { born: born[15] }, actor: 'parent-without-custody', action: 'general-information' }, 'allow', { basis: ['BW 1:377c'] }],
  // Issue 16, error 6: the BW 1:377c duty ends at 16, but then the young person decides (001) — needs-consent, not deny.
  ['003 §3.1; 001: from 16 the young person decides what a parent without custody gets', { client: { born: born[16] }, actor: 'parent-without-custody', action: 'general-information' }, 'needs-consent', { consentOf: ['client'] }],
  ['BW 1:377c: not in the child\'s interest', { client: { born: born[9] }, actor: 'parent-without-custody', action: 'general-information', facts: ['serious-harm-assessed'] }, 'deny'],
  ['003 §3.1: Besluit Jeugdwet 4.1.5', { client: { born: born[14] }, actor: 'confidential-advisor', action: 'inspect' }, 'deny', { basis: ['Besluit Jeugdwet 4.1.5'] }],
  ['003 §3.1: municipality has no access to the care dossier', { client: { born: born[14] }, actor: 'municipality', action: 'disclose', part: 'conversation-report' }, 'deny'],
  ['004 C: billing data to the municipality', { client: { born: born[14] }, actor: 'municipality', action: 'disclose', part: 'administrative-data' }, 'allow'],
  ['004 C: family guardian, threat to development', { client: { born: born[9] }, actor: 'family-guardian', action: 'disclose', facts: ['threat-to-development'] }, 'allow', { basis: ['Jeugdwet 7.3.11'] }],
  ['Jeugdwet 7.3.11: family guardian without threat needs consent', { client: { born: born[9] }, actor: 'family-guardian', action: 'disclose' }, 'needs-consent', { consentOf: ['legal-representatives'] }],
  ['001: third party under 12 — the representatives consent', { client: { born: born[9] }, actor: 'third-party', action: 'disclose' }, 'needs-consent', { consentOf: ['legal-representatives'] }],
  ['003 §3.1: 12–15 the young person consents alone', { client: { born: born[14] }, actor: 'third-party', action: 'disclose' }, 'needs-consent', { consentOf: ['client'] }],
  ['BW 7:465: not competent — the representatives consent', { client: { born: born[14], competent: false }, actor: 'third-party', action: 'disclose' }, 'needs-consent', { consentOf: ['legal-representatives'] }],
  ['001: with consent', { client: { born: born[17] }, actor: 'third-party', action: 'disclose', facts: ['consent-given'] }, 'allow'],
  // Correction, statement, destruction
  ['003 §3.4: factual error corrected', { client: { born: born[15] }, actor: 'client', action: 'correct', facts: ['factual-error'] }, 'allow', { basis: ['AVG 16'] }],
  ['003 §2.2.6: findings are not corrected', { client: { born: born[15] }, actor: 'client', action: 'correct' }, 'deny'],
  ['003 §3.4: own statement', { client: { born: born[15] }, actor: 'client', action: 'add-statement' }, 'allow', { basis: ['Jeugdwet 7.3.8'] }],
  ['001: parents correct until 16', { client: { born: born[14] }, actor: 'parent-with-custody', action: 'correct', facts: ['factual-error'] }, 'allow'],
  ['003 §3.3: destruction by the young person', { client: { born: born[14] }, actor: 'client', action: 'destroy' }, 'allow', { basis: ['Jeugdwet 7.3.9'] }],
  ['003 §3.1: destruction is the young person\'s right from 12', { client: { born: born[14] }, actor: 'parent-with-custody', action: 'destroy' }, 'needs-consent', { consentOf: ['client'] }],
  ['003 §3.3: under 12 the representatives ask', { client: { born: born[9] }, actor: 'guardian', action: 'destroy' }, 'allow'],
  ['003 §3.3: administrative data outside the right', { client: { born: born[17] }, actor: 'client', action: 'destroy', part: 'administrative-data' }, 'deny'],
  ['003 §3.3: needed for a procedure', { client: { born: born[17] }, actor: 'client', action: 'destroy', facts: ['needed-for-procedure'] }, 'deny'],
  ['003 §3.3: good care requires keeping', { client: { born: born[17] }, actor: 'client', action: 'destroy', facts: ['good-care-requires-keeping'] }, 'deny'],
  // Employees
  ['004 C: care relation', { client: { born: born[14] }, actor: 'care-professional', action: 'read' }, 'allow'],
  ['000: intern without objection', { client: { born: born[14] }, actor: 'intern', action: 'read' }, 'allow'],
  ['000: intern with objection', { client: { born: born[14] }, actor: 'intern', action: 'read', facts: ['client-objects-to-interns'] }, 'deny'],
  ['004 C: admin staff, care content', { client: { born: born[14] }, actor: 'admin-staff', action: 'read', part: 'research-report' }, 'deny'],
  ['004 C: manager with a purpose', { client: { born: born[14] }, actor: 'manager', action: 'read', facts: ['purpose-incident'] }, 'allow'],
  ['003 §4: no relation', { client: { born: born[14] }, actor: 'employee-without-relation', action: 'read' }, 'deny'],
  ['003 §2.2.8: break the glass', { client: { born: born[14] }, actor: 'employee-without-relation', action: 'read', facts: ['emergency'] }, 'allow'],
  ['004 C: inspectorate investigating', { client: { born: born[14] }, actor: 'inspector', action: 'read' }, 'allow'],
  ['003 §2.3.13: note only for its author', { client: { born: born[14] }, actor: 'care-professional', action: 'read', part: 'personal-work-note', facts: ['author'] }, 'allow'],
  ['003 §2.3.13: not for the substitute', { client: { born: born[14] }, actor: 'substitute', action: 'read', part: 'personal-work-note' }, 'deny'],
  ['inspect/copy are the client\'s rights, not an employee\'s', { client: { born: born[14] }, actor: 'manager', action: 'copy', facts: ['purpose-complaint'] }, 'deny'],
];

describe('decide — table', () => {
  it.each(rows)('%s', (_source, input, expected, extra) => {
    const d = decide({ on: ON, ...input });
    expect(d.outcome).toBe(expected);
    if (extra?.basis !== undefined) expect(d.basis).toEqual(expect.arrayContaining(extra.basis));
    if (extra?.consentOf !== undefined) expect(d.outcome === 'needs-consent' ? d.consentOf : undefined).toEqual(extra.consentOf);
    if (extra?.unlessConsentOf !== undefined) expect(d.outcome === 'deny' ? d.unlessConsentOf : undefined).toEqual(extra.unlessConsentOf);
  });
});

describe('decide — every combination answers with a basis and a Dutch explanation', () => {
  const ages = [born[9], born[14], born[17], born[20]];
  const factSets: Fact[][] = [[], ...wordsOf(Fact).map((f) => [f])];
  const citationForm = /^(Jeugdwet|BW|AVG|UAVG|Besluit Jeugdwet|Awb|Algemene termijnenwet|Verordening 1182\/71) \S+$/;
  it('covers actors × actions × parts × single facts × ages × competence', () => {
    let count = 0;
    const problems: string[] = [];
    for (const actor of wordsOf(Actor)) {
      for (const action of wordsOf(Action)) {
        for (const part of wordsOf(Part)) {
          for (const facts of factSets) {
            for (const b of ages) {
              for (const competent of [true, false]) {
                const d = decide({ on: ON, client: { born: b, competent }, actor, action, part, facts });
                count += 1;
                const ok = d.basis.length > 0
                  && d.basis.every((c) => citationForm.test(c))
                  && d.explanation.length > 20
                  && (d.outcome !== 'needs-consent' || d.consentOf.length > 0);
                if (!ok) problems.push(`${actor} ${action} ${part} ${facts.join(',')} ${b} ${competent}: ${JSON.stringify(d)}`);
              }
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(count).toBe(wordsOf(Actor).length * 8 * 9 * (wordsOf(Fact).length + 1) * 4 * 2);
  });

  it('a deny beats a needs-consent: consent cannot unlock what the law withholds', () => {
    for (const part of wordsOf(Part)) {
      const withoutConsent = decide({ on: ON, client: { born: born[17] }, actor: 'parent-with-custody', action: 'inspect', part });
      const withConsent = decide({ on: ON, client: { born: born[17] }, actor: 'parent-with-custody', action: 'inspect', part, facts: ['consent-given'] });
      if (withConsent.outcome === 'deny') expect(withoutConsent.outcome).toBe('deny');
    }
  });

  it('refuses an impossible date', () => {
    expect(() => decide({ on: '2026-02-30', client: { born: born[9] }, actor: 'client', action: 'inspect' })).toThrow(RangeError);
  });
});
