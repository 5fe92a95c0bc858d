/**
 * HTTP routes of the privacy officer's desk (issue 15 item 8): finding a client's access log by the client's name,
 * the log filtered and grouped per session, its export as CSV or XLSX, and the requests dashboard as the officer
 * sees it (deadlines only). Every route goes through the gate: the log of one client as `review-log` on that
 * client (the engine lets the privacy officer only), the lists over the organisation on the log-review subject,
 * each client shown logged (`scope.concerns`).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { calendarDate } from '../shared/calendar-date.js';
import { organisationOpenRequestsOf } from '../requests/request-store.js';
import { AccessBasis, AccessOutcome } from './access-log.js';
import { accessSessions, clientsByName, exportTitle, sessionsCsv, sessionsXlsx } from './access-log-desk.js';
import type { ClientLogFilter } from './access-log-store.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const FilterProperties = {
  employee: Type.Optional(Uuid()),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  outcome: Type.Optional(OneOf(Object.values(AccessOutcome))),
  basis: Type.Optional(OneOf(Object.values(AccessBasis))),
};
const FilterQuery = Type.Object(FilterProperties, { additionalProperties: false });
const ExportQuery = Type.Object({ ...FilterProperties, format: OneOf(['csv', 'xlsx'] as const) }, { additionalProperties: false });

const Session = Type.Object({
  firstSeq: Type.String(), lastSeq: Type.String(), startedAt: Type.String(), endedAt: Type.String(),
  employee: Type.Object({ id: NullableString(), name: NullableString(), role: NullableString() }), actingFor: NullableString(),
  sessionRecorded: Type.Boolean(), calls: Type.Integer(), entries: Type.Integer(),
  actions: Type.Array(Type.String()), parts: Type.Array(Type.String()), outcomes: Type.Array(Type.String()), bases: Type.Array(Type.String()),
  purposes: Type.Array(Type.String()), addresses: Type.Array(Type.String()), refused: Type.Boolean(), emergency: Type.Boolean(),
});
const Sessions = Type.Object({
  client: Type.Object({ id: Type.String(), name: Type.String() }),
  employees: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() })),
  sessions: Type.Array(Session), truncated: Type.Boolean(),
});
const NameBody = Type.Object({ name: Type.String({ minLength: 2, maxLength: 100 }) }, { additionalProperties: false });
const FoundClients = Type.Object({ clients: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), birthYear: Type.Integer() })) });
const OpenRequest = Type.Object({
  requestId: Type.String(), clientId: Type.String(), clientName: Type.String(), kind: Type.String(), state: Type.String(),
  receivedOn: Type.String(), due: OneOf(['decision', 'fulfilment'] as const), deadline: Type.String(), overdue: Type.Boolean(),
});

function filterOf(query: { employee?: string; from?: string; to?: string; outcome?: string; basis?: string }): ClientLogFilter {
  return { employeeId: query.employee, from: query.from, to: query.to, outcome: query.outcome, basis: query.basis };
}

export function accessLogDeskRoutes(app: FastifyInstance, deps: AppDeps): void {
  // A POST, so a client's name never appears in a URL (and so in no proxy or server log).
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/privacy/access-log/clients',
    schema: {
      tags: ['privacy officer'], summary: 'Find a client by part of the name, to open who saw the dossier (privacy officer); at most 20, each shown logged',
      body: NameBody, response: { 200: FoundClients },
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: async (scope, request) => ({ clients: await clientsByName(scope, request.body.name.trim()) }),
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/access-log/sessions',
    schema: {
      tags: ['privacy officer'],
      summary: 'Who saw this dossier, grouped per session (one line per employee and log-in), filtered by employee, days (Dutch time), outcome and basis',
      params: ClientParams, querystring: FilterQuery, response: { 200: Sessions },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'review-log', part: 'dossier' }),
    handler: (scope, request) => accessSessions(scope, filterOf(request.query)),
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/access-log/export',
    schema: {
      tags: ['privacy officer'],
      summary: 'The same sessions as a spreadsheet (CSV with semicolons, or XLSX): Dutch column heads, Dutch labels, dates in words',
      params: ClientParams, querystring: ExportQuery, produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'review-log', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const filter = filterOf(request.query);
      const answer = await accessSessions(scope, filter);
      const title = exportTitle(answer, filter, scope.now);
      const name = `toegangslog-${calendarDate(scope.now)}`;
      if (request.query.format === 'csv') {
        void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`);
        return sessionsCsv(answer, title);
      }
      void reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`);
      return sessionsXlsx(answer, title);
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/privacy/requests',
    schema: {
      tags: ['privacy officer'],
      summary: 'The requests dashboard as the privacy officer sees it: every open request of the organisation with its deadline, no content (AVG 39(1)(b))',
      response: { 200: Type.Object({ requests: Type.Array(OpenRequest) }) },
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: async (scope) => {
      const today = calendarDate(scope.now);
      const rows = await organisationOpenRequestsOf(scope);
      scope.concerns(rows.map((r) => r.client_id));
      return {
        requests: rows.map((r) => ({
          requestId: r.id, clientId: r.client_id, clientName: r.client_name, kind: r.kind, state: r.state, receivedOn: r.received_on,
          due: r.state === 'decided' ? 'fulfilment' as const : 'decision' as const, deadline: r.due_on, overdue: r.due_on < today,
        })),
      };
    },
  });
}
