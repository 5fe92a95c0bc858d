/**
 * Consents (issue 19 item 5): every consent given for this dossier, by whom and for what (GET /api/portal/consents);
 * withdrawing one takes effect at once; giving a consent for a disclosure (what, to whom, for what purpose, valid
 * until) is recorded with the portal session as its evidence. A young person of 16 or older decides per parent and
 * per part what each parent sees (GET/PUT /api/portal/consents/parents, 001: "Ben je 16 jaar of ouder dan beslis je
 * zelf welke informatie je ouders krijgen"); for anyone else that section does not show.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TextArea, TextInput } from '../../shared/components';
import { submitWith, useApiMutation } from '../../shared/query';
import { Done, Dutch, PortalConfirm, PortalLoading, PortalProblem, WithheldNotice } from '../components';
import { ApiError, dataOf, portal, problemFrom, type ResponseOf } from '../portal-api';
import { portalKeys } from '../portal-query';
import type { PortalMe } from '../portal-types';
import { dateWords, labelOf, useLanguage } from '../texts/catalogue';

type Consent = ResponseOf<'/api/portal/consents'>['consents'][number];
type Part = ResponseOf<'/api/portal/consents/parents'>['parents'][number]['parts'][number]['part'];

/** What a consent given or withdrawn changes: the consents (the parents' part too) and the requests (the engine's answers). */
const CONSENTS_CHANGED = [portalKeys.consents, portalKeys.requests];

export function ConsentsPage({ me }: { me: PortalMe }) {
  const { t } = useLanguage();
  const consents = useQuery({ queryKey: portalKeys.consents, queryFn: () => dataOf(portal.GET('/api/portal/consents')) });
  const { data } = consents;
  const [done, setDone] = useState<string>();
  const changed = (what: string) => setDone(what);
  return (
    <>
      <h1>{t.consents.title}</h1>
      <p className="lead">{t.consents.lead}</p>
      {consents.isPending && <PortalLoading what={t.consents.title} />}
      <PortalProblem problem={consents.error === null ? undefined : problemFrom(consents.error)} />
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
  const withdraw = useApiMutation({
    mutationFn: () => dataOf(portal.POST('/api/portal/consents/{consentId}/withdraw', { params: { path: { consentId: c.id } } })),
    invalidates: () => CONSENTS_CHANGED,
    onSuccess: onWithdrawn,
  });
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
        <PortalConfirm
          question={t.consents.withdrawQuestion}
          confirm={t.consents.withdrawConfirm}
          onConfirm={() => withdraw.mutate()}
          disabled={withdraw.isPending}
        >
          {t.consents.withdraw}
        </PortalConfirm>
      )}
      <PortalProblem problem={withdraw.error === null ? undefined : problemFrom(withdraw.error)} />
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
  const give = useApiMutation({
    mutationFn: () => dataOf(portal.POST('/api/portal/consents', {
      body: {
        kind: 'disclosure', dataDescription: what.trim(), recipient: recipient.trim(), purpose: purpose.trim(),
        ...(until === '' ? {} : { validTo: until }),
      },
    })),
    invalidates: () => CONSENTS_CHANGED,
    onSuccess: () => {
      setWhat('');
      setRecipient('');
      setPurpose('');
      setUntil('');
      setAgreed(false);
      onGiven();
    },
  });
  return (
    <form className="card" aria-labelledby="give-title" onSubmit={submitWith(() => give.mutate())} data-testid="give-consent">
      <h2 id="give-title">{t.consents.giveTitle}</h2>
      <p>{t.consents.giveLead}</p>
      <TextArea label={t.consents.giveWhat} value={what} onChange={setWhat} required rows={3} />
      <TextInput label={t.consents.giveTo} value={recipient} onChange={setRecipient} required hint={t.consents.giveToHint} />
      <TextArea label={t.consents.givePurpose} value={purpose} onChange={setPurpose} required rows={3} />
      <TextInput label={t.consents.giveUntil} type="date" value={until} onChange={setUntil} />
      <label className="checkbox"><input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} required /> {t.consents.giveConfirm}</label>
      <PortalProblem problem={give.error === null ? undefined : problemFrom(give.error)} title={t.consents.failed} />
      <button type="submit" disabled={give.isPending || !agreed}>{t.consents.give}</button>
    </form>
  );
}

/** The young person of 16+ decides per parent and per part; a 403 (younger, or not the client) hides the section. */
function ParentsSection() {
  const { t, language } = useLanguage();
  const words = dateWords(language);
  const loaded = useQuery({
    queryKey: portalKeys.parentConsents,
    queryFn: () => dataOf(portal.GET('/api/portal/consents/parents')).catch((error: unknown) => {
      if (error instanceof ApiError && error.problem.status === 403) return null;
      throw error;
    }),
  });
  const choose = useApiMutation({
    mutationFn: ({ relationId, part, allowed }: { relationId: string; part: Part; allowed: boolean }) => dataOf(portal.PUT('/api/portal/consents/parents/{relationId}/{part}', {
      params: { path: { relationId, part } }, body: { allowed },
    })),
    invalidates: () => CONSENTS_CHANGED,
  });
  const shown = loaded.data;
  const busy = choose.isPending;
  if (shown === undefined || shown === null) return loaded.error === null ? null : <PortalProblem problem={problemFrom(loaded.error)} />;

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
              <input type="checkbox" checked={p.allowed} disabled={busy} onChange={(e) => choose.mutate({ relationId: parent.relationId, part: p.part, allowed: e.target.checked })} />
              <span>
                {t.consents.parentPart(parent.name, labelOf(t, t.codes.parts, p.part))}
                {p.allowed && p.since !== null && <span className="hint"> — {t.consents.givenOn(words.date(p.since))}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      <PortalProblem problem={choose.error === null ? undefined : problemFrom(choose.error)} />
    </section>
  );
}
