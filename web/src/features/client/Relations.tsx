/**
 * Custody and representation (003 §2.3.5: who holds custody is established with care and kept up to date): the
 * client's relations with the kind of custody, how it came about and how it was established; adding a relation
 * (custody never ticked by default) and ending one, the history kept. Shown to whom the engine allows the act
 * (the holder, or administrative staff acting for the holder); everyone else reads why before filling anything in.
 */
import { useState } from 'react';
import { dataOf, server, type BodyOf } from '../../shared/api-client';
import { ProblemBox, Select, TextInput, Wide } from '../../shared/components';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { CUSTODY_BASES, CUSTODY_KINDS, RELATIONS, REPRESENTATIVE_RELATIONS, formatDate, label, today } from '../../shared/labels';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';
import { ActingForSelect, NOBODY, type ActingForChoice } from './ActingFor';
import type { CareTeamMember } from './care-team';
import { useRefreshClient } from './client-queries';
import { Toggle } from './Toggle';

type Relation = ClientDetail['relations'][number];
type RelationBody = BodyOf<'/api/clients/{clientId}/relations'>;

/**
 * The record (with its relations) is loaded again first; who holds custody or represents the client also decides whose
 * consent counts, who may ask what, who may be invited, so every other card asks again in the background.
 */
const relationsChanged = (clientId: string) => [queryKeys.clientDetail(clientId)];

export function RelationsCard({ client: c, me, team }: { client: ClientDetail; me: Me; team: readonly CareTeamMember[] | undefined }) {
  const [actingFor, setActingFor] = useState<ActingForChoice>(NOBODY);
  const mayRegister = mayDo(me, c, Act.registerRelation, { actingFor: actingFor.actingFor });
  const mayEnd = mayDo(me, c, Act.endRelation, { actingFor: actingFor.actingFor });
  const allowed = (d: { outcome: string }) => d.outcome === 'allow';
  return (
    <section className="card" aria-labelledby="custody-title">
      <h2 id="custody-title">Gezag en vertegenwoordiging</h2>
      {c.relations.length === 0
        ? <p>Geen relaties vastgelegd.</p>
        : (
            <Wide label="Relaties (tabel)">
              <table className="list" data-testid="relations">
                <thead>
                  <tr><th scope="col">Naam</th><th scope="col">Relatie</th><th scope="col">Gezag</th><th scope="col">Hoe ontstaan en vastgesteld</th><th scope="col">Geldig</th></tr>
                </thead>
                <tbody>
                  {c.relations.map((r) => (
                    <tr key={r.id}>
                      <td>
                        {r.givenNames} {r.familyName}
                        {c.representatives?.relationIds.includes(r.id) === true && <span className="muted"> (vertegenwoordigt de cliënt nu)</span>}
                      </td>
                      <td>{label(RELATIONS, r.relation)}</td>
                      <td>{r.hasCustody ? `Ja — ${label(CUSTODY_KINDS, r.custodyKind)}` : 'Nee'}</td>
                      <td>
                        {r.hasCustody && <>{r.custodyEstablishedBy === null || r.custodyEstablishedBy === undefined ? 'Niet vastgelegd hoe het gezag is ontstaan' : label(CUSTODY_BASES, r.custodyEstablishedBy)}. </>}
                        {r.establishedHow}
                      </td>
                      <td>
                        {formatDate(r.validFrom)}{r.validTo === null ? '' : ` t/m ${formatDate(r.validTo)}`}
                        {r.validTo === null && allowed(mayEnd) && <EndRelation clientId={c.id} relation={r} headers={actingFor.headers} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Wide>
          )}
      <ActingForSelect me={me} team={team} value={actingFor} onChange={setActingFor} />
      {allowed(mayRegister)
        ? (
            <Toggle open="Ouder, voogd, vertegenwoordiger of andere relatie toevoegen">
              {(close) => <RelationForm clientId={c.id} headers={actingFor.headers} onDone={close} />}
            </Toggle>
          )
        : <NotYours title="Relaties en gezag vastleggen of beëindigen" decision={mayRegister} />}
    </section>
  );
}

/** Ending a relation (custody changed, a guardianship ended): the day it last counted; the relation stays in the history. */
function EndRelation({ clientId, relation, headers }: { clientId: string; relation: Relation; headers: Record<string, string> }) {
  const [open, setOpen] = useState(false);
  const [validTo, setValidTo] = useState(today());
  const refresh = useRefreshClient(clientId);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/relations/{relationId}/end', {
      params: { path: { clientId, relationId: relation.id } }, body: { validTo }, headers,
    })),
    invalidates: () => relationsChanged(clientId),
    onSuccess: () => {
      refresh();
      setOpen(false);
    },
  });
  const who = `${relation.givenNames} ${relation.familyName}`;
  if (!open) return <> <button type="button" className="link-button" onClick={() => setOpen(true)} aria-label={`Relatie met ${who} beëindigen`}>beëindigen</button></>;
  return (
    <form className="subform" onSubmit={submitWith(() => save.mutate())} aria-label={`Relatie met ${who} beëindigen`}>
      <TextInput label={`Laatste dag dat de relatie met ${who} geldt`} type="date" value={validTo} onChange={setValidTo} required />
      <p className="hint">{relation.hasCustody ? 'Daarna telt deze persoon niet meer als gezagdrager. ' : ''}De relatie blijft zichtbaar in de geschiedenis.</p>
      <ProblemBox problem={problemOf(save.error)} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>Relatie beëindigen</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>Annuleren</button>
      </div>
    </form>
  );
}

