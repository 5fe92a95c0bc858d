/** HTTP routes for the consent register. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { Part } from '../rules/index.js';
import { careConsentStatus, listConsents, recordConsent, withdrawConsentAndRead } from './consent-service.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const ConsentParams = Type.Object({ clientId: Uuid(), consentId: Uuid() }, { additionalProperties: false });
const CONSENT_PARTS = Object.values(Part).filter((p) => p !== 'personal-work-note');
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

const ConsentSchema = Type.Object({
  id: Uuid(), kind: Type.String(), givenBy: Type.String(), givenByRelationId: NullableString(), givenOn: Type.String(), informationGiven: Type.String(),
  recipient: NullableString(), purpose: NullableString(), dataDescription: NullableString(), part: NullableString(), validFrom: Type.String(), validTo: NullableString(),
  declarationReference: NullableString(), withdrawnAt: NullableString(), active: Type.Boolean(),
});
const NewConsentBody = Type.Object({
  kind: OneOf(['care', 'disclosure'] as const),
  givenBy: OneOf(['client', 'legal-representatives', 'representative', 'other-person'] as const),
  givenByRelationId: Type.Optional(Uuid()),
  givenOn: Type.String({ format: 'date' }),
  informationGiven: Text(5000),
  recipient: Type.Optional(Text(300)),
  purpose: Type.Optional(Text(1000)),
  dataDescription: Type.Optional(Text(2000)),
  /** Disclosure only: the part of the dossier the consent covers (a disclosure on it must be of that part; `dossier` covers all). */
  part: Type.Optional(OneOf(CONSENT_PARTS)),
  validFrom: Type.Optional(Type.String({ format: 'date' })),
  validTo: Type.Optional(Type.String({ format: 'date' })),
  declarationReference: Type.Optional(Text(300)),
}, { additionalProperties: false });
const Status = Type.Object({
  required: Type.Array(Type.String()), given: Type.Array(Type.String()), missing: Type.Array(Type.String()), complete: Type.Boolean(),
  basis: Type.Array(Type.String()), explanation: Type.String(),
  representativesMissing: Type.Array(Type.Object({ relationId: Type.String(), name: Type.String() })),
});

const WithdrawBody = Type.Object({
  withdrawnBy: OneOf(['client', 'legal-representatives', 'representative', 'other-person'] as const),
  relationId: Type.Optional(Type.String({ format: 'uuid', description: 'The registered relation that withdraws (a parent, guardian or other person); not for the client' })),
}, { additionalProperties: false });

export function consentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/consents',
    schema: { tags: ['consents'], summary: 'Consents to care and to disclosure, with their state', params: ClientParams, response: { 200: Type.Object({ consents: Type.Array(ConsentSchema) }) } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope) => ({ consents: await listConsents(scope, masterKey) }),
  });
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/care-consent',
    schema: { tags: ['consents'], summary: 'Whose consent care needs today (the engine), whose is recorded, what is missing', params: ClientParams, response: { 200: Status } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: (scope) => careConsentStatus(scope),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/consents',
    schema: { tags: ['consents'], summary: 'Record a consent, checked against whose consent the law asks', params: ClientParams, body: NewConsentBody, response: { 201: ConsentSchema } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'record-consent', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const consent = await recordConsent(scope, masterKey, request.body);
      reply.code(201);
      return consent;
    },
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/consents/:consentId/withdraw',
    schema: {
      tags: ['consents'], summary: 'Withdraw a consent, effective at once (AVG 7(3)); only by whoever gave it, or by the client once the law leaves that consent to them',
      params: ConsentParams, body: WithdrawBody, response: { 200: ConsentSchema },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'withdraw-consent', part: 'administrative-data' }),
    handler: (scope, request) => {
      const { withdrawnBy, relationId } = request.body;
      return withdrawConsentAndRead(scope, masterKey, request.params.consentId, { party: withdrawnBy, relationId: relationId ?? null });
    },
  });
}
