/**
 * The client portal's dossier view and "who has seen my dossier" (issue 19 items 2 and 3). Every route enters the
 * gate's portal door: the engine decides for the logged-in person today, the act is logged with the portal account
 * as the user, a refusal is 403 with the engine's Dutch explanation. Shapes: /work/coord/PORTAL.md "## API (view)".
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../http/app-deps.js';
import { NullableString, Uuid } from '../../http/schema-helpers.js';
import { portalRoute } from '../portal-route.js';
import { portalAccessLog } from './portal-access-log.js';
import { portalDossier, portalEntryOf, portalGeneralInformation } from './portal-dossier.js';

const Withheld = Type.Object({ ground: Type.String(), basis: Type.Array(Type.String()) });
// Both variants (a shown entry, the notice of a withheld one: portal-dossier.ts PortalEntry) in one object, not a oneOf
// (which the serializer would check per entry); what both always carry is required.
const Entry = Type.Unsafe<unknown>({
  type: 'object',
  required: ['shown', 'recordedAt', 'recordedOnText'],
  properties: {
    shown: { type: 'boolean' }, id: { type: 'string' }, kindLabel: { type: 'string' }, title: { type: 'string', nullable: true }, text: { type: 'string' },
    recordedAt: { type: 'string' }, recordedOnText: { type: 'string' }, author: { type: 'string' }, source: { type: 'string' },
    statementType: { type: 'string', nullable: true }, releasedOn: { type: 'string' }, releasedOnText: { type: 'string' },
    annotations: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, reason: { type: 'string' }, recordedAt: { type: 'string' } } } },
    withheldPassages: { type: 'array', items: Withheld },
    statements: {
      type: 'array',
      items: { type: 'object', properties: { text: { type: 'string' }, recordedAt: { type: 'string' }, recordedOnText: { type: 'string' }, source: { type: 'string' } } },
    },
    withheld: Withheld,
  },
});
const Reader = Type.Object({ name: Type.String(), role: Type.String() });
const Dossier = Type.Object({
  reader: Reader, today: Type.String(), todayText: Type.String(), explanation: Type.String(), basis: Type.Array(Type.String()),
  entries: Type.Array(Entry),
  inspectionOnly: Type.Array(Type.Object({ recordedAt: Type.String(), recordedOnText: Type.String(), title: NullableString() })),
  notYetReleased: Type.Object({ count: Type.Integer(), nextVisibleOn: NullableString(), nextVisibleOnText: NullableString(), explanation: Type.String() }),
});
const Item = Type.Object({ date: Type.String(), dateText: Type.String(), title: NullableString(), text: Type.String() });
const GeneralInformation = Type.Object({
  reader: Reader, explanation: Type.String(), basis: Type.Array(Type.String()),
  careStartedOn: NullableString(), careStartedOnText: NullableString(), careEndedOn: NullableString(), careEndedOnText: NullableString(),
  goals: Type.Array(Item), results: Type.Array(Item), withheld: Type.Integer(),
});
const Line = Type.Object({
  seq: Type.String(), at: Type.String(), atText: Type.String(), who: Type.Object({ name: Type.String(), function: Type.String() }),
  what: Type.String(), action: Type.String(), basis: Type.String(), count: Type.Integer(),
  emergency: Type.Union([Type.Null(), Type.Object({ reviewed: Type.Boolean(), justified: Type.Union([Type.Boolean(), Type.Null()]), outcome: Type.String() })]),
});
const LogQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  before: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$' })),
}, { additionalProperties: false });

export function portalViewRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  const tags = ['portal'];

  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/dossier',
    schema: { tags, summary: 'The dossier as the logged-in person may see it today: released entries, the reason beside what is withheld', response: { 200: Dossier } },
    intent: () => ({ action: 'inspect', part: 'dossier', byPart: true }),
    handler: (scope) => portalDossier(scope, masterKey),
  });

  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/dossier/entries/:entryId',
    schema: {
      tags, summary: 'One entry, if released and not withheld from this person (403 with the reason; 404 for an id not in this dossier)',
      params: Type.Object({ entryId: Uuid() }, { additionalProperties: false }), response: { 200: Entry },
    },
    intent: () => ({ action: 'inspect', part: 'dossier', byPart: true }),
    handler: (scope, request) => portalEntryOf(scope, masterKey, request.params.entryId),
  });

  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/general-information',
    schema: { tags, summary: 'General information about the care (BW 1:377c): start, end, goals and results, from the released plans and evaluations', response: { 200: GeneralInformation } },
    intent: () => ({ action: 'general-information', part: 'dossier' }),
    handler: (scope) => portalGeneralInformation(scope, masterKey),
  });

  portalRoute(app, deps, {
    method: 'GET', url: '/api/portal/access-log',
    schema: {
      tags, summary: 'Who has seen my dossier: who, when, what part, on what basis; emergency accesses with their review (for those who may inspect the dossier)',
      querystring: LogQuery, response: { 200: Type.Object({ lines: Type.Array(Line), nextBefore: NullableString(), explanation: Type.String(), basis: Type.Array(Type.String()) }) },
    },
    intent: () => ({ action: 'inspect', part: 'dossier' }),
    handler: (scope, request) => {
      const { limit = 50, before } = request.query;
      return portalAccessLog(scope, { limit, ...(before === undefined ? {} : { before }) });
    },
  });
}
