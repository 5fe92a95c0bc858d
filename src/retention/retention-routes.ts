/**
 * The privacy officer's retention review list and the organisation's own
 * retention term (Jeugdwet 7.3.8; BW 7:454(3); 003 §3.2). Through
 * `withLogReview`: the privacy officer alone; every client the list shows or a
 * decision names is logged as access to that client's data.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { withLogReview } from '../access/gate.js';
import { badRequest, notFound } from '../errors.js';
import { parseIsoDate } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { AppDeps } from '../http/app-deps.js';
import { clientDataRoute } from '../http/client-data-route.js';
import { contextOf } from '../http/request-context.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { readIncidentRetention, writeIncidentRetention } from '../registers/register-service.js';
import type { OrganisationTerm } from './retention-policy.js';
import { decideReview, endGoodCare, listReviews, readDossierRetention, readSetting, recordGoodCare, releaseHold, writeSetting } from './retention-service.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const ListQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })) }, { additionalProperties: false });
const Review = Type.Object({
  clientId: Uuid(), name: Type.String(), birthDate: Type.String(), lastChange: Type.String(), keptUntil: Type.String(),
  status: OneOf(['pending', 'confirmed', 'held'] as const), holdReason: NullableString(), decidedBy: NullableString(), decidedAt: NullableString(),
});
const HoldBody = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 2000, description: 'Why the dossier is kept, e.g. the procedure it is needed for' }) }, { additionalProperties: false });
const Decided = Type.Object({ clientId: Uuid(), status: OneOf(['confirmed', 'held'] as const) });
const NullableInteger = () => Type.Unsafe<number | null>({ type: 'integer', nullable: true });
const TERM_KINDS = ['years-after-last-change', 'until-age'] as const;
const AGE_OF = ['client', 'youngest-child'] as const;
const Setting = Type.Object({
  kind: Type.Unsafe<(typeof TERM_KINDS)[number] | null>({ type: 'string', enum: [...TERM_KINDS, null], nullable: true }),
  termYears: NullableInteger(), age: NullableInteger(),
  ageOf: Type.Unsafe<(typeof AGE_OF)[number] | null>({ type: 'string', enum: [...AGE_OF, null], nullable: true }),
  reason: NullableString(), legalMinimumYears: Type.Integer(), warning: NullableString(),
});
/** The kinds of 003 §3.2 that the engine's `retention()` knows (src/rules/retention.ts). */
const TermBody = Type.Union([
  Type.Object({ kind: OneOf(['years-after-last-change'] as const), years: Type.Integer({ minimum: 1, maximum: 120 }) }, { additionalProperties: false }),
  Type.Object({
    kind: OneOf(['until-age'] as const), age: Type.Integer({ minimum: 1, maximum: 120 }),
    ageOf: OneOf(AGE_OF),
  }, { additionalProperties: false, description: 'Until the client (e.g. 24; 48 = 30 years after majority after an OTS or guardianship) or the youngest child of the family (e.g. 18) is this age' }),
]);
const SettingBody = Type.Object({
  term: TermBody,
  reason: Type.String({ minLength: 5, maxLength: 2000, description: 'Why the organisation keeps dossiers this long' }),
}, { additionalProperties: false });
const DossierRetention = Type.Object({
  clientId: Uuid(), lastChange: Type.String(), keptUntil: NullableString(), termEnd: NullableString(), warning: Type.Boolean(), held: Type.Boolean(),
  goodCare: Type.Unsafe<{ until: string; reason: string; recordedBy: string; recordedAt: string } | null>({
    type: 'object', nullable: true, additionalProperties: false, required: ['until', 'reason', 'recordedBy', 'recordedAt'],
    properties: { until: { type: 'string' }, reason: { type: 'string' }, recordedBy: { type: 'string' }, recordedAt: { type: 'string' } },
  }),
  explanation: Type.String(),
});
const GoodCareBody = Type.Object({
  until: Type.String({ format: 'date', description: 'Good care requires keeping the dossier until this day (Jeugdwet 7.3.8)' }),
  reason: Type.String({ minLength: 10, maxLength: 2000, description: 'Why good care requires it, e.g. sexual abuse (000); sealed under the client\'s key' }),
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
    return withLogReview(deps.db, ctx, async (tx) => ({ value: await readSetting(tx, ctx.actor.organisationId, ctx.now), clientIds: [] }));
  });

  app.put('/api/privacy/retention-settings', {
    schema: {
      tags: ['privacy officer'], body: SettingBody, response: { 200: Setting },
      summary: 'Set the organisation\'s own retention term (003 §3.2: years after the last change, or until an age), with its reason; warns below the legal minimum',
    },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    const body = request.body as Static<typeof SettingBody>;
    const term: OrganisationTerm = body.term.kind === 'until-age'
      ? { kind: 'until-age', age: body.term.age, ageOf: body.term.ageOf, reason: body.reason }
      : { kind: 'years-after-last-change', years: body.term.years, reason: body.reason };
    return withLogReview(deps.db, ctx, async (tx) => ({
      value: await writeSetting(tx, { organisationId: ctx.actor.organisationId, term, setBy: ctx.actor.employeeId, now: ctx.now }),
      clientIds: [],
    }));
  });

  // One dossier: its end as the engine gives it, and the good-care extension (Jeugdwet 7.3.8), distinct
  // from a procedure hold (…/retention-reviews/:clientId/hold).
  const dossierNotFound = () => notFound('Dit dossier is niet gevonden of al vernietigd.', 'This dossier was not found or was destroyed.');
  app.get('/api/privacy/retention/:clientId', {
    schema: {
      tags: ['privacy officer'], summary: 'Until when one dossier is kept: the legal minimum, the organisation\'s term, the good-care extension, a procedure hold',
      params: ClientParams, response: { 200: DossierRetention },
    },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    const { clientId } = request.params as Static<typeof ClientParams>;
    const view = await withLogReview(deps.db, ctx, async (tx) => {
      const value = await readDossierRetention(tx, deps.masterKey, ctx.actor.organisationId, clientId, ctx.now);
      return { value, clientIds: value === undefined ? [] : [clientId] };
    });
    if (view === undefined) throw dossierNotFound();
    return view;
  });

  app.put('/api/privacy/retention/:clientId/good-care', {
    schema: {
      tags: ['privacy officer'], params: ClientParams, body: GoodCareBody, response: { 200: DossierRetention },
      summary: 'Keep a dossier longer because good care requires it (Jeugdwet 7.3.8), until a day, with the reason (sealed under the client\'s key)',
    },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    const { clientId } = request.params as Static<typeof ClientParams>;
    const body = request.body as Static<typeof GoodCareBody>;
    if (parseIsoDate(body.until) === undefined || body.until <= calendarDate(ctx.now)) {
      throw badRequest('date-not-in-future', 'until', 'Kies een dag in de toekomst.', 'Choose a day in the future.');
    }
    const view = await withLogReview(deps.db, ctx, async (tx) => {
      const recorded = await recordGoodCare(tx, deps.masterKey, {
        organisationId: ctx.actor.organisationId, clientId, until: body.until, reason: body.reason, recordedBy: ctx.actor.employeeId, now: ctx.now,
      });
      const value = recorded ? await readDossierRetention(tx, deps.masterKey, ctx.actor.organisationId, clientId, ctx.now) : undefined;
      return { value, clientIds: value === undefined ? [] : [clientId] };
    });
    if (view === undefined) throw dossierNotFound();
    return view;
  });

  // The engine's words: the holder records, with reasons, that good care requires keeping the dossier
  // (Jeugdwet 7.3.8: the "goed jeugdhulpverlener"'s judgement). The dossier holder, in the dossier.
  clientDataRoute(app, deps, {
    method: 'PUT', url: '/api/clients/:clientId/retention/good-care',
    schema: {
      tags: ['retention'], params: ClientParams, body: GoodCareBody, response: { 200: DossierRetention },
      summary: 'The dossier holder records that good care requires keeping the dossier until a day (Jeugdwet 7.3.8), with the reason (sealed under the client\'s key)',
    },
    // The act keep-for-good-care (src/rules/acts.ts): the holder's, decided by the gate.
    intent: () => ({ action: 'keep-for-good-care', part: 'dossier' }),
    handler: async (scope, request) => {
      const body = request.body as Static<typeof GoodCareBody>;
      if (parseIsoDate(body.until) === undefined || body.until <= calendarDate(scope.now)) {
        throw badRequest('date-not-in-future', 'until', 'Kies een dag in de toekomst.', 'Choose a day in the future.');
      }
      const organisationId = scope.client.organisationId;
      const recorded = await recordGoodCare(scope.tx, deps.masterKey, {
        organisationId, clientId: scope.client.id, until: body.until, reason: body.reason, recordedBy: scope.actor.employeeId, now: scope.now,
      });
      const view = recorded ? await readDossierRetention(scope.tx, deps.masterKey, organisationId, scope.client.id, scope.now) : undefined;
      if (view === undefined) throw dossierNotFound();
      return view;
    },
  });

  app.delete('/api/privacy/retention/:clientId/good-care', {
    schema: {
      tags: ['privacy officer'], params: ClientParams, response: { 200: DossierRetention },
      summary: 'End the good-care extension of a dossier: the next sweep decides again from the legal minimum and the organisation\'s term',
    },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    const { clientId } = request.params as Static<typeof ClientParams>;
    const view = await withLogReview(deps.db, ctx, async (tx) => {
      const ended = await endGoodCare(tx, { organisationId: ctx.actor.organisationId, clientId });
      const value = ended ? await readDossierRetention(tx, deps.masterKey, ctx.actor.organisationId, clientId, ctx.now) : undefined;
      return { value, clientIds: value === undefined ? [] : [clientId] };
    });
    if (view === undefined) throw notFound('Voor dit dossier is geen verlenging voor goede zorg vastgelegd.', 'No good-care extension is recorded for this dossier.');
    return view;
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
