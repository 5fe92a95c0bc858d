/**
 * HTTP routes for the portability exports of a granted portability request
 * (AVG 20): JSON (docs/portability-export.schema.json), XLSX and a FHIR R4
 * Bundle. Care content, so through the access path like the copy PDF.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { clientDataRoute } from '../http/client-data-route.js';
import { Uuid } from '../http/schema-helpers.js';
import { notFound } from '../errors.js';
import { contextOf } from '../http/request-context.js';
import { PROGRESS_HEADER, progressFor, progressOf } from './export-progress.js';
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
  app.get('/api/exports/progress/:progressId', {
    schema: { tags: ['requests'], summary: `Progress of a long export started with the header ${PROGRESS_HEADER}; only for whoever started it`, params: ProgressParams, response: { 200: ProgressSchema } },
  }, (request) => {
    const { progressId } = request.params as Static<typeof ProgressParams>;
    const snapshot = progressFor(progressId, contextOf(request, deps.now()).actor.employeeId);
    return snapshot === undefined ? Promise.reject(notFound('Deze voortgang is (nog) niet bekend.', 'This progress is not known (yet).')) : Promise.resolve(snapshot);
  });

  const { masterKey } = deps;
  const requestId = (params: unknown) => (params as Static<typeof RequestParams>).requestId;
  const tags = ['requests'];

  clientDataRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId/portability.json',
    schema: { tags, summary: 'Portability export (AVG 20) as JSON, in the documented schema', params: RequestParams, response: { 200: PortabilityExportSchema } },
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const id = requestId(request.params);
      attachment(reply, 'application/json; charset=utf-8', `gegevens-${id}.json`);
      return buildPortabilityExport(scope, masterKey, id, progressOf(request, scope.actor.employeeId));
    },
  });

  clientDataRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId/portability.xlsx',
    schema: { tags, summary: 'Portability export (AVG 20) as a spreadsheet: personal data and entries', params: RequestParams, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const id = requestId(request.params);
      const body = await portabilityWorkbook(await buildPortabilityExport(scope, masterKey, id, progressOf(request, scope.actor.employeeId)));
      attachment(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `gegevens-${id}.xlsx`);
      return body;
    },
  });

  clientDataRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId/portability.fhir.json',
    schema: { tags, summary: 'Portability export (AVG 20) as a FHIR R4 Bundle (Patient, RelatedPerson, Consent, DocumentReference)', params: RequestParams, produces: ['application/fhir+json'] },
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const id = requestId(request.params);
      const bundle = portabilityBundle(await buildPortabilityExport(scope, masterKey, id, progressOf(request, scope.actor.employeeId)));
      attachment(reply, 'application/fhir+json; charset=utf-8', `gegevens-${id}.fhir.json`);
      return JSON.stringify(bundle);
    },
  });
}
