/**
 * Drafts over HTTP (issue 15): the author's own drafts about one client.
 * Every route is a client route through the gate (`gatedRoute` with the
 * client from `:clientId`): only someone who may record
 * in this dossier keeps a draft there (the engine decides `record` on the
 * entry's part, `annotate` for an annotation), and each save is logged like
 * any access, without content. Someone else's draft answers 404.
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
import { DRAFT_TARGETS } from './draft-store.js';
import { DraftFields, discardOwnDraft, listOwnDrafts, saveOwnDraft } from './draft-service.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const DraftParams = Type.Object({ clientId: Uuid(), draftId: Uuid() }, { additionalProperties: false });
const DraftBody = Type.Object({
  target: OneOf(DRAFT_TARGETS),
  /** The entry an annotation draft annotates. */
  entryId: Type.Optional(Uuid()),
  fields: DraftFields,
}, { additionalProperties: false });
const DraftSchema = Type.Object({
  id: Uuid(), clientId: Uuid(), target: Type.String(), entryId: NullableString(), fields: DraftFields, updatedAt: Type.String(), expiresAt: Type.String(),
});
const SessionTimeout = Type.Object({
  idleMinutes: Type.Integer({ description: 'Minutes without a request after which the session ends (DW_SESSION_IDLE_MINUTES)' }),
});

/** The act a draft prepares: recording an entry in its part, annotating an entry, recording an own statement. */
function intentOf(body: { target: string; fields: DraftFields }): AccessIntent {
  switch (body.target) {
    case 'annotation': return { action: 'annotate', part: 'dossier' };
    case 'entry': return { action: 'record', part: body.fields.kind === undefined ? 'dossier' : partOfEntryKind(body.fields.kind) };
    default: return { action: 'record', part: 'dossier' };
  }
}

export function draftRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  const tags = ['drafts'];

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/drafts',
    schema: { tags, summary: 'Your own drafts about this client (nobody else\'s), last saved first', params: ClientParams, response: { 200: Type.Object({ drafts: Type.Array(DraftSchema) }) } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'record', part: 'dossier' }),
    handler: async (scope) => ({ drafts: await listOwnDrafts(scope, masterKey) }),
  });

  gatedRoute(app, deps, {
    method: 'PUT', url: '/api/clients/:clientId/drafts/:draftId',
    schema: {
      tags, summary: 'Save your draft (new, or yours replaced); not part of the dossier until you post the entry', params: DraftParams, body: DraftBody, response: { 200: DraftSchema },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: (request) => intentOf(request.body),
    handler: (scope, request) => saveOwnDraft(scope, masterKey, {
      id: request.params.draftId, target: request.body.target, entryId: request.body.target === 'annotation' ? request.body.entryId ?? null : null,
      fields: request.body.fields, maxBytes: deps.config.maxEntryBytes, expiresInDays: deps.config.workNoteDays,
    }),
  });

  gatedRoute(app, deps, {
    method: 'DELETE', url: '/api/clients/:clientId/drafts/:draftId',
    schema: { tags, summary: 'Discard your draft (after finalising it, or on purpose)', params: DraftParams, response: { 204: Type.Null() } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'record', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      await discardOwnDraft(scope, request.params.draftId);
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
