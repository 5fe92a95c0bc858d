/**
 * Competence assessments (12+; Jeugdwet 7.3.15, BW 7:465): whether the young person can oversee their interests
 * in a matter, on which facts, with which expert consulted — it decides who exercises the client's rights. Those
 * involved in the care assess; the engine says so before the form. The list is part of the dossier, so only shown
 * to whom the engine lets read it.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf } from '../../shared/api-client';
import { ProblemBox, Select, TextArea, TextInput } from '../../shared/components';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { COMPETENCE_MATTERS, RELATIONS, formatDate, label, today } from '../../shared/labels';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';
import { useRefreshClient } from './client-queries';
import { Toggle } from './Toggle';

type Matter = BodyOf<'/api/clients/{clientId}/competence-assessments'>['matter'];

export function CompetenceCard({ client, me }: { client: ClientDetail; me: Me }) {
  const mayRead = mayDo(me, client, Act.readPart, { part: 'dossier' }).outcome === 'allow';
  const mayAssess = mayDo(me, client, Act.assessCompetence);
  const list = useQuery({
    queryKey: queryKeys.competence(client.id),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/competence-assessments', { params: { path: { clientId: client.id } } })),
    select: (answer) => answer.assessments,
    enabled: mayRead,
  });
  const relationName = (id: string | null) => {
    const r = client.relations.find((x) => x.id === id);
    return r === undefined ? '' : `${r.givenNames} ${r.familyName}`;
  };
  return (
    <section className="card" aria-labelledby="competence-title">
      <h2 id="competence-title">Wilsbekwaamheid</h2>
      <ProblemBox problem={problemOf(list.error)} />
      {list.data !== undefined && (list.data.length === 0
        ? <p>Nog geen beoordeling vastgelegd.</p>
        : (
            <ul className="plain" data-testid="competence-assessments">
              {list.data.map((a) => (
                <li key={a.id}>
                  <strong>{label(COMPETENCE_MATTERS, a.matter)}: {a.competent ? 'kan de eigen belangen overzien' : 'kan de eigen belangen niet overzien'}</strong>
                  {' '}— {formatDate(a.assessedOn)}, door {a.assessedBy}, geraadpleegd: {a.expertConsulted}
                  {a.representativeRelationId !== null && `; vertegenwoordigd door ${relationName(a.representativeRelationId)}`}
                  <br /><span className="muted">{a.facts}</span>
                </li>
              ))}
            </ul>
          ))}
      {mayAssess.outcome === 'allow'
        ? (
            <Toggle open="Beoordeling vastleggen">
              {(close) => <AssessmentForm client={client} onDone={close} />}
            </Toggle>
          )
        : <NotYours title="Wilsbekwaamheid beoordelen" decision={mayAssess} />}
    </section>
  );
}

function AssessmentForm({ client, onDone }: { client: ClientDetail; onDone: () => void }) {
  const [matter, setMatter] = useState<Matter | ''>('');
  // Neither answer is preselected: competence is assessed, not assumed either way.
  const [competent, setCompetent] = useState('');
  const [assessedOn, setAssessedOn] = useState(today());
  const [facts, setFacts] = useState('');
  const [expertConsulted, setExpertConsulted] = useState('');
  const [representative, setRepresentative] = useState('');
  const refresh = useRefreshClient(client.id);
  const relations: [string, string][] = client.relations.filter((r) => r.validTo === null)
    .map((r) => [r.id, `${r.givenNames} ${r.familyName} (${label(RELATIONS, r.relation).toLowerCase()})`]);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/competence-assessments', {
      params: { path: { clientId: client.id } },
      body: {
        matter: matter as Matter, competent: competent === 'yes', assessedOn, facts, expertConsulted,
        ...(competent === 'no' && representative !== '' ? { representativeRelationId: representative } : {}),
      },
    })),
    // The list first; competence decides who exercises the client's rights (whose consent, who represents), so every other card asks again.
    invalidates: () => [queryKeys.competence(client.id), queryKeys.clientDetail(client.id)],
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  return (
    <form onSubmit={submitWith(() => save.mutate())}>
      <Select label="Waarover?" value={matter} onChange={(v) => setMatter(v as Matter)} options={COMPETENCE_MATTERS} allowEmpty="Kies waarover" required />
      <fieldset>
        <legend>Kan de jongere de eigen belangen hierin redelijk overzien?</legend>
        <label className="checkbox"><input type="radio" name="competent" value="yes" checked={competent === 'yes'} onChange={() => setCompetent('yes')} required /> Ja</label>
        <label className="checkbox"><input type="radio" name="competent" value="no" checked={competent === 'no'} onChange={() => setCompetent('no')} /> Nee</label>
      </fieldset>
      <TextInput label="Beoordeeld op" type="date" value={assessedOn} onChange={setAssessedOn} required />
      <TextArea label="Op welke feiten rust de beoordeling?" value={facts} onChange={setFacts} required rows={3} />
      <TextInput label="Wie is geraadpleegd?" value={expertConsulted} onChange={setExpertConsulted} required hint="Bijvoorbeeld: de gedragswetenschapper van het team." />
      {competent === 'no' && (
        <Select label="Wie vertegenwoordigt de jongere hierin?" value={representative} onChange={setRepresentative} options={relations} allowEmpty="Niemand gekozen" />
      )}
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Beoordeling opslaan</button>
    </form>
  );
}
