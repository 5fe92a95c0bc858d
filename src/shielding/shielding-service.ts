/**
 * Shielding (003 §3.1; Jeugdwet 7.3.10): information in the dossier recorded
 * as information about another person — shown to the client's side only when
 * that person consents — or as shielded from named people (a parent's secret
 * address, something confided by one parent), with a reason. Lifted with a
 * reason, never deleted.
 *
 * A shielding covers one field a reader could get (`ShieldingTarget`): an
 * entry's text (a passage of it, or — without a passage — the whole entry),
 * its title, its source description, one annotation, or the client's formal
 * contact data (address, postcode, town, phone, e-mail). An own statement of
 * the client is an entry of its own and is shielded like any entry. The
 * reader-specific view (reader-view.ts) applies every one of them wherever the
 * data leave the organisation.
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { ClientBoundScope, ClientScope } from '../access/client-access.js';
import { dataKeyOf } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import type { Entry } from '../dossier/dossier-service.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { relationsOfScope } from '../representation/relation-store.js';
import { calendarDate } from '../shared/calendar-date.js';
import { shieldingsOf, type ShieldingKind, type ShieldingTarget } from './shielding-store.js';

export { ShieldingTarget, type ShieldingKind } from './shielding-store.js';

/** What a shielding seals: its reason. */
const SealedReason = Type.Object({ reason: Type.String() });

export const ENTRY_TARGETS = ['text', 'title', 'source', 'annotation'] as const;
export type EntryTarget = (typeof ENTRY_TARGETS)[number];

export interface NewShielding {
  kind: ShieldingKind;
  /** Default `text`. */
  target?: EntryTarget;
  /** Only with target `text`; without it the whole entry is shielded. */
  passage?: { start: number; end: number };
  /** Required with, and only with, target `annotation`. */
  annotationId?: string;
  shieldedFrom?: string[];
  reason: string;
}

export interface Shielding {
  id: string;
  /** null for the client's contact data. */
  entryId: string | null;
  kind: ShieldingKind;
  target: ShieldingTarget;
  passage: { start: number; end: number } | null;
  annotationId: string | null;
  shieldedFrom: string[];
  /** The named relations, "Voornamen Achternaam", in the order of `shieldedFrom`. */
  shieldedFromNames: string[];
  reason: string;
  otherPersonConsentedOn: string | null;
  recordedAt: string;
}

/** The shieldings in force for the client. */
export async function listShieldings(scope: ClientBoundScope, masterKey: Buffer): Promise<Shielding[]> {
  const rows = await shieldingsOf(scope).inForce();
  if (rows.length === 0) return [];
  const key = await dataKeyOf(scope, masterKey);
  const names = await relationsOfScope(scope).names();
  return rows.map((r) => ({
    id: r.id, entryId: r.entry_id, kind: r.kind, target: r.target,
    passage: r.passage_start === null || r.passage_end === null ? null : { start: r.passage_start, end: r.passage_end },
    annotationId: r.annotation_id, shieldedFrom: r.shielded_from, shieldedFromNames: r.shielded_from.map((id) => names.get(id) ?? 'onbekende relatie'),
    reason: decryptJson(key, r.reason_ciphertext, `shielding:${r.id}`, SealedReason).reason,
    otherPersonConsentedOn: r.other_person_consented_on, recordedAt: r.recorded_at.toISOString(),
  }));
}

async function checkShieldedFrom(scope: ClientScope, kind: ShieldingKind, from: readonly string[]): Promise<void> {
  if (kind !== 'shielded-from') {
    if (from.length > 0) {
      throw badRequest('field-not-allowed', 'shieldedFrom', 'Informatie over een ander wordt voor de hele kant van de cliënt afgeschermd; noem dan geen personen.',
        'Information about another person is shielded from the client\'s whole side; name no persons with it.');
    }
    return;
  }
  if (from.length === 0) throw badRequest('field-required', 'shieldedFrom', 'Geef aan voor wie de informatie wordt afgeschermd.', 'State from whom the information is shielded.');
  if ((await relationsOfScope(scope).among(from)).length !== new Set(from).size) {
    throw badRequest('unknown-relation', 'shieldedFrom', 'Afschermen kan alleen voor geregistreerde relaties van de cliënt.', 'Shielding is only possible from registered relations of the client.');
  }
}

