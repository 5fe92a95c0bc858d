/**
 * The letter on a request, in Dutch at B1 level, addressed to the requester
 * (issue 15): the decision — granted; partly granted with each part kept back,
 * its ground and its articles; refused with the grounds and articles — or, before
 * a decision, the notice that it takes longer (AVG 12(3): the new date and the
 * reasons). Each letter has the sender (the organisation; the dossier holder,
 * name and function, signs), a reference, the date in words, and the legal
 * routes every decision must mention (DOMAIN §3 "Legal protection"): the civil
 * court — within six weeks after the answer was received, with the last day
 * only once that day is recorded, and without a term after a late decision
 * (Jeugdwet 7.3.17; UAVG 35; 003 §4; the engine's `requestDeadlines`) — the organisation's
 * complaints procedure, the disciplinary court, and the Autoriteit
 * Persoonsgegevens (AVG 77).
 */
import { renderPdf, section, type Pdf } from '../exports/pdf-document.js';
import { renderInWorker } from '../exports/pdf-pool.js';
import { Citation } from '../rules/citations.js';
import { drawGeneralInformation, type GeneralInformation } from './general-information.js';
import { letterReference, type LetterSender, type WithheldPart } from './letter-parts.js';
import type { RequestDecision } from './request-kinds.js';
import type { ClientRequest } from './request-service.js';
import {
  dateInWords, dayAndDateInWords, DECISION_FACTS_IN_A_LETTER, DECISION_OUTCOMES_IN_A_LETTER, DESTRUCTION_GROUNDS_IN_A_SENTENCE, label,
  LETTER_TEXTS, REQUEST_KINDS_IN_A_SENTENCE,
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
  const law = `(${Citation.jeugdwet_7_3_17}, ${Citation.uavg_35})`;
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
  /** Who sends and signs; without it the letter names the organisation of `context` only. */
  sender?: LetterSender;
  /** An inspection or copy: what the reader view keeps back from this requester (`withheldParts`). */
  withheld?: readonly WithheldPart[];
}

/** What the letter needs besides the request: the sender, and what is kept back from an inspection or copy. */
export interface LetterExtras {
  generalInformation?: GeneralInformation;
  sender?: LetterSender;
  withheld?: readonly WithheldPart[];
}

/**
 * Renders the letter in the worker pool (pdf-pool.ts): the decision letter once the request is decided, before that
 * the notice of the extension (AVG 12(3)). A granted general-information request carries the information itself.
 */
export function renderDecisionLetter(context: LetterContext, request: ClientRequest, extras: LetterExtras = {}): Promise<Buffer> {
  if (request.decision === null && request.extension === null) throw new Error('a letter needs a decision or an extension');
  const job: DecisionLetterJob = {
    kind: 'decision-letter', context, request, generalInformation: extras.generalInformation ?? null,
    ...(extras.sender === undefined ? {} : { sender: extras.sender }), ...(extras.withheld === undefined ? {} : { withheld: extras.withheld }),
  };
  return renderInWorker(job);
}

/**
 * The outcome the letter tells: a granted inspection or copy from which the reader view still keeps something back
 * is a partial grant (issue 15) — the requester is told what is missing, why, and that they can appeal.
 */
export function outcomeInTheLetter(outcome: RequestDecision, withheld: readonly WithheldPart[]): RequestDecision {
  return outcome === 'granted' && withheld.length > 0 ? 'partly' : outcome;
}

function inBrackets(basis: readonly string[]): string {
  return basis.length === 0 ? '' : ` (${basis.join(', ')})`;
}

