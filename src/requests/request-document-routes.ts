/** HTTP routes for the documents of a request: the decision letter and the copy, as PDF. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { ClientBoundScope, SubjectOf } from '../access/gate.js';
import { careTeamOf } from '../care-team/care-team-store.js';
import { clientAndOrganisationNameOf } from '../clients/client-store.js';
import { conflict } from '../errors.js';
import { renderCopyPdf } from '../exports/copy-pdf.js';
import { progressOf, type ProgressReporter } from '../exports/export-progress.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { Uuid } from '../http/schema-helpers.js';
import { clientOrganisationContact } from '../organisation/employee-store.js';
import { readerView } from '../shielding/reader-view.js';
import { calendarDate } from '../shared/calendar-date.js';
import { renderDecisionLetter } from './decision-letter.js';
import { generalInformationOf } from './general-information.js';
import { senderLines, withheldParts, type LetterSender } from './letter-parts.js';
import { readerOfRequest, readRequest } from './request-service.js';

/**
 * Who sends a letter: the organisation with its postal address, phone, e-mail and website as its privacy officer
 * recorded them (migration 0086; none recorded: the letter tells the requester how to get the address), and the
 * client's dossier holder today (name and function, 003 §2.3.1) who signs.
 */
async function letterSenderOf(scope: ClientBoundScope, organisation: string): Promise<LetterSender> {
  const holder = await careTeamOf(scope).holderOn(calendarDate(scope.now));
  return {
    organisation, ...senderLines(await clientOrganisationContact(scope)),
    signatory: holder === undefined ? null : { name: holder.display_name, functionTitle: holder.function_title },
  };
}

const RequestParams = Type.Object({ clientId: Uuid(), requestId: Uuid() }, { additionalProperties: false });

function pdf(reply: FastifyReply, filename: string, body: Buffer): Buffer {
  reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${filename}"`);
  return body;
}

/** The copy of a granted copy request, as this requester may have it (also the 7-day download's document). */
export async function renderRequestCopy(scope: ClientBoundScope, masterKey: Buffer, id: string, progress?: ProgressReporter): Promise<Buffer> {
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

/**
 * The letter on a request as PDF (the decision, or before it the extension notice), for the professional's route and
 * the requester's own in the portal (src/portal/rights/): 409 while there is neither.
 */
export async function renderRequestLetter(scope: ClientBoundScope, masterKey: Buffer, requestId: string): Promise<{ filename: string; body: Buffer }> {
  const clientRequest = await readRequest(scope, masterKey, requestId);
  if (clientRequest.decision === null && clientRequest.extension === null) {
    throw conflict('request-not-decided', 'Er is nog geen besluit, dus nog geen brief.', 'There is no decision yet, so no letter.');
  }
  const { organisation, clientName } = await clientAndOrganisationNameOf(scope);
  const sender = await letterSenderOf(scope, organisation);
  const outcome = clientRequest.decision?.outcome ?? null;
  // A granted request for general information (BW 1:377c) is answered in the letter itself: dates, no care content.
  const granted = outcome !== null && outcome !== 'refused';
  const info = clientRequest.kind === 'general-information' && granted ? await generalInformationOf(scope, masterKey, clientRequest.id) : undefined;
  // An inspection or copy: the letter names what the reader view keeps back from this requester, and why (issue 15).
  const reading = (clientRequest.kind === 'inspect' || clientRequest.kind === 'copy') && granted;
  const withheld = reading ? withheldParts(await readerView(scope, masterKey, await readerOfRequest(scope, clientRequest.id))) : undefined;
  const name = clientRequest.decision === null ? 'brief' : 'besluit';
  const body = await renderDecisionLetter({ organisation, clientName, addressee: clientRequest.requester.name ?? clientName }, clientRequest, {
    sender, ...(info === undefined ? {} : { generalInformation: info }), ...(withheld === undefined ? {} : { withheld }),
  });
  return { filename: `${name}-${clientRequest.id}.pdf`, body };
}

export function requestDocumentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  const client = (request: { params: { clientId: string } }): SubjectOf<'client'> => ({ kind: 'client', clientId: request.params.clientId });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId/letter.pdf',
    schema: { tags: ['requests'], summary: 'The letter on a request (Dutch, B1), as PDF: the decision with what is withheld and why and the legal routes, or before it the extension notice (AVG 12(3)); for granted general information (BW 1:377c) the information itself', params: RequestParams, produces: ['application/pdf'] },
    kind: 'client', subject: client,
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const letter = await renderRequestLetter(scope, masterKey, request.params.requestId);
      return pdf(reply, letter.filename, letter.body);
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId/copy.pdf',
    schema: { tags: ['requests'], summary: 'The copy of the dossier for a granted copy request: shielding applied, raw test data listed only, numbered pages', params: RequestParams, produces: ['application/pdf'] },
    kind: 'client', subject: client,
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const id = request.params.requestId;
      return pdf(reply, `afschrift-${id}.pdf`, await renderRequestCopy(scope, masterKey, id, progressOf(request, scope.actor.employeeId, { db: deps.db, organisationId: scope.actor.organisationId })));
    },
  });
}
