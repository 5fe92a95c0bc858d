/**
 * HTTP routes for emergency access in two steps (the summary first, the rest
 * of the dossier after a confirmation), the emergency summary, and the review
 * queues (the privacy officer's; a manager's for the privacy officer's own).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { contextOf } from '../http/request-context.js';
import { NullableString, Uuid } from '../http/schema-helpers.js';
import {
  emergencyConfirmation, emergencyOpening, listEmergencyAccesses, readEmergencySummary, recordEmergencySummary, reviewEmergencyAccess,
} from './emergency-service.js';
import { reviewQueueOf } from './emergency-policy.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const Summary = Type.Object({
  medication: Type.String(), keyContacts: Type.String(), knownRisks: Type.String(), recordedAt: NullableString(), author: NullableString(),
});
const SummaryBody = Type.Object({
  medication: Type.String({ maxLength: 5000 }), keyContacts: Type.String({ maxLength: 5000 }), knownRisks: Type.String({ maxLength: 5000 }),
}, { additionalProperties: false });
const OpenBody = Type.Object({ reason: Type.String({ minLength: 10, maxLength: 2000, description: 'Why the dossier must be opened now (at least 10 characters)' }) }, { additionalProperties: false });
const Opened = Type.Object({
  accessId: Uuid(), expiresAt: Type.String(), summary: Summary,
  confirmed: Type.Boolean({ description: 'Always false here: the rest of the dossier opens only after POST …/emergency-access/{accessId}/confirm' }),
});
const ConfirmParams = Type.Object({ clientId: Uuid(), accessId: Uuid() }, { additionalProperties: false });
const Confirmed = Type.Object({ accessId: Uuid(), expiresAt: Type.String(), confirmedAt: Type.String(), confirmed: Type.Boolean() });

const Review = Type.Object({
  id: Uuid(),
  client: Type.Object({ id: Uuid(), familyName: Type.String(), givenNames: Type.String() }),
  employee: Type.Object({ id: Uuid(), name: Type.String(), role: Type.String() }),
  reason: Type.String(), startedAt: Type.String(), expiresAt: Type.String(), confirmedAt: NullableString(),
  review: Type.Unsafe<unknown>({
    type: 'object', nullable: true,
    properties: { justified: { type: 'boolean' }, note: { type: 'string', nullable: true }, reviewedBy: { type: 'string' }, reviewedAt: { type: 'string' } },
  }),
});
const ReviewQuery = Type.Object({ open: Type.Optional(Type.Boolean({ default: true })) }, { additionalProperties: false });
const ReviewParams = Type.Object({ id: Uuid() }, { additionalProperties: false });
const ReviewBody = Type.Object({ justified: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 5000 })) }, { additionalProperties: false });

export function emergencyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  // The grant made inside the access transaction, handed to the handler of the same request.
  const grants = new WeakMap<object, { id: string; expiresAt: Date }>();

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/emergency-access',
    schema: {
      tags: ['emergency'],
      summary: 'Break the glass, step 1: with a reason, opens the emergency summary only (medication, key contacts, known risks)',
      description: 'Only for the roles the organisation allows (by default care professionals; never the application administrator); '
        + 'an intern is refused when the client objected to interns, also in an emergency. The rest of the dossier opens only after '
        + 'POST /api/clients/{clientId}/emergency-access/{accessId}/confirm. Both steps are logged (basis emergency) and reviewed afterwards.',
      params: ClientParams, body: OpenBody, response: { 201: Opened },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    options: (request) => {
      const ctx = contextOf(request, deps.now());
      return { emergency: emergencyOpening(masterKey, {
        organisationId: ctx.actor.organisationId, employeeId: ctx.actor.employeeId, employeeRole: ctx.actor.role,
        reason: request.body.reason, now: ctx.now, minutes: deps.config.emergencyAccessMinutes,
      }, (grant) => grants.set(request, grant)) };
    },
    handler: async (scope, request, reply) => {
      const grant = grants.get(request);
      grants.delete(request);
      if (grant === undefined) throw new Error('emergency grant missing inside its own access');
      reply.code(201);
      return { accessId: grant.id, expiresAt: grant.expiresAt.toISOString(), summary: await readEmergencySummary(scope, masterKey), confirmed: false };
    },
  });

  const confirmations = new WeakMap<object, { id: string; expiresAt: Date; confirmedAt: Date }>();
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/emergency-access/:accessId/confirm',
    schema: {
      tags: ['emergency'],
      summary: 'Break the glass, step 2: confirm that the whole dossier is needed; opens it until the access expires (logged)',
      params: ConfirmParams, response: { 200: Confirmed },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    options: (request) => {
      const ctx = contextOf(request, deps.now());
      const grant = { id: request.params.accessId, employeeId: ctx.actor.employeeId, now: ctx.now };
      return { emergency: emergencyConfirmation(grant, (confirmed) => confirmations.set(request, confirmed)) };
    },
    handler: (_scope, request) => {
      const confirmed = confirmations.get(request);
      confirmations.delete(request);
      if (confirmed === undefined) throw new Error('emergency confirmation missing inside its own access');
      return Promise.resolve({ accessId: confirmed.id, expiresAt: confirmed.expiresAt.toISOString(), confirmedAt: confirmed.confirmedAt.toISOString(), confirmed: true });
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/emergency-summary',
    schema: { tags: ['emergency'], summary: 'The emergency summary: medication, key contacts, known risks', params: ClientParams, response: { 200: Summary } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: (scope) => readEmergencySummary(scope, masterKey),
  });

  gatedRoute(app, deps, {
    method: 'PUT', url: '/api/clients/:clientId/emergency-summary',
    schema: { tags: ['emergency'], summary: 'Record a new version of the emergency summary (earlier versions stay)', params: ClientParams, body: SummaryBody, response: { 200: Summary } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'record', part: 'dossier' }),
    handler: (scope, request) => recordEmergencySummary(scope, masterKey, request.body),
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/privacy/emergency-reviews',
    schema: {
      tags: ['privacy officer'],
      summary: 'Emergency accesses to review: the privacy officer sees everyone\'s but a privacy officer\'s own; a manager sees the privacy officer\'s',
      querystring: ReviewQuery, response: { 200: Type.Object({ accesses: Type.Array(Review) }) } },
    kind: 'emergency-review', subject: () => ({ kind: 'emergency-review' }), intent: () => 'review',
    handler: async (scope, request) => {
      const { open = true } = request.query;
      const queue = reviewQueueOf(scope.actor.role);
      const accesses = queue === undefined ? [] : await listEmergencyAccesses(scope, masterKey, open, queue);
      scope.concerns(accesses.map((a) => a.client.id));
      return { accesses };
    },
  });

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/privacy/emergency-reviews/:id',
    schema: {
      tags: ['privacy officer'], summary: 'Record whether an emergency access was justified; an unjustified one is a candidate data breach',
      params: ReviewParams, body: ReviewBody, response: { 200: Type.Object({ id: Uuid(), justified: Type.Boolean(), candidateBreach: Type.Boolean() }) },
    },
    kind: 'emergency-review', subject: () => ({ kind: 'emergency-review' }), intent: () => 'review',
    handler: async (scope, request) => {
      const { id } = request.params;
      const body = request.body;
      const review = { id, justified: body.justified, ...(body.note === undefined ? {} : { note: body.note }) };
      const clientId = await reviewEmergencyAccess(scope, masterKey, review);
      scope.concerns([clientId]);
      return { id, justified: body.justified, candidateBreach: !body.justified };
    },
  });
}
