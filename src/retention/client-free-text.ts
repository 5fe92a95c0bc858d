/**
 * Free text about a client that lives outside the care tables — the consent
 * texts, the privacy officer's note on an emergency access, why a restriction
 * of processing ended, why a dossier is held past its retention, where a
 * request's consent declaration is kept — sealed under that client's data key
 * (AES-256-GCM, `crypto/envelope.ts`), each value bound to its row. Destroying
 * the dossier shreds the key, and with it these texts, in every backup too
 * (issue 13 item 8; migrations 0033 and 0034).
 *
 * One place for the shape and the binding (`context`) of each sealed value,
 * so the services that write and read them and the start-up step that seals
 * rows written before 0033 agree.
 */
import { Type } from 'typebox';
import { sealLegacyBreaches } from '../breaches/breach-service.js';
import { legacyConsentRows, storeSealedConsentTexts } from '../consents/consent-store.js';
import { CLIENTS_WITH_KEY, wrappedClientKeys } from '../crypto/client-key-store.js';
import { unwrapClientKey } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import type { Database, Queryable } from '../db/database.js';
import { DISCLOSURE_RECIPIENT } from '../disclosures/disclosure-store.js';
import { EMERGENCY_REVIEW_NOTE } from '../emergency/emergency-store.js';
import { AppError } from '../errors.js';
import { COMPETENCE_EXPERT } from '../representation/competence-store.js';
import { REQUEST_CONSENT_REFERENCE } from '../requests/request-store.js';
import { RESTRICTION_END_REASON } from '../requests/restriction-store.js';
import { TRANSFER_RECIPIENT } from '../transfers/transfer-store.js';
import type { LegacyRecipientColumn, LegacyTextColumn } from './legacy-text-columns.js';
import { RETENTION_HOLD_REASON } from './retention-store.js';

/** Shown in place of a text whose client key was destroyed. */
export const DESTROYED_TEXT = '(vernietigd met het dossier)';

/** The free texts of a consent (Jeugdwet 7.3.2; AVG 7). */
export interface ConsentTexts {
  informationGiven: string;
  recipient: string | null;
  purpose: string | null;
  dataDescription: string | null;
  declarationReference: string | null;
}

/** What each sealed value holds, and the context (associated data) that binds it to its row. */
const Sealed = {
  consent: { context: (consentId: string) => `consent:${consentId}` },
  emergencyReview: { context: (accessId: string) => `emergency-review:${accessId}` },
  restrictionEnd: { context: (restrictionId: string) => `restriction-end:${restrictionId}` },
  retentionHold: { context: (clientId: string) => `retention-hold:${clientId}` },
  retentionGoodCare: { context: (clientId: string) => `retention-good-care:${clientId}` },
  requestConsent: { context: (requestId: string) => `request-consent:${requestId}` },
  competenceExpert: { context: (assessmentId: string) => `competence-expert:${assessmentId}` },
} as const;

/** A text that may be left out (absent or null: none). */
const OptionalText = Type.Optional(Type.Union([Type.String(), Type.Null()]));

/** What each kind of sealed value holds; `decryptJson` checks it (a corrupted or old-format row throws SealedShapeError). */
const SealedConsentTexts = Type.Object({
  informationGiven: Type.String(), recipient: OptionalText, purpose: OptionalText, dataDescription: OptionalText, declarationReference: OptionalText,
});
const SealedText = Type.Object({ text: Type.String() });
const SealedRecipient = Type.Object({ recipient: Type.String() });

export function sealConsentTexts(key: Buffer, consentId: string, texts: ConsentTexts): Buffer {
  return encryptJson(key, texts, Sealed.consent.context(consentId));
}

export function openConsentTexts(key: Buffer, consentId: string, sealed: Buffer): ConsentTexts {
  const v = decryptJson(key, sealed, Sealed.consent.context(consentId), SealedConsentTexts);
  return {
    informationGiven: v.informationGiven, recipient: v.recipient ?? null, purpose: v.purpose ?? null,
    dataDescription: v.dataDescription ?? null, declarationReference: v.declarationReference ?? null,
  };
}

