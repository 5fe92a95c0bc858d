/**
 * The words of each request kind (issue 15): restriction, objection, portability and withdrawing a consent
 * explain themselves in their own words (the engine's `decideRequestKind`, issue 16), never as an own
 * statement, and the refusal for a parent without custody must not contradict itself.
 */
import { describe, expect, it } from 'vitest';
import { decide, decideRequestKind, WHAT_HAPPENS } from '../rules/index.js';
import { REQUEST_KINDS, RequestKind } from './request-kinds.js';

const ON = '2026-12-04';

describe('the explanation of a request, per kind', () => {
  const borrowing = ['restrict', 'object', 'portability', 'withdraw-consent'] as const;
  for (const kind of borrowing) {
    it(`${kind}: says what happens to this kind, not that an own statement is added`, () => {
      const answer = decideRequestKind({ on: ON, client: { born: '2008-01-01' }, actor: 'client', kind, part: 'dossier' });
      expect(answer.outcome).toBe('allow');
      expect(answer.explanation).not.toContain('eigen verklaring');
      expect(answer.explanation).toContain(WHAT_HAPPENS[kind]);
      // Who may ask, and why, in the kind's own words.
      expect(answer.explanation).toContain('De cliënt is 18 jaar.');
    });
  }

  it('an own statement keeps its own explanation, and every request kind is a word of the engine', () => {
    const statement = decideRequestKind({ on: ON, client: { born: '2008-01-01' }, actor: 'client', kind: 'add-statement', part: 'dossier' });
    expect(statement.explanation).toContain('Een eigen verklaring wordt aan het dossier toegevoegd.');
    for (const kind of REQUEST_KINDS) expect(() => decideRequestKind({ on: ON, client: { born: '2008-01-01' }, actor: 'client', kind })).not.toThrow();
    expect(RequestKind.withdrawConsent).toBe('withdraw-consent');
  });

  it('a parent without custody: no inspection, general information yes, and inspection only with the young person\'s consent — no sentence saying the opposite (BW 1:377c; Jeugdwet 7.3.11)', () => {
    for (const action of ['inspect', 'copy'] as const) {
      const answer = decide({ on: ON, client: { born: '2012-06-01' }, actor: 'parent-without-custody', action, part: 'dossier' });
      expect(answer.outcome).toBe('deny');
      expect(answer.explanation).toContain('kan deze ouder wel algemene informatie over de hulp vragen.');
      expect(answer.explanation).not.toContain('kan dat niet');
      expect(answer.explanation).toContain(action === 'copy' ? 'Een kopie van het dossier kan alleen met toestemming van de jongere.' : 'Inzage in het dossier kan alleen met toestemming van de jongere.');
    }
  });
});