/** Refuses a shielding that does not fit the entry: a passage outside the text, a title or source the entry does not have, another entry's annotation. */
function checkEntryTarget(entry: Entry, target: EntryTarget, input: NewShielding): void {
  if (input.passage !== undefined && target !== 'text') {
    throw badRequest('field-not-allowed', 'passage', 'Een passage kan alleen in de tekst worden gemarkeerd.', 'A passage can only be marked in the text.');
  }
  if (input.annotationId !== undefined && target !== 'annotation') {
    throw badRequest('field-not-allowed', 'annotationId', 'Een aantekening hoort alleen bij het afschermen van een aantekening.', 'An annotation belongs only to shielding an annotation.');
  }
  switch (target) {
    case 'text':
      if (input.passage !== undefined && (input.passage.end > entry.text.length || input.passage.start >= input.passage.end)) {
        throw badRequest('invalid-passage', 'passage', 'De gemarkeerde passage valt buiten de tekst.', 'The marked passage lies outside the text.');
      }
      return;
    case 'title':
      if (entry.title === null) throw badRequest('nothing-to-shield', 'target', 'Deze dossierregel heeft geen titel.', 'This entry has no title.');
      return;
    case 'source':
      if (entry.source.description === null) {
        throw badRequest('nothing-to-shield', 'target', 'Bij deze dossierregel staat geen toelichting op de bron.', 'This entry has no source description.');
      }
      return;
    case 'annotation':
      if (input.annotationId === undefined) throw badRequest('field-required', 'annotationId', 'Kies de aantekening die u wilt afschermen.', 'Choose the annotation to shield.');
      if (!entry.annotations.some((a) => a.id === input.annotationId)) {
        throw badRequest('unknown-annotation', 'annotationId', 'Deze aantekening hoort niet bij deze dossierregel.', 'This annotation does not belong to this entry.');
      }
      return;
  }
}

async function insert(scope: ClientScope, masterKey: Buffer, row: {
  entryId: string | null; kind: ShieldingKind; target: ShieldingTarget; passage?: { start: number; end: number } | undefined; annotationId?: string | undefined;
  shieldedFrom: readonly string[]; reason: string;
}): Promise<Shielding> {
  const id = randomUUID();
  const key = await dataKeyOf(scope, masterKey);
  await shieldingsOf(scope).record({
    id, entryId: row.entryId, kind: row.kind, target: row.target, passage: row.passage ?? null, annotationId: row.annotationId ?? null,
    shieldedFrom: row.shieldedFrom, reasonCiphertext: encryptJson(key, { reason: row.reason }, `shielding:${id}`),
  });
  if (row.entryId !== null) scope.touch([row.entryId]);
  return (await listShieldings(scope, masterKey)).find((s) => s.id === id)!;
}

/** Records a shielding on a field of an entry, checked against the entry and the client's relations. */
export async function addShielding(scope: ClientScope, masterKey: Buffer, entry: Entry, input: NewShielding): Promise<Shielding> {
  const target = input.target ?? 'text';
  checkEntryTarget(entry, target, input);
  const from = input.shieldedFrom ?? [];
  await checkShieldedFrom(scope, input.kind, from);
  return insert(scope, masterKey, { entryId: entry.id, kind: input.kind, target, passage: input.passage, annotationId: input.annotationId, shieldedFrom: from, reason: input.reason });
}

/**
 * Shields the client's formal contact data — address, postcode, town, phone,
 * e-mail — from named relations (the secret-address case, 003 §3.1).
 */
export async function addContactDataShielding(scope: ClientScope, masterKey: Buffer, input: { shieldedFrom: string[]; reason: string }): Promise<Shielding> {
  await checkShieldedFrom(scope, 'shielded-from', input.shieldedFrom);
  return insert(scope, masterKey, { entryId: null, kind: 'shielded-from', target: 'contact-data', shieldedFrom: input.shieldedFrom, reason: input.reason });
}

async function inForce(scope: ClientScope, shieldingId: string): Promise<{ kind: ShieldingKind; other_person_consented_on: string | null; entry_id: string | null }> {
  const row = await shieldingsOf(scope).lock(shieldingId);
  if (row === undefined || row.lifted_at !== null) throw notFound('Deze afscherming bestaat niet (meer).', 'This shielding does not exist (any more).');
  if (row.entry_id !== null) scope.touch([row.entry_id]);
  return row;
}

/** The other person consents to the information about them being shown (003 §3.1). */
export async function recordOtherPersonConsent(scope: ClientScope, shieldingId: string): Promise<void> {
  const row = await inForce(scope, shieldingId);
  if (row.kind !== 'about-another-person' || row.other_person_consented_on !== null) {
    throw conflict('consent-not-applicable', 'Toestemming van de ander past alleen bij informatie over een ander, en is al vastgelegd of niet nodig.', 'The other person\'s consent applies only to information about another person, once.');
  }
  await shieldingsOf(scope).otherPersonConsented(shieldingId, calendarDate(scope.now));
}

/** Lifts a shielding with a reason (kept, encrypted under the client's key, beside who lifted it and when). */
export async function liftShielding(scope: ClientScope, masterKey: Buffer, shieldingId: string, reason: string): Promise<void> {
  await inForce(scope, shieldingId);
  const key = await dataKeyOf(scope, masterKey);
  await shieldingsOf(scope).lift(shieldingId, encryptJson(key, { reason }, `shielding-lift:${shieldingId}`));
}
