/** Disclosures of one client's data to others (003 §2.3.14): the list with its legal basis, and recording a new one. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { dataOf, server, type BodyOf } from '../../shared/api-client';
import { Basis, Loading, ProblemBox, Select, TextArea, TextInput } from '../../shared/components';
import { DISCLOSURE_BASES, DISCLOSURE_BASIS_CHOICES, PARTS, formatDate, label, today } from '../../shared/labels';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { Act } from '../../../../src/rules/acts.js';
import { useClientDetail } from '../client/client-queries';
import { NotYours } from '../requests/RequestActions';
import { useMayDo } from './use-may-do';

type NewDisclosureBody = BodyOf<'/api/clients/{clientId}/disclosures'>;
/** Why research or statistics may go without consent (Jeugdwet 7.3.12 lid 1). */
const RESEARCH_GROUNDS = {
  'consent-not-possible': 'Om toestemming vragen kan redelijkerwijs niet (en er zijn waarborgen voor de privacy)',
  'consent-not-required': 'Om toestemming vragen kan redelijkerwijs niet worden gevraagd (en de gegevens zijn niet tot de cliënt te herleiden)',
};

export function ClientDisclosures({ clientId }: { clientId: string }) {
  const list = useQuery({
    queryKey: queryKeys.disclosures(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/disclosures', { params: { path: { clientId } } })),
  });
  const [adding, setAdding] = useState(false);
  // Those who give the care record a disclosure (acts.ts); an emergency reader, or anyone else, reads the engine's
  // reason instead of a form the server refuses.
  const mayRecord = useMayDo(useClientDetail(clientId).data, Act.recordDisclosure);
  return (
    <section aria-labelledby="disclosures-title">
      <h2 id="disclosures-title">Verstrekkingen</h2>
      <p>Hier staat aan wie gegevens uit dit dossier zijn gegeven, en op welke grond.</p>
      {mayRecord !== undefined && mayRecord.outcome !== 'allow' && <NotYours title="Verstrekking vastleggen" decision={mayRecord} />}
      {mayRecord?.outcome === 'allow' && !adding && <button type="button" onClick={() => setAdding(true)}>Verstrekking vastleggen</button>}
      {mayRecord?.outcome === 'allow' && adding && (
        <NewDisclosure
          clientId={clientId}
          onCancel={() => setAdding(false)}
          onDone={() => setAdding(false)}
        />
      )}
      {list.isPending && <Loading what="Verstrekkingen" />}
      <ProblemBox problem={problemOf(list.error)} />
      {list.data !== undefined && (list.data.disclosures.length === 0
        ? <p>Er zijn nog geen gegevens verstrekt.</p>
        : (
            <ul className="plain" data-testid="disclosures">
              {list.data.disclosures.map((d) => (
                <li key={d.id} className="card">
                  <strong>{formatDate(d.disclosedOn)}: aan {d.recipient}</strong> — {label(PARTS, d.part)}
                  <p>
                    Grond: {label(DISCLOSURE_BASES, d.basis)}{d.researchGround === null ? '' : ` — zonder toestemming: ${RESEARCH_GROUNDS[d.researchGround].toLowerCase()}`}.
                    {' '}Cliënt vooraf verteld: {d.clientToldBeforehand ? 'ja' : 'nee'}.
                  </p>
                  <Basis basis={d.citations} />
                </li>
              ))}
            </ul>
          ))}
    </section>
  );
}

function NewDisclosure({ clientId, onDone, onCancel }: { clientId: string; onDone: () => void; onCancel: () => void }) {
  const consents = useQuery({
    queryKey: queryKeys.consents(clientId),
    queryFn: () => dataOf(server.GET('/api/clients/{clientId}/consents', { params: { path: { clientId } } })),
  });
  const [recipient, setRecipient] = useState('');
  const [basis, setBasis] = useState('consent');
  const [consentId, setConsentId] = useState('');
  const [part, setPart] = useState('dossier');
  const [what, setWhat] = useState('');
  const [disclosedOn, setDisclosedOn] = useState(today());
  const [told, setTold] = useState(true);
  const [notToldBecause, setNotToldBecause] = useState('');
  // Research or statistics: with a consent, or without one under the exception (the engine decides).
  const [withoutConsent, setWithoutConsent] = useState(false);
  const [ground, setGround] = useState<keyof typeof RESEARCH_GROUNDS>('consent-not-possible');
  const [notTraceable, setNotTraceable] = useState(false);
  const [publicInterest, setPublicInterest] = useState(false);
  const [objected, setObjected] = useState(false);
  const [researchWhy, setResearchWhy] = useState('');
  const research = basis === 'research' && withoutConsent;
  const usable: [string, string][] = (consents.data?.consents ?? []).filter((c) => c.kind === 'disclosure' && c.active)
    .map((c) => [c.id, `Toestemming: aan ${c.recipient ?? '?'} voor ${c.purpose ?? '?'}`]);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/disclosures', { params: { path: { clientId } }, body: {
      recipient, basis: basis as NewDisclosureBody['basis'], part: part as NewDisclosureBody['part'], what, disclosedOn, clientToldBeforehand: told,
      ...((basis === 'consent' || (basis === 'research' && !withoutConsent)) && consentId !== '' ? { consentId } : {}),
      ...(research
        ? { research: { ground, notTraceable, publicInterestAndNecessary: publicInterest, clientObjected: objected, explanation: researchWhy.trim() } }
        : {}),
      ...(!told && notToldBecause.trim() !== '' ? { notToldBecause: notToldBecause.trim() } : {}),
    } })),
    // The client's register, the organisation's register and the access log all show the new disclosure.
    invalidates: () => [queryKeys.disclosures(clientId), queryKeys.privacy('disclosures'), queryKeys.accessLog(clientId)],
    onSuccess: onDone,
  });
  return (
    <form className="card" onSubmit={submitWith(() => save.mutate())} aria-labelledby="new-disclosure-title">
      <h3 id="new-disclosure-title">Verstrekking vastleggen</h3>
      <TextInput label="Aan wie?" value={recipient} onChange={setRecipient} required />
      <Select label="Op welke grond?" value={basis} onChange={setBasis} options={DISCLOSURE_BASIS_CHOICES} />
      {basis === 'research' && (
        <label className="checkbox">
          <input type="checkbox" checked={withoutConsent} onChange={(e) => setWithoutConsent(e.target.checked)} /> Zonder toestemming van de cliënt (Jeugdwet 7.3.12)
        </label>
      )}
      {(basis === 'consent' || (basis === 'research' && !withoutConsent)) && (
        <Select label="Welke toestemming?" value={consentId} onChange={setConsentId} options={usable} allowEmpty="Kies een toestemming" />
      )}
      {research && (
        <fieldset>
          <legend>Onderzoek of statistiek zonder toestemming</legend>
          <Select label="Waarom zonder toestemming?" value={ground} onChange={(v) => setGround(v as keyof typeof RESEARCH_GROUNDS)} options={RESEARCH_GROUNDS} />
          <label className="checkbox">
            <input type="checkbox" checked={notTraceable} onChange={(e) => setNotTraceable(e.target.checked)} /> De gegevens zijn niet tot de cliënt te herleiden
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={publicInterest} onChange={(e) => setPublicInterest(e.target.checked)} /> Het onderzoek dient het algemeen belang en kan niet zonder deze gegevens
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={objected} onChange={(e) => setObjected(e.target.checked)} /> De cliënt (of wie voor hem optreedt) heeft bezwaar gemaakt
          </label>
          <TextArea label="Welke waarborgen zijn er, en waarom wordt geen toestemming gevraagd?" value={researchWhy} onChange={setResearchWhy} required rows={2} />
        </fieldset>
      )}
      <Select label="Welk deel van het dossier?" value={part} onChange={setPart} options={PARTS} />
      <TextArea label="Welke gegevens precies?" value={what} onChange={setWhat} required rows={2} />
      <TextInput label="Datum" type="date" value={disclosedOn} onChange={setDisclosedOn} required />
      <label className="checkbox"><input type="checkbox" checked={told} onChange={(e) => setTold(e.target.checked)} /> De cliënt is vooraf verteld dat deze gegevens worden gegeven</label>
      {!told && <TextArea label="Waarom is de cliënt niet vooraf verteld?" value={notToldBecause} onChange={setNotToldBecause} rows={2} />}
      <ProblemBox problem={problemOf(save.error)} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>Verstrekking opslaan</button>
        <button type="button" className="secondary" onClick={onCancel}>Annuleren</button>
      </div>
    </form>
  );
}
