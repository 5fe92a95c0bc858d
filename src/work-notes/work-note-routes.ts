/**
 * Personal work notes over HTTP (003 §2.3.13). Writing one is a client route
 * (the policy decides `record` on `personal-work-note`); reading, deleting and
 * moving are bound to the author: anyone else's note answers 404, exactly as
 * a note that does not exist.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addEntry } from '../dossier/dossier-service.js';
import { ENTRY_KINDS, SOURCE_KINDS, partOfEntryKind } from '../dossier/entry-kinds.js';
import { notFound } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { OneOf, Uuid } from '../http/schema-helpers.js';
import { addWorkNote, deleteOwnNote, listOwnNotes, ownNoteClient, PART, takeOwnNote } from './work-note-service.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const NoteParams = Type.Object({ noteId: Uuid() }, { additionalProperties: false });
const Note = Type.Object({ id: Uuid(), clientId: Uuid(), text: Type.String(), createdAt: Type.String(), expiresAt: Type.String() });
const NewNote = Type.Object({
  text: Type.String({ minLength: 1 }),
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365, description: 'Days until the note is destroyed (default DW_WORK_NOTE_DAYS, 30)' })),
}, { additionalProperties: false });
const MoveBody = Type.Object({
  kind: OneOf(ENTRY_KINDS),
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  occurredOn: Type.Optional(Type.String({ format: 'date' })),
  source: Type.Object({
    kind: OneOf(SOURCE_KINDS), description: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  }, { additionalProperties: false }),
  statementType: Type.Optional(OneOf(['fact', 'opinion'] as const)),
}, { additionalProperties: false });
const Moved = Type.Object({ entryId: Uuid(), clientId: Uuid() });

const noNote = () => notFound('Deze werkaantekening bestaat niet.', 'This work note does not exist.');

export function workNoteRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  const tags = ['work notes'];

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/work-notes',
    schema: { tags, summary: 'Write a personal work note about this client (outside the dossier, only for you)', params: ClientParams, body: NewNote, response: { 201: Note } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'record', part: PART }),
    handler: async (scope, request, reply) => {
      const note = await addWorkNote(scope, masterKey, {
        text: request.body.text, expiresInDays: request.body.expiresInDays ?? deps.config.workNoteDays, maxBytes: deps.config.maxEntryBytes,
      });
      reply.code(201);
      return note;
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/work-notes',
    schema: { tags, summary: 'Your own personal work notes (nobody else\'s), newest first', response: { 200: Type.Object({ notes: Type.Array(Note) }) } },
    kind: 'own', subject: () => ({ kind: 'own' }), intent: () => ({ action: 'read', part: PART }),
    handler: async (scope) => ({ notes: await listOwnNotes(scope, masterKey) }),
  });

  gatedRoute(app, deps, {
    method: 'DELETE', url: '/api/work-notes/:noteId',
    schema: { tags, summary: 'Destroy one of your personal work notes', params: NoteParams, response: { 204: Type.Null() } },
    kind: 'own', subject: () => ({ kind: 'own' }), intent: () => ({ action: 'record', part: PART }),
    handler: async (scope, request, reply) => {
      if (!await deleteOwnNote(scope, request.params.noteId)) throw noNote();
      reply.code(204);
      return null;
    },
  });

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/work-notes/:noteId/move-into-dossier',
    schema: {
      tags, summary: 'Turn your work note into a dossier entry (from then on under the client\'s rights); the note is removed',
      params: NoteParams, body: MoveBody, response: { 201: Moved },
    },
    // The client is the one the caller's own note is about; the normal entry path decides recording in the entry's part, and logs it.
    kind: 'client',
    subject: async (request, ctx) => {
      const clientId = await ownNoteClient(deps.db, ctx, request.params.noteId);
      if (clientId === undefined) throw noNote();
      return { kind: 'client', clientId };
    },
    intent: (request) => ({ action: 'record', part: partOfEntryKind(request.body.kind) }),
    handler: async (scope, request, reply) => {
      const text = await takeOwnNote(scope, masterKey, request.params.noteId);
      if (text === undefined) throw noNote();
      const entry = await addEntry(scope, masterKey, deps.config.maxEntryBytes, { ...request.body, text });
      reply.code(201);
      return { entryId: entry.id, clientId: scope.client.id };
    },
  });
}
