/** HTTP routes for relations (custody), competence assessments and start-of-care agreements. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import {
  addAgreement, addCompetenceAssessment, addRelation, CustodyBasis, CustodyKind, endAgreement, endRelation, listAgreements, listCompetenceAssessments,
  recordDeath, RelationKind, StartAgreement,
} from './representation-service.js';
import { correctDeath, DeathCorrection, DeathEstablishedHow, deathHistoryOf, ExpressedHow, recordWish, WishAfterDeath, wishesOf } from './client-death.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const RelationParams = Type.Object({ clientId: Uuid(), relationId: Uuid() }, { additionalProperties: false });
const AgreementParams = Type.Object({ clientId: Uuid(), agreementId: Uuid() }, { additionalProperties: false });
const Created = Type.Object({ id: Uuid() });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

const NewRelationBody = Type.Object({
  relation: OneOf(Object.values(RelationKind)),
  hasCustody: Type.Boolean(),
  custodyKind: Type.Optional(OneOf(Object.values(CustodyKind))),
  /** Required with custody (migration 0048; 003 §2.3.5). */
  custodyEstablishedBy: Type.Optional(OneOf(Object.values(CustodyBasis))),
  familyName: Text(200), givenNames: Text(200),
  institution: Type.Optional(Text(300)),
  phone: Type.Optional(Type.String({ pattern: '^[+0-9 ()-]{6,20}$' })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  establishedHow: Text(500),
  validFrom: Type.String({ format: 'date' }),
}, { additionalProperties: false });
const EndRelationBody = Type.Object({ validTo: Type.String({ format: 'date' }) }, { additionalProperties: false });

const NewAssessmentBody = Type.Object({
  matter: OneOf(['dossier-rights', 'care-consent'] as const),
  competent: Type.Boolean(),
  assessedOn: Type.String({ format: 'date' }),
  facts: Text(10_000),
  expertConsulted: Text(500),
  representativeRelationId: Type.Optional(Uuid()),
}, { additionalProperties: false });
const Assessment = Type.Object({
  id: Uuid(), matter: Type.String(), competent: Type.Boolean(), assessedOn: Type.String(), facts: Type.String(), expertConsulted: Type.String(),
  representativeRelationId: NullableString(), assessedBy: Type.String(),
});

const DeathBody = Type.Object({
  diedOn: Type.String({ format: 'date' }),
  // What the client recorded in life, in writing or electronically, about inspection after death (Jeugdwet 7.3.12a lid 1(a), lid 4).
  wishInLife: Type.Optional(OneOf(['none', 'consented', 'objected'] as const)),
}, { additionalProperties: false });
const Death = Type.Object({ diedOn: Type.String(), wishInLife: Type.String(), recordedBy: Type.String(), recordedAt: Type.String() });

const DeathCorrectionBody = Type.Object({
  correction: OneOf(Object.values(DeathCorrection)),
  /** The correct day of death, for `died-on`. */
  diedOn: Type.Optional(Type.String({ format: 'date' })),
  /** How the correction was established: the BRP, the death certificate, the family, another document. */
  establishedHow: OneOf(Object.values(DeathEstablishedHow)),
}, { additionalProperties: false });
const DeathHistorySchema = Type.Object({
  current: Type.Union([Death, Type.Null()]),
  records: Type.Array(Type.Object({
    kind: Type.String(), diedOn: NullableString(), establishedHow: NullableString(), recordedBy: Type.String(), recordedAt: Type.String(), corrected: Type.Boolean(),
  })),
});

const NewWishBody = Type.Object({
  /** The person the wish is about; absent: everyone. */
  relationId: Type.Optional(Uuid()),
  wish: OneOf(Object.values(WishAfterDeath)),
  expressedOn: Type.String({ format: 'date' }),
  expressedHow: OneOf(Object.values(ExpressedHow)),
}, { additionalProperties: false });
const WishesSchema = Type.Object({
  wishes: Type.Array(Type.Object({
    id: Uuid(), relationId: NullableString(), relationName: NullableString(), wish: Type.String(), expressedOn: Type.String(), expressedHow: Type.String(),
    recordedBy: Type.String(), recordedAt: Type.String(), replaced: Type.Boolean(),
  })),
});

