/**
 * Transfer of the dossier to a successor provider (with the client's consent)
 * or to the Nidos guardian of an unaccompanied minor. The server's rules
 * decide; afterwards the dossier takes no new entries and the package (PDF,
 * data, FHIR) can be downloaded for the recipient.
 */
import { useState } from 'react';
import { get, post } from '../../shared/api';
import { DownloadButton, ProblemBox, Select, TextArea, TextInput, useLoad, useSubmit } from '../../shared/components';
import { formatDate, today } from '../../shared/labels';
import type { ClientDetail, TransferNotice } from '../../shared/client-detail';
import { Act } from '../../../../src/rules/acts.js';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';

interface Consent { id: string; kind: string; recipient: string | null; active: boolean }

const RECIPIENT_KINDS = { 'successor-provider': 'Een andere zorgaanbieder (met toestemming)', 'nidos-guardian': 'De voogd van Nidos (alleenstaande minderjarige)' };

export function TransferCard({ client, me, transfer, onDone }: { client: ClientDetail; me: Me; transfer: TransferNotice | null; onDone: () => void }) {
  // The holder or a manager transfers (acts.ts, Jeugdwet 7.3.11; BW 7:457); anyone else reads why before any form.
  const may = mayDo(me, client, Act.transfer);
  return (
    <section className="card" aria-labelledby="transfer-title" data-testid="transfer">
      <h2 id="transfer-title">Overdracht van het dossier</h2>
      {transfer !== null
        ? <TransferDone clientId={client.id} transfer={transfer} />
        : may.outcome === 'allow' ? <TransferForm client={client} onDone={onDone} /> : <NotYours title="Het dossier overdragen" decision={may} />}
    </section>
  );
}

function TransferDone({ clientId, transfer }: { clientId: string; transfer: TransferNotice }) {
  const base = `/api/clients/${clientId}/transfers/${transfer.id}`;
  const short = transfer.id.slice(0, 8);
  return (
    <>
      <p className="warning" role="status">
        Dit dossier is op {formatDate(transfer.transferredOn)} overgedragen aan {transfer.recipient}. Er kunnen geen nieuwe dossierregels meer bij.
      </p>
      <DownloadButton url={`${base}/dossier.pdf`} fileName={`overdracht-${short}.pdf`}>Overdrachtsdossier (PDF)</DownloadButton>
      <DownloadButton url={`${base}/dossier.json`} fileName={`overdracht-${short}.json`}>Gegevens (JSON)</DownloadButton>
      <DownloadButton url={`${base}/dossier.fhir.json`} fileName={`overdracht-${short}.fhir.json`}>Gegevens (FHIR-bundel)</DownloadButton>
    </>
  );
}

function TransferForm({ client, onDone }: { client: ClientDetail; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<keyof typeof RECIPIENT_KINDS>('successor-provider');
  const [recipient, setRecipient] = useState('');
  const [consentId, setConsentId] = useState('');
  const [guardianId, setGuardianId] = useState('');
  const [on, setOn] = useState(today());
  const [told, setTold] = useState(true);
  const [notToldBecause, setNotToldBecause] = useState('');
  const consents = useLoad(() => get<{ consents: Consent[] }>(`/api/clients/${client.id}/consents`), [client.id]);
  const disclosureConsents = (consents.data?.consents ?? []).filter((c) => c.kind === 'disclosure' && c.active);
  const guardians = client.relations.filter((r) => r.relation === 'guardian' && r.hasCustody && r.validTo === null);
  const save = useSubmit(() => post(`/api/clients/${client.id}/transfer`, {
    recipient, recipientKind: kind, transferredOn: on, clientToldBeforehand: told,
    ...(consentId === '' ? {} : { consentId }),
    ...(kind === 'nidos-guardian' && guardianId !== '' ? { guardianRelationId: guardianId } : {}),
    ...(told ? {} : { notToldBecause }),
  }), onDone);
  if (!open) {
    return (
      <>
        <p>Gaat de cliënt naar een andere zorgaanbieder, of naar de voogd van Nidos? Draag het dossier dan hier over. Daarna kunnen er geen dossierregels meer bij.</p>
        <button type="button" className="secondary" onClick={() => setOpen(true)}>Dossier overdragen</button>
      </>
    );
  }
  return (
    <form onSubmit={(e) => void save.submit(e)}>
      <Select label="Aan wie?" value={kind} onChange={(v) => setKind(v as keyof typeof RECIPIENT_KINDS)} options={RECIPIENT_KINDS} />
      <TextInput label="Naam van de ontvanger" value={recipient} onChange={setRecipient} required hint="De zorgaanbieder of de Nidos-vestiging." />
      {kind === 'nidos-guardian' && (
        <Select
          label="De voogd"
          value={guardianId}
          onChange={setGuardianId}
          allowEmpty="Kies de voogd"
          required
          options={guardians.map((g) => [g.id, `${g.givenNames} ${g.familyName}`] as [string, string])}
          hint="Alleen een voogd met gezag. Staat de voogd er niet bij? Leg de relatie eerst vast."
        />
      )}
      <Select
        label="Toestemming voor het geven van gegevens"
        value={consentId}
        onChange={setConsentId}
        allowEmpty={kind === 'nidos-guardian' ? 'Geen (niet nodig onder 16 jaar)' : 'Kies de toestemming'}
        options={disclosureConsents.map((c) => [c.id, c.recipient ?? 'toestemming'] as [string, string])}
        hint="Een andere zorgaanbieder krijgt het dossier alleen met toestemming."
      />
      <TextInput label="Datum van overdracht" type="date" value={on} onChange={setOn} required />
      <label className="checkbox"><input type="checkbox" checked={told} onChange={(e) => setTold(e.target.checked)} /> De cliënt is vooraf verteld dat het dossier wordt overgedragen</label>
      {!told && <TextArea label="Waarom is de cliënt niet vooraf verteld?" value={notToldBecause} onChange={setNotToldBecause} rows={2} />}
      <ProblemBox problem={save.problem} />
      <div className="actions">
        <button type="submit" disabled={save.busy}>Overdragen</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>Annuleren</button>
      </div>
    </form>
  );
}
