/**
 * Requests to exercise the client's rights, from intake to fulfilment
 * (DOMAIN §3). At intake the engine decides whether this requester may make
 * this request and whose consent is missing; a refused request is recorded as
 * refused with the engine's reasons, never dropped — unless only a fact the
 * decider establishes could lift the refusal (a compelling interest after the
 * client's death, the other person's consent): then it stays open, and the
 * decision records that fact and asks the engine again. The decision deadline is
 * the engine's (AVG 12(3): one month, three when the client was told within
 * the first month); the decision is checked against the engine with the facts
 * the professional establishes. The appeal deadline is the engine's too
 * (`requestDeadlines`; Jeugdwet 7.3.17; 003 §4): six weeks from the day the
 * answer was received — recorded as its own fact, no date before it — and
 * none at all when the decision came late.
 * States: received → (extended) → decided → fulfilled.
 */
import { randomUUID } from 'node:crypto';
import { Type } from 'typebox';
import type { ClientBoundScope, ClientScope, ListScope } from '../access/gate-scope.js';
import { dataKeyOf } from '../crypto/client-keys.js';
import { decryptJson, encryptJson } from '../crypto/envelope.js';
import { entriesOf } from '../dossier/dossier-store.js';
import { AppError, badRequest, conflict, notFound } from '../errors.js';
import { relationsOfScope } from '../representation/relation-store.js';
import { agreementsOf } from '../representation/agreement-store.js';
import { competenceOf } from '../representation/competence-store.js';
import { personsOn, withPeopleOf } from '../representation/representation-service.js';
import { Citation, decideRequestKind, destructionDeadline, personStandingOn, requestDeadlines, responseDeadline, standingLabel, type Actor, type Decision, type Fact, type Part } from '../rules/index.js';
import { partOfEntryKind } from '../dossier/entry-kinds.js';
import { openText, sealText } from '../retention/client-free-text.js';
import { calendarDate } from '../shared/calendar-date.js';
import { decideInDatabase, destroyEntries, executeDestruction } from './destruction.js';
import { carryOut, checkFulfilInput, type FulfilInput } from './fulfil-rights.js';
import { generalInformationOf, type GeneralInformation } from './general-information.js';
import {
  actorOfRelation, ConsentHow, FACTS_THAT_OPEN, isDestructionGround, OPEN_FOR_FACT,
  type DecisionFact, type FactThatOpens, type DestructionSplit, type RequestDecision, type RequestKind, type RequestState,
} from './request-kinds.js';
import { openRequestsOf, requestsOf, type RequestRow } from './request-store.js';

/** What a request seals: its details. */
const SealedDetails = Type.Object({ details: Type.String() });
/** What an extension or a decision of a request seals: its reasons. */
const SealedReasons = Type.Object({ reasons: Type.String() });
/** What an own statement written in the portal seals: its text (migration 0078). */
export const SealedStatement = Type.Object({ text: Type.String() });

export { ConsentHow, RequestState, type RequestDecision } from './request-kinds.js';

export interface NewRequest {
  kind: RequestKind;
  /** A registered relation of the client; absent = the client themself. */
  requesterRelationId?: string;
  channel: 'written' | 'electronic' | 'in-person';
  receivedOn: string;
  part?: Part;
  details: string;
  identityCheck?: { documentType: 'passport' | 'identity-card' | 'driving-licence' | 'residence-permit' | 'other' };
}

export interface ClientRequest {
  id: string;
  kind: RequestKind;
  /**
   * `kind` is the engine's word recorded at intake (the intake was asked with it); `label` is what the requester
   * is today, computed at read time by the engine (custody ends at 18, an adult's representative follows the ranks).
   */
  requester: { kind: Actor; relationId: string | null; name: string | null; label: string };
  channel: string;
  receivedOn: string;
  part: string;
  details: string;
  identityChecked: { documentType: string; checkedAt: string } | null;
  state: RequestState;
  intake: {
    outcome: Decision['outcome']; basis: string[]; explanation: string; consentMissing: string[]; consentRecordedOn: string | null;
    /** The consent the engine asked for, as recorded: whose, when and how it was given, and the declaration's reference. */
    consent: RecordedRequestConsent | null;
  };
  deadline: string;
  overdue: boolean;
  extensionNoticeOn: string | null;
  /** The notice that the decision takes longer, with its reasons (AVG 12(3)); reasons null only on notices recorded before they were kept. */
  extension: { noticeSentOn: string; reasons: string | null } | null;
  /** The engine's deadlines of this request (`requestDeadlines`), with its Dutch explanation. */
  deadlines: RequestDeadlines;
  decision: {
    outcome: RequestDecision; reasons: string; facts: string[]; basis: string[]; decidedOn: string;
    /** The day the requester received the answer, once recorded. */
    answerReceivedOn: string | null;
    /** Six weeks after the answer was received; null before that is recorded, and for good after a late decision (003 §4). */
    appealDeadline: string | null;
    executionDeadline: string | null;
    /** A destruction granted in part: which entries go, which stay and on what ground. */
    destruction: DestructionSplit | null;
    /** The other professional consulted before a refusal on serious harm (Jeugdwet 7.3.2 lid 4). */
    consultedProfessional: string | null;
    /** A granted destruction: the second person's confirmation, once given (migration 0055). */
    destructionConfirmation: { confirmedBy: string; confirmedAt: string } | null;
  } | null;
  fulfilledOn: string | null;
  feeCents: number | null;
}

