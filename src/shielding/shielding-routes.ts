/** HTTP routes for shielding and the reader-specific view of a granted inspection or copy request. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { readEntry } from '../dossier/dossier-service.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableObject, NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { readerOfRequest } from '../requests/request-service.js';
import { readerView } from './reader-view.js';
import { addContactDataShielding, addShielding, ENTRY_TARGETS, liftShielding, listShieldings, recordOtherPersonConsent } from './shielding-service.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const EntryParams = Type.Object({ clientId: Uuid(), entryId: Uuid() }, { additionalProperties: false });
const ShieldingParams = Type.Object({ clientId: Uuid(), shieldingId: Uuid() }, { additionalProperties: false });
const RequestParams = Type.Object({ clientId: Uuid(), requestId: Uuid() }, { additionalProperties: false });

const ShieldingSchema = Type.Object({
  id: Uuid(), entryId: NullableString(), kind: Type.String(),
  target: Type.String({ description: 'What it covers: text (a passage, or without one the whole entry), title, source, annotation, contact-data.' }),
  passage: NullableObject(Type.Object({ start: Type.Integer(), end: Type.Integer() })), annotationId: NullableString(),
  shieldedFrom: Type.Array(Type.String()), shieldedFromNames: Type.Array(Type.String()),
  reason: Type.String(), otherPersonConsentedOn: NullableString(), recordedAt: Type.String(),
});
const Reason = () => Type.String({ minLength: 5, maxLength: 2000 });
const ShieldedFrom = () => Type.Array(Uuid(), { maxItems: 20, uniqueItems: true });
const NewShieldingBody = Type.Object({
  kind: OneOf(['about-another-person', 'shielded-from'] as const),
  target: Type.Optional(OneOf(ENTRY_TARGETS)),
  passage: Type.Optional(Type.Object({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })),
  annotationId: Type.Optional(Uuid()),
  shieldedFrom: Type.Optional(ShieldedFrom()),
  reason: Reason(),
}, { additionalProperties: false });
const NewContactShieldingBody = Type.Object({ shieldedFrom: ShieldedFrom(), reason: Reason() }, { additionalProperties: false });
const LiftBody = Type.Object({ reason: Reason() }, { additionalProperties: false });

const Withheld = Type.Object({ ground: Type.String(), basis: Type.Array(Type.String()), field: Type.Optional(Type.String()) });
const View = Type.Object({
  entries: Type.Array(Type.Unsafe<unknown>({
    type: 'object',
    properties: {
      shown: { type: 'boolean' }, id: { type: 'string' }, kindLabel: { type: 'string' }, title: { type: 'string', nullable: true }, text: { type: 'string' },
      recordedAt: { type: 'string' }, author: { type: 'string' }, source: { type: 'string' }, statementType: { type: 'string', nullable: true },
      annotations: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, reason: { type: 'string' }, recordedAt: { type: 'string' } } } },
      withheldPassages: { type: 'array', items: Withheld },
      // The client's own statements beside the entry they dispute (AVG 16; 003 §3.4): without this the serializer drops them.
      statements: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, recordedAt: { type: 'string' }, source: { type: 'string' } } } },
      withheld: Withheld,
    },
  })),
  inspectionOnly: Type.Array(Type.Object({ recordedAt: Type.String(), title: NullableString() })),
  contactDataAllowed: Type.Boolean({ description: 'Whether the client\'s contact data may go to this reader in a copy or export.' }),
  contactDataWithheld: Type.Optional(Withheld),
});

export function shieldingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/shieldings',
    schema: { tags: ['shielding'], summary: 'Shieldings in force', params: ClientParams, response: { 200: Type.Object({ shieldings: Type.Array(ShieldingSchema) }) } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope) => ({ shieldings: await listShieldings(scope, masterKey) }),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/entries/:entryId/shieldings',
    schema: {
      tags: ['shielding'],
      summary: 'Shield a field of an entry — a passage or the whole text, the title, the source description or an annotation: information about another person, or shielded from named relations',
      params: EntryParams, body: NewShieldingBody, response: { 201: ShieldingSchema },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'shield', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const entry = await readEntry(scope, masterKey, request.params.entryId);
      const shielding = await addShielding(scope, masterKey, entry, request.body);
      reply.code(201);
      return shielding;
    },
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/contact-data/shieldings',
    schema: {
      tags: ['shielding'], summary: 'Shield the client\'s formal contact data (address, postcode, town, phone, e-mail) from named relations (the secret-address case)',
      params: ClientParams, body: NewContactShieldingBody, response: { 201: ShieldingSchema },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'shield', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const shielding = await addContactDataShielding(scope, masterKey, request.body);
      reply.code(201);
      return shielding;
    },
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/shieldings/:shieldingId/other-person-consent',
    schema: { tags: ['shielding'], summary: 'The other person consents to the information about them being shown', params: ShieldingParams, response: { 204: Type.Null() } },
    // The information about the other person becomes visible: in effect a lifting of the shielding.
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'lift-shielding', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      await recordOtherPersonConsent(scope, request.params.shieldingId);
      reply.code(204);
      return null;
    },
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/shieldings/:shieldingId/lift',
    schema: { tags: ['shielding'], summary: 'Lift a shielding with a reason (kept in the history)', params: ShieldingParams, body: LiftBody, response: { 204: Type.Null() } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'lift-shielding', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      await liftShielding(scope, masterKey, request.params.shieldingId, request.body.reason);
      reply.code(204);
      return null;
    },
  });
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/requests/:requestId/view',
    schema: {
      tags: ['requests'], summary: 'What the requester of a granted inspection or copy gets: shielding applied, withheld parts marked with their ground',
      params: RequestParams, response: { 200: View },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request) => readerView(scope, masterKey, await readerOfRequest(scope, request.params.requestId)),
  });
}