/**
 * A single sealed text: the emergency review note, a restriction's end reason, a hold reason, a request's
 * consent reference, the expert consulted for a competence assessment (migration 0037).
 */
export type SealedTextKind = 'emergencyReview' | 'restrictionEnd' | 'retentionHold' | 'retentionGoodCare' | 'requestConsent' | 'competenceExpert';

/** Seals one text under the client's key, bound to the row (`rowId`: the access, restriction, client or request id). */
export function sealText(key: Buffer, kind: SealedTextKind, rowId: string, value: string): Buffer {
  return encryptJson(key, { text: value }, Sealed[kind].context(rowId));
}

export function openText(key: Buffer, kind: SealedTextKind, rowId: string, sealed: Buffer): string {
  return decryptJson(key, sealed, Sealed[kind].context(rowId), SealedText).text;
}

// ---------------------------------------------------------------- under the master key

/**
 * To whom a client's data went: the disclosure register's and the transfer record's recipient. Sealed
 * under the MASTER key, not the client's, because the register must outlive a destroyed dossier
 * (AVG 5(2), 19; DOMAIN §5; migration 0037 says why); erased with the formal data when the retention
 * period ends (0038). Rotated with the master key (`SEALED_UNDER_MASTER_KEY`).
 */
export type RecipientRegister = 'disclosure' | 'transfer';

/** The associated data of a sealed recipient: the register and the row. */
export const recipientContext = (register: RecipientRegister, rowId: string): string => `${register}-recipient:${rowId}`;

/** Shown in place of a recipient erased with the formal data at the end of the retention period. */
export const ERASED_RECIPIENT = '(gewist na de bewaartermijn)';

export function sealRecipient(masterKey: Buffer, register: RecipientRegister, rowId: string, recipient: string): Buffer {
  return encryptJson(masterKey, { recipient }, recipientContext(register, rowId));
}

/** The recipient of a register row: sealed (0037), or erased at the end of the retention period (0038). */
export function openRecipient(masterKey: Buffer, register: RecipientRegister, rowId: string, sealed: Buffer | null, plain: string | null): string {
  if (sealed === null) return plain === null || plain === '' ? ERASED_RECIPIENT : plain;
  return decryptJson(masterKey, sealed, recipientContext(register, rowId), SealedRecipient).recipient;
}

/** A client's data key as a store loads it, or undefined when it was destroyed (the texts are gone with it). */
export async function keyUnlessDestroyed(key: Promise<Buffer>): Promise<Buffer | undefined> {
  try {
    return await key;
  } catch (error) {
    if (error instanceof AppError && error.code === 'content-destroyed') return undefined;
    throw error;
  }
}

/** The data keys of clients from their wrapped keys as the crypto store gives them; a destroyed client has none in the map. */
export function unwrapClientKeys(masterKey: Buffer, rows: readonly { client_id: string; wrapped_key: Buffer }[]): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const row of rows) keys.set(row.client_id, unwrapClientKey(masterKey, row.client_id, row.wrapped_key));
  return keys;
}

/** The data keys of several clients in one query; a destroyed client has none in the map. */
async function clientKeys(tx: Queryable, masterKey: Buffer, clientIds: readonly string[]): Promise<Map<string, Buffer>> {
  if (clientIds.length === 0) return new Map<string, Buffer>();
  return unwrapClientKeys(masterKey, await wrappedClientKeys(tx, [...new Set(clientIds)]));
}

// ---------------------------------------------------------------- rows written before 0033

/** How many rows of each kind `sealLegacyFreeText` sealed. */
export interface SealedCount {
  consents: number;
  emergencyReviews: number;
  restrictionEnds: number;
  retentionHolds: number;
  requestConsents: number;
  /** Under the client's key too (migration 0037). */
  competenceExperts: number;
  /** Under the master key (migration 0037). */
  disclosureRecipients: number;
  transferRecipients: number;
  breaches: number;
}

const BATCH = 500;

/** Empty or absent plaintext counts as nothing to seal (0033 and the identity erasure leave ''). */
function present(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}

