/** HTTP routes for a client's care team and the recorded facts that change access. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { CARE_END_REASONS } from '../dossier/dossier-store.js';
import { NullableObject, NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import {
  ACCESS_FACTS, addCareTeamMember, endCareTeamMembership, listAccessFacts, listCareTeam, listCareTeamCandidates, recordAccessFact, withdrawAccessFact,
} from './care-team-service.js';
import { careEndOf, endCare, handOverDossier } from './end-of-care.js';

const Member = Type.Object({
  id: Uuid(),
  employee: Type.Object({ id: Uuid(), name: Type.String(), function: Type.String(), role: Type.String() }),
  relation: Type.String(), startsOn: Type.String(), endsOn: NullableString(),
});
const Members = Type.Object({ members: Type.Array(Member) });
const Candidates = Type.Object({ candidates: Type.Array(Type.Object({ id: Uuid(), name: Type.String(), function: Type.String(), role: Type.String() })) });
const Facts = Type.Object({ facts: Type.Array(Type.Object({ id: Uuid(), fact: Type.String(), recordedBy: Type.String(), recordedAt: Type.String() })) });

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const MemberParams = Type.Object({ clientId: Uuid(), memberId: Uuid() }, { additionalProperties: false });
const FactParams = Type.Object({ clientId: Uuid(), factId: Uuid() }, { additionalProperties: false });

const NewMember = Type.Object({
  employeeId: Uuid(),
  relation: OneOf(['holder', 'member', 'substitute', 'intern'] as const),
  startsOn: Type.String({ format: 'date' }),
  endsOn: Type.Optional(Type.String({ format: 'date' })),
}, { additionalProperties: false });
const EndMember = Type.Object({ endsOn: Type.Optional(Type.String({ format: 'date' })) }, { additionalProperties: false });
const NewFact = Type.Object({ fact: OneOf(ACCESS_FACTS) }, { additionalProperties: false });
const HandOver = Type.Object({
  employeeId: Uuid(),
  holderFrom: Type.String({ format: 'date', description: 'The new holder\'s first day; every holder until then ends the day before.' }),
  formerHolderStays: Type.Boolean({ description: 'The holders until then stay in the team as members from that day.' }),
}, { additionalProperties: false });
const CareEndBody = Type.Object({
  endedOn: Type.String({ format: 'date', description: 'The last day of care: today or before, not before care started.' }),
  reason: OneOf(CARE_END_REASONS),
}, { additionalProperties: false });
const CareEndView = Type.Object({ endedOn: Type.String(), reason: Type.String(), endedBy: NullableString(), recordedAt: Type.String() });

export function careTeamRoutes(app: FastifyInstance, deps: AppDeps): void {
  // The care team is part of the administration of care: read as administrative data. Changing it grants or
  // takes away access to the dossier, so it is its own intent, decided by the vocabulary of acts (change-care-team, src/rules/acts.ts).
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/care-team',
    schema: { tags: ['care team'], summary: 'Who has a care relation with this client, and when', params: ClientParams, response: { 200: Members } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope) => ({ members: await listCareTeam(scope) }),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/care-team',
    schema: { tags: ['care team'], summary: 'Link an employee to the care team with a role and a period (dossier holder or manager)', params: ClientParams, body: NewMember, response: { 201: Member } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'change-care-team', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const member = await addCareTeamMember(scope, request.body);
      reply.code(201);
      return member;
    },
  });
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/care-team/candidates',
    schema: { tags: ['care team'], summary: 'The colleagues who can join the care team (for the dossier holder or a manager, who change it)', params: ClientParams, response: { 200: Candidates } },
    // Only whoever may change the team needs the organisation's list of colleagues: decided as that act.
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'change-care-team', part: 'administrative-data' }),
    handler: async (scope) => ({ candidates: await listCareTeamCandidates(scope) }),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/care-team/:memberId/end',
    schema: { tags: ['care team'], summary: 'End a care relation (kept in the history; dossier holder or manager)', params: MemberParams, body: EndMember, response: { 200: Member } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'change-care-team', part: 'administrative-data' }),
    handler: (scope, request) => endCareTeamMembership(scope, request.params.memberId, request.body.endsOn),
  });
  // The hand-over (issue 15 item 4): one call, one transaction — no moment with two holders or none.
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/care-team/hand-over',
    schema: {
      tags: ['care team'], summary: 'Hand the dossier to a colleague from a day: the holders until then end the day before, optionally staying as members (dossier holder or manager); one transaction',
      params: ClientParams, body: HandOver, response: { 200: Members },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'change-care-team', part: 'administrative-data' }),
    handler: async (scope, request) => ({ members: await handOverDossier(scope, request.body) }),
  });
  // The end of care (issue 15 item 4; end-of-care.ts says what it means for the dossier).
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/end-of-care',
    schema: { tags: ['care team'], summary: 'The recorded end of care, or null while the care runs', params: ClientParams, response: { 200: Type.Object({ careEnd: NullableObject(CareEndView) }) } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope) => ({ careEnd: await careEndOf(scope) }),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/end-of-care',
    schema: {
      tags: ['care team'],
      summary: 'Record that the care ended (dossier holder or manager; once): the care team closes after that day except the holder, and the retention period counts from this change',
      params: ClientParams, body: CareEndBody, response: { 201: Type.Object({ careEnd: CareEndView, membershipsEnded: Type.Integer() }) },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'end-care', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const { membershipsEnded, ...careEnd } = await endCare(scope, request.body);
      reply.code(201);
      return { careEnd, membershipsEnded };
    },
  });
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/access-facts',
    schema: { tags: ['care team'], summary: 'Recorded facts that change access (e.g. objection to interns)', params: ClientParams, response: { 200: Facts } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope) => ({ facts: await listAccessFacts(scope) }),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/access-facts',
    schema: {
      tags: ['care team'], summary: 'Record a fact such as the client\'s objection to interns; effective at once (anyone in the care team)',
      params: ClientParams, body: NewFact, response: { 201: Facts },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'record-objection', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const facts = await recordAccessFact(scope, request.body.fact);
      reply.code(201);
      return { facts };
    },
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/access-facts/:factId/withdraw',
    schema: { tags: ['care team'], summary: 'Withdraw a recorded fact (dossier holder or manager)', params: FactParams, response: { 200: Facts } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'withdraw-objection', part: 'administrative-data' }),
    handler: async (scope, request) => ({ facts: await withdrawAccessFact(scope, request.params.factId) }),
  });
}
