/**
 * The citation catalogue (citations.ts) is the only place an article is written: every entry is cited somewhere,
 * every entry names a law we know and writes its article the way the conformance format does, the laws are the
 * ones the sources name (DOMAIN.md and `shared/domain/`, where they are present), and no source file outside the
 * catalogue writes a citation as a free string.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../test-support/source-files.js';
import { Citation } from './citations.js';

const rulesDir = path.dirname(fileURLToPath(import.meta.url));
const srcDir = path.resolve(rulesDir, '..');
const sharedDir = path.resolve(srcDir, '..', '..', 'shared');

/**
 * The laws (and standards) a citation may name, longest first so "Besluit Jeugdwet" is not read as "Jeugdwet"; with
 * the form of their article numbers and the words by which the sources name them, or why the sources do not.
 */
const LAWS: readonly { law: string; article: RegExp; inSources: string | { beyondSources: string } }[] = [
  { law: 'Algemene termijnenwet', article: /^\d+$/, inSources: 'Algemene termijnenwet' },
  { law: 'Besluit Jeugdwet', article: /^\d+\.\d+\.\d+[a-z]?$/, inSources: 'Besluit Jeugdwet' },
  { law: 'Verordening 1182/71', article: /^\d+$/, inSources: '1182/71' },
  { law: 'NEN 7510-2', article: /^A\.\d+(\.\d+){1,2}$/, inSources: { beyondSources: 'the information-security standard for care that the law makes binding (Wabvpz); the sources name its logging companion NEN 7513' } },
  { law: 'Jeugdwet', article: /^\d+\.\d+(\.\d+[a-z]?)?$/, inSources: 'Jeugdwet' },
  { law: 'UAVG', article: /^\d+$/, inSources: 'UAVG' },
  { law: 'AVG', article: /^\d{1,2}(\(\d+\)(\([a-z]\))?)?$/, inSources: 'AVG' },
  { law: 'Awb', article: /^\d+:\d+[a-z]?$/, inSources: { beyondSources: 'the supervisor\'s power to demand cooperation, behind the inspectorate\'s access that 004 C describes' } },
  { law: 'BW', article: /^[17]:\d+[a-z]?$/, inSources: 'BW' },
];

const entries = Object.entries(Citation);

function lawOf(citation: string): (typeof LAWS)[number] | undefined {
  return LAWS.find(({ law }) => citation.startsWith(`${law} `));
}

/** The source text without comments, so an article named in a comment is not a citation (nor a use of one). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Files that still write a citation as a literal, for their owners to convert to `Citation.…` (issue 14, deliverable 8). */
const NOT_YET_CONVERTED = new Set<string>([
]);

describe('the citation catalogue', () => {
  it('writes each citation once, as `<law> <article>` of a known law, in the form the conformance scenarios use', () => {
    expect(entries.length).toBeGreaterThan(50);
    expect(new Set(Object.values(Citation)).size, 'a citation written under two keys').toBe(entries.length);
    for (const [key, citation] of entries) {
      const law = lawOf(citation);
      expect(law, `${key}: '${citation}' names no known law`).toBeDefined();
      expect(citation.slice(law!.law.length + 1), `${key}: the article of '${citation}'`).toMatch(law!.article);
    }
  });

  it.skipIf(!existsSync(path.join(sharedDir, 'DOMAIN.md')))('names only laws that DOMAIN.md or the source documents name (or says why not)', () => {
    const domainDir = path.join(sharedDir, 'domain');
    const sources = [
      readFileSync(path.join(sharedDir, 'DOMAIN.md'), 'utf8'),
      ...(existsSync(domainDir) ? readdirSync(domainDir).map((f) => readFileSync(path.join(domainDir, f), 'utf8')) : []),
    ].join('\n');
    const cited = new Set(entries.map(([, citation]) => lawOf(citation)!));
    for (const { law, inSources } of cited) {
      if (typeof inSources === 'string') expect(sources, `${law} is cited but the sources never name it`).toContain(inSources);
      else expect(inSources.beyondSources.length, `${law}: why it is cited beyond the sources`).toBeGreaterThan(20);
    }
  });

  it('has no entry that nothing cites', async () => {
    const files = (await sourceFiles(srcDir)).filter((f) => f !== path.join(rulesDir, 'citations.ts'));
    const all = files.map((f) => code(readFileSync(f, 'utf8'))).join('\n');
    const unused = entries.filter(([key, citation]) => !new RegExp(`\\bCitation\\.${key}\\b`).test(all) && !all.includes(`'${citation}'`));
    expect(unused.map(([key]) => key), 'entries of citations.ts that no source file cites').toEqual([]);
  });

  it('is the only place a citation is written: no free citation strings elsewhere', async () => {
    const laws = LAWS.map(({ law }) => law.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
    // An article starts with a digit, or with "A." for the annexe of NEN 7510-2.
    const literal = new RegExp(`['\`](?:${laws}|Wgbo|WGBO) (?:\\d|A\\.\\d)[^'\`]*['\`]`, 'g');
    const found: string[] = [];
    const stillWriting = new Set<string>();
    for (const file of await sourceFiles(srcDir)) {
      const relative = path.relative(srcDir, file).split(path.sep).join('/');
      // The catalogue itself; benchmarks and test fixtures write rows as data (a register's free-text legal basis).
      if (relative === 'rules/citations.ts' || relative.startsWith('bench/') || relative.startsWith('test-support/')) continue;
      for (const m of code(readFileSync(file, 'utf8')).matchAll(literal)) {
        if (NOT_YET_CONVERTED.has(relative)) stillWriting.add(relative);
        else found.push(`${relative}: ${m[0]}`);
      }
    }
    expect(found, 'write Citation.… from src/rules/citations.ts instead').toEqual([]);
    expect([...NOT_YET_CONVERTED].filter((f) => !stillWriting.has(f)), 'these files write no citation literal any more: delete them from NOT_YET_CONVERTED').toEqual([]);
  });
});
