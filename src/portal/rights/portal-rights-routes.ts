/**
 * The portal's routes for requests online and consents (issue 19 items 4 and 5; shapes in /work/coord/PORTAL.md
 * "API (rights)" and ARCHITECTURE.md). Each runs inside the gate's portal door (`portalRoute`): the engine decides for
 * the logged-in person today, the act is logged with the portal account, and a refusal is 403 with the engine's
 * explanation; an id that is not this person's (another client's, another person's request) is 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PortalScope } from '../../access/gate-scope.js';
import { Type } from 'typebox';
import { notFound } from '../../errors.js';
import { PROGRESS_HEADER, progressOf, sharedProgressInScope } from '../../exports/export-progress.js';
import { PortabilityExportSchema } from '../../exports/portability-export.js';
import { portabilityBundle } from '../../exports/portability-fhir.js';
import { portabilityWorkbook } from '../../exports/portability-xlsx.js';
import type { AppDeps } from '../../http/app-deps.js';
import { NullableObject, NullableString, OneOf, Uuid } from '../../http/schema-helpers.js';
import { REQUEST_KINDS, RequestState } from '../../requests/request-kinds.js';
import { Outcome } from '../../rules/index.js';
import { portalRoute } from '../portal-route.js';
import { givePortalConsent, listPortalConsents, PARENT_PARTS, parentConsents, setParentConsent, withdrawPortalConsent } from './portal-consents.js';
import { assertOwnRequest, listPortalRequests, portalRequestKinds, readPortalRequest, submitPortalRequest } from './portal-requests.js';
import { renderRequestCopy, renderRequestLetter } from '../../requests/request-document-routes.js';
import { buildPortalExport } from './portal-export.js';

const REQUEST_PARTS = ['dossier', 'conversation-report', 'care-plan', 'evaluation', 'research-report', 'raw-test-data', 'third-party-information', 'administrative-data'] as const;
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

/** The short id of the portal session (the evidence of what is given or asked in it), from the realm's hook. */
function sessionOf(request: { portalAccount?: { sessionId: string } | undefined }): string | undefined {
  return request.portalAccount?.sessionId;
}

function pdf(reply: FastifyReply, filename: string, body: Buffer): Buffer {
  reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${filename}"`);
  return body;
}

function attachment(reply: FastifyReply, type: string, filename: string): void {
  reply.header('content-type', type).header('content-disposition', `attachment; filename="${filename}"`);
}

const ProgressParams = Type.Object({ progressId: Uuid() }, { additionalProperties: false });
const ProgressSchema = Type.Object({ phase: Type.String({ enum: ['read', 'render', 'done'] }), done: Type.Integer(), total: Type.Integer() });

const RequestBody = Type.Object({
  kind: OneOf(REQUEST_KINDS),
  part: Type.Optional(OneOf(REQUEST_PARTS)),
  details: Text(5000),
  statement: Type.Optional(Type.Object({ entryId: Uuid(), text: Text(20000) }, { additionalProperties: false })),
  consentId: Type.Optional(Uuid()),
}, { additionalProperties: false });
const RequestParams = Type.Object({ requestId: Uuid() }, { additionalProperties: false });
const ConsentParams = Type.Object({ consentId: Uuid() }, { additionalProperties: false });
const ParentParams = Type.Object({ relationId: Uuid(), part: OneOf(PARENT_PARTS) }, { additionalProperties: false });
const ConsentBody = Type.Object({
  kind: OneOf(['care', 'disclosure'] as const),
  recipient: Type.Optional(Text(300)),
  purpose: Type.Optional(Text(1000)),
  dataDescription: Type.Optional(Text(2000)),
  part: Type.Optional(OneOf(REQUEST_PARTS.filter((p) => p !== 'raw-test-data'))),
  validTo: Type.Optional(Type.String({ format: 'date' })),
  informationGiven: Type.Optional(Text(5000)),
}, { additionalProperties: false });
const ParentBody = Type.Object({ allowed: Type.Boolean() }, { additionalProperties: false });

