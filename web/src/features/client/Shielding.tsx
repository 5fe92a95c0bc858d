/**
 * Shielding in the timeline (003 §3.1; Jeugdwet 7.3.10): a professional shields
 * a passage of an entry's text (selected in the text itself), the whole entry,
 * its title, its source description or an annotation — and, for the dossier,
 * the client's address, phone and e-mail — from named relations, with a
 * reason; sees on each entry from whom what is shielded; lifts a shielding
 * with a reason. The server's rules decide who may: the controls are shown to
 * the roles that write in the dossier when the engine allows the act (shield:
 * the care team; lift: the holder), and a refusal shows the engine's
 * explanation and articles.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../shared/api';
import { dataOf, server, type BodyOf, type ResponseOf } from '../../shared/api-client';
import type { ClientDetail } from '../../shared/client-detail';
import { ProblemBox, TextArea } from '../../shared/components';
import { RELATIONS, formatDate, label } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { useClientDetail } from './client-queries';

export type Shielding = ResponseOf<'/api/clients/{clientId}/shieldings'>['shieldings'][number];
type ShieldBody = BodyOf<'/api/clients/{clientId}/entries/{entryId}/shieldings'>;
type Relation = ClientDetail['relations'][number];
/** What the shielding controls need to know about an entry. */
export interface ShieldableEntry {
  id: string; kindLabel: string; title: string | null; text: string; source: { description: string | null };
  annotations: { id: string; reason: string }[];
}

interface ShieldingData {
  clientId: string;
  shieldings: Shielding[];
  relations: Relation[];
  /** Whether the controls to shield are shown: a role that writes in the dossier, and the engine's shield act allows it. */
  mayShield: boolean;
  /** Whether "Afscherming opheffen" is shown: a role that writes in the dossier, and the engine's lift-shielding act allows it. */
  mayLift: boolean;
}

const ShieldingContext = createContext<ShieldingData | undefined>(undefined);

/** Roles whose engine actor may record in the dossier (src/rules/decide-record.ts); anyone else never gets the controls. */
const WRITING_ROLES = new Set(['care-professional', 'intern']);

/**
 * Loads the client's shieldings, relations and the user's role once for the whole timeline. `mayShield` and `mayLift`
 * are the engine's answers for the caller (web/src/shared/permissions.ts); the controls also stay with the roles
 * that write in the dossier, as before (a manager who may lift reads the shieldings here without controls).
 */
export function ShieldingProvider({ clientId, mayShield, mayLift, children }: { clientId: string; mayShield: boolean; mayLift: boolean; children: ReactNode }) {
  const shieldings = useQuery({
    queryKey: queryKeys.shieldings(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/shieldings', { params: { path: { clientId } } })),
  });
  // The relations from the client record the page already holds, the role from the session (the same cached answers).
  const client = useClientDetail(clientId);
  const me = useQuery({ queryKey: queryKeys.me, queryFn: () => dataOf(server.GET('/api/auth/me')) });
  const writes = me.data !== undefined && WRITING_ROLES.has(me.data.role);
  const value: ShieldingData | undefined = shieldings.data === undefined || client.data === undefined
    ? undefined
    : {
        clientId, shieldings: shieldings.data.shieldings, relations: client.data.relations.filter((r) => r.validTo === null),
        mayShield: writes && mayShield, mayLift: writes && mayLift,
      };
  return (
    <ShieldingContext.Provider value={value}>
      <ProblemBox problem={problemOf(shieldings.error ?? client.error ?? me.error)} title="Afschermingen konden niet worden geladen" />
      {value !== undefined && value.mayShield && <ContactDataShielding data={value} />}
      {children}
    </ShieldingContext.Provider>
  );
}

const TARGET_LABELS: Record<Shielding['target'], string> = {
  'text': 'Passage', 'title': 'Titel', 'source': 'Bron (toelichting)', 'annotation': 'Aantekening', 'contact-data': 'Adres, telefoon en e-mail',
};

function describe(s: Shielding, entry?: ShieldableEntry): string {
  if (s.target === 'text' && s.passage === null) return 'De hele dossierregel';
  if (s.target === 'text' && s.passage !== null && entry !== undefined) return `Passage: “${entry.text.slice(s.passage.start, s.passage.end)}”`;
  return TARGET_LABELS[s.target] ?? 'Afgeschermd deel';
}

function fromWhom(s: Shielding): string {
  return s.kind === 'about-another-person' ? 'informatie over een ander: afgeschermd voor de cliënt en vertegenwoordigers' : `afgeschermd voor ${s.shieldedFromNames.join(', ')}`;
}

/** The shieldings of one entry, how to lift them, and how to add one. */
export function EntryShielding({ entry }: { entry: ShieldableEntry }) {
  const data = useContext(ShieldingContext);
  const [adding, setAdding] = useState(false);
  if (data === undefined) return null;
  const own = data.shieldings.filter((s) => s.entryId === entry.id);
  return (
    <div className="shielding" data-testid="shielding">
      {own.length > 0 && (
        <>
          <h4>Afgeschermd</h4>
          <ul className="plain">
            {own.map((s) => <ShieldingItem key={s.id} shielding={s} entry={entry} data={data} />)}
          </ul>
        </>
      )}
      {data.mayShield && !adding && <button type="button" className="secondary" onClick={() => setAdding(true)}>Afschermen</button>}
      {adding && (
        <ShieldForm
          entry={entry}
          data={data}
          onDone={() => setAdding(false)}
          onCancel={() => setAdding(false)}
        />
      )}
    </div>
  );
}

function ShieldingItem({ shielding: s, entry, data }: { shielding: Shielding; entry?: ShieldableEntry; data: ShieldingData }) {
  const [lifting, setLifting] = useState(false);
  const [reason, setReason] = useState('');
  const lift = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/shieldings/{shieldingId}/lift', { params: { path: { clientId: data.clientId, shieldingId: s.id } }, body: { reason } })),
    invalidates: () => [queryKeys.shieldings(data.clientId)],
    onSuccess: () => setLifting(false),
  });
  return (
    <li data-testid="shielding-item">
      <strong>{describe(s, entry)}</strong> — {fromWhom(s)}. <span className="meta">Reden: {s.reason} ({formatDate(s.recordedAt)})</span>
      {data.mayLift && !lifting && <> <button type="button" className="secondary" onClick={() => setLifting(true)}>Afscherming opheffen</button></>}
      {lifting && (
        <form className="subform" onSubmit={submitWith(() => lift.mutate())}>
          <TextArea label="Waarom heft u deze afscherming op?" value={reason} onChange={setReason} required rows={2} />
          <ProblemBox problem={problemOf(lift.error)} />
          <div className="actions">
            <button type="submit" disabled={lift.isPending}>Opheffen</button>
            <button type="button" className="secondary" onClick={() => setLifting(false)}>Annuleren</button>
          </div>
        </form>
      )}
    </li>
  );
}

