/**
 * The portal's dossier view (issue 19 item 2): what the logged-in person sees of the dossier today. It is the
 * reader-specific view (src/shielding/reader-view.ts) for that person — the engine decides per entry and per part
 * for the client, a parent with custody, a guardian (shielding, agreements with 12–15-year-olds, raw test data
 * inspect-only, third-party information, own statements beside the entry) — restricted to the entries released to
 * the portal (src/portal/release, rules/decide-portal-release.ts), with the reason beside everything withheld.
 *
 * The gate's portal door decided the act (inspect, or general information for a parent without custody) for this
 * person today, so an age change takes effect on the day itself: on the 16th birthday a parent's inspection is
 * refused by the gate until the young person consents. A consent for some parts only (the routes' intent `byPart`) lets
 * the parent in; the reader view then asks each entry with the consent for its own part only (`reader.consentedParts`),
 * so the parent sees exactly those parts and the engine's reason beside the rest (Jeugdwet 7.3.11).
 */
import type { PortalScope } from '../../access/gate-scope.js';
import { entriesOf } from '../../dossier/dossier-store.js';
import { forbidden, notFound } from '../../errors.js';
import { careDatesOf } from '../../requests/request-store.js';
import type { ReleaseDecision } from '../../rules/decide-portal-release.js';
import { actorName, dateInWords, type Citation } from '../../rules/index.js';
import { calendarDate } from '../../shared/calendar-date.js';
import { readerView, type ReaderEntry, type Withheld } from '../../shielding/reader-view.js';
import { releaseDecider } from '../release/release-service.js';

/** An entry as the portal shows it: the reader view's, with dates in words and the day it came into the portal. */
export type PortalEntry =
  | (Extract<ReaderEntry, { shown: true }> & {
    recordedOnText: string; releasedOn: string; releasedOnText: string;
    statements: { text: string; recordedAt: string; recordedOnText: string; source: string }[];
  })
  | { shown: false; recordedAt: string; recordedOnText: string; withheld: { ground: string; basis: string[] } };

export interface PortalDossier {
  reader: { name: string; role: string };
  today: string;
  todayText: string;
  explanation: string;
  basis: string[];
  entries: PortalEntry[];
  inspectionOnly: { recordedAt: string; recordedOnText: string; title: string | null }[];
  notYetReleased: { count: number; nextVisibleOn: string | null; nextVisibleOnText: string | null; explanation: string };
}

const inWords = (instant: string): string => dateInWords(calendarDate(new Date(instant)));

/** What the portal asks of the reader view per entry: released, hidden until released, or withheld with its reason (the dossier view, the export). */
export async function releaseOptions(scope: PortalScope, onlyKinds?: readonly string[]) {
  const { decide } = await releaseDecider(scope);
  const decisions = new Map<string, ReleaseDecision>();
  const waiting: string[] = [];
  const release = (entry: { id: string; kind: string; recordedAt: string }): Withheld | 'hidden' | undefined => {
    if (onlyKinds !== undefined && !onlyKinds.includes(entry.kind)) return 'hidden';
    // The client's own statement is their own words: nothing for the holder to discuss first, so it is there at once.
    if (entry.kind === 'own-statement') return undefined;
    const decision = decide(entry);
    decisions.set(entry.id, decision);
    if (decision.state === 'released') return undefined;
    if (decision.state === 'waiting') {
      waiting.push(decision.visibleFrom!);
      return 'hidden';
    }
    return { ground: decision.explanation, basis: decision.basis };
  };
  return { release, decisions, waiting };
}

function portalEntry(entry: ReaderEntry, decisions: ReadonlyMap<string, ReleaseDecision>): PortalEntry {
  if (!entry.shown) {
    return { shown: false, recordedAt: entry.recordedAt, recordedOnText: inWords(entry.recordedAt), withheld: { ground: entry.withheld.ground, basis: [...entry.withheld.basis] } };
  }
  const releasedOn = decisions.get(entry.id)?.visibleFrom ?? calendarDate(new Date(entry.recordedAt));
  return {
    ...entry, recordedOnText: inWords(entry.recordedAt), releasedOn, releasedOnText: dateInWords(releasedOn),
    statements: entry.statements.map((st) => ({ ...st, recordedOnText: inWords(st.recordedAt) })),
  };
}

/**
 * The dossier as this person may see it in the portal today.
 * @example const view = await portalDossier(scope, masterKey); view.entries[0].shown
 */