function drawHeader(doc: Pdf, job: DecisionLetterJob, dated: string, title: string): void {
  const { context, request, sender } = job;
  doc.fontSize(10).font('bold').text(sender?.organisation ?? context.organisation).font('regular');
  for (const line of [...(sender?.address ?? []), ...(sender?.reach ?? [])]) doc.text(line);
  doc.moveDown().text(`Aan: ${context.addressee}`)
    .text(`Ons kenmerk: ${letterReference(request.id)}`)
    .text(`Uw verzoek van: ${dateInWords(request.receivedOn)}`)
    .text(`Datum: ${dayAndDateInWords(dated)}`);
  doc.moveDown().font('bold').fontSize(16).text(title).font('regular').fontSize(10);
  doc.moveDown().text(`Beste ${context.addressee},`);
  doc.moveDown(0.3).text(`U vroeg op ${dateInWords(request.receivedOn)} om ${REQUEST_KINDS_IN_A_SENTENCE[request.kind]} over ${context.clientName}.`);
}

function drawFooter(doc: Pdf, job: DecisionLetterJob): void {
  const { context, sender } = job;
  const signatory = sender?.signatory ?? null;
  // Without a recorded postal address the letter says how to get it instead of printing a gap (migration 0086 stores it).
  const questions = sender !== undefined && sender.address.length === 0
    ? `${LETTER_TEXTS.questions} Wilt u ons een brief sturen? Vraag dan ons adres aan ${signatory?.name ?? 'ons'}.`
    : sender !== undefined
      ? `${LETTER_TEXTS.questions} Ons adres staat bovenaan deze brief.`
      : LETTER_TEXTS.questions;
  doc.moveDown().text(questions);
  doc.moveDown().text(LETTER_TEXTS.greeting).moveDown(0.5);
  if (signatory !== null) doc.text(signatory.name).text(signatory.functionTitle);
  doc.text(sender?.organisation ?? context.organisation);
}

/** The routes open before a decision: a complaint, the AP, and the court once the decision is late. */
function routesBeforeDecision(): string {
  return [
    `1. U kunt een klacht indienen bij onze klachtencommissie (${Citation.jeugdwet_4_2}). Vraag ons hoe dat gaat; de vertrouwenspersoon kan u daarbij helpen.`,
    '2. U kunt een klacht indienen bij de Autoriteit Persoonsgegevens (AVG 77), via autoriteitpersoonsgegevens.nl.',
    `3. Krijgt u ons besluit niet op tijd? Dan kunt u de rechter vragen om naar uw verzoek te kijken. Daarvoor geldt dan geen termijn (${Citation.jeugdwet_7_3_17}, ${Citation.uavg_35}).`,
  ].join('\n');
}

/** The routes every decision letter names (DOMAIN §3 "Legal protection"). */
function routesAfterDecision(request: ClientRequest): string {
  return [
    `1. U kunt de rechter vragen om naar het besluit te kijken. ${courtTerm(request)}`,
    `2. U kunt een klacht indienen bij onze klachtencommissie (${Citation.jeugdwet_4_2}). Vraag ons hoe dat gaat; de vertrouwenspersoon kan u daarbij helpen.`,
    '3. Gaat het om het handelen van een geregistreerde professional? Dan kunt u een klacht indienen bij het tuchtcollege.',
    '4. U kunt een klacht indienen bij de Autoriteit Persoonsgegevens (AVG 77), via autoriteitpersoonsgegevens.nl.',
  ].join('\n');
}

