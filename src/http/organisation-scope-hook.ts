/**
 * Puts each request in its organisation's scope (src/db/organisation-scope.ts; row-level security, migration 0056).
 *
 * Fastify runs the rest of a request's hooks and its handler from the `done` of a callback hook, so running `done`
 * inside the async context makes everything after it — the service, its queries — carry the scope:
 *   1. first of all (before authentication): the system scope, because the session look-up by its token, and the
 *      public routes (log-in by username, a download or an enrolment by its token) find their subject across
 *      organisations before any organisation is known;
 *   2. once authentication attached the actor: the actor's organisation; a route that needs a session and has none
 *      never gets here (401);
 *   3. again just before the handler (`preHandler`): reading the body happens on the socket's own async context,
 *      which knows no scope, so the scope is entered once more after it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { asSystem, inOrganisation, withoutOrganisation } from '../db/organisation-scope.js';

function enterRequestScope(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (request.actor !== undefined) inOrganisation(request.actor.organisationId, done);
  // A portal route: the account's organisation once its route-level hook resolved the `dw_portal` session (issue 19).
  else if (request.portalAccount !== undefined) inOrganisation(request.portalAccount.organisationId, done);
  else if (request.routeOptions.config.public === true) asSystem(done);
  else withoutOrganisation(done);
}

/** Before `installAuthentication`: the session look-up runs before the organisation is known. */
export function installScopeBeforeAuthentication(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, _reply, done) => asSystem(done));
}

/** After `installAuthentication`: the actor's organisation from here on. */
export function installScopeAfterAuthentication(app: FastifyInstance): void {
  app.addHook('onRequest', enterRequestScope);
  app.addHook('preHandler', enterRequestScope);
}
