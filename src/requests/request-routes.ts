/** HTTP routes for requests: intake, consent, extension, decision, fulfilment, and the dashboard of open requests. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { SubjectOf } from '../access/gate.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableObject, NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { Part } from '../rules/index.js';
import { CORRECTABLE_FIELDS, type CorrectableField } from '../clients/clients-service.js';
import { endRestriction } from './fulfil-rights.js';
import { assertRequestAct } from './request-acts.js';
import { DECISION_FACTS, DESTRUCTION_REFUSAL_GROUNDS, REQUEST_KINDS } from './request-kinds.js';
import { confirmDestruction } from './destruction.js';
import { decideRequest, extendRequest, fulfilRequest, listClientRequests, openRequestCandidates, readRequest, receiveRequest, recordAnswerReceived, recordIdentityCheck, recordRequestConsent } from './request-service.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const RequestParams = Type.Object({ clientId: Uuid(), requestId: Uuid() }, { additionalProperties: false });

const DestructionSplitSchema = Type.Object({
  grantedEntryIds: Type.Array(Uuid(), { minItems: 1, maxItems: 10_000, uniqueItems: true }),
  refused: Type.Array(Type.Object({
    entryIds: Type.Array(Uuid(), { minItems: 1, maxItems: 10_000, uniqueItems: true }),
    ground: OneOf(DESTRUCTION_REFUSAL_GROUNDS),
  }, { additionalProperties: false }), { minItems: 1, maxItems: DESTRUCTION_REFUSAL_GROUNDS.length }),
}, { additionalProperties: false });

const RequestSchema = Type.Object({
  id: Uuid(), kind: Type.String(),
  /** `kind`: the engine's word recorded at intake; `label`: what the requester is today, in Dutch, computed at read time (issue 16). */
  requester: Type.Object({ kind: Type.String(), relationId: NullableString(), name: NullableString(), label: Type.String() }),
  channel: Type.String(), receivedOn: Type.String(), part: Type.String(), details: Type.String(),
  identityChecked: NullableObject(Type.Object({ documentType: Type.String(), checkedAt: Type.String() })),
  state: Type.String(),
  intake: Type.Object({
    outcome: Type.String(), basis: Type.Array(Type.String()), explanation: Type.String(), consentMissing: Type.Array(Type.String()), consentRecordedOn: NullableString(),
    consent: NullableObject(Type.Object({ of: Type.Array(Type.String()), givenOn: Type.String(), how: Type.String(), declarationReference: NullableString(), recordedOn: Type.String() })),
  }),
  deadline: Type.String(), overdue: Type.Boolean(), extensionNoticeOn: NullableString(),
  extension: NullableObject(Type.Object({ noticeSentOn: Type.String(), reasons: NullableString() })),
  /** The engine's deadlines (requestDeadlines): decision deadline, whether validly extended, whether decided late, the appeal deadline or null. */
  deadlines: Type.Object({
    decisionDeadline: Type.String(), extended: Type.Boolean(), late: Type.Boolean(), appealDeadline: NullableString(),
    basis: Type.Array(Type.String()), explanation: Type.String(),
  }),
  decision: NullableObject(Type.Object({
    outcome: Type.String(), reasons: Type.String(), facts: Type.Array(Type.String()), basis: Type.Array(Type.String()), decidedOn: Type.String(),
    answerReceivedOn: NullableString(), appealDeadline: NullableString(), executionDeadline: NullableString(),
    destruction: NullableObject(DestructionSplitSchema),
    consultedProfessional: NullableString(),
    /** A granted destruction: the second person's confirmation, once given (migration 0055). */
    destructionConfirmation: NullableObject(Type.Object({ confirmedBy: Uuid(), confirmedAt: Type.String() })),
  })),
  fulfilledOn: NullableString(),
  feeCents: Type.Unsafe<number | null>({ type: 'integer', nullable: true }),
});

