/**
 * HTTP routes for the 7-day download of a copy (electronic requests): the
 * professional prepares, lists and revokes links through the access path; the
 * requester fetches with token and code, without an account. The fetch is a
 * POST with both in the body, so neither lands in a URL or a server log; the
 * web page that asks for the code reads the token from the URL fragment,
 * which browsers never send.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { SubjectOf } from '../access/gate.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute, publicRoute } from '../http/gated-route.js';
import { Uuid } from '../http/schema-helpers.js';
import { fetchDownload, listDownloads, prepareDownload, revokeDownload } from './download-links.js';
import { progressOf } from '../exports/export-progress.js';
import { renderRequestCopy } from './request-document-routes.js';

const RequestParams = Type.Object({ clientId: Uuid(), requestId: Uuid() }, { additionalProperties: false });
const LinkParams = Type.Object({ clientId: Uuid(), requestId: Uuid(), linkId: Uuid() }, { additionalProperties: false });
const Prepared = Type.Object({
  id: Uuid(), token: Type.String(), code: Type.String(), expiresAt: Type.String(),
  path: Type.String({ description: 'The web page for the requester; the token is in the fragment, never sent to a server.' }),
});
const Link = Type.Object({
  id: Uuid(), createdAt: Type.String(), expiresAt: Type.String(), revokedAt: Type.Union([Type.String(), Type.Null()]), fetches: Type.Integer(),
  state: Type.String({ enum: ['active', 'expired', 'revoked', 'locked'] }),
});
const FetchBody = Type.Object({
  token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
  code: Type.String({ minLength: 4, maxLength: 20 }),
}, { additionalProperties: false });

export function downloadRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  const tags = ['requests'];
  const client = (request: { params: { clientId: string } }): SubjectOf<'client'> => ({ kind: 'client', clientId: request.params.clientId });

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/requests/:requestId/download-links',
    schema: {
      tags, summary: 'Prepare the copy of a granted electronic copy request as a download for the requester, valid 7 days (token and code shown once)',
      params: RequestParams, response: { 201: Prepared },
    },
    kind: 'client', subject: client,
    // Handing over a granted copy: the act of fulfilling a copy request (it renders the requester's view of the dossier).
    intent: () => ({ action: 'fulfil-request', part: 'dossier', requestKind: 'copy' }),
    handler: async (scope, request, reply) => {
      const { requestId } = request.params;
      const progress = progressOf(request, scope.actor.employeeId, { db: deps.db, organisationId: scope.actor.organisationId });
      const prepared = await prepareDownload(scope, masterKey, requestId, () => renderRequestCopy(scope, masterKey, requestId, progress));
      reply.code(201);
      return { ...prepared, path: `/ophalen#${prepared.token}` };
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId/download-links',
    schema: { tags, summary: 'The download links of a request, with their state and how often fetched', params: RequestParams, response: { 200: Type.Object({ links: Type.Array(Link) }) } },
    kind: 'client', subject: client,
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope, request) => ({ links: await listDownloads(scope, request.params.requestId) }),
  });

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/requests/:requestId/download-links/:linkId/revoke',
    schema: { tags, summary: 'Revoke a download link at once', params: LinkParams, response: { 204: Type.Null() } },
    kind: 'client', subject: client,
    intent: () => ({ action: 'record', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const { requestId, linkId } = request.params;
      await revokeDownload(scope, requestId, linkId);
      reply.code(204);
      return null;
    },
  });

  publicRoute(app, {
    method: 'POST', url: '/api/downloads',
    schema: { tags, summary: 'The requester fetches a prepared copy with the link token and the code (no account)', body: FetchBody, produces: ['application/pdf'] },
    handler: async (request, reply) => {
      const { token, code } = request.body;
      const document = await fetchDownload(deps.db, masterKey, { token, code, now: deps.now(), address: request.ip, route: 'POST /api/downloads' });
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${document.filename}"`).send(document.pdf);
    },
  });
}
