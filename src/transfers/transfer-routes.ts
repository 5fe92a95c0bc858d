/**
 * HTTP routes for the transfer of a dossier to a successor provider or the
 * Nidos guardian: record it (engine-checked, closes the dossier), see it, and
 * download the package — the PDF and the portability data as JSON or FHIR R4.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { clientAndOrganisationNameOf } from '../clients/client-store.js';
import { renderCopyPdf } from '../exports/copy-pdf.js';
import { progressOf } from '../exports/export-progress.js';
import { PortabilityExportSchema } from '../exports/portability-export.js';
import { portabilityBundle } from '../exports/portability-fhir.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableObject, OneOf, Uuid } from '../http/schema-helpers.js';
import { calendarDate } from '../shared/calendar-date.js';
import { dossierTransfer } from './transfer-record.js';
import { transferDossier, transferExport, transferView } from './transfer-service.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const TransferParams = Type.Object({ clientId: Uuid(), transferId: Uuid() }, { additionalProperties: false });
const TransferSchema = Type.Object({
  id: Uuid(), recipient: Type.String(), recipientKind: Type.String(), transferredOn: Type.String(), citations: Type.Array(Type.String()), disclosureId: Uuid(),
});
const NewTransferBody = Type.Object({
  recipient: Type.String({ minLength: 1, maxLength: 300, description: 'The successor provider, or the Nidos location.' }),
  recipientKind: OneOf(['successor-provider', 'nidos-guardian'] as const),
  consentId: Type.Optional(Uuid()),
  guardianRelationId: Type.Optional(Uuid()),
  transferredOn: Type.String({ format: 'date' }),
  clientToldBeforehand: Type.Boolean(),
  notToldBecause: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });

const publicTransfer = (t: Awaited<ReturnType<typeof transferDossier>>) => ({
  id: t.id, recipient: t.recipient, recipientKind: t.recipientKind, transferredOn: t.transferredOn, citations: t.citations, disclosureId: t.disclosureId,
});

function attachment(reply: FastifyReply, type: string, filename: string): void {
  void reply.header('content-type', type).header('content-disposition', `attachment; filename="${filename}"`);
}

export function transferRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  const tags = ['transfers'];
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/transfer',
    schema: {
      tags, summary: 'Transfer the dossier to a successor provider (with consent) or the Nidos guardian; engine-checked, recorded as a disclosure, closes the dossier to new entries',
      params: ClientParams, body: NewTransferBody, response: { 201: TransferSchema },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'transfer', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const transfer = await transferDossier(scope, masterKey, request.body);
      reply.code(201);
      return publicTransfer(transfer);
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/transfer',
    schema: { tags, summary: 'The transfer of this dossier, if any', params: ClientParams, response: { 200: Type.Object({ transfer: NullableObject(TransferSchema) }) } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope) => {
      const transfer = await dossierTransfer(scope, masterKey);
      return { transfer: transfer === undefined ? null : publicTransfer(transfer) };
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/transfers/:transferId/dossier.pdf',
    schema: { tags, summary: 'The transferred dossier as PDF: the recipient\'s view, withheld parts named with their ground', params: TransferParams, produces: ['application/pdf'] },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const progress = progressOf(request, scope.actor.employeeId, { db: deps.db, organisationId: scope.actor.organisationId });
      const { transfer, view } = await transferView(scope, masterKey, request.params.transferId, progress);
      const { organisation, clientName } = await clientAndOrganisationNameOf(scope);
      const body = await renderCopyPdf({
        organisation, clientName, requesterName: transfer.recipient, requestReceivedOn: transfer.transferredOn, madeOn: calendarDate(scope.now),
        transfer: { basis: transfer.citations.join(', ') },
      }, view, progress);
      progress.report('done', view.entries.length, view.entries.length);
      attachment(reply, 'application/pdf', `overdracht-${transfer.id}.pdf`);
      return body;
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/transfers/:transferId/dossier.json',
    schema: { tags, summary: 'The transferred dossier as data, in the portability schema (docs/portability.md)', params: TransferParams, response: { 200: PortabilityExportSchema } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const id = request.params.transferId;
      attachment(reply, 'application/json; charset=utf-8', `overdracht-${id}.json`);
      return transferExport(scope, masterKey, id, progressOf(request, scope.actor.employeeId, { db: deps.db, organisationId: scope.actor.organisationId }));
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/transfers/:transferId/dossier.fhir.json',
    schema: { tags, summary: 'The transferred dossier as a FHIR R4 Bundle', params: TransferParams, produces: ['application/fhir+json'] },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const id = request.params.transferId;
      const bundle = portabilityBundle(await transferExport(scope, masterKey, id, progressOf(request, scope.actor.employeeId, { db: deps.db, organisationId: scope.actor.organisationId })));
      attachment(reply, 'application/fhir+json; charset=utf-8', `overdracht-${id}.fhir.json`);
      return JSON.stringify(bundle);
    },
  });
}