/** General information (BW 1:377c; 003 §3.1): start, end, the goals (plans) and results (evaluations), shielding applied. */
const GeneralInformationItemSchema = Type.Object({ date: Type.String(), title: NullableString(), text: Type.String() });
const GeneralInformationSchema = Type.Object({
  requestId: Uuid(), clientName: Type.String(), addressee: NullableString(), madeOn: Type.String(),
  careStartedOn: NullableString(), careEndedOn: NullableString(),
  goals: Type.Object({ planDates: Type.Array(Type.String()), items: Type.Array(GeneralInformationItemSchema), withheld: Type.Integer() }),
  results: Type.Object({ evaluationDates: Type.Array(Type.String()), items: Type.Array(GeneralInformationItemSchema), withheld: Type.Integer() }),
  basis: Type.Array(Type.String()),
});
const FulfilledSchema = Type.Object({ ...RequestSchema.properties, generalInformation: Type.Optional(GeneralInformationSchema) });

const NewRequestBody = Type.Object({
  kind: OneOf(REQUEST_KINDS),
  requesterRelationId: Type.Optional(Uuid()),
  channel: OneOf(['written', 'electronic', 'in-person'] as const),
  receivedOn: Type.String({ format: 'date' }),
  part: Type.Optional(OneOf(Object.values(Part))),
  details: Type.String({ minLength: 1, maxLength: 10_000 }),
  identityCheck: Type.Optional(Type.Object({ documentType: OneOf(['passport', 'identity-card', 'driving-licence', 'residence-permit', 'other'] as const) }, { additionalProperties: false })),
}, { additionalProperties: false });
const ExtendBody = Type.Object({
  noticeSentOn: Type.String({ format: 'date', description: 'The day the notice of the extension was sent' }),
  reasons: Type.String({ minLength: 1, maxLength: 5000, description: 'The reasons for the delay, as the notice gave them (AVG 12(3))' }),
}, { additionalProperties: false });
const AnswerReceivedBody = Type.Object({
  receivedOn: Type.String({ format: 'date', description: 'The day the requester received the answer; the six weeks to go to court run from it (003 §4)' }),
}, { additionalProperties: false });
const IdentityCheckBody = Type.Object({ documentType: OneOf(['passport', 'identity-card', 'driving-licence', 'residence-permit', 'other'] as const) }, { additionalProperties: false });
const ConsentBody = Type.Object({
  givenOn: Type.String({ format: 'date', description: 'When the consent was given' }),
  how: OneOf(['in-writing', 'electronic', 'in-person'] as const),
  declarationReference: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'Where the written or electronic declaration is kept (required unless given in person)' })),
}, { additionalProperties: false });
const DecisionBody = Type.Object({
  outcome: OneOf(['granted', 'partly', 'refused'] as const),
  reasons: Type.String({ maxLength: 20_000 }),
  facts: Type.Optional(Type.Array(OneOf(DECISION_FACTS), { maxItems: DECISION_FACTS.length, uniqueItems: true })),
  /** destroy, partly: the entries destroyed and, per kept group, its ground (Jeugdwet 7.3.9). */
  destruction: Type.Optional(DestructionSplitSchema),
  /** A (partial) refusal on serious harm: the other professional consulted, name and function (Jeugdwet 7.3.2 lid 4). */
  consultedProfessional: Type.Optional(Type.String({ minLength: 2, maxLength: 300 })),
}, { additionalProperties: false });
/** Per kind (checked in fulfil-rights.ts): feeCents (copy), corrections (correct), statement (add-statement), consentId (withdraw-consent), objection (object). */
const FulfilBody = Type.Object({
  feeCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  corrections: Type.Optional(Type.Array(Type.Union([
    Type.Object({ field: OneOf(Object.keys(CORRECTABLE_FIELDS) as CorrectableField[]), value: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }),
    Type.Object({ entryId: Uuid(), reason: Type.String({ minLength: 5, maxLength: 5000 }) }, { additionalProperties: false }),
  ]), { minItems: 1, maxItems: 20 })),
  statement: Type.Optional(Type.Object({
    entryId: Uuid(), title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })), text: Type.String({ minLength: 1 }),
  }, { additionalProperties: false })),
  consentId: Type.Optional(Uuid()),
  objection: Type.Optional(Type.Object({ processing: Type.String({ minLength: 5, maxLength: 2000 }) }, { additionalProperties: false })),
}, { additionalProperties: false });
const EndRestrictionBody = Type.Object({
  reason: Type.String({ minLength: 5, maxLength: 2000 }),
  clientInformedOn: Type.String({ format: 'date' }),
}, { additionalProperties: false });