export interface RequestDeadlines {
  decisionDeadline: string;
  extended: boolean;
  /** The decision came after the decision deadline: going to court is not bound to a term (003 §4). */
  late: boolean;
  appealDeadline: string | null;
  basis: string[];
  explanation: string;
}

/**
 * The engine's deadlines for a request row. A notice recorded before its
 * reasons were kept (migration 0042) was accepted as an extension then and
 * keeps counting as one, so no deadline on record moves backwards.
 */
function deadlinesOf(row: Pick<RequestRow, 'received_on' | 'extension_notice_on' | 'decided_on' | 'answer_received_on'>): RequestDeadlines {
  const answer = requestDeadlines({
    received: row.received_on,
    ...(row.extension_notice_on === null ? {} : { extension: { notified: row.extension_notice_on, reasons: true } }),
    ...(row.decided_on === null ? {} : { decided: row.decided_on }),
    ...(row.answer_received_on === null ? {} : { answerReceived: row.answer_received_on }),
  });
  return { decisionDeadline: answer.decisionDeadline, extended: answer.extended, late: answer.late, appealDeadline: answer.appealDeadline, basis: [...answer.basis], explanation: answer.explanation };
}

function isOpen(state: RequestState): boolean {
  return state === 'received' || state === 'extended';
}

/**
 * What is due next and by when: the decision (AVG 12(3)); once decided and not
 * yet fulfilled, the action on it — a destruction by its execution deadline
 * (Jeugdwet 7.3.9: three months), anything else within the same period in
 * which the controller must act on the request (AVG 12(3)).
 */
function dueDate(row: { state: RequestState; decision: RequestDecision | null; deadline: string; execution_deadline: string | null }): string | null {
  if (isOpen(row.state)) return row.deadline;
  if (row.state === 'decided' && row.decision !== 'refused') return row.execution_deadline ?? row.deadline;
  return null;
}

const DESTROYED = '(vernietigd met het dossier)';

/** `key` is undefined once the client's content was destroyed: the request stays, its texts are gone. */
export function toRequest(row: RequestRow, key: Buffer | undefined, today: string, labels: ReadonlyMap<string, string>): ClientRequest {
  const details = key === undefined ? DESTROYED : decryptJson(key, row.details_ciphertext, `request:${row.id}`, SealedDetails).details;
  const extensionReasons = row.extension_reasons_ciphertext === null
    ? null
    : key === undefined ? DESTROYED : decryptJson(key, row.extension_reasons_ciphertext, `request-extension:${row.id}`, SealedReasons).reasons;
  const deadlines = deadlinesOf(row);
  const reasons = row.decision_reasons_ciphertext === null
    ? ''
    : key === undefined
      ? DESTROYED
      : decryptJson(key, row.decision_reasons_ciphertext, `request-decision:${row.id}`, SealedReasons).reasons;
  return {
    id: row.id, kind: row.kind,
    requester: { kind: row.requester_kind, relationId: row.requester_relation_id, name: row.requester_name, label: labels.get(row.requester_relation_id ?? '') ?? CLIENT_LABEL },
    channel: row.channel, receivedOn: row.received_on, part: row.part, details,
    identityChecked: row.identity_document === null || row.identity_checked_at === null ? null : { documentType: row.identity_document, checkedAt: row.identity_checked_at.toISOString() },
    state: row.state,
    intake: {
      outcome: row.intake_outcome, basis: row.intake_basis, explanation: row.intake_explanation, consentMissing: row.consent_missing, consentRecordedOn: row.consent_recorded_on,
      consent: row.consent_recorded_on === null || row.consent_given_on === null || row.consent_how === null
        ? null
        : { of: row.consent_of ?? [], givenOn: row.consent_given_on, how: row.consent_how, declarationReference: consentReference(row, key), recordedOn: row.consent_recorded_on },
    },
    deadline: row.deadline, overdue: (dueDate(row) ?? today) < today, extensionNoticeOn: row.extension_notice_on,
    extension: row.extension_notice_on === null ? null : { noticeSentOn: row.extension_notice_on, reasons: extensionReasons },
    deadlines,
    decision: row.decision === null || row.decided_on === null
      ? null
      : {
          outcome: row.decision, reasons, facts: row.decision_facts, basis: row.decision_basis, decidedOn: row.decided_on,
          answerReceivedOn: row.answer_received_on, appealDeadline: deadlines.appealDeadline, executionDeadline: row.execution_deadline,
          destruction: row.destruction_granted_entries === null
            ? null
            : { grantedEntryIds: row.destruction_granted_entries, refused: row.destruction_refused ?? [] },
          consultedProfessional: row.consulted_professional,
          destructionConfirmation: row.destruction_confirmed_by === null || row.destruction_confirmed_at === null
            ? null
            : { confirmedBy: row.destruction_confirmed_by, confirmedAt: row.destruction_confirmed_at.toISOString() },
        },
    fulfilledOn: row.fulfilled_on, feeCents: row.fee_cents,
  };
}

const CLIENT_LABEL = 'de cliënt zelf';
/** Relations with rules of their own: what they are does not change with the client's age. */
const FIXED_LABELS: Partial<Record<string, string>> = { 'family-guardian': 'gezinsvoogd', 'confidential-advisor': 'vertrouwenspersoon' };

/**
 * What each requester of these rows is today, in the engine's words (`standingLabel`): a parent of a client who
 * has turned 18 no longer "ouder met gezag", a partner, child or sibling by their relation and whether they
 * represent the client — not the word stored at intake (issue 16). Keyed by relation id.
 */
