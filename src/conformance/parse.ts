/**
 * Strict validation of scenario files of format 1 and 2. Every problem is
 * reported before any scenario runs, as a {@link ScenarioFileError} whose
 * message is the one line `FILE: scenario "ID" (#N), field "FIELD": PROBLEM`
 * (README-v2.md): unknown field, unknown word (with the allowed words), a
 * field this `ask` does not take, impossible date, dates out of order,
 * missing field, duplicate id, wrong format tag, bad JSON. The `format` of a
 * file decides its words (`formats.ts`). Hand-written rather than a schema
 * library so that each message names exactly that.
 */
import {
  Actor, compareDates, isWordOf, parseIsoDate, wordsOf,
  type CareConsenter, type IsoDate, type Person, type PersonRef, type RetentionTerm,
} from '../rules/index.js';
import { wordsOfFormat, type FormatWords } from './formats.js';
import { ScenarioFormat, type Scenario, type ScenarioClient, type ScenarioFile } from './scenario.js';

/** A scenario file that is not valid against its format. */
export class ScenarioFileError extends Error {
  constructor(readonly file: string, readonly where: string, readonly problem: string) {
    super(`${file}: ${where === '' ? '' : `${where}: `}${problem}`);
    this.name = 'ScenarioFileError';
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Fail = (field: string, problem: string) => never;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const commonFields = ['id', 'source', 'ask', 'expect', 'basis'] as const;

function fieldsOf(ask: string, version: 1 | 2): readonly string[] {
  switch (ask) {
    case 'decide': return version === 1
      ? ['on', 'client', 'actor', 'action', 'part', 'facts']
      : ['on', 'client', 'persons', 'actor', 'action', 'part', 'facts', 'consentOf'];
    case 'care-consent': return ['on', 'client'];
    case 'response-deadline': return ['received', 'facts'];
    case 'appeal-deadline': return ['answered'];
    case 'retention-until': return ['lastChange', 'facts'];
    case 'general-information': return ['on', 'client', 'persons', 'actor', 'facts'];
    case 'request-deadlines': return ['received', 'extension', 'decided', 'answerReceived'];
    case 'holidays': return ['year'];
    case 'retention': return ['lastChange', 'client', 'term', 'goodCareUntil', 'facts'];
    default: return [];
  }
}

const describeJson = (value: Json | undefined): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/** Reads one scenario; `fail` throws with the scenario named. */
class ScenarioReader {
  constructor(private readonly raw: JsonObject, private readonly fail: Fail, private readonly format: FormatWords) {}

  string(field: string): string {
    const value = this.raw[field];
    if (value === undefined) this.fail(field, 'missing field');
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, `must be a non-empty string, got ${describeJson(value)}`);
    return value;
  }

  date(field: string, value: Json | undefined = this.raw[field]): IsoDate {
    if (value === undefined) this.fail(field, 'missing field');
    if (typeof value !== 'string' || parseIsoDate(value) === undefined) {
      this.fail(field, `${describeJson(value)} is not a real date written YYYY-MM-DD`);
    }
    return value;
  }

  optionalDate(field: string, value: Json | undefined): IsoDate | undefined {
    return value === undefined ? undefined : this.date(field, value);
  }

  /** Fails unless `earlier` ≤ `later`. */
  order(field: string, earlierName: string, earlier: IsoDate, later: IsoDate, laterName = field): void {
    const a = parseIsoDate(earlier);
    const b = parseIsoDate(later);
    if (a !== undefined && b !== undefined && compareDates(a, b) > 0) {
      this.fail(field, `${laterName} ${later} lies before ${earlierName} ${earlier}`);
    }
  }

  word<T extends string>(field: string, vocabulary: Readonly<Record<string, T>>, value: Json | undefined = this.raw[field], fallback?: T): T {
    if (value === undefined) {
      if (fallback !== undefined) return fallback;
      this.fail(field, 'missing field');
    }
    if (!isWordOf(vocabulary, value)) this.fail(field, `unknown word ${describeJson(value)}; allowed: ${allowedWords(vocabulary)}`);
    return value;
  }

  words<T extends string>(field: string, vocabulary: Readonly<Record<string, T>>, value: Json | undefined = this.raw[field]): T[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(field, `must be a list of words; allowed: ${allowedWords(vocabulary)}`);
    const seen = new Set<T>();
    value.forEach((item, i) => {
      if (!isWordOf(vocabulary, item)) this.fail(`${field}[${i}]`, `unknown word ${describeJson(item)}; allowed: ${allowedWords(vocabulary)}`);
      if (seen.has(item)) this.fail(`${field}[${i}]`, `${JSON.stringify(item)} is listed twice`);
      seen.add(item);
    });
    return [...seen];
  }

  boolean(field: string, value: Json | undefined): boolean {
    if (value === undefined) this.fail(field, 'missing field');
    if (typeof value !== 'boolean') this.fail(field, `must be true or false, got ${describeJson(value)}`);
    return value;
  }

  wholeNumber(field: string, value: Json | undefined, min: number, max: number): number {
    if (value === undefined) this.fail(field, 'missing field');
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(field, `must be a whole number from ${min} to ${max}, got ${describeJson(value)}`);
    }
    return value;
  }

