/**
 * The words each scenario format allows. The engine knows more words than the
 * formats (facts the product records, such as `processing-restricted`, and
 * the `representative` actor); a file may use only the words of its own
 * format: a `/1` file those of `README.md`, a `/2` file also those of
 * `README-v2.md` (issue 16, error 11: the parser once accepted engine words
 * with exit 0).
 */
import {
  Action, Actor, ConsentParty, CustodyKind, DeadlineFact, Fact, GeneralInformationItem, Outcome, Part, Question, Relation,
  RetentionFact, RetentionTermKind,
} from '../rules/index.js';
import { ScenarioFormat } from './scenario.js';

type Words<T extends string> = Readonly<Record<string, T>>;

function pick<T extends string>(vocabulary: Words<T>, words: readonly T[]): Words<T> {
  const known = new Set<string>(Object.values(vocabulary));
  for (const w of words) if (!known.has(w)) throw new Error(`"${w}" is not a word of the engine`);
  return Object.fromEntries(words.map((w) => [w, w]));
}

/** The words of one format. */
export interface FormatWords {
  readonly version: 1 | 2;
  readonly asks: Words<Question>;
  readonly actors: Words<Actor>;
  readonly actions: Words<Action>;
  readonly parts: Words<Part>;
  readonly decideFacts: Words<Fact>;
  readonly deadlineFacts: Words<DeadlineFact>;
  readonly retentionFacts: Words<RetentionFact>;
  readonly outcomes: Words<Outcome>;
  readonly careConsenters: Words<ConsentParty>;
  readonly consentOf: Words<ConsentParty>;
  readonly relations: Words<Relation>;
  readonly custodyKinds: Words<CustodyKind>;
  readonly items: Words<GeneralInformationItem>;
  readonly termKinds: Words<RetentionTermKind>;
}

const actors1 = pick(Actor, [
  'client', 'parent-with-custody', 'parent-without-custody', 'guardian', 'family-guardian', 'confidential-advisor', 'municipality',
  'third-party', 'care-professional', 'substitute', 'intern', 'admin-staff', 'manager', 'employee-without-relation', 'inspector',
]);
const facts1: readonly Fact[] = [
  'consent-given', 'agreed-no-conversation-reports-to-parents', 'client-objects-to-interns', 'other-person-consents', 'serious-harm-assessed',
  'purpose-quality-control', 'purpose-complaint', 'purpose-incident', 'emergency', 'threat-to-development', 'factual-error',
  'significant-interest-of-another', 'good-care-requires-keeping', 'needed-for-procedure', 'author',
];
const facts2: readonly Fact[] = [
  ...facts1,
  'purpose-administrative-task', 'research-exception', 'client-objects-to-research', 'consented-in-life', 'compelling-interest', 'objected-in-life',
];
const common = {
  actors: actors1,
  actions: pick(Action, ['inspect', 'copy', 'correct', 'add-statement', 'destroy', 'general-information', 'read', 'disclose']),
  parts: pick(Part, ['dossier', 'conversation-report', 'care-plan', 'evaluation', 'research-report', 'raw-test-data', 'third-party-information', 'administrative-data', 'personal-work-note']),
  deadlineFacts: pick(DeadlineFact, ['extended']),
  retentionFacts: pick(RetentionFact, ['needed-for-procedure']),
  outcomes: pick(Outcome, ['allow', 'deny', 'needs-consent']),
};

const FORMAT_1: FormatWords = {
  ...common,
  version: 1,
  asks: pick(Question, ['decide', 'care-consent', 'response-deadline', 'appeal-deadline', 'retention-until']),
  decideFacts: pick(Fact, facts1),
  careConsenters: pick(ConsentParty, ['client', 'legal-representatives']),
  consentOf: pick(ConsentParty, []),
  relations: pick(Relation, []),
  custodyKinds: pick(CustodyKind, []),
  items: pick(GeneralInformationItem, []),
  termKinds: pick(RetentionTermKind, []),
};

const FORMAT_2: FormatWords = {
  ...common,
  version: 2,
  asks: pick(Question, ['decide', 'care-consent', 'response-deadline', 'appeal-deadline', 'retention-until', 'general-information', 'request-deadlines', 'holidays', 'retention']),
  decideFacts: pick(Fact, facts2),
  careConsenters: pick(ConsentParty, ['client', 'legal-representatives', 'representative']),
  consentOf: pick(ConsentParty, ['client', 'legal-representatives', 'representative']),
  relations: pick(Relation, ['parent', 'partner', 'child', 'sibling', 'curator', 'mentor', 'authorised', 'other']),
  custodyKinds: pick(CustodyKind, ['two-headed-parental', 'single-headed-parental', 'joint-with-non-parent', 'guardianship']),
  items: pick(GeneralInformationItem, ['start', 'end', 'goals', 'results']),
  termKinds: pick(RetentionTermKind, ['years-after-last-change', 'until-age']),
};

/** The words of `format`. */
export function wordsOfFormat(format: ScenarioFormat): FormatWords {
  switch (format) {
    case ScenarioFormat.v1: return FORMAT_1;
    case ScenarioFormat.v2: return FORMAT_2;
  }
}
