/**
 * The requests module's store of `org.requests` (issue 14: one owner per
 * table): the client's requests, bound to the gate's scope so a service
 * cannot reach another client's; the organisation's open requests for the
 * dashboard, bound to the list scope; and the calls of the database's decision
 * functions on them (migration 0055), which alone write a decision.
 */
import { employeeIdOf, type ClientBoundScope, type ClientScope, type ListScope } from '../access/gate-scope.js';
import { careRelationOn } from '../care-team/care-team-store.js';
import { CLIENTS } from '../clients/client-store.js';
import { txOf, type HoldsTransaction } from '../db/scope-tx.js';
import { DOSSIERS } from '../dossier/dossier-store.js';
import { RELATION_NAMES } from '../representation/relation-store.js';
import type { LegacyTextColumn } from '../retention/legacy-text-columns.js';
import type { Actor, Decision } from '../rules/index.js';
import { TRANSFER_DAYS } from '../transfers/transfer-store.js';
import type { ConsentHow, DestructionSplit, RequestDecision, RequestKind, RequestState } from './request-kinds.js';

/** Where a request's consent declaration is kept, in clear before migration 0033, sealed under the client's key at start-up. */
export const REQUEST_CONSENT_REFERENCE: LegacyTextColumn = {
  table: 'org.requests', id: 'id', column: 'consent_reference', ciphertext: 'consent_reference_ciphertext', kind: 'requestConsent',
};

/** A request as stored, with the requester's name. */
export interface RequestRow {
  id: string; kind: RequestKind; requester_kind: Actor; requester_relation_id: string | null; requester_name: string | null; channel: string;
  received_on: string; part: string; details_ciphertext: Buffer; identity_document: string | null; identity_checked_at: Date | null;
  state: RequestState; intake_outcome: Decision['outcome']; intake_basis: string[]; intake_explanation: string; consent_missing: string[];
  consent_recorded_on: string | null; consent_of: string[] | null; consent_given_on: string | null; consent_how: ConsentHow | null; consent_reference_ciphertext: Buffer | null;
  deadline: string; extension_notice_on: string | null; decision: RequestDecision | null; decision_facts: string[];
  decision_reasons_ciphertext: Buffer | null; decision_basis: string[]; decided_on: string | null; appeal_deadline: string | null;
  execution_deadline: string | null; fulfilled_on: string | null; fee_cents: number | null;
  destruction_granted_entries: string[] | null; destruction_refused: DestructionSplit['refused'] | null;
  extension_reasons_ciphertext: Buffer | null; answer_received_on: string | null;
  consulted_professional: string | null; destruction_confirmed_by: string | null; destruction_confirmed_at: Date | null;
  /** An own statement written in the portal (migration 0078): the entry it disputes and its text, sealed. */
  statement_entry_id?: string | null; statement_ciphertext?: Buffer | null;
}

/** What decides who reads the answer to a request: its kind and state, the decision, the requester and whether consent was recorded. */
export interface RequestReaderRow {
  kind: string; state: string; decision: string | null; requester_kind: Actor; requester_relation_id: string | null; consent_recorded_on: string | null;
}

/** A request as intake records it; the organisation, the client and who recorded it come from the scope. */
export interface NewRequestRow {
  id: string; kind: RequestKind; requesterKind: Actor; requesterRelationId: string | null; channel: string; receivedOn: string;
  identityDocument: string | null; identityCheckedBy: string | null; identityCheckedAt: Date | null; detailsCiphertext: Buffer; part: string;
  state: RequestState; intakeOutcome: Decision['outcome']; intakeBasis: string[]; intakeExplanation: string; consentMissing: string[]; deadline: string;
  decision: RequestDecision | null; decisionReasonsCiphertext: Buffer | null; decisionBasis: string[]; decidedOn: string | null; decidedBy: string | null;
  appealDeadline: string | null;
}

/** A decision as `org.decide_request` takes it; the decider and their session come from the scope. */
export interface DecisionRow {
  outcome: RequestDecision; facts: string[]; reasonsCiphertext: Buffer; basis: string[]; decidedOn: string; executionDeadline: string | null;
  grantedEntryIds: string[] | null;
  /** The kept groups of a partly granted destruction, as JSON. */
  refusedJson: string | null;
  consultedProfessional: string | null;
}

/**
 * The requests as other queries of this module join them: who asked (`requester_relation_id`, NULL: the client)
 * and when it was received. A subquery in FROM, pulled up by PostgreSQL: the same plan as the plain join.
 * @example `JOIN ${REQUEST_RECEIPTS} r ON r.id = p.request_id`
 */
