/**
 * The client's formal data (Jeugdwet 7.2.4): identity, address, contact, the identity check, holder and care
 * period, retention — with the history of every correction, old value and new (AVG 16: nothing overwritten
 * without trace).
 */
import { DOCUMENT_TYPES, GENDERS, ageOn, formatDate, label } from '../../labels';
import type { ClientDetail } from '../../client-detail';
import { CorrectionHistory } from '../RequestActions';

export function IdentityCard({ client: c }: { client: ClientDetail }) {
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
    </section>
  );
}
