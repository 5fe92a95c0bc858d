/**
 * The client's objection to interns (000; Jeugdwet 7.3.11): recorded at once by anyone in the care team (interns
 * included) or a manager, and from then on interns cannot open the dossier; withdrawn only by the holder or a
 * manager. The engine decides both before anything is shown.
 */
import { get, post } from '../../shared/api';
import { ProblemBox, useLoad, useSubmit } from '../../shared/components';
import { formatDate } from '../../shared/labels';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';

interface AccessFact { id: string; fact: string; recordedBy: string; recordedAt: string }

export function InternObjectionCard({ client, me }: { client: ClientDetail; me: Me }) {
  const facts = useLoad(() => get<{ facts: AccessFact[] }>(`/api/clients/${client.id}/access-facts`).then((f) => f.facts), [client.id]);
  const objection = facts.data?.find((f) => f.fact === 'client-objects-to-interns');
  const mayRecord = mayDo(me, client, Act.recordObjection);
  const mayWithdraw = mayDo(me, client, Act.withdrawObjection);
  const record = useSubmit(() => post(`/api/clients/${client.id}/access-facts`, { fact: 'client-objects-to-interns' }), facts.reload);
  const withdraw = useSubmit(() => post(`/api/clients/${client.id}/access-facts/${objection!.id}/withdraw`), facts.reload);
  return (
    <section className="card" aria-labelledby="interns-title">
      <h2 id="interns-title">Bezwaar tegen stagiairs</h2>
      <ProblemBox problem={facts.problem} />
      {facts.data !== undefined && (objection === undefined
        ? <p data-testid="intern-objection">De cliënt heeft geen bezwaar gemaakt tegen stagiairs.</p>
        : <p data-testid="intern-objection"><strong>De cliënt wil niet dat stagiairs het dossier lezen.</strong> Vastgelegd door {objection.recordedBy}, {formatDate(objection.recordedAt)}.</p>)}
      {facts.data !== undefined && objection === undefined && (mayRecord.outcome === 'allow'
        ? (
            <form onSubmit={(e) => void record.submit(e)}>
              <p className="hint">Maakt de cliënt bezwaar? Leg het meteen vast. Vanaf dat moment kunnen stagiairs het dossier niet meer openen.</p>
              <ProblemBox problem={record.problem} />
              <button type="submit" disabled={record.busy}>Bezwaar tegen stagiairs vastleggen</button>
            </form>
          )
        : <NotYours title="Bezwaar tegen stagiairs vastleggen" decision={mayRecord} />)}
      {objection !== undefined && (mayWithdraw.outcome === 'allow'
        ? (
            <form onSubmit={(e) => void withdraw.submit(e)}>
              <p className="hint">Alleen als de cliënt het bezwaar zelf intrekt. Daarna kunnen stagiairs in het team het dossier weer lezen.</p>
              <ProblemBox problem={withdraw.problem} />
              <button type="submit" className="secondary" disabled={withdraw.busy}>Bezwaar intrekken</button>
            </form>
          )
        : <NotYours title="Het bezwaar intrekken" decision={mayWithdraw} />)}
    </section>
  );
}