export const REQUEST_RECEIPTS = '(SELECT id, received_on, requester_relation_id FROM org.requests)';

const SELECT_REQUEST = `SELECT r.*, rel.name AS requester_name
  FROM org.requests r LEFT JOIN ${RELATION_NAMES} rel ON rel.id = r.requester_relation_id`;

/**
 * The requests of the scope's client (org.requests).
 * @example const row = await requestsOf(scope).one(requestId); // undefined: no such request of this client
 */
export function requestsOf(scope: ClientBoundScope) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  // Only an employee's scope records (a portal request goes through `portalRequestsOf`): `employeeIdOf` throws otherwise.
  const sessionOf = (): string | null => (scope as ClientScope).actor.sessionId;
  return {
    /** One request, with the requester's name. */
    one: async (requestId: string): Promise<RequestRow | undefined> =>
      (await tx.query<RequestRow>(`${SELECT_REQUEST} WHERE r.id = $1 AND r.client_id = $2`, [requestId, clientId]))[0],
    /** One request, locked until the access commits. */
    oneForUpdate: async (requestId: string): Promise<RequestRow | undefined> =>
      (await tx.query<RequestRow>(`${SELECT_REQUEST} WHERE r.id = $1 AND r.client_id = $2 FOR UPDATE OF r`, [requestId, clientId]))[0],
    /** All requests, newest first. */
    all: (): Promise<RequestRow[]> =>
      tx.query<RequestRow>(`${SELECT_REQUEST} WHERE r.client_id = $1 ORDER BY r.received_on DESC, r.recorded_at DESC`, [clientId]),
    /** The kind of a request — one indexed column, no decryption; undefined when there is none. */
    kindOf: async (requestId: string): Promise<RequestKind | undefined> =>
      (await tx.query<{ kind: RequestKind }>('SELECT kind FROM org.requests WHERE id = $1 AND client_id = $2', [requestId, clientId]))[0]?.kind,
    /** The facts of {@link RequestReaderRow}; undefined when the client has no such request. */
    readerFacts: async (requestId: string): Promise<RequestReaderRow | undefined> =>
      (await tx.query<RequestReaderRow>(
        'SELECT kind, state, decision, requester_kind, requester_relation_id, consent_recorded_on FROM org.requests WHERE id = $1 AND client_id = $2', [requestId, clientId]))[0],
    /** What decides whether a request is answered with a download: kind, channel, state and decision. */
    copyFacts: async (requestId: string) =>
      (await tx.query<{ kind: string; channel: string; state: string; decision: string | null }>(
        'SELECT kind, channel, state, decision FROM org.requests WHERE id = $1 AND client_id = $2', [requestId, clientId]))[0],
    /** Whether a granted destruction awaits its second person: kind, state, decision and whether it was confirmed. */
    destructionFacts: async (requestId: string) =>
      (await tx.query<{ kind: string; state: string; decision: string | null; confirmed: boolean }>(
        'SELECT kind, state, decision, destruction_confirmed_by IS NOT NULL AS confirmed FROM org.requests WHERE id = $1 AND client_id = $2',
        [requestId, clientId]))[0],
    /** What the general information (BW 1:377c) needs of its request: state, decision, basis, and the requester. */
    generalInformationFacts: async (requestId: string) =>
      (await tx.query<{
        kind: string; state: string; decision: string | null; requester_name: string | null; decision_basis: string[];
        requester_kind: Actor; requester_relation_id: string | null; consent_recorded_on: string | null;
      }>(
        `SELECT r.kind, r.state, r.decision, r.decision_basis, r.requester_kind, r.requester_relation_id, r.consent_recorded_on, rel.name AS requester_name
           FROM org.requests r LEFT JOIN ${RELATION_NAMES} rel ON rel.id = r.requester_relation_id WHERE r.id = $1 AND r.client_id = $2`,
        [requestId, clientId]))[0],
    /** Whether an identical request of this requester is still open. */
    hasOpenDuplicate: async (q: { kind: RequestKind; requesterKind: Actor; requesterRelationId: string | null; part: string }): Promise<boolean> =>
      (await tx.query(
        `SELECT 1 FROM org.requests WHERE client_id = $1 AND kind = $2 AND requester_kind = $3 AND requester_relation_id IS NOT DISTINCT FROM $4
            AND part = $5 AND state IN ('received', 'extended')`,
        [clientId, q.kind, q.requesterKind, q.requesterRelationId, q.part])).length > 0,
    /** Whether the client had a copy handed over before, on another request (the first copy is free, AVG 15(3)). */
    hadFulfilledCopyBefore: async (requestId: string): Promise<boolean> =>
      (await tx.query(`SELECT 1 FROM org.requests WHERE client_id = $1 AND kind = 'copy' AND state = 'fulfilled' AND id <> $2`, [clientId, requestId])).length > 0,

    /** Records a request at intake, recorded by the scope's employee. */
    insert: async (r: NewRequestRow): Promise<void> => {
      await tx.query(
        `INSERT INTO org.requests (id, organisation_id, client_id, kind, requester_kind, requester_relation_id, channel, received_on,
           identity_document, identity_checked_by, identity_checked_at, details_ciphertext, part, state, intake_outcome, intake_basis, intake_explanation,
           consent_missing, deadline, decision, decision_reasons_ciphertext, decision_basis, decided_on, decided_by, appeal_deadline, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)`,
        [r.id, scope.client.organisationId, clientId, r.kind, r.requesterKind, r.requesterRelationId, r.channel, r.receivedOn,
          r.identityDocument, r.identityCheckedBy, r.identityCheckedAt, r.detailsCiphertext, r.part, r.state,
          r.intakeOutcome, r.intakeBasis, r.intakeExplanation, r.consentMissing, r.deadline,
          r.decision, r.decisionReasonsCiphertext, r.decisionBasis, r.decidedOn, r.decidedBy, r.appealDeadline, employeeIdOf(scope)]);
    },
    /** Records that the scope's employee checked the requester's identity, now, with this document. */
    recordIdentityCheck: async (requestId: string, documentType: string): Promise<void> => {
      await tx.query('UPDATE org.requests SET identity_document = $2, identity_checked_by = $3, identity_checked_at = $4 WHERE id = $1 AND client_id = $5',
        [requestId, documentType, employeeIdOf(scope), scope.now, clientId]);
    },
    /** Records the missing consent as given (whose: the consent that was missing), on `recordedOn`. */
    recordConsent: async (
      requestId: string, c: { recordedOn: string; givenOn: string; how: ConsentHow; referenceCiphertext: Buffer | null },
    ): Promise<void> => {
      await tx.query(
        `UPDATE org.requests SET consent_recorded_on = $2, consent_of = consent_missing, consent_missing = '{}',
                consent_given_on = $3, consent_how = $4, consent_reference_ciphertext = $5
          WHERE id = $1 AND client_id = $6`,
        [requestId, c.recordedOn, c.givenOn, c.how, c.referenceCiphertext, clientId]);
    },
    /** Records the extension notice and the deadline it gives. */
    extend: async (requestId: string, e: { noticeSentOn: string; deadline: string; reasonsCiphertext: Buffer }): Promise<void> => {
      await tx.query('UPDATE org.requests SET state = \'extended\', extension_notice_on = $2, deadline = $3, extension_reasons_ciphertext = $4 WHERE id = $1 AND client_id = $5',
        [requestId, e.noticeSentOn, e.deadline, e.reasonsCiphertext, clientId]);
    },
    /** Records the day the answer was received and the appeal deadline it gives. */
    recordAnswerReceived: async (requestId: string, receivedOn: string, appealDeadline: string | null): Promise<void> => {
      await tx.query('UPDATE org.requests SET answer_received_on = $2, appeal_deadline = $3 WHERE id = $1 AND client_id = $4', [requestId, receivedOn, appealDeadline, clientId]);
    },
    /**
     * Decides a request, by the scope's employee. Only the database function writes a decision (migration 0055): it
     * checks the decider and the professional consulted, and writes its own log row; the application role has no
     * UPDATE on these columns. Its refusals are PostgreSQL errors with codes DW003/DW004 (see `decideInDatabase`).
     */
    decide: async (requestId: string, d: DecisionRow): Promise<void> => {
      await tx.query(
        'SELECT org.decide_request($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)',
        [requestId, employeeIdOf(scope), d.outcome, d.facts, d.reasonsCiphertext, d.basis, d.decidedOn, d.executionDeadline,
          d.grantedEntryIds, d.refusedJson, d.consultedProfessional, 'decide-request', sessionOf(), null]);
    },
    /**
     * The scope's employee confirms a granted destruction as the second person. The database function checks that
     * the confirmer is authorised and not the decider (DW003/DW005), and writes its log row.
     */
    confirmDestruction: async (requestId: string): Promise<void> => {
      await tx.query('SELECT org.confirm_request_destruction($1, $2, $3, $4, $5, $6)',
        [requestId, employeeIdOf(scope), scope.now, 'confirm-destruction', sessionOf(), null]);
    },
    /** Records the consent a `withdraw-consent` request withdrew. */
    recordWithdrawnConsent: async (requestId: string, consentId: string): Promise<void> => {
      await tx.query('UPDATE org.requests SET withdrawn_consent_id = $2 WHERE id = $1 AND client_id = $3', [requestId, consentId, clientId]);
    },
    /** Marks a request fulfilled on `on` by the scope's employee. */
    markFulfilled: async (requestId: string, on: string): Promise<void> => {
      await tx.query('UPDATE org.requests SET state = \'fulfilled\', fulfilled_on = $2, fulfilled_by = $3 WHERE id = $1 AND client_id = $4',
        [requestId, on, employeeIdOf(scope), clientId]);
    },
    /** Marks a request fulfilled on `on` by the scope's employee, with the fee asked (null: none). */
    markFulfilledWithFee: async (requestId: string, on: string, feeCents: number | null): Promise<void> => {
      await tx.query('UPDATE org.requests SET state = \'fulfilled\', fulfilled_on = $2, fulfilled_by = $3, fee_cents = $4 WHERE id = $1 AND client_id = $5',
        [requestId, on, employeeIdOf(scope), feeCents, clientId]);
    },
  };
}

