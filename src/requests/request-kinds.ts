/**
 * The requests a client (or a registered relation) can make (DOMAIN §3). The
 * kinds are the engine's own words (`RequestKindWord`, src/rules/acts.ts):
 * `decideRequestKind` answers each with its own entitlement — restriction,
 * objection, portability and withdrawing a consent no longer borrow the own
 * statement's (src/rules/decide-avg-rights.ts). Kept apart so the mapping of
 * relations can be read beside the law.
 */
import type { Actor, RequestKindWord } from '../rules/index.js';

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
} as const satisfies Record<string, RequestKindWord>;
export type RequestKind = (typeof RequestKind)[keyof typeof RequestKind];
export const REQUEST_KINDS: readonly RequestKind[] = Object.values(RequestKind);

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

/**
 * Facts the decider establishes that can open what the intake's answer refuses: the requester's compelling
 * interest after the client's death (Jeugdwet 7.3.12a lid 1(b)) and the other person's consent to showing
 * information about them (Jeugdwet 7.3.10). A request refused only for want of one of these is left open, so
 * the fact can be established at the decision (issue 16); refusal grounds are not among them.
 */
export const FACTS_THAT_OPEN = ['compelling-interest', 'other-person-consents'] as const satisfies readonly DecisionFact[];
export type FactThatOpens = (typeof FACTS_THAT_OPEN)[number];

/** What the intake tells the requester when the request stays open for such a fact (Dutch, B1). */
export const OPEN_FOR_FACT: Readonly<Record<FactThatOpens, string>> = {
  'compelling-interest': 'Het verzoek blijft open. Bij het besluit beoordeelt de hulpverlener of u een zwaarwegend belang heeft dat geschaad kan worden, '
    + 'en of u deze gegevens nodig heeft om dat te beschermen.',
  'other-person-consents': 'Het verzoek blijft open. Bij het besluit wordt vastgelegd of de persoon over wie de informatie gaat toestemming geeft.',
};

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

/** Where a request stands: received → (extended) → decided → fulfilled, or refused at intake. */
export const RequestState = { received: 'received', extended: 'extended', decided: 'decided', fulfilled: 'fulfilled', refusedAtIntake: 'refused-at-intake' } as const;
export type RequestState = (typeof RequestState)[keyof typeof RequestState];
export type RequestDecision = 'granted' | 'partly' | 'refused';

/** How the consent the engine asked for was given. */
export const ConsentHow = { inWriting: 'in-writing', electronic: 'electronic', inPerson: 'in-person' } as const;
export type ConsentHow = (typeof ConsentHow)[keyof typeof ConsentHow];
