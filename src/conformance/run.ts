/**
 * Runs scenarios against the rules engine and words the result: one line per
 * scenario, `PASS id` or `FAIL id: expected …, got … (basis: …)`, and the
 * closing `N passed, N failed`.
 */
import {
  appealDeadline, careConsent, decide, destructionDeadline, responseDeadline, retentionUntil,
  type CareConsentAnswer, type DeadlineAnswer, type Decision, type RetentionAnswer,
} from '../rules/index.js';
import type { Scenario, ScenarioFile } from './scenario.js';

/** The engine's full answer to a scenario's question. */
export type EngineAnswer =
  | { readonly ask: 'decide'; readonly answer: Decision }
  | { readonly ask: 'care-consent'; readonly answer: CareConsentAnswer }
  | { readonly ask: 'response-deadline' | 'appeal-deadline' | 'destruction-deadline'; readonly answer: DeadlineAnswer }
  | { readonly ask: 'retention-until'; readonly answer: RetentionAnswer };

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
          on: scenario.on, client: scenario.client, actor: scenario.actor, action: scenario.action, part: scenario.part, facts: scenario.facts,
        }),
      };
    case 'care-consent':
      return { ask: scenario.ask, answer: careConsent({ on: scenario.on, client: scenario.client }) };
    case 'response-deadline':
      return { ask: scenario.ask, answer: responseDeadline({ received: scenario.received, extended: scenario.facts.includes('extended') }) };
    case 'appeal-deadline':
      return { ask: scenario.ask, answer: appealDeadline({ answered: scenario.answered }) };
    case 'destruction-deadline':
      return { ask: scenario.ask, answer: destructionDeadline({ received: scenario.received }) };
    case 'retention-until':
      return { ask: scenario.ask, answer: retentionUntil({ lastChange: scenario.lastChange, facts: scenario.facts }) };
  }
}

/** The engine's answer in the words of `expect`. */
function gotOf(engine: EngineAnswer): string {
  switch (engine.ask) {
    case 'decide':
      return engine.answer.outcome === 'needs-consent'
        ? `needs-consent of ${engine.answer.consentOf.join(' and ')}`
        : engine.answer.outcome;
    case 'care-consent':
      return `[${engine.answer.consentOf.join(', ')}]`;
    case 'response-deadline':
    case 'appeal-deadline':
    case 'destruction-deadline':
      return engine.answer.date;
    case 'retention-until':
      return engine.answer.until ?? 'null';
  }
}

function matches(scenario: Scenario, engine: EngineAnswer): boolean {
  switch (engine.ask) {
    case 'decide':
      return scenario.expect === engine.answer.outcome;
    case 'care-consent': {
      const expected = Array.isArray(scenario.expect) ? [...(scenario.expect as readonly string[])].sort() : [];
      const got = [...engine.answer.consentOf].sort();
      return expected.length === got.length && expected.every((word, i) => word === got[i]);
    }
    case 'response-deadline':
    case 'appeal-deadline':
    case 'destruction-deadline':
      return scenario.expect === engine.answer.date;
    case 'retention-until':
      return scenario.expect === engine.answer.until;
  }
}

function expectedOf(scenario: Scenario): string {
  if (scenario.expect === null) return 'null';
  if (Array.isArray(scenario.expect)) return `[${[...(scenario.expect as readonly string[])].sort().join(', ')}]`;
  return String(scenario.expect);
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
    format: 'dossierwijzer-conformance-results/1',
    passed: summary.passed,
    failed: summary.failed,
    files: summary.files.map((f) => ({
      file: f.file,
      scenarios: f.results.map((r) => ({
        id: r.id, ask: r.scenario.ask, pass: r.pass, expect: r.scenario.expect, basisExpected: r.scenario.basis, answer: r.engine.answer,
      })),
    })),
  };
}
