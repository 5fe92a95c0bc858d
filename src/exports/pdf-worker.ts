/**
 * The PDF render worker (a worker thread of pdf-pool.ts): takes one job at a
 * time, renders it in this thread — where a long layout blocks nobody — and
 * posts back the bytes, with progress counts on the way. The pool enforces
 * the time budget by terminating this thread; the size budget is checked
 * here as the document is written.
 */
import { parentPort } from 'node:worker_threads';
import { drawDecisionLetter, type DecisionLetterJob } from '../requests/decision-letter.js';
import { drawCopyPdf, type CopyJob } from './copy-pdf.js';
import { PdfTooLarge } from './pdf-document.js';
import type { WorkerMessage } from './pdf-pool.js';

type Job = CopyJob | DecisionLetterJob;

function render(id: number, job: Job, maxBytes: number): Promise<Buffer> {
  switch (job.kind) {
    case 'copy':
      return drawCopyPdf(job, maxBytes, { report: (phase, done, total) => post({ id, type: 'progress', phase, done, total }) });
    case 'decision-letter':
      return drawDecisionLetter(job, maxBytes);
  }
}

function post(message: WorkerMessage): void {
  parentPort!.postMessage(message);
}

parentPort!.on('message', (message: { id: number; job: Job; maxBytes: number }) => {
  render(message.id, message.job, message.maxBytes).then(
    (bytes) => post({ id: message.id, type: 'done', bytes }),
    (error: unknown) => post({ id: message.id, type: 'failed', tooLarge: error instanceof PdfTooLarge, message: error instanceof Error ? error.message : String(error) }),
  );
});
