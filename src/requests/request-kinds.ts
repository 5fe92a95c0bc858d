/**
 * The requests a client (or a registered relation) can make (DOMAIN §3) and
 * which question of the rules engine decides whether this requester may make
 * it. Kept apart so the mapping can be read beside the law.
 */
import type { Action, Actor, Decision } from '../rules/index.js';

export const RequestKind = {
  inspect: 'inspect', // inzage (Jeugdwet 7.3.10, BW 7:456, AVG 15)
  copy: 'copy', // afschrift
  correct: 'correct', // correctie (AVG 16; 003 §3.4)
  addStatement: 'add-statement', // eigen verklaring (Jeugdwet 7.3.8)
  destroy: 'destroy', // vernietiging (Jeugdwet 7.3.9, BW 7:455, AVG 17)
  restrict: 'restrict', // beperking (AVG 18)
  object: 'object', // bezwaar (AVG 21)
  portability: 'portability', // overdraagbaarheid (AVG 20)
  withdrawConsent: 'withdraw-consent', // toestemming intrekken (AVG 7(3))
  generalInformation: 'general-information', // algemene informatie, parent without custody (BW 1:377c)
} as const;
export type RequestKind = (typeof RequestKind)[keyof typeof RequestKind];
export const REQUEST_KINDS: readonly RequestKind[] = Object.values(RequestKind);

/**
 * The engine's action that decides who may make a request of this kind. The
 * AVG rights (restriction, objection, portability, withdrawing consent) belong
 * to whoever exercises the client's rights — the client from 12 (16 alone),
 * the legal representatives below that or when the client is not competent
 * (UAVG 5; BW 7:465) — which is the entitlement of `add-statement`, a right
 * with no further limits of its own.
 */
export function engineActionOf(kind: RequestKind): Action {
  switch (kind) {
    case 'inspect': case 'copy': case 'correct': case 'add-statement': case 'destroy': case 'general-information':
      return kind;
    case 'restrict': case 'object': case 'portability': case 'withdraw-consent':
      return 'add-statement';
  }
}

/**
 * The sentence the engine ends an allowed own statement with (src/rules/decide-rights.ts). The kinds that
 * borrow the own statement's entitlement ({@link engineActionOf}) must not say it: a restriction adds no
 * statement to the dossier.
 */
const OWN_STATEMENT_SENTENCE = 'Een eigen verklaring wordt aan het dossier toegevoegd. Zo staat uw kijk op de zaak naast die van de hulpverlener.';

/** What happens when a request of a borrowing kind is granted, in plain Dutch (B1). */
export const WHAT_HAPPENS: Readonly<Record<'restrict' | 'object' | 'portability' | 'withdraw-consent', string>> = {
  'restrict': 'Wordt het verzoek toegewezen, dan worden de gegevens alleen nog bewaard. Ze worden niet gebruikt of gedeeld tot de beperking eindigt, '
    + 'behalve met toestemming van de cliënt of voor een rechtszaak. De cliënt hoort het voordat de beperking wordt opgeheven.',
  'object': 'Wordt het bezwaar toegewezen, dan stopt de organisatie met de verwerking waartegen het bezwaar gaat. In het dossier staat welke verwerking stopt.',
  'portability': 'Wordt het verzoek toegewezen, dan krijgt de verzoeker de gegevens in een gewoon digitaal formaat, zoals een spreadsheet. '
    + 'Zo kunnen de gegevens mee naar een andere organisatie.',
  'withdraw-consent': 'Wie toestemming gaf, kan die altijd intrekken. Het intrekken werkt meteen: vanaf dan gebeurt niet meer waarvoor de toestemming gold. '
    + 'Alleen wie de toestemming gaf, trekt haar in.',
};

/**
 * The engine's answer for a request of this kind, in the words of that kind: a kind that borrows the own
 * statement's entitlement says what happens to it, not that a statement is added (issue 15). Whether the
 * borrowed entitlement itself fits these AVG rights is the rules' question, not answered here.
 */
export function decisionForKind<D extends Decision>(kind: RequestKind, decision: D): D {
  if (kind !== 'restrict' && kind !== 'object' && kind !== 'portability' && kind !== 'withdraw-consent') return decision;
  const own = decision.explanation.indexOf(OWN_STATEMENT_SENTENCE);
  if (own < 0) return decision;
  const explanation = `${decision.explanation.slice(0, own)}${WHAT_HAPPENS[kind]}${decision.explanation.slice(own + OWN_STATEMENT_SENTENCE.length)}`.trim();
  return { ...decision, explanation };
}

/**
 * The engine's actor word recorded for a registered relation of the client at
 * intake. It names the requester; the engine itself is asked with the
 * registered relations as persons where who someone is depends on the day
 * (an adult client's representatives, a death: representation-service
 * `withPeople`).
 */
export function actorOfRelation(
  relation: 'parent' | 'guardian' | 'family-guardian' | 'foster-parent' | 'confidential-advisor' | 'other'
    | 'curator' | 'mentor' | 'authorised' | 'partner' | 'child' | 'sibling',
  hasCustody: boolean,
): Actor {
  switch (relation) {
    case 'curator':
    case 'mentor':
    case 'authorised':
      // Appointed or authorised to represent an adult who is not competent (BW 7:465 lid 3).
      return 'representative';
    case 'partner':
    case 'child':
    case 'sibling':
      // A representative only when nobody ranks higher: the engine decides that from the persons.
      return 'third-party';
    case 'parent':
      return hasCustody ? 'parent-with-custody' : 'parent-without-custody';
    case 'guardian':
      return 'guardian';
    case 'family-guardian':
      return 'family-guardian';
    case 'confidential-advisor':
      return 'confidential-advisor';
    case 'foster-parent':
    case 'other':
      // A non-parent holding custody (joint with a parent, BW 1:253t, or as guardian) is a legal representative (issue 16, error 2).
      return hasCustody ? 'parent-with-custody' : 'third-party';
  }
}

/** Facts a professional may establish when deciding (they change the engine's answer). */
export const DECISION_FACTS = [
  'factual-error', 'serious-harm-assessed', 'significant-interest-of-another', 'good-care-requires-keeping', 'needed-for-procedure', 'other-person-consents',
  // After the client's death: the requester has a compelling interest that needs these data (Jeugdwet 7.3.12a lid 1(b)).
  'compelling-interest',
] as const;
export type DecisionFact = (typeof DECISION_FACTS)[number];

/** The only grounds on which a destruction may be refused (003 §3.3; Jeugdwet 7.3.9). */
export const DESTRUCTION_REFUSAL_GROUNDS = ['significant-interest-of-another', 'good-care-requires-keeping', 'needed-for-procedure'] as const satisfies readonly DecisionFact[];
export type DestructionGround = (typeof DESTRUCTION_REFUSAL_GROUNDS)[number];

export function isDestructionGround(fact: DecisionFact): fact is DestructionGround {
  return (DESTRUCTION_REFUSAL_GROUNDS as readonly DecisionFact[]).includes(fact);
}

/**
 * A destruction granted in part: the entries that go, and the entries kept,
 * each group with the ground on which keeping them is allowed (Jeugdwet 7.3.9).
 */
export interface DestructionSplit {
  grantedEntryIds: readonly string[];
  refused: readonly { entryIds: readonly string[]; ground: DestructionGround }[];
}
