/**
 * The client's death beyond the first record (issue 16): its history with corrections (a mistaken date, or a death
 * recorded by mistake — the earlier rows stay, marked corrected) and what the client wanted in life about
 * inspection after death, per person or for everyone (Jeugdwet 7.3.12a lid 1(a), lid 4). The API refuses whoever
 * may not record these (the holder or a manager may); the forms show that refusal.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf } from '../../shared/api-client';
import { ProblemBox, Select, TextInput } from '../../shared/components';
import { formatDate, label } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import type { ClientDetail } from '../../shared/client-detail';
import { Act } from '../../../../src/rules/acts.js';
import { NotYours } from '../requests/RequestActions';
import { useMayDo } from './use-may-do';

type Correction = BodyOf<'/api/clients/{clientId}/death/corrections'>;
type WishBody = BodyOf<'/api/clients/{clientId}/wishes-after-death'>;

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
  // Asked again when the death card records the first death (its time is part of the key): before, the history and
  // the correction form stayed hidden until the page was reloaded.
  const recordedAt = client.death?.recordedAt ?? null;
  const clientId = client.id;
  const history = useQuery({
    queryKey: [...queryKeys.death(clientId), recordedAt],
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/death', { params: { path: { clientId } } })),
  });
  const wishes = useQuery({
    queryKey: queryKeys.wishesAfterDeath(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/wishes-after-death', { params: { path: { clientId } } })),
  });
  // The mutations invalidate the death and wishes cards themselves; the client page reloads its own detail.
  const changed = onDone;
  const records = history.data?.records ?? [];
  // The holder or a manager records these (acts.ts), as the gate asks it; an emergency reader, or anyone else, reads the engine's reason
  // instead of a form the server refuses.
  const mayCorrect = useMayDo(client, Act.correctDeath, { part: 'administrative-data' });
  const mayWish = useMayDo(client, Act.recordWishAfterDeath, { part: 'administrative-data' });
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
          {mayCorrect !== undefined && (mayCorrect.outcome === 'allow'
            ? <CorrectionForm clientId={client.id} onDone={changed} />
            : <NotYours title="Overlijden corrigeren" decision={mayCorrect} />)}
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
      {mayWish !== undefined && (mayWish.outcome === 'allow'
        ? <WishForm client={client} onDone={changed} />
        : <NotYours title="Wens vastleggen" decision={mayWish} />)}
    </div>
  );
}

function CorrectionForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [correction, setCorrection] = useState<Correction['correction']>('died-on');
  const [diedOn, setDiedOn] = useState('');
  const [establishedHow, setEstablishedHow] = useState<Correction['establishedHow']>('brp');
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/death/corrections', {
      params: { path: { clientId } }, body: { correction, establishedHow, ...(correction === 'died-on' ? { diedOn } : {}) },
    })),
    invalidates: () => [queryKeys.death(clientId), queryKeys.clientDetail(clientId)],
    onSuccess: onDone,
  });
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-label="Overlijden corrigeren">
      <h4>Overlijden corrigeren</h4>
      <p className="hint">Het eerdere gegeven blijft staan en wordt getoond als gecorrigeerd.</p>
      <Select label="Wat klopt er niet?" value={correction} onChange={(v) => setCorrection(v as Correction['correction'])} options={CORRECTIONS} />
      {correction === 'died-on' && <TextInput label="Juiste datum van overlijden" type="date" value={diedOn} onChange={setDiedOn} required />}
      <Select label="Hoe is dit vastgesteld?" value={establishedHow} onChange={(v) => setEstablishedHow(v as Correction['establishedHow'])} options={ESTABLISHED_HOW} />
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Correctie vastleggen</button>
    </form>
  );
}

function WishForm({ client, onDone }: { client: ClientDetail; onDone: () => void }) {
  const [relationId, setRelationId] = useState('');
  const [wish, setWish] = useState<WishBody['wish']>('consented');
  const [expressedOn, setExpressedOn] = useState('');
  const [expressedHow, setExpressedHow] = useState<WishBody['expressedHow']>('in-writing');
  const people: [string, string][] = [['', 'Iedereen'], ...client.relations.map((r): [string, string] => [r.id, `${r.givenNames} ${r.familyName}`])];
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/wishes-after-death', {
      params: { path: { clientId: client.id } }, body: { wish, expressedOn, expressedHow, ...(relationId === '' ? {} : { relationId }) },
    })),
    invalidates: () => [queryKeys.wishesAfterDeath(client.id)],
    onSuccess: onDone,
  });
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-label="Wens over inzage na overlijden vastleggen">
      <h4>Wens vastleggen</h4>
      <p className="hint">Alleen wat de cliënt vanaf 12 jaar schriftelijk of elektronisch vastlegde. Een latere wens over dezelfde persoon vervangt de eerdere.</p>
      <Select label="Over wie?" value={relationId} onChange={setRelationId} options={people} />
      <Select label="Wat wilde de cliënt?" value={wish} onChange={(v) => setWish(v as WishBody['wish'])} options={WISHES} />
      <TextInput label="Datum waarop de cliënt dit vastlegde" type="date" value={expressedOn} onChange={setExpressedOn} required />
      <Select label="Hoe?" value={expressedHow} onChange={(v) => setExpressedHow(v as WishBody['expressedHow'])} options={EXPRESSED_HOW} />
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Wens vastleggen</button>
    </form>
  );
}
