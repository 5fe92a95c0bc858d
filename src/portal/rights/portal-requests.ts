/**
 * Requests online (issue 19 item 4): the client or a registered relation makes a request in the portal themself —
 * inspection, copy, correction, own statement, destruction, restriction, objection, portability, withdrawal of
 * consent, general information (DOMAIN §3). There is no parallel path: the intake is the one of requests recorded by
 * staff (`intakeOf` in src/requests/request-service.ts — the engine decides whether this person may ask this, and a
 * refusal is recorded with its reasons, not dropped), with the engine's decision deadline (AVG 12(3)), so the request
 * lands in the professionals' dashboard beside the others. It is received today, electronically: an electronic request
 * gets an electronic answer (003 §3.1), here in the portal (the letter, the copy, the export for that reader).
 * The requester is the person of the portal account; the account and session are the request's record (migration 0078).
 * The portal shows a person only their own requests.
 */
import { randomUUID } from 'node:crypto';
import type { PortalScope } from '../../access/gate-scope.js';
import { portalConsentsOf } from '../../consents/consent-store.js';
import { dataKeyOf } from '../../crypto/client-keys.js';
import { encryptJson } from '../../crypto/envelope.js';
import { badRequest, conflict, notFound } from '../../errors.js';
import {
  askEngine, intakeOf, keyIfAny, requesterLabels, requesterOf, toRequest, withRecordedConsent, type ClientRequest,
} from '../../requests/request-service.js';
import { REQUEST_KINDS as KINDS, type RequestKind } from '../../requests/request-kinds.js';
import { portalRequestsOf, requestsOf, type RequestRow } from '../../requests/request-store.js';
import type { Actor, Part } from '../../rules/index.js';
import { readerView } from '../../shielding/reader-view.js';
import { calendarDate } from '../../shared/calendar-date.js';
import { dateInWords, dayAndDateInWords, PARTS, REQUEST_KINDS } from '../../shared/labels.js';

/** What the person asks in the portal. */
export interface PortalRequestInput {
  kind: RequestKind;
  part?: Part;
  details: string;
  /** add-statement: the own statement, and the entry (as this person sees it) it disputes. */
  statement?: { entryId: string; text: string };
  /** withdraw-consent: the consent in the register. */
  consentId?: string;
}

/** A request as the portal shows it to the person who made it: every text Dutch, every date also in words. */
export interface PortalRequest {
  id: string; kind: RequestKind; kindLabel: string; part: string; partLabel: string; details: string;
  receivedOn: string; receivedOnText: string; state: ClientRequest['state']; stateText: string;
  deadline: string | null; deadlineText: string; overdue: boolean;
  intake: { outcome: ClientRequest['intake']['outcome']; explanation: string; basis: string[] };
  decision: null | { outcome: 'granted' | 'partly' | 'refused'; outcomeText: string; decidedOn: string; decidedOnText: string; reasons: string };
  /** The letter (decision, or the extension notice) can be fetched. */
  letter: boolean;
  /** The copy for this reader can be fetched (a granted inspection or copy). */
  copy: boolean;
  /** The export for this reader can be fetched (a granted portability request; JSON, spreadsheet, FHIR). */
  export: boolean;
}

/** What the engine says today for this person, per kind of request (part: the whole dossier). */
export interface PortalRequestKind {
  kind: RequestKind; label: string; outcome: 'allow' | 'deny' | 'needs-consent'; explanation: string; basis: string[];
}

const OUTCOME_TEXT: Record<'granted' | 'partly' | 'refused', string> = {
  granted: 'Toegewezen', partly: 'Voor een deel toegewezen', refused: 'Afgewezen',
};

/** The portal account and session: the record of what was done in the portal. */
export function portalEvidenceOf(scope: PortalScope, session?: string): { accountId: string; session: string } {
  return { accountId: scope.account.id, session: session ?? (scope.account as { sessionId?: string }).sessionId ?? 'portal' };
}

function stateText(r: ClientRequest): string {
  switch (r.state) {
    case 'received': return 'Ontvangen. Er is nog geen besluit.';
    case 'extended': return 'Ontvangen. Het besluit duurt langer; u kreeg daarover bericht.';
    case 'decided': return `Besluit genomen: ${OUTCOME_TEXT[r.decision?.outcome ?? 'refused'].toLowerCase()}.`;
    case 'fulfilled': return `Besluit genomen: ${OUTCOME_TEXT[r.decision?.outcome ?? 'granted'].toLowerCase()}. Het verzoek is uitgevoerd.`;
    case 'refused-at-intake': return 'Dit verzoek kan niet worden toegewezen. Hieronder staat waarom.';
  }
}

