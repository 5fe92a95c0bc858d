/**
 * General information for a parent without custody (BW 1:377c; 003 §3.1;
 * DOMAIN §3): when help started and ended, its goals and its results — and no
 * care content. It is built from dossier facts only: the dossier's care dates
 * (or its transfer), and the existence and dates of plans (the goals) and
 * evaluations (the results). No entry text is read, so nothing the parent may
 * not inspect can leak into it. Delivered as JSON with the fulfilment and in
 * the decision letter (Dutch, B1).
 */
import type { ClientScope } from '../access/client-access.js';
import { conflict, notFound } from '../errors.js';
import { dutchDate, section, type Pdf } from '../exports/pdf-document.js';
import { calendarDate } from '../shared/calendar-date.js';

export interface GeneralInformation {
  requestId: string;
  clientName: string;
  addressee: string | null;
  madeOn: string;
  careStartedOn: string | null;
  /** The end of care, or the day the dossier was transferred; null while care goes on. */
  careEndedOn: string | null;
  /** Goals: the days a plan was recorded (its text is care content and is not given). */
  goals: { planDates: string[] };
  /** Results: the days the help was evaluated. */
  results: { evaluationDates: string[] };
  basis: string[];
}

/**
 * The general information of a granted `general-information` request.
 * @example const info = await generalInformationOf(scope, requestId); info.careStartedOn // '2026-01-05'
 */
export async function generalInformationOf(scope: ClientScope, requestId: string): Promise<GeneralInformation> {
  const [request] = await scope.tx.query<{ kind: string; state: string; decision: string | null; requester_name: string | null; decision_basis: string[] }>(
    `SELECT r.kind, r.state, r.decision, r.decision_basis, CASE WHEN rel.id IS NULL THEN NULL ELSE rel.given_names || ' ' || rel.family_name END AS requester_name
       FROM org.requests r LEFT JOIN formal.client_relations rel ON rel.id = r.requester_relation_id WHERE r.id = $1 AND r.client_id = $2`,
    [requestId, scope.client.id]);
  if (request === undefined) throw notFound('Dit verzoek bestaat niet bij deze cliënt.', 'This request does not exist for this client.');
  if (request.kind !== 'general-information') {
    throw conflict('not-general-information', 'Alleen bij een verzoek om algemene informatie hoort dit overzicht.', 'Only a general-information request has this overview.');
  }
  if ((request.state !== 'decided' && request.state !== 'fulfilled') || request.decision === 'refused') {
    throw conflict('request-wrong-state', 'De algemene informatie wordt pas gegeven nadat het verzoek is toegewezen.', 'The general information is given only after the request has been granted.');
  }
  const [facts] = await scope.tx.query<{ client_name: string; care_started_on: string | null; care_ended_on: string | null; transferred_on: string | null }>(
    `SELECT c.given_names || ' ' || c.family_name AS client_name, d.care_started_on, d.care_ended_on, t.transferred_on
       FROM formal.clients c LEFT JOIN care.dossiers d ON d.client_id = c.id LEFT JOIN org.transfers t ON t.client_id = c.id WHERE c.id = $1`, [scope.client.id]);
  const entries = await scope.tx.query<{ kind: 'plan' | 'evaluation'; occurred_on: string | null; recorded_at: Date }>(
    `SELECT kind, occurred_on, recorded_at FROM care.entries WHERE client_id = $1 AND kind IN ('plan', 'evaluation') ORDER BY coalesce(occurred_on, recorded_at::date), recorded_at`,
    [scope.client.id]);
  const dates = (kind: 'plan' | 'evaluation') => [...new Set(entries.filter((e) => e.kind === kind).map((e) => e.occurred_on ?? calendarDate(e.recorded_at)))].sort();
  const firstEntry = entries[0];
  return {
    requestId,
    clientName: facts!.client_name,
    addressee: request.requester_name,
    madeOn: calendarDate(scope.now),
    careStartedOn: facts!.care_started_on ?? (firstEntry === undefined ? null : firstEntry.occurred_on ?? calendarDate(firstEntry.recorded_at)),
    careEndedOn: facts!.care_ended_on ?? facts!.transferred_on,
    goals: { planDates: dates('plan') },
    results: { evaluationDates: dates('evaluation') },
    basis: request.decision_basis,
  };
}

function list(dates: readonly string[]): string {
  const named = dates.map(dutchDate);
  return named.length <= 1 ? named.join('') : `${named.slice(0, -1).join(', ')} en ${named.at(-1)!}`;
}

/**
 * The general information as sections of the decision letter, in Dutch at B1
 * level: the granted request's answer is in the letter itself (letter.pdf).
 */
export function drawGeneralInformation(doc: Pdf, info: GeneralInformation): void {
  section(doc, 'Algemene informatie over de hulp',
    `Hieronder staat wanneer de hulp aan ${info.clientName} begon en stopte, of er doelen zijn afgesproken en of de hulp is bekeken. `
    + 'Wat er in gesprekken en verslagen staat, staat niet in deze brief. Een ouder zonder gezag heeft geen inzage in het dossier, '
    + 'maar wel recht op deze algemene informatie tot het kind 16 jaar is (BW 1:377c).');
  const started = info.careStartedOn === null ? 'Er is nog geen begindatum van de hulp vastgelegd.' : `De hulp begon op ${dutchDate(info.careStartedOn)}.`;
  const ended = info.careEndedOn === null ? 'De hulp loopt nog.' : `De hulp is gestopt op ${dutchDate(info.careEndedOn)}.`;
  section(doc, 'Wanneer', `${started} ${ended}`);
  section(doc, 'Doelen', info.goals.planDates.length === 0
    ? 'Er is nog geen plan met doelen vastgelegd.'
    : `Er is een plan met doelen voor de hulp gemaakt. Het plan is vastgelegd op ${list(info.goals.planDates)}.`);
  section(doc, 'Resultaten', info.results.evaluationDates.length === 0
    ? 'De hulp is nog niet geëvalueerd. Bij een evaluatie wordt bekeken wat de hulp heeft opgeleverd.'
    : `De hulp is geëvalueerd op ${list(info.results.evaluationDates)}. Daarbij is bekeken wat de hulp heeft opgeleverd.`);
}
