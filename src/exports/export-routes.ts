/**
 * HTTP routes for the portability exports of a granted portability request
 * (AVG 20): JSON (docs/portability-export.schema.json), XLSX and a FHIR R4
 * Bundle. Care content, so through the access path like the copy PDF.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { SubjectOf } from '../access/gate.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { Uuid } from '../http/schema-helpers.js';
import { notFound } from '../errors.js';
import { PROGRESS_HEADER, progressOf, sharedProgressFor } from './export-progress.js';
import { buildPortabilityExport, PortabilityExportSchema } from './portability-export.js';
import { portabilityBundle } from './portability-fhir.js';
import { portabilityWorkbook } from './portability-xlsx.js';

const RequestParams = Type.Object({ clientId: Uuid(), requestId: Uuid() }, { additionalProperties: false });

function attachment(reply: FastifyReply, type: string, filename: string): void {
  void reply.header('content-type', type).header('content-disposition', `attachment; filename="${filename}"`);
}

const ProgressParams = Type.Object({ progressId: Uuid() }, { additionalProperties: false });
const ProgressSchema = Type.Object({ phase: Type.String({ enum: ['read', 'render', 'done'] }), done: Type.Integer(), total: Type.Integer() });

export function exportRoutes(app: FastifyInstance, deps: AppDeps): void {
  // Numbers only, for the employee who started the export (src/exports/export-progress.ts).
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/exports/progress/:progressId',
    schema: { tags: ['requests'], summary: `Progress of a long export started with the header ${PROGRESS_HEADER}; only for whoever started it`, params: ProgressParams, response: { 200: ProgressSchema } },
    // The caller's own export: no client data, so no row (the own subject logs only what `scope.used` names).
    kind: 'own', subject: () => ({ kind: 'own' }), intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope, request) => {
      // This server's memory when it makes the export, else the database: any server answers (issue 17 item 7).
      const snapshot = await sharedProgressFor(request.params.progressId, scope.actor.employeeId, { db: deps.db, organisationId: scope.actor.organisationId });
      if (snapshot === undefined) throw notFound('Deze voortgang is (nog) niet bekend.', 'This progress is not known (yet).');
      return snapshot;
    },
  });

  const { masterKey } = deps;
  const client = (request: { params: { clientId: string } }): SubjectOf<'client'> => ({ kind: 'client', clientId: request.params.clientId });
  const tags = ['requests'];

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId/portability.json',
    schema: { tags, summary: 'Portability export (AVG 20) as JSON, in the documented schema', params: RequestParams, response: { 200: PortabilityExportSchema } },
    kind: 'client', subject: client,
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const id = request.params.requestId;
      attachment(reply, 'application/json; charset=utf-8', `gegevens-${id}.json`);
      return buildPortabilityExport(scope, masterKey, id, progressOf(request, scope.actor.employeeId, { db: deps.db, organisationId: scope.actor.organisationId }));
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId/portability.xlsx',
    schema: { tags, summary: 'Portability export (AVG 20) as a spreadsheet: personal data and entries', params: RequestParams, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
    kind: 'client', subject: client,
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const id = request.params.requestId;
      const body = await portabilityWorkbook(await buildPortabilityExport(scope, masterKey, id, progressOf(request, scope.actor.employeeId, { db: deps.db, organisationId: scope.actor.organisationId })));
      attachment(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `gegevens-${id}.xlsx`);
      return body;
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId/portability.fhir.json',
    schema: { tags, summary: 'Portability export (AVG 20) as a FHIR R4 Bundle (Patient, RelatedPerson, Consent, DocumentReference)', params: RequestParams, produces: ['application/fhir+json'] },
    kind: 'client', subject: client,
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const id = request.params.requestId;
      const bundle = portabilityBundle(await buildPortabilityExport(scope, masterKey, id, progressOf(request, scope.actor.employeeId, { db: deps.db, organisationId: scope.actor.organisationId })));
      attachment(reply, 'application/fhir+json; charset=utf-8', `gegevens-${id}.fhir.json`);
      return JSON.stringify(bundle);
    },
  });
}