export interface CareDatesRow { client_name: string; care_started_on: string | null; care_ended_on: string | null; transferred_on: string | null }

/**
 * When the scope's client's care started and ended and the day their dossier was transferred, with their name: the
 * dates of the general information (BW 1:377c). One query over the owners' projections.
 */
export async function careDatesOf(scope: ClientBoundScope): Promise<CareDatesRow | undefined> {
  const [row] = await txOf(scope).query<CareDatesRow>(
    `SELECT c.given_names || ' ' || c.family_name AS client_name, d.care_started_on, d.care_ended_on, t.transferred_on
       FROM ${CLIENTS} c LEFT JOIN ${DOSSIERS} d ON d.client_id = c.id LEFT JOIN ${TRANSFER_DAYS} t ON t.client_id = c.id WHERE c.id = $1`, [scope.client.id]);
  return row;
}

/** A request of the organisation that still needs something, with its client and the caller's care relation. */
export interface OpenRequestRow {
  id: string; client_id: string; client_name: string; birth_date: string; relation: string | null;
  kind: RequestKind; state: RequestState; received_on: string; due_on: string;
}

/**
 * The requests of the scope's organisation that still need something, by due date, with the caller's care relation
 * on `today` for the gate to decide each: open ones (the decision is due) and decided, unfulfilled ones (carrying out).
 */
