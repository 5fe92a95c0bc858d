/**
 * The second person's side of a privileged role grant: a manager or the
 * privacy officer sees the grants awaiting approval and approves or refuses
 * each (`decideRoleGrant`: not the employee concerned, not whoever asked).
 * Refusals are 403 with the rule's Dutch explanation and a row in the access
 * log; decisions are rows too (administration-log.ts).
 *
 * The check runs in the handler, after validation: these routes take no
 * body, and a body naming fields is bad input (400) whoever sends it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AccessOutcome } from '../access/access-log.js';
import type { PolicyDecision } from '../access/policy.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import { contextOf } from '../http/request-context.js';
import { NullableString, Uuid } from '../http/schema-helpers.js';
import { AdministrationAct, logAdministration, type AdministrationDetails } from './administration-log.js';
import { decidePendingGrantsView, decideRoleGrant } from './role-grant-rule.js';
import { decideGrant, findPendingGrant, listPendingGrants } from './role-grants.js';

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

export function roleGrantRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['administration'];

  /** Logs a refusal in its own transaction and answers 403 with the rule's explanation. */
  async function refuse(request: FastifyRequest, decision: PolicyDecision, act: AdministrationAct, details: AdministrationDetails): Promise<never> {
    const ctx = contextOf(request, deps.now());
    await deps.db.transaction((tx) => logAdministration(tx, { kind: 'session', ctx }, act, details, { outcome: AccessOutcome.denied, citations: decision.citations }));
    throw forbidden(decision.explanationNl, decision.explanationEn, decision.citations);
  }

  app.get('/api/role-grants', {
    schema: {
      tags, summary: 'Privileged roles awaiting a second person\'s approval (managers and the privacy officer)',
      response: { 200: Type.Object({ grants: Type.Array(Grant) }, { additionalProperties: false }) },
    },
  }, async (request) => {
    const { actor } = contextOf(request, deps.now());
    const allowed = decidePendingGrantsView(actor.role);
    if (!allowed.allowed) return refuse(request, allowed, AdministrationAct.viewRoleGrants, {});
    const grants = await listPendingGrants(deps.db, actor.organisationId);
    return {
      grants: grants.map((g) => ({
        ...g,
        mayDecide: decideRoleGrant({ approver: { employeeId: actor.employeeId, role: actor.role }, grant: { employeeId: g.employee.id, requestedBy: g.requestedBy.id } }).allowed,
      })),
    };
  });

  for (const [action, approve] of [['approve', true], ['refuse', false]] as const) {
    app.post(`/api/role-grants/:grantId/${action}`, {
      schema: {
        tags, summary: approve ? 'Approve a privileged role: it takes effect at once' : 'Refuse a privileged role: the account keeps the role it had (a new account: none)',
        params: GrantParams, response: { 200: Decided },
      },
    }, async (request) => {
      const { grantId } = request.params as Static<typeof GrantParams>;
      const ctx = contextOf(request, deps.now());
      const act = approve ? AdministrationAct.approveRole : AdministrationAct.refuseRole;
      // Who may decide at all comes before whether the grant exists: no existence leak to others.
      const appointed = decidePendingGrantsView(ctx.actor.role);
      if (!appointed.allowed) return refuse(request, appointed, act, { grant: grantId });
      const grant = await findPendingGrant(deps.db, ctx.actor.organisationId, grantId);
      if (grant === undefined) throw notFound('Deze aanvraag bestaat niet of is al beslist.', 'No such pending role grant.');
      const details: AdministrationDetails = { employee: grant.employee.id, role: grant.role, grant: grant.id };
      const decision = decideRoleGrant({
        approver: { employeeId: ctx.actor.employeeId, role: ctx.actor.role }, grant: { employeeId: grant.employee.id, requestedBy: grant.requestedBy.id },
      });
      if (!decision.allowed) return refuse(request, decision, act, details);
      if (approve && !grant.employee.enrolled) {
        throw new AppError('enrolment-not-completed', 409,
          'Deze medewerker heeft de uitnodigingslink nog niet gebruikt. Keur de rol goed nadat de medewerker zelf een wachtwoord en tweede stap heeft ingesteld, en vraag even na of dat zo is.',
          'The employee has not used the enrolment link yet. Approve the role once they have set their own password and second factor, and check with them that they did.');
      }
      const now = deps.now();
      const done = await deps.db.transaction(async (tx) => {
        if (!await decideGrant(tx, grant, approve, ctx.actor.employeeId, now)) return false;
        await logAdministration(tx, { kind: 'session', ctx }, act, details, { citations: decision.citations });
        return true;
      });
      if (!done) throw notFound('Deze aanvraag bestaat niet of is al beslist.', 'No such pending role grant.');
      request.log.info({ event: approve ? 'role-grant-approved' : 'role-grant-refused', by: ctx.actor.employeeId, grantId }, 'role grant decided');
      return { id: grant.id, outcome: approve ? 'approved' : 'refused' };
    });
  }
}
