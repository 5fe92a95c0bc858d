/**
 * Strict validation of scenario files. Every problem is reported as a
 * {@link ScenarioFileError} naming the file, the scenario (id, or its number
 * when the id itself is the problem) and the field, in words a scenario
 * author can act on: unknown field, unknown word, impossible date, missing
 * field, duplicate id, wrong format tag, bad JSON. Hand-written rather than a
 * schema library so that each message names exactly that.
 */
import {
  Action, Actor, ConsentParty, DeadlineFact, Fact, Outcome, Part, Question, RetentionFact,
  compareDates, isWordOf, parseIsoDate, wordsOf,
  type CareConsenter, type IsoDate,
} from '../rules/index.js';
import { SCENARIO_FORMAT, type Scenario, type ScenarioClient, type ScenarioFile } from './scenario.js';

/** A scenario file that is not valid against the format. */
export class ScenarioFileError extends Error {
  constructor(readonly file: string, readonly where: string, readonly problem: string) {
    super(`${file}: ${where === '' ? '' : `${where}: `}${problem}`);
    this.name = 'ScenarioFileError';
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const commonFields = ['id', 'source', 'ask', 'expect', 'basis'] as const;
const fieldsOf: Readonly<Record<Question, readonly string[]>> = {
  'decide': ['on', 'client', 'actor', 'action', 'part', 'facts'],
  'care-consent': ['on', 'client'],
  'response-deadline': ['received', 'facts'],
  'appeal-deadline': ['answered'],
  'destruction-deadline': ['received'],
  'retention-until': ['lastChange', 'facts'],
};

const careConsenters = { client: ConsentParty.client, legalRepresentatives: ConsentParty.legalRepresentatives } as const;

/** Reads one scenario; `fail` throws with the scenario named. */
class ScenarioReader {
  constructor(private readonly raw: JsonObject, private readonly fail: (field: string, problem: string) => never) {}

  string(field: string): string {
    const value = this.raw[field];
    if (value === undefined) this.fail(field, 'missing field');
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, `must be a non-empty string, got ${JSON.stringify(value)}`);
    return value;
  }

  date(field: string, value: Json | undefined = this.raw[field]): IsoDate {
    if (value === undefined) this.fail(field, 'missing field');
    if (typeof value !== 'string' || parseIsoDate(value) === undefined) {
      this.fail(field, `${JSON.stringify(value)} is not a real date written YYYY-MM-DD`);
    }
    return value;
  }

  word<T extends string>(field: string, vocabulary: Readonly<Record<string, T>>, fallback?: T): T {
    const value = this.raw[field];
    if (value === undefined) {
      if (fallback !== undefined) return fallback;
      this.fail(field, 'missing field');
    }
    if (!isWordOf(vocabulary, value)) this.fail(field, `unknown word ${JSON.stringify(value)}; allowed: ${wordsOf(vocabulary).join(', ')}`);
    return value;
  }

  words<T extends string>(field: string, vocabulary: Readonly<Record<string, T>>, value: Json | undefined = this.raw[field]): T[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(field, 'must be a list');
    const seen = new Set<T>();
    value.forEach((item, i) => {
      if (!isWordOf(vocabulary, item)) {
        const allowed = wordsOf(vocabulary);
        this.fail(`${field}[${i}]`, `unknown word ${JSON.stringify(item)}; allowed: ${allowed.length === 0 ? '(none)' : allowed.join(', ')}`);
      }
      if (seen.has(item)) this.fail(`${field}[${i}]`, `${JSON.stringify(item)} is listed twice`);
      seen.add(item);
    });
    return [...seen];
  }

  client(on: IsoDate): ScenarioClient {
    const value = this.raw['client'];
    if (value === undefined) this.fail('client', 'missing field');
    if (!isObject(value)) this.fail('client', 'must be an object { "born": date, "competent": bool }');
    for (const key of Object.keys(value)) {
      if (key !== 'born' && key !== 'competent') this.fail(`client.${key}`, 'unknown field; allowed: born, competent');
    }
    const born = this.date('client.born', value['born']);
    const competent = value['competent'];
    if (competent !== undefined && typeof competent !== 'boolean') this.fail('client.competent', `must be true or false, got ${JSON.stringify(competent)}`);
    const bornDate = parseIsoDate(born);
    const onDate = parseIsoDate(on);
    if (bornDate !== undefined && onDate !== undefined && compareDates(onDate, bornDate) < 0) {
      this.fail('on', `${on} lies before the client's birth date ${born}`);
    }
    return { born, competent: competent ?? true };
  }

  basis(): string[] {
    const value = this.raw['basis'];
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail('basis', 'must be a list of citations such as "Jeugdwet 7.3.11"');
    return value.map((item, i) => {
      if (typeof item !== 'string' || !/^\S.*\s\S+$/.test(item)) this.fail(`basis[${i}]`, `must be a citation "<law> <article>", got ${JSON.stringify(item)}`);
      return item;
    });
  }
}

function parseScenario(raw: JsonObject, fail: (field: string, problem: string) => never): Scenario {
  const r = new ScenarioReader(raw, fail);
  const id = r.string('id');
  const source = r.string('source');
  const ask = r.word('ask', Question);
  const allowed = new Set<string>([...commonFields, ...fieldsOf[ask]]);
  for (const key of Object.keys(raw)) {
    if (!allowed.has(key)) fail(key, `unknown field for ask "${ask}"; allowed: ${[...allowed].join(', ')}`);
  }
  if (raw['expect'] === undefined) fail('expect', 'missing field');
  const basis = r.basis();
  const common = { id, source, basis };
  switch (ask) {
    case Question.decide: {
      const on = r.date('on');
      return {
        ...common, ask, on, client: r.client(on),
        actor: r.word('actor', Actor), action: r.word('action', Action), part: r.word('part', Part, Part.dossier),
        facts: r.words('facts', Fact), expect: r.word('expect', Outcome),
      };
    }
    case Question.careConsent: {
      const on = r.date('on');
      const client = r.client(on);
      const expect: CareConsenter[] = r.words('expect', careConsenters);
      return { ...common, ask, on, client, expect };
    }
    case Question.responseDeadline:
      return { ...common, ask, received: r.date('received'), facts: r.words('facts', DeadlineFact), expect: r.date('expect') };
    case Question.appealDeadline:
      return { ...common, ask, answered: r.date('answered'), expect: r.date('expect') };
    case Question.destructionDeadline:
      return { ...common, ask, received: r.date('received'), expect: r.date('expect') };
    case Question.retentionUntil: {
      const lastChange = r.date('lastChange');
      const facts = r.words('facts', RetentionFact);
      const expect = raw['expect'] === null ? null : r.date('expect');
      return { ...common, ask, lastChange, facts, expect };
    }
  }
}

/**
 * Parses and validates the text of a scenario file.
 * @throws ScenarioFileError naming file, scenario and field.
 * @example parseScenarioFile('{"format":"dossierwijzer-conformance/1","scenarios":[]}', 'empty.json').scenarios // []
 */
export function parseScenarioFile(text: string, file: string): ScenarioFile {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch (error) {
    throw new ScenarioFileError(file, '', `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isObject(data)) throw new ScenarioFileError(file, '', 'must be a JSON object { "format": …, "scenarios": [ … ] }');
  for (const key of Object.keys(data)) {
    if (key !== 'format' && key !== 'scenarios') throw new ScenarioFileError(file, `field "${key}"`, 'unknown field; allowed: format, scenarios');
  }
  if (data['format'] !== SCENARIO_FORMAT) {
    throw new ScenarioFileError(file, 'field "format"', `must be "${SCENARIO_FORMAT}", got ${JSON.stringify(data['format'] ?? null)}`);
  }
  const list = data['scenarios'];
  if (!Array.isArray(list)) throw new ScenarioFileError(file, 'field "scenarios"', 'missing or not a list');
  const ids = new Map<string, number>();
  const scenarios = list.map((raw, index) => {
    const rawId = isObject(raw) && typeof raw['id'] === 'string' && raw['id'] !== '' ? raw['id'] : undefined;
    const name = rawId === undefined ? `scenario #${index + 1}` : `scenario "${rawId}" (#${index + 1})`;
    const fail = (field: string, problem: string): never => {
      throw new ScenarioFileError(file, `${name}, field "${field}"`, problem);
    };
    if (!isObject(raw)) throw new ScenarioFileError(file, name, 'must be an object');
    const scenario = parseScenario(raw, fail);
    const earlier = ids.get(scenario.id);
    if (earlier !== undefined) fail('id', `duplicate id, first used by scenario #${earlier + 1}`);
    ids.set(scenario.id, index);
    return scenario;
  });
  return { file, scenarios };
}