  object(field: string, value: Json | undefined, allowed: readonly string[], shape: string): JsonObject {
    if (value === undefined) this.fail(field, 'missing field');
    if (!isObject(value)) this.fail(field, `must be an object ${shape}`);
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(`${field}.${key}`, `unknown field; allowed: ${allowed.join(', ')}`);
    }
    return value;
  }

  /** `client` of `decide`, `care-consent` and `general-information`; `deceased` only where the ask takes it. */
  client(on: IsoDate, allowDeceased: boolean): ScenarioClient {
    const allowed = allowDeceased ? ['born', 'competent', 'deceased'] : ['born', 'competent'];
    const value = this.object('client', this.raw['client'], allowed, `{ ${allowed.map((k) => `"${k}"`).join(', ')} }`);
    const born = this.date('client.born', value['born']);
    const competent = value['competent'];
    if (competent !== undefined && typeof competent !== 'boolean') this.fail('client.competent', `must be true or false, got ${describeJson(competent)}`);
    this.order('on', 'the client\'s birth date', born, on, 'on');
    const deceased = this.optionalDate('client.deceased', value['deceased']);
    if (deceased !== undefined) {
      this.order('client.deceased', 'the birth date', born, deceased, 'the day of death');
      this.order('client.deceased', 'the day of death', deceased, on, 'on');
    }
    return { born, competent: competent ?? true, ...(deceased === undefined ? {} : { deceased }) };
  }

  persons(): Person[] {
    const value = this.raw['persons'];
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.length === 0) this.fail('persons', 'must be a non-empty list of persons { "id", "relation", "custody", "from", "to" }');
    const ids = new Set<string>();
    return value.map((raw, i) => {
      const at = `persons[${i}]`;
      const p = this.object(at, raw, ['id', 'relation', 'custody', 'from', 'to'], '{ "id", "relation", "custody", "from", "to" }');
      const id = p['id'];
      if (id === undefined) this.fail(`${at}.id`, 'missing field');
      if (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)) {
        this.fail(`${at}.id`, `must be lowercase letters, digits and "-", starting with a letter, got ${describeJson(id)}`);
      }
      if (isWordOf(wordsOfFormat(ScenarioFormat.v1).actors, id)) this.fail(`${at}.id`, `"${id}" is an actor word and cannot name a person`);
      if (ids.has(id)) this.fail(`${at}.id`, `duplicate person id "${id}"`);
      ids.add(id);
      const relation = this.word(`${at}.relation`, this.format.relations, p['relation']);
      const custody = p['custody'] === undefined ? undefined : this.word(`${at}.custody`, this.format.custodyKinds, p['custody']);
      if (custody !== undefined) {
        const fits = custody === 'two-headed-parental' || custody === 'single-headed-parental'
          ? relation === 'parent'
          : custody === 'joint-with-non-parent'
            ? relation === 'parent' || relation === 'other'
            : relation === 'other';
        if (!fits) {
          const allowedRelations = custody === 'joint-with-non-parent' ? 'parent or other' : custody === 'guardianship' ? 'other' : 'parent';
          this.fail(`${at}.custody`, `"${custody}" goes only with the relation ${allowedRelations}, not "${relation}"`);
        }
      }
      const from = this.optionalDate(`${at}.from`, p['from']);
      const to = this.optionalDate(`${at}.to`, p['to']);
      const periodic = custody !== undefined || relation === 'curator' || relation === 'mentor' || relation === 'authorised';
      if (!periodic && from !== undefined) this.fail(`${at}.from`, 'only with custody, or the relation curator, mentor or authorised');
      if (!periodic && to !== undefined) this.fail(`${at}.to`, 'only with custody, or the relation curator, mentor or authorised');
      if (from !== undefined && to !== undefined) this.order(`${at}.to`, 'from', from, to, 'to');
      return {
        id, relation,
        ...(custody === undefined ? {} : { custody }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
      };
    });
  }

  actor(persons: readonly Person[]): FormatWordsActor {
    const value = this.raw['actor'];
    if (value === undefined) this.fail('actor', 'missing field');
    if (isWordOf(this.format.actors, value)) return value;
    const person = typeof value === 'string' ? persons.find((p) => p.id === value) : undefined;
    if (person !== undefined) return { person: person.id };
    const ids = persons.map((p) => p.id);
    this.fail('actor', `unknown word ${describeJson(value)}; allowed: ${allowedWords(this.format.actors)}${ids.length > 0 ? `, or a person's id: ${ids.join(', ')}` : ''}`);
  }

  basis(): string[] {
    const value = this.raw['basis'];
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail('basis', 'must be a list of citations such as "Jeugdwet 7.3.11"');
    return value.map((item, i) => {
      if (typeof item !== 'string' || !/^\S.*\s\S+$/.test(item)) this.fail(`basis[${i}]`, `must be a citation "<law> <article>", got ${describeJson(item)}`);
      return item;
    });
  }
}