function deadlineOf(r: ClientRequest): { deadline: string | null; text: string } {
  if (r.state === 'received' || r.state === 'extended') {
    return { deadline: r.deadline, text: `Uiterlijk op ${dayAndDateInWords(r.deadline)} krijgt u een besluit.` };
  }
  if (r.state === 'decided' && r.decision !== null && r.decision.outcome !== 'refused') {
    const due = r.decision.executionDeadline ?? r.deadline;
    return { deadline: due, text: `Het besluit wordt uiterlijk op ${dayAndDateInWords(due)} uitgevoerd.` };
  }
  return { deadline: null, text: r.decision === null ? '' : `Besloten op ${dateInWords(r.decision.decidedOn)}.` };
}

/** A request as the portal shows it. */
export function toPortalRequest(r: ClientRequest): PortalRequest {
  const granted = r.decision !== null && r.decision.outcome !== 'refused' && (r.state === 'decided' || r.state === 'fulfilled');
  const due = deadlineOf(r);
  return {
    id: r.id, kind: r.kind, kindLabel: REQUEST_KINDS[r.kind], part: r.part, partLabel: PARTS[r.part as Part] ?? PARTS.dossier, details: r.details,
    receivedOn: r.receivedOn, receivedOnText: dateInWords(r.receivedOn), state: r.state, stateText: stateText(r),
    deadline: due.deadline, deadlineText: due.text, overdue: r.overdue,
    intake: { outcome: r.intake.outcome, explanation: r.intake.explanation, basis: r.intake.basis },
    decision: r.decision === null
      ? null
      : { outcome: r.decision.outcome, outcomeText: OUTCOME_TEXT[r.decision.outcome], decidedOn: r.decision.decidedOn, decidedOnText: dateInWords(r.decision.decidedOn), reasons: r.decision.reasons },
    letter: r.decision !== null || r.extension !== null,
    copy: granted && (r.kind === 'inspect' || r.kind === 'copy'),
    // A granted portability request: the export for this reader (portal-export.ts).
    export: granted && r.kind === 'portability',
  };
}

/** The person's requester word as intake records it: the client, or what the relation is on the day. */
function requesterFor(scope: PortalScope, on: string): Promise<Actor> {
  return requesterOf(scope, scope.account.relationId ?? undefined, on);
}

/** What the engine says today for this person and each kind of request. */
export async function portalRequestKinds(scope: PortalScope): Promise<PortalRequestKind[]> {
  const on = calendarDate(scope.now);
  const requester = await requesterFor(scope, on);
  const kinds: PortalRequestKind[] = [];
  for (const kind of KINDS) {
    const d = await askEngine(scope, {
      kind, requester, relationId: scope.account.relationId, on, part: 'dossier', consentGiven: false, extra: kind === 'correct' ? ['factual-error'] : [],
    });
    kinds.push({ kind, label: REQUEST_KINDS[kind], outcome: d.outcome, explanation: d.explanation, basis: [...d.basis] });
  }
  return kinds;
}

async function shown(scope: PortalScope, masterKey: Buffer, rows: readonly RequestRow[]): Promise<PortalRequest[]> {
  if (rows.length === 0) return [];
  const key = await keyIfAny(scope, masterKey);
  const today = calendarDate(scope.now);
  const labels = await requesterLabels(scope, rows);
  const out: PortalRequest[] = [];
  for (const row of rows) out.push(toPortalRequest(toRequest(await withRecordedConsent(scope, row), key, today, labels)));
  return out;
}

/** This person's own requests, newest first (those made in the portal and those staff recorded for them). */
export async function listPortalRequests(scope: PortalScope, masterKey: Buffer): Promise<PortalRequest[]> {
  return shown(scope, masterKey, await portalRequestsOf(scope, portalEvidenceOf(scope)).mine(scope.account.relationId));
}

/** One of this person's own requests; 404 for any other id (another person's, another client's). */
export async function readPortalRequest(scope: PortalScope, masterKey: Buffer, requestId: string): Promise<PortalRequest> {
  const row = await portalRequestsOf(scope, portalEvidenceOf(scope)).mineOne(requestId, scope.account.relationId);
  if (row === undefined) throw notFound('Dit verzoek bestaat niet, of het is niet van u.', 'This request does not exist or is not yours.');
  return (await shown(scope, masterKey, [row]))[0]!;
}

/** Whether `requestId` is one of this person's own requests (the letter, copy and export routes check it first). */
export async function assertOwnRequest(scope: PortalScope, requestId: string): Promise<RequestRow> {
  const row = await portalRequestsOf(scope, portalEvidenceOf(scope)).mineOne(requestId, scope.account.relationId);
  if (row === undefined) throw notFound('Dit verzoek bestaat niet, of het is niet van u.', 'This request does not exist or is not yours.');
  return row;
}

