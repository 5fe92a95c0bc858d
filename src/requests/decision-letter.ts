/**
 * The decision letter on a request, in Dutch at B1 level, naming the legal
 * routes every decision must mention (DOMAIN §3 "Legal protection"): the civil
 * court — within six weeks after the answer was received, with the last day
 * only once that day is recorded, and without a term after a late decision
 * (Jeugdwet 7.3.17; UAVG 35; 003 §4; the engine's `requestDeadlines`) — the organisation's
 * complaints procedure, the disciplinary court, and the Autoriteit
 * Persoonsgegevens (AVG 77).
 */
import { renderPdf, section } from '../exports/pdf-document.js';
import { renderInWorker } from '../exports/pdf-pool.js';
import { drawGeneralInformation, type GeneralInformation } from './general-information.js';
import type { ClientRequest } from './request-service.js';
import {
  dateInWords, dayAndDateInWords, DECISION_OUTCOMES_IN_A_LETTER, DESTRUCTION_GROUNDS_IN_A_SENTENCE, label, REQUEST_KINDS_IN_A_SENTENCE,
} from '../shared/labels.js';

export interface LetterContext {
  organisation: string;
  addressee: string;
  clientName: string;
}

/**
 * When the requester can go to court, as the engine has it (003 §4): after a
 * late decision without a term; else six weeks from receipt of the answer —
 * with the last day once that receipt is recorded, without a date before it.
 */
export function courtTerm(request: Pick<ClientRequest, 'deadlines' | 'decision'>): string {
  const law = '(Jeugdwet 7.3.17, UAVG 35)';
  if (request.deadlines.late) {
    return `Wij hebben niet binnen de wettelijke termijn beslist: die liep tot en met ${dateInWords(request.deadlines.decisionDeadline)}. `
      + `Daarom is het indienen van uw verzoek bij de rechter niet aan een termijn gebonden: u kunt dat ook later nog doen ${law}.`;
  }
  const last = request.decision?.appealDeadline ?? null;
  const received = request.decision?.answerReceivedOn ?? null;
  if (last !== null && received !== null) {
    return `Dat moet binnen zes weken nadat u dit antwoord ontving (${dateInWords(received)}), dus uiterlijk op ${dateInWords(last)} ${law}.`;
  }
  return `Dat moet binnen zes weken nadat u dit antwoord heeft ontvangen ${law}.`;
}

/** The letter job the render pool hands its worker: plain data only. */
export interface DecisionLetterJob {
  kind: 'decision-letter';
  context: LetterContext;
  request: ClientRequest;
  generalInformation: GeneralInformation | null;
}

/**
 * Renders the decision letter in the worker pool (pdf-pool.ts); the request must have a decision.
 * A granted general-information request carries the information itself.
 */
export function renderDecisionLetter(context: LetterContext, request: ClientRequest, generalInformation?: GeneralInformation): Promise<Buffer> {
  if (request.decision === null) throw new Error('a decision letter needs a decision');
  const job: DecisionLetterJob = { kind: 'decision-letter', context, request, generalInformation: generalInformation ?? null };
  return renderInWorker(job);
}

/** Renders the letter in this thread: the worker's half of `renderDecisionLetter`. */
export function drawDecisionLetter(job: DecisionLetterJob, maxBytes: number): Promise<Buffer> {
  const { context, request, generalInformation } = job;
  const decision = request.decision;
  if (decision === null) throw new Error('a decision letter needs a decision');
  return renderPdf({ title: `Besluit op uw verzoek (${context.clientName})`, author: context.organisation }, (doc) => {
    doc.fontSize(10).text(context.organisation).moveDown().text(`Aan: ${context.addressee}`).text(`Datum: ${dayAndDateInWords(decision.decidedOn)}`);
    doc.moveDown().font('bold').fontSize(16).text('Besluit op uw verzoek').font('regular').fontSize(10);
    doc.moveDown().text(`U vroeg op ${dateInWords(request.receivedOn)} om ${REQUEST_KINDS_IN_A_SENTENCE[request.kind]} over ${context.clientName}.`);
    section(doc, 'Ons besluit', DECISION_OUTCOMES_IN_A_LETTER[decision.outcome]);
    if (decision.reasons.trim() !== '') section(doc, 'Waarom', decision.reasons);
    if (decision.basis.length > 0) doc.moveDown(0.3).fontSize(9).text(`Wettelijke grond: ${decision.basis.join(', ')}.`).fontSize(10);
    if (decision.destruction !== null) {
      const kept = decision.destruction.refused.map((g) => `${g.entryIds.length} onderdeel/onderdelen, omdat ${label(DESTRUCTION_GROUNDS_IN_A_SENTENCE, g.ground)}`);
      section(doc, 'Wat wij vernietigen en wat wij bewaren',
        `Wij vernietigen ${decision.destruction.grantedEntryIds.length} onderdeel/onderdelen van het dossier. Wij bewaren: ${kept.join('; ')} (Jeugdwet 7.3.9).`);
    }
    if (generalInformation !== null && decision.outcome !== 'refused') drawGeneralInformation(doc, generalInformation);
    if (decision.executionDeadline !== null) {
      section(doc, 'Wanneer', `Wij vernietigen de gegevens uiterlijk op ${dateInWords(decision.executionDeadline)}. Daarna bewaren wij alleen dat wij ze hebben vernietigd, niet wat erin stond.`);
    }
    section(doc, 'Bent u het niet eens met dit besluit?', [
      `1. U kunt de rechter vragen om naar het besluit te kijken. ${courtTerm(request)}`,
      '2. U kunt een klacht indienen bij onze klachtencommissie. Vraag ons hoe dat gaat; de vertrouwenspersoon kan u daarbij helpen.',
      '3. Gaat het om het handelen van een geregistreerde professional? Dan kunt u een klacht indienen bij het tuchtcollege.',
      '4. U kunt een klacht indienen bij de Autoriteit Persoonsgegevens (AVG 77), via autoriteitpersoonsgegevens.nl.',
    ].join('\n'));
    doc.moveDown().text('Heeft u vragen over deze brief? Neem dan contact met ons op.');
  }, maxBytes);
}
