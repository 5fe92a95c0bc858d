/**
 * The review queue of emergency accesses: the privacy officer reviews everyone's, a manager the privacy officer's own
 * (issue 14: nobody reviews their own emergency access). Only the privacy officer has the access-log page to link to.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type ResponseOf } from '../../shared/api-client';
import { ConfirmButton, Link, Loading, ProblemBox, TextArea } from '../../shared/components';
import { ROLES, formatDate, label } from '../../shared/labels';
import { problemOf, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';

type EmergencyAccess = ResponseOf<'/api/privacy/emergency-reviews'>['accesses'][number];
type Review = ResponseOf<'/api/privacy/emergency-reviews/{id}', 'post'>;
const REVIEWS = queryKeys.privacy('emergency-reviews');

export function ReviewQueue({ reviewer }: { reviewer: 'privacy-officer' | 'manager' }) {
  const [openOnly, setOpenOnly] = useState(true);
  const list = useQuery({
    queryKey: [...REVIEWS, { open: openOnly }],
    queryFn: () => dataOf(server.GET('/api/privacy/emergency-reviews', { params: { query: { open: openOnly } } })),
  });
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">Noodtoegang beoordelen</h2>
      <p>
        {reviewer === 'manager'
          ? 'De functionaris gegevensbescherming heeft een dossier geopend met noodtoegang. Zij kan dat niet zelf beoordelen; dat doet u. '
          : 'Iemand zonder behandelrelatie heeft een dossier geopend met noodtoegang. Beoordeel of dat terecht was. '}
        Was het niet terecht? Dan is het mogelijk een datalek.
      </p>
      <label className="checkbox"><input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} /> Alleen nog niet beoordeelde tonen</label>
      {list.isPending && <Loading what="Noodtoegangen" />}
      <ProblemBox problem={problemOf(list.error)} />
      {list.data !== undefined && list.data.accesses.length === 0 && <p>Er is niets te beoordelen.</p>}
      <ul className="plain" data-testid="review-queue">
        {list.data?.accesses.map((a) => <ReviewItem key={a.id} access={a} linkToLog={reviewer === 'privacy-officer'} />)}
      </ul>
    </section>
  );
}

function ReviewItem({ access: a, linkToLog }: { access: EmergencyAccess; linkToLog: boolean }) {
  const [note, setNote] = useState('');
  const [result, setResult] = useState<Review>();
  // The queue is refreshed only on "Lijst verversen": the outcome stays on screen until the reviewer has read it.
  // A "not justified" makes a draft breach (AVG 33), so the breach register is stale at once.
  const review = useApiMutation({
    mutationFn: (justified: boolean) => dataOf(server.POST('/api/privacy/emergency-reviews/{id}', {
      params: { path: { id: a.id } }, body: { justified, ...(note.trim() === '' ? {} : { note: note.trim() }) },
    })),
    invalidates: () => [queryKeys.privacy('breaches'), queryKeys.privacy('unusual-access')],
    onSuccess: setResult,
  });
  const queries = useQueryClient();
  const reviewed = a.review !== null && a.review.justified !== undefined;
  return (
    <li className="card" data-testid="review-item">
      <h3>{a.employee.name} ({label(ROLES, a.employee.role)}) opende het dossier van {a.client.givenNames} {a.client.familyName}</h3>
      <p>Op {formatDate(a.startedAt)}, toegang tot {formatDate(a.expiresAt)}.</p>
      <p>Reden: <q>{a.reason}</q></p>
      {linkToLog && <p><Link to={`/privacy/toegang/${a.client.id}`}>Bekijk wie dit dossier zag</Link></p>}
      {reviewed && <p className="meta">Beoordeeld: {a.review?.justified === true ? 'terecht' : 'niet terecht'}{a.review?.note !== undefined && ` — ${a.review.note}`} ({a.review?.reviewedBy}, {formatDate(a.review?.reviewedAt)})</p>}
      {result !== undefined && (
        <p role="status" className={result.candidateBreach ? 'warning' : 'ok'}>
          Vastgelegd: {result.justified ? 'terecht' : 'niet terecht'}.{result.candidateBreach && ' Dit is mogelijk een datalek. Beoordeel of u het moet melden bij de Autoriteit Persoonsgegevens (AVG 33) en aan de cliënt (AVG 34).'}
        </p>
      )}
      {!reviewed && result === undefined && (
        <form onSubmit={(e) => e.preventDefault()}>
          <TextArea label="Toelichting bij uw oordeel" value={note} onChange={setNote} rows={2} />
          <ProblemBox problem={problemOf(review.error)} />
          <div className="actions">
            <button type="button" disabled={review.isPending} onClick={() => review.mutate(true)}>Terecht</button>
            <ConfirmButton className="danger" disabled={review.isPending} question="Niet terecht? Dan is dit mogelijk een datalek, en uw oordeel ligt vast." confirm="Ja, niet terecht" onConfirm={() => review.mutate(false)}>Niet terecht</ConfirmButton>
          </div>
        </form>
      )}
      {result !== undefined && <button type="button" className="secondary" onClick={() => void queries.invalidateQueries({ queryKey: REVIEWS })}>Lijst verversen</button>}
    </li>
  );
}
