/**
 * Consents (issue 19 item 5): every consent given for this dossier, by whom and for what (GET /api/portal/consents);
 * withdrawing one takes effect at once; giving a consent for a disclosure (what, to whom, for what purpose, valid
 * until) is recorded with the portal session as its evidence. A young person of 16 or older decides per parent and
 * per part what each parent sees (GET/PUT /api/portal/consents/parents, 001: "Ben je 16 jaar of ouder dan beslis je
 * zelf welke informatie je ouders krijgen"); for anyone else that section does not show.
 */
import { useState } from 'react';
import { TextArea, TextInput } from '../../shared/components';
import { Done, Dutch, PortalConfirm, PortalLoading, PortalProblem, WithheldNotice, usePortalLoad, usePortalSubmit } from '../components';
import { ApiError, portalApi, portalGet, portalPost, problemFrom, type Problem } from '../portal-api';
import type { PortalMe } from '../portal-types';
import { dateWords, labelOf, useLanguage, type Texts } from '../texts/catalogue';

interface Consent {
  id: string; kindText: string; givenByText: string; givenOn: string; what: string | null; partText: string | null;
  /** Care or disclosure: named from the catalogue, so the English page names it too. */
  kind: keyof Texts['codes']['consentTypes'];
  recipient: string | null; purpose: string | null; validTo: string | null; active: boolean; withdrawnAt: string | null;
  inPortal: boolean; mayWithdraw: boolean;
}
interface Allowed { allowed: boolean; explanation: string; basis: string[] }
interface ConsentsAnswer { consents: Consent[]; mayGive: { care: Allowed; disclosure: Allowed } }
interface ParentPart { part: string; partText: string; allowed: boolean; since: string | null }
interface ParentsAnswer { explanation: string; basis: string[]; parents: { relationId: string; name: string; roleText: string; parts: ParentPart[] }[] }

export function ConsentsPage({ me }: { me: PortalMe }) {
  const { t } = useLanguage();
  const { data, problem, loading, reload } = usePortalLoad(() => portalGet<ConsentsAnswer>('/api/portal/consents'), []);
  const [done, setDone] = useState<string>();
  const changed = (what: string) => {
    setDone(what);
    reload();
  };
  return (
    <>
      <h1>{t.consents.title}</h1>
      <p className="lead">{t.consents.lead}</p>
      {loading && data === undefined && <PortalLoading what={t.consents.title} />}
      <PortalProblem problem={problem} />
      {done !== undefined && <Done>{done}</Done>}
      {me.kind === 'client' && <ParentsSection />}
      {data !== undefined && (
        <>
          <section aria-labelledby="given-title">
            <h2 id="given-title">{t.consents.given}</h2>
            {data.consents.length === 0 && <p>{t.consents.none}</p>}
            <ol className="portal-list" data-testid="consents">
              {data.consents.map((c) => <ConsentCard key={c.id} consent={c} onWithdrawn={() => changed(t.consents.withdrawn)} />)}
            </ol>
          </section>
          {data.mayGive.disclosure.allowed
            ? <GiveConsent onGiven={() => changed(t.consents.givenOk)} />
            : (
                <section aria-labelledby="give-title">
                  <h2 id="give-title">{t.consents.giveTitle}</h2>
                  <WithheldNotice title={t.common.problemForbidden} explanation={data.mayGive.disclosure.explanation} basis={data.mayGive.disclosure.basis} />
                </section>
              )}
        </>
      )}
    </>
  );
}

