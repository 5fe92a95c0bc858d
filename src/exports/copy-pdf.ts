/**
 * The copy (afschrift) of the dossier as a PDF (Jeugdwet 7.3.10; BW 7:456;
 * AVG 15(3)): a cover sheet — for whom, what, when — then every entry as the
 * reader may see it (shielding applied, withheld parts marked with their
 * ground), raw test data left out and listed as available for inspection
 * only (003 §2.3.11), the client's own statements beside the entries they
 * dispute (003 §3.4); numbered pages. The cover names people, never the
 * client's address or other contact data.
 */
import { calendarDate } from '../shared/calendar-date.js';
import { ANNOTATION_KINDS, dateInWords, label, SOURCE_KINDS, STATEMENT_TYPES } from '../shared/labels.js';
import type { ReaderView } from '../shielding/reader-view.js';
import type { ProgressReporter } from './export-progress.js';
import { renderPdf, section } from './pdf-document.js';
import { renderInWorker } from './pdf-pool.js';

const RENDER_STEP = 100;

/** A date ('YYYY-MM-DD') or an instant in words, on the Dutch calendar: an entry at 00:30 Dutch time is of that day, not the UTC one before. */
function inWords(value: string): string {
  return dateInWords(/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : calendarDate(new Date(value)));
}

/** The source as people read it: a code of the vocabulary by its label, a free description as written. */
function sourceInWords(source: string): string {
  return label(SOURCE_KINDS, source);
}

export interface CopyCover {
  organisation: string;
  clientName: string;
  requesterName: string;
  requestReceivedOn: string;
  madeOn: string;
  /** A transfer to a successor provider or the Nidos guardian instead of a copy for the client. */
  transfer?: { basis: string };
}

const COPY_INTRO = 'Dit is een kopie van uw dossier. Soms staat er informatie in over een ander. Die is afgeschermd om de privacy van die ander te beschermen. '
  + 'Op die plaatsen staat dat er iets is weggelaten en waarom. Ruwe testgegevens staan niet in deze kopie. U mag ze wel inzien; vraag ernaar.';

function transferIntro(basis: string): string {
  return `Dit dossier is overgedragen (grondslag: ${basis}). Informatie over een ander en afgeschermde passages zijn niet meegegeven; `
    + 'op die plaatsen staat dat er iets is weggelaten en waarom. Ruwe testgegevens zijn niet meegegeven; '
    + 'een opvolgende psycholoog of orthopedagoog kan ze bij ons opvragen. Het dossier blijft onder het beroepsgeheim.';
}

/** The copy job the render pool hands its worker: plain data only. */
export interface CopyJob {
  kind: 'copy';
  cover: CopyCover;
  view: ReaderView;
}

/**
 * The copy (or transfer) PDF, rendered in the worker pool within its time and
 * size budget (pdf-pool.ts); the request's thread only waits.
 */
export function renderCopyPdf(cover: CopyCover, view: ReaderView, progress?: ProgressReporter): Promise<Buffer> {
  const job: CopyJob = { kind: 'copy', cover, view };
  return renderInWorker(job, progress);
}

/** Renders the copy in this thread: the worker's half of `renderCopyPdf`. */
export function drawCopyPdf(job: CopyJob, maxBytes: number, progress?: ProgressReporter): Promise<Buffer> {
  const { cover, view } = job;
  const heading = cover.transfer === undefined ? 'Afschrift van het dossier' : 'Overdracht van het dossier';
  return renderPdf({ title: `${heading} ${cover.clientName}`, author: cover.organisation }, (doc) => {
    doc.font('bold').fontSize(18).text(heading);
    doc.moveDown().font('regular').fontSize(11);
    doc.text(`Organisatie: ${cover.organisation}`);
    doc.text(`Dossier van: ${cover.clientName}`);
    doc.text(`Voor: ${cover.requesterName}`);
    doc.text(`${cover.transfer === undefined ? 'Verzoek ontvangen op' : 'Overgedragen op'}: ${inWords(cover.requestReceivedOn)}`);
    doc.text(`Gemaakt op: ${inWords(cover.madeOn)}`);
    doc.text(`Aantal stukken: ${view.entries.length}`);
    doc.moveDown().fontSize(10).text(cover.transfer === undefined ? COPY_INTRO : transferIntro(cover.transfer.basis));
    if (view.inspectionOnly.length > 0) {
      section(doc, 'Alleen in te zien (niet in deze kopie)', view.inspectionOnly.map((r) => `• Ruwe testgegevens${r.title === null ? '' : ` "${r.title}"`} van ${inWords(r.recordedAt)}`).join('\n'));
    }
    doc.addPage();
    for (const [i, entry] of view.entries.entries()) {
      if (i % RENDER_STEP === 0) progress?.report('render', i, view.entries.length);
      doc.moveDown(0.8);
      if (!entry.shown) {
        section(doc, `Stuk van ${inWords(entry.recordedAt)}: niet opgenomen`, `${entry.withheld.ground}\n(${entry.withheld.basis.join(', ')})`);
        continue;
      }
      section(doc, `${entry.kindLabel}${entry.title === null ? '' : `: ${entry.title}`}`,
        `Datum: ${inWords(entry.recordedAt)} · Geschreven door: ${entry.author} · Bron: ${sourceInWords(entry.source)}${entry.statementType === null ? '' : ` · ${label(STATEMENT_TYPES, entry.statementType)}`}`);
      doc.moveDown(0.4).fontSize(10).text(entry.text);
      for (const passage of entry.withheldPassages) doc.moveDown(0.3).fontSize(9).fillColor('#444').text(`Weggelaten: ${passage.ground} (${passage.basis.join(', ')})`).fillColor('#000');
      for (const note of entry.annotations) doc.moveDown(0.3).fontSize(9).text(`Aantekening (${label(ANNOTATION_KINDS, note.kind).toLowerCase()}, ${inWords(note.recordedAt)}): ${note.reason}`);
      // The client's own statement beside the entry it disputes (AVG 16; 003 §3.4).
      for (const statement of entry.statements) {
        doc.moveDown(0.3).fontSize(9).font('bold').text(`Eigen verklaring bij dit stuk (${inWords(statement.recordedAt)}, van ${sourceInWords(statement.source)}):`);
        doc.font('regular').text(statement.text);
      }
    }
  }, maxBytes);
}