export async function portalDossier(scope: PortalScope, masterKey: Buffer): Promise<PortalDossier> {
  const today = calendarDate(scope.now);
  const { release, decisions, waiting } = await releaseOptions(scope);
  // The log row names the entries shown to this person, not those withheld from them or not yet released.
  const view = await readerView(scope, masterKey, scope.reader, undefined, { release, touch: 'shown' });
  const next = waiting.length === 0 ? null : [...waiting].sort()[0]!;
  return {
    reader: { name: scope.account.displayName, role: scope.account.kind === 'client' ? 'U zelf' : capitalised(actorName[scope.reader.actor]) },
    today, todayText: dateInWords(today),
    explanation: scope.decision.explanation, basis: [...scope.decision.citations],
    entries: view.entries.map((e) => portalEntry(e, decisions)),
    inspectionOnly: view.inspectionOnly.map((i) => ({ ...i, recordedOnText: inWords(i.recordedAt) })),
    notYetReleased: {
      count: waiting.length, nextVisibleOn: next, nextVisibleOnText: next === null ? null : dateInWords(next),
      explanation: waiting.length === 0
        ? 'Alle stukken die u mag zien, staan in het portaal.'
        : `${waiting.length === 1 ? 'Eén nieuw stuk staat' : `${waiting.length} nieuwe stukken staan`} nog niet in het portaal. `
          + `Zo kan de hulpverlener het eerst met u bespreken. Het eerste komt op ${dateInWords(next!)}. U kunt ook nu al vragen om het dossier in te zien.`,
    },
  };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One entry as this person may see it; an entry of this dossier that is not released or withheld from them is a 403
 * with the reason, any other id a 404.
 */
export async function portalEntryOf(scope: PortalScope, masterKey: Buffer, entryId: string): Promise<PortalEntry> {
  if (!(await entriesOf(scope).exists(entryId))) {
    throw notFound('Dit stuk staat niet in uw dossier.', 'This entry is not in your dossier.');
  }
  const { release, decisions } = await releaseOptions(scope);
  let asked: ReturnType<typeof release> | null = null;
  let recordedAt: string | undefined;
  let statementIds: string[] = [];
  const view = await readerView(scope, masterKey, scope.reader, undefined, {
    touch: 'none',
    release: (entry) => {
      const answer = release(entry);
      if (entry.id === entryId) {
        asked = answer;
        recordedAt = entry.recordedAt;
        statementIds = entry.statements.map((st) => st.id);
      }
      return answer;
    },
  });
  const shown = view.entries.find((e) => e.shown && e.id === entryId);
  if (shown !== undefined) {
    // The log row names this entry and the own statements shown beside it, nothing else of the dossier.
    scope.touch([entryId, ...statementIds.filter((id) => view.entries.some((e) => e.shown && e.id === id))]);
    return portalEntry(shown, decisions);
  }
  const decision = decisions.get(entryId);
  if (asked === 'hidden' && decision !== undefined) {
    throw forbidden(decision.explanation, 'This entry is not in the portal yet.', decision.basis);
  }
  const notice = view.entries.find((e): e is Extract<ReaderEntry, { shown: false }> => !e.shown && e.recordedAt === recordedAt);
  throw forbidden(notice?.withheld.ground ?? 'Dit stuk is voor u afgeschermd.', 'This entry is withheld from you.', (notice?.withheld.basis ?? []) as Citation[]);
}

/** General information (BW 1:377c; 003 §3.1) as the portal shows it to a parent without custody: start, end, goals, results. */
export interface PortalGeneralInformation {
  reader: { name: string; role: string };
  explanation: string;
  basis: string[];
  careStartedOn: string | null;
  careStartedOnText: string | null;
  careEndedOn: string | null;
  careEndedOnText: string | null;
  goals: { date: string; dateText: string; title: string | null; text: string }[];
  results: { date: string; dateText: string; title: string | null; text: string }[];
  /** Plans and evaluations withheld from this person (shielded, or withheld from the portal). */
  withheld: number;
}

/** The general information about the care for this person, from the released plans and evaluations. */
export async function portalGeneralInformation(scope: PortalScope, masterKey: Buffer): Promise<PortalGeneralInformation> {
  const { release } = await releaseOptions(scope, ['plan', 'evaluation']);
  const kinds = new Map<string, string>();
  const view = await readerView(scope, masterKey, { ...scope.reader, action: 'general-information' }, undefined, {
    touch: 'shown',
    release: (entry) => {
      kinds.set(entry.id, entry.kind);
      return release(entry);
    },
  });
  const item = (e: Extract<ReaderEntry, { shown: true }>) => {
    const date = calendarDate(new Date(e.recordedAt));
    return { date, dateText: dateInWords(date), title: e.title, text: e.text };
  };
  const shown = view.entries.filter((e): e is Extract<ReaderEntry, { shown: true }> => e.shown);
  const dates = await careDatesOf(scope);
  const started = dates?.care_started_on ?? null;
  const ended = dates?.care_ended_on ?? dates?.transferred_on ?? null;
  return {
    reader: { name: scope.account.displayName, role: capitalised(actorName[scope.reader.actor]) },
    explanation: scope.decision.explanation, basis: [...scope.decision.citations],
    careStartedOn: started, careStartedOnText: started === null ? null : dateInWords(started),
    careEndedOn: ended, careEndedOnText: ended === null ? null : dateInWords(ended),
    goals: shown.filter((e) => kinds.get(e.id) === 'plan').map(item),
    results: shown.filter((e) => kinds.get(e.id) === 'evaluation').map(item),
    withheld: view.entries.length - shown.length,
  };
}
