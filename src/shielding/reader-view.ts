/**
 * What one reader — the client or a registered relation — gets to see of the
 * dossier when inspecting or receiving a copy (Jeugdwet 7.3.10; BW 7:456;
 * 003 §3.1). Every entry is put to the rules engine for this reader, part by
 * part; shielded entries and passages are put to it as information about
 * another person. What is withheld is replaced by a notice that says that
 * something was withheld and on what ground, without revealing it. Raw test
 * data may be inspected but never copied: in a copy it is listed as
 * available for inspection only (003 §2.3.11).
 */
import type { ClientScope } from '../access/client-access.js';
import { readAllEntries, type Entry } from '../dossier/dossier-service.js';
import { partOfEntryKind } from '../dossier/entry-kinds.js';
import { agreementFacts, isCompetent } from '../representation/representation-service.js';
import { decide, type Actor, type Decision, type Fact, type Part } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { ProgressReporter } from '../exports/export-progress.js';
import { listShieldings, type Shielding } from './shielding-service.js';

export interface Reader {
  actor: Actor;
  /** The reader's relation record; null for the client. */
  relationId: string | null;
  /** `disclose`: the dossier handed to someone outside (a transfer to a successor provider). */
  action: 'inspect' | 'copy' | 'disclose';
  /** The consent the engine asked for this request is recorded. */
  consentGiven: boolean;
}

export interface Withheld {
  /** Dutch (B1): that something was withheld, and why. */
  ground: string;
  basis: readonly string[];
}

export type ReaderEntry =
  | { shown: true; id: string; kindLabel: string; title: string | null; text: string; recordedAt: string; author: string; source: string; statementType: string | null; annotations: { kind: string; reason: string; recordedAt: string }[]; withheldPassages: Withheld[]; statements: { text: string; recordedAt: string; source: string }[] }
  | { shown: false; recordedAt: string; withheld: Withheld };

export interface ReaderView {
  entries: ReaderEntry[];
  /** Raw test data, in a copy: listed, not included; it may be inspected (003 §2.3.11). */
  inspectionOnly: { recordedAt: string; title: string | null }[];
}

/** Asks the engine about one part for this reader (by default for the reader's own action). */
type Ask = (part: Part, extra?: readonly Fact[], action?: Reader['action']) => Decision;

const PASSAGE_NOTICE = '[…afgeschermd…]';
const PROGRESS_STEP = 100;

function withheldOf(decision: Decision): Withheld {
  return { ground: decision.explanation, basis: decision.basis };
}

/** Replaces passages right to left so earlier offsets stay true. */
function redact(text: string, passages: readonly { start: number; end: number }[]): string {
  return [...passages].sort((a, b) => b.start - a.start)
    .reduce((acc, p) => `${acc.slice(0, p.start)}${PASSAGE_NOTICE}${acc.slice(p.end)}`, text);
}

/** Builds the reader-specific view of the whole dossier. */
export async function readerView(scope: ClientScope, masterKey: Buffer, reader: Reader, progress?: ProgressReporter): Promise<ReaderView> {
  const on = calendarDate(scope.now);
  const competent = await isCompetent(scope.tx, scope.client.id, 'dossier-rights');
  const baseFacts: Fact[] = [...await agreementFacts(scope.tx, scope.client.id), ...(reader.consentGiven ? ['consent-given' as const] : [])];
  const ask: Ask = (part, extra = [], action = reader.action) =>
    decide({ on, client: { born: scope.client.birthDate, competent }, actor: reader.actor, action, part, facts: [...baseFacts, ...extra] });

  const shieldings = await listShieldings(scope, masterKey);
  const byEntry = new Map<string, Shielding[]>();
  for (const s of shieldings) byEntry.set(s.entryId, [...(byEntry.get(s.entryId) ?? []), s]);

  const view: ReaderView = { entries: [], inspectionOnly: [] };
  const all = await readAllEntries(scope, masterKey);
  for (const [i, entry] of all.entries()) {
    if (i % PROGRESS_STEP === 0) progress?.report('read', i, all.length);
    const part = partOfEntryKind(entry.kind);
    const decision = ask(part);
    if (decision.outcome !== 'allow') {
      if (part === 'raw-test-data' && reader.action === 'copy' && ask(part, [], 'inspect').outcome === 'allow') {
        view.inspectionOnly.push({ recordedAt: entry.recordedAt, title: entry.title });
      }
      view.entries.push({ shown: false, recordedAt: entry.recordedAt, withheld: withheldOf(decision) });
      continue;
    }
    const blocking: Withheld[] = [];
    const passages: { start: number; end: number }[] = [];
    let wholeEntry: Withheld | undefined;
    for (const s of byEntry.get(entry.id) ?? []) {
      const verdict = shieldingVerdict(s, reader, ask);
      if (verdict === undefined) continue;
      if (s.passage === null) wholeEntry = verdict;
      else {
        passages.push(s.passage);
        blocking.push(verdict);
      }
    }
    if (wholeEntry !== undefined) {
      view.entries.push({ shown: false, recordedAt: entry.recordedAt, withheld: wholeEntry });
      continue;
    }
    view.entries.push(shownEntry(entry, redact(entry.text, passages), blocking));
  }
  progress?.report('read', all.length, all.length);
  return view;
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
      const decision = ask('third-party-information', s.otherPersonConsentedOn === null ? [] : ['other-person-consents']);
      return decision.outcome === 'allow' ? undefined : withheldOf(decision);
    }
  }
}

function shownEntry(entry: Entry, text: string, withheldPassages: Withheld[]): ReaderEntry {
  return {
    shown: true, id: entry.id, kindLabel: entry.kindLabel, title: entry.title, text, recordedAt: entry.recordedAt,
    author: `${entry.author.name} (${entry.author.function})`, source: entry.source.description ?? entry.source.kind, statementType: entry.statementType,
    annotations: entry.annotations.map((a) => ({ kind: a.kind, reason: a.reason, recordedAt: a.recordedAt })), withheldPassages,
    // The client's own statement is shown beside the entry it disputes (Jeugdwet 7.3.8; BW 7:454 lid 2; 003 §3.4).
    statements: entry.statements.map((st) => ({ text: st.text, recordedAt: st.recordedAt, source: st.source.description ?? st.source.kind })),
  };
}