export function openRequestsOf(scope: ListScope, today: string): Promise<OpenRequestRow[]> {
  return txOf(scope).query<OpenRequestRow>(
    `SELECT r.id, r.client_id, c.given_names || ' ' || c.family_name AS client_name, c.birth_date, t.relation, r.kind, r.state, r.received_on,
            CASE WHEN r.state = 'decided' THEN coalesce(r.execution_deadline, r.deadline) ELSE r.deadline END AS due_on
       FROM org.requests r JOIN ${CLIENTS} c ON c.id = r.client_id
       LEFT JOIN ${careRelationOn('r.client_id', '$2', '$3')} t ON true
      WHERE r.organisation_id = $1 AND (r.state IN ('received', 'extended') OR (r.state = 'decided' AND r.decision <> 'refused'))
      ORDER BY due_on, r.received_on LIMIT 1000`, [scope.actor.organisationId, scope.actor.employeeId, today]);
}

/** The client a portal request is bound to, and now: the gate's portal scope (or any client-bound scope) carries both. */
export interface PortalBound extends HoldsTransaction {
  readonly client: { readonly id: string; readonly organisationId: string };
  readonly now: Date;
}

/** A request made in the portal: the portal account and session are its record (migration 0078). */
export interface PortalRequestEvidence {
  accountId: string;
  session: string;
}

/** An own statement written in the portal: the entry it disputes and its text, sealed under the client's key. */
export interface PortalStatementRow {
  statement_entry_id: string | null;
  statement_ciphertext: Buffer | null;
}

/**
 * The requests of the scope's client as the portal makes and reads them: made by the person in the portal (never an
 * employee), and read back only as that person's own — the client's (no relation) or one relation's.
 * @example await portalRequestsOf(scope, evidence).mine(null); // the client's own requests
 */
