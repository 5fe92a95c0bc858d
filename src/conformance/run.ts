/**
 * Runs scenarios against the rules engine and words the result: one line per
 * scenario, `PASS id` or `FAIL id: expected …, got … (basis: …)`, and the
 * closing `N passed, N failed`.
 */
import {
  appealDeadline, careConsent, decide, generalInformation, holidayDatesOf, requestDeadlines, responseDeadline, retention, retentionUntil,
  type CareConsentAnswer, type DeadlineAnswer, type Decision, type GeneralInformationAnswer, type RequestDeadlinesAnswer,
  type RetentionAnswer, type RetentionPlan,
} from '../rules/index.js';
import { Citation } from '../rules/citations.js';
import type { Scenario, ScenarioFile } from './scenario.js';

/** The `holidays` answer: the days, and where they come from. */
export interface HolidaysAnswer {
  readonly days: readonly string[];
  readonly basis: readonly string[];
  readonly explanation: string;
}

/** The engine's full answer to a scenario's question. */
export type EngineAnswer =
  | { readonly ask: 'decide'; readonly answer: Decision }
  | { readonly ask: 'care-consent'; readonly answer: CareConsentAnswer }
  | { readonly ask: 'response-deadline' | 'appeal-deadline'; readonly answer: DeadlineAnswer }
  | { readonly ask: 'retention-until'; readonly answer: RetentionAnswer }
  | { readonly ask: 'general-information'; readonly answer: GeneralInformationAnswer }
  | { readonly ask: 'request-deadlines'; readonly answer: RequestDeadlinesAnswer }
  | { readonly ask: 'holidays'; readonly answer: HolidaysAnswer }
  | { readonly ask: 'retention'; readonly answer: RetentionPlan };

/** The outcome of one scenario. */
export interface ScenarioResult {
  readonly id: string;
  readonly pass: boolean;
  /** `PASS id` or `FAIL id: …`. */
  readonly line: string;
  readonly scenario: Scenario;
  readonly engine: EngineAnswer;
}

/** Asks the engine the scenario's question. */
export function answer(scenario: Scenario): EngineAnswer {
  switch (scenario.ask) {
    case 'decide':
      return {
        ask: scenario.ask,
        answer: decide({
          on: scenario.on, client: scenario.client, persons: scenario.persons, actor: scenario.actor, action: scenario.action,
          part: scenario.part, facts: scenario.facts,
        }),
      };
    case 'care-consent':
      return { ask: scenario.ask, answer: careConsent({ on: scenario.on, client: scenario.client }) };
    case 'response-deadline':
      return { ask: scenario.ask, answer: responseDeadline({ received: scenario.received, extended: scenario.facts.includes('extended') }) };
    case 'appeal-deadline':
      return { ask: scenario.ask, answer: appealDeadline({ answered: scenario.answered }) };
    case 'retention-until':
      return { ask: scenario.ask, answer: retentionUntil({ lastChange: scenario.lastChange, facts: scenario.facts }) };
    case 'general-information':
      return {
        ask: scenario.ask,
        answer: generalInformation({ on: scenario.on, client: scenario.client, persons: scenario.persons, actor: scenario.actor, facts: scenario.facts }),
      };
    case 'request-deadlines':
      return { ask: scenario.ask, answer: requestDeadlines(scenario) };
    case 'holidays':
      return {
        ask: scenario.ask,
        answer: {
          days: holidayDatesOf(scenario.year),
          basis: [Citation.atw_3],
          explanation: `De feestdagen van ${scenario.year} volgens de Algemene termijnenwet (artikel 3 lid 1 en 2) en de dagen die bij besluit gelijk zijn gesteld (artikel 3 lid 3).`,
        },
      };
    case 'retention':
      return { ask: scenario.ask, answer: retention(scenario) };
  }
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((w, i) => w === y[i]) && a.length === b.length;
};

const list = (words: readonly string[]): string => `[${[...words].sort().join(', ')}]`;

/** The engine's answer in the words of `expect`. */
function gotOf(engine: EngineAnswer): string {
  switch (engine.ask) {
    case 'decide':
      return engine.answer.outcome === 'needs-consent'
        ? `needs-consent of ${engine.answer.consentOf.join(' and ')}`
        : engine.answer.outcome;
    case 'care-consent':
      return list(engine.answer.consentOf);
    case 'response-deadline':
    case 'appeal-deadline':
      return engine.answer.date;
    case 'retention-until':
      return engine.answer.until ?? 'null';
    case 'general-information':
      return list(engine.answer.items);
    case 'request-deadlines':
      return JSON.stringify({ decisionDeadline: engine.answer.decisionDeadline, extended: engine.answer.extended, appealDeadline: engine.answer.appealDeadline });
    case 'holidays':
      return list(engine.answer.days);
    case 'retention':
      return JSON.stringify({ until: engine.answer.until, warning: engine.answer.warning });
  }
}

