/**
 * What one reader — the client or a registered relation — gets to see of the
 * dossier when inspecting or receiving a copy (Jeugdwet 7.3.10; BW 7:456;
 * 003 §3.1). Every entry is put to the rules engine for this reader, part by
 * part; shielded entries and passages are put to it as information about
 * another person. What is withheld is replaced by a notice that says that
 * something was withheld and on what ground, without revealing it. Raw test
 * data may be inspected but never copied: in a copy it is listed as
 * available for inspection only (003 §2.3.11). The client's own statements
 * come with the entry they dispute (003 §3.4), and the view says whether the
 * client's contact data may go to this reader at all (see `contactDataAllowed`).
 */
import type { ClientBoundScope } from '../access/gate-scope.js';
import { readAllEntries, type Entry } from '../dossier/dossier-service.js';
import { partOfEntryKind } from '../dossier/entry-kinds.js';
import { agreementsOf } from '../representation/agreement-store.js';
import { competenceOf } from '../representation/competence-store.js';
import { withPeopleOf } from '../representation/representation-service.js';
import { decide, type Actor, type Decision, type Fact, type Part } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { ProgressReporter } from '../exports/export-progress.js';
import { listShieldings, type Shielding, type ShieldingTarget } from './shielding-service.js';

export interface Reader {
  actor: Actor;
  /** The reader's relation record; null for the client. */
  relationId: string | null;
  /**
   * `disclose`: the dossier handed to someone outside (a transfer to a successor provider).
   * `general-information`: the goals and results of the care given as general information (BW 1:377c; 003 §3.1).
   */
  action: 'inspect' | 'copy' | 'disclose' | 'general-information';
  /** The consent the engine asked for this request is recorded. */
  consentGiven: boolean;
  /**
   * The parts the consent is for, when it is not for the whole dossier (a young person of 16+ lets a parent see the
   * care plan only; Jeugdwet 7.3.11): each entry is asked with the consent only if it is of one of these parts.
   */
  consentedParts?: readonly string[];
}

export interface Withheld {
  /** Dutch (B1): that something was withheld, which field it was, and why — never what. */
  ground: string;
  basis: readonly string[];
  /** Which field was withheld (absent: the entry's text, or the whole entry). */
  field?: ShieldingTarget;
}

/** The client's own statement beside the entry it disputes, as this reader may see it (its own shielding applied). */
export interface ReaderStatement {
  text: string;
  recordedAt: string;
  source: string;
}

export type ReaderEntry =
  | {
    shown: true; id: string; kindLabel: string; title: string | null; text: string; recordedAt: string;
    author: string; source: string; statementType: string | null;
    annotations: { kind: string; reason: string; recordedAt: string }[]; withheldPassages: Withheld[]; statements: ReaderStatement[];
  }
  | { shown: false; recordedAt: string; withheld: Withheld };

export interface ReaderView {
  entries: ReaderEntry[];
  /** Raw test data, in a copy: listed, not included; it may be inspected (003 §2.3.11). */
  inspectionOnly: { recordedAt: string; title: string | null }[];
  /** Whether the client's address, postcode, town, phone and e-mail may go to this reader (`contactDataAllowed`). */
  contactDataAllowed: boolean;
  /** Set when the contact data are left out because a shielding of them applies to this reader: the ground, never the data. */
  contactDataWithheld?: Withheld;
}

/** Asks the engine about one part for this reader (by default for the reader's own action). */
type Ask = (part: Part, extra?: readonly Fact[], action?: Reader['action']) => Decision;

const PASSAGE_NOTICE = '[…afgeschermd…]';

/** What the notice says was left out, before the engine's ground (never the content). */
const FIELD_NOTICE: Record<Exclude<ShieldingTarget, 'text'>, string> = {
  'title': 'De titel van dit stuk is weggelaten.',
  'source': 'De toelichting op de bron van dit stuk is weggelaten.',
  'annotation': 'Een aantekening bij dit stuk is weggelaten.',
  'contact-data': 'Het adres, de postcode, de woonplaats, het telefoonnummer en het e-mailadres van de cliënt zijn weggelaten.',
};

function fieldWithheld(field: Exclude<ShieldingTarget, 'text'>, withheld: Withheld): Withheld {
  return { ground: `${FIELD_NOTICE[field]} ${withheld.ground}`, basis: withheld.basis, field };
}

