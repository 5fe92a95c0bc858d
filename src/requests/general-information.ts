/**
 * General information about the care (BW 1:377c; 003 §3.1: "wanneer de hulp
 * begon, of deze al is afgesloten, de doelstelling van de hulp en de
 * resultaten daarvan"; DOMAIN §3): when help started and ended, its goals —
 * the content of the plans — and its results — the content of the
 * evaluations. The plans and evaluations are read through the reader view of
 * the requester (src/shielding/reader-view.ts, action `general-information`),
 * so a passage shielded from this reader, or about another person, stays out
 * and a plan withheld as a whole is only counted. No other entry is read.
 * Delivered as JSON with the fulfilment and in the decision letter (Dutch, B1).
 */
import type { ClientBoundScope } from '../access/gate-scope.js';
import { entriesOf } from '../dossier/dossier-store.js';
import { conflict, notFound } from '../errors.js';
import { dutchDate, section, type Pdf } from '../exports/pdf-document.js';
import { calendarDate } from '../shared/calendar-date.js';
import { readerView } from '../shielding/reader-view.js';
import { careDatesOf, requestsOf } from './request-store.js';

/** One plan (a goal) or evaluation (a result), as this reader may have it. */
export interface GeneralInformationItem {
  /** The day it concerns (the entry's date, else the day it was recorded). */
  date: string;
  title: string | null;
  /** The text, shielded passages replaced by a notice. */
  text: string;
}

export interface GeneralInformation {
  requestId: string;
  clientName: string;
  addressee: string | null;
  madeOn: string;
  careStartedOn: string | null;
  /** The end of care, or the day the dossier was transferred; null while care goes on. */
  careEndedOn: string | null;
  /** Goals: the plans, their content with shielding applied; `withheld` plans are left out as a whole for this reader. */
  goals: { planDates: string[]; items: GeneralInformationItem[]; withheld: number };
  /** Results: the evaluations, likewise. */
  results: { evaluationDates: string[]; items: GeneralInformationItem[]; withheld: number };
  basis: string[];
}

/**
 * The general information of a granted `general-information` request.
 * @example const info = await generalInformationOf(scope, masterKey, requestId); info.goals.items[0].text // 'Doel: …'
 */
export async function generalInformationOf(scope: ClientBoundScope, masterKey: Buffer, requestId: string): Promise<GeneralInformation> {
  const request = await requestsOf(scope).generalInformationFacts(requestId);
  if (request === undefined) throw notFound('Dit verzoek bestaat niet bij deze cliënt.', 'This request does not exist for this client.');
  if (request.kind !== 'general-information') {
    throw conflict('not-general-information', 'Alleen bij een verzoek om algemene informatie hoort dit overzicht.', 'Only a general-information request has this overview.');
  }
  if ((request.state !== 'decided' && request.state !== 'fulfilled') || request.decision === 'refused') {
    throw conflict('request-wrong-state', 'De algemene informatie wordt pas gegeven nadat het verzoek is toegewezen.', 'The general information is given only after the request has been granted.');
  }
  const facts = await careDatesOf(scope);
  const entries = await entriesOf(scope).plansAndEvaluations();
  const dayOf = (e: { occurred_on: string | null; recorded_at: Date }) => e.occurred_on ?? calendarDate(e.recorded_at);
  // The content, as this requester may have it: the engine decides per entry, the shieldings per passage and field.
  const view = entries.length === 0
    ? undefined
    : await readerView(scope, masterKey, {
        actor: request.requester_kind, relationId: request.requester_relation_id, action: 'general-information', consentGiven: request.consent_recorded_on !== null,
      });
  const shown = new Map<string, { title: string | null; text: string }>();
  for (const e of view?.entries ?? []) if (e.shown) shown.set(e.id, { title: e.title, text: e.text });
  const part = (kind: 'plan' | 'evaluation') => {
    const ofKind = entries.filter((e) => e.kind === kind);
    const items = ofKind.flatMap((e) => {
      const content = shown.get(e.id);
      return content === undefined ? [] : [{ date: dayOf(e), title: content.title, text: content.text }];
    });
    return { dates: [...new Set(ofKind.map(dayOf))].sort(), items, withheld: ofKind.length - items.length };
  };
  const plans = part('plan');
  const evaluations = part('evaluation');
  const firstEntry = entries[0];
  return {
    requestId,
    clientName: facts!.client_name,
    addressee: request.requester_name,
    madeOn: calendarDate(scope.now),
    careStartedOn: facts!.care_started_on ?? (firstEntry === undefined ? null : dayOf(firstEntry)),
    careEndedOn: facts!.care_ended_on ?? facts!.transferred_on,
    goals: { planDates: plans.dates, items: plans.items, withheld: plans.withheld },
    results: { evaluationDates: evaluations.dates, items: evaluations.items, withheld: evaluations.withheld },
    basis: request.decision_basis,
  };
}

function contents(items: readonly GeneralInformationItem[]): string {
  return items.map((i) => `${dutchDate(i.date)}${i.title === null ? '' : ` — ${i.title}`}:\n${i.text}`).join('\n\n');
}

function withheldSentence(count: number, one: string, many: string): string {
  return count === 0 ? '' : `\n\n${count === 1 ? `Eén ${one} geven wij niet` : `${count} ${many} geven wij niet`}, omdat het om informatie gaat die u niet mag krijgen.`;
}

/**
 * The general information as sections of the decision letter, in Dutch at B1
 * level: the granted request's answer is in the letter itself (letter.pdf).
 */
export function drawGeneralInformation(doc: Pdf, info: GeneralInformation): void {
  section(doc, 'Algemene informatie over de hulp',
    `Hieronder staat wanneer de hulp aan ${info.clientName} begon en of de hulp al is afgesloten, wat de doelen van de hulp zijn (uit het plan) `
    + 'en wat de hulp heeft bereikt (uit de evaluaties). Wat er verder in gesprekken en verslagen staat, staat niet in deze brief. '
    + 'Wat over iemand anders gaat of voor u is afgeschermd, is weggelaten (BW 1:377c).');
  const started = info.careStartedOn === null ? 'Er is nog geen begindatum van de hulp vastgelegd.' : `De hulp begon op ${dutchDate(info.careStartedOn)}.`;
  const ended = info.careEndedOn === null ? 'De hulp loopt nog.' : `De hulp is gestopt op ${dutchDate(info.careEndedOn)}.`;
  section(doc, 'Wanneer', `${started} ${ended}`);
  section(doc, 'Doelen', (info.goals.items.length === 0
    ? 'Er is nog geen plan met doelen dat wij u kunnen geven.'
    : `Dit zijn de doelen uit het plan:\n\n${contents(info.goals.items)}`) + withheldSentence(info.goals.withheld, 'plan', 'plannen'));
  section(doc, 'Resultaten', (info.results.items.length === 0
    ? 'Er is nog geen evaluatie die wij u kunnen geven. Bij een evaluatie wordt bekeken wat de hulp heeft opgeleverd.'
    : `Dit is wat de hulp heeft bereikt, uit de evaluaties:\n\n${contents(info.results.items)}`) + withheldSentence(info.results.withheld, 'evaluatie', 'evaluaties'));
}