function checkInput(input: PortalRequestInput): void {
  if (input.details.trim() === '') throw badRequest('field-required', 'details', 'Schrijf kort wat u vraagt.', 'Say briefly what you ask.');
  if (input.kind === 'add-statement' && input.statement === undefined) {
    throw badRequest('field-required', 'statement', 'Schrijf uw eigen verklaring en kies het stuk in het dossier waar die bij hoort.', 'Write your statement and choose the entry it belongs to.');
  }
  if (input.kind !== 'add-statement' && input.statement !== undefined) {
    throw badRequest('field-not-for-kind', 'statement', 'Een eigen verklaring hoort alleen bij een verzoek om een eigen verklaring.', 'A statement belongs only to an own-statement request.');
  }
  if (input.kind === 'withdraw-consent' && input.consentId === undefined) {
    throw badRequest('field-required', 'consentId', 'Kies de toestemming die u wilt intrekken.', 'Choose the consent to withdraw.');
  }
  if (input.kind !== 'withdraw-consent' && input.consentId !== undefined) {
    throw badRequest('field-not-for-kind', 'consentId', 'Een toestemming kiest u alleen bij het intrekken van een toestemming.', 'A consent is chosen only when withdrawing one.');
  }
  if (input.statement !== undefined && input.statement.text.trim() === '') {
    throw badRequest('field-required', 'statement/text', 'Schrijf uw eigen verklaring.', 'Write your statement.');
  }
}

/**
 * Makes a request in the portal for this person, today, electronically. The engine's answer is recorded (a refusal
 * too, with its reasons, as `refused-at-intake`); the deadline is the engine's. Lands in the professionals' dashboard.
 * An own statement may only dispute an entry this person sees (their reader view); a consent to withdraw must be one
 * of this client's.
 */
export async function submitPortalRequest(scope: PortalScope, masterKey: Buffer, input: PortalRequestInput, session?: string): Promise<PortalRequest> {
  checkInput(input);
  const today = calendarDate(scope.now);
  const relationId = scope.account.relationId;
  const requester = await requesterFor(scope, today);
  const part: Part = input.part ?? 'dossier';
  if (await requestsOf(scope).hasOpenDuplicate({ kind: input.kind, requesterKind: requester, requesterRelationId: relationId, part })) {
    throw conflict('duplicate-request', 'U heeft dit verzoek al gedaan. Het loopt nog; u ziet het in de lijst.', 'You already made this request; it is still open.');
  }
  let details = input.details.trim();
  if (input.statement !== undefined) {
    const reader = { actor: scope.reader.actor, relationId, action: 'inspect', consentGiven: scope.reader.consentGiven } as const;
    const view = await readerView(scope, masterKey, reader, undefined, { touch: 'none' });
    const disputed = view.entries.find((e) => e.shown && e.id === input.statement!.entryId);
    if (disputed === undefined || !disputed.shown) {
      throw badRequest('unknown-entry', 'statement/entryId', 'Kies een stuk uit het dossier dat u kunt zien.', 'Choose an entry of the dossier you can see.');
    }
    // The log row names the entry the statement disputes (its title and date go into the request), not the whole dossier.
    scope.touch([disputed.id]);
    // The professional decides on the statement as written: it is in the request's details too (sealed like them).
    details = `${details}\n\nEigen verklaring bij "${disputed.title ?? disputed.kindLabel}" van ${dateInWords(calendarDate(new Date(disputed.recordedAt)))}:\n${input.statement.text.trim()}`;
  }
  if (input.consentId !== undefined) {
    const consent = await portalConsentsOf(scope, portalEvidenceOf(scope)).byId(input.consentId);
    if (consent === undefined) throw badRequest('unknown-consent', 'consentId', 'Deze toestemming staat niet in het dossier.', 'This consent is not in this dossier.');
    details = `${details}\n(Toestemming met kenmerk ${input.consentId}.)`;
  }
  const { intake, deadline, refused } = await intakeOf(scope, { kind: input.kind, requester, relationId, on: today, part });
  const id = randomUUID();
  const key = await dataKeyOf(scope, masterKey);
  await portalRequestsOf(scope, portalEvidenceOf(scope, session)).insert({
    id, kind: input.kind, requesterKind: requester, requesterRelationId: relationId, channel: 'electronic', receivedOn: today,
    identityDocument: null, identityCheckedBy: null, identityCheckedAt: null,
    detailsCiphertext: encryptJson(key, { details }, `request:${id}`), part, state: refused ? 'refused-at-intake' : 'received',
    intakeOutcome: intake.outcome, intakeBasis: [...intake.basis], intakeExplanation: intake.explanation,
    consentMissing: intake.outcome === 'needs-consent' ? [...intake.consentOf] : [], deadline,
    decision: refused ? 'refused' : null, decisionReasonsCiphertext: refused ? encryptJson(key, { reasons: intake.explanation }, `request-decision:${id}`) : null,
    decisionBasis: refused ? [...intake.basis] : [], decidedOn: refused ? today : null, decidedBy: null, appealDeadline: null,
  }, input.statement === undefined
    ? null
    : {
        entryId: input.statement.entryId, ciphertext: encryptJson(key, { text: input.statement.text.trim() }, `request-statement:${id}`),
      });
  return readPortalRequest(scope, masterKey, id);
}
