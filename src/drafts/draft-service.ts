/**
 * Drafts (issue 15, "nothing typed is lost"): what a professional types in a
 * form for a new entry or an annotation, and about a request — the decision
 * with its reasons (the text of the letter), the extension notice, the
 * client's own statement — is saved as they type, so a timed-out session or a
 * closed tab loses nothing.
 *
 * A draft is not part of the dossier: it is visible to its author alone (any
 * other caller's request for its id answers 404, exactly as a draft that does
 * not exist), it falls under no client right, and it expires like a personal
 * work note (DW_WORK_NOTE_DAYS after its last save). Finalising is the normal
 * path: the web posts the entry (or annotation) and deletes the draft, so the
 * rules for recording decide then as always.
 *
 * A draft about a request names it, and is kept only by whom the engine lets
 * do that act for that request's kind (decide it; carry out the statement): a
 * request of another client, or none, answers 404.
 *
 * Sealed under the client's data key, as the entries are (AAD `draft:<id>`):
 * destroying the dossier shreds the key and with it every draft about the
 * client, and the sanctioned destruction removes the rows (migration 0067).
 * Each save is an access of the client's data through the gate, logged
 * without content; being an authenticated request, it also keeps the
 * session alive while the author types.
 */
import { Type, type Static } from 'typebox';
import type { ClientScope } from '../access/client-access.js';
import { dataKeyOf } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import { ANNOTATION_KINDS, ENTRY_KINDS, SOURCE_KINDS } from '../dossier/entry-kinds.js';
import { AppError, badRequest, notFound } from '../errors.js';
import { OneOf } from '../http/schema-helpers.js';
import { assertRequestAct } from '../requests/request-acts.js';
import { DECISION_FACTS } from '../requests/request-kinds.js';
import { requestsOf } from '../requests/request-store.js';
import { Act } from '../rules/index.js';
import { DraftTarget, REQUEST_DRAFT_TARGETS, draftsOf } from './draft-store.js';

/** How many drafts one author may keep about one client: enough for a few forms at once, not a second dossier. */
export const MAX_DRAFTS_PER_CLIENT = 20;

const Short = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

/**
 * The fields of a form as typed, every one optional (a draft may be half done). Closed: only the fields the
 * entry, annotation, statement, decision and extension forms have. `text` is each form's free text (the entry's
 * text, the annotation, the statement, the decision's or the extension's reasons); all of it is bounded in bytes by
 * the service (DW_MAX_ENTRY_BYTES).
 */
export const DraftFields = Type.Object({
  /** The entry's kind (an entry draft): decides which part of the dossier the author must be allowed to record in. */
  kind: Type.Optional(OneOf(ENTRY_KINDS)),
  title: Short(300),
  text: Type.Optional(Type.String()),
  occurredOn: Short(10),
  sourceKind: Type.Optional(OneOf(SOURCE_KINDS)),
  sourceDescription: Short(500),
  statementType: Type.Optional(OneOf(['fact', 'opinion'] as const)),
  annotationKind: Type.Optional(OneOf(ANNOTATION_KINDS)),
  /** A decision draft: the outcome chosen, the facts established, the professional consulted before a refusal on serious harm. */
  outcome: Type.Optional(OneOf(['granted', 'partly', 'refused'] as const)),
  facts: Type.Optional(Type.Array(OneOf(DECISION_FACTS), { maxItems: DECISION_FACTS.length, uniqueItems: true })),
  consultedProfessional: Short(300),
  /** An extension draft: the day the notice was sent. */
  noticeSentOn: Short(10),
}, { additionalProperties: false });
export type DraftFields = Static<typeof DraftFields>;

/** What a draft seals. */
const SealedDraft = Type.Object({ fields: DraftFields });

export interface Draft {
  id: string;
  clientId: string;
  target: DraftTarget;
  entryId: string | null;
  /** The request a statement, decision or extension draft is about; null for an entry or annotation. */
  requestId: string | null;
  fields: DraftFields;
  updatedAt: string;
  expiresAt: string;
}

const noDraft = () => notFound('Dit concept bestaat niet.', 'This draft does not exist.');

const context = (id: string) => `draft:${id}`;

const noRequest = () => notFound('Dit verzoek bestaat niet.', 'This request does not exist.');

/** The act a draft about a request prepares: deciding it (the decision, the extension), or carrying out the statement. */
function actOf(target: DraftTarget): typeof Act.decideRequest | typeof Act.fulfilRequest {
  return target === DraftTarget.statement ? Act.fulfilRequest : Act.decideRequest;
}

