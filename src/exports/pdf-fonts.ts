/**
 * The fonts our PDFs embed, all Noto from npm (OFL-1.1): Noto Sans for Latin
 * (with Latin Extended: Turkish, Polish, Vietnamese…), Greek and Cyrillic;
 * Noto Naskh Arabic; Noto Sans Ethiopic (Tigrinya, Amharic); Noto Sans Hans
 * for Chinese. PDFKit embeds only the glyphs a document uses (subsetting), so
 * a copy with one Chinese name carries a few kilobytes of that 8 MB font.
 *
 * Each character is set in the first font of the chain that has it; a
 * character of no script of its own (a space, a digit, punctuation, a
 * combining mark) stays in the font of the character before it when that font
 * has it, so an Arabic phrase is one run and is shaped as one. What no font
 * covers is never left to come out as a wrong letter: emoji become "[emoji]"
 * and any other character its code point, "[U+05D0]".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

export type FontWeight = 'regular' | 'bold';

interface FontFile {
  key: string;
  /** The package and the file inside it. */
  pkg: string;
  file: string;
}

/** The fallback chain per weight, most common script first. */
const CHAIN: Record<FontWeight, FontFile[]> = {
  regular: [
    { key: 'noto-sans', pkg: '@embedpdf/fonts-latin', file: 'fonts/NotoSans-Regular.ttf' },
    { key: 'noto-arabic', pkg: '@embedpdf/fonts-arabic', file: 'fonts/NotoNaskhArabic-Regular.ttf' },
    { key: 'noto-ethiopic', pkg: '@fontsource/noto-sans-ethiopic', file: 'files/noto-sans-ethiopic-ethiopic-400-normal.woff' },
    { key: 'noto-hans', pkg: '@embedpdf/fonts-sc', file: 'fonts/NotoSansHans-Regular.otf' },
  ],
  bold: [
    { key: 'noto-sans-bold', pkg: '@embedpdf/fonts-latin', file: 'fonts/NotoSans-Bold.ttf' },
    { key: 'noto-arabic-bold', pkg: '@embedpdf/fonts-arabic', file: 'fonts/NotoNaskhArabic-Bold.ttf' },
    { key: 'noto-ethiopic-bold', pkg: '@fontsource/noto-sans-ethiopic', file: 'files/noto-sans-ethiopic-ethiopic-700-normal.woff' },
    { key: 'noto-hans-bold', pkg: '@embedpdf/fonts-sc', file: 'fonts/NotoSansHans-Bold.otf' },
  ],
};

const require = createRequire(import.meta.url);

/** The package's folder: its package.json when it exports it, else the folder above its main file. */
function packageDir(pkg: string): string {
  try {
    return path.dirname(require.resolve(`${pkg}/package.json`));
  } catch {
    return path.resolve(path.dirname(require.resolve(pkg)), '..');
  }
}

/** One loaded font: its bytes (for PDFKit) and its fontkit view (for coverage and widths). */
export interface LoadedFont {
  key: string;
  bytes: Buffer;
  font: fontkit.Font;
  /** Ascent in em (for a common baseline across fonts). */
  ascent: number;
  /** Ascent minus descent plus line gap, in em. */
  lineHeight: number;
  advance: Map<number, number>;
}

const loaded = new Map<string, LoadedFont>();

function load(file: FontFile): LoadedFont {
  const known = loaded.get(file.key);
  if (known !== undefined) return known;
  const bytes = readFileSync(path.join(packageDir(file.pkg), file.file));
  const font = fontkit.create(bytes) as fontkit.Font;
  const em = font.unitsPerEm;
  const result: LoadedFont = {
    key: file.key, bytes, font, ascent: font.ascent / em, lineHeight: (font.ascent - font.descent + font.lineGap) / em, advance: new Map(),
  };
  loaded.set(file.key, result);
  return result;
}

/** The primary (Latin) font of a weight: its metrics set the line height. */
export function primaryFont(weight: FontWeight): LoadedFont {
  return load(CHAIN[weight][0]!);
}

/** Fonts of this chain are loaded lazily: the CJK font only when a document has a Chinese character. */
function covering(weight: FontWeight, codePoint: number): LoadedFont | undefined {
  for (const file of CHAIN[weight]) {
    const font = load(file);
    if (font.font.hasGlyphForCodePoint(codePoint)) return font;
  }
  return undefined;
}

const coverCache: Record<FontWeight, Map<number, LoadedFont | null>> = { regular: new Map(), bold: new Map() };

/** The first font of the chain that has this character, or undefined when none does. */
export function fontFor(weight: FontWeight, codePoint: number): LoadedFont | undefined {
  const cache = coverCache[weight];
  let font = cache.get(codePoint);
  if (font === undefined) {
    font = covering(weight, codePoint) ?? null;
    cache.set(codePoint, font);
  }
  return font ?? undefined;
}

/** The advance of one character in em (no kerning or shaping: used to cut over-long words, with a safety margin). */
export function advanceOf(font: LoadedFont, codePoint: number): number {
  let width = font.advance.get(codePoint);
  if (width === undefined) {
    width = font.font.glyphForCodePoint(codePoint).advanceWidth / font.font.unitsPerEm;
    font.advance.set(codePoint, width);
  }
  return width;
}

/** A run of emoji (with skin tones, variation selectors and ZWJ sequences) or a flag. */
const EMOJI = /(?:\p{Extended_Pictographic}(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0E|\uFE0F|\u200D\p{Extended_Pictographic})*)+|[\u{1F1E6}-\u{1F1FF}]{2}/gu;
/** Printable Basic Latin, Latin-1 and Latin Extended-A/B with line ends: all in Noto Sans. */
export const LATIN_ONLY = /^[\n\x20-\x7E\u00A0-\u024F\u2010-\u2027]*$/;
const IGNORABLE = /[\p{Cc}\p{Cs}\uFE0E\uFE0F\u{E0000}-\u{E007F}]/u;

/**
 * The text as our fonts can set it: line ends normalised, tabs as spaces,
 * control characters dropped, emoji as "[emoji]" and any other character
 * no font has as its code point — visible, never a wrong letter.
 *
 * @example printable('Gülşen 😀', 'regular') // 'Gülşen [emoji]'
 */
export function printable(text: string, weight: FontWeight): string {
  if (LATIN_ONLY.test(text)) return text; // the common case, in one native scan
  const replaced = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(EMOJI, '[emoji]');
  let out = '';
  let start = 0;
  let i = 0;
  for (const ch of replaced) {
    const cp = ch.codePointAt(0)!;
    const keep = cp === 10 || cp === 0x200c || cp === 0x200d || (!IGNORABLE.test(ch) && fontFor(weight, cp) !== undefined);
    if (!keep) {
      out += replaced.slice(start, i);
      if (!IGNORABLE.test(ch)) out += `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`;
      start = i + ch.length;
    }
    i += ch.length;
  }
  return start === 0 ? replaced : out + replaced.slice(start);
}
