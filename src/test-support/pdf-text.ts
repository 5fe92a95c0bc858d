/** Extracts the text of each page of a PDF (pdfjs), so tests can check what a document does and does not say. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfPages(bytes: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return pages;
}

/**
 * The text of a whole document, its page footers ("pagina X van Y") left out,
 * so text that runs on over a page break reads as one; with `joinPages: false`
 * the pages one by one.
 */
export async function pdfDocumentText(bytes: Buffer, options: { joinPages: false }): Promise<string[]>;
export async function pdfDocumentText(bytes: Buffer, options?: { joinPages: true }): Promise<string>;
export async function pdfDocumentText(bytes: Buffer, options: { joinPages: boolean } = { joinPages: true }): Promise<string | string[]> {
  const pages = (await pdfPages(bytes)).map((page) => page.replace(/ ?pagina \d+ van \d+ ?/g, ' ').trim());
  return options.joinPages ? pages.join(' ') : pages;
}
