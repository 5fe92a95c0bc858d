/**
 * My dossier (issue 19 item 2): what the logged-in person sees today, as the engine answers for that person
 * (GET /api/portal/dossier) — released entries only, each with the client's own statements beside it; everything
 * withheld (an entry, a shielded passage, the parts a parent without custody does not see) shows as a notice with
 * the engine's explanation and articles, never its content.
 */
import { useQuery } from '@tanstack/react-query';
import { BasisLine, Dutch, PortalLink, PortalLoading, PortalProblem, WithheldNotice } from '../components';
import { ApiError, dataOf, portal, problemFrom, type Problem, type ResponseOf } from '../portal-api';
import { portalKeys } from '../portal-query';
import type { PortalMe } from '../portal-types';
import { dateWords, useLanguage } from '../texts/catalogue';

type PortalDossier = ResponseOf<'/api/portal/dossier'>;
/**
 * An entry as the schema gives it: one object for both variants (a shown entry, or the notice of a withheld one), so
 * only `shown` and the dates are required there; `isShown`/`isWithheld` narrow to one (src/portal/view/portal-dossier.ts).
 */
type PortalEntry = PortalDossier['entries'][number];
type ShownEntry = PortalEntry & Required<Pick<PortalEntry, 'id' | 'kindLabel' | 'text' | 'author'>>;
/** The withheld variant: its date and the engine's reason. */
type WithheldEntry = PortalEntry & Required<Pick<PortalEntry, 'withheld'>>;

export function isShown(entry: PortalEntry): entry is ShownEntry {
  return entry.shown && entry.id !== undefined;
}
function isWithheld(entry: PortalEntry): entry is WithheldEntry {
  return !entry.shown && entry.withheld !== undefined;
}

/** General information about the care (BW 1:377c), GET /api/portal/general-information. */
type GeneralInformation = ResponseOf<'/api/portal/general-information'>;
type Dated = GeneralInformation['goals'][number];

/**
 * What this person gets: the dossier; or, when the engine refuses it (a parent without custody until the client is
 * 16), its refusal beside the general information; or only the refusal.
 */
type View =
  | { kind: 'dossier'; dossier: PortalDossier }
  | { kind: 'general'; refusal: Problem; general: GeneralInformation }
  | { kind: 'refused'; refusal: Problem };

function refusalOf(error: unknown): Problem | undefined {
  return error instanceof ApiError && error.problem.status === 403 ? error.problem : undefined;
}

async function loadView(): Promise<View> {
  let refusal: Problem;
  try {
    return { kind: 'dossier', dossier: await dataOf(portal.GET('/api/portal/dossier')) };
  } catch (error) {
    const refused = refusalOf(error);
    if (refused === undefined) throw error;
    refusal = refused;
  }
  try {
    return { kind: 'general', refusal, general: await dataOf(portal.GET('/api/portal/general-information')) };
  } catch (error) {
    if (refusalOf(error) === undefined) throw error;
    return { kind: 'refused', refusal };
  }
}

