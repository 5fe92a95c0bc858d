/**
 * The application administrator's API (functioneel beheerder): employees,
 * their roles and functions, accounts (disable, enable, reset the second
 * factor, a new one-time password) and teams. For the application
 * administrator only — every other role gets 403 (NEN 7510-2 A.9.2.3: managing
 * access rights is a privileged task). An id outside the caller's organisation
 * answers 404 like one that does not exist.
 *
 * No client data passes here, so these routes do not write the client access
 * log; what happened goes to the server log as event, acting employee and
 * subject employee ids.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { assertAcceptablePassword, generateOneTimePassword, MAX_PASSWORD_LENGTH } from '../auth/password-policy.js';
import { assertAdministrator } from '../access/client-access.js';
import { resetSecondFactor } from '../auth/second-factor.js';
import type { Actor } from '../auth/sessions.js';
import { endAllSessions } from '../auth/sessions.js';
import { conflict, forbidden, notFound, unauthorized } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import { contextOf } from '../http/request-context.js';
import { OneOf, Uuid } from '../http/schema-helpers.js';
import { EMPLOYEE_ROLES, EmployeeRole } from './employee-roles.js';
import {
  createEmployee, createTeam, findEmployee, listEmployees, listTeams, setEmployeeActive, setOneTimePassword, setTeamMembership, updateEmployee,
} from './organisation-service.js';

const Role = () => OneOf(EMPLOYEE_ROLES);
const Name = () => Type.String({ minLength: 1, maxLength: 200 });

const Employee = Type.Object({
  id: Type.String(), username: Type.String(), displayName: Type.String(), functionTitle: Type.String(), role: Type.String(),
  active: Type.Boolean(), totpEnrolled: Type.Boolean(), mustChangePassword: Type.Boolean(),
  teams: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }, { additionalProperties: false })),
}, { additionalProperties: false });

const NewEmployeeBody = Type.Object({
  username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,63}$', description: 'Lower case letters, digits, dot, dash, underscore; 3–64 characters.' }),
  displayName: Name(),
  functionTitle: Name(),
  role: Role(),
  password: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH, description: 'Initial password; left out, a one-time password is generated. Either way it must be changed at first log-in.' })),
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
function administrator(request: FastifyRequest): Actor {
  const actor = request.actor;
  if (actor === undefined) throw unauthorized();
  if (actor.role !== EmployeeRole.applicationAdministrator) {
    throw forbidden('Alleen de functioneel beheerder beheert medewerkers, rollen en teams.', 'Only the application administrator manages employees, roles and teams.', ['NEN 7510-2 A.9.2']);
  }
  return actor;
}

/** An administrator cannot lock themselves out (disable their own account, drop their own role). */
function refuseOwnAccount(actor: Actor, employeeId: string): void {
  if (actor.employeeId === employeeId) {
    throw conflict('own-account', 'U kunt uw eigen account niet uitschakelen of uw eigen rol niet wijzigen.', 'You cannot disable your own account or change your own role.');
  }
}

