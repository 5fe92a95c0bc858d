/** HTTP routes for the disclosure register: per client, and organisation-wide for the privacy officer. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { Part, StatutoryBasis } from '../rules/index.js';
import { listDisclosures, organisationRegister, recordDisclosure } from './disclosure-service.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const BASES = ['consent', 'family-guardian-threat', 'research', ...Object.values(StatutoryBasis)] as const;
const RESEARCH_GROUNDS = ['consent-not-possible', 'consent-not-required'] as const;
const DisclosureSchema = Type.Object({
  id: Uuid(), recipient: Type.String(), basis: Type.String(), part: Type.String(), disclosedOn: Type.String(), clientToldBeforehand: Type.Boolean(),
  researchGround: Type.Unsafe<(typeof RESEARCH_GROUNDS)[number] | null>({ type: 'string', enum: [...RESEARCH_GROUNDS, null], nullable: true }),
  // The dossier entry that records it; null once the dossier was destroyed (the register row stays, 0018).
  citations: Type.Array(Type.String()), entryId: Type.Unsafe<string | null>({ type: 'string', format: 'uuid', nullable: true }),
});
const NewDisclosureBody = Type.Object({
  recipient: Type.String({ minLength: 1, maxLength: 300 }),
  basis: OneOf(BASES),
  consentId: Type.Optional(Uuid()),
  part: OneOf(Object.values(Part)),
  what: Type.String({ minLength: 1, maxLength: 5000 }),
  disclosedOn: Type.String({ format: 'date' }),
  clientToldBeforehand: Type.Boolean(),
  notToldBecause: Type.Optional(Type.String({ maxLength: 2000 })),
  /** Statistics or research without consent (Jeugdwet 7.3.12; BW 7:458): the exception's facts; the engine decides. */
  research: Type.Optional(Type.Object({
    ground: OneOf(RESEARCH_GROUNDS),
    notTraceable: Type.Boolean({ description: 'The data go in a form that prevents tracing them to the client (lid 1(b))' }),
    publicInterestAndNecessary: Type.Boolean({ description: 'The research serves the public interest and cannot be done without these data (lid 2(a)-(b))' }),
    clientObjected: Type.Boolean({ description: 'The client, or whoever acts for them, explicitly objected (lid 2(c))' }),
    explanation: Type.String({ minLength: 10, maxLength: 2000, description: 'The safeguards and why consent is not asked; written in the dossier entry' }),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

export function disclosureRoutes(app: FastifyInstance, deps: AppDeps): void {
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/disclosures',
    schema: { tags: ['disclosures'], summary: 'What was shared with whom, when and on what basis', params: ClientParams, response: { 200: Type.Object({ disclosures: Type.Array(DisclosureSchema) }) } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope) => ({ disclosures: await listDisclosures(scope, deps.masterKey) }),
  });
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/disclosures',
    schema: { tags: ['disclosures'], summary: 'Record a disclosure, checked by the engine; also written as a dossier entry', params: ClientParams, body: NewDisclosureBody, response: { 201: DisclosureSchema } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'record-disclosure', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const disclosure = await recordDisclosure(scope, deps.masterKey, request.body);
      reply.code(201);
      return disclosure;
    },
  });
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/privacy/disclosures',
    schema: { tags: ['privacy officer'], summary: 'The organisation\'s disclosure register (privacy officer)', response: { 200: Type.Object({ disclosures: Type.Array(Type.Intersect([DisclosureSchema, Type.Object({ clientId: Uuid(), clientName: Type.String(), recordedBy: NullableString() })])) }) } },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: async (scope) => {
      const disclosures = await organisationRegister(scope, deps.masterKey);
      scope.concerns(disclosures.map((d) => d.clientId));
      return { disclosures };
    },
  });
}
