/**
 * Custody and representation (003 §2.3.5: who holds custody is established with care and kept up to date): the
 * client's relations with the kind of custody, how it came about and how it was established; adding a relation
 * (custody never ticked by default) and ending one, the history kept. Shown to whom the engine allows the act
 * (the holder, or administrative staff acting for the holder); everyone else reads why before filling anything in.
 */
import { useState } from 'react';
import { api } from '../../shared/api';
import { ProblemBox, Select, TextInput, useSubmit, Wide } from '../../shared/components';
import { CUSTODY_BASES, CUSTODY_KINDS, RELATIONS, REPRESENTATIVE_RELATIONS, formatDate, label, today } from '../../shared/labels';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';
import { ActingForSelect, NOBODY, type ActingForChoice } from './ActingFor';
import type { CareTeamMember } from './care-team';
import { Toggle } from './Toggle';

type Relation = ClientDetail['relations'][number];

export function RelationsCard({ client: c, me, team, onChanged }: {
  client: ClientDetail; me: Me; team: readonly CareTeamMember[] | undefined; onChanged: () => void;
}) {
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
                        {r.validTo === null && allowed(mayEnd) && <EndRelation clientId={c.id} relation={r} headers={actingFor.headers} onDone={onChanged} />}
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
              {(close) => (
                <RelationForm
                  clientId={c.id}
                  headers={actingFor.headers}
                  onDone={() => {
                    close();
                    onChanged();
                  }}
                />
              )}
            </Toggle>
          )
        : <NotYours title="Relaties en gezag vastleggen of beëindigen" decision={mayRegister} />}
    </section>
  );
}

/** Ending a relation (custody changed, a guardianship ended): the day it last counted; the relation stays in the history. */
function EndRelation({ clientId, relation, headers, onDone }: { clientId: string; relation: Relation; headers: Record<string, string>; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [validTo, setValidTo] = useState(today());
  const save = useSubmit(() => api('POST', `/api/clients/${clientId}/relations/${relation.id}/end`, { validTo }, headers), () => {
    setOpen(false);
    onDone();
  });
  const who = `${relation.givenNames} ${relation.familyName}`;
  if (!open) return <> <button type="button" className="link-button" onClick={() => setOpen(true)} aria-label={`Relatie met ${who} beëindigen`}>beëindigen</button></>;
  return (
    <form className="subform" onSubmit={(e) => void save.submit(e)} aria-label={`Relatie met ${who} beëindigen`}>
      <TextInput label={`Laatste dag dat de relatie met ${who} geldt`} type="date" value={validTo} onChange={setValidTo} required />
      <p className="hint">{relation.hasCustody ? 'Daarna telt deze persoon niet meer als gezagdrager. ' : ''}De relatie blijft zichtbaar in de geschiedenis.</p>
      <ProblemBox problem={save.problem} />
      <div className="actions">
        <button type="submit" disabled={save.busy}>Relatie beëindigen</button>
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
  const save = useSubmit(() => api('POST', `/api/clients/${clientId}/relations`, {
    relation, givenNames, familyName, hasCustody: custody, establishedHow, validFrom,
    ...(custody ? { custodyKind: kind, custodyEstablishedBy: custodyBasis } : {}),
  }, headers), onDone);
  return (
    <form onSubmit={(e) => void save.submit(e)}>
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
      <ProblemBox problem={save.problem} />
      <button type="submit" disabled={save.busy}>Relatie opslaan</button>
    </form>
  );
}