/** One notice for several shieldings of the same field: every distinct ground and article. */
function joinWithheld(a: Withheld | undefined, b: Withheld): Withheld {
  if (a === undefined) return b;
  return {
    ground: a.ground === b.ground ? a.ground : `${a.ground} ${b.ground}`, basis: [...new Set([...a.basis, ...b.basis])],
    ...(a.field === undefined ? {} : { field: a.field }),
  };
}
const PROGRESS_STEP = 100;

function withheldOf(decision: Decision): Withheld {
  return { ground: decision.explanation, basis: decision.basis };
}

/** A passage withheld from this reader, with why. */
export interface WithheldPassage {
  start: number;
  end: number;
  withheld: Withheld;
}

/**
 * Merges the passages withheld from one reader into disjoint intervals, in
 * text order. Shieldings are recorded one by one and may nest or overlap
 * (an outer "de Geheimeweg 12" and an inner "12"); cutting them out one after
 * the other shifts the text under the later ones and leaves withheld
 * characters standing. Touching passages merge too, so one notice covers
 * them. A merged passage names every distinct ground and article of the
 * passages in it.
 *
 * @example
 * mergePassages([{ start: 5, end: 20, withheld: a }, { start: 10, end: 12, withheld: b }, { start: 18, end: 30, withheld: c }])
 * // → [{ start: 5, end: 30, withheld: { ground: 'a. b. c.', basis: [...] } }]
 */
export function mergePassages(passages: readonly WithheldPassage[]): WithheldPassage[] {
  const merged: { start: number; end: number; grounds: string[]; basis: string[] }[] = [];
  for (const p of [...passages].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged.at(-1);
    if (last !== undefined && p.start <= last.end) {
      last.end = Math.max(last.end, p.end);
      if (!last.grounds.includes(p.withheld.ground)) last.grounds.push(p.withheld.ground);
      for (const b of p.withheld.basis) if (!last.basis.includes(b)) last.basis.push(b);
    } else {
      merged.push({ start: p.start, end: p.end, grounds: [p.withheld.ground], basis: [...p.withheld.basis] });
    }
  }
  return merged.map((m) => ({ start: m.start, end: m.end, withheld: { ground: m.grounds.join(' '), basis: m.basis } }));
}

/** Replaces disjoint passages (from `mergePassages`) right to left, so earlier offsets stay true. */
function redact(text: string, passages: readonly WithheldPassage[]): string {
  return [...passages].sort((a, b) => b.start - a.start)
    .reduce((acc, p) => `${acc.slice(0, p.start)}${PASSAGE_NOTICE}${acc.slice(p.end)}`, text);
}

/**
 * Whether the client's formal contact data — address, postcode, town, phone,
 * e-mail — may go to this reader. The secret-address case (003 §3.1) is the
 * reason: the address of a child living with a parent in hiding is the very
 * thing shielded, and it sits in the formal data as well as in the entries.
 * We cannot tell from a shielding whether it concerns the address, so the
 * rule does not try to; it is the simplest rule that is safe:
 * - the client themself gets their own contact data;
 * - a relation gets it only as a legal representative (parent with custody,
 *   guardian) whom no shielding in force names — a shielding that names them
 *   means something is being kept from them, and the address is the first
 *   thing it may be; any other relation (parent without custody, family
 *   guardian, …) never gets it through a copy or an export;
 * - a dossier handed outside (`disclose`) loses the shieldings' names, as its
 *   passages do, so it carries the contact data only when no shielding from
 *   anyone is in force.
 * Everyone else gets none.
 */
export function contactDataAllowed(reader: Reader, shieldings: readonly Shielding[]): boolean {
  const shieldedFrom = shieldings.filter((s) => s.kind === 'shielded-from');
  if (reader.action === 'disclose') return shieldedFrom.length === 0;
  if (reader.actor === 'client' && reader.relationId === null) return true;
  const representative = reader.actor === 'parent-with-custody' || reader.actor === 'guardian';
  const relationId = reader.relationId;
  return representative && relationId !== null && !shieldedFrom.some((s) => s.shieldedFrom.includes(relationId));
}

/**
 * What the client portal adds (issue 19; src/portal/release): per entry, before the engine is asked, whether it is
 * released to the portal — `undefined` (released: the engine decides), `'hidden'` (not yet released: left out of the
 * view, the portal counts it) or a `Withheld` notice (withheld by the holder on a ground of the law).
 */
export interface ReaderViewOptions {
  release?: (entry: Entry) => Withheld | 'hidden' | undefined;
  /**
   * Which entries the log row names as touched: `all` (the default: every entry read, as an employee's copy or export
   * reads the whole dossier), `shown` (those the view shows, with their content or as raw test data listed — the
   * portal: a person is not logged as having seen what was withheld from them or not yet released), `none` (the caller
   * tells the one it shows).
   */
  touch?: 'all' | 'shown' | 'none';
}