type FormatWordsActor = Actor | PersonRef;

function allowedWords(vocabulary: Readonly<Record<string, string>>): string {
  const words = wordsOf(vocabulary);
  return words.length === 0 ? '(none in this format)' : words.join(', ');
}

function parseDecide(r: ScenarioReader, raw: JsonObject, fail: Fail, words: FormatWords, common: { id: string; source: string; basis: string[] }): Scenario {
  const on = r.date('on');
  const client = r.client(on, words.version === 2);
  const persons = r.persons();
  const actor = r.actor(persons);
  const action = r.word('action', words.actions);
  const part = r.word('part', words.parts, raw['part'], 'dossier');
  const facts = r.words('facts', words.decideFacts);
  const expect = r.word('expect', words.outcomes);
  if (raw['consentOf'] === undefined) return { ...common, ask: 'decide', on, client, persons, actor, action, part, facts, expect };
  if (expect !== 'needs-consent') fail('consentOf', 'only with "expect": "needs-consent"');
  if (!Array.isArray(raw['consentOf']) || raw['consentOf'].length === 0) fail('consentOf', `must be a non-empty list; allowed: ${allowedWords(words.consentOf)}`);
  const consentOf = r.words('consentOf', words.consentOf);
  return { ...common, ask: 'decide', on, client, persons, actor, action, part, facts, expect, consentOf };
}

function parseRequestDeadlines(r: ScenarioReader, raw: JsonObject, common: { id: string; source: string; basis: string[] }): Scenario {
  const received = r.date('received');
  let extension: { notified: IsoDate; reasons: boolean } | undefined;
  if (raw['extension'] !== undefined) {
    const e = r.object('extension', raw['extension'], ['notified', 'reasons'], '{ "notified": date, "reasons": bool }');
    const notified = r.date('extension.notified', e['notified']);
    const reasons = r.boolean('extension.reasons', e['reasons']);
    r.order('extension.notified', 'received', received, notified, 'extension.notified');
    extension = { notified, reasons };
  }
  const decided = r.optionalDate('decided', raw['decided']);
  if (decided !== undefined) r.order('decided', 'received', received, decided, 'decided');
  const answerReceived = r.optionalDate('answerReceived', raw['answerReceived']);
  if (answerReceived !== undefined) {
    if (decided === undefined) throw new ScenarioOnlyWith('answerReceived', 'decided');
    r.order('answerReceived', 'decided', decided, answerReceived, 'answerReceived');
  }
  const e = r.object('expect', raw['expect'], ['decisionDeadline', 'extended', 'appealDeadline'], '{ "decisionDeadline": date, "extended": bool, "appealDeadline": date or null }');
  const decisionDeadline = r.date('expect.decisionDeadline', e['decisionDeadline']);
  const extended = r.boolean('expect.extended', e['extended']);
  if (e['appealDeadline'] === undefined) r.date('expect.appealDeadline', undefined);
  const appealDeadline = e['appealDeadline'] === null ? null : r.date('expect.appealDeadline', e['appealDeadline']);
  return {
    ...common, ask: 'request-deadlines', received,
    ...(extension === undefined ? {} : { extension }),
    ...(decided === undefined ? {} : { decided }),
    ...(answerReceived === undefined ? {} : { answerReceived }),
    expect: { decisionDeadline, extended, appealDeadline },
  };
}

