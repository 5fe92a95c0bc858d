/**
 * Deciding a request (issue 15): the outcome, the reasons (the text of the decision letter), the facts that matter for
 * that kind, the other professional consulted before a refusal on serious harm, and for a partial destruction the
 * entries destroyed and kept (with a ground for each kept one). What is typed is kept as a draft as it is typed (only
 * for its author; shared/drafts.ts) and comes back on the request's page after a time-out.
 */
import { useState } from 'react';
import { dataOf, server, type BodyOf } from '../../shared/api-client';
import { Basis, Loading, ProblemBox, Select, TextArea, TextInput } from '../../shared/components';
import { saveLine, useDraft, useRequestDraft, type Draft } from '../../shared/drafts';
import { DECISION_FACTS, DECISION_OUTCOMES, formatDate, label } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { partOfEntryKind, type EntryKind } from '../../../../src/dossier/entry-kinds.js';
import type { Decision } from '../../../../src/rules/decision.js';
import { requestChanged, useAllEntries, type TimelineEntry } from './request-api';

type DecisionBody = BodyOf<'/api/clients/{clientId}/requests/{requestId}/decision'>;
type Outcome = DecisionBody['outcome'];
type Fact = NonNullable<DecisionBody['facts']>[number];
type DestructionSplit = NonNullable<DecisionBody['destruction']>;
type Ground = DestructionSplit['refused'][number]['ground'];

/** A refusal the engine gives before anything is filled in: what this person may not do here, and why. */
export function NotYours({ title, decision }: { title: string; decision: Decision }) {
  return (
    <div className="card" data-testid="not-allowed">
      <h3>{title}</h3>
      <p>{decision.explanation}</p>
      <Basis basis={decision.basis} />
    </div>
  );
}

/** The facts a professional establishes when deciding, per kind: only those that change the engine's answer for it. */
const FACTS_OF_KIND: Readonly<Record<string, readonly string[]>> = {
  'inspect': ['serious-harm-assessed', 'other-person-consents'],
  'copy': ['serious-harm-assessed', 'other-person-consents'],
  'general-information': ['serious-harm-assessed'],
  'correct': ['factual-error'],
  'destroy': ['significant-interest-of-another', 'good-care-requires-keeping', 'needed-for-procedure'],
};
const DESTRUCTION_GROUNDS = FACTS_OF_KIND.destroy!;

/** An entry as a person picks it: its kind, title (or the start of its text) and date. */
export function entryName(e: TimelineEntry): string {
  const title = e.title ?? (e.text.length > 50 ? `${e.text.slice(0, 50)}…` : e.text);
  return `${e.kindLabel}: ${title} (${formatDate(e.occurredOn ?? e.recordedAt.slice(0, 10))})`;
}

function inPart(e: TimelineEntry, part: string): boolean {
  return part === 'dossier' || partOfEntryKind(e.kind as EntryKind) === part;
}

/** What happens to each entry in a partial destruction: '' (not chosen yet), 'destroy', or the ground it is kept on (Jeugdwet 7.3.9). */
type EntryFate = string;

function DestructionChoice({ clientId, part, fates, onChange }: {
  clientId: string; part: string; fates: Record<string, EntryFate>; onChange: (fates: Record<string, EntryFate>) => void;
}) {
  const entries = useAllEntries(clientId);
  const shown = (entries.data ?? []).filter((e) => inPart(e, part));
  const options: [string, string][] = [['destroy', 'Vernietigen'], ...DESTRUCTION_GROUNDS.map((g): [string, string] => [g, `Bewaren: ${label(DECISION_FACTS, g).toLowerCase()}`])];
  return (
    <fieldset data-testid="destruction-choice">
      <legend>Welke dossierregels worden vernietigd, en welke blijven bewaard?</legend>
      <p className="hint">
        Kies per dossierregel. Bewaren mag alleen als het belang van een ander dat vraagt, als goede hulp dat duidelijk vraagt,
        of als de organisatie het nodig heeft voor een procedure (Jeugdwet 7.3.9).
      </p>
      <ProblemBox problem={problemOf(entries.error)} />
      {entries.data !== undefined && shown.length === 0 && <p>In dit deel van het dossier staan geen dossierregels.</p>}
      {shown.map((e) => (
        <Select key={e.id} label={entryName(e)} value={fates[e.id] ?? ''} onChange={(v) => onChange({ ...fates, [e.id]: v })} options={options} allowEmpty="Kies wat er gebeurt" />
      ))}
    </fieldset>
  );
}

/** The split the API asks for: the entries destroyed, and the kept ones grouped by their ground. */
function splitOf(fates: Record<string, EntryFate>): DestructionSplit {
  const grantedEntryIds = Object.entries(fates).filter(([, f]) => f === 'destroy').map(([id]) => id);
  const refused = DESTRUCTION_GROUNDS
    .map((ground) => ({ ground: ground as Ground, entryIds: Object.entries(fates).filter(([, f]) => f === ground).map(([id]) => id) }))
    .filter((g) => g.entryIds.length > 0);
  return { grantedEntryIds, refused };
}

/** After the client's death the decider establishes whether the requester has a compelling interest (Jeugdwet 7.3.12a lid 1(b)). */
const AFTER_DEATH_KINDS: readonly string[] = ['inspect', 'copy', 'general-information'];

