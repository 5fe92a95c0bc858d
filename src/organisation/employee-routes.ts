/**
 * The application administrator's API (functioneel beheerder): employees,
 * their roles and functions, accounts (create, disable, enable, reset) and
 * teams. For the application administrator only — every other role gets 403
 * (NEN 7510-2 A.9.2.3: managing access rights is a privileged task). An id
 * outside the caller's organisation answers 404 like one that does not exist.
 *
 * Separation of duties (issue 14 deliverable 5):
 * - the administrator never sets or learns a password or second factor:
 *   creating and resetting an account answer a one-time enrolment link
 *   (enrolment.ts) the employee opens to set both;
 * - a privileged role (manager, privacy officer, application administrator)
 *   is only asked for here; it takes effect when a second person approves it
 *   (role-grant-routes.ts, role-grant-rule.ts);
 * - every act is a row in the hash-chained access log, written by the gate's
 *   administration subject in the act's transaction, and the privacy officer reads them
 *   (`GET /api/admin-log`).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AdministrationArea, type AdministrationScope, type RequestContext } from '../access/gate.js';
import { endAllSessions } from '../auth/session-store.js';
import { conflict, notFound } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { AdministrationAct } from './administration-log.js';
import { adminLogRoutes } from './admin-log-routes.js';
import { EMPLOYEE_ROLES } from './employee-roles.js';
import { clearCredentials, issueEnrolmentLink } from './enrolment.js';
import { enrolmentRoutes } from './enrolment-routes.js';
import { accountsOf, roleGrantsOf, teamsOf, type EmployeeView } from './employee-store.js';
import { organisationSettingsRoutes } from './organisation-settings-routes.js';
import { roleGrantRoutes } from './role-grant-routes.js';
import { isPrivilegedRole } from './role-grant-rule.js';

const Role = () => OneOf(EMPLOYEE_ROLES);
const Name = () => Type.String({ minLength: 1, maxLength: 200 });

const Employee = Type.Object({
  id: Type.String(), username: Type.String(), displayName: Type.String(), functionTitle: Type.String(),
  role: Type.String({ description: 'The role; in effect unless rolePending.' }),
  rolePending: Type.Boolean({ description: 'A new account whose privileged role awaits a second person\'s approval: no rights at all until then.' }),
  pendingRole: NullableString(),
  active: Type.Boolean(),
  enrolled: Type.Boolean({ description: 'The employee has set their own password and second factor through an enrolment link.' }),
  totpEnrolled: Type.Boolean(),
  teams: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false })),
}, { additionalProperties: false });

const Enrolment = Type.Object({
  url: Type.String({ description: 'The enrolment page with the token in its fragment: hand it to the employee. Shown this once.' }),
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
}, { additionalProperties: false, description: 'A one-time link for the employee to set their own password and second factor.' });

/** No password or second-factor field: the schema refuses any (closed object), so the administrator cannot set one. */
const NewEmployeeBody = Type.Object({
  username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,63}$', description: 'Lower case letters, digits, dot, dash, underscore; 3–64 characters.' }),
  displayName: Name(),
  functionTitle: Name(),
  role: Role(),
}, { additionalProperties: false });

const EmployeeChangesBody = Type.Object({
  displayName: Type.Optional(Name()),
  functionTitle: Type.Optional(Name()),
  role: Type.Optional(Role()),
}, { additionalProperties: false, minProperties: 1 });

const EmployeeParams = Type.Object({ employeeId: Uuid() }, { additionalProperties: false });
const TeamBody = Type.Object({ name: Name() }, { additionalProperties: false });
const MemberParams = Type.Object({ teamId: Uuid(), employeeId: Uuid() }, { additionalProperties: false });
const Team = Type.Object({
  id: Type.String(), name: Type.String(),
  members: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String() }, { additionalProperties: false })),
}, { additionalProperties: false });

const employeeNotFound = () => notFound('Deze medewerker bestaat niet.', 'No such employee.');

/** An administrator cannot lock themselves out (disable or reset their own account, drop their own role) nor give themselves another role. */
function refuseOwnAccount(actor: RequestContext['actor'], employeeId: string): void {
  if (actor.employeeId === employeeId) {
    throw conflict('own-account', 'U kunt uw eigen account niet uitschakelen of resetten, en uw eigen rol niet wijzigen.', 'You cannot disable or reset your own account or change your own role.');
  }
}

const accounts = { kind: 'administration', area: AdministrationArea.accounts } as const;

