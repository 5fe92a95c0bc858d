/**
 * What fulfilling a granted request does, per kind (issue 5 part 6; DOMAIN §3):
 * - correct (AVG 16; 003 §2.2.6, §3.4): formal data corrected with its history
 *   kept; a factual error in an entry corrected by an annotation beside it; a
 *   professional finding is not corrected — the engine refuses and the client's
 *   own statement is offered instead;
 * - add-statement (Jeugdwet 7.3.8; BW 7:454 lid 2): the client's own statement,
 *   linked to the entry it disputes;
 * - restrict (AVG 18): processing frozen until a recorded end;
 * - withdraw-consent (AVG 7(3)): the named consent withdrawn at once;
 * - object (AVG 21): the objection and the processing that stops, recorded.
 * The fulfilment body carries the kind's own fields; a field of another kind
 * is refused, so nothing is done that the request did not ask.
 */
import type { ClientScope } from '../access/client-access.js';
import { correctFormalData, type CorrectableField } from '../clients/clients-service.js';
import { withdrawConsent, type Withdrawer } from '../consents/consent-service.js';
import { encryptJson } from '../crypto/envelope.js';
import { dataKeyOf } from '../crypto/client-keys.js';
import { addOwnStatement, annotateEntry, entryNature } from '../dossier/dossier-service.js';
import { partOfEntryKind, type EntryKind, type SourceKind } from '../dossier/entry-kinds.js';
import { AppError, badRequest, conflict, forbidden } from '../errors.js';
import { sealText } from '../retention/client-free-text.js';
import { Citation, type Actor, type Decision, type Fact, type Part } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { RequestKind } from './request-kinds.js';
import { requestsOf } from './request-store.js';
import { objectionsOf, restrictionsOf } from './restriction-store.js';

export type FormalCorrectionInput = { field: CorrectableField; value: string };
export type EntryCorrectionInput = { entryId: string; reason: string };

/** The body of a fulfilment; which fields belong to which kind is checked by {@link checkFulfilInput}. */
export interface FulfilInput {
  /** copy: a reasonable fee, only for extra copies (AVG 15(3)). */
  feeCents?: number;
  /** correct: what is wrong and what is right. */
  corrections?: readonly (FormalCorrectionInput | EntryCorrectionInput)[];
  /** add-statement: the entry disputed and the client's statement. */
  statement?: { entryId: string; title?: string; text: string };
  /** withdraw-consent: the consent in the register. */
  consentId?: string;
  /** object: the processing objected to, which stops. */
  objection?: { processing: string };
}

const FIELDS_OF_KIND: Record<RequestKind, readonly (keyof FulfilInput)[]> = {
  'inspect': [], 'copy': ['feeCents'], 'correct': ['corrections'], 'add-statement': ['statement'], 'destroy': [], 'restrict': [],
  'object': ['objection'], 'portability': [], 'withdraw-consent': ['consentId'], 'general-information': [],
};
const REQUIRED_OF_KIND: Partial<Record<RequestKind, keyof FulfilInput>> = {
  'correct': 'corrections', 'add-statement': 'statement', 'withdraw-consent': 'consentId', 'object': 'objection',
};

/** What each field of a fulfilment is, in Dutch (B1): a refusal names it so, never by its API name (issue 15). */
const FIELD_IN_DUTCH: Record<keyof FulfilInput, string> = {
  feeCents: 'een vergoeding', corrections: 'wat er verbeterd wordt', statement: 'de eigen verklaring (bij welke dossierregel, en de tekst)',
  consentId: 'de toestemming die wordt ingetrokken', objection: 'de verwerking waartegen het bezwaar gaat',
};

/** Refuses a body that does not fit the request's kind (400, before anything changes). */
export function checkFulfilInput(kind: RequestKind, input: FulfilInput): void {
  const allowed = FIELDS_OF_KIND[kind];
  for (const field of Object.keys(input) as (keyof FulfilInput)[]) {
    if (input[field] !== undefined && !allowed.includes(field) && field !== 'feeCents') {
      const name = FIELD_IN_DUTCH[field] ?? 'een veld';
      throw badRequest('field-not-for-kind', field, `${name.charAt(0).toUpperCase()}${name.slice(1)} hoort niet bij dit soort verzoek.`,
        `"${field}" does not belong to a request of this kind (${kind}).`);
    }
  }
  const required = REQUIRED_OF_KIND[kind];
  if (required !== undefined && input[required] === undefined) {
    throw badRequest('field-required', required, `Om dit verzoek uit te voeren is nodig: ${FIELD_IN_DUTCH[required]}.`, `Fulfilling this request needs "${required}".`);
  }
}