/** Thrown inside parsing for "field X only with field Y"; turned into a {@link ScenarioFileError}. */
class ScenarioOnlyWith extends Error {
  constructor(readonly field: string, readonly needs: string) {
    super(`${field} needs ${needs}`);
  }
}

function parseRetention(r: ScenarioReader, raw: JsonObject, fail: Fail, words: FormatWords, common: { id: string; source: string; basis: string[] }): Scenario {
  const lastChange = r.date('lastChange');
  let client: { born: IsoDate } | undefined;
  if (raw['client'] !== undefined) {
    const c = r.object('client', raw['client'], ['born'], '{ "born": date }');
    client = { born: r.date('client.born', c['born']) };
  }
  let term: RetentionTerm | undefined;
  if (raw['term'] !== undefined) {
    const t = r.object('term', raw['term'], ['kind', 'years', 'age', 'born'], '{ "kind", "years" } or { "kind", "age", "born" }');
    const kind = r.word('term.kind', words.termKinds, t['kind']);
    switch (kind) {
      case 'years-after-last-change':
        if (t['age'] !== undefined) fail('term.age', 'unknown field for kind "years-after-last-change"; allowed: kind, years');
        if (t['born'] !== undefined) fail('term.born', 'unknown field for kind "years-after-last-change"; allowed: kind, years');
        term = { kind, years: r.wholeNumber('term.years', t['years'], 1, 100) };
        break;
      case 'until-age': {
        if (t['years'] !== undefined) fail('term.years', 'unknown field for kind "until-age"; allowed: kind, age, born');
        const age = r.wholeNumber('term.age', t['age'], 1, 100);
        const born = r.optionalDate('term.born', t['born']);
        if (born === undefined && client === undefined) fail('client', 'missing field: an "until-age" term without its own "born" runs on the client\'s birth date');
        term = born === undefined ? { kind, age } : { kind, age, born };
        break;
      }
    }
  }
  const goodCareUntil = r.optionalDate('goodCareUntil', raw['goodCareUntil']);
  const facts = r.words('facts', words.retentionFacts);
  const e = r.object('expect', raw['expect'], ['until', 'warning'], '{ "until": date or null, "warning": bool }');
  if (e['until'] === undefined) r.date('expect.until', undefined);
  const until = e['until'] === null ? null : r.date('expect.until', e['until']);
  const warning = r.boolean('expect.warning', e['warning']);
  return {
    ...common, ask: 'retention', lastChange,
    ...(client === undefined ? {} : { client }),
    ...(term === undefined ? {} : { term }),
    ...(goodCareUntil === undefined ? {} : { goodCareUntil }),
    facts, expect: { until, warning },
  };
}

