/**
 * The professional's side of releasing entries to the client portal (issue 19 item 2): per entry from when it is in
 * the portal, and the holder's release or withholding. Both through the gate as client acts (rules/acts.ts
 * `release-to-portal`, `withhold-from-portal`): a refusal is 403 with the engine's explanation and a log row.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { employeeOf } from '../../access/policy.js';
import type { CareRelation } from '../../organisation/employee-roles.js';
import type { AppDeps } from '../../http/app-deps.js';
import { gatedRoute } from '../../http/gated-route.js';
import { NullableString, OneOf, Uuid } from '../../http/schema-helpers.js';
import { WITHHOLD_GROUNDS } from '../../rules/decide-portal-release.js';
import { Act, decideAct } from '../../rules/index.js';
import { calendarDate } from '../../shared/calendar-date.js';
import { badRequest } from '../../errors.js';
import { decideEntryRelease, entryReleases, type ReleaseBody } from './release-service.js';
import { releasesOf } from './release-store.js';

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const EntryParams = Type.Object({ clientId: Uuid(), entryId: Uuid() }, { additionalProperties: false });

const Release = Type.Object({
  entryId: Type.String(),
  state: OneOf(['released', 'waiting', 'withheld'] as const),
  visibleFrom: NullableString(),
  text: Type.String({ description: 'Dutch: "Zichtbaar in portaal vanaf …", "In het portaal sinds …", "Niet in het portaal: achtergehouden om …".' }),
  ground: NullableString(),
  decidedBy: NullableString(),
  consulted: NullableString(),
});

// One closed object (every body is an object: route-hook.test.ts); a withholding's own fields are checked in `releaseBodyOf`.
const Body = Type.Object({
  decision: OneOf(['release', 'withhold'] as const),
  ground: Type.Optional(OneOf(WITHHOLD_GROUNDS)),
  consultedEmployeeId: Type.Optional(Uuid()),
  reason: Type.Optional(Type.String({ minLength: 5, maxLength: 2000 })),
}, { additionalProperties: false });

/** The body as the service takes it: a release names nothing more; a withholding its ground and reason (400 otherwise). */
function releaseBodyOf(body: Static<typeof Body>): ReleaseBody {
  if (body.decision === 'release') {
    const extra = (['ground', 'consultedEmployeeId', 'reason'] as const).find((field) => body[field] !== undefined);
    if (extra !== undefined) {
      throw badRequest('field-not-for-decision', extra, 'Vrijgeven heeft geen grond, geraadpleegde of reden nodig; laat dit veld weg.',
        'A release takes no ground, consulted professional or reason; leave this field out.');
    }
    return { decision: 'release' };
  }
  if (body.ground === undefined) {
    throw badRequest('field-required', 'ground', 'Kies de grond waarop u dit stuk achterhoudt.', 'Choose the ground for withholding this entry.');
  }
  if (body.reason === undefined) {
    throw badRequest('field-required', 'reason', 'Schrijf de reden op waarom u dit stuk achterhoudt.', 'Write down why you withhold this entry.');
  }
  return {
    decision: 'withhold', ground: body.ground, reason: body.reason,
    ...(body.consultedEmployeeId === undefined ? {} : { consultedEmployeeId: body.consultedEmployeeId }),
  };
}

export function releaseRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  const tags = ['portal'];

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/portal-releases',
    schema: {
      tags, summary: 'From when each entry is in the client portal, and whether the caller may release or withhold entries',
      params: ClientParams,
      response: { 200: Type.Object({ releaseDays: Type.Integer(), releases: Type.Array(Release), mayRelease: Type.Boolean(), mayWithhold: Type.Boolean() }) },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope) => {
      // Whether the buttons are shown: the engine's answer to the acts for who the caller is for this client today.
      const today = calendarDate(scope.now);
      const relation = await releasesOf(scope).relationOf(scope.actor.employeeId, today);
      const employee = employeeOf(scope.actor.role, (relation ?? undefined) as CareRelation | undefined);
      const may = (act: Act) => decideAct({ act, employee, on: today, client: { born: scope.client.birthDate } }).outcome === 'allow';
      return { ...await entryReleases(scope), mayRelease: may(Act.releaseToPortal), mayWithhold: may(Act.withholdFromPortal) };
    },
  });

  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/entries/:entryId/portal-release',
    schema: {
      tags,
      summary: 'The holder releases an entry to the client portal now, or withholds it: serious harm after consulting another professional (Jeugdwet 7.3.2 lid 4) or another\'s privacy (7.3.10)',
      params: EntryParams, body: Body, response: { 201: Release },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: (request) => ({ action: request.body.decision === 'release' ? Act.releaseToPortal : Act.withholdFromPortal, part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const release = await decideEntryRelease(scope, masterKey, request.params.entryId, releaseBodyOf(request.body));
      reply.code(201);
      return release;
    },
  });
}
