/**
 * Our documents as PDF: A4, Noto fonts for every script our clients write
 * (pdf-fonts.ts), our own line layout (pdf-layout.ts), page numbers
 * "pagina X van Y" on every page, rendered to a Buffer.
 *
 * `renderPdf` does the work in the calling thread; the server never calls it
 * on its event loop but through the render pool (pdf-pool.ts), which runs it
 * in a worker thread within a time and size budget.
 */
import PDFDocument from 'pdfkit';
import { PdfWriter } from './pdf-layout.js';

/** What drawing code writes on: text flows from page to page. */
export type Pdf = PdfWriter;

/** Raised when a document grows past the size budget; the pool answers 503. */
export class PdfTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`the document grew past the size budget (${bytes} bytes)`);
    this.name = 'PdfTooLarge';
  }
}

/**
 * Renders `draw` into a PDF and returns its bytes, with numbered pages.
 * `maxBytes` is the size budget of the finished document.
 */
export async function renderPdf(
  meta: { title: string; author: string }, draw: (doc: Pdf) => void | Promise<void>, maxBytes = Number.POSITIVE_INFINITY,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', margins: { top: 60, bottom: 70, left: 60, right: 60 }, bufferPages: true, info: { Title: meta.title, Author: meta.author }, lang: 'nl-NL',
  });
  const chunks: Buffer[] = [];
  let bytes = 0;
  let tooLarge: PdfTooLarge | undefined;
  doc.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > maxBytes) tooLarge ??= new PdfTooLarge(bytes);
    else chunks.push(chunk);
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => (tooLarge === undefined ? resolve(Buffer.concat(chunks)) : reject(tooLarge)));
    doc.on('error', reject);
  });
  const writer = new PdfWriter(doc);
  await draw(writer);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    writer.fontSize(8).fillColor('#444').font('regular').centredLine(`pagina ${i + 1} van ${range.count}`, 60, doc.page.height - 45, doc.page.width - 120);
  }
  doc.end();
  return done;
}

/** A heading followed by body text. */
export function section(doc: Pdf, heading: string, body: string): void {
  doc.moveDown(0.6).font('bold').fontSize(12).fillColor('#000').text(heading);
  doc.font('regular').fontSize(10).text(body);
}

/** Formats 'YYYY-MM-DD' as a Dutch date ("22 november 2026"). */
export function dutchDate(iso: string): string {
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `${day} ${months[(month ?? 1) - 1]} ${year}`;
}