export function employeeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['administration'];
  // A route-level onRequest hook runs after authentication and before the body is parsed or validated:
  // a refused caller learns nothing about the body, and the refusal is in the access log.
  const onRequest = async (request: FastifyRequest) => {
    await assertAdministrator(deps.db, contextOf(request, deps.now()));
  };

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
      tags, summary: 'Create an employee (the password must be changed at first log-in; the second factor is enrolled then)', body: NewEmployeeBody,
      response: { 201: Type.Object({ employee: Employee, oneTimePassword: Type.Optional(Type.String({ description: 'Only when generated; shown this once.' })) }, { additionalProperties: false }) },
    },
  }, async (request, reply) => {
    const actor = administrator(request);
    const body = request.body as Static<typeof NewEmployeeBody>;
    if (body.password !== undefined) assertAcceptablePassword(body.password, 'password', body.username);
    const password = body.password ?? generateOneTimePassword();
    const { username, displayName, functionTitle, role } = body;
    const id = await createEmployee(deps.db, actor.organisationId, { username, displayName, functionTitle, role, password });
    request.log.info({ event: 'employee-created', by: actor.employeeId, employeeId: id }, 'employee created');
    const employee = (await findEmployee(deps.db, actor.organisationId, id))!;
    return reply.code(201).send(body.password === undefined ? { employee, oneTimePassword: password } : { employee });
  });

  app.patch('/api/admin/employees/:employeeId', {
    onRequest, schema: { tags, summary: 'Change an employee\'s name, function or role', params: EmployeeParams, body: EmployeeChangesBody, response: { 200: Employee } },
  }, async (request) => {
    const actor = administrator(request);
    const { employeeId } = request.params as Static<typeof EmployeeParams>;
    const changes = request.body as Static<typeof EmployeeChangesBody>;
    if (changes.role !== undefined && changes.role !== actor.role) refuseOwnAccount(actor, employeeId);
    if (!await updateEmployee(deps.db, actor.organisationId, employeeId, changes)) throw employeeNotFound();
    request.log.info({ event: 'employee-changed', by: actor.employeeId, employeeId, fields: Object.keys(changes) }, 'employee changed');
    return (await findEmployee(deps.db, actor.organisationId, employeeId))!;
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
      const found = await deps.db.transaction(async (tx) => {
        if (!await setEmployeeActive(tx, actor.organisationId, employeeId, active, now)) return false;
        if (!active) await endAllSessions(tx, employeeId, now);
        return true;
      });
      if (!found) throw employeeNotFound();
      request.log.info({ event: active ? 'employee-enabled' : 'employee-disabled', by: actor.employeeId, employeeId }, `employee ${action}d`);
      return (await findEmployee(deps.db, actor.organisationId, employeeId))!;
    });
  }

  app.post('/api/admin/employees/:employeeId/reset-totp', {
    onRequest,
    schema: { tags, summary: 'Remove the second factor (lost phone): sessions end, recovery codes go; the next log-in enrols a new one', params: EmployeeParams, response: { 200: Employee } },
  }, async (request) => {
    const actor = administrator(request);
    const { employeeId } = request.params as Static<typeof EmployeeParams>;
    if (await findEmployee(deps.db, actor.organisationId, employeeId) === undefined) throw employeeNotFound();
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      await resetSecondFactor(tx, employeeId, now);
      await endAllSessions(tx, employeeId, now);
    });
    request.log.info({ event: 'employee-totp-reset', by: actor.employeeId, employeeId }, 'second factor reset');
    return (await findEmployee(deps.db, actor.organisationId, employeeId))!;
  });

  app.post('/api/admin/employees/:employeeId/reset-password', {
    onRequest,
    schema: {
      tags, summary: 'Give a new one-time password (to be changed at the next log-in); sessions end', params: EmployeeParams,
      response: { 200: Type.Object({ employee: Employee, oneTimePassword: Type.String() }, { additionalProperties: false }) },
    },
  }, async (request) => {
    const actor = administrator(request);
    const { employeeId } = request.params as Static<typeof EmployeeParams>;
    const password = generateOneTimePassword();
    const now = deps.now();
    const found = await deps.db.transaction(async (tx) => {
      if (!await setOneTimePassword(tx, actor.organisationId, employeeId, password)) return false;
      await endAllSessions(tx, employeeId, now);
      return true;
    });
    if (!found) throw employeeNotFound();
    request.log.info({ event: 'employee-password-reset', by: actor.employeeId, employeeId }, 'one-time password set');
    return { employee: (await findEmployee(deps.db, actor.organisationId, employeeId))!, oneTimePassword: password };
  });

  app.get('/api/admin/teams', {
    onRequest, schema: { tags, summary: 'The organisation\'s teams and their members', response: { 200: Type.Object({ teams: Type.Array(Team) }, { additionalProperties: false }) } },
  }, async (request) => ({ teams: await listTeams(deps.db, administrator(request).organisationId) }));

  app.post('/api/admin/teams', {
    onRequest, schema: { tags, summary: 'Create a team', body: TeamBody, response: { 201: Type.Object({ id: Type.String() }, { additionalProperties: false }) } },
  }, async (request, reply) => {
    const actor = administrator(request);
    const { name } = request.body as Static<typeof TeamBody>;
    const id = await createTeam(deps.db, actor.organisationId, name);
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
        if (!await setTeamMembership(deps.db, actor.organisationId, teamId, employeeId, member)) throw notFound();
        request.log.info({ event: member ? 'team-member-added' : 'team-member-removed', by: actor.employeeId, teamId, employeeId }, 'team membership changed');
        return reply.code(204).send();
      },
    });
  }
}
