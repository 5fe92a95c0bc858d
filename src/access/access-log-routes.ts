/** HTTP routes for the access log's views: who saw a dossier, and the unusual-access report. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableObject, NullableString, Uuid } from '../http/schema-helpers.js';
import { calendarDate } from '../shared/calendar-date.js';
import { clientsInReport, unusualAccess, whoSawClient } from './access-log-views.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const WhoQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  before: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
}, { additionalProperties: false });
const Line = Type.Object({
  seq: Type.String(), at: Type.String(),
  employee: Type.Object({ id: NullableString(), name: NullableString(), role: NullableString() }),
  actingFor: NullableObject(Type.Object({ id: Type.String(), name: NullableString(), role: NullableString() })),
  action: Type.String(), part: Type.String(), outcome: Type.String(), basis: Type.String(), purpose: NullableString(),
  citations: Type.Array(Type.String()), entryCount: Type.Integer(), sessionRecorded: Type.Boolean(), address: NullableString(),
});
const Ref = Type.Object({ id: Type.String(), name: Type.String() });
const Report = Type.Object({
  day: Type.String(),
  thresholds: Type.Object({ outsideCaseloadPerDay: Type.Integer(), employeesPerDossierPerDay: Type.Integer() }),
  withoutRelation: Type.Array(Type.Object({ employee: Ref, client: Ref, at: Type.String(), outcome: Type.String(), basis: Type.String() })),
  emergencyAwaitingReview: Type.Array(Type.Object({ id: Type.String(), employee: Ref, client: Ref, startedAt: Type.String() })),
  employeesOutsideCaseload: Type.Array(Type.Object({ employee: Ref, dossiers: Type.Integer() })),
  dossiersManyEmployees: Type.Array(Type.Object({ client: Ref, employees: Type.Integer() })),
});
const ReportQuery = Type.Object({ day: Type.Optional(Type.String({ format: 'date' })) }, { additionalProperties: false });

export function accessLogRoutes(app: FastifyInstance, deps: AppDeps): void {
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/access-log',
    schema: {
      tags: ['privacy officer'], summary: 'Who saw this dossier, when and why (privacy officer)',
      params: ClientParams, querystring: WhoQuery, response: { 200: Type.Object({ lines: Type.Array(Line), nextBefore: NullableString() }) },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'review-log', part: 'dossier' }),
    handler: (scope, request) => {
      const { limit = 100, before } = request.query;
      return whoSawClient(scope, { limit, ...(before === undefined ? {} : { before }) });
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/privacy/unusual-access',
    schema: {
      tags: ['privacy officer'], summary: 'Unusual access on a day: without relation, emergency awaiting review, many dossiers outside caseload, dossiers opened by many',
      querystring: ReportQuery, response: { 200: Report },
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: async (scope, request) => {
      const { day = calendarDate(scope.now) } = request.query;
      const report = await unusualAccess(scope, day, {
        outsideCaseloadPerDay: deps.config.unusualOutsideCaseloadPerDay, employeesPerDossierPerDay: deps.config.unusualEmployeesPerDossierPerDay,
      });
      scope.concerns(clientsInReport(report));
      return report;
    },
  });
}
