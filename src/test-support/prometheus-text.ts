/**
 * A strict reader of the Prometheus text exposition format, version 0.0.4 (what GET /metrics answers), for tests:
 * it throws on the first line a scraper would refuse or misread, and returns the metric families with their samples.
 *
 * Checked: every line is blank, a comment, `# HELP name text`, `# TYPE name type`, or a sample
 * `name{label="value",…} value [timestamp]` with valid metric and label names, escaped label values and a
 * number (or NaN, +Inf, -Inf); a family's TYPE comes once and before its samples; a family's samples are one
 * contiguous group; no series (name and labels) twice; counters not negative; a histogram's buckets carry `le`,
 * rise with it, are cumulative, and end in `le="+Inf"` equal to its `_count`, with a `_sum`.
 */

export interface Sample { name: string; labels: Record<string, string>; value: number }
export interface Family { name: string; type: string; help?: string; samples: Sample[] }

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/**
 * A value "as Go's ParseFloat reads it" (the format's words): it ignores case in NaN and Inf, and prom-client
 * writes `Nan` (an event-loop lag mean with no delay measured since the previous scrape).
 */
function number(text: string, where: string): number {
  if (/^nan$/i.test(text)) return Number.NaN;
  if (/^\+?inf(inity)?$/i.test(text)) return Number.POSITIVE_INFINITY;
  if (/^-inf(inity)?$/i.test(text)) return Number.NEGATIVE_INFINITY;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`${where}: "${text}" is not a number`);
  return Number(text);
}

/** Reads `{a="x",b="y"}` from `text` at `start` (the brace); returns the labels and where the text goes on. */
function labelsAt(text: string, start: number, where: string): { labels: Record<string, string>; end: number } {
  const labels: Record<string, string> = {};
  let i = start + 1;
  while (text[i] !== '}') {
    const eq = text.indexOf('=', i);
    if (eq < 0) throw new Error(`${where}: a label without "="`);
    const name = text.slice(i, eq);
    if (!LABEL_NAME.test(name) || name.startsWith('__')) throw new Error(`${where}: "${name}" is not a label name`);
    if (name in labels) throw new Error(`${where}: label "${name}" twice`);
    if (text[eq + 1] !== '"') throw new Error(`${where}: label "${name}" has no quoted value`);
    let value = '';
    let j = eq + 2;
    for (;;) {
      const c = text[j];
      if (c === undefined || c === '\n') throw new Error(`${where}: label "${name}" is not closed`);
      if (c === '"') break;
      if (c === '\\') {
        const next = text[j + 1];
        if (next === '\\') value += '\\';
        else if (next === '"') value += '"';
        else if (next === 'n') value += '\n';
        else throw new Error(`${where}: label "${name}" has the escape \\${next ?? ''}`);
        j += 2;
      } else {
        value += c;
        j += 1;
      }
    }
    labels[name] = value;
    i = j + 1;
    if (text[i] === ',') i += 1;
    else if (text[i] !== '}') throw new Error(`${where}: expected "," or "}" after label "${name}"`);
  }
  return { labels, end: i + 1 };
}

/** The family a sample name belongs to: itself, or the histogram/summary it is a `_bucket`, `_sum` or `_count` of. */
function familyOf(name: string, families: Map<string, Family>): Family | undefined {
  const own = families.get(name);
  if (own !== undefined) return own;
  const match = /^(.*)_(bucket|sum|count)$/.exec(name);
  if (match === null) return undefined;
  const base = families.get(match[1]!);
  if (base === undefined) return undefined;
  if (base.type === 'histogram' || (base.type === 'summary' && match[2] !== 'bucket')) return base;
  return undefined;
}

function key(name: string, labels: Record<string, string>): string {
  return `${name}${JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)))}`;
}