function RelationForm({ clientId, headers, onDone }: { clientId: string; headers: Record<string, string>; onDone: () => void }) {
  const [relation, setRelation] = useState('parent');
  const [givenNames, setGivenNames] = useState('');
  const [familyName, setFamilyName] = useState('');
  // Custody is never ticked by default: it is a fact to establish, not to assume (003 §2.3.5).
  const [hasCustody, setHasCustody] = useState(false);
  // Neither the kind of custody nor how it came about is preselected: both are facts to check, not defaults.
  const [custodyKind, setCustodyKind] = useState('');
  const [custodyBasis, setCustodyBasis] = useState('');
  const [jointWithParent, setJointWithParent] = useState(false);
  const [establishedHow, setEstablishedHow] = useState('');
  const [validFrom, setValidFrom] = useState(today());
  const representative = REPRESENTATIVE_RELATIONS.includes(relation);
  const nonParent = relation === 'foster-parent' || relation === 'other';
  const custody = !representative && relation !== 'confidential-advisor' && relation !== 'family-guardian' && (nonParent ? jointWithParent || hasCustody : hasCustody);
  const kind = nonParent && jointWithParent ? 'joint-with-non-parent' : custodyKind;
  const refresh = useRefreshClient(clientId);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/relations', {
      params: { path: { clientId } },
      body: {
        relation: relation as RelationBody['relation'], givenNames, familyName, hasCustody: custody, establishedHow, validFrom,
        ...(custody ? { custodyKind: kind as NonNullable<RelationBody['custodyKind']>, custodyEstablishedBy: custodyBasis as NonNullable<RelationBody['custodyEstablishedBy']> } : {}),
      },
      headers,
    })),
    invalidates: () => relationsChanged(clientId),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  return (
    <form onSubmit={submitWith(() => save.mutate())}>
      <Select label="Relatie" value={relation} onChange={setRelation} options={RELATIONS} />
      <TextInput label="Voornamen" value={givenNames} onChange={setGivenNames} required />
      <TextInput label="Achternaam" value={familyName} onChange={setFamilyName} required />
      {representative && (
        <p className="muted">
          Een curator, mentor, schriftelijk gemachtigde, partner, kind, broer of zus heeft geen gezag. Is de cliënt volwassen en kan hij zijn
          belangen niet goed overzien? Dan bepaalt de wet wie hem vertegenwoordigt: eerst een curator of mentor, dan de schriftelijk gemachtigde,
          dan de partner, dan een ouder, kind, broer of zus.
        </p>
      )}
      {nonParent && (
        <label className="checkbox">
          <input type="checkbox" checked={jointWithParent} onChange={(e) => setJointWithParent(e.target.checked)} />
          {' '}Heeft samen met een ouder het gezag (gezamenlijk gezag van een ouder en een niet-ouder, BW 1:253t)
        </label>
      )}
      {!representative && relation !== 'confidential-advisor' && relation !== 'family-guardian' && !(nonParent && jointWithParent) && (
        <label className="checkbox"><input type="checkbox" checked={hasCustody} onChange={(e) => setHasCustody(e.target.checked)} /> Heeft gezag</label>
      )}
      {custody && !(nonParent && jointWithParent) && (
        <Select label="Soort gezag" value={custodyKind} onChange={setCustodyKind} options={CUSTODY_KINDS} allowEmpty="Kies de soort gezag" required />
      )}
      {custody && (
        <Select
          label="Hoe is het gezag ontstaan?"
          value={custodyBasis}
          onChange={setCustodyBasis}
          options={CUSTODY_BASES}
          allowEmpty="Kies hoe het gezag is ontstaan"
          required
          hint="Kijk in het gezagsregister of in de beslissing van de rechter. Vul niets in wat u niet hebt gezien."
        />
      )}
      <TextInput
        label={custody ? 'Hoe is het gezag vastgesteld?' : 'Hoe is dit vastgesteld?'}
        value={establishedHow}
        onChange={setEstablishedHow}
        required
        hint={representative
          ? 'Bijvoorbeeld: beschikking van de kantonrechter gezien op 1 maart, of schriftelijke machtiging ontvangen.'
          : 'Bijvoorbeeld: gezagsregister geraadpleegd op 1 maart, of beschikking van de rechtbank gezien.'}
      />
      <TextInput label={representative ? 'Vertegenwoordigt vanaf (begin van de benoeming of machtiging)' : 'Geldig vanaf'} type="date" value={validFrom} onChange={setValidFrom} required />
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Relatie opslaan</button>
    </form>
  );
}