function parseScenario(raw: JsonObject, fail: Fail, words: FormatWords): Scenario {
  const r = new ScenarioReader(raw, fail, words);
  const id = r.string('id');
  const source = r.string('source');
  const ask = r.word('ask', words.asks);
  const allowed = new Set<string>([...commonFields, ...fieldsOf(ask, words.version)]);
  for (const key of Object.keys(raw)) {
    if (!allowed.has(key)) fail(key, `unknown field for ask "${ask}"; allowed: ${[...allowed].join(', ')}`);
  }
  if (raw['expect'] === undefined) fail('expect', 'missing field');
  const basis = r.basis();
  const common = { id, source, basis };
  switch (ask) {
    case 'decide':
      return parseDecide(r, raw, fail, words, common);
    case 'care-consent': {
      const on = r.date('on');
      const client = r.client(on, false);
      const expect: CareConsenter[] = r.words('expect', words.careConsenters) as CareConsenter[];
      return { ...common, ask, on, client, expect };
    }
    case 'response-deadline':
      return { ...common, ask, received: r.date('received'), facts: r.words('facts', words.deadlineFacts), expect: r.date('expect') };
    case 'appeal-deadline':
      return { ...common, ask, answered: r.date('answered'), expect: r.date('expect') };
    case 'retention-until': {
      const lastChange = r.date('lastChange');
      const facts = r.words('facts', words.retentionFacts);
      const expect = raw['expect'] === null ? null : r.date('expect');
      return { ...common, ask, lastChange, facts, expect };
    }
    case 'general-information': {
      const on = r.date('on');
      const client = r.client(on, false);
      const persons = r.persons();
      const actor = r.actor(persons);
      const facts = r.words('facts', words.decideFacts);
      if (!Array.isArray(raw['expect'])) fail('expect', `must be a list; allowed: ${allowedWords(words.items)}`);
      return { ...common, ask, on, client, persons, actor, facts, expect: r.words('expect', words.items) };
    }
    case 'request-deadlines':
      try {
        return parseRequestDeadlines(r, raw, common);
      } catch (error) {
        if (error instanceof ScenarioOnlyWith) fail(error.field, `only with "${error.needs}"`);
        throw error;
      }
    case 'holidays': {
      const year = r.wholeNumber('year', raw['year'], 2023, 2028);
      const value = raw['expect'];
      if (!Array.isArray(value)) fail('expect', 'must be a list of dates written YYYY-MM-DD');
      const seen = new Set<string>();
      const expect = value.map((item, i) => {
        const date = r.date(`expect[${i}]`, item);
        if (seen.has(date)) fail(`expect[${i}]`, `${date} is listed twice`);
        seen.add(date);
        return date;
      });
      return { ...common, ask, year, expect };
    }
    case 'retention':
      return parseRetention(r, raw, fail, words, common);
    case 'destruction-deadline':
      // Not a word of either format; `words.asks` never yields it.
      return fail('ask', `unknown word "${ask}"; allowed: ${allowedWords(words.asks)}`);
  }
}

function isFormat(value: Json | undefined): value is ScenarioFormat {
  return value === ScenarioFormat.v1 || value === ScenarioFormat.v2;
}

/**
 * Parses and validates the text of a scenario file of format 1 or 2.
 * @throws ScenarioFileError naming file, scenario and field.
 * @example parseScenarioFile('{"format":"dossierwijzer-conformance/2","scenarios":[]}', 'empty.json').scenarios // []
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
  const format = data['format'];
  if (!isFormat(format)) {
    throw new ScenarioFileError(file, 'field "format"', `must be "${ScenarioFormat.v1}" or "${ScenarioFormat.v2}", got ${JSON.stringify(format ?? null)}`);
  }
  const words = wordsOfFormat(format);
  const list = data['scenarios'];
  if (!Array.isArray(list)) throw new ScenarioFileError(file, 'field "scenarios"', 'missing or not a list');
  const ids = new Map<string, number>();
  const scenarios = list.map((raw, index) => {
    const rawId = isObject(raw) && typeof raw['id'] === 'string' && raw['id'] !== '' ? raw['id'] : undefined;
    const name = rawId === undefined ? `scenario #${index + 1}` : `scenario "${rawId}" (#${index + 1})`;
    const fail: Fail = (field, problem) => {
      throw new ScenarioFileError(file, `${name}, field "${field}"`, problem);
    };
    if (!isObject(raw)) throw new ScenarioFileError(file, name, 'must be an object');
    const scenario = parseScenario(raw, fail, words);
    const earlier = ids.get(scenario.id);
    if (earlier !== undefined) fail('id', `duplicate id, first used by scenario #${earlier + 1}`);
    ids.set(scenario.id, index);
    return scenario;
  });
  return { file, format, scenarios };
}

/** Exported for tests: the engine's actor words that no format allows. */
export const ENGINE_ONLY_ACTORS: readonly Actor[] = [Actor.representative];
