/**
 * The client's objection to interns (000; Jeugdwet 7.3.11): recorded at once by anyone in the care team (interns
 * included) or a manager, and from then on interns cannot open the dossier; withdrawn only by the holder or a
 * manager. The engine decides both before anything is shown.
 */
import { useQuery } from '@tanstack/react-query';
import { dataOf, server } from '../../shared/api-client';
import { ProblemBox } from '../../shared/components';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { formatDate } from '../../shared/labels';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';

export function InternObjectionCard({ client, me }: { client: ClientDetail; me: Me }) {
  const clientId = client.id;
  const facts = useQuery({
    queryKey: queryKeys.accessFacts(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/access-facts', { params: { path: { clientId } } })),
    select: (answer) => answer.facts,
  });
  const objection = facts.data?.find((f) => f.fact === 'client-objects-to-interns');
  const mayRecord = mayDo(me, client, Act.recordObjection);
  const mayWithdraw = mayDo(me, client, Act.withdrawObjection);
  // The objection decides who opens the dossier: the facts here, and the caseloads (an intern's).
  const changed = () => [queryKeys.accessFacts(clientId), queryKeys.clients];
  const record = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/access-facts', { params: { path: { clientId } }, body: { fact: 'client-objects-to-interns' } })),
    invalidates: changed,
  });
  const withdraw = useApiMutation({
    mutationFn: (factId: string) => dataOf(server.POST('/api/clients/{clientId}/access-facts/{factId}/withdraw', { params: { path: { clientId, factId } } })),
    invalidates: changed,
  });
  return (
    <section className="card" aria-labelledby="interns-title">
      <h2 id="interns-title">Bezwaar tegen stagiairs</h2>
      <ProblemBox problem={problemOf(facts.error)} />
      {facts.data !== undefined && (objection === undefined
        ? <p data-testid="intern-objection">De cliënt heeft geen bezwaar gemaakt tegen stagiairs.</p>
        : <p data-testid="intern-objection"><strong>De cliënt wil niet dat stagiairs het dossier lezen.</strong> Vastgelegd door {objection.recordedBy}, {formatDate(objection.recordedAt)}.</p>)}
      {facts.data !== undefined && objection === undefined && (mayRecord.outcome === 'allow'
        ? (
            <form onSubmit={submitWith(() => record.mutate())}>
              <p className="hint">Maakt de cliënt bezwaar? Leg het meteen vast. Vanaf dat moment kunnen stagiairs het dossier niet meer openen.</p>
              <ProblemBox problem={problemOf(record.error)} />
              <button type="submit" disabled={record.isPending}>Bezwaar tegen stagiairs vastleggen</button>
            </form>
          )
        : <NotYours title="Bezwaar tegen stagiairs vastleggen" decision={mayRecord} />)}
      {objection !== undefined && (mayWithdraw.outcome === 'allow'
        ? (
            <form onSubmit={submitWith(() => withdraw.mutate(objection.id))}>
              <p className="hint">Alleen als de cliënt het bezwaar zelf intrekt. Daarna kunnen stagiairs in het team het dossier weer lezen.</p>
              <ProblemBox problem={problemOf(withdraw.error)} />
              <button type="submit" className="secondary" disabled={withdraw.isPending}>Bezwaar intrekken</button>
            </form>
          )
        : <NotYours title="Het bezwaar intrekken" decision={mayWithdraw} />)}
    </section>
  );
}