// The answers, exactly as portal-requests.ts and portal-consents.ts build them (PortalRequest, PortalRequestKind,
// PortalConsent, MayGive, ParentConsents). Open objects like every response schema here; the serializer writes only
// what is listed, so a field added there must be added here too (the web client's types are generated from these).
const Basis = Type.Array(Type.String(), { description: 'The articles of law the engine cites' });
const PortalRequestSchema = Type.Object({
  id: Uuid(), kind: OneOf(REQUEST_KINDS), kindLabel: Type.String(), part: Type.String(), partLabel: Type.String(), details: Type.String(),
  receivedOn: Type.String({ format: 'date' }), receivedOnText: Type.String(),
  state: OneOf(Object.values(RequestState)), stateText: Type.String(),
  deadline: NullableString(), deadlineText: Type.String({ description: 'In words: the decision deadline while open, the execution deadline once granted, else the day it was decided' }),
  overdue: Type.Boolean(),
  intake: Type.Object({ outcome: OneOf(Object.values(Outcome)), explanation: Type.String(), basis: Basis }),
  decision: NullableObject(Type.Object({
    outcome: OneOf(['granted', 'partly', 'refused'] as const), outcomeText: Type.String(), decidedOn: Type.String({ format: 'date' }), decidedOnText: Type.String(),
    reasons: Type.String(),
  })),
  letter: Type.Boolean({ description: 'The letter (the decision, or the extension notice) can be fetched: letter.pdf' }),
  copy: Type.Boolean({ description: 'The copy for this reader can be fetched (a granted inspection or copy): copy.pdf' }),
  export: Type.Boolean({ description: 'The portability export for this reader can be fetched (a granted portability request): export.json, .xlsx, .fhir.json' }),
});
const PortalRequestKindSchema = Type.Object({
  kind: OneOf(REQUEST_KINDS), label: Type.String(), outcome: OneOf(Object.values(Outcome)), explanation: Type.String(), basis: Basis,
});
const PortalRequestsSchema = Type.Object({
  requests: Type.Array(PortalRequestSchema, { description: 'The person\'s own requests, newest first' }),
  kinds: Type.Array(PortalRequestKindSchema, { description: 'What the engine says today for this person, per kind of request (the whole dossier)' }),
});
const PortalConsentSchema = Type.Object({
  id: Uuid(), kind: OneOf(['care', 'disclosure'] as const), kindText: Type.String(), givenByText: Type.String(),
  givenOn: Type.String({ format: 'date' }), givenOnText: Type.String(),
  what: NullableString(), part: NullableString(), partText: NullableString(), recipient: NullableString(), purpose: NullableString(),
  validFrom: Type.String({ format: 'date' }), validTo: NullableString(), validText: Type.String(), active: Type.Boolean(),
  withdrawnAt: NullableString(), withdrawnText: NullableString(),
  inPortal: Type.Boolean({ description: 'Given in the portal: the portal account and session are its evidence' }),
  mayWithdraw: Type.Boolean({ description: 'This person may withdraw it (AVG 7(3))' }),
});
const MayGiveSchema = Type.Object({ allowed: Type.Boolean(), explanation: Type.String(), basis: Basis });
const PortalConsentsSchema = Type.Object({
  consents: Type.Array(PortalConsentSchema, { description: 'Every consent given about this client, newest first' }),
  mayGive: Type.Object({ care: MayGiveSchema, disclosure: MayGiveSchema }, { description: 'Whether this person may give a consent of each kind today, with the engine\'s words' }),
});
const ParentConsentsSchema = Type.Object({
  explanation: Type.String(), basis: Basis,
  parents: Type.Array(Type.Object({
    relationId: Uuid(), name: Type.String(), roleText: Type.String(),
    parts: Type.Array(Type.Object({
      part: OneOf(PARENT_PARTS), partText: Type.String(), allowed: Type.Boolean(),
      consentId: NullableString(), since: NullableString(), sinceText: NullableString(),
    })),
  })),
});

