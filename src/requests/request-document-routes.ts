/** HTTP routes for the documents of a request: the decision letter and the copy, as PDF. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { ClientScope, SubjectOf } from '../access/gate.js';
import { clientAndOrganisationNameOf } from '../clients/client-store.js';
import { conflict } from '../errors.js';
import { renderCopyPdf } from '../exports/copy-pdf.js';
import { progressOf, type ProgressReporter } from '../exports/export-progress.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { Uuid } from '../http/schema-helpers.js';
import { readerView } from '../shielding/reader-view.js';
import { calendarDate } from '../shared/calendar-date.js';
import { renderDecisionLetter } from './decision-letter.js';
import { generalInformationOf } from './general-information.js';
import { readerOfRequest, readRequest } from './request-service.js';

const RequestParams = Type.Object({ clientId: Uuid(), requestId: Uuid() }, { additionalProperties: false });

function pdf(reply: FastifyReply, filename: string, body: Buffer): Buffer {
  reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${filename}"`);
  return body;
}

/** The copy of a granted copy request, as this requester may have it (also the 7-day download's document). */
export async function renderRequestCopy(scope: ClientScope, masterKey: Buffer, id: string, progress?: ProgressReporter): Promise<Buffer> {
  const reader = await readerOfRequest(scope, id);
  const clientRequest = await readRequest(scope, masterKey, id);
  const { organisation, clientName } = await clientAndOrganisationNameOf(scope);
  const view = await readerView(scope, masterKey, { ...reader, action: 'copy' }, progress);
  const pdf = await renderCopyPdf({
    organisation, clientName, requesterName: clientRequest.requester.name ?? clientName, requestReceivedOn: clientRequest.receivedOn, madeOn: calendarDate(scope.now),
  }, view, progress);
  progress?.report('done', view.entries.length, view.entries.length);
  return pdf;
}

export function requestDocumentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  const client = (request: { params: { clientId: string } }): SubjectOf<'client'> => ({ kind: 'client', clientId: request.params.clientId });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId/letter.pdf',
    schema: { tags: ['requests'], summary: 'The decision letter (Dutch, B1) with the legal routes, as PDF; for granted general information (BW 1:377c) the information itself', params: RequestParams, produces: ['application/pdf'] },
    kind: 'client', subject: client,
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const clientRequest = await readRequest(scope, masterKey, request.params.requestId);
      if (clientRequest.decision === null) {
        throw conflict('request-not-decided', 'Er is nog geen besluit, dus nog geen brief.', 'There is no decision yet, so no letter.');
      }
      const { organisation, clientName } = await clientAndOrganisationNameOf(scope);
      // A granted request for general information (BW 1:377c) is answered in the letter itself: dates, no care content.
      const info = clientRequest.kind === 'general-information' && clientRequest.decision.outcome !== 'refused' ? await generalInformationOf(scope, masterKey, clientRequest.id) : undefined;
      return pdf(reply, `besluit-${clientRequest.id}.pdf`, await renderDecisionLetter({ organisation, clientName, addressee: clientRequest.requester.name ?? clientName }, clientRequest, info));
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId/copy.pdf',
    schema: { tags: ['requests'], summary: 'The copy of the dossier for a granted copy request: shielding applied, raw test data listed only, numbered pages', params: RequestParams, produces: ['application/pdf'] },
    kind: 'client', subject: client,
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const id = request.params.requestId;
      return pdf(reply, `afschrift-${id}.pdf`, await renderRequestCopy(scope, masterKey, id, progressOf(request, scope.actor.employeeId)));
    },
  });
}
