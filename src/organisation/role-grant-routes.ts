/**
 * The second person's side of a privileged role grant: a manager or the
 * privacy officer sees the grants awaiting approval and approves or refuses
 * each (`decideRoleGrant`: not the employee concerned, not whoever asked).
 * Refusals are 403 with the rule's Dutch explanation and a row in the access
 * log; decisions are rows too (administration-log.ts).
 *
 * They enter the gate as administration of role grants (`decidePendingGrantsView`
 * decides who may look or decide at all), in the handler, after validation:
 * these routes take no body, and a body naming fields is bad input (400)
 * whoever sends it.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AdministrationArea } from '../access/gate.js';
import { AppError, notFound } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableString, Uuid } from '../http/schema-helpers.js';
import { AdministrationAct, type AdministrationDetails } from './administration-log.js';
import { decideRoleGrant } from './role-grant-rule.js';
import { roleGrantsOf } from './employee-store.js';

const Grant = Type.Object({
  id: Type.String(),
  employee: Type.Object({
    id: Type.String(), username: Type.String(), displayName: Type.String(), functionTitle: Type.String(),
    currentRole: NullableString(),
    enrolled: Type.Boolean({ description: 'The employee has set their own password and second factor; only then can the grant be approved.' }),
  }, { additionalProperties: false }),
  role: Type.String(),
  reason: Type.String({ description: 'new-account, role-change or reset' }),
  requestedBy: Type.Object({ id: Type.String(), displayName: Type.String() }, { additionalProperties: false }),
  requestedAt: Type.String({ format: 'date-time' }),
  mayDecide: Type.Boolean({ description: 'Whether the caller may decide this grant (not their own, not one they asked for).' }),
}, { additionalProperties: false });

const GrantParams = Type.Object({ grantId: Uuid() }, { additionalProperties: false });
const Decided = Type.Object({ id: Type.String(), outcome: Type.String() }, { additionalProperties: false });

const roleGrants = { kind: 'administration', area: AdministrationArea.roleGrants } as const;

export function roleGrantRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['administration'];

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/role-grants',
    schema: {
      tags, summary: 'Privileged roles awaiting a second person\'s approval (managers and the privacy officer)',
      response: { 200: Type.Object({ grants: Type.Array(Grant) }, { additionalProperties: false }) },
    },
    kind: 'administration', subject: () => roleGrants, intent: () => ({ act: AdministrationAct.viewRoleGrants }),
    handler: async (scope) => {
      const { actor } = scope;
      const grants = await roleGrantsOf(scope).listPending();
      return {
        grants: grants.map((g) => ({
          ...g,
          mayDecide: decideRoleGrant({ approver: { employeeId: actor.employeeId, role: actor.role }, grant: { employeeId: g.employee.id, requestedBy: g.requestedBy.id } }).allowed,
        })),
      };
    },
  });

  for (const [action, approve] of [['approve', true], ['refuse', false]] as const) {
    const act = approve ? AdministrationAct.approveRole : AdministrationAct.refuseRole;
    gatedRoute(app, deps, {
      method: 'POST', url: `/api/role-grants/:grantId/${action}`,
      schema: {
        tags, summary: approve ? 'Approve a privileged role: it takes effect at once' : 'Refuse a privileged role: the account keeps the role it had (a new account: none)',
        params: GrantParams, response: { 200: Decided },
      },
      // Who may decide at all comes before whether the grant exists: no existence leak to others.
      kind: 'administration', subject: () => roleGrants, intent: (request) => ({ act, details: { grant: request.params.grantId } }),
      handler: async (scope, request) => {
        const { grantId } = request.params;
        const { actor } = scope;
        const grants = roleGrantsOf(scope);
        const grant = await grants.findPending(grantId);
        if (grant === undefined) throw notFound('Deze aanvraag bestaat niet of is al beslist.', 'No such pending role grant.');
        const details: AdministrationDetails = { employee: grant.employee.id, role: grant.role, grant: grant.id };
        const decision = decideRoleGrant({
          approver: { employeeId: actor.employeeId, role: actor.role }, grant: { employeeId: grant.employee.id, requestedBy: grant.requestedBy.id },
        });
        if (!decision.allowed) scope.refuse(decision, act, details);
        if (approve && !grant.employee.enrolled) {
          throw new AppError('enrolment-not-completed', 409,
            'Deze medewerker heeft de uitnodigingslink nog niet gebruikt. Keur de rol goed nadat de medewerker zelf een wachtwoord en tweede stap heeft ingesteld, en vraag even na of dat zo is.',
            'The employee has not used the enrolment link yet. Approve the role once they have set their own password and second factor, and check with them that they did.');
        }
        if (!await grants.decide(grant, approve)) throw notFound('Deze aanvraag bestaat niet of is al beslist.', 'No such pending role grant.');
        scope.record(act, details, decision.citations);
        request.log.info({ event: approve ? 'role-grant-approved' : 'role-grant-refused', by: actor.employeeId, grantId }, 'role grant decided');
        return { id: grant.id, outcome: approve ? 'approved' : 'refused' };
      },
    });
  }
}
