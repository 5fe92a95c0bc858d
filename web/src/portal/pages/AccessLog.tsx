/**
 * Who has seen my dossier (issue 19 item 3; NEN 7513): from the access log, in plain words — who (name and
 * function), when, what part, on what basis (GET /api/portal/access-log). An emergency access stands out with its
 * review's outcome. Refused with the engine's explanation for whoever may not see it.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { BasisLine, Dutch, PortalLoading, PortalProblem } from '../components';
import { dataOf, portal, problemFrom, type ResponseOf } from '../portal-api';
import { portalKeys } from '../portal-query';
import { dateWords, useLanguage } from '../texts/catalogue';

type LogLine = ResponseOf<'/api/portal/access-log'>['lines'][number];

export function AccessLogPage() {
  const { t } = useLanguage();
  // Pages of 50, newest first; "more" asks for the page before the last line shown.
  const log = useInfiniteQuery({
    queryKey: portalKeys.accessLog,
    queryFn: ({ pageParam }) => dataOf(portal.GET('/api/portal/access-log', { params: { query: { limit: 50, ...(pageParam === undefined ? {} : { before: pageParam }) } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
  const first = log.data?.pages[0];
  const problem = log.error === null ? undefined : problemFrom(log.error);

  const lines = (log.data?.pages ?? []).flatMap((page) => page.lines);
  return (
    <>
      <h1>{t.accessLog.title}</h1>
      <p className="lead">{t.accessLog.lead}</p>
      {log.isPending && <PortalLoading what={t.accessLog.title} />}
      {!log.isFetchNextPageError && <PortalProblem problem={problem} />}
      {first !== undefined && (
        <>
          {lines.length === 0 && <p>{t.accessLog.none}</p>}
          <ol className="portal-log" data-testid="access-log">
            {lines.map((line) => <LogItem key={String(line.seq)} line={line} />)}
          </ol>
          {log.hasNextPage && <button type="button" className="secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>{t.common.more}</button>}
          {log.isFetchNextPageError && <PortalProblem problem={problem} />}
          <BasisLine basis={first.basis} />
        </>
      )}
    </>
  );
}

function LogItem({ line }: { line: LogLine }) {
  const { t, language } = useLanguage();
  const words = dateWords(language);
  const emergency = line.emergency;
  return (
    <li className={emergency === null ? undefined : 'portal-emergency'} data-testid={emergency === null ? 'access-line' : 'access-emergency'}>
      {emergency !== null && (
        <p><span className="portal-badge portal-badge-danger">{t.accessLog.emergency}</span></p>
      )}
      <p><strong><Dutch>{line.who.name}</Dutch></strong>, <Dutch>{line.who.function}</Dutch></p>
      <dl className="portal-facts">
        <dt>{t.accessLog.when}</dt><dd>{words.moment(line.at)}{line.count > 1 ? ` (${line.count}×)` : ''}</dd>
        <dt>{t.accessLog.what}</dt><dd><Dutch>{line.action}</Dutch></dd>
        <dt>{t.accessLog.part}</dt><dd><Dutch>{line.what}</Dutch></dd>
        <dt>{t.accessLog.basis}</dt><dd><Dutch>{line.basis}</Dutch></dd>
        {emergency !== null && (
          <>
            <dt>{t.accessLog.reviewOutcome}</dt>
            <dd data-testid="emergency-review">
              <span className={`portal-badge ${!emergency.reviewed ? 'portal-badge-wait' : emergency.justified === false ? 'portal-badge-danger' : 'portal-badge-ok'}`}>
                {!emergency.reviewed ? t.accessLog.reviewPending : emergency.justified === false ? t.accessLog.reviewUnjustified : t.accessLog.reviewJustified}
              </span>{' '}
              <Dutch>{emergency.outcome}</Dutch>
            </dd>
          </>
        )}
      </dl>
      {emergency !== null && <p className="hint">{t.accessLog.emergencyExplained}</p>}
    </li>
  );
}