type Choice = 'passage' | 'whole' | 'title' | 'source' | `annotation:${string}`;

function PersonsField({ relations, chosen, onChange, legend }: { relations: Relation[]; chosen: string[]; onChange: (ids: string[]) => void; legend: string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {relations.length === 0 && <p className="hint">Er zijn nog geen relaties geregistreerd. Registreer eerst de persoon bij de cliënt.</p>}
      {relations.map((r) => (
        <label key={r.id} className="radio">
          <input
            type="checkbox"
            checked={chosen.includes(r.id)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, r.id] : chosen.filter((id) => id !== r.id))}
          /> {r.givenNames} {r.familyName} ({label(RELATIONS, r.relation)})
        </label>
      ))}
    </fieldset>
  );
}

function ShieldForm({ entry, data, onDone, onCancel }: { entry: ShieldableEntry; data: ShieldingData; onDone: () => void; onCancel: () => void }) {
  const [choice, setChoice] = useState<Choice>('passage');
  const [kind, setKind] = useState<'shielded-from' | 'about-another-person'>('shielded-from');
  const [persons, setPersons] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [selection, setSelection] = useState<{ start: number; end: number }>();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const readSelection = () => {
    const el = textRef.current;
    if (el === null) return;
    setSelection(el.selectionEnd > el.selectionStart ? { start: el.selectionStart, end: el.selectionEnd } : undefined);
  };
  // The native `select` event as well: React's onSelect follows focus and selectionchange, which a programmatic selection may not raise.
  useEffect(() => {
    const el = textRef.current;
    if (el === null) return undefined;
    el.addEventListener('select', readSelection);
    return () => el.removeEventListener('select', readSelection);
  }, [choice]);
  const save = useApiMutation({ mutationFn: () => {
    const target = (choice === 'passage' || choice === 'whole' ? 'text' : choice.startsWith('annotation:') ? 'annotation' : choice) as ShieldBody['target'];
    const el = textRef.current;
    // The selection is read from the text field itself at the moment of saving, so what is sent is what is selected.
    const passage = choice === 'passage' && el !== null && el.selectionEnd > el.selectionStart ? { start: el.selectionStart, end: el.selectionEnd } : undefined;
    if (choice === 'passage' && passage === undefined) {
      return Promise.reject(new ApiError({ status: 400, nl: 'Selecteer eerst in de tekst de passage die u wilt afschermen.' }));
    }
    return dataOf(server.POST('/api/clients/{clientId}/entries/{entryId}/shieldings', {
      params: { path: { clientId: data.clientId, entryId: entry.id } },
      body: {
        kind, target, reason,
        ...(passage === undefined ? {} : { passage }),
        ...(choice.startsWith('annotation:') ? { annotationId: choice.slice('annotation:'.length) } : {}),
        ...(kind === 'shielded-from' ? { shieldedFrom: persons } : {}),
      },
    }));
  }, invalidates: () => [queryKeys.shieldings(data.clientId)], onSuccess: onDone });
  const options: [Choice, string][] = [
    ['passage', 'Een passage uit de tekst'], ['whole', 'De hele dossierregel'],
    ...(entry.title === null ? [] : [['title', `De titel (“${entry.title}”)`] as [Choice, string]]),
    ...(entry.source.description === null ? [] : [['source', `De bron (“${entry.source.description}”)`] as [Choice, string]]),
    ...entry.annotations.map((a, i) => [`annotation:${a.id}`, `Aantekening ${i + 1} (“${a.reason.length > 60 ? `${a.reason.slice(0, 60)}…` : a.reason}”)`] as [Choice, string]),
  ];
  return (
    <form className="subform" onSubmit={submitWith(() => save.mutate())} aria-label={`Afschermen in ${entry.title ?? entry.kindLabel}`}>
      <fieldset>
        <legend>Wat wilt u afschermen?</legend>
        {options.map(([value, text]) => (
          <label key={value} className="radio">
            <input type="radio" name={`shield-what-${entry.id}`} checked={choice === value} onChange={() => setChoice(value)} /> {text}
          </label>
        ))}
      </fieldset>
      {choice === 'passage' && (
        <div className="field">
          <label htmlFor={`shield-text-${entry.id}`}>Selecteer de passage in de tekst</label>
          <p className="hint" id={`shield-text-hint-${entry.id}`}>Selecteer met de muis, of met Shift en de pijltjestoetsen.</p>
          <textarea
            id={`shield-text-${entry.id}`}
            aria-describedby={`shield-text-hint-${entry.id}`}
            ref={textRef}
            readOnly
            rows={4}
            value={entry.text}
            onSelect={readSelection}
            onKeyUp={readSelection}
            onMouseUp={readSelection}
          />
          <p className="hint" aria-live="polite" data-testid="selected-passage">
            {selection === undefined ? 'Nog geen passage geselecteerd.' : `Geselecteerd: “${entry.text.slice(selection.start, selection.end)}”`}
          </p>
        </div>
      )}
      <fieldset>
        <legend>Waarom afschermen?</legend>
        <label className="radio">
          <input type="radio" name={`shield-kind-${entry.id}`} checked={kind === 'shielded-from'} onChange={() => setKind('shielded-from')} /> Afschermen voor bepaalde personen
        </label>
        <label className="radio">
          <input type="radio" name={`shield-kind-${entry.id}`} checked={kind === 'about-another-person'} onChange={() => setKind('about-another-person')} /> Het gaat over iemand anders (alleen zichtbaar met diens toestemming)
        </label>
      </fieldset>
      {kind === 'shielded-from' && <PersonsField relations={data.relations} chosen={persons} onChange={setPersons} legend="Voor wie afschermen?" />}
      <TextArea label="Reden" value={reason} onChange={setReason} required rows={2} hint="Bijvoorbeeld: geheim adres in verband met huiselijk geweld." />
      <ProblemBox problem={problemOf(save.error)} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>Afscherming opslaan</button>
        <button type="button" className="secondary" onClick={onCancel}>Annuleren</button>
      </div>
    </form>
  );
}

