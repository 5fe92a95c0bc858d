/**
 * Drafts over HTTP (issue 15): the author's own drafts about one client.
 * Every route is a client route through the gate (`gatedRoute` with the
 * client from `:clientId`): only someone who may record
 * in this dossier keeps a draft there (the engine decides `record` on the
 * entry's part, `annotate` for an annotation), and a draft about a request
 * only someone who may decide it (a decision, an extension) or carry out the
 * own statement (`decide-request`, `fulfil-request`; the service asks again
 * for the request's kind). Each save is logged like any access, without
 * content. Someone else's draft answers 404.
 *
 * Also the session's idle timeout, so the web can warn before it falls; any
 * authenticated request (a draft save among them) keeps the session alive.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AccessIntent } from '../access/policy.js';
import { partOfEntryKind } from '../dossier/entry-kinds.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { DRAFT_TARGETS, DraftTarget } from './draft-store.js';
import { DraftFields, discardOwnDraft, listOwnDrafts, saveOwnDraft } from './draft-service.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
/** With `requestId`: only the drafts about that request (its decision, extension, own statement); without: those about no request. */
const DraftsQuery = Type.Object({ requestId: Type.Optional(Uuid()) }, { additionalProperties: false });
const DraftParams = Type.Object({ clientId: Uuid(), draftId: Uuid() }, { additionalProperties: false });
const DraftBody = Type.Object({
  target: OneOf(DRAFT_TARGETS),
  /** The entry an annotation draft annotates, or the entry an own statement is about. */
  entryId: Type.Optional(Uuid()),
  /** The request a statement, decision or extension draft is about (required for those, refused for the others). */
  requestId: Type.Optional(Uuid()),
  fields: DraftFields,
}, { additionalProperties: false });
const DraftSchema = Type.Object({
  id: Uuid(), clientId: Uuid(), target: OneOf(DRAFT_TARGETS), entryId: NullableString(), requestId: NullableString(), fields: DraftFields,
  updatedAt: Type.String(), expiresAt: Type.String(),
});
const SessionTimeout = Type.Object({
  idleMinutes: Type.Integer({ description: 'Minutes without a request after which the session ends (DW_SESSION_IDLE_MINUTES)' }),
});

/**
 * The act a draft prepares: recording an entry in its part, annotating an entry, carrying out a request to add an own
 * statement, deciding a request (its decision or extension). The gate decides the request acts for any kind; the
 * service asks again for the request's own kind.
 */
function intentOf(body: { target: DraftTarget; fields: DraftFields }): AccessIntent {
  switch (body.target) {
    case DraftTarget.annotation: return { action: 'annotate', part: 'dossier' };
    case DraftTarget.entry: return { action: 'record', part: body.fields.kind === undefined ? 'dossier' : partOfEntryKind(body.fields.kind) };
    case DraftTarget.statement: return { action: 'fulfil-request', part: 'dossier' };
    case DraftTarget.decision:
    case DraftTarget.extension: return { action: 'decide-request', part: 'dossier' };
  }
}

/**
 * Listing or discarding one's drafts: those about no request by whoever may record; those about a request by whoever
 * may act on requests (a manager who decides records nothing). Only one's own drafts are ever listed or discarded.
 */
function listIntent(requestId: string | undefined): AccessIntent {
  return requestId === undefined ? { action: 'record', part: 'dossier' } : { action: 'fulfil-request', part: 'dossier' };
}

export function draftRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  const tags = ['drafts'];

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/drafts',
    schema: {
      tags, summary: 'Your own drafts about this client (nobody else\'s), last saved first: those about no request, or those about `requestId`',
      params: ClientParams, querystring: DraftsQuery, response: { 200: Type.Object({ drafts: Type.Array(DraftSchema) }) },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: (request) => listIntent(request.query.requestId),
    handler: async (scope, request) => ({ drafts: await listOwnDrafts(scope, masterKey, request.query.requestId) }),
  });

  gatedRoute(app, deps, {
    method: 'PUT', url: '/api/clients/:clientId/drafts/:draftId',
    schema: {
      tags, summary: 'Save your draft (new, or yours replaced); not part of the dossier until you post the entry', params: DraftParams, body: DraftBody, response: { 200: DraftSchema },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: (request) => intentOf(request.body),
    handler: (scope, request) => saveOwnDraft(scope, masterKey, {
      id: request.params.draftId, target: request.body.target,
      entryId: request.body.target === DraftTarget.annotation || request.body.target === DraftTarget.statement ? request.body.entryId ?? null : null,
      requestId: request.body.requestId ?? null, fields: request.body.fields, maxBytes: deps.config.maxEntryBytes, expiresInDays: deps.config.workNoteDays,
    }),
  });

  gatedRoute(app, deps, {
    method: 'DELETE', url: '/api/clients/:clientId/drafts/:draftId',
    schema: {
      tags, summary: 'Discard your draft (after finalising it, or on purpose); one about a request with its `requestId`',
      params: DraftParams, querystring: DraftsQuery, response: { 204: Type.Null() },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: (request) => listIntent(request.query.requestId),
    handler: async (scope, request, reply) => {
      await discardOwnDraft(scope, request.params.draftId, request.query.requestId);
      reply.code(204);
      return null;
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/session/timeout',
    schema: { tags, summary: 'When your session ends without activity; asking counts as activity', response: { 200: SessionTimeout } },
    kind: 'own', subject: () => ({ kind: 'own' }), intent: () => ({ action: 'read', part: 'personal-work-note' }),
    handler: () => Promise.resolve({ idleMinutes: deps.config.sessionIdleMinutes }),
  });
}
