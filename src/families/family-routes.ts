/**
 * HTTP routes for family dossiers: create a family from dossiers you work on,
 * add a member, and read and write the family part. A member's own dossier is
 * reached through /api/clients/{id} as always.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { withFamilyAccess, withFamilyLinking } from '../access/client-access.js';
import type { AppDeps } from '../http/app-deps.js';
import { contextOf } from '../http/request-context.js';
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

  app.post('/api/families', {
    schema: { tags, summary: 'Link dossiers you work on into a family (family part with its own entries)', body: NewFamily, response: { 201: FamilySchema } },
  }, async (request, reply) => {
    const ctx = contextOf(request, deps.now());
    const { name, memberIds } = request.body as Static<typeof NewFamily>;
    const family = await withFamilyLinking(deps.db, ctx, randomUUID(), memberIds, async (scope) => {
      await createFamily(scope.tx, deps.masterKey, scope.organisationId, scope.actor.employeeId, scope.now, name, scope.members, scope.familyId);
      return readFamily(scope);
    });
    return reply.code(201).send(family);
  });

  app.get('/api/families/:familyId', {
    schema: { tags, summary: 'A family and its members', params: FamilyParams, response: { 200: FamilySchema } },
  }, async (request) => {
    const { familyId } = request.params as Static<typeof FamilyParams>;
    return withFamilyAccess(deps.db, contextOf(request, deps.now()), familyId, { action: 'read', part: 'dossier' }, readFamily);
  });

  app.post('/api/families/:familyId/members', {
    schema: { tags, summary: 'Add a client you work on to a family you may open', params: FamilyParams, body: NewMember, response: { 200: FamilySchema } },
  }, async (request) => {
    const ctx = contextOf(request, deps.now());
    const { familyId } = request.params as Static<typeof FamilyParams>;
    const { clientId } = request.body as Static<typeof NewMember>;
    // First the family part (may you open it?), then the new member's dossier (may you record in it?).
    await withFamilyAccess(deps.db, ctx, familyId, { action: 'record', part: 'dossier' }, () => Promise.resolve());
    return withFamilyLinking(deps.db, ctx, familyId, [clientId], async (scope) => {
      await addMembers(scope.tx, familyId, [clientId], scope.now);
      return readFamily(scope);
    });
  });

  app.get('/api/families/:familyId/entries', {
    schema: { tags, summary: 'The family part: entries about the family as a whole', params: FamilyParams, response: { 200: Type.Object({ entries: Type.Array(EntrySchema) }, { additionalProperties: false }) } },
  }, async (request) => {
    const { familyId } = request.params as Static<typeof FamilyParams>;
    const entries = await withFamilyAccess(deps.db, contextOf(request, deps.now()), familyId, { action: 'read', part: 'dossier' }, (scope) => listFamilyEntries(scope, deps.masterKey));
    return { entries };
  });

  app.post('/api/families/:familyId/entries', {
    schema: { tags, summary: 'Write in the family part', params: FamilyParams, body: NewEntry, response: { 201: EntrySchema } },
  }, async (request, reply) => {
    const { familyId } = request.params as Static<typeof FamilyParams>;
    const entry = await withFamilyAccess(deps.db, contextOf(request, deps.now()), familyId, { action: 'record', part: 'dossier' },
      (scope) => recordFamilyEntry(scope, deps.masterKey, request.body as Static<typeof NewEntry>));
    return reply.code(201).send(entry);
  });
}