/**
 * Seals the free text that rows written before migration 0033 still hold in
 * clear, and empties the plaintext, in batches of one transaction each. Runs
 * at start-up, before the server serves (migration 0033 forbids plaintext in
 * any row written from then on, so nothing else writes it). Idempotent: only
 * rows with non-empty plaintext are touched, each locked and re-read, so two
 * processes starting at once do not seal a row twice. Clients whose key is
 * gone are skipped: migration 0033 and the destruction function empty theirs.
 */
export async function sealLegacyFreeText(db: Database, masterKey: Buffer): Promise<SealedCount> {
  const count: SealedCount = {
    consents: 0, emergencyReviews: 0, restrictionEnds: 0, retentionHolds: 0, requestConsents: 0, competenceExperts: 0, disclosureRecipients: 0, transferRecipients: 0, breaches: 0,
  };

  count.consents = await inBatches(db, async (tx) => {
    const rows = await legacyConsentRows(tx, BATCH);
    const keys = await clientKeys(tx, masterKey, rows.map((r) => r.client_id));
    for (const r of rows) {
      const sealed = sealConsentTexts(keys.get(r.client_id)!, r.id, {
        informationGiven: r.information_given ?? '', recipient: present(r.recipient), purpose: present(r.purpose),
        dataDescription: present(r.data_description), declarationReference: present(r.declaration_reference),
      });
      await storeSealedConsentTexts(tx, r.id, sealed);
    }
    return rows.length;
  });

  // Each owner declares its column (issue 14: the owner names its table).
  count.emergencyReviews = await sealColumn(db, masterKey, EMERGENCY_REVIEW_NOTE);
  count.restrictionEnds = await sealColumn(db, masterKey, RESTRICTION_END_REASON);
  count.retentionHolds = await sealColumn(db, masterKey, RETENTION_HOLD_REASON);
  count.requestConsents = await sealColumn(db, masterKey, REQUEST_CONSENT_REFERENCE);
  count.competenceExperts = await sealColumn(db, masterKey, COMPETENCE_EXPERT);
  count.disclosureRecipients = await sealRecipients(db, masterKey, DISCLOSURE_RECIPIENT);
  count.transferRecipients = await sealRecipients(db, masterKey, TRANSFER_RECIPIENT);
  count.breaches = await inBatches(db, (tx) => sealLegacyBreaches(tx, masterKey, BATCH));
  return count;
}

/** A register's recipient in clear sealed under the master key. The names are fixed in the owner's declaration, never input. */
async function sealRecipients(db: Database, masterKey: Buffer, { table, register }: LegacyRecipientColumn): Promise<number> {
  return inBatches(db, async (tx) => {
    const rows = await tx.query<{ id: string; recipient: string }>(
      `SELECT id, recipient FROM ${table} WHERE COALESCE(recipient, '') <> '' LIMIT ${BATCH} FOR UPDATE`);
    for (const r of rows) {
      await tx.query(`UPDATE ${table} SET recipient_ciphertext = $2, recipient = NULL WHERE id = $1`,
        [r.id, sealRecipient(masterKey, register, r.id, r.recipient)]);
    }
    return rows.length;
  });
}

/** One plaintext column sealed into its ciphertext column. The names are fixed in the owner's declaration, never input. */
async function sealColumn(db: Database, masterKey: Buffer, c: LegacyTextColumn): Promise<number> {
  return inBatches(db, async (tx) => {
    const rows = await tx.query<{ id: string; client_id: string; plain: string }>(
      `SELECT t.${c.id} AS id, t.client_id, t.${c.column} AS plain
         FROM ${c.table} t JOIN ${CLIENTS_WITH_KEY} k ON k.client_id = t.client_id
        WHERE COALESCE(t.${c.column}, '') <> '' LIMIT ${BATCH} FOR UPDATE OF t`);
    const keys = await clientKeys(tx, masterKey, rows.map((r) => r.client_id));
    for (const r of rows) {
      await tx.query(`UPDATE ${c.table} SET ${c.ciphertext} = $2, ${c.column} = NULL WHERE ${c.id} = $1`,
        [r.id, sealText(keys.get(r.client_id)!, c.kind, r.id, r.plain)]);
    }
    return rows.length;
  });
}

async function inBatches(db: Database, batch: (tx: Queryable) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction(batch);
    total += done;
    if (done < BATCH) return total;
  }
}