function checkHistogram(family: Family): void {
  const series = new Map<string, { buckets: [number, number][]; sum?: number; count?: number }>();
  for (const s of family.samples) {
    const { le, ...rest } = s.labels;
    const k = key('', rest);
    const entry = series.get(k) ?? { buckets: [] };
    series.set(k, entry);
    if (s.name === `${family.name}_bucket`) {
      if (le === undefined) throw new Error(`${family.name}: a bucket without "le"`);
      entry.buckets.push([number(le, family.name), s.value]);
    } else if (le !== undefined) {
      throw new Error(`${family.name}: "le" on ${s.name}`);
    } else if (s.name === `${family.name}_sum`) {
      entry.sum = s.value;
    } else if (s.name === `${family.name}_count`) {
      entry.count = s.value;
    } else {
      throw new Error(`${family.name}: the sample ${s.name} in a histogram`);
    }
  }
  for (const [labels, entry] of series) {
    const where = `${family.name}${labels}`;
    for (let i = 1; i < entry.buckets.length; i += 1) {
      const [prevLe, prevCount] = entry.buckets[i - 1]!;
      const [le, count] = entry.buckets[i]!;
      if (!(le > prevLe)) throw new Error(`${where}: buckets not in rising order of le`);
      if (count < prevCount) throw new Error(`${where}: bucket counts are not cumulative`);
    }
    const last = entry.buckets.at(-1);
    if (last === undefined || last[0] !== Number.POSITIVE_INFINITY) throw new Error(`${where}: no le="+Inf" bucket`);
    if (entry.count !== last[1]) throw new Error(`${where}: _count ${entry.count} is not the +Inf bucket ${last[1]}`);
    if (entry.sum === undefined) throw new Error(`${where}: no _sum`);
  }
}

/** Parses and checks an exposition; throws naming the first line or family that breaks the format. */
export function parseExposition(text: string): Map<string, Family> {
  if (!text.endsWith('\n')) throw new Error('the exposition does not end with a line break');
  const families = new Map<string, Family>();
  const seen = new Set<string>();
  const closed = new Set<Family>();
  let current: Family | undefined;
  for (const [index, line] of text.slice(0, -1).split('\n').entries()) {
    const where = `line ${index + 1}`;
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
      if (meta === null) continue; // a plain comment
      const [, kind, name, rest] = meta as unknown as [string, 'HELP' | 'TYPE', string, string];
      if (!METRIC_NAME.test(name)) throw new Error(`${where}: "${name}" is not a metric name`);
      let family = families.get(name);
      if (kind === 'TYPE') {
        if (!TYPES.has(rest)) throw new Error(`${where}: "${rest}" is not a metric type`);
        if (family !== undefined && family.type !== '') throw new Error(`${where}: a second TYPE for ${name}`);
        if (family !== undefined && family.samples.length > 0) throw new Error(`${where}: TYPE for ${name} after its samples`);
      } else {
        if (family?.help !== undefined) throw new Error(`${where}: a second HELP for ${name}`);
        if (/\\(?![\\n])/.test(rest)) throw new Error(`${where}: HELP of ${name} has an escape other than \\\\ and \\n`);
      }
      if (family === undefined) {
        family = { name, type: '', samples: [] };
        families.set(name, family);
      }
      if (kind === 'TYPE') family.type = rest;
      else family.help = rest.replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
      continue;
    }
    const nameEnd = line.search(/[{ ]/);
    if (nameEnd <= 0) throw new Error(`${where}: not a sample: ${line}`);
    const name = line.slice(0, nameEnd);
    if (!METRIC_NAME.test(name)) throw new Error(`${where}: "${name}" is not a metric name`);
    let labels: Record<string, string> = {};
    let rest = line.slice(nameEnd);
    if (rest.startsWith('{')) {
      const read = labelsAt(line, nameEnd, where);
      labels = read.labels;
      rest = line.slice(read.end);
    }
    const fields = /^ (\S+)(?: (-?\d+))?$/.exec(rest);
    if (fields === null) throw new Error(`${where}: expected " value [timestamp]": ${line}`);
    const value = number(fields[1]!, where);
    const family = familyOf(name, families);
    if (family === undefined || family.type === '') throw new Error(`${where}: ${name} has no TYPE line before it`);
    if (family !== current) {
      if (closed.has(family)) throw new Error(`${where}: the samples of ${family.name} are not together`);
      if (current !== undefined) closed.add(current);
      current = family;
    }
    if (family.type === 'counter' && !(value >= 0)) throw new Error(`${where}: the counter ${name} is ${value}`);
    const series = key(name, labels);
    if (seen.has(series)) throw new Error(`${where}: the series ${series} twice`);
    seen.add(series);
    family.samples.push({ name, labels, value });
  }
  for (const family of families.values()) {
    if (family.type === '') throw new Error(`${family.name}: HELP without TYPE`);
    if (family.type === 'histogram') checkHistogram(family);
  }
  return families;
}

/** The value of one series (a sample name and exactly these labels, in any order), or undefined. */
export function sample(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = key(name, labels);
  for (const family of families.values()) {
    for (const s of family.samples) if (key(s.name, s.labels) === wanted) return s.value;
  }
  return undefined;
}
