/**
 * The client's death (Jeugdwet 7.3.12a): shown when recorded; the holder or a manager records it (the engine's
 * record-death). And the holder's good-care extension of the retention (Jeugdwet 7.3.8).
 */
import { useState } from 'react';
import { dataOf, server, type BodyOf } from '../../shared/api-client';
import { ProblemBox, Select, TextArea, TextInput } from '../../shared/components';
import { WISHES_IN_LIFE, formatDate, label } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { useRefreshClient } from './client-queries';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { DeathRecords } from '../privacy/DeathRecords';
import { Toggle } from './Toggle';

type WishInLife = NonNullable<BodyOf<'/api/clients/{clientId}/death'>['wishInLife']>;

/** `onDone`: what the privacy desk's death records (DeathRecords) need after a change of theirs. */
export function DeathCard({ client: c, me, onDone }: { client: ClientDetail; me: Me; onDone: () => void }) {
  const death = c.death ?? null;
  if (death === null && mayDo(me, c, Act.recordDeath).outcome !== 'allow') return null;
  return (
    <section className="card" aria-labelledby="death-title">
      <h2 id="death-title">Overlijden</h2>
      {death !== null
        ? (
            <dl className="facts">
              <dt>Overleden op</dt><dd>{formatDate(death.diedOn)}</dd>
              <dt>Wens bij leven</dt><dd>{label(WISHES_IN_LIFE, death.wishInLife)}</dd>
              <dt>Vastgelegd door</dt><dd>{death.recordedBy}, {formatDate(death.recordedAt)}</dd>
            </dl>
          )
        : (
            <Toggle open="Overlijden vastleggen">
              {(close) => <DeathForm clientId={c.id} onDone={close} />}
            </Toggle>
          )}
      <DeathRecords client={c} onDone={onDone} />
      <p className="muted">
        Na het overlijden blijft het beroepsgeheim gelden. Nabestaanden en anderen krijgen alleen inzage of een kopie als de cliënt daar bij leven
        toestemming voor gaf, als zij een zwaarwegend belang hebben, of als zij het gezag hadden over een kind dat jonger dan 16 jaar overleed.
      </p>
    </section>
  );
}

function DeathForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const [diedOn, setDiedOn] = useState('');
  const [wishInLife, setWishInLife] = useState<WishInLife>('none');
  const refresh = useRefreshClient(clientId);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/death', { params: { path: { clientId } }, body: { diedOn, wishInLife } })),
    // The record (with the death) first; after a death other rules decide who may inspect what, so every other card asks again.
    invalidates: () => [queryKeys.clientDetail(clientId)],
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  return (
    <form onSubmit={submitWith(() => save.mutate())}>
      <TextInput label="Datum van overlijden" type="date" value={diedOn} onChange={setDiedOn} required />
      <Select label="Wat legde de cliënt bij leven vast over inzage na overlijden?" value={wishInLife} onChange={(v) => setWishInLife(v as WishInLife)} options={WISHES_IN_LIFE} />
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Overlijden vastleggen</button>
    </form>
  );
}

/**
 * The dossier holder's good-care extension (Jeugdwet 7.3.8: "of zoveel langer als redelijkerwijs uit de zorg van een goed
 * jeugdhulpverlener voortvloeit"): keep the dossier until a date, with the reason. Distinct from a procedure hold.
 */
export function GoodCareCard({ clientId }: { clientId: string }) {
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const save = useApiMutation({
    mutationFn: () => dataOf(server.PUT('/api/clients/{clientId}/retention/good-care', { params: { path: { clientId } }, body: { until, reason } })),
    // The retention notice on the overview comes with the client record.
    invalidates: () => [queryKeys.clientDetail(clientId)],
  });
  return (
    <section className="card" aria-labelledby="good-care-title">
      <h2 id="good-care-title">Langer bewaren voor goede zorg</h2>
      <p className="muted">
        Vraagt goede zorg dat het dossier langer bewaard blijft dan de gewone termijn, bijvoorbeeld bij seksueel misbruik?
        Leg dan vast tot wanneer, en waarom. Dit is iets anders dan bewaren voor een procedure.
      </p>
      <form onSubmit={submitWith(() => save.mutate())}>
        <TextInput label="Bewaren tot" type="date" value={until} onChange={setUntil} required />
        <TextArea label="Waarom goede zorg dit vraagt" hint="Minstens 10 tekens." value={reason} onChange={setReason} required />
        <ProblemBox problem={problemOf(save.error)} />
        {save.isSuccess && <p role="status">Vastgelegd. De bewaartermijn hierboven is bijgewerkt.</p>}
        <button type="submit" disabled={save.isPending}>Langer bewaren vastleggen</button>
      </form>
    </section>
  );
}