export function DossierPage({ me }: { me: PortalMe }) {
  const { t, language } = useLanguage();
  const words = dateWords(language);
  // One key for the dossier view whichever of the three it is: a request for an own statement reads the same key.
  const view = useQuery({ queryKey: [...portalKeys.dossier, 'view'], queryFn: loadView });
  const { data } = view;
  const title = me.kind === 'client' ? t.dossier.title : t.dossier.titleOf(me.clientName);
  const dossier = data?.kind === 'dossier' ? data.dossier : undefined;
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{t.dossier.lead}</p>
      {view.isPending && <PortalLoading what={t.shell.dossier} />}
      <PortalProblem problem={view.error === null ? undefined : problemFrom(view.error)} />
      {data !== undefined && data.kind !== 'dossier' && (
        <WithheldNotice
          title={data.kind === 'general' ? t.dossier.generalOnly : t.dossier.withheld}
          explanation={data.refusal}
          basis={data.refusal.basis}
          testId="dossier-refused"
        />
      )}
      {data?.kind === 'general' && (
        <section className="card" aria-labelledby="general-title" data-testid="general-information">
          <h2 id="general-title">{t.dossier.general}</h2>
          <dl className="portal-facts">
            <dt>{t.dossier.start}</dt><dd>{words.date(data.general.careStartedOn)}</dd>
            <dt>{t.dossier.end}</dt><dd>{data.general.careEndedOn === null ? t.dossier.stillRunning : words.date(data.general.careEndedOn)}</dd>
          </dl>
          <DatedList title={t.dossier.goals} items={data.general.goals} />
          <DatedList title={t.dossier.results} items={data.general.results} />
        </section>
      )}
      {dossier !== undefined && (
        <>
          {dossier.notYetReleased.count > 0 && (
            <div className="notice" data-testid="not-yet-released">
              <p>{t.dossier.pendingRelease(dossier.notYetReleased.count)} {t.dossier.releaseExplained}</p>
            </div>
          )}
          <section aria-labelledby="entries-title">
            <h2 id="entries-title">{t.dossier.entries}</h2>
            {dossier.entries.length === 0 && <p>{t.dossier.noEntries}</p>}
            <ol className="portal-entries" data-testid="portal-entries">
              {dossier.entries.map((entry, i) => (
                <li key={isShown(entry) ? entry.id : `withheld-${i}`}>
                  {isShown(entry)
                    ? <EntryCard entry={entry} mayAddStatement={me.kind === 'client'} />
                    : isWithheld(entry) && (
                      <div className="card" data-testid="withheld-entry">
                        <p className="meta">{t.dossier.writtenOn(words.date(entry.recordedAt))}</p>
                        <WithheldNotice title={t.dossier.withheld} explanation={entry.withheld.ground} basis={entry.withheld.basis} />
                      </div>
                    )}
                </li>
              ))}
            </ol>
            {dossier.inspectionOnly.length > 0 && (
              <div className="notice" data-testid="inspection-only">
                <p>{t.dossier.inspectOnly}</p>
                <ul>{dossier.inspectionOnly.map((e, i) => <li key={i}>{e.title === null ? words.date(e.recordedAt) : <><Dutch>{e.title}</Dutch> ({words.date(e.recordedAt)})</>}</li>)}</ul>
              </div>
            )}
          </section>
          <BasisLine basis={dossier.basis} />
        </>
      )}
    </>
  );
}

function DatedList({ title, items }: { title: string; items: Dated[] }) {
  const { t, language } = useLanguage();
  const words = dateWords(language);
  return (
    <>
      <h3>{title}</h3>
      {items.length === 0
        ? <p>{t.common.none}</p>
        : (
            <ul className="portal-list">
              {items.map((item, i) => (
                <li key={i}>
                  <p className="meta">{words.date(item.date)}</p>
                  {item.title !== null && <p><strong><Dutch>{item.title}</Dutch></strong></p>}
                  <p className="portal-text"><Dutch>{item.text}</Dutch></p>
                </li>
              ))}
            </ul>
          )}
    </>
  );
}

function EntryCard({ entry, mayAddStatement }: { entry: ShownEntry; mayAddStatement: boolean }) {
  const { t, language } = useLanguage();
  const words = dateWords(language);
  // The server sends the kind's Dutch label only (not its code), so it is marked as Dutch on the English page.
  const kind = <Dutch>{entry.kindLabel}</Dutch>;
  return (
    <article className="card portal-entry" data-testid="portal-entry" aria-labelledby={`entry-${entry.id}`}>
      <p className="portal-kind">{kind}</p>
      <h3 id={`entry-${entry.id}`}>{entry.title === null || entry.title === undefined ? words.date(entry.recordedAt) : <Dutch>{entry.title}</Dutch>}</h3>
      <p className="meta">{t.dossier.written(words.date(entry.recordedAt), entry.author)}</p>
      <p className="portal-text"><Dutch>{entry.text}</Dutch></p>
      {(entry.withheldPassages ?? []).map((w, i) => (
        <WithheldNotice key={i} title={t.dossier.withheldPart} explanation={w.ground} basis={w.basis} testId="withheld-passage" />
      ))}
      {(entry.annotations ?? []).map((a, i) => <p key={i} className="meta"><Dutch>{a.reason}</Dutch> ({words.date(a.recordedAt)})</p>)}
      {(entry.statements ?? []).map((s, i) => (
        <aside key={i} className="portal-statement" data-testid="own-statement" aria-label={t.dossier.ownStatement}>
          <p><strong>{t.dossier.ownStatement}</strong> <span className="meta">{words.date(s.recordedAt)}</span></p>
          <p className="portal-text"><Dutch>{s.text}</Dutch></p>
        </aside>
      ))}
      {mayAddStatement && (
        <p><PortalLink to={`/portaal/verzoeken?soort=add-statement&stuk=${entry.id}`}>{t.dossier.addStatement}</PortalLink></p>
      )}
    </article>
  );
}
