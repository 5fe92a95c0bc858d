/**
 * The words of each request kind (issue 15): the kinds that borrow the own statement's entitlement
 * (restriction, objection, portability, withdrawing a consent) must not explain themselves as an own
 * statement, and the refusal for a parent without custody must not contradict itself.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../rules/index.js';
import { WHAT_HAPPENS, decisionForKind, engineActionOf } from './request-kinds.js';

const ON = '2026-12-04';

describe('the explanation of a request, per kind', () => {
  const borrowing = ['restrict', 'object', 'portability', 'withdraw-consent'] as const;
  for (const kind of borrowing) {
    it(`${kind}: says what happens to this kind, not that an own statement is added`, () => {
      const answer = decisionForKind(kind, decide({ on: ON, client: { born: '2008-01-01' }, actor: 'client', action: engineActionOf(kind), part: 'dossier' }));
      expect(answer.outcome).toBe('allow');
      expect(answer.explanation).not.toContain('eigen verklaring');
      expect(answer.explanation).toContain(WHAT_HAPPENS[kind]);
      // The entitlement's own sentence stays: who may ask, and why.
      expect(answer.explanation).toContain('Vanaf 12 jaar oefent de jongere deze rechten zelf uit.');
    });
  }

  it('an own statement keeps its own explanation, and a refusal is left as the engine said it', () => {
    const statement = decisionForKind('add-statement', decide({ on: ON, client: { born: '2008-01-01' }, actor: 'client', action: 'add-statement', part: 'dossier' }));
    expect(statement.explanation).toContain('Een eigen verklaring wordt aan het dossier toegevoegd.');
    const refused = decide({ on: ON, client: { born: '2020-01-01' }, actor: 'client', action: 'add-statement', part: 'dossier' });
    expect(decisionForKind('restrict', refused)).toEqual(refused);
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
