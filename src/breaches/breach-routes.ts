/**
 * The data breach register over HTTP (AVG 33–34; DOMAIN §6): the privacy
 * officer alone: the gate's log-review subject (every affected client shown or
 * named is logged as access to that client's data, `scope.concerns`).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { RecordScope } from '../access/gate.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { BREACH_RISKS, BREACH_STATUSES, createBreach, listBreaches, updateBreach, type Breach } from './breach-service.js';

const NullableBool = () => Type.Unsafe<boolean | null>({ type: 'boolean', nullable: true });
const BreachSchema = Type.Object({
  id: Uuid(), status: OneOf(BREACH_STATUSES), description: Type.String(), discoveredAt: Type.String(), clientIds: Type.Array(Uuid()),
  clients: Type.Array(Type.Object({ id: Uuid(), name: Type.String() })), createdBy: NullableString(),
  risk: OneOf(BREACH_RISKS), riskAssessment: NullableString(),
  apNotification: Type.Object({
    deadline: Type.String(), minutesLeft: Type.Integer(), overdue: Type.Boolean(), text: Type.String(),
    notified: NullableBool(), notifiedAt: NullableString(), reason: NullableString(),
  }),
  clientsInformed: Type.Object({ informed: NullableBool(), informedAt: NullableString(), reason: NullableString() }),
  emergencyAccessId: NullableString(), createdAt: Type.String(),
});
const CreateBody = Type.Object({
  description: Type.String({ minLength: 5, maxLength: 10000 }),
  discoveredAt: Type.String({ format: 'date-time' }),
  clientIds: Type.Array(Uuid(), { maxItems: 10000 }),
  risk: OneOf(BREACH_RISKS),
  riskAssessment: Type.Optional(Type.String({ maxLength: 10000 })),
}, { additionalProperties: false });
const PatchBody = Type.Object({
  status: Type.Optional(OneOf(BREACH_STATUSES)),
  description: Type.Optional(Type.String({ minLength: 5, maxLength: 10000 })),
  clientIds: Type.Optional(Type.Array(Uuid(), { maxItems: 10000 })),
  risk: Type.Optional(OneOf(BREACH_RISKS)),
  riskAssessment: Type.Optional(Type.String({ maxLength: 10000 })),
  apNotification: Type.Optional(Type.Object({
    notified: Type.Boolean(), at: Type.Optional(Type.String({ format: 'date-time' })), reason: Type.Optional(Type.String({ maxLength: 5000 })),
  }, { additionalProperties: false })),
  clientsInformed: Type.Optional(Type.Object({
    informed: Type.Boolean(), at: Type.Optional(Type.String({ format: 'date-time' })), reason: Type.Optional(Type.String({ maxLength: 5000 })),
  }, { additionalProperties: false })),
}, { additionalProperties: false, minProperties: 1 });
const Params = Type.Object({ id: Uuid() }, { additionalProperties: false });

export function breachRoutes(app: FastifyInstance, deps: AppDeps): void {
  /** The breach, its affected clients logged as shown to the privacy officer. */
  const logged = (scope: RecordScope, breach: Breach) => {
    scope.concerns(breach.clientIds);
    return breach;
  };

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/privacy/breaches',
    schema: { tags: ['privacy officer'], summary: 'The data breach register, with the 72-hour AP deadline and time left (privacy officer only)', response: { 200: Type.Object({ breaches: Type.Array(BreachSchema) }) } },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: async (scope) => {
      const breaches = await listBreaches(scope, deps.masterKey);
      scope.concerns(breaches.flatMap((b) => b.clientIds));
      return { breaches };
    },
  });

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/privacy/breaches',
    schema: { tags: ['privacy officer'], summary: 'Register a data breach (AVG 33(5))', body: CreateBody, response: { 201: BreachSchema } },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: async (scope, request, reply) => {
      const breach = logged(scope, await createBreach(scope, deps.masterKey, request.body));
      reply.code(201);
      return breach;
    },
  });

  gatedRoute(app, deps, {
    method: 'PATCH', url: '/api/privacy/breaches/:id',
    schema: {
      tags: ['privacy officer'], summary: 'Update a data breach: risk, AP notified or not (with reason), clients informed or not (with reason), status',
      params: Params, body: PatchBody, response: { 200: BreachSchema },
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: async (scope, request) => logged(scope, await updateBreach(scope, deps.masterKey, request.params.id, request.body)),
  });
}