export function portalRequestsOf(scope: PortalBound, evidence: PortalRequestEvidence) {
  const tx = txOf(scope);
  const clientId = scope.client.id;
  return {
    /** The requests this person made (in the portal or recorded by staff), newest first; `relationId` null: the client. */
    mine: (relationId: string | null): Promise<RequestRow[]> =>
      tx.query<RequestRow>(
        `${SELECT_REQUEST} WHERE r.client_id = $1 AND r.requester_relation_id IS NOT DISTINCT FROM $2 AND (r.requester_kind = 'client') = ($2::uuid IS NULL)
          ORDER BY r.received_on DESC, r.recorded_at DESC`, [clientId, relationId]),
    /** One request of this person; undefined when it is not theirs or not this client's. */
    mineOne: async (requestId: string, relationId: string | null): Promise<RequestRow | undefined> =>
      (await tx.query<RequestRow>(
        `${SELECT_REQUEST} WHERE r.id = $1 AND r.client_id = $2 AND r.requester_relation_id IS NOT DISTINCT FROM $3 AND (r.requester_kind = 'client') = ($3::uuid IS NULL)`,
        [requestId, clientId, relationId]))[0],
    /** The own statement written in the portal with an add-statement request, if any. */
    statementOf: async (requestId: string): Promise<PortalStatementRow | undefined> =>
      (await tx.query<PortalStatementRow>('SELECT statement_entry_id, statement_ciphertext FROM org.requests WHERE id = $1 AND client_id = $2', [requestId, clientId]))[0],
    /** Records a request made in the portal (channel electronic), with the own statement written there, if any. */
    insert: async (r: NewRequestRow, statement: { entryId: string; ciphertext: Buffer } | null): Promise<void> => {
      await tx.query(
        `INSERT INTO org.requests (id, organisation_id, client_id, kind, requester_kind, requester_relation_id, channel, received_on,
           details_ciphertext, part, state, intake_outcome, intake_basis, intake_explanation, consent_missing, deadline, decision,
           decision_reasons_ciphertext, decision_basis, decided_on, appeal_deadline, recorded_by, recorded_by_portal_account, recorded_in_portal_session,
           statement_entry_id, statement_ciphertext)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, NULL, $22, $23, $24, $25)`,
        [r.id, scope.client.organisationId, clientId, r.kind, r.requesterKind, r.requesterRelationId, r.channel, r.receivedOn,
          r.detailsCiphertext, r.part, r.state, r.intakeOutcome, r.intakeBasis, r.intakeExplanation, r.consentMissing, r.deadline,
          r.decision, r.decisionReasonsCiphertext, r.decisionBasis, r.decidedOn, r.appealDeadline, evidence.accountId, evidence.session,
          statement?.entryId ?? null, statement?.ciphertext ?? null]);
    },
  };
}

/**
 * The privacy officer's view of the requests dashboard (issue 15 item 8; AVG 39(1)(b): the officer monitors that
 * requests are answered in time): the same open requests of the organisation as `openRequestsOf`, bound to the
 * log-review scope, without the caller's care relation (the officer has none); the caller logs every client shown.
 */
export function organisationOpenRequestsOf(scope: Parameters<typeof txOf>[0] & { readonly actor: { readonly organisationId: string } }): Promise<Omit<OpenRequestRow, 'relation'>[]> {
  return txOf(scope).query<Omit<OpenRequestRow, 'relation'>>(
    `SELECT r.id, r.client_id, c.given_names || ' ' || c.family_name AS client_name, c.birth_date, r.kind, r.state, r.received_on,
            CASE WHEN r.state = 'decided' THEN coalesce(r.execution_deadline, r.deadline) ELSE r.deadline END AS due_on
       FROM org.requests r JOIN ${CLIENTS} c ON c.id = r.client_id
      WHERE r.organisation_id = $1 AND (r.state IN ('received', 'extended') OR (r.state = 'decided' AND r.decision <> 'refused'))
      ORDER BY due_on, r.received_on LIMIT 1000`, [scope.actor.organisationId]);
}

/**
 * The open requests (a decision or carrying one out still due) of the given clients of the caller's caseload, by due
 * date: one query for the whole caseload's signals (issue 15 item 9); the caller admitted these clients first.
 */
export function openRequestsOfClients(scope: ListScope, clientIds: readonly string[]): Promise<{ id: string; client_id: string; kind: RequestKind; state: RequestState; due_on: string }[]> {
  return txOf(scope).query<{ id: string; client_id: string; kind: RequestKind; state: RequestState; due_on: string }>(
    `SELECT r.id, r.client_id, r.kind, r.state,
            CASE WHEN r.state = 'decided' THEN coalesce(r.execution_deadline, r.deadline) ELSE r.deadline END AS due_on
       FROM org.requests r
      WHERE r.organisation_id = $1 AND r.client_id = ANY($2::uuid[])
        AND (r.state IN ('received', 'extended') OR (r.state = 'decided' AND r.decision <> 'refused'))
      ORDER BY due_on`, [scope.actor.organisationId, [...clientIds]]);
}
