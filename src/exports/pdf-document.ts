/**
 * A small layer over PDFKit for our documents: A4, Helvetica (WinAnsi covers
 * Dutch accents), page numbers "pagina X van Y" on every page, rendered to a
 * Buffer. The standard fonts embed nothing, so documents stay small.
 */
import PDFDocument from 'pdfkit';

export type Pdf = InstanceType<typeof PDFDocument>;

/** Renders `draw` into a PDF and returns its bytes, with numbered pages. */
export async function renderPdf(meta: { title: string; author: string }, draw: (doc: Pdf) => void | Promise<void>): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 60, bottom: 70, left: 60, right: 60 }, bufferPages: true, info: { Title: meta.title, Author: meta.author } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica');
  await draw(doc);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    doc.fontSize(8).fillColor('#444').text(`pagina ${i + 1} van ${range.count}`, 60, doc.page.height - 45, { align: 'center', width: doc.page.width - 120 });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

/** A heading followed by body text. */
export function section(doc: Pdf, heading: string, body: string): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).fillColor('#000').text(heading);
  doc.font('Helvetica').fontSize(10).text(body);
}

/** Formats 'YYYY-MM-DD' as a Dutch date ("22 november 2026"). */
export function dutchDate(iso: string): string {
  const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `${day} ${months[(month ?? 1) - 1]} ${year}`;
}