interface DecideProps { requestId: string; kind: string; part: string; clientId: string; deceased?: boolean }

/** The decision form, opened with the author's draft of it if there is one. */
export function Decide(props: DecideProps) {
  const { draft } = useRequestDraft(props.clientId, props.requestId, 'decision');
  if (draft === undefined) return <Loading what="Besluit" />;
  return <DecideForm key={draft?.id ?? 'new'} {...props} draft={draft} />;
}

function DecideForm({ requestId, kind, part, clientId, deceased = false, draft }: DecideProps & { draft: Draft | null }) {
  const f = draft?.fields ?? {};
  const [outcome, setOutcome] = useState<Outcome>((f.outcome ?? 'granted') as Outcome);
  const [reasons, setReasons] = useState(f.text ?? '');
  const [facts, setFacts] = useState<string[]>(f.facts ?? []);
  const [consulted, setConsulted] = useState(f.consultedProfessional ?? '');
  const [fates, setFates] = useState<Record<string, EntryFate>>({});
  const autosave = useDraft(clientId, 'decision', { outcome, text: reasons, facts, consultedProfessional: consulted }, {
    requestId, ...(draft === null ? {} : { id: draft.id }),
  });
  const partlyDestroyed = kind === 'destroy' && outcome === 'partly';
  // A destruction is refused only on its grounds; the other kinds' facts count whatever the outcome (a correction is granted on a factual error).
  const offered = kind === 'destroy'
    ? (outcome === 'refused' ? DESTRUCTION_GROUNDS : [])
    : [...FACTS_OF_KIND[kind] ?? [], ...(deceased && AFTER_DEATH_KINDS.includes(kind) ? ['compelling-interest'] : [])];
  const chosen = facts.filter((f) => offered.includes(f)) as Fact[];
  const seriousHarm = outcome !== 'granted' && chosen.includes('serious-harm-assessed');
  const save = useApiMutation({
    mutationFn: async () => {
      const decided = await dataOf(server.POST('/api/clients/{clientId}/requests/{requestId}/decision', {
        params: { path: { clientId, requestId } },
        body: {
          outcome, reasons,
          ...(chosen.length === 0 ? {} : { facts: chosen }),
          ...(seriousHarm && consulted.trim() !== '' ? { consultedProfessional: consulted.trim() } : {}),
          ...(partlyDestroyed ? { destruction: splitOf(fates) } : {}),
        },
      }));
      // Decided: the reasons are in the decision (and its letter) now, the draft has done its work.
      await autosave.finish().catch(() => undefined);
      return decided;
    },
    invalidates: () => requestChanged(clientId),
  });
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="decide-title" data-testid="decide">
      <h3 id="decide-title">Besluiten</h3>
      <Select label="Besluit" value={outcome} onChange={(v) => setOutcome(v as Outcome)} options={DECISION_OUTCOMES} />
      <TextArea label="Redenen" value={reasons} onChange={setReasons} rows={3} hint="Verplicht bij (gedeeltelijk) weigeren. Schrijf in gewone taal." />
      {offered.length > 0 && (
        <fieldset>
          <legend>{kind === 'correct' ? 'Gaat het om een feitelijke fout?' : 'Op welke feiten rust het besluit?'}</legend>
          {kind === 'correct' && (
            <p className="hint">Alleen feiten die niet kloppen worden verbeterd, zoals een verkeerde geboortedatum of school. Wat de hulpverlener zag en concludeerde, blijft staan.</p>
          )}
          {offered.map((v) => (
            <label key={v} className="checkbox">
              <input type="checkbox" checked={facts.includes(v)} onChange={(e) => setFacts(e.target.checked ? [...facts, v] : facts.filter((f) => f !== v))} /> {label(DECISION_FACTS, v)}
            </label>
          ))}
        </fieldset>
      )}
      {partlyDestroyed && <DestructionChoice clientId={clientId} part={part} fates={fates} onChange={setFates} />}
      {seriousHarm && (
        <TextInput
          label="Met wie heeft u overlegd? (naam en functie)"
          value={consulted}
          onChange={setConsulted}
          required
          hint="Weigert u omdat het de cliënt ernstig zou schaden? Dan overlegt u eerst met een andere deskundige hulpverlener (Jeugdwet 7.3.2 lid 4)."
        />
      )}
      <p className="draft-line" aria-live="polite" data-testid="draft-state">{saveLine(autosave.save)}</p>
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Besluit vastleggen</button>
    </form>
  );
}

/** A partial destruction as decided: how many entries go, and how many stay on which ground. */
export function DestructionSummary({ split }: { split: DestructionSplit }) {
  return (
    <div data-testid="destruction-split">
      <p>Vernietigd worden: {split.grantedEntryIds.length} {split.grantedEntryIds.length === 1 ? 'dossierregel' : 'dossierregels'}.</p>
      {split.refused.map((g) => (
        <p key={g.ground}>Bewaard: {g.entryIds.length} {g.entryIds.length === 1 ? 'dossierregel' : 'dossierregels'}, omdat {label(DECISION_FACTS, g.ground).toLowerCase()}.</p>
      ))}
    </div>
  );
}