/** The client's formal contact data (address, postcode, town, phone, e-mail), shielded from named relations: the secret-address case. */
function ContactDataShielding({ data }: { data: ShieldingData }) {
  const [open, setOpen] = useState(false);
  const [persons, setPersons] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const own = data.shieldings.filter((s) => s.target === 'contact-data');
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/contact-data/shieldings', { params: { path: { clientId: data.clientId } }, body: { shieldedFrom: persons, reason } })),
    invalidates: () => [queryKeys.shieldings(data.clientId)],
    onSuccess: () => {
      setOpen(false);
      setPersons([]);
      setReason('');
    },
  });
  return (
    <section className="card" aria-labelledby="contact-shielding-title" data-testid="contact-shielding">
      <h3 id="contact-shielding-title">Adres en contactgegevens afschermen</h3>
      <p className="hint">Adres, postcode, woonplaats, telefoon en e-mail van de cliënt gaan dan niet mee in een kopie, export of overdracht voor deze personen.</p>
      {own.length > 0 && <ul className="plain">{own.map((s) => <ShieldingItem key={s.id} shielding={s} data={data} />)}</ul>}
      {!open && <button type="button" className="secondary" onClick={() => setOpen(true)}>Contactgegevens afschermen</button>}
      {open && (
        <form className="subform" onSubmit={submitWith(() => save.mutate())} aria-label="Contactgegevens afschermen">
          <PersonsField relations={data.relations} chosen={persons} onChange={setPersons} legend="Voor wie afschermen?" />
          <TextArea label="Reden" value={reason} onChange={setReason} required rows={2} />
          <ProblemBox problem={problemOf(save.error)} />
          <div className="actions">
            <button type="submit" disabled={save.isPending}>Afscherming opslaan</button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>Annuleren</button>
          </div>
        </form>
      )}
    </section>
  );
}