/** Builds the reader-specific view of the whole dossier. */
export async function readerView(
  scope: ClientBoundScope, masterKey: Buffer, reader: Reader, progress?: ProgressReporter, options: ReaderViewOptions = {},
): Promise<ReaderView> {
  const on = calendarDate(scope.now);
  const competent = await competenceOf(scope).isCompetent('dossier-rights');
  const baseFacts: Fact[] = [...await agreementsOf(scope).facts(), ...(reader.consentGiven ? ['consent-given' as const] : [])];
  // The people around the client and the death on record (issue 16), as the request was asked: a curator or mentor of an
  // adult who is not competent reads as the representative, a parent of that adult as what they are after 18.
  const people = await withPeopleOf(scope, reader.relationId,
    { on, client: { born: scope.client.birthDate, competent }, actor: reader.actor, action: reader.action, facts: baseFacts });
  const peopleFacts = [...people.facts ?? []];
  const ask: Ask = (part, extra = [], action = reader.action) => decide({ ...people, action, part, facts: [...peopleFacts, ...extra] });
  // An entry's own part with the consent for that part only; information about another person is never opened by it.
  const askEntry = (part: Part, action: Reader['action'] = reader.action): Decision =>
    ask(part, !reader.consentGiven && reader.consentedParts?.includes(part) === true ? ['consent-given'] : [], action);

  const shieldings = await listShieldings(scope, masterKey);
  const byEntry = new Map<string, Shielding[]>();
  let contactWithheld: Withheld | undefined;
  for (const s of shieldings) {
    if (s.entryId !== null) {
      byEntry.set(s.entryId, [...(byEntry.get(s.entryId) ?? []), s]);
      continue;
    }
    const verdict = shieldingVerdict(s, reader, ask);
    if (verdict !== undefined) contactWithheld = joinWithheld(contactWithheld, fieldWithheld('contact-data', verdict));
  }

  const allowed = contactDataAllowed(reader, shieldings);
  const view: ReaderView = {
    entries: [], inspectionOnly: [], contactDataAllowed: allowed, ...(allowed || contactWithheld === undefined ? {} : { contactDataWithheld: contactWithheld }),
  };
  const touch = options.touch ?? 'all';
  const all = await readAllEntries(scope, masterKey, { touched: touch === 'all' });
  const listedForInspection: string[] = [];
  // Shown entries by id, so an own statement goes beside the entry it disputes exactly as this reader may see the statement itself.
  const shownById = new Map<string, ShownEntry>();
  const results: ({ shown: true; id: string } | { shown: false; recordedAt: string; withheld: Withheld })[] = [];
  for (const [i, entry] of all.entries()) {
    if (i % PROGRESS_STEP === 0) progress?.report('read', i, all.length);
    const released = options.release?.(entry);
    if (released === 'hidden') continue;
    if (released !== undefined) {
      results.push({ shown: false, recordedAt: entry.recordedAt, withheld: released });
      continue;
    }
    const fields = fieldVerdicts(byEntry.get(entry.id) ?? [], reader, ask);
    const part = partOfEntryKind(entry.kind);
    const decision = askEntry(part);
    if (decision.outcome !== 'allow') {
      if (part === 'raw-test-data' && reader.action === 'copy' && askEntry(part, 'inspect').outcome === 'allow') {
        view.inspectionOnly.push({ recordedAt: entry.recordedAt, title: fields.title === undefined && fields.wholeEntry === undefined ? entry.title : null });
        listedForInspection.push(entry.id);
      }
      results.push({ shown: false, recordedAt: entry.recordedAt, withheld: withheldOf(decision) });
      continue;
    }
    if (fields.wholeEntry !== undefined) {
      results.push({ shown: false, recordedAt: entry.recordedAt, withheld: fields.wholeEntry });
      continue;
    }
    shownById.set(entry.id, applyFields(entry, fields));
    results.push({ shown: true, id: entry.id });
  }
  for (const result of results) {
    const shown = result.shown ? shownById.get(result.id) : undefined;
    view.entries.push(shown === undefined ? result as ReaderEntry : shownEntry(shown, shownById));
  }
  if (touch === 'shown') scope.touch([...shownById.keys(), ...listedForInspection]);
  progress?.report('read', all.length, all.length);
  return view;
}

