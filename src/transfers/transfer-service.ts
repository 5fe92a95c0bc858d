/**
 * Transfer of a dossier (DOMAIN §5; 003 §2.2.8; 000): to a successor care
 * provider, with the client's recorded consent for the disclosure (Jeugdwet
 * 7.3.11), or to the Nidos guardian of an unaccompanied minor, who holds
 * custody and receives what the engine lets a guardian have. The transfer is
 * a disclosure: the engine checks it, the disclosure register and the dossier
 * record it. A transfer record is kept beside it, and from then on the
 * dossier is closed to new entries (the database refuses them too).
 *
 * The package is the portability export (JSON, FHIR) plus the PDF, built for
 * the recipient through the reader-specific view: a successor gets what the
 * engine allows a third party with consent, so information about another
 * person, shielded passages and raw test data stay behind, each named with
 * its ground.
 */
import { randomUUID } from 'node:crypto';
import type { ClientScope } from '../access/client-access.js';
import { recordDisclosure } from '../disclosures/disclosure-service.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { dateInWords } from '../rules/index.js';
import type { ProgressReporter } from '../exports/export-progress.js';
import { buildDossierExport, type PortabilityExport } from '../exports/portability-export.js';
import { readerView, type Reader, type ReaderView } from '../shielding/reader-view.js';
import { sealRecipient } from '../retention/client-free-text.js';
import { calendarDate } from '../shared/calendar-date.js';
import { dossierTransfer, type RecipientKind, type Transfer } from './transfer-record.js';
import { transfersOf } from './transfer-store.js';

export interface NewTransfer {
  recipient: string;
  recipientKind: RecipientKind;
  /** The client's (or representative's) recorded consent for disclosure; required for a successor provider. */
  consentId?: string;
  /** The Nidos guardian's registered relation (guardian with custody); required for the Nidos guardian. */
  guardianRelationId?: string;
  transferredOn: string;
  clientToldBeforehand: boolean;
  notToldBecause?: string;
}

const RECIPIENT_LABELS: Record<RecipientKind, string> = {
  'successor-provider': 'opvolgende zorgaanbieder',
  'nidos-guardian': 'voogd (Nidos)',
};

function inputProblems(input: NewTransfer, today: string): void {
  if (input.transferredOn > today) throw badRequest('date-in-future', 'transferredOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  if (input.recipientKind === 'successor-provider' && input.guardianRelationId !== undefined) {
    throw badRequest('field-not-allowed', 'guardianRelationId', 'Een voogd hoort alleen bij een overdracht aan de voogd.', 'A guardian belongs only to a transfer to the guardian.');
  }
  if (input.recipientKind === 'successor-provider' && input.consentId === undefined) {
    throw badRequest('field-required', 'consentId', 'Voor overdracht aan een andere zorgaanbieder is toestemming nodig: noem de vastgelegde toestemming.',
      'A transfer to another provider needs consent: name the recorded consent.');
  }
}

/** Records the transfer after the engine allows the disclosure; closes the dossier to new entries. */
export async function transferDossier(scope: ClientScope, masterKey: Buffer, input: NewTransfer): Promise<Transfer> {
  inputProblems(input, calendarDate(scope.now));
  const earlier = await dossierTransfer(scope, masterKey);
  if (earlier !== undefined) throw conflict('already-transferred', `Dit dossier is al overgedragen, op ${dateInWords(earlier.transferredOn)}.`, `This dossier was already transferred on ${earlier.transferredOn}.`);
  const disclosure = await recordDisclosure(scope, masterKey, {
    recipient: input.recipient,
    basis: input.recipientKind === 'successor-provider' ? 'consent' : 'legal-representative',
    ...(input.consentId === undefined ? {} : { consentId: input.consentId }),
    ...(input.guardianRelationId === undefined ? {} : { guardianRelationId: input.guardianRelationId }),
    part: 'dossier',
    what: `Overdracht van het dossier aan de ${RECIPIENT_LABELS[input.recipientKind]}: gegevens, relaties, toestemmingen en dossierregels (PDF en gegevensbestand).`,
    disclosedOn: input.transferredOn,
    clientToldBeforehand: input.clientToldBeforehand,
    ...(input.notToldBecause === undefined ? {} : { notToldBecause: input.notToldBecause }),
  });
  const transfer: Transfer = {
    id: randomUUID(), recipient: input.recipient, recipientKind: input.recipientKind, transferredOn: input.transferredOn, citations: disclosure.citations,
    disclosureId: disclosure.id, guardianRelationId: input.guardianRelationId ?? null, consentGiven: input.consentId !== undefined,
  };
  await transfersOf(scope).record({
    id: transfer.id, recipientCiphertext: sealRecipient(masterKey, 'transfer', transfer.id, transfer.recipient), recipientKind: transfer.recipientKind,
    transferredOn: transfer.transferredOn, citations: transfer.citations, disclosureId: transfer.disclosureId, guardianRelationId: transfer.guardianRelationId,
    consentGiven: transfer.consentGiven,
  });
  return transfer;
}

/** The recipient as a reader of the dossier, from what was recorded at the transfer. */
function recipientReader(transfer: Transfer): Reader {
  return transfer.recipientKind === 'successor-provider'
    ? { actor: 'third-party', relationId: null, action: 'disclose', consentGiven: transfer.consentGiven }
    : { actor: 'guardian', relationId: transfer.guardianRelationId, action: 'copy', consentGiven: transfer.consentGiven };
}

async function requireTransfer(scope: ClientScope, masterKey: Buffer, transferId: string): Promise<Transfer> {
  const transfer = await dossierTransfer(scope, masterKey);
  if (transfer === undefined || transfer.id !== transferId) throw notFound('Deze overdracht bestaat niet bij deze cliënt.', 'This transfer does not exist for this client.');
  return transfer;
}

/** The transfer package as data (JSON and FHIR are built from it). */
export async function transferExport(scope: ClientScope, masterKey: Buffer, transferId: string, progress?: ProgressReporter): Promise<PortabilityExport> {
  const transfer = await requireTransfer(scope, masterKey, transferId);
  return buildDossierExport(scope, masterKey, recipientReader(transfer), { reason: 'transfer', reference: transfer.id }, progress);
}

/** The recipient's view of the dossier, for the transfer PDF. */
export async function transferView(scope: ClientScope, masterKey: Buffer, transferId: string, progress?: ProgressReporter): Promise<{ transfer: Transfer; view: ReaderView }> {
  const transfer = await requireTransfer(scope, masterKey, transferId);
  return { transfer, view: await readerView(scope, masterKey, recipientReader(transfer), progress) };
}
