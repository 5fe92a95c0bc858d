/**
 * Who has seen my dossier (issue 19 item 3; NEN 7513): from the access log, in plain words — who (name and
 * function), when, what part, on what basis (GET /api/portal/access-log). An emergency access stands out with its
 * review's outcome. Refused with the engine's explanation for whoever may not see it.
 */
import { useState } from 'react';
import { BasisLine, Dutch, PortalLoading, PortalProblem, usePortalLoad } from '../components';
import { portalGet, problemFrom, type Problem } from '../portal-api';
import { dateWords, useLanguage } from '../texts/catalogue';

interface LogLine {
  seq: string | number;
  at: string;
  who: { name: string; function: string };
  what: string;
  action: string;
  basis: string;
  count: number;
  emergency: null | { reviewed: boolean; justified: boolean | null; outcome: string };
}
interface LogPage { lines: LogLine[]; nextBefore: string | null; explanation: string; basis: string[] }

export function AccessLogPage() {
  const { t } = useLanguage();
  const first = usePortalLoad(() => portalGet<LogPage>('/api/portal/access-log?limit=50'), []);
  const [more, setMore] = useState<LogLine[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [moreProblem, setMoreProblem] = useState<Problem>();
  const nextBefore = next === undefined ? first.data?.nextBefore ?? null : next;

  async function loadMore() {
    if (nextBefore === null) return;
    setBusy(true);
    setMoreProblem(undefined);
    try {
      const page = await portalGet<LogPage>(`/api/portal/access-log?limit=50&before=${encodeURIComponent(nextBefore)}`);
      setMore((lines) => [...lines, ...page.lines]);
      setNext(page.nextBefore);
    } catch (error) {
      setMoreProblem(problemFrom(error));
    } finally {
      setBusy(false);
    }
  }

  const lines = [...(first.data?.lines ?? []), ...more];
  return (
    <>
      <h1>{t.accessLog.title}</h1>
      <p className="lead">{t.accessLog.lead}</p>
      {first.loading && first.data === undefined && <PortalLoading what={t.accessLog.title} />}
      <PortalProblem problem={first.problem} />
      {first.data !== undefined && (
        <>
          {lines.length === 0 && <p>{t.accessLog.none}</p>}
          <ol className="portal-log" data-testid="access-log">
            {lines.map((line) => <LogItem key={String(line.seq)} line={line} />)}
          </ol>
          {nextBefore !== null && <button type="button" className="secondary" disabled={busy} onClick={() => void loadMore()}>{t.common.more}</button>}
          <PortalProblem problem={moreProblem} />
          <BasisLine basis={first.data.basis} />
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