function matches(scenario: Scenario, engine: EngineAnswer): boolean {
  switch (engine.ask) {
    case 'decide': {
      if (scenario.ask !== 'decide' || scenario.expect !== engine.answer.outcome) return false;
      if (scenario.consentOf === undefined) return true;
      return engine.answer.outcome === 'needs-consent' && sameSet(scenario.consentOf, engine.answer.consentOf);
    }
    case 'care-consent':
      return scenario.ask === 'care-consent' && sameSet(scenario.expect, engine.answer.consentOf);
    case 'response-deadline':
    case 'appeal-deadline':
      return scenario.expect === engine.answer.date;
    case 'retention-until':
      return scenario.expect === engine.answer.until;
    case 'general-information':
      return scenario.ask === 'general-information' && sameSet(scenario.expect, engine.answer.items);
    case 'request-deadlines':
      return scenario.ask === 'request-deadlines'
        && scenario.expect.decisionDeadline === engine.answer.decisionDeadline
        && scenario.expect.extended === engine.answer.extended
        && scenario.expect.appealDeadline === engine.answer.appealDeadline;
    case 'holidays':
      return scenario.ask === 'holidays' && sameSet(scenario.expect, engine.answer.days);
    case 'retention':
      return scenario.ask === 'retention' && scenario.expect.until === engine.answer.until && scenario.expect.warning === engine.answer.warning;
  }
}

function expectedOf(scenario: Scenario): string {
  switch (scenario.ask) {
    case 'decide':
      return scenario.consentOf === undefined ? scenario.expect : `${scenario.expect} of ${scenario.consentOf.join(' and ')}`;
    case 'care-consent':
    case 'general-information':
    case 'holidays':
      return list(scenario.expect);
    case 'response-deadline':
    case 'appeal-deadline':
      return scenario.expect;
    case 'retention-until':
      return scenario.expect ?? 'null';
    case 'request-deadlines':
    case 'retention':
      return JSON.stringify(scenario.expect);
  }
}

/**
 * Runs one scenario.
 * @example runScenario(scenario).line // 'PASS inspect.client.14'
 */
export function runScenario(scenario: Scenario): ScenarioResult {
  const engine = answer(scenario);
  const basis: readonly string[] = engine.answer.basis;
  const missing = scenario.basis.filter((citation) => !basis.includes(citation));
  const outcomeOk = matches(scenario, engine);
  const pass = outcomeOk && missing.length === 0;
  const expected = missing.length === 0 ? expectedOf(scenario) : `${expectedOf(scenario)} with basis ${missing.join(', ')}`;
  const line = pass
    ? `PASS ${scenario.id}`
    : `FAIL ${scenario.id}: expected ${expected}, got ${gotOf(engine)} (basis: ${basis.join(', ')})`;
  return { id: scenario.id, pass, line, scenario, engine };
}

/** Results of all scenarios of all files, in order. */
export interface RunSummary {
  readonly files: readonly { readonly file: string; readonly results: readonly ScenarioResult[] }[];
  readonly passed: number;
  readonly failed: number;
}

/** Runs every scenario of every file. */
export function runFiles(files: readonly ScenarioFile[]): RunSummary {
  const results = files.map((f) => ({ file: f.file, results: f.scenarios.map(runScenario) }));
  const all = results.flatMap((f) => f.results);
  const passed = all.filter((r) => r.pass).length;
  return { files: results, passed, failed: all.length - passed };
}

/** The closing line, alone on its line. */
export function summaryLine(summary: RunSummary): string {
  return `${summary.passed} passed, ${summary.failed} failed`;
}

/** The `--json` document: every scenario with the engine's full answer. */
export function toJsonReport(summary: RunSummary): unknown {
  return {
    format: 'dossierwijzer-conformance-results/2',
    passed: summary.passed,
    failed: summary.failed,
    files: summary.files.map((f) => ({
      file: f.file,
      scenarios: f.results.map((r) => ({
        id: r.id, ask: r.scenario.ask, pass: r.pass, expect: r.scenario.expect,
        ...(r.scenario.ask === 'decide' && r.scenario.consentOf !== undefined ? { consentOfExpected: r.scenario.consentOf } : {}),
        basisExpected: r.scenario.basis, answer: r.engine.answer,
      })),
    })),
  };
}