function ConsentCard({ consent: c, onWithdrawn }: { consent: Consent; onWithdrawn: () => void }) {
  const { t, language } = useLanguage();
  const words = dateWords(language);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  async function withdraw() {
    setBusy(true);
    setProblem(undefined);
    try {
      await portalPost(`/api/portal/consents/${c.id}/withdraw`);
      onWithdrawn();
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="card" data-testid="consent">
      <h3>{labelOf(t, t.codes.consentTypes, c.kind)}</h3>
      <p className="meta">{c.active ? t.consents.givenOn(words.date(c.givenOn)) : t.consents.withdrawnOn(words.date(c.withdrawnAt))}</p>
      <dl className="portal-facts">
        <dt>{t.consents.by}</dt><dd><Dutch>{c.givenByText}</Dutch></dd>
        {(c.what !== null || c.partText !== null) && <><dt>{t.consents.what}</dt><dd><Dutch>{c.what ?? c.partText}</Dutch></dd></>}
        {c.recipient !== null && <><dt>{t.consents.to}</dt><dd><Dutch>{c.recipient}</Dutch></dd></>}
        {c.purpose !== null && <><dt>{t.consents.purpose}</dt><dd><Dutch>{c.purpose}</Dutch></dd></>}
        <dt>{t.consents.validUntil}</dt><dd>{c.validTo === null ? t.consents.noEnd : words.date(c.validTo)}</dd>
      </dl>
      {c.active && c.mayWithdraw && (
        <PortalConfirm question={t.consents.withdrawQuestion} confirm={t.consents.withdrawConfirm} onConfirm={() => void withdraw()} disabled={busy}>
          {t.consents.withdraw}
        </PortalConfirm>
      )}
      <PortalProblem problem={problem} />
    </li>
  );
}

function GiveConsent({ onGiven }: { onGiven: () => void }) {
  const { t } = useLanguage();
  const [what, setWhat] = useState('');
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState('');
  const [until, setUntil] = useState('');
  const [agreed, setAgreed] = useState(false);
  const give = usePortalSubmit(() => portalPost('/api/portal/consents', {
    kind: 'disclosure', dataDescription: what.trim(), recipient: recipient.trim(), purpose: purpose.trim(),
    ...(until === '' ? {} : { validTo: until }),
  }), () => {
    setWhat('');
    setRecipient('');
    setPurpose('');
    setUntil('');
    setAgreed(false);
    onGiven();
  });
  return (
    <form className="card" aria-labelledby="give-title" onSubmit={(e) => void give.submit(e)} data-testid="give-consent">
      <h2 id="give-title">{t.consents.giveTitle}</h2>
      <p>{t.consents.giveLead}</p>
      <TextArea label={t.consents.giveWhat} value={what} onChange={setWhat} required rows={3} />
      <TextInput label={t.consents.giveTo} value={recipient} onChange={setRecipient} required hint={t.consents.giveToHint} />
      <TextArea label={t.consents.givePurpose} value={purpose} onChange={setPurpose} required rows={3} />
      <TextInput label={t.consents.giveUntil} type="date" value={until} onChange={setUntil} />
      <label className="checkbox"><input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} required /> {t.consents.giveConfirm}</label>
      <PortalProblem problem={give.problem} title={t.consents.failed} />
      <button type="submit" disabled={give.busy || !agreed}>{t.consents.give}</button>
    </form>
  );
}

/** The young person of 16+ decides per parent and per part; a 403 (younger, or not the client) hides the section. */
function ParentsSection() {
  const { t, language } = useLanguage();
  const words = dateWords(language);
  const [answer, setAnswer] = useState<ParentsAnswer>();
  const loaded = usePortalLoad(() => portalGet<ParentsAnswer>('/api/portal/consents/parents').then(
    (a) => a,
    (error: unknown) => {
      if (error instanceof ApiError && error.problem.status === 403) return undefined;
      throw error;
    },
  ), []);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const shown = answer ?? loaded.data;
  if (shown === undefined) return loaded.problem === undefined ? null : <PortalProblem problem={loaded.problem} />;

  async function choose(relationId: string, part: string, allowed: boolean) {
    setBusy(true);
    setProblem(undefined);
    try {
      setAnswer(await portalApi<ParentsAnswer>('PUT', `/api/portal/consents/parents/${relationId}/${part}`, { allowed }));
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="parents-title" data-testid="parents-consent">
      <h2 id="parents-title">{t.consents.parentsTitle}</h2>
      <p>{t.consents.parentsLead}</p>
      <p className="hint"><Dutch>{shown.explanation}</Dutch></p>
      {shown.parents.length === 0 && <p>{t.consents.parentsNone}</p>}
      {shown.parents.map((parent) => (
        <fieldset key={parent.relationId} className="portal-choice">
          <legend><Dutch>{parent.name}</Dutch> (<Dutch>{parent.roleText}</Dutch>)</legend>
          {parent.parts.map((p) => (
            <label key={p.part}>
              <input type="checkbox" checked={p.allowed} disabled={busy} onChange={(e) => void choose(parent.relationId, p.part, e.target.checked)} />
              <span>
                {t.consents.parentPart(parent.name, labelOf(t, t.codes.parts, p.part))}
                {p.allowed && p.since !== null && <span className="hint"> — {t.consents.givenOn(words.date(p.since))}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      <PortalProblem problem={problem} />
    </section>
  );
}