/** Renders the letter in this thread: the worker's half of `renderDecisionLetter`. */
export function drawDecisionLetter(job: DecisionLetterJob, maxBytes: number): Promise<Buffer> {
  const { context, request } = job;
  const decision = request.decision;
  if (decision === null) {
    if (request.extension === null) throw new Error('a letter needs a decision or an extension');
    return drawExtensionLetter(job, request.extension, maxBytes);
  }
  const withheld = job.withheld ?? [];
  const outcome = outcomeInTheLetter(decision.outcome, withheld);
  const author = job.sender?.organisation ?? context.organisation;
  return renderPdf({ title: `${LETTER_TEXTS.decisionTitle} (${context.clientName})`, author }, (doc) => {
    drawHeader(doc, job, decision.decidedOn, LETTER_TEXTS.decisionTitle);
    section(doc, LETTER_TEXTS.whatWeDecide, DECISION_OUTCOMES_IN_A_LETTER[outcome]);
    if (withheld.length > 0) {
      section(doc, LETTER_TEXTS.whatYouDoNotGet, withheld.map((w, i) => `${i + 1}. ${w.what} ${w.ground}${inBrackets(w.basis)}`).join('\n'));
    }
    const why: string[] = [];
    if (outcome !== 'granted') {
      for (const fact of decision.facts) {
        const sentence = (DECISION_FACTS_IN_A_LETTER as Readonly<Record<string, string>>)[fact];
        if (sentence !== undefined) why.push(sentence);
      }
    }
    if (decision.reasons.trim() !== '') why.push(decision.reasons.trim());
    // Refused at intake: the engine's own words are the reasons (no decider wrote any).
    if (outcome === 'refused' && decision.reasons.trim() === '' && request.intake.outcome === 'deny') why.push(request.intake.explanation);
    if (decision.consultedProfessional !== null) why.push(LETTER_TEXTS.consulted);
    if (why.length > 0) section(doc, LETTER_TEXTS.why, why.join(' '));
    if (decision.basis.length > 0) doc.moveDown(0.3).text(`${LETTER_TEXTS.law}: ${decision.basis.join(', ')}.`);
    if (decision.destruction !== null) {
      const kept = decision.destruction.refused.map((g) => `${g.entryIds.length} onderdeel/onderdelen, omdat ${label(DESTRUCTION_GROUNDS_IN_A_SENTENCE, g.ground)}`);
      section(doc, 'Wat wij vernietigen en wat wij bewaren',
        `Wij vernietigen ${decision.destruction.grantedEntryIds.length} onderdeel/onderdelen van het dossier. Wij bewaren: ${kept.join('; ')} (${Citation.jeugdwet_7_3_9}).`);
    }
    if (job.generalInformation !== null && decision.outcome !== 'refused') drawGeneralInformation(doc, job.generalInformation);
    if (decision.executionDeadline !== null) {
      section(doc, 'Wanneer', `Wij vernietigen de gegevens uiterlijk op ${dateInWords(decision.executionDeadline)}. Daarna bewaren wij alleen dat wij ze hebben vernietigd, niet wat erin stond.`);
    }
    if ((request.kind === 'inspect' || request.kind === 'copy') && outcome !== 'refused') doc.moveDown(0.3).text(LETTER_TEXTS.workNotes);
    section(doc, LETTER_TEXTS.disagree, routesAfterDecision(request));
    drawFooter(doc, job);
  }, maxBytes);
}

/** The notice that the decision takes longer (AVG 12(3); UAVG 34): the new last day, in words, and the reasons. */
function drawExtensionLetter(job: DecisionLetterJob, extension: NonNullable<ClientRequest['extension']>, maxBytes: number): Promise<Buffer> {
  const { context, request } = job;
  return renderPdf({ title: `${LETTER_TEXTS.extensionTitle} (${context.clientName})`, author: job.sender?.organisation ?? context.organisation }, (doc) => {
    drawHeader(doc, job, extension.noticeSentOn, LETTER_TEXTS.extensionTitle);
    section(doc, 'Wanneer u ons besluit krijgt',
      'Meestal beslissen wij binnen een maand. Voor uw verzoek hebben wij meer tijd nodig. '
      + `U krijgt ons besluit uiterlijk op ${dayAndDateInWords(request.deadlines.decisionDeadline)}.`);
    section(doc, 'Waarom wij meer tijd nodig hebben', extension.reasons === null || extension.reasons.trim() === ''
      ? 'Wij hebben de reden niet in deze brief gezet. Vraag ons gerust waarom.'
      : extension.reasons.trim());
    section(doc, LETTER_TEXTS.law, 'Wij mogen de termijn met ten hoogste twee maanden verlengen. Dat moeten wij u binnen een maand na uw verzoek laten weten, '
    + `met de reden (${Citation.avg_12}(3); ${Citation.uavg_34}).`);
    section(doc, 'Bent u het hier niet mee eens?', routesBeforeDecision());
    drawFooter(doc, job);
  }, maxBytes);
}