export function employeeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['administration'];
  // Every route here enters the gate as administration of accounts. `decideFirst`: the decision also runs in a
  // route-level onRequest hook, after authentication and before the body is parsed or validated, so a refused
  // caller learns nothing about the body, and the refusal is in the access log. Each act the handler records
  // is a row written in the act's transaction (administration-log.ts shows them).
  const gate = { kind: 'administration', subject: () => accounts, intent: () => ({}), decideFirst: true } as const;

  const view = async (scope: AdministrationScope, employeeId: string): Promise<EmployeeView> => (await accountsOf(scope).find(employeeId))!;

  gatedRoute(app, deps, {
    ...gate, method: 'GET', url: '/api/admin/employees',
    schema: { tags, summary: 'The organisation\'s employees', response: { 200: Type.Object({ employees: Type.Array(Employee) }, { additionalProperties: false }) } },
    handler: async (scope) => ({ employees: await accountsOf(scope).list() }),
  });

  gatedRoute(app, deps, {
    ...gate, method: 'GET', url: '/api/admin/employees/:employeeId',
    schema: { tags, summary: 'One employee', params: EmployeeParams, response: { 200: Employee } },
    handler: async (scope, request) => {
      const employee = await accountsOf(scope).find(request.params.employeeId);
      if (employee === undefined) throw employeeNotFound();
      return employee;
    },
  });

  gatedRoute(app, deps, {
    ...gate, method: 'POST', url: '/api/admin/employees',
    schema: {
      tags,
      summary: 'Create an account without credentials; answers a one-time enrolment link for the employee. A privileged role awaits a second person\'s approval.',
      body: NewEmployeeBody,
      response: { 201: Type.Object({ employee: Employee, enrolment: Enrolment }, { additionalProperties: false }) },
    },
    handler: async (scope, request, reply) => {
      const { username, displayName, functionTitle, role } = request.body;
      const { actor, now } = scope;
      const privileged = isPrivilegedRole(role);
      const id = await accountsOf(scope).create({ username, displayName, functionTitle, role, rolePending: privileged });
      scope.record(AdministrationAct.createAccount, { employee: id, role });
      if (privileged) {
        const grant = await roleGrantsOf(scope).request({ employeeId: id, role, reason: 'new-account' });
        scope.record(AdministrationAct.requestRole, { employee: id, role, grant });
      }
      const enrolment = await issueEnrolmentLink(scope, id, 'new-account', actor.employeeId, now, deps.config.publicUrl);
      request.log.info({ event: 'employee-created', by: actor.employeeId, employeeId: id }, 'employee created');
      reply.code(201);
      return { employee: await view(scope, id), enrolment };
    },
  });

  gatedRoute(app, deps, {
    ...gate, method: 'PATCH', url: '/api/admin/employees/:employeeId',
    schema: {
      tags, summary: 'Change an employee\'s name, function or role (a privileged role is asked for: it takes effect when a second person approves)',
      params: EmployeeParams, body: EmployeeChangesBody, response: { 200: Employee },
    },
    handler: async (scope, request) => {
      const { actor } = scope;
      const { employeeId } = request.params;
      const { role, ...details } = request.body;
      if (role !== undefined && role !== actor.role) refuseOwnAccount(actor, employeeId);
      const accounts = accountsOf(scope);
      const grants = roleGrantsOf(scope);
      const current = await accounts.find(employeeId);
      if (current === undefined) throw employeeNotFound();
      if (Object.keys(details).length > 0) {
        await accounts.update(employeeId, details);
        scope.record(AdministrationAct.changeDetails, { employee: employeeId });
      }
      if (role !== undefined) {
        const inEffect = !current.rolePending && current.role === role;
        if (inEffect) {
          // Back to the role in effect: an open request for another role lapses.
          if (current.pendingRole !== null) {
            const grant = await grants.withdrawOpen(employeeId);
            scope.record(AdministrationAct.changeRole, { employee: employeeId, role, ...(grant === undefined ? {} : { grant }) });
          }
        } else if (isPrivilegedRole(role)) {
          if (current.pendingRole !== role) {
            const reason = current.rolePending ? 'new-account' : 'role-change';
            const grant = await grants.request({ employeeId, role, reason });
            scope.record(AdministrationAct.requestRole, { employee: employeeId, role, grant });
          }
        } else {
          // Fewer rights need no second person: at once, and any open request lapses.
          await grants.withdrawOpen(employeeId);
          await accounts.update(employeeId, { role });
          scope.record(AdministrationAct.changeRole, { employee: employeeId, role });
        }
      }
      request.log.info({ event: 'employee-changed', by: actor.employeeId, employeeId, fields: Object.keys(request.body) }, 'employee changed');
      return view(scope, employeeId);
    },
  });

  for (const [action, active] of [['disable', false], ['enable', true]] as const) {
    gatedRoute(app, deps, {
      ...gate, method: 'POST', url: `/api/admin/employees/:employeeId/${action}`,
      schema: { tags, summary: active ? 'Enable an account' : 'Disable an account: all its sessions end at once', params: EmployeeParams, response: { 200: Employee } },
      handler: async (scope, request) => {
        const { actor, now } = scope;
        const { employeeId } = request.params;
        if (!active) refuseOwnAccount(actor, employeeId);
        if (!await accountsOf(scope).setActive(employeeId, active)) throw employeeNotFound();
        if (!active) await endAllSessions(scope, employeeId, now);
        scope.record(active ? AdministrationAct.enableAccount : AdministrationAct.disableAccount, { employee: employeeId });
        request.log.info({ event: active ? 'employee-enabled' : 'employee-disabled', by: actor.employeeId, employeeId }, `employee ${action}d`);
        return view(scope, employeeId);
      },
    });
  }

  gatedRoute(app, deps, {
    ...gate, method: 'POST', url: '/api/admin/employees/:employeeId/reset',
    schema: {
      tags,
      summary: 'Reset an account (forgotten password, lost phone): the password, second factor, recovery codes and sessions stop working; answers a new one-time enrolment link. '
        + 'A privileged role awaits a second person\'s approval again.',
      params: EmployeeParams,
      response: { 200: Type.Object({ employee: Employee, enrolment: Enrolment }, { additionalProperties: false }) },
    },
    handler: async (scope, request) => {
      const { actor, now } = scope;
      const { employeeId } = request.params;
      refuseOwnAccount(actor, employeeId);
      const accounts = accountsOf(scope);
      const current = await accounts.find(employeeId);
      if (current === undefined) throw employeeNotFound();
      await clearCredentials(scope, employeeId);
      const enrolment = await issueEnrolmentLink(scope, employeeId, 'reset', actor.employeeId, now, deps.config.publicUrl);
      scope.record(AdministrationAct.resetAccount, { employee: employeeId });
      // Whoever completes the link holds the account: a privileged one needs the second person again, after the employee enrolled.
      if (!current.rolePending && isPrivilegedRole(current.role)) {
        await accounts.markRolePending(employeeId);
        const grant = await roleGrantsOf(scope).request({ employeeId, role: current.role, reason: 'reset' });
        scope.record(AdministrationAct.requestRole, { employee: employeeId, role: current.role, grant });
      }
      request.log.info({ event: 'employee-reset', by: actor.employeeId, employeeId }, 'account reset');
      return { employee: await view(scope, employeeId), enrolment };
    },
  });

  gatedRoute(app, deps, {
    ...gate, method: 'GET', url: '/api/admin/teams',
    schema: { tags, summary: 'The organisation\'s teams and their members', response: { 200: Type.Object({ teams: Type.Array(Team) }, { additionalProperties: false }) } },
    handler: async (scope) => ({ teams: await teamsOf(scope).list() }),
  });

  gatedRoute(app, deps, {
    ...gate, method: 'POST', url: '/api/admin/teams',
    schema: { tags, summary: 'Create a team', body: TeamBody, response: { 201: Type.Object({ id: Type.String() }, { additionalProperties: false }) } },
    handler: async (scope, request, reply) => {
      const id = await teamsOf(scope).create(request.body.name);
      scope.record(AdministrationAct.createTeam, { team: id });
      request.log.info({ event: 'team-created', by: scope.actor.employeeId, teamId: id }, 'team created');
      reply.code(201);
      return { id };
    },
  });

  for (const [method, member] of [['PUT', true], ['DELETE', false]] as const) {
    gatedRoute(app, deps, {
      ...gate, method, url: '/api/admin/teams/:teamId/members/:employeeId',
      schema: { tags, summary: member ? 'Add an employee to a team' : 'Remove an employee from a team', params: MemberParams, response: { 204: Type.Null() } },
      handler: async (scope, request, reply) => {
        const { teamId, employeeId } = request.params;
        if (!await teamsOf(scope).setMembership(teamId, employeeId, member)) throw notFound();
        scope.record(member ? AdministrationAct.joinTeam : AdministrationAct.leaveTeam, { employee: employeeId, team: teamId });
        request.log.info({ event: member ? 'team-member-added' : 'team-member-removed', by: scope.actor.employeeId, teamId, employeeId }, 'team membership changed');
        reply.code(204);
        return null;
      },
    });
  }

  roleGrantRoutes(app, deps);
  organisationSettingsRoutes(app, deps);
  adminLogRoutes(app, deps);
  enrolmentRoutes(app, deps);
}