export async function requesterLabels(scope: ClientBoundScope, rows: readonly RequestRow[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const ids = [...new Set(rows.map((r) => r.requester_relation_id).filter((id): id is string => id !== null))];
  if (ids.length === 0) return labels;
  const today = calendarDate(scope.now);
  const relations = relationsOfScope(scope);
  const persons = await personsOn(scope, today);
  const client = { born: scope.client.birthDate, competent: await competenceOf(scope).isCompetent('dossier-rights') };
  for (const id of ids) {
    const relation = await relations.on(id, today);
    const person = persons.find((p) => p.id === id);
    if (relation === undefined || person === undefined) {
      labels.set(id, 'geen relatie van de cliënt meer');
      continue;
    }
    const fixed = FIXED_LABELS[relation.relation];
    const standing = personStandingOn(person, persons, client, today);
    labels.set(id, fixed ?? (relation.relation === 'foster-parent' && standing.kind === 'third-party' ? 'pleegouder' : standingLabel(standing)));
  }
  return labels;
}

/** Where the consent's declaration is kept: it can name people, so it is sealed under the client's key (migration 0033). */
function consentReference(row: RequestRow, key: Buffer | undefined): string | null {
  if (row.consent_reference_ciphertext === null) return null;
  return key === undefined ? DESTROYED : openText(key, 'requestConsent', row.id, row.consent_reference_ciphertext);
}

/** The client's key, or undefined when their content was destroyed (requests outlive the dossier, 003 §3.3). */
export async function keyIfAny(scope: ClientBoundScope, masterKey: Buffer): Promise<Buffer | undefined> {
  try {
    return await dataKeyOf(scope, masterKey);
  } catch (error) {
    if (error instanceof AppError && error.code === 'content-destroyed') return undefined;
    throw error;
  }
}

export async function requesterOf(scope: ClientBoundScope, relationId: string | undefined, on: string): Promise<Actor> {
  if (relationId === undefined) return 'client';
  const row = await relationsOfScope(scope).on(relationId, on);
  if (row === undefined) {
    throw badRequest('unknown-requester', 'requesterRelationId', 'De verzoeker is op de datum van ontvangst geen geregistreerde relatie van de cliënt.', 'The requester was not a registered relation of the client on the day of receipt.');
  }
  return actorOfRelation(row.relation, row.has_custody);
}

/** Asks the engine, with the facts on record and those established now. */
export async function askEngine(scope: ClientBoundScope, input: { kind: RequestKind; requester: Actor; relationId: string | null; on: string; part: Part; consentGiven: boolean; extra: readonly Fact[] }): Promise<Decision> {
  const competent = await competenceOf(scope).isCompetent('dossier-rights');
  const facts = new Set<Fact>([...(await agreementsOf(scope).facts()), ...input.extra]);
  if (input.consentGiven) facts.add('consent-given');
  // Each kind is the engine's own question: restriction, objection, portability and withdrawing a consent have their own entitlement.
  // withPeople completes a `decide` question; its placeholder action is replaced by the kind.
  const asked = await withPeopleOf(scope, input.relationId, {
    on: input.on, client: { born: scope.client.birthDate, competent }, actor: input.requester, action: 'add-statement', part: input.part, facts,
  });
  return decideRequestKind({ ...asked, kind: input.kind });
}

/** The first fact the decider establishes that would turn the engine's refusal into anything but a refusal, if any. */
async function factThatOpens(
  scope: ClientBoundScope, asked: Omit<Parameters<typeof askEngine>[1], 'extra'>, facts: readonly Fact[],
): Promise<FactThatOpens | undefined> {
  for (const fact of FACTS_THAT_OPEN) {
    if ((await askEngine(scope, { ...asked, extra: [...facts, fact] })).outcome !== 'deny') return fact;
  }
  return undefined;
}

/**
 * The intake answer to show: once the consent the engine asked for is recorded, the engine's answer with that
 * consent, asked on the day it was recorded — not the stored "Die toestemming is nog niet vastgelegd" beside
 * the recorded consent (issue 15). The stored intake stays as it was said.
 */
export async function withRecordedConsent(scope: ClientBoundScope, row: RequestRow): Promise<RequestRow> {
  if (row.intake_outcome !== 'needs-consent' || row.consent_recorded_on === null) return row;
  const answer = await askEngine(scope, {
    kind: row.kind, requester: row.requester_kind, relationId: row.requester_relation_id, on: row.consent_recorded_on, part: row.part as Part,
    consentGiven: true, extra: row.kind === 'correct' ? ['factual-error'] : [],
  });
  return { ...row, intake_outcome: answer.outcome, intake_basis: [...answer.basis], intake_explanation: answer.explanation };
}

/**
 * The engine's answer at intake, the decision deadline and whether the request is refused at once: for requests
 * recorded by staff and those made in the portal alike (src/portal/rights/portal-requests.ts).
 */
export async function intakeOf(
  scope: ClientBoundScope, input: { kind: RequestKind; requester: Actor; relationId: string | null; on: string; part: Part },
): Promise<{ intake: Decision; deadline: string; refused: boolean }> {
  // At intake only entitlement counts: whether an error is factual or a destruction may be refused is decided later.
  const intakeFacts: Fact[] = input.kind === 'correct' ? ['factual-error'] : [];
  const asked = { ...input, consentGiven: false };
  const engine = await askEngine(scope, { ...asked, extra: intakeFacts });
  // A refusal that only a fact the decider establishes can lift (a compelling interest after death, the other person's
  // consent) is not final at intake: the request stays open for the decision to establish it and ask the engine again.
  const opensWith = engine.outcome === 'deny' ? await factThatOpens(scope, asked, intakeFacts) : undefined;
  const intake = opensWith === undefined ? engine : { ...engine, explanation: `${engine.explanation} ${OPEN_FOR_FACT[opensWith]}` };
  const deadline = responseDeadline({ received: input.on }).date;
  return { intake, deadline, refused: intake.outcome === 'deny' && opensWith === undefined };
}

/** Records a request, with the engine's answer on whether this requester may make it; a refusal is recorded, not dropped. */
export async function receiveRequest(scope: ClientScope, masterKey: Buffer, input: NewRequest): Promise<ClientRequest> {
  const today = calendarDate(scope.now);
  if (input.receivedOn > today) throw badRequest('date-in-future', 'receivedOn', 'De datum van ontvangst ligt in de toekomst.', 'The date of receipt is in the future.');
  const requester = await requesterOf(scope, input.requesterRelationId, input.receivedOn);
  const requests = requestsOf(scope);
  const duplicate = await requests.hasOpenDuplicate({ kind: input.kind, requesterKind: requester, requesterRelationId: input.requesterRelationId ?? null, part: input.part ?? 'dossier' });
  if (duplicate) throw conflict('duplicate-request', 'Er loopt al een gelijk verzoek van deze verzoeker.', 'An identical request from this requester is already open.');

  const part = input.part ?? 'dossier';
  const { intake, deadline, refused } = await intakeOf(scope, { kind: input.kind, requester, relationId: input.requesterRelationId ?? null, on: input.receivedOn, part });
  const id = randomUUID();
  const key = await dataKeyOf(scope, masterKey);
  await requests.insert({
    id, kind: input.kind, requesterKind: requester, requesterRelationId: input.requesterRelationId ?? null, channel: input.channel, receivedOn: input.receivedOn,
    identityDocument: input.identityCheck?.documentType ?? null, identityCheckedBy: input.identityCheck === undefined ? null : scope.actor.employeeId,
    identityCheckedAt: input.identityCheck === undefined ? null : scope.now,
    detailsCiphertext: encryptJson(key, { details: input.details }, `request:${id}`), part, state: refused ? 'refused-at-intake' : 'received',
    intakeOutcome: intake.outcome, intakeBasis: [...intake.basis], intakeExplanation: intake.explanation,
    consentMissing: intake.outcome === 'needs-consent' ? [...intake.consentOf] : [], deadline,
    decision: refused ? 'refused' : null, decisionReasonsCiphertext: refused ? encryptJson(key, { reasons: intake.explanation }, `request-decision:${id}`) : null,
    decisionBasis: refused ? [...intake.basis] : [], decidedOn: refused ? today : null, decidedBy: refused ? scope.actor.employeeId : null, appealDeadline: null,
  });
  return readRequest(scope, masterKey, id);
}

export async function readRequest(scope: ClientBoundScope, masterKey: Buffer, requestId: string): Promise<ClientRequest> {
  const row = await requestsOf(scope).one(requestId);
  if (row === undefined) throw notFound('Dit verzoek bestaat niet bij deze cliënt.', 'This request does not exist for this client.');
  return toRequest(await withRecordedConsent(scope, row), await keyIfAny(scope, masterKey), calendarDate(scope.now), await requesterLabels(scope, [row]));
}

export async function listClientRequests(scope: ClientBoundScope, masterKey: Buffer): Promise<ClientRequest[]> {
  const rows = await requestsOf(scope).all();
  if (rows.length === 0) return [];
  const key = await keyIfAny(scope, masterKey);
  const today = calendarDate(scope.now);
  const shown: RequestRow[] = [];
  for (const row of rows) shown.push(await withRecordedConsent(scope, row));
  const labels = await requesterLabels(scope, rows);
  return shown.map((r) => toRequest(r, key, today, labels));
}

async function loadForUpdate(scope: ClientScope, requestId: string): Promise<RequestRow> {
  const row = await requestsOf(scope).oneForUpdate(requestId);
  if (row === undefined) throw notFound('Dit verzoek bestaat niet bij deze cliënt.', 'This request does not exist for this client.');
  return row;
}

function wrongState(nl: string, en: string): AppError {
  return conflict('request-wrong-state', nl, en);
}

/**
 * Before data leaves the organisation or is destroyed, the requester's identity is checked: handing a
 * dossier to the wrong person is a data breach (AVG 12(6); 004 D: "zodat we je identiteit kunnen
 * controleren"). An electronic copy is exempt: it is fetched through the 7-day download, whose code
 * reaches the requester by another channel.
 */
function needsIdentityCheck(kind: RequestKind, channel: string): boolean {
  switch (kind) {
    case 'inspect':
    case 'portability':
    case 'destroy':
      return true;
    case 'copy':
      return channel !== 'electronic';
    case 'correct':
    case 'add-statement':
    case 'restrict':
    case 'object':
    case 'withdraw-consent':
    case 'general-information':
      return false;
  }
}

/** Records that the requester's identity was checked (which document; never a copy of it — 004 D). */
export async function recordIdentityCheck(scope: ClientScope, masterKey: Buffer, requestId: string, documentType: NonNullable<NewRequest['identityCheck']>['documentType']): Promise<ClientRequest> {
  const row = await loadForUpdate(scope, requestId);
  if (row.state === 'fulfilled' || row.state === 'refused-at-intake') throw wrongState('Dit verzoek loopt niet meer.', 'This request is no longer open.');
  if (row.identity_checked_at !== null) throw conflict('identity-already-checked', 'De identiteit is voor dit verzoek al gecontroleerd.', 'The identity has already been checked for this request.');
  await requestsOf(scope).recordIdentityCheck(requestId, documentType);
  return readRequest(scope, masterKey, requestId);
}

export interface RequestConsentInput {
  givenOn: string;
  how: ConsentHow;
  /** The signed or sent declaration (where it is kept); required for a written or electronic consent. */
  declarationReference?: string;
}

export interface RecordedRequestConsent {
  of: string[];
  givenOn: string;
  how: ConsentHow;
  declarationReference: string | null;
  recordedOn: string;
}

/**
 * Records the consent the engine said was missing (e.g. the 16-year-old's, for a parent's inspection):
 * whose it was, when and how it was given, and where the declaration is (AVG 7(1): the provider must be
 * able to show it was given).
 */
export async function recordRequestConsent(scope: ClientScope, masterKey: Buffer, requestId: string, input: RequestConsentInput): Promise<ClientRequest> {
  const row = await loadForUpdate(scope, requestId);
  if (!isOpen(row.state)) throw wrongState('Dit verzoek loopt niet meer.', 'This request is no longer open.');
  if (row.consent_recorded_on !== null) throw conflict('consent-already-recorded', 'De toestemming voor dit verzoek is al vastgelegd.', 'The consent for this request has already been recorded.');
  if (row.consent_missing.length === 0) throw conflict('no-consent-needed', 'Voor dit verzoek is geen toestemming nodig.', 'This request needs no consent.');
  if (input.givenOn > calendarDate(scope.now)) throw badRequest('date-in-future', 'givenOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  if (input.how !== ConsentHow.inPerson && input.declarationReference === undefined) {
    throw badRequest('field-required', 'declarationReference', 'Noem waar de schriftelijke of digitale verklaring bewaard is.', 'Name where the written or electronic declaration is kept.');
  }
  await requestsOf(scope).recordConsent(requestId, {
    recordedOn: calendarDate(scope.now), givenOn: input.givenOn, how: input.how,
    referenceCiphertext: input.declarationReference === undefined ? null : sealText(await dataKeyOf(scope, masterKey), 'requestConsent', requestId, input.declarationReference),
  });
  return readRequest(scope, masterKey, requestId);
}

/** The notice that a decision takes longer (AVG 12(3)): when it was sent and the reasons it gave. */
export interface ExtensionNotice {
  noticeSentOn: string;
  reasons: string;
}

/**
 * Records the notice that the decision takes longer. The engine decides
 * whether it extends the deadline to three months: only a notice sent within
 * the first month that gives the reasons (AVG 12(3); `requestDeadlines`). A
 * notice without reasons, or too late, extends nothing and is refused (400).
 */
export async function extendRequest(scope: ClientScope, masterKey: Buffer, requestId: string, notice: ExtensionNotice): Promise<ClientRequest> {
  const row = await loadForUpdate(scope, requestId);
  if (row.state !== 'received') throw wrongState('Alleen een lopend, nog niet verlengd verzoek kan worden verlengd.', 'Only an open request that was not extended yet can be extended.');
  const { noticeSentOn } = notice;
  if (noticeSentOn > calendarDate(scope.now)) throw badRequest('date-in-future', 'noticeSentOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  if (noticeSentOn < row.received_on) {
    throw badRequest('extension-before-request', 'noticeSentOn', 'Het bericht over de verlenging kan niet verstuurd zijn voordat het verzoek binnenkwam.', 'The extension notice cannot predate the request.');
  }
  if (notice.reasons.trim().length < 10) {
    throw badRequest('extension-reasons-required', 'reasons',
      'Een verlenging telt alleen als het bericht de redenen van de vertraging noemt (AVG 12 lid 3). Schrijf de redenen op zoals ze in het bericht stonden.',
      'An extension counts only when the notice gives the reasons for the delay (AVG 12(3)).');
  }
  const engine = requestDeadlines({ received: row.received_on, extension: { notified: noticeSentOn, reasons: true } });
  if (!engine.extended) {
    const first = responseDeadline({ received: row.received_on }).date;
    throw badRequest('extension-too-late', 'noticeSentOn',
      `Verlengen kan alleen als de verzoeker binnen de eerste maand (uiterlijk ${first}) bericht kreeg (AVG 12 lid 3).`,
      `An extension requires notice within the first month (by ${first}; AVG 12(3)).`);
  }
  const key = await dataKeyOf(scope, masterKey);
  await requestsOf(scope).extend(requestId, {
    noticeSentOn, deadline: engine.decisionDeadline, reasonsCiphertext: encryptJson(key, { reasons: notice.reasons }, `request-extension:${requestId}`),
  });
  return readRequest(scope, masterKey, requestId);
}

/**
 * Records the day the requester received the answer (the decision). The
 * appeal term runs from that day (003 §4: "binnen 6 weken na ontvangst van het
 * antwoord"); the engine has no default for it — a letter by post arrives
 * later than an answer handed over or sent electronically — so it is recorded
 * as a fact, and until then no last day is given. After a late decision the
 * engine gives no last day at all.
 */
export async function recordAnswerReceived(scope: ClientScope, masterKey: Buffer, requestId: string, receivedOn: string): Promise<ClientRequest> {
  const row = await loadForUpdate(scope, requestId);
  if (row.decided_on === null) throw wrongState('Er is nog geen besluit, dus ook geen antwoord dat ontvangen kan zijn.', 'There is no decision yet, so no answer to receive.');
  if (row.answer_received_on !== null) {
    throw conflict('answer-receipt-already-recorded', 'Voor dit verzoek is al vastgelegd wanneer het antwoord is ontvangen.', 'The receipt of the answer has already been recorded.');
  }
  if (receivedOn > calendarDate(scope.now)) throw badRequest('date-in-future', 'receivedOn', 'De datum ligt in de toekomst.', 'The date is in the future.');
  if (receivedOn < row.decided_on) {
    throw badRequest('answer-before-decision', 'receivedOn', 'Het antwoord kan niet ontvangen zijn voordat er was beslist.', 'The answer cannot have been received before the decision.');
  }
  const { appealDeadline } = deadlinesOf({ ...row, answer_received_on: receivedOn });
  await requestsOf(scope).recordAnswerReceived(requestId, receivedOn, appealDeadline);
  return readRequest(scope, masterKey, requestId);
}

export interface NewDecision {
  outcome: RequestDecision;
  reasons: string;
  facts?: readonly DecisionFact[];
  /** destroy, partly: the entries that go and, per kept group, its ground. */
  destruction?: DestructionSplit;
  /**
   * The other professional consulted (name and function) before refusing on serious harm: Jeugdwet 7.3.2 lid 4,
   * BW 7:448 lid 3. Required by the database function for a (partial) refusal with `serious-harm-assessed`.
   */
  consultedProfessional?: string;
}

const GROUNDS_NL = 'het aanmerkelijk belang van een ander, omdat goede zorg bewaren vraagt, of voor een procedure (Jeugdwet 7.3.9)';

/**
 * Checks a partly granted destruction against the dossier and the engine:
 * every entry of the requested part is either destroyed or kept on one of the
 * three grounds (a kept entry without a ground is a refusal without one); the
 * engine allows destroying the granted entries and confirms each ground.
 * Returns the grounds and the articles the kept groups rest on.
 */
async function checkDestructionSplit(
  scope: ClientScope, row: RequestRow, split: DestructionSplit, ask: (part: Part, extra: readonly Fact[]) => Promise<Decision>,
): Promise<{ grounds: DecisionFact[]; basis: string[] }> {
  const entries = await entriesOf(scope).kinds();
  const inPart = new Map(entries.filter((e) => row.part === 'dossier' || partOfEntryKind(e.kind) === row.part).map((e) => [e.id, e.kind]));
  const named = new Set<string>();
  const name = (id: string, field: string) => {
    if (!inPart.has(id)) {
      throw badRequest('unknown-entry', field, 'Deze dossierregel hoort niet bij het deel van het dossier waarom werd gevraagd.',
        'This entry is not in the part of the dossier the request names.');
    }
    if (named.has(id)) {
      throw badRequest('entry-named-twice', field, 'Een dossierregel kan niet tegelijk vernietigd en bewaard worden.', 'An entry cannot be both destroyed and kept.');
    }
    named.add(id);
  };
  split.grantedEntryIds.forEach((id, i) => name(id, `destruction/grantedEntryIds/${i}`));
  split.refused.forEach((group, g) => group.entryIds.forEach((id, i) => name(id, `destruction/refused/${g}/entryIds/${i}`)));
  const unaccounted = [...inPart.keys()].filter((id) => !named.has(id));
  if (unaccounted.length > 0) {
    throw new AppError('refusal-ground-required', 400,
      `Van ${unaccounted.length} dossierregel(s) staat niet vast of ze vernietigd of bewaard worden. `
      + `Bewaren mag alleen om ${GROUNDS_NL}; noem per bewaarde regel de grond.`,
      'Some entries of the requested part are neither destroyed nor kept on a ground; each kept entry needs one of the three grounds (Jeugdwet 7.3.9).',
      { field: 'destruction', unaccounted } as AppError['extra']);
  }
  for (const part of new Set(split.grantedEntryIds.map((id) => partOfEntryKind(inPart.get(id)!)))) {
    const answer = await ask(part, []);
    if (answer.outcome !== 'allow') {
      throw new AppError('decision-against-law', 409, `Toewijzen kan niet: ${answer.explanation}`, 'Granting is not allowed by the rules.',
        { basis: answer.basis });
    }
  }
  const basis = new Set<string>();
  for (const group of split.refused) {
    for (const part of new Set(group.entryIds.map((id) => partOfEntryKind(inPart.get(id)!)))) {
      const answer = await ask(part, [group.ground]);
      answer.basis.forEach((b) => basis.add(b));
    }
  }
  return { grounds: [...new Set(split.refused.map((g) => g.ground))], basis: [...basis] };
}

/**
 * Decides a request. The engine is asked again with the facts the
 * professional establishes: a grant the law forbids is refused; a destruction
 * is refused only on one of its three grounds (003 §3.3); every refusal and
 * partial grant carries reasons. Sets the appeal deadline (six weeks,
 * Jeugdwet 7.3.17) and, for a granted destruction, the execution deadline
 * (three months after receipt, Jeugdwet 7.3.9).
 */
export async function decideRequest(scope: ClientScope, masterKey: Buffer, requestId: string, input: NewDecision): Promise<ClientRequest> {
  const row = await loadForUpdate(scope, requestId);
  if (!isOpen(row.state)) throw wrongState('Over dit verzoek is al beslist.', 'This request has already been decided.');
  const today = calendarDate(scope.now);
  const partlyDestroyed = row.kind === 'destroy' && input.outcome === 'partly';
  if (input.destruction !== undefined && !partlyDestroyed) {
    throw badRequest('field-not-for-decision', 'destruction', 'Alleen een gedeeltelijk toegewezen vernietiging noemt wat vernietigd en wat bewaard wordt.',
      'Only a partly granted destruction names what is destroyed and what is kept.');
  }
  if (partlyDestroyed && input.destruction === undefined) {
    throw badRequest('refusal-ground-required', 'destruction',
      'Bij een gedeeltelijke vernietiging staat in het besluit welke dossierregels vernietigd worden en welke bewaard blijven, '
      + `met per bewaard deel de grond: ${GROUNDS_NL}.`,
      'A partly granted destruction names the entries destroyed and those kept, each kept group with its ground (Jeugdwet 7.3.9).');
  }
  // A partly granted destruction is asked about the granted entries without the grounds, and about each kept group with its own.
  const facts = partlyDestroyed ? (input.facts ?? []).filter((f) => !isDestructionGround(f)) : input.facts ?? [];
  const ask = (part: Part, extra: readonly Fact[]) => askEngine(scope, {
    kind: row.kind, requester: row.requester_kind, relationId: row.requester_relation_id, on: today, part, consentGiven: row.consent_recorded_on !== null, extra: [...facts, ...extra],
  });
  const engine = await ask(row.part as Part, []);
  if (input.outcome !== 'refused') {
    if (engine.outcome === 'needs-consent') {
      throw new AppError('consent-missing', 409, `Dit verzoek kan pas worden toegewezen als de toestemming is vastgelegd. ${engine.explanation}`, 'The request can be granted only once the missing consent is recorded.', { basis: engine.basis });
    }
    if (engine.outcome === 'deny') {
      // A finding is not corrected; the own statement is offered instead (003 §2.2.6, §3.4).
      const offer = row.kind === 'correct' && engine.rule === 'correct.not-a-factual-error' ? { offer: 'own-statement' } : {};
      throw new AppError('decision-against-law', 409, `Toewijzen kan niet: ${engine.explanation}`, 'Granting is not allowed by the rules.', { basis: engine.basis, ...offer });
    }
  }
  if (input.outcome !== 'granted' && input.reasons.trim().length < 20) {
    throw badRequest('reasons-required', 'reasons', 'Een (gedeeltelijke) weigering moet met redenen worden omkleed.', 'A (partial) refusal must state its reasons.');
  }
  const split = partlyDestroyed && input.destruction !== undefined ? await checkDestructionSplit(scope, row, input.destruction, ask) : undefined;
  if (row.kind === 'destroy' && input.outcome === 'refused' && !facts.some(isDestructionGround)) {
    throw badRequest('refusal-ground-required', 'facts',
      'Vernietiging mag alleen worden geweigerd om het aanmerkelijk belang van een ander, omdat goede zorg bewaren vraagt, of voor een procedure (Jeugdwet 7.3.9).',
      'A destruction may be refused only for another\'s significant interest, good care, or a procedure (Jeugdwet 7.3.9).');
  }
  const key = await dataKeyOf(scope, masterKey);
  const execution = row.kind === 'destroy' && input.outcome !== 'refused' ? destructionDeadline({ received: row.received_on }).date : null;
  const decidedFacts = [...new Set([...facts, ...(split?.grounds ?? [])])];
  if (input.outcome !== 'granted' && decidedFacts.includes('serious-harm-assessed') && (input.consultedProfessional ?? '').trim().length < 2) {
    throw badRequest('consulted-professional-required', 'consultedProfessional',
      'Wie weigert omdat inzage of informatie de cliënt ernstig zou schaden, overlegt eerst met een andere deskundige hulpverlener. Noem wie u raadpleegde (naam en functie).',
      'A refusal on serious harm names the other professional consulted (Jeugdwet 7.3.2 lid 4).');
  }
  // Only the database function writes a decision (migration 0055): it checks the decider, the professional
  // consulted, and writes its own log row; the application role has no UPDATE on these columns.
  await decideInDatabase(() => requestsOf(scope).decide(requestId, {
    outcome: input.outcome, facts: decidedFacts, reasonsCiphertext: encryptJson(key, { reasons: input.reasons }, `request-decision:${requestId}`),
    basis: [...new Set([...engine.basis, ...(split?.basis ?? [])])], decidedOn: today, executionDeadline: execution,
    grantedEntryIds: input.destruction === undefined ? null : [...input.destruction.grantedEntryIds],
    refusedJson: input.destruction === undefined ? null : JSON.stringify(input.destruction.refused.map((g) => ({ entryIds: [...g.entryIds], ground: g.ground }))),
    consultedProfessional: input.consultedProfessional?.trim() ?? null,
  }));
  return readRequest(scope, masterKey, requestId);
}

/**
 * Fulfils a decided request: carries out what it asked (fulfil-rights.ts —
 * correction with history, own statement, restriction, withdrawal of consent,
 * objection; destruction in destruction.ts — only the granted entries when
 * granted in part; general information in general-information.ts, returned
 * with the answer) and marks it fulfilled, all in the
 * access transaction, so a refusal of any part changes nothing. The first copy
 * is free; a fee only for extra or excessive requests (AVG 12(5), 15(3)).
 */
export async function fulfilRequest(
  scope: ClientScope, masterKey: Buffer, requestId: string, input: FulfilInput, maxEntryBytes: number,
): Promise<ClientRequest & { generalInformation?: GeneralInformation }> {
  const row = await loadForUpdate(scope, requestId);
  // An own statement written in the portal is added as written there, unless the professional gives one.
  if (row.kind === 'add-statement' && input.statement === undefined && row.statement_entry_id != null && row.statement_ciphertext != null) {
    const text = decryptJson(await dataKeyOf(scope, masterKey), row.statement_ciphertext, `request-statement:${row.id}`, SealedStatement).text;
    input = { ...input, statement: { entryId: row.statement_entry_id, text } };
  }
  const { feeCents } = input;
  if (row.state !== 'decided') throw wrongState('Een verzoek wordt pas uitgevoerd nadat erover is beslist.', 'A request is fulfilled only after it has been decided.');
  if (row.decision === 'refused' || row.decision === null) throw wrongState('Een geweigerd verzoek wordt niet uitgevoerd.', 'A refused request is not fulfilled.');
  checkFulfilInput(row.kind, input);
  if (needsIdentityCheck(row.kind, row.channel) && row.identity_checked_at === null) {
    throw new AppError('identity-not-checked', 409,
      'Controleer eerst met een geldig identiteitsbewijs of de verzoeker is wie hij of zij zegt te zijn, en leg dat vast. Pas daarna geeft u inzage, geeft u gegevens mee of vernietigt u ze.',
      'Check the requester\'s identity against a valid ID document and record it first.', { basis: [Citation.avg_12] });
  }
  const decision = row.decision;
  await carryOut(scope, masterKey, {
    requestId, kind: row.kind, requester: row.requester_kind, requesterRelationId: row.requester_relation_id, requesterName: row.requester_name, decision, maxEntryBytes,
    ask: (part, extra) => askEngine(scope, {
      kind: row.kind, requester: row.requester_kind, relationId: row.requester_relation_id, on: calendarDate(scope.now), part, consentGiven: row.consent_recorded_on !== null, extra,
    }),
  }, input);
  if (feeCents !== undefined && feeCents > 0) {
    if (row.kind !== 'copy' || !(await requestsOf(scope).hadFulfilledCopyBefore(requestId))) {
      throw badRequest('fee-not-allowed', 'feeCents', 'De eerste kopie is gratis; alleen voor extra kopieën mag een redelijke vergoeding worden gevraagd (AVG 15 lid 3).', 'The first copy is free; a fee only for extra copies (AVG 15(3)).');
    }
  }
  if (row.kind === 'destroy' && row.decided_on !== null) {
    // The one sanctioned path; the record stays apart from the dossier. Partly granted: only the granted entries go.
    if (decision === 'partly') {
      if (row.destruction_granted_entries === null) throw wrongState('Het besluit noemt niet welke dossierregels vernietigd worden.', 'The decision does not name the entries to destroy.');
      await destroyEntries(scope, { id: row.id, part: row.part as Part, decidedOn: row.decided_on, entryIds: row.destruction_granted_entries });
    } else {
      await executeDestruction(scope, { id: row.id, part: row.part as Part, decidedOn: row.decided_on });
    }
    await requestsOf(scope).markFulfilled(requestId, calendarDate(scope.now));
    return readRequest(scope, masterKey, requestId);
  }
  await requestsOf(scope).markFulfilledWithFee(requestId, calendarDate(scope.now), feeCents ?? null);
  const fulfilled = await readRequest(scope, masterKey, requestId);
  // General information (BW 1:377c) is delivered with the fulfilment; the letter is /general-information.pdf.
  return row.kind === 'general-information' ? { ...fulfilled, generalInformation: await generalInformationOf(scope, masterKey, requestId) } : fulfilled;
}

export interface DashboardRow {
  requestId: string;
  clientId: string;
  clientName: string;
  birthDate: string;
  relation: string | null;
  kind: RequestKind;
  state: RequestState;
  receivedOn: string;
  /** What is due: the decision, or (decided, not yet fulfilled) carrying it out. */
  due: 'decision' | 'fulfilment';
  /** By when: the decision deadline, or for a decided destruction its execution deadline (Jeugdwet 7.3.9). */
  deadline: string;
  overdue: boolean;
}

/**
 * Requests of the organisation that still need something, by due date, for
 * the access layer to filter and log: open ones (decision due) and decided,
 * unfulfilled ones (a granted destruction must be carried out within three
 * months, Jeugdwet 7.3.9; other actions within the request's period, AVG 12(3)).
 */
export async function openRequestCandidates(scope: ListScope): Promise<DashboardRow[]> {
  const today = calendarDate(scope.now);
  const rows = await openRequestsOf(scope, today);
  return rows.map((r) => ({
    requestId: r.id, clientId: r.client_id, clientName: r.client_name, birthDate: r.birth_date, relation: r.relation, kind: r.kind, state: r.state,
    receivedOn: r.received_on, due: r.state === 'decided' ? 'fulfilment' : 'decision', deadline: r.due_on, overdue: r.due_on < today,
  }));
}

/** Who reads, for an inspection or copy request that was granted (wholly or partly). */
export async function readerOfRequest(scope: ClientBoundScope, requestId: string): Promise<{ actor: Actor; relationId: string | null; action: 'inspect' | 'copy'; consentGiven: boolean }> {
  const row = await requestsOf(scope).one(requestId);
  if (row === undefined) throw notFound('Dit verzoek bestaat niet bij deze cliënt.', 'This request does not exist for this client.');
  if (row.kind !== 'inspect' && row.kind !== 'copy') throw conflict('not-a-reading-request', 'Alleen bij inzage of een kopie hoort een leesweergave.', 'Only inspection and copy requests have a reader view.');
  if ((row.state !== 'decided' && row.state !== 'fulfilled') || row.decision === 'refused') {
    throw wrongState('Het dossier wordt pas getoond nadat het verzoek is toegewezen.', 'The dossier is shown only after the request has been granted.');
  }
  return { actor: row.requester_kind, relationId: row.requester_relation_id, action: row.kind, consentGiven: row.consent_recorded_on !== null };
}
