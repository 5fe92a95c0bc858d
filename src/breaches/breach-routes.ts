/**
 * The data breach register over HTTP (AVG 33–34; DOMAIN §6): the privacy
 * officer alone, through `withLogReview` (every affected client shown or named
 * is logged as access to that client's data).
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { withLogReview } from '../access/gate.js';
import type { AppDeps } from '../http/app-deps.js';
import { contextOf } from '../http/request-context.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { BREACH_RISKS, BREACH_STATUSES, createBreach, listBreaches, updateBreach, type Breach } from './breach-service.js';

const NullableBool = () => Type.Unsafe<boolean | null>({ type: 'boolean', nullable: true });
const BreachSchema = Type.Object({
  id: Uuid(), status: OneOf(BREACH_STATUSES), description: Type.String(), discoveredAt: Type.String(), clientIds: Type.Array(Uuid()),
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

const logged = (breach: Breach) => ({ value: breach, clientIds: breach.clientIds });

export function breachRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/privacy/breaches', {
    schema: { tags: ['privacy officer'], summary: 'The data breach register, with the 72-hour AP deadline and time left (privacy officer only)', response: { 200: Type.Object({ breaches: Type.Array(BreachSchema) }) } },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    const breaches = await withLogReview(deps.db, ctx, async (tx) => {
      const value = await listBreaches(tx, deps.masterKey, ctx.actor.organisationId, ctx.now);
      return { value, clientIds: value.flatMap((b) => b.clientIds) };
    });
    return { breaches };
  });

  app.post('/api/privacy/breaches', {
    schema: { tags: ['privacy officer'], summary: 'Register a data breach (AVG 33(5))', body: CreateBody, response: { 201: BreachSchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request, deps.now());
    const body = request.body as Static<typeof CreateBody>;
    const breach = await withLogReview(deps.db, ctx, async (tx) => logged(await createBreach(tx, deps.masterKey, {
      ...body, organisationId: ctx.actor.organisationId, createdBy: ctx.actor.employeeId, now: ctx.now,
    })));
    reply.code(201);
    return breach;
  });

  app.patch('/api/privacy/breaches/:id', {
    schema: {
      tags: ['privacy officer'], summary: 'Update a data breach: risk, AP notified or not (with reason), clients informed or not (with reason), status',
      params: Params, body: PatchBody, response: { 200: BreachSchema },
    },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    const { id } = request.params as Static<typeof Params>;
    const patch = request.body as Static<typeof PatchBody>;
    return withLogReview(deps.db, ctx, async (tx) => logged(await updateBreach(tx, deps.masterKey, {
      id, organisationId: ctx.actor.organisationId, updatedBy: ctx.actor.employeeId, now: ctx.now, patch,
    })));
  });
}
