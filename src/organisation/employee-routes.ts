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
 * - every act is a row in the hash-chained access log (administration-log.ts),
 *   written in the act's transaction, and the privacy officer reads them
 *   (`GET /api/admin-log`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { assertAdministrator, type RequestContext } from '../access/client-access.js';
import { endAllSessions } from '../auth/sessions.js';
import { conflict, forbidden, notFound, unauthorized } from '../errors.js';
import type { Queryable } from '../db/database.js';
import type { AppDeps } from '../http/app-deps.js';
import { contextOf } from '../http/request-context.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { decideAdministration } from '../access/policy.js';
import { AdministrationAct, logAdministration, type AdministrationDetails } from './administration-log.js';
import { adminLogRoutes } from './admin-log-routes.js';
import { EMPLOYEE_ROLES, EmployeeRole } from './employee-roles.js';
import { clearCredentials, issueEnrolmentLink } from './enrolment.js';
import { enrolmentRoutes } from './enrolment-routes.js';
import {
  createEmployee, createTeam, findEmployee, listEmployees, listTeams, setEmployeeActive, setTeamMembership, updateEmployee, type EmployeeView,
} from './organisation-service.js';
import { roleGrantRoutes } from './role-grant-routes.js';
import { isPrivilegedRole } from './role-grant-rule.js';
import { requestRoleGrant, withdrawOpenGrant } from './role-grants.js';

const Role = () => OneOf(EMPLOYEE_ROLES);
const Name = () => Type.String({ minLength: 1, maxLength: 200 });

const Employee = Type.Object({
  id: Type.String(), username: Type.String(), displayName: Type.String(), functionTitle: Type.String(),
  role: Type.String({ description: 'The role; in effect unless rolePending.' }),
  rolePending: Type.Boolean({ description: 'A new account whose privileged role awaits a second person\'s approval: no rights at all until then.' }),
  pendingRole: NullableString(),
  active: Type.Boolean(),
  enrolled: Type.Boolean({ description: 'The employee has set their own password and second factor through an enrolment link.' }),
  totpEnrolled: Type.Boolean(), mustChangePassword: Type.Boolean(),
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

/** The caller, who must be the application administrator (the onRequest hook has logged any refusal; this is the second lock). */
function administrator(request: FastifyRequest): RequestContext['actor'] {
  const actor = request.actor;
  if (actor === undefined) throw unauthorized();
  if (actor.role !== EmployeeRole.applicationAdministrator) {
    throw forbidden('Alleen de functioneel beheerder beheert medewerkers, rollen en teams.', 'Only the application administrator manages employees, roles and teams.', ['NEN 7510-2 A.9.2']);
  }
  return actor;
}

/** An administrator cannot lock themselves out (disable or reset their own account, drop their own role) nor give themselves another role. */
function refuseOwnAccount(actor: RequestContext['actor'], employeeId: string): void {
  if (actor.employeeId === employeeId) {
    throw conflict('own-account', 'U kunt uw eigen account niet uitschakelen of resetten, en uw eigen rol niet wijzigen.', 'You cannot disable or reset your own account or change your own role.');
  }
}

const ADMINISTRATION_CITATIONS = decideAdministration(EmployeeRole.applicationAdministrator).citations;

export function employeeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['administration'];
  // A route-level onRequest hook runs after authentication and before the body is parsed or validated:
  // a refused caller learns nothing about the body, and the refusal is in the access log.
  const onRequest = async (request: FastifyRequest) => {
    await assertAdministrator(deps.db, contextOf(request, deps.now()));
  };

  /** One administration act: the work and its log row in one transaction. */
  async function act<T>(request: FastifyRequest, work: (tx: Queryable, log: (act: AdministrationAct, details: AdministrationDetails) => Promise<void>) => Promise<T>): Promise<T> {
    administrator(request);
    const ctx = contextOf(request, deps.now());
    return deps.db.transaction(async (tx) => {
      const rows: [AdministrationAct, AdministrationDetails][] = [];
      const value = await work(tx, (a, details) => {
        rows.push([a, details]);
        return Promise.resolve();
      });
      // Log rows last: the chain lock is held from the first append until commit.
      for (const [a, details] of rows) await logAdministration(tx, { kind: 'session', ctx }, a, details, { citations: ADMINISTRATION_CITATIONS });
      return value;
    });
  }

  const view = async (organisationId: string, employeeId: string): Promise<EmployeeView> => (await findEmployee(deps.db, organisationId, employeeId))!;

  app.get('/api/admin/employees', {
    onRequest, schema: { tags, summary: 'The organisation\'s employees', response: { 200: Type.Object({ employees: Type.Array(Employee) }, { additionalProperties: false }) } },
  }, async (request) => ({ employees: await listEmployees(deps.db, administrator(request).organisationId) }));

  app.get('/api/admin/employees/:employeeId', {
    onRequest, schema: { tags, summary: 'One employee', params: EmployeeParams, response: { 200: Employee } },
  }, async (request) => {
    const { employeeId } = request.params as Static<typeof EmployeeParams>;
    const employee = await findEmployee(deps.db, administrator(request).organisationId, employeeId);
    if (employee === undefined) throw employeeNotFound();
    return employee;
  });

  app.post('/api/admin/employees', {
    onRequest,
    schema: {
      tags,
      summary: 'Create an account without credentials; answers a one-time enrolment link for the employee. A privileged role awaits a second person\'s approval.',
      body: NewEmployeeBody,
      response: { 201: Type.Object({ employee: Employee, enrolment: Enrolment }, { additionalProperties: false }) },
    },
  }, async (request, reply) => {
    const { username, displayName, functionTitle, role } = request.body as Static<typeof NewEmployeeBody>;
    const actor = administrator(request);
    const now = deps.now();
    const { id, enrolment } = await act(request, async (tx, log) => {
      const privileged = isPrivilegedRole(role);
      const employeeId = await createEmployee(tx, actor.organisationId, { username, displayName, functionTitle, role, rolePending: privileged });
      await log(AdministrationAct.createAccount, { employee: employeeId, role });
      if (privileged) {
        const grant = await requestRoleGrant(tx, { organisationId: actor.organisationId, employeeId, role, reason: 'new-account', requestedBy: actor.employeeId }, now);
        await log(AdministrationAct.requestRole, { employee: employeeId, role, grant });
      }
      return { id: employeeId, enrolment: await issueEnrolmentLink(tx, employeeId, 'new-account', actor.employeeId, now, deps.config.publicUrl) };
    });
    request.log.info({ event: 'employee-created', by: actor.employeeId, employeeId: id }, 'employee created');
    return reply.code(201).send({ employee: await view(actor.organisationId, id), enrolment });
  });

  app.patch('/api/admin/employees/:employeeId', {
    onRequest,
    schema: {
      tags, summary: 'Change an employee\'s name, function or role (a privileged role is asked for: it takes effect when a second person approves)',
      params: EmployeeParams, body: EmployeeChangesBody, response: { 200: Employee },
    },
  }, async (request) => {
    const actor = administrator(request);
    const { employeeId } = request.params as Static<typeof EmployeeParams>;
    const { role, ...details } = request.body as Static<typeof EmployeeChangesBody>;
    if (role !== undefined && role !== actor.role) refuseOwnAccount(actor, employeeId);
    const now = deps.now();
    const found = await act(request, async (tx, log) => {
      const current = await findEmployee(tx, actor.organisationId, employeeId);
      if (current === undefined) return false;
      if (Object.keys(details).length > 0) {
        await updateEmployee(tx, actor.organisationId, employeeId, details);
        await log(AdministrationAct.changeDetails, { employee: employeeId });
      }
      if (role === undefined) return true;
      const inEffect = !current.rolePending && current.role === role;
      if (inEffect) {
        // Back to the role in effect: an open request for another role lapses.
        if (current.pendingRole !== null) {
          const grant = await withdrawOpenGrant(tx, employeeId, actor.employeeId, now);
          await log(AdministrationAct.changeRole, { employee: employeeId, role, ...(grant === undefined ? {} : { grant }) });
        }
      } else if (isPrivilegedRole(role)) {
        if (current.pendingRole !== role) {
          const reason = current.rolePending ? 'new-account' : 'role-change';
          const grant = await requestRoleGrant(tx, { organisationId: actor.organisationId, employeeId, role, reason, requestedBy: actor.employeeId }, now);
          await log(AdministrationAct.requestRole, { employee: employeeId, role, grant });
        }
      } else {
        // Fewer rights need no second person: at once, and any open request lapses.
        await withdrawOpenGrant(tx, employeeId, actor.employeeId, now);
        await updateEmployee(tx, actor.organisationId, employeeId, { role });
        await log(AdministrationAct.changeRole, { employee: employeeId, role });
      }
      return true;
    });
    if (!found) throw employeeNotFound();
    request.log.info({ event: 'employee-changed', by: actor.employeeId, employeeId, fields: Object.keys(request.body as object) }, 'employee changed');
    return view(actor.organisationId, employeeId);
  });

  for (const [action, active] of [['disable', false], ['enable', true]] as const) {
    app.post(`/api/admin/employees/:employeeId/${action}`, {
      onRequest,
      schema: { tags, summary: active ? 'Enable an account' : 'Disable an account: all its sessions end at once', params: EmployeeParams, response: { 200: Employee } },
    }, async (request) => {
      const actor = administrator(request);
      const { employeeId } = request.params as Static<typeof EmployeeParams>;
      if (!active) refuseOwnAccount(actor, employeeId);
      const now = deps.now();
      const found = await act(request, async (tx, log) => {
        if (!await setEmployeeActive(tx, actor.organisationId, employeeId, active, now)) return false;
        if (!active) await endAllSessions(tx, employeeId, now);
        await log(active ? AdministrationAct.enableAccount : AdministrationAct.disableAccount, { employee: employeeId });
        return true;
      });
      if (!found) throw employeeNotFound();
      request.log.info({ event: active ? 'employee-enabled' : 'employee-disabled', by: actor.employeeId, employeeId }, `employee ${action}d`);
      return view(actor.organisationId, employeeId);
    });
  }

  app.post('/api/admin/employees/:employeeId/reset', {
    onRequest,
    schema: {
      tags,
      summary: 'Reset an account (forgotten password, lost phone): the password, second factor, recovery codes and sessions stop working; answers a new one-time enrolment link. '
        + 'A privileged role awaits a second person\'s approval again.',
      params: EmployeeParams,
      response: { 200: Type.Object({ employee: Employee, enrolment: Enrolment }, { additionalProperties: false }) },
    },
  }, async (request) => {
    const actor = administrator(request);
    const { employeeId } = request.params as Static<typeof EmployeeParams>;
    refuseOwnAccount(actor, employeeId);
    const now = deps.now();
    const enrolment = await act(request, async (tx, log) => {
      const current = await findEmployee(tx, actor.organisationId, employeeId);
      if (current === undefined) return undefined;
      await clearCredentials(tx, employeeId, now);
      const link = await issueEnrolmentLink(tx, employeeId, 'reset', actor.employeeId, now, deps.config.publicUrl);
      await log(AdministrationAct.resetAccount, { employee: employeeId });
      // Whoever completes the link holds the account: a privileged one needs the second person again, after the employee enrolled.
      if (!current.rolePending && isPrivilegedRole(current.role)) {
        await tx.query('UPDATE org.employees SET role_pending = true WHERE id = $1', [employeeId]);
        const grant = await requestRoleGrant(tx, { organisationId: actor.organisationId, employeeId, role: current.role, reason: 'reset', requestedBy: actor.employeeId }, now);
        await log(AdministrationAct.requestRole, { employee: employeeId, role: current.role, grant });
      }
      return link;
    });
    if (enrolment === undefined) throw employeeNotFound();
    request.log.info({ event: 'employee-reset', by: actor.employeeId, employeeId }, 'account reset');
    return { employee: await view(actor.organisationId, employeeId), enrolment };
  });

  app.get('/api/admin/teams', {
    onRequest, schema: { tags, summary: 'The organisation\'s teams and their members', response: { 200: Type.Object({ teams: Type.Array(Team) }, { additionalProperties: false }) } },
  }, async (request) => ({ teams: await listTeams(deps.db, administrator(request).organisationId) }));

  app.post('/api/admin/teams', {
    onRequest, schema: { tags, summary: 'Create a team', body: TeamBody, response: { 201: Type.Object({ id: Type.String() }, { additionalProperties: false }) } },
  }, async (request, reply) => {
    const actor = administrator(request);
    const { name } = request.body as Static<typeof TeamBody>;
    const id = await act(request, async (tx, log) => {
      const teamId = await createTeam(tx, actor.organisationId, name);
      await log(AdministrationAct.createTeam, { team: teamId });
      return teamId;
    });
    request.log.info({ event: 'team-created', by: actor.employeeId, teamId: id }, 'team created');
    return reply.code(201).send({ id });
  });

  for (const [method, member] of [['PUT', true], ['DELETE', false]] as const) {
    app.route({
      method, url: '/api/admin/teams/:teamId/members/:employeeId', onRequest,
      schema: { tags, summary: member ? 'Add an employee to a team' : 'Remove an employee from a team', params: MemberParams, response: { 204: Type.Null() } },
      handler: async (request, reply) => {
        const actor = administrator(request);
        const { teamId, employeeId } = request.params as Static<typeof MemberParams>;
        const found = await act(request, async (tx, log) => {
          if (!await setTeamMembership(tx, actor.organisationId, teamId, employeeId, member)) return false;
          await log(member ? AdministrationAct.joinTeam : AdministrationAct.leaveTeam, { employee: employeeId, team: teamId });
          return true;
        });
        if (!found) throw notFound();
        request.log.info({ event: member ? 'team-member-added' : 'team-member-removed', by: actor.employeeId, teamId, employeeId }, 'team membership changed');
        return reply.code(204).send();
      },
    });
  }

  roleGrantRoutes(app, deps);
  adminLogRoutes(app, deps);
  enrolmentRoutes(app, deps);
}
