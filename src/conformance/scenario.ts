/**
 * The scenario formats `dossierwijzer-conformance/1` and `/2`
 * (`shared/conformance/README.md`, `README-v2.md`) as types: one
 * discriminated union over `ask`, whose words are the rules' own vocabulary.
 * A format-1 scenario is a format-2 scenario that uses fewer words, so one
 * union serves both; which words a file may use is decided in `formats.ts`.
 */
import type {
  Action, Actor, CareConsenter, ConsentParty, DeadlineFact, Fact, GeneralInformationItem, IsoDate, Outcome, Part,
  Person, PersonRef, RetentionFact, RetentionTerm,
} from '../rules/index.js';

/** The format tags a file may carry. */
export const ScenarioFormat = {
  v1: 'dossierwijzer-conformance/1',
  v2: 'dossierwijzer-conformance/2',
} as const;
export type ScenarioFormat = (typeof ScenarioFormat)[keyof typeof ScenarioFormat];

interface ScenarioCommon {
  readonly id: string;
  /** Where the rule comes from; not checked. */
  readonly source: string;
  /** Citations that must all appear in the engine's answer. */
  readonly basis: readonly string[];
}

/** The client of a scenario, with `competent` defaulted. */
export interface ScenarioClient {
  readonly born: IsoDate;
  readonly competent: boolean;
  /** Format 2, `decide` only: the day the client died. */
  readonly deceased?: IsoDate;
}

export interface DecideScenario extends ScenarioCommon {
  readonly ask: 'decide';
  readonly on: IsoDate;
  readonly client: ScenarioClient;
  readonly persons: readonly Person[];
  readonly actor: Actor | PersonRef;
  readonly action: Action;
  readonly part: Part;
  readonly facts: readonly Fact[];
  readonly expect: Outcome;
  /** Format 2: whose consent is missing, compared as a set. */
  readonly consentOf?: readonly ConsentParty[];
}

export interface CareConsentScenario extends ScenarioCommon {
  readonly ask: 'care-consent';
  readonly on: IsoDate;
  readonly client: ScenarioClient;
  readonly expect: readonly CareConsenter[];
}

export interface ResponseDeadlineScenario extends ScenarioCommon {
  readonly ask: 'response-deadline';
  readonly received: IsoDate;
  readonly facts: readonly DeadlineFact[];
  readonly expect: IsoDate;
}

export interface AppealDeadlineScenario extends ScenarioCommon {
  readonly ask: 'appeal-deadline';
  readonly answered: IsoDate;
  readonly expect: IsoDate;
}

export interface RetentionUntilScenario extends ScenarioCommon {
  readonly ask: 'retention-until';
  readonly lastChange: IsoDate;
  readonly facts: readonly RetentionFact[];
  readonly expect: IsoDate | null;
}

/** Format 2. */
export interface GeneralInformationScenario extends ScenarioCommon {
  readonly ask: 'general-information';
  readonly on: IsoDate;
  readonly client: ScenarioClient;
  readonly persons: readonly Person[];
  readonly actor: Actor | PersonRef;
  readonly facts: readonly Fact[];
  readonly expect: readonly GeneralInformationItem[];
}

/** Format 2. */
export interface RequestDeadlinesScenario extends ScenarioCommon {
  readonly ask: 'request-deadlines';
  readonly received: IsoDate;
  readonly extension?: { readonly notified: IsoDate; readonly reasons: boolean };
  readonly decided?: IsoDate;
  readonly answerReceived?: IsoDate;
  readonly expect: { readonly decisionDeadline: IsoDate; readonly extended: boolean; readonly appealDeadline: IsoDate | null };
}

/** Format 2. */
export interface HolidaysScenario extends ScenarioCommon {
  readonly ask: 'holidays';
  readonly year: number;
  readonly expect: readonly IsoDate[];
}

/** Format 2. */
export interface RetentionScenario extends ScenarioCommon {
  readonly ask: 'retention';
  readonly lastChange: IsoDate;
  readonly client?: { readonly born: IsoDate };
  readonly term?: RetentionTerm;
  readonly goodCareUntil?: IsoDate;
  readonly facts: readonly RetentionFact[];
  readonly expect: { readonly until: IsoDate | null; readonly warning: boolean };
}

/** One scenario of a file. */
export type Scenario =
  | DecideScenario
  | CareConsentScenario
  | ResponseDeadlineScenario
  | AppealDeadlineScenario
  | RetentionUntilScenario
  | GeneralInformationScenario
  | RequestDeadlinesScenario
  | HolidaysScenario
  | RetentionScenario;

/** A parsed, valid scenario file. */
export interface ScenarioFile {
  /** The path as given. */
  readonly file: string;
  readonly format: ScenarioFormat;
  readonly scenarios: readonly Scenario[];
}
