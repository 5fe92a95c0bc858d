/**
 * The scenario format `dossierwijzer-conformance/1`
 * (`shared/conformance/README.md`) as types: one discriminated union over
 * `ask`, whose words are the rules' own vocabulary.
 */
import type {
  Action, Actor, CareConsenter, DeadlineFact, Fact, IsoDate, Outcome, Part, RetentionFact,
} from '../rules/index.js';

/** The format tag every file carries. */
export const SCENARIO_FORMAT = 'dossierwijzer-conformance/1';

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
}

export interface DecideScenario extends ScenarioCommon {
  readonly ask: 'decide';
  readonly on: IsoDate;
  readonly client: ScenarioClient;
  readonly actor: Actor;
  readonly action: Action;
  readonly part: Part;
  readonly facts: readonly Fact[];
  readonly expect: Outcome;
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

/** Extension of the format: the execution deadline of a granted destruction (Jeugdwet 7.3.9). */
export interface DestructionDeadlineScenario extends ScenarioCommon {
  readonly ask: 'destruction-deadline';
  readonly received: IsoDate;
  readonly expect: IsoDate;
}

export interface RetentionScenario extends ScenarioCommon {
  readonly ask: 'retention-until';
  readonly lastChange: IsoDate;
  readonly facts: readonly RetentionFact[];
  readonly expect: IsoDate | null;
}

/** One scenario of a file. */
export type Scenario =
  | DecideScenario
  | CareConsentScenario
  | ResponseDeadlineScenario
  | AppealDeadlineScenario
  | DestructionDeadlineScenario
  | RetentionScenario;

/** A parsed, valid scenario file. */
export interface ScenarioFile {
  /** The path as given. */
  readonly file: string;
  readonly scenarios: readonly Scenario[];
}
