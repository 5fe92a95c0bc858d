/**
 * HTTP routes for family dossiers: create a family from dossiers you work on,
 * add a member, and read and write the family part. A member's own dossier is
 * reached through /api/clients/{id} as always.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { OneOf, Uuid } from '../http/schema-helpers.js';
import { addMembers, createFamily, FAMILY_ENTRY_KINDS, listFamilyEntries, readFamily, recordFamilyEntry } from './family-service.js';

const FamilyParams = Type.Object({ familyId: Uuid() }, { additionalProperties: false });
const FamilySchema = Type.Object({
  id: Type.String(), name: Type.String(),
  members: Type.Array(Type.Object({ clientId: Type.String(), name: Type.String() }, { additionalProperties: false })),
}, { additionalProperties: false });
const NewFamily = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  memberIds: Type.Array(Uuid(), { minItems: 1, maxItems: 20, uniqueItems: true }),
}, { additionalProperties: false });
const NewMember = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const EntrySchema = Type.Object({
  id: Type.String(), kind: Type.String(), text: Type.String(), recordedAt: Type.String(),
  author: Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false }),
}, { additionalProperties: false });
const NewEntry = Type.Object({ kind: OneOf(FAMILY_ENTRY_KINDS), text: Type.String({ minLength: 1, maxLength: 100_000 }) }, { additionalProperties: false });

export function familyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['families'];

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/families',
    schema: { tags, summary: 'Link dossiers you work on into a family (family part with its own entries)', body: NewFamily, response: { 201: FamilySchema } },
    kind: 'family-linking', subject: (request) => ({ kind: 'family-linking', familyId: randomUUID(), memberIds: request.body.memberIds, into: 'new' }),
    intent: () => 'link',
    handler: async (scope, request, reply) => {
      await createFamily(scope, deps.masterKey, request.body.name);
      reply.code(201);
      return readFamily(scope);
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/families/:familyId',
    schema: { tags, summary: 'A family and its members', params: FamilyParams, response: { 200: FamilySchema } },
    kind: 'family', subject: (request) => ({ kind: 'family', familyId: request.params.familyId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: readFamily,
  });

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/families/:familyId/members',
    schema: { tags, summary: 'Add a client you work on to a family you may open', params: FamilyParams, body: NewMember, response: { 200: FamilySchema } },
    // First the family part (may you open it?), then the new member's dossier (may you record in it?).
    kind: 'family-linking', subject: (request) => ({ kind: 'family-linking', familyId: request.params.familyId, memberIds: [request.body.clientId], into: 'existing' }),
    intent: () => 'link',
    handler: async (scope, request) => {
      await addMembers(scope, [request.body.clientId]);
      return readFamily(scope);
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/families/:familyId/entries',
    schema: { tags, summary: 'The family part: entries about the family as a whole', params: FamilyParams, response: { 200: Type.Object({ entries: Type.Array(EntrySchema) }, { additionalProperties: false }) } },
    kind: 'family', subject: (request) => ({ kind: 'family', familyId: request.params.familyId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope) => ({ entries: await listFamilyEntries(scope, deps.masterKey) }),
  });

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/families/:familyId/entries',
    schema: { tags, summary: 'Write in the family part', params: FamilyParams, body: NewEntry, response: { 201: EntrySchema } },
    kind: 'family', subject: (request) => ({ kind: 'family', familyId: request.params.familyId }),
    intent: () => ({ action: 'record', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const entry = await recordFamilyEntry(scope, deps.masterKey, request.body);
      reply.code(201);
      return entry;
    },
  });
}
