/**
 * A professional invites the client (from 12) or a registered relation to the
 * client portal (issue 19, item 1): `POST /api/clients/:clientId/portal-invitations`
 * (the act `invite-to-portal`: the care team, administrative staff for the
 * holder), after checking the invitee's identity — the document is recorded
 * with the invitation, as with a request. Who may be invited is the engine's
 * (`decidePortalStanding`, src/rules/decide-portal-invitation.ts): someone
 * with no right to anything today is refused with its Dutch explanation (403,
 * logged). The answer holds the one-time link to hand over; only its hash is
 * stored. A new invitation for the same person replaces the open one.
 * `GET /api/clients/:clientId/portal-accounts` lists the dossier's accounts.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { randomBytes } from 'node:crypto';
import { portalStandingOf } from '../access/gate-portal.js';
import { forbidden, notFound } from '../errors.js';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableString, OneOf, Uuid } from '../http/schema-helpers.js';
import { relationsOfScope } from '../representation/relation-store.js';
import { dateInWords } from '../rules/index.js';
import { calendarDate } from '../shared/calendar-date.js';
import { hashInvitationToken } from './portal-auth-routes.js';
import { portalAccountsOf } from './portal-account-store.js';

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

const ClientParams = Type.Object({ clientId: Uuid() }, { additionalProperties: false });
const InvitationBody = Type.Object({
  /** The relation invited; absent or null: the client. */
  relationId: Type.Optional(Type.Union([Uuid(), Type.Null()])),
  identityCheck: Type.Object({ documentType: OneOf(['passport', 'identity-card', 'driving-licence', 'residence-permit', 'other'] as const) }, { additionalProperties: false }),
}, { additionalProperties: false });
const Invitation = Type.Object({
  invitationId: Type.String(), accountId: Type.String(),
  link: Type.String({ description: 'The one-time link to hand over (shown once; only its hash is stored).' }),
  expiresAt: Type.String({ format: 'date-time' }), expiresOnText: Type.String(), explanation: Type.String(), basis: Type.Array(Type.String()),
}, { additionalProperties: false });
const Accounts = Type.Object({
  accounts: Type.Array(Type.Object({
    accountId: Type.String(), relationId: NullableString(), name: Type.String(), state: OneOf(['active', 'invited', 'invitation-expired'] as const), stateText: Type.String(),
  }, { additionalProperties: false })),
}, { additionalProperties: false });

export function portalInvitationRoutes(app: FastifyInstance, deps: AppDeps): void {
  gatedRoute(app, deps, {
    method: 'POST', url: '/api/clients/:clientId/portal-invitations',
    schema: {
      tags: ['portal'], summary: 'Invite the client (from 12) or a registered relation to the client portal after an identity check; answers the one-time link',
      params: ClientParams, body: InvitationBody, response: { 201: Invitation },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'invite-to-portal', part: 'administrative-data' }),
    handler: async (scope, request, reply) => {
      const relationId = request.body.relationId ?? null;
      if (relationId !== null && !await relationsOfScope(scope).exists(relationId)) {
        throw notFound('Deze relatie hoort niet bij deze cliënt.', 'This relation does not belong to this client.');
      }
      const standing = await portalStandingOf(scope, relationId);
      if (!standing.allowed) throw forbidden(standing.explanation, 'Not allowed; see the Dutch explanation and the articles in "basis".', standing.basis);
      const accounts = portalAccountsOf(scope);
      const accountId = await accounts.of(relationId) ?? await accounts.create(relationId);
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(scope.now.getTime() + INVITATION_DAYS * 86_400_000);
      const invitationId = await accounts.invite(accountId, { tokenHash: hashInvitationToken(token), expiresAt, identityDocument: request.body.identityCheck.documentType });
      reply.code(201);
      return {
        invitationId, accountId, link: `${deps.config.publicUrl?.replace(/\/$/, '') ?? ''}/portaal/uitnodiging#${token}`,
        expiresAt: expiresAt.toISOString(), expiresOnText: dateInWords(calendarDate(expiresAt)), explanation: standing.explanation, basis: [...standing.basis],
      };
    },
  });

  gatedRoute(app, deps, {
    method: 'GET', url: '/api/clients/:clientId/portal-accounts',
    schema: { tags: ['portal'], summary: 'The client-portal accounts of this dossier and their state', params: ClientParams, response: { 200: Accounts } },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope) => {
      const rows = await portalAccountsOf(scope).list();
      return {
        accounts: rows.map((r) => {
          const state = r.username !== null || r.oidc_linked
            ? 'active' as const
            : r.invitation_expires_at !== null && r.invitation_expires_at > scope.now ? 'invited' as const : 'invitation-expired' as const;
          const stateText = state === 'active'
            ? 'Account in gebruik'
            : state === 'invited' ? `Uitgenodigd; de link werkt tot ${dateInWords(calendarDate(r.invitation_expires_at!))}` : 'De uitnodiging is verlopen';
          return { accountId: r.id, relationId: r.relation_id, name: r.name, state, stateText };
        }),
      };
    },
  });
}
