/**
 * The privacy officer's retention review list and the organisation's own
 * retention term (Jeugdwet 7.3.8; BW 7:454(3); 003 §3.2). Through
 * `withLogReview`: the privacy officer alone; every client the list shows or a
 * decision names is logged as access to that client's data.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { withLogReview } from '../access/client-access.js';
import { notFound } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import { contextOf } from '../http/request-context.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { readIncidentRetention, writeIncidentRetention } from '../registers/register-service.js';
import { decideReview, listReviews, readSetting, releaseHold, writeSetting } from './retention-service.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const ListQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })) }, { additionalProperties: false });
const Review = Type.Object({
  clientId: Uuid(), name: Type.String(), birthDate: Type.String(), lastChange: Type.String(), keptUntil: Type.String(),
  status: OneOf(['pending', 'confirmed', 'held'] as const), holdReason: NullableString(), decidedBy: NullableString(), decidedAt: NullableString(),
});
const HoldBody = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 2000, description: 'Why the dossier is kept, e.g. the procedure it is needed for' }) }, { additionalProperties: false });
const Decided = Type.Object({ clientId: Uuid(), status: OneOf(['confirmed', 'held'] as const) });
const Setting = Type.Object({
  termYears: Type.Unsafe<number | null>({ type: 'integer', nullable: true }), reason: NullableString(), legalMinimumYears: Type.Integer(),
  warning: NullableString(),
});
const SettingBody = Type.Object({
  termYears: Type.Integer({ minimum: 1, maximum: 120 }),
  reason: Type.String({ minLength: 5, maxLength: 2000, description: 'Why the organisation keeps dossiers this long' }),
}, { additionalProperties: false });

const IncidentSetting = Type.Object({
  years: Type.Integer(), reason: NullableString(), defaultYears: Type.Integer(),
});
const IncidentSettingBody = Type.Object({
  years: Type.Integer({ minimum: 1, maximum: 100 }),
  reason: Type.String({ minLength: 5, maxLength: 2000, description: 'Why the organisation keeps incidents and calamities this long' }),
}, { additionalProperties: false });

const notListed = () => notFound('Dit dossier staat niet op de lijst voor vernietiging.', 'This dossier is not on the retention review list.');

export function retentionRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/privacy/retention-reviews', {
    schema: { tags: ['privacy officer'], summary: 'Dossiers whose retention period ended, waiting for review (privacy officer only)', querystring: ListQuery, response: { 200: Type.Object({ reviews: Type.Array(Review) }) } },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    const { limit = 500 } = request.query as Static<typeof ListQuery>;
    const reviews = await withLogReview(deps.db, ctx, async (tx) => {
      const value = await listReviews(tx, deps.masterKey, ctx.actor.organisationId, limit);
      return { value, clientIds: value.map((r) => r.clientId) };
    });
    return { reviews };
  });

  const decide = (decision: 'confirm' | 'hold') => async (request: { params: unknown; body: unknown }, ctx: ReturnType<typeof contextOf>) => {
    const { clientId } = request.params as Static<typeof ClientParams>;
    const holdReason = decision === 'hold' ? (request.body as Static<typeof HoldBody>).reason : undefined;
    const found = await withLogReview(deps.db, ctx, async (tx) => {
      const value = await decideReview(tx, deps.masterKey, {
        organisationId: ctx.actor.organisationId, clientId, decidedBy: ctx.actor.employeeId, now: ctx.now, decision,
        ...(holdReason === undefined ? {} : { holdReason }),
      });
      return { value, clientIds: value ? [clientId] : [] };
    });
    if (!found) throw notListed();
    return { clientId, status: decision === 'confirm' ? 'confirmed' as const : 'held' as const };
  };

  app.post('/api/privacy/retention-reviews/:clientId/confirm', {
    schema: {
      tags: ['privacy officer'], summary: 'Confirm that a dossier whose retention ended is destroyed (carried out by `dossierwijzer retention destroy-confirmed`)',
      params: ClientParams, response: { 200: Decided },
    },
  }, (request) => decide('confirm')(request, contextOf(request, deps.now())));

  app.post('/api/privacy/retention-reviews/:clientId/hold', {
    schema: { tags: ['privacy officer'], summary: 'Keep a dossier while it is needed for a procedure (with the reason), also before its retention ends', params: ClientParams, body: HoldBody, response: { 200: Decided } },
  }, (request) => decide('hold')(request, contextOf(request, deps.now())));

  app.post('/api/privacy/retention-reviews/:clientId/release', {
    schema: {
      tags: ['privacy officer'], summary: 'End a hold: the procedure is over, and the next sweep decides again from the dossier\'s last change',
      params: ClientParams, response: { 200: Type.Object({ clientId: Uuid(), status: OneOf(['released'] as const) }) },
    },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    const { clientId } = request.params as Static<typeof ClientParams>;
    const released = await withLogReview(deps.db, ctx, async (tx) => {
      const value = await releaseHold(tx, { organisationId: ctx.actor.organisationId, clientId });
      return { value, clientIds: value ? [clientId] : [] };
    });
    if (!released) throw notFound('Dit dossier wordt niet vastgehouden.', 'This dossier is not held.');
    return { clientId, status: 'released' as const };
  });

  app.get('/api/privacy/retention-settings', {
    schema: { tags: ['privacy officer'], summary: 'The organisation\'s own retention term, with a warning when below the legal minimum', response: { 200: Setting } },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    return withLogReview(deps.db, ctx, async (tx) => ({ value: await readSetting(tx, ctx.actor.organisationId), clientIds: [] }));
  });

  app.put('/api/privacy/retention-settings', {
    schema: { tags: ['privacy officer'], summary: 'Set the organisation\'s own retention term (years after the last change, with its reason)', body: SettingBody, response: { 200: Setting } },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    const body = request.body as Static<typeof SettingBody>;
    return withLogReview(deps.db, ctx, async (tx) => ({
      value: await writeSetting(tx, { organisationId: ctx.actor.organisationId, termYears: body.termYears, reason: body.reason, setBy: ctx.actor.employeeId }),
      clientIds: [],
    }));
  });

  // Incidents and calamities (a record beside the dossier): no statutory period, so the organisation's
  // own term, 5 years by default (src/registers/register-retention.ts). The privacy officer sets it.
  app.get('/api/privacy/retention-settings/incidents', {
    schema: {
      tags: ['privacy officer'], summary: 'How long incidents and calamities are kept (years after the incident or its report to the inspectorate)',
      response: { 200: IncidentSetting },
    },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    return withLogReview(deps.db, ctx, async (tx) => ({ value: await readIncidentRetention(tx, ctx.actor.organisationId), clientIds: [] }));
  });

  app.put('/api/privacy/retention-settings/incidents', {
    schema: {
      tags: ['privacy officer'], summary: 'Set how long incidents and calamities are kept, with the reason', body: IncidentSettingBody,
      response: { 200: IncidentSetting },
    },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    const body = request.body as Static<typeof IncidentSettingBody>;
    return withLogReview(deps.db, ctx, async (tx) => ({
      value: await writeIncidentRetention(tx, {
        organisationId: ctx.actor.organisationId, years: body.years, reason: body.reason, setBy: ctx.actor.employeeId,
      }),
      clientIds: [],
    }));
  });
}
