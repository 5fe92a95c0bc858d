/**
 * The client's formal data (Jeugdwet 7.2.4): identity, address, contact, the identity check, holder and care
 * period, retention — with the history of every correction, old value and new (AVG 16: nothing overwritten
 * without trace). Address and contact details are kept up to date here, by whom the engine lets record
 * administrative data; name, BSN, birth date and gender change only on the client's request.
 */
import { useState } from 'react';
import { dataOf, server } from '../../shared/api-client';
import { ProblemBox, TextInput } from '../../shared/components';
import { problemOf, submitWith, useApiMutation } from '../../shared/query';
import { queryKeys } from '../../shared/query-keys';
import { DOCUMENT_TYPES, GENDERS, ageOn, formatDate, label } from '../../shared/labels';
import { Act } from '../../../../src/rules/acts.js';
import type { ClientDetail } from '../../shared/client-detail';
import { mayDo } from '../../shared/permissions';
import type { Me } from '../auth/Login';
import { CorrectionHistory, NotYours } from '../requests/RequestActions';
import { Toggle } from './Toggle';

export function IdentityCard({ client: c, me }: { client: ClientDetail; me: Me }) {
  const may = mayDo(me, c, Act.recordEntry, { part: 'administrative-data' });
  return (
    <section className="card" aria-labelledby="identity-title">
      <h2 id="identity-title">Identiteit</h2>
      <dl className="facts">
        <dt>Naam</dt><dd>{c.givenNames} {c.familyName}</dd>
        <dt>Geboortedatum</dt><dd>{formatDate(c.birthDate)} ({ageOn(c.birthDate)} jaar)</dd>
        <dt>BSN</dt><dd>{c.bsn ?? '—'}</dd>
        <dt>Geslacht</dt><dd>{label(GENDERS, c.gender)}</dd>
        <dt>Adres</dt><dd>{[c.streetAddress, c.postcode, c.town].filter(Boolean).join(', ') || '—'}</dd>
        <dt>Telefoon</dt><dd>{c.phone ?? '—'}</dd>
        <dt>E-mail</dt><dd>{c.email ?? '—'}</dd>
        <dt>Identiteit gecontroleerd</dt>
        <dd>{c.identityChecks.length === 0 ? 'Nog niet' : c.identityChecks.map((i) => `${label(DOCUMENT_TYPES, i.documentType)}, ${formatDate(i.checkedAt)} door ${i.checkedBy}`).join('; ')}</dd>
        <dt>Dossierhouder</dt><dd>{c.dossier?.holder === null || c.dossier?.holder === undefined ? '—' : `${c.dossier.holder.name} (${c.dossier.holder.function})`}</dd>
        <dt>Hulp gestart</dt><dd>{formatDate(c.dossier?.careStartedOn)}</dd>
        {c.dossier?.careEndedOn !== null && c.dossier?.careEndedOn !== undefined && <><dt>Hulp gestopt</dt><dd>{formatDate(c.dossier.careEndedOn)}</dd></>}
        <dt>Bewaren tot</dt>
        <dd data-testid="retention">
          {c.retention === null ? '—' : c.retention.held ? 'Geen einddatum: het dossier is nodig voor een procedure' : formatDate(c.retention.keptUntil)}
          {c.retention !== null && <span className="muted"> — {c.retention.explanation}</span>}
        </dd>
        <dt>Cliëntnummer</dt><dd><code data-testid="client-number">{c.id}</code></dd>
      </dl>
      <CorrectionHistory client={c} requestId="" />
      {may.outcome === 'allow'
        ? (
            <Toggle open="Adres of contactgegevens wijzigen">
              {(close) => <ContactForm client={c} onDone={close} />}
            </Toggle>
          )
        : <NotYours title="Adres of contactgegevens wijzigen" decision={may} />}
    </section>
  );
}

/** The new address and contact details, sent only where they differ, with how they became known. */
function ContactForm({ client: c, onDone }: { client: ClientDetail; onDone: () => void }) {
  const [streetAddress, setStreetAddress] = useState(c.streetAddress ?? '');
  const [postcode, setPostcode] = useState(c.postcode ?? '');
  const [town, setTown] = useState(c.town ?? '');
  const [phone, setPhone] = useState(c.phone ?? '');
  const [email, setEmail] = useState(c.email ?? '');
  const [reason, setReason] = useState('');
  const changed = (now: string, before: string | null) => (now.trim() !== (before ?? '') && now.trim() !== '' ? now.trim() : undefined);
  const save = useApiMutation({
    mutationFn: () => dataOf(server.PATCH('/api/clients/{clientId}/formal-data', {
      params: { path: { clientId: c.id } },
      body: {
        streetAddress: changed(streetAddress, c.streetAddress), postcode: changed(postcode, c.postcode), town: changed(town, c.town),
        phone: changed(phone, c.phone), email: changed(email, c.email), reason,
      },
    })),
    // The record shows the new details and their history (corrections).
    invalidates: () => [queryKeys.clientDetail(c.id)],
    onSuccess: onDone,
  });
  return (
    <form onSubmit={submitWith(() => save.mutate())}>
      <TextInput label="Straat en huisnummer" value={streetAddress} onChange={setStreetAddress} autoComplete="off" />
      <TextInput label="Postcode" value={postcode} onChange={setPostcode} autoComplete="off" />
      <TextInput label="Woonplaats" value={town} onChange={setTown} autoComplete="off" />
      <TextInput label="Telefoon" type="tel" value={phone} onChange={setPhone} autoComplete="off" />
      <TextInput label="E-mail" type="email" value={email} onChange={setEmail} autoComplete="off" />
      <TextInput
        label="Hoe zijn de nieuwe gegevens bekend geworden?"
        value={reason}
        onChange={setReason}
        required
        hint="Bijvoorbeeld: doorgegeven door de moeder, telefonisch. De oude gegevens blijven zichtbaar in de geschiedenis."
      />
      <ProblemBox problem={problemOf(save.error)} />
      <button type="submit" disabled={save.isPending}>Gegevens opslaan</button>
    </form>
  );
}
