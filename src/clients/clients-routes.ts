/** HTTP routes for clients' formal data: register, list, read. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ListScope } from '../access/gate.js';
import type { AppDeps } from '../http/app-deps.js';
import { NullableObject, NullableString, OneOf, Uuid as UuidSchema } from '../http/schema-helpers.js';
import { gatedRoute } from '../http/gated-route.js';
import { editFormalData, findClients, finderOf, listCandidates, readClient, registerClient, validateNewClient } from './clients-service.js';

const Uuid = UuidSchema();
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

const NewClientBody = Type.Object({
  bsn: Type.Optional(Type.String({ pattern: '^[0-9]{9}$', description: 'Burgerservicenummer; must pass the elfproef' })),
  familyName: Text(200),
  givenNames: Text(200),
  birthDate: DateOnly,
  gender: OneOf(['female', 'male', 'other', 'unknown'] as const),
  streetAddress: Type.Optional(Text(300)),
  postcode: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{3} ?[A-Za-z]{2}$' })),
  town: Type.Optional(Text(200)),
  phone: Type.Optional(Type.String({ pattern: '^[+0-9 ()-]{6,20}$' })),
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  identityCheck: Type.Optional(Type.Object({
    documentType: OneOf(['passport', 'identity-card', 'driving-licence', 'residence-permit', 'other'] as const),
    checkedAt: Type.String({ format: 'date-time' }),
  }, { additionalProperties: false })),
  careStartedOn: Type.Optional(DateOnly),
}, { additionalProperties: false });

const ClientSummary = Type.Object({
  id: Uuid, familyName: Type.String(), givenNames: Type.String(), birthDate: Type.String(),
  // The last day of care once its end is recorded (issue 15): not an active client.
  careEndedOn: Type.Optional(NullableString()),
});
const ClientList = Type.Object({ clients: Type.Array(ClientSummary) });
const Person = Type.Object({ id: Type.String(), name: Type.String(), function: Type.String() });

/** The history of formal data changed after registration: on the client's request (AVG 16), or edited with how it became known. */
const Corrections = Type.Array(Type.Object({
  field: Type.String(), oldValue: NullableString(), newValue: Type.String(), correctedBy: Type.String(), correctedAt: Type.String(),
  requestId: Type.Union([Uuid, Type.Null()]), reason: NullableString(),
}));

/** A new address or contact details, with how they became known (at least one field). */
const FormalDataEdit = Type.Object({
  streetAddress: Type.Optional(Text(300)),
  postcode: Type.Optional(Type.String({ maxLength: 20 })),
  town: Type.Optional(Text(200)),
  phone: Type.Optional(Type.String({ maxLength: 40 })),
  email: Type.Optional(Type.String({ maxLength: 254 })),
  reason: Type.String({ minLength: 1, maxLength: 500, description: 'How the new details became known, e.g. "passed on by the mother, by phone".' }),
}, { additionalProperties: false });

const ClientRecord = Type.Object({
  id: Uuid, familyName: Type.String(), givenNames: Type.String(), birthDate: Type.String(),
  bsn: NullableString(), gender: Type.String(),
  streetAddress: NullableString(), postcode: NullableString(), town: NullableString(),
  phone: NullableString(), email: NullableString(),
  identityChecks: Type.Array(Type.Object({ documentType: Type.String(), checkedBy: Type.String(), checkedAt: Type.String() })),
  relations: Type.Array(Type.Object({
    id: Uuid, relation: Type.String(), hasCustody: Type.Boolean(), custodyKind: NullableString(), familyName: Type.String(),
    givenNames: Type.String(), establishedHow: Type.String(), validFrom: Type.String(), validTo: NullableString(),
    /** How custody came about (migration 0048: by law, recognition, a court's decision, …); null without custody. */
    custodyEstablishedBy: NullableString(),
  })),
  dossier: NullableObject(Type.Object({ holder: Person, careStartedOn: Type.String(), careEndedOn: NullableString() })),
  createdAt: Type.String(),
  corrections: Corrections,
  processingRestriction: NullableObject(Type.Object({ since: Type.String(), requestId: Uuid, notice: Type.String() })),
  transfer: NullableObject(Type.Object({ id: Uuid, recipient: Type.String(), recipientKind: Type.String(), transferredOn: Type.String() })),
  families: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  retention: NullableObject(Type.Object({ keptUntil: NullableString(), held: Type.Boolean(), explanation: Type.String() })),
  death: NullableObject(Type.Object({ diedOn: Type.String(), wishInLife: Type.String(), recordedBy: Type.String(), recordedAt: Type.String() })),
  representatives: NullableObject(Type.Object({ rank: Type.Integer(), relationIds: Type.Array(Uuid) })),
  /** The caller's own confirmed emergency access that runs now, and when it ends (the banner with the time left). */
  emergencyAccess: NullableObject(Type.Object({ startedAt: Type.String(), expiresAt: Type.String() })),
});

const ListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
}, { additionalProperties: false });

