/** HTTP routes for the care dossier: timeline, entries, annotations — and the refusal to change one. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { BODY_NEVER_READ, NullableObject, NullableString, OneOf, Uuid as UuidSchema } from '../http/schema-helpers.js';
import { gatedRoute } from '../http/gated-route.js';
import { addEntry, annotateEntry, readEntry, readTimeline, refuseEntryChange } from './dossier-service.js';
import { ANNOTATION_KINDS, ENTRY_KINDS, SOURCE_KINDS, partOfEntryKind } from './entry-kinds.js';

const Uuid = UuidSchema();

const KindSchema = OneOf(ENTRY_KINDS);
const Person = Type.Object({ id: Type.String(), name: Type.String(), function: Type.String() });

const EntrySchema = Type.Object({
  id: Uuid, kind: Type.String(), kindLabel: Type.String(), title: NullableString(), text: Type.String(),
  occurredOn: NullableString(), recordedAt: Type.String(), author: Person,
  source: Type.Object({ kind: Type.String(), description: NullableString() }),
  statementType: NullableString(),
  annotations: Type.Array(Type.Object({ id: Uuid, kind: Type.String(), reason: Type.String(), author: Person, recordedAt: Type.String(), requestId: NullableString() })),
  disputes: NullableString(),
  statements: Type.Array(Type.Object({
    id: Uuid, title: NullableString(), text: Type.String(), recordedAt: Type.String(),
    source: Type.Object({ kind: Type.String(), description: NullableString() }),
  })),
});
const RestrictionSchema = NullableObject(Type.Object({ since: Type.String(), requestId: Uuid, notice: Type.String() }));

const NewEntryBody = Type.Object({
  kind: KindSchema,
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  // Bytes are checked against DW_MAX_ENTRY_BYTES in the service; this only bounds characters.
  text: Type.String({ minLength: 1 }),
  occurredOn: Type.Optional(Type.String({ format: 'date' })),
  source: Type.Object({
    kind: OneOf(SOURCE_KINDS),
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  }, { additionalProperties: false }),
  statementType: Type.Optional(OneOf(['fact', 'opinion'] as const)),
}, { additionalProperties: false });

const NewAnnotationBody = Type.Object({
  kind: OneOf(ANNOTATION_KINDS),
  reason: Type.String({ minLength: 1, maxLength: 5000 }),
}, { additionalProperties: false });

const ClientParams = Type.Object({ clientId: Uuid }, { additionalProperties: false });
const EntryParams = Type.Object({ clientId: Uuid, entryId: Uuid }, { additionalProperties: false });
const TimelineQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  before: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(Type.Array(KindSchema, { maxItems: ENTRY_KINDS.length })),
}, { additionalProperties: false });

export function dossierRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;

  gatedRoute(app, deps, {
    method: 'GET',
    url: '/api/clients/:clientId/entries',
    schema: {
      tags: ['dossier'], summary: 'Timeline: entries newest first, paged, optionally filtered by kind',
      params: ClientParams, querystring: TimelineQuery,
      response: { 200: Type.Object({ entries: Type.Array(EntrySchema), nextCursor: NullableString(), processingRestriction: RestrictionSchema }) },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: (scope, request) => {
      const { limit = 50, before, kind } = request.query;
      return readTimeline(scope, masterKey, {
        limit, ...(before === undefined ? {} : { before }), ...(kind === undefined ? {} : { kinds: kind }),
      });
    },
  });

  gatedRoute(app, deps, {
    method: 'POST',
    url: '/api/clients/:clientId/entries',
    schema: { tags: ['dossier'], summary: 'Add an entry to the dossier', params: ClientParams, body: NewEntryBody, response: { 201: EntrySchema } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: (request) => ({ action: 'record', part: partOfEntryKind(request.body.kind) }),
    handler: async (scope, request, reply) => {
      const entry = await addEntry(scope, masterKey, deps.config.maxEntryBytes, request.body);
      // Return, never send, from inside the scope: the answer must leave only after the log row is committed.
      reply.code(201);
      return entry;
    },
  });

  gatedRoute(app, deps, {
    method: 'GET',
    url: '/api/clients/:clientId/entries/:entryId',
    schema: { tags: ['dossier'], summary: 'One entry with its annotations (its history)', params: EntryParams, response: { 200: EntrySchema } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: (scope, request) => readEntry(scope, masterKey, request.params.entryId),
  });

  gatedRoute(app, deps, {
    method: 'POST',
    url: '/api/clients/:clientId/entries/:entryId/annotations',
    schema: { tags: ['dossier'], summary: 'Annotate an entry (e.g. "bij nader inzien onjuist"); the entry itself is never changed', params: EntryParams, body: NewAnnotationBody, response: { 201: EntrySchema } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'annotate', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const { entryId } = request.params;
      const entry = await annotateEntry(scope, masterKey, entryId, request.body);
      reply.code(201);
      return entry;
    },
  });

  // Entries are append-only. These routes exist to answer an attempt with the reason (and log it).
  for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
    gatedRoute(app, deps, {
      method,
      url: '/api/clients/:clientId/entries/:entryId',
      schema: {
        tags: ['dossier'], summary: 'Refused: entries cannot be changed or deleted; add an annotation instead', params: EntryParams, body: BODY_NEVER_READ,
      },
      kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
      intent: () => ({ action: 'record', part: 'dossier' }),
      handler: () => Promise.reject(refuseEntryChange()),
    });
  }
}
