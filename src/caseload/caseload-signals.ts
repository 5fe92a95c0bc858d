/**
 * The caseload with signals (issue 15 item 9): per client of the caller's caseload what needs attention — open
 * requests and their deadlines, consents about to end, missing care consent, an evaluation due, emergency accesses
 * on the dossier — sorted by urgency. The engine decides (rules/caseload-signals.ts); this module gathers its facts
 * with one query per signal kind for the whole caseload (never one per client), and words each signal in Dutch.
 * A client whose care has ended keeps only the signals that still have a duty behind them (AFTER_END_OF_CARE).
 */
import type { ListScope } from '../access/gate-scope.js';
import { listCandidates } from '../clients/clients-service.js';
import { consentsInForceOfClients } from '../consents/consent-store.js';
import { planDaysOfClients } from '../dossier/dossier-store.js';
import { emergencyAccessesOfClients } from '../emergency/emergency-store.js';
import { careCompetenceOfClients } from '../representation/competence-store.js';
import { openRequestsOfClients } from '../requests/request-store.js';
import { EMERGENCY_NOTICE_DAYS, rankCaseload, signalsOf, type Signal } from '../rules/caseload-signals.js';
import { calendarDate } from '../shared/calendar-date.js';
import { CONSENT_GIVERS, dateInWords, label, REQUEST_KINDS } from '../shared/labels.js';

/** At most this many clients of the caseload get signals (the caseload page shows as many). */
export const CASELOAD_LIMIT = 200;

export interface CaseloadClient {
  id: string;
  familyName: string;
  givenNames: string;
  birthDate: string;
  /** Most urgent first; each with its Dutch sentence. */
  signals: (Signal & { text: string })[];
}

/** What a person reads for a signal: Dutch, dates in words, no codes. */
export function signalText(s: Signal): string {
  switch (s.kind) {
    case 'request': {
      const what = label(REQUEST_KINDS, s.requestKind);
      const act = s.due === 'decision' ? 'beslissen' : 'uitvoeren';
      return s.overdue
        ? `Verzoek ${what.toLowerCase()}: te laat, had uiterlijk ${dateInWords(s.on)} moeten ${s.due === 'decision' ? 'worden besloten' : 'zijn uitgevoerd'}.`
        : `Verzoek ${what.toLowerCase()}: uiterlijk ${act} op ${dateInWords(s.on)}.`;
    }
    case 'care-consent-missing':
      return `Toestemming voor de hulp ontbreekt: ${s.missing.map((p) => label(CONSENT_GIVERS, p).toLowerCase()).join(' en ')}.`;
    case 'consent-expiring':
      return `${s.consentKind === 'care' ? 'Toestemming voor de hulp' : 'Toestemming om gegevens te delen'} loopt af op ${dateInWords(s.on)}.`;
    case 'evaluation-due':
      return s.never ? 'Er is nog geen plan of evaluatie vastgelegd.' : `Evaluatie van het plan nodig, uiterlijk ${dateInWords(s.on)}.`;
    case 'emergency-access':
      return `${s.count === 1 ? 'Iemand opende' : `${s.count} keer opende iemand`} het dossier met noodtoegang, het laatst op ${dateInWords(s.on)}${s.unreviewed ? '; nog niet beoordeeld' : ''}.`;
  }
}

/**
 * Which signals still count once the client's care has ended (the end of care, src/care-team/end-of-care.ts). The
 * holder keeps the closed dossier on their caseload to answer the client's requests (003 §2.1), so what a
 * professional expects there is what still has a duty behind it, not what belongs to care being given:
 */
export const AFTER_END_OF_CARE: Readonly<Record<Signal['kind'], boolean>> = {
  // A request must still be decided within its month (AVG 12(3), extendable) and a granted one carried out
  // (Jeugdwet 7.3.9: a destruction within three months): the end of care does not stop a right of the client.
  'request': true,
  // Consent is for care being given (Jeugdwet 7.3.4, 7.3.5; BW 7:450, 7:465): with no care there is none to ask.
  'care-consent-missing': false,
  // A consent ending needs renewing only for what still rests on it: the care has ended, and a consent to share
  // information for that care is not to be renewed after it (a sharing after care is asked for anew).
  'consent-expiring': false,
  // The plan of care is evaluated while it runs (003 §2.3.5): there is no plan after the care.
  'evaluation-due': false,
  // Someone opened the closed dossier in an emergency (003 §2.2.8): all the more for the holder, who keeps it, to know.
  'emergency-access': true,
};

const byClient = <R extends { client_id: string }>(rows: readonly R[]): Map<string, R[]> => {
  const map = new Map<string, R[]>();
  for (const r of rows) map.set(r.client_id, [...(map.get(r.client_id) ?? []), r]);
  return map;
};

/** The caller's caseload (clients with a care relation, as the gate admits them), each with its signals, in the order of attention. */
export async function caseloadWithSignals(scope: ListScope): Promise<CaseloadClient[]> {
  const candidates = await listCandidates(scope, { wholeOrganisation: false, limit: CASELOAD_LIMIT, offset: 0 });
  const clients = (await scope.admit(candidates, (c) => c.id)).filter((c) => c.relation !== null);
  if (clients.length === 0) return [];
  const ids = clients.map((c) => c.id);
  // The facts of care being given (consents, competence for them, plans) only for clients whose care runs.
  const inCare = clients.filter((c) => c.careEndedOn === null).map((c) => c.id);
  const today = calendarDate(scope.now);
  const since = new Date(scope.now.getTime() - EMERGENCY_NOTICE_DAYS * 24 * 3600 * 1000);
  // One query per signal kind for the whole caseload.
  const requests = byClient(await openRequestsOfClients(scope, ids));
  const consents = byClient(inCare.length === 0 ? [] : await consentsInForceOfClients(scope, inCare, today));
  const assessed = inCare.length === 0 ? [] : await careCompetenceOfClients(scope, inCare);
  const competence = new Map(assessed.map((r) => [r.client_id, r.competent]));
  const plans = new Map((inCare.length === 0 ? [] : await planDaysOfClients(scope, inCare)).map((r) => [r.client_id, r]));
  const emergency = new Map((await emergencyAccessesOfClients(scope, ids, since)).map((r) => [r.client_id, r]));
  const withSignals = clients.map((c) => {
    const e = emergency.get(c.id);
    const counts = (s: Signal) => c.careEndedOn === null || AFTER_END_OF_CARE[s.kind];
    const signals = signalsOf({
      clientId: c.id, born: c.birthDate, competentForCare: competence.get(c.id),
      requests: (requests.get(c.id) ?? []).map((r) => ({ id: r.id, kind: r.kind, state: r.state, dueOn: r.due_on })),
      consents: (consents.get(c.id) ?? []).map((r) => ({ kind: r.kind, givenBy: r.given_by, validTo: r.valid_to })),
      lastPlanOn: plans.get(c.id)?.last_plan_on ?? null, lastEvaluationOn: plans.get(c.id)?.last_evaluation_on ?? null,
      emergency: e === undefined ? null : { count: e.count, lastOn: calendarDate(e.last_at), unreviewed: e.unreviewed },
    }, today).filter(counts);
    return { id: c.id, familyName: c.familyName, givenNames: c.givenNames, birthDate: c.birthDate, signals: signals.map((s) => ({ ...s, text: signalText(s) })) };
  });
  return rankCaseload(withSignals);
}