const SearchBody = Type.Object({
  nameContains: Type.String({ minLength: 2, maxLength: 100, description: 'Part of the given names or family name, case-insensitive.' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

const ClientParams = Type.Object({ clientId: Uuid }, { additionalProperties: false });

/** One of: a part of the name, a birth date, a BSN (issue 15: one search box on the caseload). */
const FindBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 2, maxLength: 100, description: 'Part of the given names or family name, case-insensitive (at least 2 letters).' })),
  birthDate: Type.Optional(DateOnly),
  bsn: Type.Optional(Type.String({ pattern: '^[0-9]{9}$', description: 'Burgerservicenummer, exact' })),
}, { additionalProperties: false, description: 'Exactly one of name, birthDate, bsn.' });
/** A client the caller may see (with birth date), or one outside their reach they could break the glass for: name and birth year only. */
const FoundClient = Type.Union([
  Type.Object({
    shown: Type.Literal('client'), id: Uuid, familyName: Type.String(), givenNames: Type.String(), birthDate: Type.String(), birthYear: Type.Integer(),
    inCaseload: Type.Boolean({ description: 'The caller has a care relation with the client now.' }),
  }, { additionalProperties: false }),
  Type.Object({
    shown: Type.Literal('existence'), id: Uuid, familyName: Type.String(), givenNames: Type.String(), birthYear: Type.Integer(),
  }, { additionalProperties: false, description: 'Outside the caller\'s caseload: only that the client exists; the id serves to ask emergency access.' }),
]);

export function clientsRoutes(app: FastifyInstance, deps: AppDeps): void {
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients',
    schema: { tags: ['clients'], summary: 'Register a client (formal data)', body: NewClientBody, response: { 201: Type.Object({ id: Uuid }) } },
    kind: 'new-client',
    // The form is checked before the gate, as before: a mistyped form is a 400, not a refused registration in the log.
    subject: (request, ctx) => {
      validateNewClient(request.body, ctx.now);
      return { kind: 'new-client', born: request.body.birthDate };
    },
    intent: () => 'register',
    handler: async (scope, request, reply) => {
      const outcome = await registerClient(scope, deps.masterKey, request.body);
      reply.code(201);
      return { id: outcome.clientId };
    },
  });

  const listClients = async (scope: ListScope, query: { limit?: number; offset?: number; nameContains?: string }) => {
    const wholeOrganisation = scope.actor.role === 'admin-staff';
    const candidates = await listCandidates(scope, {
      wholeOrganisation, limit: query.limit ?? 50, offset: query.offset ?? 0, nameContains: query.nameContains,
    });
    const clients = await scope.admit(candidates, (candidate) => candidate.id);
    return { clients: clients.map(({ id, familyName, givenNames, birthDate, careEndedOn }) => ({ id, familyName, givenNames, birthDate, careEndedOn })) };
  };

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients',
    schema: { tags: ['clients'], summary: 'My clients (caseload), or all for administrative roles', querystring: ListQuery, response: { 200: ClientList } },
    kind: 'client-list', subject: () => ({ kind: 'client-list' }), intent: () => 'read',
    handler: (scope, request) => listClients(scope, request.query),
  });

  // A POST, so a client's name never appears in a URL (and so in no proxy or server log).
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/search',
    schema: { tags: ['clients'], summary: 'Search my clients (or, for administrative roles, all) by name', body: SearchBody, response: { 200: ClientList } },
    kind: 'client-list', subject: () => ({ kind: 'client-list' }), intent: () => 'read',
    handler: (scope, request) => listClients(scope, request.body),
  });

  // Finding a client in the whole organisation (issue 15): outside the caseload only that the client exists, and only
  // for whom the caller could break the glass (the engine's emergency rule, the organisation's setting). A POST, so
  // a name, birth date or BSN never appears in a URL.
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/find',
    schema: {
      tags: ['clients'],
      summary: 'Find a client in the organisation by part of the name, birth date or BSN; outside one\'s caseload only name and birth year',
      description: 'Exactly one of name (at least 2 letters), birthDate or bsn (exact). At most 20 clients. Clients the caller may see come with '
        + 'their birth date; for clients outside the caller\'s reach, shown only to roles that may break the glass in this organisation '
        + '(never an intern for a client who objected to interns), only name and birth year, and the id to ask emergency access with. '
        + 'Every client shown is logged; those outside the caseload with the purpose find-client-for-emergency-access.',
      body: FindBody, response: { 200: Type.Object({ clients: Type.Array(FoundClient) }) },
    },
    kind: 'client-list',
    // The form is checked before the gate: a search without one criterion is a 400, not a list in the log.
    subject: (request) => {
      finderOf(request.body);
      return { kind: 'client-list' };
    },
    intent: () => 'read',
    handler: async (scope, request) => ({ clients: await findClients(scope, finderOf(request.body)) }),
  });

  gatedRoute(app, deps, {
    method: 'GET',
    url: '/api/clients/:clientId',
    schema: { tags: ['clients'], summary: 'A client\'s formal data and dossier holder', params: ClientParams, response: { 200: ClientRecord } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: (scope) => readClient(scope, deps.masterKey),
  });

  // Keeping the address and contact details up to date is recording administrative data (004 C; Jeugdwet 7.2.4):
  // the engine's recording decision for that part (those who give the care and administrative staff).
  gatedRoute(app, deps, {
    method: 'PATCH',
    url: '/api/clients/:clientId/formal-data',
    schema: {
      tags: ['clients'], summary: 'Change the client\'s address or contact details; the old values stay in the history with how the new ones became known',
      params: ClientParams, body: FormalDataEdit, response: { 200: Type.Object({ corrections: Corrections }) },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'record', part: 'administrative-data' }),
    handler: async (scope, request) => {
      const { reason, ...changes } = request.body;
      return { corrections: await editFormalData(scope, changes, reason) };
    },
  });
}
