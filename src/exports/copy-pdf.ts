/**
 * The copy (afschrift) of the dossier as a PDF (Jeugdwet 7.3.10; BW 7:456;
 * AVG 15(3)): a cover sheet — for whom, what, when — then every entry as the
 * reader may see it (shielding applied, withheld parts marked with their
 * ground), raw test data left out and listed as available for inspection
 * only (003 §2.3.11); numbered pages.
 */
import type { ReaderView } from '../shielding/reader-view.js';
import { dutchDate, renderPdf, section } from './pdf-document.js';

export interface CopyCover {
  organisation: string;
  clientName: string;
  requesterName: string;
  requestReceivedOn: string;
  madeOn: string;
}

export function renderCopyPdf(cover: CopyCover, view: ReaderView): Promise<Buffer> {
  return renderPdf({ title: `Afschrift dossier ${cover.clientName}`, author: cover.organisation }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text('Afschrift van het dossier');
    doc.moveDown().font('Helvetica').fontSize(11);
    doc.text(`Organisatie: ${cover.organisation}`);
    doc.text(`Dossier van: ${cover.clientName}`);
    doc.text(`Voor: ${cover.requesterName}`);
    doc.text(`Verzoek ontvangen op: ${dutchDate(cover.requestReceivedOn)}`);
    doc.text(`Gemaakt op: ${dutchDate(cover.madeOn)}`);
    doc.text(`Aantal stukken: ${view.entries.length}`);
    doc.moveDown().fontSize(10).text(
      'Dit is een kopie van uw dossier. Soms staat er informatie in over een ander. Die is afgeschermd om de privacy van die ander te beschermen. '
      + 'Op die plaatsen staat dat er iets is weggelaten en waarom. Ruwe testgegevens staan niet in deze kopie. U mag ze wel inzien; vraag ernaar.');
    if (view.inspectionOnly.length > 0) {
      section(doc, 'Alleen in te zien (niet in deze kopie)', view.inspectionOnly.map((r) => `• Ruwe testgegevens${r.title === null ? '' : ` "${r.title}"`} van ${dutchDate(r.recordedAt)}`).join('\n'));
    }
    doc.addPage();
    for (const entry of view.entries) {
      doc.moveDown(0.8);
      if (!entry.shown) {
        section(doc, `Stuk van ${dutchDate(entry.recordedAt)}: niet opgenomen`, `${entry.withheld.ground}\n(${entry.withheld.basis.join(', ')})`);
        continue;
      }
      section(doc, `${entry.kindLabel}${entry.title === null ? '' : `: ${entry.title}`}`,
        `Datum: ${dutchDate(entry.recordedAt)} · Geschreven door: ${entry.author} · Bron: ${entry.source}${entry.statementType === null ? '' : ` · ${entry.statementType === 'fact' ? 'feit' : 'mening'}`}`);
      doc.moveDown(0.4).fontSize(10).text(entry.text);
      for (const passage of entry.withheldPassages) doc.moveDown(0.3).fontSize(9).fillColor('#444').text(`Weggelaten: ${passage.ground} (${passage.basis.join(', ')})`).fillColor('#000');
      for (const note of entry.annotations) doc.moveDown(0.3).fontSize(9).text(`Aantekening (${dutchDate(note.recordedAt)}): ${note.reason}`);
    }
  });
}
