/**
 * Our own line layout on top of PDFKit, so rendering costs time linear in
 * the text (issue 13). PDFKit's line wrapper measures the rest of an
 * unbroken word again after every line it fills: a 160,000-character word
 * took 47 s, a 1 MiB one most of an hour. Here each word is measured once
 * (PDFKit caches a word's shaped width), a word wider than the line is cut
 * into line-wide chunks by summing character advances, and PDFKit only sets
 * the finished runs at positions we computed.
 *
 * Every run is set in the font that has its characters (pdf-fonts.ts), on a
 * common baseline; right-to-left text (Arabic) is ordered per line with the
 * Unicode bidirectional algorithm (bidi-js), and fontkit shapes each run
 * (Arabic letters joined, Ethiopic syllables from the font).
 */
import { createRequire } from 'node:module';
import type { Bidi, EmbeddingLevels } from 'bidi-js';
import type PDFDocument from 'pdfkit';
import { advanceOf, fontFor, LATIN_ONLY, primaryFont, printable, type FontWeight, type LoadedFont } from './pdf-fonts.js';

type Doc = InstanceType<typeof PDFDocument>;

// bidi-js is CommonJS whose module.exports is the factory; its types declare it as an ES default export.
const bidi = (createRequire(import.meta.url)('bidi-js') as () => Bidi)();
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[\u{10800}-\u{10FFF}]|[\u{1E800}-\u{1EFFF}]/u;
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** A character of no script of its own: it may stay in the font of the one before it. */
const NEUTRAL = /[\p{Script=Common}\p{Script=Inherited}]/u;
/** A character a line may not start with: a combining mark or the second half of a surrogate pair. */
const NO_CUT_BEFORE = /^(?:\p{M}|\u200C|\u200D|[\uDC00-\uDFFF])/u;
/** Chunks cut from an over-long word fill at most this share of the line: advances ignore kerning and shaping. */
const CHUNK_FILL = 0.95;

const neutralCache = new Map<number, boolean>();
function isNeutral(cp: number): boolean {
  let neutral = neutralCache.get(cp);
  if (neutral === undefined) {
    neutral = NEUTRAL.test(String.fromCodePoint(cp));
    neutralCache.set(cp, neutral);
  }
  return neutral;
}

/** A piece of one line in one font and direction, in the order fontkit wants it. */
interface Run {
  text: string;
  font: LoadedFont;
}

export interface TextStyle {
  size: number;
  weight: FontWeight;
  color: string;
}

/**
 * A writer over a PDFKit document: text flows down the page between the
 * margins and onto new pages. The chainable calls mirror PDFKit's
 * (`font`, `fontSize`, `fillColor`, `text`, `moveDown`) so drawing code reads
 * the same.
 *
 * @example new PdfWriter(doc).font('bold').fontSize(12).text('Kop').font('regular').fontSize(10).text(body)
 */
export class PdfWriter {
  private style: TextStyle = { size: 10, weight: 'regular', color: '#000' };
  private readonly registered = new Set<string>();

  constructor(readonly doc: Doc) {}

  font(weight: FontWeight): this {
    this.style.weight = weight;
    return this;
  }

  fontSize(size: number): this {
    this.style.size = size;
    return this;
  }

  fillColor(color: string): this {
    this.style.color = color;
    return this;
  }

  /** The height of one line in the current style. */
  lineHeight(): number {
    return primaryFont(this.style.weight).lineHeight * this.style.size;
  }

  moveDown(lines = 1): this {
    this.doc.y += lines * this.lineHeight();
    return this;
  }

  addPage(): this {
    this.doc.addPage();
    return this;
  }

  /** Sets text as paragraphs (split on line ends), wrapped at the margins, starting a new page when one is full. */
  text(text: string): this {
    const clean = printable(text, this.style.weight);
    for (const paragraph of clean.split('\n')) this.paragraph(paragraph);
    return this;
  }