/**
 * The caller's own unexpired drafts about the scope's client, last saved first: about no request (the timeline's
 * entries and annotations), or, with `requestId`, about that request of this client (another client's answers 404).
 */
export async function listOwnDrafts(scope: ClientScope, masterKey: Buffer, requestId?: string): Promise<Draft[]> {
  if (requestId !== undefined && await requestsOf(scope).kindOf(requestId) === undefined) throw noRequest();
  const rows = await draftsOf(scope).list(requestId);
  if (rows.length === 0) return [];
  const key = await dataKeyOf(scope, masterKey);
  return rows.map((row) => ({
    id: row.id, clientId: scope.client.id, target: row.target, entryId: row.entry_id, requestId: row.request_id,
    fields: decryptJson(key, row.ciphertext, context(row.id), SealedDraft).fields,
    updatedAt: new Date(row.updated_at).toISOString(), expiresAt: new Date(row.expires_at).toISOString(),
  }));
}

/**
 * A draft about a request needs that request of this client (else 404), of a kind its act fits (a statement only on a
 * request to add one), and the caller may do that act for that kind (the engine's 403 otherwise); no other draft names one.
 */
async function assertRequestOfDraft(scope: ClientScope, target: DraftTarget, requestId: string | null): Promise<void> {
  if (!REQUEST_DRAFT_TARGETS.includes(target)) {
    if (requestId !== null) {
      throw badRequest('field-not-allowed', 'requestId', 'Dit concept hoort niet bij een verzoek.', 'This draft does not belong to a request.');
    }
    return;
  }
  if (requestId === null) {
    throw badRequest('field-required', 'requestId', 'Zeg bij welk verzoek dit concept hoort.', 'Name the request this draft belongs to.');
  }
  const kind = await requestsOf(scope).kindOf(requestId);
  if (kind === undefined) throw noRequest();
  if (target === DraftTarget.statement && kind !== 'add-statement') {
    throw badRequest('field-not-for-kind', 'requestId', 'Een eigen verklaring hoort bij een verzoek om een eigen verklaring toe te voegen.',
      'An own statement belongs to a request to add one.');
  }
  await assertRequestAct(scope, actOf(target), requestId);
}

/** Saves the caller's draft under the id the form chose (a new one, or theirs replaced); someone else's id answers 404. */
export async function saveOwnDraft(scope: ClientScope, masterKey: Buffer, input: {
  id: string; target: DraftTarget; entryId: string | null; requestId: string | null; fields: DraftFields; maxBytes: number; expiresInDays: number;
}): Promise<Draft> {
  if (Buffer.byteLength(JSON.stringify(input.fields), 'utf8') > input.maxBytes) {
    throw badRequest('draft-too-large', 'fields.text', `Het concept is groter dan ${input.maxBytes} bytes.`, `The draft is larger than ${input.maxBytes} bytes.`);
  }
  await assertRequestOfDraft(scope, input.target, input.requestId);
  const drafts = draftsOf(scope);
  // Expired drafts go before they count (the organisation's, in its scope): expiring needs no separate job.
  await drafts.destroyExpired();
  if (await drafts.count(input.id) >= MAX_DRAFTS_PER_CLIENT) {
    throw new AppError('too-many-drafts', 409,
      `U bewaart al ${MAX_DRAFTS_PER_CLIENT} concepten voor deze cliënt. Rond er een af of gooi er een weg.`,
      `You already keep ${MAX_DRAFTS_PER_CLIENT} drafts for this client. Finish or discard one.`);
  }
  const key = await dataKeyOf(scope, masterKey);
  const expiresAt = new Date(scope.now.getTime() + input.expiresInDays * 86_400_000);
  const saved = await drafts.save({
    id: input.id, target: input.target, entryId: input.entryId, requestId: input.requestId, expiresAt,
    ciphertext: encryptJson(key, { fields: input.fields }, context(input.id)),
  });
  if (!saved) throw noDraft();
  return {
    id: input.id, clientId: scope.client.id, target: input.target, entryId: input.entryId, requestId: input.requestId, fields: input.fields,
    updatedAt: scope.now.toISOString(), expiresAt: expiresAt.toISOString(),
  };
}

/** Discards the caller's own draft (after finalising, or on purpose) about no request, or about `requestId`; another's answers 404. */
export async function discardOwnDraft(scope: ClientScope, id: string, requestId?: string): Promise<void> {
  if (!await draftsOf(scope).remove(id, requestId)) throw noDraft();
}