/** What the shieldings of one entry withhold from this reader, field by field. */
interface FieldVerdicts {
  wholeEntry?: Withheld;
  passages: WithheldPassage[];
  title?: Withheld;
  source?: Withheld;
  annotations: Map<string, Withheld>;
}

function fieldVerdicts(shieldings: readonly Shielding[], reader: Reader, ask: Ask): FieldVerdicts {
  const v: FieldVerdicts = { passages: [], annotations: new Map() };
  for (const s of shieldings) {
    const verdict = shieldingVerdict(s, reader, ask);
    if (verdict === undefined) continue;
    switch (s.target) {
      case 'text':
        if (s.passage === null) v.wholeEntry = joinWithheld(v.wholeEntry, verdict);
        else v.passages.push({ ...s.passage, withheld: verdict });
        break;
      case 'title':
        v.title = joinWithheld(v.title, fieldWithheld('title', verdict));
        break;
      case 'source':
        v.source = joinWithheld(v.source, fieldWithheld('source', verdict));
        break;
      case 'annotation':
        if (s.annotationId !== null) v.annotations.set(s.annotationId, joinWithheld(v.annotations.get(s.annotationId), fieldWithheld('annotation', verdict)));
        break;
      case 'contact-data':
        break; // not an entry's field
    }
  }
  return v;
}

/** An entry as this reader may have it: every shielded field replaced by a notice, every notice listed with its ground. */
interface ShownEntry {
  entry: Entry;
  title: string | null;
  text: string;
  source: string;
  annotations: { kind: string; reason: string; recordedAt: string }[];
  withheldPassages: Withheld[];
}

function applyFields(entry: Entry, v: FieldVerdicts): ShownEntry {
  const merged = mergePassages(v.passages);
  const annotationNotices: Withheld[] = [];
  const annotations = entry.annotations.map((a) => {
    const withheld = v.annotations.get(a.id);
    if (withheld !== undefined) annotationNotices.push(withheld);
    return { kind: a.kind, reason: withheld === undefined ? a.reason : PASSAGE_NOTICE, recordedAt: a.recordedAt };
  });
  return {
    entry,
    title: v.title === undefined ? entry.title : PASSAGE_NOTICE,
    text: redact(entry.text, merged),
    source: v.source === undefined ? entry.source.description ?? entry.source.kind : PASSAGE_NOTICE,
    annotations,
    withheldPassages: [
      ...merged.map((p) => p.withheld), ...(v.title === undefined ? [] : [v.title]), ...(v.source === undefined ? [] : [v.source]), ...annotationNotices,
    ],
  };
}

/** Why a shielding hides something from this reader, or undefined when it does not. */
function shieldingVerdict(s: Shielding, reader: Reader, ask: Ask): Withheld | undefined {
  switch (s.kind) {
    case 'shielded-from': {
      // A dossier handed outside loses the shielding's names with it, so the passage stays behind for every recipient.
      if (reader.action === 'disclose') return withheldOf(ask('third-party-information'));
      if (reader.relationId === null || !s.shieldedFrom.includes(reader.relationId)) return undefined;
      // Shielded from this very person to protect someone else's privacy: information about another, without their consent.
      return withheldOf(ask('third-party-information'));
    }
    case 'about-another-person': {
      // General information is about the care, never about another person: such a passage goes only as far as inspecting it would.
      const decision = ask('third-party-information', s.otherPersonConsentedOn === null ? [] : ['other-person-consents'],
        reader.action === 'general-information' ? 'inspect' : reader.action);
      return decision.outcome === 'allow' ? undefined : withheldOf(decision);
    }
  }
}

function shownEntry(shown: ShownEntry, shownById: ReadonlyMap<string, ShownEntry>): ReaderEntry {
  const { entry } = shown;
  return {
    shown: true, id: entry.id, kindLabel: entry.kindLabel, title: shown.title, text: shown.text, recordedAt: entry.recordedAt,
    author: `${entry.author.name} (${entry.author.function})`, source: shown.source, statementType: entry.statementType,
    annotations: shown.annotations, withheldPassages: shown.withheldPassages,
    // The client's own statement is shown beside the entry it disputes (Jeugdwet 7.3.8; BW 7:454 lid 2; AVG 16; 003 §3.4) —
    // as the statement entry itself is shown to this reader: a statement withheld from them stays out, a shielded passage or source in it stays redacted.
    statements: entry.statements.flatMap((st) => {
      const own = shownById.get(st.id);
      return own === undefined ? [] : [{ text: own.text, recordedAt: st.recordedAt, source: own.source }];
    }),
  };
}