/** Kinds of entry that hold the professional's own findings and conclusions, unless marked as fact (003 §2.2.6, §2.3.7). */
const FINDING_KINDS: ReadonlySet<EntryKind> = new Set<EntryKind>(['research-report', 'evaluation', 'case-discussion', 'decision', 'help-question', 'strengths-inventory']);

/** A professional finding: an opinion, or an entry of a judging kind not marked as a fact. */
export function isProfessionalFinding(nature: { kind: EntryKind; statementType: string | null }): boolean {
  return nature.statementType === 'opinion' || (nature.statementType === null && FINDING_KINDS.has(nature.kind));
}

/** Asks the engine the request's question again for one part, with the facts now known. */
export type AskEngine = (part: Part, extra: readonly Fact[]) => Promise<Decision>;

export interface FulfilContext {
  requestId: string;
  kind: RequestKind;
  requester: Actor;
  /** The requester's registered relation; null for the client themself. */
  requesterRelationId: string | null;
  requesterName: string | null;
  decision: 'granted' | 'partly';
  maxEntryBytes: number;
  ask: AskEngine;
}

function sourceOf(requester: Actor): SourceKind {
  switch (requester) {
    case 'client': return 'client';
    case 'parent-with-custody': case 'parent-without-custody': return 'parent';
    case 'guardian': return 'guardian';
    case 'family-guardian': return 'family-guardian';
    case 'representative': case 'confidential-advisor': case 'municipality': case 'third-party': case 'care-professional': case 'substitute': case 'intern':
    case 'admin-staff': case 'manager': case 'employee-without-relation': case 'inspector':
      return 'other';
  }
}

function isEntryCorrection(c: FormalCorrectionInput | EntryCorrectionInput): c is EntryCorrectionInput {
  return 'entryId' in c;
}

/** Carries out what the request asked; throws (and so changes nothing) when a part of it may not be done. */
export async function carryOut(scope: ClientScope, masterKey: Buffer, ctx: FulfilContext, input: FulfilInput): Promise<void> {
  switch (ctx.kind) {
    case 'correct':
      return correct(scope, masterKey, ctx, input.corrections ?? []);
    case 'add-statement':
      return ownStatement(scope, masterKey, ctx, input.statement!);
    case 'restrict':
      return restrict(scope, ctx);
    case 'withdraw-consent':
      return withdraw(scope, ctx, input.consentId!);
    case 'object':
      return object(scope, masterKey, ctx, input.objection!.processing);
    case 'inspect': case 'copy': case 'destroy': case 'portability': case 'general-information':
      return;
  }
}

async function correct(scope: ClientScope, masterKey: Buffer, ctx: FulfilContext, corrections: readonly (FormalCorrectionInput | EntryCorrectionInput)[]): Promise<void> {
  for (const [i, c] of corrections.entries()) {
    if (!isEntryCorrection(c)) {
      await correctFormalData(scope, ctx.requestId, c.field, c.value);
      continue;
    }
    const nature = await entryNature(scope, c.entryId);
    if (nature === undefined) throw badRequest('unknown-entry', `corrections/${i}/entryId`, 'Deze dossierregel bestaat niet in dit dossier.', 'This entry does not exist in this dossier.');
    // The engine decides: a factual error is corrected; a finding is not (AVG 16; 003 §2.2.6, §3.4).
    const decision = await ctx.ask(partOfEntryKind(nature.kind), isProfessionalFinding(nature) ? [] : ['factual-error']);
    if (decision.outcome === 'deny') {
      throw new AppError('correction-refused', 409,
        `${decision.explanation} Wil de cliënt een eigen verklaring bij deze dossierregel? Leg dan een verzoek om een eigen verklaring vast.`,
        'The rules refuse this correction (a professional finding is not corrected); the client\'s own statement can be added instead.',
        { field: `corrections/${i}/entryId`, basis: decision.basis, offer: 'own-statement', entryId: c.entryId } as AppError['extra']);
    }
    if (decision.outcome === 'needs-consent') {
      throw conflict('consent-missing', `Deze verbetering kan pas als de toestemming is vastgelegd. ${decision.explanation}`, 'The correction needs the missing consent first.');
    }
    await annotateEntry(scope, masterKey, c.entryId, { kind: 'incorrect', reason: c.reason, requestId: ctx.requestId });
  }
}

