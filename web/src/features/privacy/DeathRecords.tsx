/**
 * The client's death beyond the first record (issue 16): its history with corrections (a mistaken date, or a death
 * recorded by mistake — the earlier rows stay, marked corrected) and what the client wanted in life about
 * inspection after death, per person or for everyone (Jeugdwet 7.3.12a lid 1(a), lid 4). The API refuses whoever
 * may not record these (the holder or a manager may); the forms show that refusal.
 */
import { useState } from 'react';
import { get, post } from '../../shared/api';
import { ProblemBox, Select, TextInput, useLoad, useSubmit } from '../../shared/components';
import { formatDate, label } from '../../shared/labels';
import type { ClientDetail } from '../../shared/client-detail';

interface DeathRecord { kind: string; diedOn: string | null; establishedHow: string | null; recordedBy: string; recordedAt: string; corrected: boolean }
interface DeathHistory { current: { diedOn: string } | null; records: DeathRecord[] }
interface Wish {
  id: string; relationId: string | null; relationName: string | null; wish: string; expressedOn: string; expressedHow: string; recordedBy: string; replaced: boolean;
}

const RECORD_KINDS: Record<string, string> = {
  'recorded': 'Overlijden vastgelegd',
  'died-on': 'Correctie: andere datum van overlijden',
  'not-deceased': 'Correctie: niet overleden (per vergissing vastgelegd)',
};
const CORRECTIONS: Record<string, string> = { 'died-on': 'De datum klopt niet', 'not-deceased': 'De cliënt is niet overleden' };
const ESTABLISHED_HOW: Record<string, string> = {
  'brp': 'Basisregistratie Personen (BRP)', 'death-certificate': 'Akte van overlijden', 'family': 'Bericht van de familie', 'other-document': 'Ander document',
};
const WISHES: Record<string, string> = {
  consented: 'Toestemming voor inzage na het overlijden',
  objected: 'Geen inzage na het overlijden (bezwaar)',
  withdrawn: 'Eerdere wens ingetrokken',
};
const EXPRESSED_HOW: Record<string, string> = { 'in-writing': 'Schriftelijk', 'electronic': 'Elektronisch' };

export function DeathRecords({ client, onDone }: { client: ClientDetail; onDone: () => void }) {
  // Loaded again when the death card records the first death: before, the history and the correction form
  // stayed hidden until the page was reloaded.
  const recordedAt = client.death?.recordedAt ?? null;
  const history = useLoad(() => get<DeathHistory>(`/api/clients/${client.id}/death`), [client.id, recordedAt]);
  const wishes = useLoad(() => get<{ wishes: Wish[] }>(`/api/clients/${client.id}/wishes-after-death`), [client.id]);
  const changed = () => {
    history.reload();
    wishes.reload();
    onDone();
  };
  const records = history.data?.records ?? [];
  return (
    <div data-testid="death-records">
      {records.length > 0 && (
        <>
          <h3>Geschiedenis van het overlijden</h3>
          <ul>
            {records.map((r, i) => (
              <li key={i}>
                {RECORD_KINDS[r.kind] ?? r.kind}{r.diedOn === null ? '' : `: ${formatDate(r.diedOn)}`}
                {r.establishedHow === null ? '' : ` (${label(ESTABLISHED_HOW, r.establishedHow).toLowerCase()})`}
                {' '}— {r.recordedBy}, {formatDate(r.recordedAt)}{r.corrected ? ' — gecorrigeerd' : ''}
              </li>
            ))}
          </ul>
          <CorrectionForm clientId={client.id} onDone={changed} />
        </>
      )}
      <h3>Wat wilde de cliënt bij leven over inzage na het overlijden?</h3>
      {wishes.data !== undefined && wishes.data.wishes.length === 0 && <p>Er is per persoon nog niets vastgelegd.</p>}
      {wishes.data !== undefined && wishes.data.wishes.length > 0 && (
        <ul>
          {wishes.data.wishes.map((w) => (
            <li key={w.id}>
              {w.relationName ?? 'Iedereen'}: {label(WISHES, w.wish).toLowerCase()} ({label(EXPRESSED_HOW, w.expressedHow).toLowerCase()}, {formatDate(w.expressedOn)})
              {w.replaced ? ' — vervangen door een latere wens' : ''}
            </li>
          ))}
        </ul>
      )}
      <WishForm client={client} onDone={changed} />
    </div>
  );
}

function CorrectionForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [correction, setCorrection] = useState('died-on');
  const [diedOn, setDiedOn] = useState('');
  const [establishedHow, setEstablishedHow] = useState('brp');
  const save = useSubmit(() => post(`/api/clients/${clientId}/death/corrections`, {
    correction, establishedHow, ...(correction === 'died-on' ? { diedOn } : {}),
  }), onDone);
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} aria-label="Overlijden corrigeren">
      <h4>Overlijden corrigeren</h4>
      <p className="hint">Het eerdere gegeven blijft staan en wordt getoond als gecorrigeerd.</p>
      <Select label="Wat klopt er niet?" value={correction} onChange={setCorrection} options={CORRECTIONS} />
      {correction === 'died-on' && <TextInput label="Juiste datum van overlijden" type="date" value={diedOn} onChange={setDiedOn} required />}
      <Select label="Hoe is dit vastgesteld?" value={establishedHow} onChange={setEstablishedHow} options={ESTABLISHED_HOW} />
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Correctie vastleggen</button>
    </form>
  );
}

function WishForm({ client, onDone }: { client: ClientDetail; onDone: () => void }) {
  const [relationId, setRelationId] = useState('');
  const [wish, setWish] = useState('consented');
  const [expressedOn, setExpressedOn] = useState('');
  const [expressedHow, setExpressedHow] = useState('in-writing');
  const people: [string, string][] = [['', 'Iedereen'], ...client.relations.map((r): [string, string] => [r.id, `${r.givenNames} ${r.familyName}`])];
  const save = useSubmit(() => post(`/api/clients/${client.id}/wishes-after-death`, {
    wish, expressedOn, expressedHow, ...(relationId === '' ? {} : { relationId }),
  }), onDone);
  return (
    <form className="card" onSubmit={(e) => void save.submit(e)} aria-label="Wens over inzage na overlijden vastleggen">
      <h4>Wens vastleggen</h4>
      <p className="hint">Alleen wat de cliënt vanaf 12 jaar schriftelijk of elektronisch vastlegde. Een latere wens over dezelfde persoon vervangt de eerdere.</p>
      <Select label="Over wie?" value={relationId} onChange={setRelationId} options={people} />
      <Select label="Wat wilde de cliënt?" value={wish} onChange={setWish} options={WISHES} />
      <TextInput label="Datum waarop de cliënt dit vastlegde" type="date" value={expressedOn} onChange={setExpressedOn} required />
      <Select label="Hoe?" value={expressedHow} onChange={setExpressedHow} options={EXPRESSED_HOW} />
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Wens vastleggen</button>
    </form>
  );
}
