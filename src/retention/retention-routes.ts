/**
 * The privacy officer's retention review list and the organisation's own
 * retention term (Jeugdwet 7.3.8; BW 7:454(3); 003 §3.2). The gate's
 * log-review subject: the privacy officer alone; every client the list shows or
 * a decision names is logged as access to that client's data (`scope.concerns`).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { RecordScope } from '../access/gate.js';
import { badRequest, notFound } from '../errors.js';
import { parseIsoDate } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { incidentRetention, setIncidentRetention } from '../registers/register-service.js';
import type { OrganisationTerm } from './retention-policy.js';
import { decideReview, type DossierRetentionView, endGoodCare, listReviews, readDossierRetention, readSetting, recordGoodCare, releaseHold, writeSetting } from './retention-service.js';
import { namedDossierRetention, retentionOf } from './retention-store.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const ListQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })) }, { additionalProperties: false });
const Review = Type.Object({
  clientId: Uuid(), name: Type.String(), birthDate: Type.String(), lastChange: Type.String(), keptUntil: Type.String(),
  status: OneOf(['pending', 'confirmed', 'held'] as const), holdReason: NullableString(),
  holdId: Type.Unsafe<string | null>({ type: 'string', format: 'uuid', nullable: true, description: 'The hold\'s reference (kenmerk) while held: a legal-claims reading of the dossier names it (`x-dossierwijzer-purpose: legal-claims <holdId>`)' }),
  decidedBy: NullableString(), decidedAt: NullableString(),
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
/** One dossier as the privacy officer sees it: with the current hold's reference (kenmerk), which she passes on. */
const HeldDossierRetention = Type.Object({
  ...DossierRetention.properties,
  holdId: Type.Unsafe<string | null>({ type: 'string', format: 'uuid', nullable: true, description: 'The current hold\'s reference (kenmerk), named by a legal-claims reading (`x-dossierwijzer-purpose: legal-claims <holdId>`); null when not held' }),
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
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/privacy/retention-reviews',
    schema: { tags: ['privacy officer'], summary: 'Dossiers whose retention period ended, waiting for review (privacy officer only)', querystring: ListQuery, response: { 200: Type.Object({ reviews: Type.Array(Review) }) } },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: async (scope, request) => {
      const { limit = 500 } = request.query;
      const reviews = await listReviews(scope, deps.masterKey, limit);
      scope.concerns(reviews.map((r) => r.clientId));
      return { reviews };
    },
  });

  const decide = async (scope: RecordScope, clientId: string, decision: 'confirm' | 'hold', holdReason?: string) => {
    const found = await decideReview(scope, deps.masterKey, clientId, decision, holdReason);
    if (!found) throw notListed();
    scope.concerns([clientId]);
    return { clientId, status: decision === 'confirm' ? 'confirmed' as const : 'held' as const };
  };

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/privacy/retention-reviews/:clientId/confirm',
    schema: {
      tags: ['privacy officer'], summary: 'Confirm that a dossier whose retention ended is destroyed (carried out by `dossierwijzer retention destroy-confirmed`)',
      params: ClientParams, response: { 200: Decided },
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: (scope, request) => decide(scope, request.params.clientId, 'confirm'),
  });

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/privacy/retention-reviews/:clientId/hold',
    schema: { tags: ['privacy officer'], summary: 'Keep a dossier while it is needed for a procedure (with the reason), also before its retention ends', params: ClientParams, body: HoldBody, response: { 200: Decided } },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: (scope, request) => decide(scope, request.params.clientId, 'hold', request.body.reason),
  });

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/privacy/retention-reviews/:clientId/release',
    schema: {
      tags: ['privacy officer'], summary: 'End a hold: the procedure is over, and the next sweep decides again from the dossier\'s last change',
      params: ClientParams, response: { 200: Type.Object({ clientId: Uuid(), status: OneOf(['released'] as const) }) },
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: async (scope, request) => {
      const { clientId } = request.params;
      const released = await releaseHold(scope, clientId);
      if (!released) throw notFound('Dit dossier wordt niet vastgehouden.', 'This dossier is not held.');
      scope.concerns([clientId]);
      return { clientId, status: 'released' as const };
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/privacy/retention-settings',
    schema: { tags: ['privacy officer'], summary: 'The organisation\'s own retention term, with a warning when below the legal minimum', response: { 200: Setting } },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: (scope) => readSetting(scope),
  });

  gatedRoute(app, deps, {
    method: 'PUT', url: '/api/privacy/retention-settings',
    schema: {
      tags: ['privacy officer'], body: SettingBody, response: { 200: Setting },
      summary: 'Set the organisation\'s own retention term (003 §3.2: years after the last change, or until an age), with its reason; warns below the legal minimum',
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: (scope, request) => {
      const body = request.body;
      const term: OrganisationTerm = body.term.kind === 'until-age'
        ? { kind: 'until-age', age: body.term.age, ageOf: body.term.ageOf, reason: body.reason }
        : { kind: 'years-after-last-change', years: body.term.years, reason: body.reason };
      return writeSetting(scope, term);
    },
  });

  // One dossier: its end as the engine gives it, and the good-care extension (Jeugdwet 7.3.8), distinct
  // from a procedure hold (…/retention-reviews/:clientId/hold).
  // The privacy officer sees the hold's reference (kenmerk) with the dossier, to pass to whoever defends the procedure.
  const withHold = async (dossier: ReturnType<typeof namedDossierRetention>, view: DossierRetentionView) =>
    ({ ...view, holdId: await dossier.currentHoldId() });
  const dossierNotFound = () => notFound('Dit dossier is niet gevonden of al vernietigd.', 'This dossier was not found or was destroyed.');
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/privacy/retention/:clientId',
    schema: {
      tags: ['privacy officer'], summary: 'Until when one dossier is kept: the legal minimum, the organisation\'s term, the good-care extension, a procedure hold',
      params: ClientParams, response: { 200: HeldDossierRetention },
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: async (scope, request) => {
      const { clientId } = request.params;
      const dossier = namedDossierRetention(scope, clientId);
      const view = await readDossierRetention(dossier, deps.masterKey, scope.now);
      if (view === undefined) throw dossierNotFound();
      scope.concerns([clientId]);
      return withHold(dossier, view);
    },
  });

  gatedRoute(app, deps, {
    method: 'PUT', url: '/api/privacy/retention/:clientId/good-care',
    schema: {
      tags: ['privacy officer'], params: ClientParams, body: GoodCareBody, response: { 200: HeldDossierRetention },
      summary: 'Keep a dossier longer because good care requires it (Jeugdwet 7.3.8), until a day, with the reason (sealed under the client\'s key)',
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: async (scope, request) => {
      const { clientId } = request.params;
      const body = request.body;
      if (parseIsoDate(body.until) === undefined || body.until <= calendarDate(scope.now)) {
        throw badRequest('date-not-in-future', 'until', 'Kies een dag in de toekomst.', 'Choose a day in the future.');
      }
      const dossier = namedDossierRetention(scope, clientId);
      const recorded = await recordGoodCare(dossier, deps.masterKey, { until: body.until, reason: body.reason, now: scope.now });
      const view = recorded ? await readDossierRetention(dossier, deps.masterKey, scope.now) : undefined;
      if (view === undefined) throw dossierNotFound();
      scope.concerns([clientId]);
      return withHold(dossier, view);
    },
  });

  // The engine's words: the holder records, with reasons, that good care requires keeping the dossier
  // (Jeugdwet 7.3.8: the "goed jeugdhulpverlener"'s judgement). The dossier holder, in the dossier.
  gatedRoute(app, deps, {
    method: 'PUT', url: '/api/clients/:clientId/retention/good-care',
    schema: {
      tags: ['retention'], params: ClientParams, body: GoodCareBody, response: { 200: DossierRetention },
      summary: 'The dossier holder records that good care requires keeping the dossier until a day (Jeugdwet 7.3.8), with the reason (sealed under the client\'s key)',
    },
    // The act keep-for-good-care (src/rules/acts.ts): the holder's, decided by the gate.
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'keep-for-good-care', part: 'dossier' }),
    handler: async (scope, request) => {
      const body = request.body;
      if (parseIsoDate(body.until) === undefined || body.until <= calendarDate(scope.now)) {
        throw badRequest('date-not-in-future', 'until', 'Kies een dag in de toekomst.', 'Choose a day in the future.');
      }
      const dossier = retentionOf(scope);
      const recorded = await recordGoodCare(dossier, deps.masterKey, { until: body.until, reason: body.reason, now: scope.now });
      const view = recorded ? await readDossierRetention(dossier, deps.masterKey, scope.now) : undefined;
      if (view === undefined) throw dossierNotFound();
      return view;
    },
  });

  gatedRoute(app, deps, {
    method: 'DELETE', url: '/api/privacy/retention/:clientId/good-care',
    schema: {
      tags: ['privacy officer'], params: ClientParams, response: { 200: HeldDossierRetention },
      summary: 'End the good-care extension of a dossier: the next sweep decides again from the legal minimum and the organisation\'s term',
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: async (scope, request) => {
      const { clientId } = request.params;
      const dossier = namedDossierRetention(scope, clientId);
      const ended = await endGoodCare(dossier);
      const view = ended ? await readDossierRetention(dossier, deps.masterKey, scope.now) : undefined;
      if (view === undefined) throw notFound('Voor dit dossier is geen verlenging voor goede zorg vastgelegd.', 'No good-care extension is recorded for this dossier.');
      scope.concerns([clientId]);
      return withHold(dossier, view);
    },
  });

  // Incidents and calamities (a record beside the dossier): no statutory period, so the organisation's
  // own term, 5 years by default (src/registers/register-retention.ts). The privacy officer sets it.
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/privacy/retention-settings/incidents',
    schema: {
      tags: ['privacy officer'], summary: 'How long incidents and calamities are kept (years after the incident or its report to the inspectorate)',
      response: { 200: IncidentSetting },
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: (scope) => incidentRetention(scope),
  });

  gatedRoute(app, deps, {
    method: 'PUT', url: '/api/privacy/retention-settings/incidents',
    schema: {
      tags: ['privacy officer'], summary: 'Set how long incidents and calamities are kept, with the reason', body: IncidentSettingBody,
      response: { 200: IncidentSetting },
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: (scope, request) => setIncidentRetention(scope, { years: request.body.years, reason: request.body.reason }),
  });
}