const NewAgreementBody = Type.Object({ agreement: OneOf(Object.values(StartAgreement)), agreedOn: Type.String({ format: 'date' }) }, { additionalProperties: false });
const Agreement = Type.Object({ id: Uuid(), agreement: Type.String(), agreedOn: Type.String(), endedOn: NullableString(), recordedBy: Type.String() });

export function representationRoutes(app: FastifyInstance, deps: AppDeps): void {
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/relations',
    schema: { tags: ['representation'], summary: 'Add a parent, guardian, family guardian, or a representative of an adult (curator, mentor, authorised person, partner, child, sibling), with custody kind and how it was established', params: ClientParams, body: NewRelationBody, response: { 201: Created } },
    // Custody decides who consents and exercises the client's rights: its own act (003 §2.3.5).
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: (request) => ({ action: request.body.hasCustody ? 'record-custody' : 'register-relation', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const id = await addRelation(scope, request.body);
      reply.code(201);
      return { id };
    },
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/relations/:relationId/end',
    schema: { tags: ['representation'], summary: 'End a relation (custody changed); the history stays', params: RelationParams, body: EndRelationBody, response: { 204: Type.Null() } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'end-relation', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      await endRelation(scope, request.params.relationId, request.body.validTo);
      reply.code(204);
      return null;
    },
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/death',
    schema: { tags: ['representation'], summary: 'Record the client\'s death: from then on heirs and relations are answered by Jeugdwet 7.3.12a', params: ClientParams, body: DeathBody, response: { 201: Death } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'record-death', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const death = await recordDeath(scope, request.body);
      reply.code(201);
      return death;
    },
  });
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/death',
    schema: { tags: ['representation'], summary: 'The client\'s death as it stands, with the record and every correction (the earlier ones marked corrected)', params: ClientParams, response: { 200: DeathHistorySchema } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope) => deathHistoryOf(scope),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/death/corrections',
    schema: { tags: ['representation'], summary: 'Correct a recorded death (another day, or not deceased): a new row, the earlier one kept and shown as corrected', params: ClientParams, body: DeathCorrectionBody, response: { 201: DeathHistorySchema } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'correct-death', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const history = await correctDeath(scope, request.body);
      reply.code(201);
      return history;
    },
  });
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/wishes-after-death',
    schema: { tags: ['representation'], summary: 'What the client recorded in life about inspection after death, per person or for everyone (Jeugdwet 7.3.12a lid 1(a), lid 4)', params: ClientParams, response: { 200: WishesSchema } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope) => ({ wishes: await wishesOf(scope) }),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/wishes-after-death',
    schema: { tags: ['representation'], summary: 'Record what the client wanted in life about one person\'s (or everyone\'s) inspection after death; a later wish replaces an earlier one', params: ClientParams, body: NewWishBody, response: { 201: WishesSchema } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'record-wish-after-death', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const wishes = await recordWish(scope, request.body);
      reply.code(201);
      return { wishes };
    },
  });
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/competence-assessments',
    schema: { tags: ['representation'], summary: 'Competence assessments (12+), newest first', params: ClientParams, response: { 200: Type.Object({ assessments: Type.Array(Assessment) }) } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope) => ({ assessments: await listCompetenceAssessments(scope, deps.masterKey) }),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/competence-assessments',
    schema: { tags: ['representation'], summary: 'Record a competence assessment: facts, expert consulted, who represents', params: ClientParams, body: NewAssessmentBody, response: { 201: Created } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'assess-competence', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const id = await addCompetenceAssessment(scope, deps.masterKey, request.body);
      reply.code(201);
      return { id };
    },
  });
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/agreements',
    schema: { tags: ['representation'], summary: 'Agreements made at the start of care (what parents do not receive)', params: ClientParams, response: { 200: Type.Object({ agreements: Type.Array(Agreement) }) } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope) => ({ agreements: await listAgreements(scope) }),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/agreements',
    schema: { tags: ['representation'], summary: 'Record a start-of-care agreement', params: ClientParams, body: NewAgreementBody, response: { 201: Created } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'make-agreement', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const body = request.body;
      const id = await addAgreement(scope, body.agreement, body.agreedOn);
      reply.code(201);
      return { id };
    },
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/agreements/:agreementId/end',
    schema: { tags: ['representation'], summary: 'End a start-of-care agreement', params: AgreementParams, response: { 204: Type.Null() } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'end-agreement', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      await endAgreement(scope, request.params.agreementId);
      reply.code(204);
      return null;
    },
  });
}