export function portalRightsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;

  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/requests',
    schema: { tags: ['portal'], summary: 'The person\'s own requests with state and deadline in words, and what the engine says today per kind of request', response: { 200: PortalRequestsSchema } },
    intent: () => ({ action: 'request' }),
    handler: async (scope) => ({ requests: await listPortalRequests(scope, masterKey), kinds: await portalRequestKinds(scope) }),
  });
  portalRoute(app, deps, {
    method: 'POST', url: '/api/portal/requests',
    schema: { tags: ['portal'], summary: 'Make a request (received today, electronically); the engine\'s intake and deadline; lands in the professionals\' dashboard', body: RequestBody, response: { 201: PortalRequestSchema } },
    intent: () => ({ action: 'request' }),
    handler: async (scope, request, reply: FastifyReply) => {
      const made = await submitPortalRequest(scope, masterKey, request.body, sessionOf(request));
      reply.code(201);
      return made;
    },
  });
  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/requests/:requestId',
    schema: { tags: ['portal'], summary: 'One of the person\'s own requests', params: RequestParams, response: { 200: PortalRequestSchema } },
    intent: () => ({ action: 'request' }),
    handler: (scope, request) => readPortalRequest(scope, masterKey, request.params.requestId),
  });

  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/requests/:requestId/letter.pdf',
    schema: { tags: ['portal'], summary: 'The letter on one of the person\'s own requests (decision or extension notice), as PDF; 409 before either', params: RequestParams, produces: ['application/pdf'] },
    intent: () => ({ action: 'request' }),
    handler: async (scope, request, reply: FastifyReply) => {
      await assertOwnRequest(scope, request.params.requestId);
      const letter = await renderRequestLetter(scope, masterKey, request.params.requestId);
      return pdf(reply, letter.filename, letter.body);
    },
  });
  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/requests/:requestId/copy.pdf',
    schema: { tags: ['portal'], summary: 'The copy made for this reader on a granted inspection or copy request (shielding applied), as PDF; 409 unless granted', params: RequestParams, produces: ['application/pdf'] },
    intent: () => ({ action: 'request' }),
    handler: async (scope, request, reply: FastifyReply) => {
      await assertOwnRequest(scope, request.params.requestId);
      return pdf(reply, `afschrift-${request.params.requestId}.pdf`, await renderRequestCopy(scope, masterKey, request.params.requestId));
    },
  });

  // The portability export of one's own granted portability request (AVG 20), as the staff's three formats, made for this
  // person today (portal-export.ts). Decided as a copy (the engine's `copy` for this person, a 16+ young person's consent
  // per part as in the dossier view) and logged with the entries it shows.
  const exportOf = (scope: PortalScope, request: Pick<FastifyRequest, 'headers'> & { params: { requestId: string } }) => {
    const progress = progressOf(request, scope.account.id, { db: deps.db, organisationId: scope.client.organisationId });
    return buildPortalExport(scope, masterKey, request.params.requestId, progress);
  };
  const exportIntent = () => ({ action: 'copy' as const, part: 'dossier', byPart: true as const });
  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/requests/:requestId/export.json',
    schema: {
      tags: ['portal'], summary: 'The portability export (AVG 20) of one\'s own granted portability request, as JSON in the documented schema, made for this person today (released entries, shielding applied); 409 unless granted',
      params: RequestParams, response: { 200: PortabilityExportSchema },
    },
    intent: exportIntent,
    handler: async (scope, request, reply: FastifyReply) => {
      const data = await exportOf(scope, request);
      attachment(reply, 'application/json; charset=utf-8', `gegevens-${request.params.requestId}.json`);
      return data;
    },
  });
  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/requests/:requestId/export.xlsx',
    schema: {
      tags: ['portal'], summary: 'The portability export (AVG 20) of one\'s own granted portability request, as a spreadsheet; 409 unless granted',
      params: RequestParams, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
    intent: exportIntent,
    handler: async (scope, request, reply: FastifyReply) => {
      const body = await portabilityWorkbook(await exportOf(scope, request));
      attachment(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `gegevens-${request.params.requestId}.xlsx`);
      return body;
    },
  });
  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/requests/:requestId/export.fhir.json',
    schema: {
      tags: ['portal'], summary: 'The portability export (AVG 20) of one\'s own granted portability request, as a FHIR R4 Bundle; 409 unless granted',
      params: RequestParams, produces: ['application/fhir+json'],
    },
    intent: exportIntent,
    handler: async (scope, request, reply: FastifyReply) => {
      const bundle = portabilityBundle(await exportOf(scope, request));
      attachment(reply, 'application/fhir+json; charset=utf-8', `gegevens-${request.params.requestId}.fhir.json`);
      return JSON.stringify(bundle);
    },
  });
  // How far one's own export is (header x-dossierwijzer-progress): numbers only, for the account that started it.
  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/exports/progress/:progressId',
    schema: {
      tags: ['portal'], summary: `Progress of one's own long export started with the header ${PROGRESS_HEADER}; only for the account that started it`,
      params: ProgressParams, response: { 200: ProgressSchema },
    },
    intent: () => ({ action: 'account' }),
    handler: async (scope, request) => {
      // Through the door's own transaction: a second query beside it hung PGlite's one connection (found by fuzzing).
      const snapshot = await sharedProgressInScope(request.params.progressId, scope.account.id, scope, scope.client.organisationId);
      if (snapshot === undefined) throw notFound('Deze voortgang is (nog) niet bekend.', 'This progress is not known (yet).');
      return snapshot;
    },
  });

  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/consents',
    schema: { tags: ['portal'], summary: 'Every consent given about this client (by whom, for what), and which consent this person may give today', response: { 200: PortalConsentsSchema } },
    intent: () => ({ action: 'consent' }),
    handler: (scope) => listPortalConsents(scope, masterKey),
  });
  portalRoute(app, deps, {
    method: 'POST', url: '/api/portal/consents',
    schema: { tags: ['portal'], summary: 'Give a consent (care or a disclosure), recorded with the portal session as evidence; only whom the engine names', body: ConsentBody, response: { 201: PortalConsentSchema } },
    intent: () => ({ action: 'consent' }),
    handler: async (scope, request, reply: FastifyReply) => {
      const given = await givePortalConsent(scope, masterKey, request.body, sessionOf(request));
      reply.code(201);
      return given;
    },
  });
  portalRoute(app, deps, {
    method: 'POST', url: '/api/portal/consents/:consentId/withdraw',
    schema: { tags: ['portal'], summary: 'Withdraw a consent at once (AVG 7(3)); only whoever gave it, or the client once the law leaves it to them', params: ConsentParams, response: { 200: PortalConsentSchema } },
    intent: () => ({ action: 'consent' }),
    handler: (scope, request) => withdrawPortalConsent(scope, masterKey, request.params.consentId, sessionOf(request)),
  });
  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/consents/parents',
    schema: { tags: ['portal'], summary: 'The young person of 16+: per parent and per part, what they may see', response: { 200: ParentConsentsSchema } },
    intent: () => ({ action: 'consent' }),
    handler: (scope) => parentConsents(scope),
  });
  portalRoute(app, deps, {
    method: 'PUT', url: '/api/portal/consents/parents/:relationId/:part',
    schema: { tags: ['portal'], summary: 'The young person of 16+ lets a parent see a part, or stops it (at once)', params: ParentParams, body: ParentBody, response: { 200: ParentConsentsSchema } },
    intent: () => ({ action: 'consent' }),
    handler: (scope, request) => setParentConsent(scope, masterKey, request.params.relationId, request.params.part, request.body.allowed, sessionOf(request)),
  });
}