  /**
   * Sets one line of text centred in a box (the page footer). It is not
   * wrapped: meant for short text such as "pagina 3 van 12".
   */
  centredLine(text: string, left: number, top: number, width: number): void {
    const clean = printable(text, this.style.weight);
    const runs = this.runsOf(clean, 0, clean.length, undefined);
    const total = runs.reduce((sum, run) => sum + this.widthOf(run.font, run.text), 0);
    this.drawRuns(runs, left + Math.max(0, (width - total) / 2), top);
  }

  private use(font: LoadedFont): void {
    if (!this.registered.has(font.key)) {
      this.doc.registerFont(font.key, font.bytes);
      this.registered.add(font.key);
    }
    this.doc.font(font.key).fontSize(this.style.size);
  }

  private widthOf(font: LoadedFont, text: string): number {
    this.use(font);
    return this.doc.widthOfString(text);
  }

  /** The font of each UTF-16 position: a neutral character keeps the font before it when that font has it. */
  private fontsOf(text: string): LoadedFont[] {
    const primary = primaryFont(this.style.weight);
    if (LATIN_ONLY.test(text)) return new Array<LoadedFont>(text.length).fill(primary);
    const fonts: LoadedFont[] = new Array<LoadedFont>(text.length);
    let previous: LoadedFont = primary;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      let font: LoadedFont;
      if (isNeutral(cp) && (i > 0) && previous.font.hasGlyphForCodePoint(cp)) font = previous;
      else font = fontFor(this.style.weight, cp) ?? previous;
      fonts[i] = font;
      if (cp > 0xffff) fonts[++i] = font;
      previous = font;
    }
    return fonts;
  }

  private paragraph(text: string): void {
    const maxWidth = this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
    if (text.trim() === '') {
      this.newLineIfNeeded();
      this.doc.y += this.lineHeight();
      return;
    }
    const fonts = this.fontsOf(text);
    const levels = RTL.test(text) ? bidi.getEmbeddingLevels(text) : undefined;
    const space = this.widthOf(primaryFont(this.style.weight), ' ');
    const lines: [number, number][] = [];
    let lineStart = 0;
    let lineEnd = 0; // end of the last word on the line (trailing spaces excluded)
    let lineWidth = 0;
    const words = /[^ ]+/g;
    for (let match = words.exec(text); match !== null; match = words.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      const width = this.wordWidth(text, fonts, start, end, maxWidth);
      const gap = lineEnd > lineStart ? space * (start - lineEnd) : 0;
      if (lineEnd > lineStart && lineWidth + gap + width <= maxWidth) {
        lineEnd = end;
        lineWidth += gap + width;
        continue;
      }
      if (lineEnd > lineStart) lines.push([lineStart, lineEnd]);
      if (width <= maxWidth) {
        lineStart = start;
        lineEnd = end;
        lineWidth = width;
        continue;
      }
      // A word wider than the line: cut it into chunks that fit, by the sum of character advances.
      let chunkStart = start;
      let chunkWidth = 0;
      const limit = maxWidth * CHUNK_FILL;
      for (let i = start; i < end; i++) {
        const cp = text.codePointAt(i)!;
        const w = advanceOf(fonts[i]!, cp) * this.style.size;
        if (chunkWidth + w > limit && i > chunkStart && !NO_CUT_BEFORE.test(text[i]!)) {
          lines.push([chunkStart, i]);
          chunkStart = i;
          chunkWidth = 0;
        }
        chunkWidth += w;
        if (cp > 0xffff) i++;
      }
      lineStart = chunkStart;
      lineEnd = end;
      lineWidth = chunkWidth;
    }
    if (lineEnd > lineStart) lines.push([lineStart, lineEnd]);
    // A paragraph that is right to left (its first strong character is, e.g. Arabic) is set flush right.
    const rightToLeft = levels !== undefined && ((levels.paragraphs[0]?.level ?? 0) & 1) === 1;
    for (const [start, end] of lines) {
      this.newLineIfNeeded();
      const runs = this.runsOf(text, start, end, levels, fonts);
      const left = rightToLeft
        ? this.doc.page.margins.left + Math.max(0, maxWidth - runs.reduce((sum, run) => sum + this.widthOf(run.font, run.text), 0))
        : this.doc.page.margins.left;
      this.drawRuns(runs, left, this.doc.y);
      this.doc.y += this.lineHeight();
    }
  }

  /** A word's width: shaped and kerned for words of ordinary length (cached by PDFKit), an advance sum for longer ones. */
  private wordWidth(text: string, fonts: LoadedFont[], start: number, end: number, maxWidth: number): number {
    if (end - start > 200) {
      let width = 0;
      for (let i = start; i < end && width <= maxWidth; i++) width += advanceOf(fonts[i]!, text.codePointAt(i)!) * this.style.size;
      if (width > maxWidth) return width;
    }
    let width = 0;
    let runStart = start;
    for (let i = start + 1; i <= end; i++) {
      if (i === end || fonts[i] !== fonts[runStart]) {
        width += this.widthOf(fonts[runStart]!, text.slice(runStart, i));
        runStart = i;
      }
    }
    return width;
  }

  private newLineIfNeeded(): void {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + this.lineHeight() > bottom) this.doc.addPage();
  }

  /**
   * The runs of one line in visual order: left to right, each in one font and
   * one direction. A right-to-left run is handed to fontkit in logical order,
   * which shapes it and lays it out right to left itself.
   */
  private runsOf(text: string, start: number, end: number, levels: EmbeddingLevels | undefined, fonts = this.fontsOf(text)): Run[] {
    const runs: Run[] = [];
    if (levels === undefined) {
      let runStart = start;
      for (let i = start + 1; i <= end; i++) {
        if (i === end || fonts[i] !== fonts[runStart]) {
          runs.push({ text: text.slice(runStart, i), font: fonts[runStart]! });
          runStart = i;
        }
      }
      return runs;
    }
    // The line's characters in visual order: reverse each segment the algorithm names, in turn (per line, so linear overall).
    const order: number[] = [];
    for (let i = start; i < end; i++) order.push(i);
    for (const [from, to] of bidi.getReorderSegments(text, levels, start, end - 1)) {
      const reversed = order.slice(from! - start, to! - start + 1).reverse();
      order.splice(from! - start, reversed.length, ...reversed);
    }
    let run: number[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const rtl = (levels.levels[run[0]!]! & 1) === 1;
      const logical = rtl ? [...run].reverse() : run;
      const slice = logical.map((i) => text[i]!).join('');
      // fontkit reverses a run whose script is right to left; a run of only neutral characters at an odd level we order ourselves.
      const mirrored = rtl ? [...slice].map((c) => bidi.getMirroredCharacter(c) ?? c).join('') : slice;
      runs.push({ text: rtl && !STRONG_RTL.test(slice) ? [...mirrored].reverse().join('') : slice, font: fonts[run[0]!]! });
      run = [];
    };
    for (const i of order) {
      const last = run.at(-1);
      const sameRun = last !== undefined && fonts[i] === fonts[last] && (levels.levels[i]! & 1) === (levels.levels[last]! & 1)
        && Math.abs(i - last) === 1;
      if (!sameRun) flush();
      run.push(i);
    }
    flush();
    return runs;
  }

  private drawRuns(runs: Run[], left: number, top: number): void {
    const size = this.style.size;
    const baseline = top + primaryFont(this.style.weight).ascent * size;
    let x = left;
    for (const [i, run] of runs.entries()) {
      this.use(run.font);
      this.doc.fillColor(this.style.color).text(run.text, x, baseline - run.font.ascent * size, { lineBreak: false });
      if (i < runs.length - 1) x += this.doc.widthOfString(run.text);
    }
    this.doc.y = top;
  }
}
