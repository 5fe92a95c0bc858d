/**
 * Transfer of the dossier to a successor provider (with the client's consent)
 * or to the Nidos guardian of an unaccompanied minor. The server's rules
 * decide; afterwards the dossier takes no new entries and the package (PDF,
 * data, FHIR) can be downloaded for the recipient.
 */
import { useState } from 'react';
import { apiPath, dataOf, server, type BodyOf } from '../../shared/api-client';
import { DownloadButton, ProblemBox, Select, TextArea, TextInput } from '../../shared/components';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { TRANSFER_RECIPIENTS, formatDate, today } from '../../shared/labels';
import type { ClientDetail, TransferNotice } from '../../shared/client-detail';
import { Act } from '../../../../src/rules/acts.js';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { NotYours } from '../requests/RequestActions';
import { useRefreshClient } from './client-queries';
import { useConsents } from './Consents';

type RecipientKind = BodyOf<'/api/clients/{clientId}/transfer'>['recipientKind'];

export function TransferCard({ client, me, transfer }: { client: ClientDetail; me: Me; transfer: TransferNotice | null }) {
  // The holder or a manager transfers (acts.ts, Jeugdwet 7.3.11; BW 7:457); anyone else reads why before any form.
  const may = mayDo(me, client, Act.transfer);
  return (
    <section className="card" aria-labelledby="transfer-title" data-testid="transfer">
      <h2 id="transfer-title">Overdracht van het dossier</h2>
      {transfer !== null
        ? <TransferDone clientId={client.id} transfer={transfer} />
        : may.outcome === 'allow' ? <TransferForm client={client} /> : <NotYours title="Het dossier overdragen" decision={may} />}
    </section>
  );
}

function TransferDone({ clientId, transfer }: { clientId: string; transfer: TransferNotice }) {
  const ids = { clientId, transferId: transfer.id };
  const short = transfer.id.slice(0, 8);
  return (
    <>
      <p className="warning" role="status">
        Dit dossier is op {formatDate(transfer.transferredOn)} overgedragen aan {transfer.recipient}. Er kunnen geen nieuwe dossierregels meer bij.
      </p>
      <DownloadButton url={apiPath('/api/clients/{clientId}/transfers/{transferId}/dossier.pdf', ids)} fileName={`overdracht-${short}.pdf`}>Overdrachtsdossier (PDF)</DownloadButton>
      <DownloadButton url={apiPath('/api/clients/{clientId}/transfers/{transferId}/dossier.json', ids)} fileName={`overdracht-${short}.json`}>Gegevens (JSON)</DownloadButton>
      <DownloadButton url={apiPath('/api/clients/{clientId}/transfers/{transferId}/dossier.fhir.json', ids)} fileName={`overdracht-${short}.fhir.json`}>
        Gegevens (FHIR-bundel)
      </DownloadButton>
    </>
  );
}

function TransferForm({ client }: { client: ClientDetail }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<RecipientKind>('successor-provider');
  const [recipient, setRecipient] = useState('');
  const [consentId, setConsentId] = useState('');
  const [guardianId, setGuardianId] = useState('');
  const [on, setOn] = useState(today());
  const [told, setTold] = useState(true);
  const [notToldBecause, setNotToldBecause] = useState('');
  // The same cached consents the consent card shows: one recorded there is a choice here at once.
  const consents = useConsents(client.id);
  const refresh = useRefreshClient(client.id);
  const disclosureConsents = (consents.data?.consents ?? []).filter((c) => c.kind === 'disclosure' && c.active);
  const guardians = client.relations.filter((r) => r.relation === 'guardian' && r.hasCustody && r.validTo === null);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.POST('/api/clients/{clientId}/transfer', {
      params: { path: { clientId: client.id } },
      body: {
        recipient, recipientKind: kind, transferredOn: on, clientToldBeforehand: told,
        ...(consentId === '' ? {} : { consentId }),
        ...(kind === 'nidos-guardian' && guardianId !== '' ? { guardianRelationId: guardianId } : {}),
        ...(told ? {} : { notToldBecause }),
      },
    })),
    // The record says transferred (this card's state); the dossier is closed to new entries, so every other card asks again.
    invalidates: () => [queryKeys.clientDetail(client.id)],
    onSuccess: refresh,
  });
  if (!open) {
    return (
      <>
        <p>Gaat de cliënt naar een andere zorgaanbieder, of naar de voogd van Nidos? Draag het dossier dan hier over. Daarna kunnen er geen dossierregels meer bij.</p>
        <button type="button" className="secondary" onClick={() => setOpen(true)}>Dossier overdragen</button>
      </>
    );
  }
  return (
    <form onSubmit={submitWith(() => save.mutate())}>
      <Select label="Aan wie?" value={kind} onChange={(v) => setKind(v as RecipientKind)} options={TRANSFER_RECIPIENTS} />
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
      <ProblemBox problem={problemOf(save.error)} />
      <div className="actions">
        <button type="submit" disabled={save.isPending}>Overdragen</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>Annuleren</button>
      </div>
    </form>
  );
}