async function ownStatement(scope: ClientScope, masterKey: Buffer, ctx: FulfilContext, statement: NonNullable<FulfilInput['statement']>): Promise<void> {
  await addOwnStatement(scope, masterKey, ctx.maxEntryBytes, {
    disputesEntryId: statement.entryId, text: statement.text, requestId: ctx.requestId,
    ...(statement.title === undefined ? {} : { title: statement.title }),
    source: { kind: sourceOf(ctx.requester), ...(ctx.requesterName === null ? {} : { description: ctx.requesterName }) },
  });
}

async function restrict(scope: ClientScope, ctx: FulfilContext): Promise<void> {
  const restrictions = restrictionsOf(scope);
  if (await restrictions.isRestricted()) throw conflict('already-restricted', 'De verwerking is al beperkt.', 'Processing is already restricted.');
  await restrictions.start(ctx.requestId);
}

/**
 * Withdraws the named consent, only for the person whose consent it is (AVG
 * 7(3)): the client their own; the parent or guardian who gave one theirs; and
 * the client a consent their representatives gave for them once the engine
 * says the consent of that kind is now the client's alone (from 16, or when
 * the client was assessed competent: Jeugdwet 7.3.4–7.3.5; BW 7:450, 7:465).
 * Anyone else — e.g. a parent of a 14-year-old for the young person's own
 * consent — is refused and nothing changes.
 */
async function withdraw(scope: ClientScope, ctx: FulfilContext, consentId: string): Promise<void> {
  await withdrawConsent(scope, consentId, withdrawerOf(ctx), {
    field: 'consentId',
    unknown: () => badRequest('unknown-consent', 'consentId', 'Deze toestemming staat niet in het register van deze cliënt.', 'This consent is not in this client\'s register.'),
  });
  await requestsOf(scope).recordWithdrawnConsent(ctx.requestId, consentId);
}

/** The requester as the one who withdraws: the client, a parent or guardian (the representatives' party), or another person. */
function withdrawerOf(ctx: FulfilContext): Withdrawer {
  if (ctx.requester === 'client') return { party: 'client', relationId: null };
  const representative = ctx.requester === 'parent-with-custody' || ctx.requester === 'guardian';
  return { party: representative ? 'legal-representatives' : 'other-person', relationId: ctx.requesterRelationId };
}

async function object(scope: ClientScope, masterKey: Buffer, ctx: FulfilContext, processing: string): Promise<void> {
  const key = await dataKeyOf(scope, masterKey);
  await objectionsOf(scope).record(ctx.requestId, encryptJson(key, { processing }, `objection:${ctx.requestId}`), ctx.decision);
}

/**
 * Ends a restriction of processing (AVG 18(3)): only the dossier holder, with a
 * reason, after the client was told; the end is recorded beside the start.
 */
export async function endRestriction(scope: ClientScope, masterKey: Buffer, input: { reason: string; clientInformedOn: string }): Promise<void> {
  const today = calendarDate(scope.now);
  if (input.clientInformedOn > today) throw badRequest('date-in-future', 'clientInformedOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  const restrictions = restrictionsOf(scope);
  // The holder the care team counts today: a hand-over counts from its day, not the holder the dossier was opened with.
  if (!(await restrictions.callerIsHolderToday())) {
    throw forbidden('Alleen de houder van het dossier kan de beperking van de verwerking beëindigen.', 'Only the holder of the dossier can end the restriction of processing.', [Citation.avg_18]);
  }
  const active = await restrictions.inForceForUpdate();
  if (active === undefined) throw conflict('not-restricted', 'De verwerking is niet beperkt.', 'Processing is not restricted.');
  if (input.clientInformedOn < calendarDate(active.started_at)) {
    throw badRequest('invalid-date', 'clientInformedOn', 'De cliënt moet bericht krijgen nadat de beperking begon en voordat zij wordt opgeheven (AVG 18 lid 3).', 'The client must be told after the restriction began and before it is lifted (AVG 18(3)).');
  }
  // The reason is sealed under the client's key (migration 0033), so destroying the dossier destroys it.
  const reason = sealText(await dataKeyOf(scope, masterKey), 'restrictionEnd', active.id, input.reason);
  await restrictions.end(active.id, reason, input.clientInformedOn);
}