const DashboardRow = Type.Object({
  requestId: Uuid(), clientId: Uuid(), clientName: Type.String(), kind: Type.String(), state: Type.String(), receivedOn: Type.String(),
  due: OneOf(['decision', 'fulfilment'] as const), deadline: Type.String(), overdue: Type.Boolean(),
});

export function requestRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  const client = (request: { params: { clientId: string } }): SubjectOf<'client'> => ({ kind: 'client', clientId: request.params.clientId });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests',
    schema: { tags: ['requests'], summary: 'The client\'s requests, newest first', params: ClientParams, response: { 200: Type.Object({ requests: Type.Array(RequestSchema) }) } },
    kind: 'client', subject: client,
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope) => ({ requests: await listClientRequests(scope, masterKey) }),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/requests',
    schema: {
      tags: ['requests'], summary: 'Record a request; the engine decides whether this requester may make it (a refusal is recorded with its reasons)',
      params: ClientParams, body: NewRequestBody, response: { 201: RequestSchema },
    },
    kind: 'client', subject: client,
    intent: () => ({ action: 'register-request', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const created = await receiveRequest(scope, masterKey, request.body);
      reply.code(201);
      return created;
    },
  });
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId',
    schema: { tags: ['requests'], summary: 'One request with its intake, deadline and decision', params: RequestParams, response: { 200: RequestSchema } },
    kind: 'client', subject: client,
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: (scope, request) => readRequest(scope, masterKey, request.params.requestId),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/requests/:requestId/identity-check',
    schema: {
      tags: ['requests'], summary: 'Record that the requester\'s identity was checked, and with which document (never a copy of it); needed before inspection, a copy handed over, portability or destruction',
      params: RequestParams, body: IdentityCheckBody, response: { 200: RequestSchema },
    },
    kind: 'client', subject: client,
    intent: () => ({ action: 'register-request', part: 'administrative-data' }),
    handler: (scope, request) => recordIdentityCheck(scope, masterKey, request.params.requestId, request.body.documentType),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/requests/:requestId/consent',
    schema: { tags: ['requests'], summary: 'Record the consent the engine said was missing: when and how it was given, and the declaration', params: RequestParams, body: ConsentBody, response: { 200: RequestSchema } },
    kind: 'client', subject: client,
    intent: () => ({ action: 'register-request', part: 'administrative-data' }),
    handler: (scope, request) => {
      const body = request.body;
      return recordRequestConsent(scope, masterKey, request.params.requestId, {
        givenOn: body.givenOn, how: body.how, ...(body.declarationReference === undefined ? {} : { declarationReference: body.declarationReference }),
      });
    },
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/requests/:requestId/extend',
    schema: { tags: ['requests'], summary: 'Record the extension notice with its reasons; extends by two months only when sent within the first month with the reasons (AVG 12(3))', params: RequestParams, body: ExtendBody, response: { 200: RequestSchema } },
    kind: 'client', subject: client,
    // Taking two more months is part of the decision (AVG 12(3)): the decider's act.
    intent: () => ({ action: 'decide-request', part: 'administrative-data' }),
    handler: (scope, request) => extendRequest(scope, masterKey, request.params.requestId, request.body),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/requests/:requestId/answer-received',
    schema: {
      tags: ['requests'], summary: 'Record the day the requester received the answer: the appeal deadline (six weeks) runs from it; none after a late decision (003 §4)',
      params: RequestParams, body: AnswerReceivedBody, response: { 200: RequestSchema },
    },
    kind: 'client', subject: client,
    intent: () => ({ action: 'register-request', part: 'administrative-data' }),
    handler: (scope, request) => recordAnswerReceived(scope, masterKey, request.params.requestId, request.body.receivedOn),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/requests/:requestId/decision',
    schema: { tags: ['requests'], summary: 'Decide: granted, partly or refused, with reasons and the facts established; checked against the engine', params: RequestParams, body: DecisionBody, response: { 200: RequestSchema } },
    kind: 'client', subject: client,
    // Deciding is the holder's or a manager's for every kind (src/rules/acts.ts), so the gate decides it whole.
    intent: () => ({ action: 'decide-request', part: 'dossier' }),
    handler: (scope, request) => decideRequest(scope, masterKey, request.params.requestId, request.body),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/requests/:requestId/confirm-destruction',
    schema: {
      tags: ['requests'],
      summary: 'The second person confirms a granted destruction before it is carried out (organisation setting, on by default): the dossier holder, a manager or the privacy officer, never the decider',
      params: RequestParams, response: { 200: RequestSchema },
    },
    kind: 'client', subject: client,
    // The second person's act (src/rules/acts.ts); the database function also checks that it is not the decider.
    intent: () => ({ action: 'confirm-destruction', part: 'dossier' }),
    handler: async (scope, request) => {
      await confirmDestruction(scope, request.params.requestId);
      return readRequest(scope, masterKey, request.params.requestId);
    },
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/requests/:requestId/fulfil',
    schema: {
      tags: ['requests'],
      summary: 'Fulfil a decided request: correct (formal data with history; an entry by annotation — a finding is refused, own statement offered), add-statement, restrict, withdraw-consent (only the one whose consent it is), object, destroy (only the granted entries when partly granted), general-information (returned as `generalInformation`); a fee only for extra copies',
      params: RequestParams, body: FulfilBody, response: { 200: FulfilledSchema },
    },
    kind: 'client', subject: client,
    // Fulfilling depends on the kind: the gate decides "for any kind", request-acts.ts the request's own kind.
    intent: () => ({ action: 'fulfil-request', part: 'dossier' }),
    handler: async (scope, request) => {
      await assertRequestAct(scope, 'fulfil-request', request.params.requestId);
      return fulfilRequest(scope, masterKey, request.params.requestId, request.body, deps.config.maxEntryBytes);
    },
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/processing-restriction/end',
    schema: {
      tags: ['requests'], summary: 'End a restriction of processing (AVG 18(3)): the dossier holder, with a reason, after telling the client',
      params: ClientParams, body: EndRestrictionBody, response: { 204: Type.Null() },
    },
    kind: 'client', subject: client,
    // Administrative data: the restriction freezes the care content, not the administration of the client's rights.
    intent: () => ({ action: 'end-restriction', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      await endRestriction(scope, masterKey, request.body);
      reply.code(204);
      return null;
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/requests',
    schema: { tags: ['requests'], summary: 'Requests that need something by due date — a decision, or carrying out a decided one (a destruction by its execution deadline) — overdue ones marked (of the clients the caller may see)', response: { 200: Type.Object({ requests: Type.Array(DashboardRow) }) } },
    kind: 'client-list', subject: () => ({ kind: 'client-list' }), intent: () => 'read',
    handler: async (scope) => {
      const candidates = await openRequestCandidates(scope);
      const rows = await scope.admit(candidates, (row) => row.clientId);
      return { requests: rows.map(({ requestId: id, clientId, clientName, kind, state, receivedOn, due, deadline, overdue }) => ({ requestId: id, clientId, clientName, kind, state, receivedOn, due, deadline, overdue })) };
    },
  });
}
