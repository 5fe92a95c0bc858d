/**
 * The portal user's side of the secure messages (issue 19 item 6), under /api/portal/messages: their own thread with
 * the care team, sending (with one attachment), an attachment's download, and the address for "er is een nieuw
 * bericht". Every route enters the gate's portal door with the action `message`: the engine decides, for that person
 * today, that they have a right to something in this dossier; the thread is the account's own, so another client's
 * or account's message is simply not found (404).
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../http/app-deps.js';
import { Uuid as UuidSchema } from '../../http/schema-helpers.js';
import { portalRoute } from '../portal-route.js';
import { portalAttachment, portalNotificationAddress, readOwnThread, sendFromPortal, setPortalNotificationAddress } from './message-service.js';
import {
  AddressBody, AddressSchema, AttachmentRefSchema, LimitsSchema, limitsOf, mailerOf, NewMessageBody, noticeAfterCommit, sendAttachment,
} from './message-routes.js';

const Uuid = UuidSchema();
const PortalMessageSchema = Type.Object({
  id: Uuid, from: Type.Union([Type.Literal('me'), Type.Literal('team')]), author: Type.String(), sentAt: Type.String(), sentOn: Type.String(),
  text: Type.String(), attachments: Type.Array(AttachmentRefSchema),
});
const AttachmentParams = Type.Object({ messageId: Uuid, attachmentId: Uuid }, { additionalProperties: false });

export function portalMessageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  mailerOf(app, deps);

  portalRoute(app, deps, {
    method: 'GET',
    url: '/api/portal/messages',
    schema: {
      tags: ['portal'], summary: 'The portal user\'s conversation with the care team, oldest first; the limits of an attachment; the notification address',
      response: { 200: Type.Object({ messages: Type.Array(PortalMessageSchema), limits: LimitsSchema, notifications: AddressSchema }) },
    },
    intent: () => ({ action: 'message' }),
    handler: async (scope) => ({
      messages: await readOwnThread(scope, masterKey), limits: limitsOf(deps).body, notifications: { email: await portalNotificationAddress(scope) },
    }),
  });

  portalRoute(app, deps, {
    method: 'POST',
    url: '/api/portal/messages',
    schema: { tags: ['portal'], summary: 'Send a message (and at most one PDF, PNG or JPEG) to the care team', body: NewMessageBody, response: { 201: PortalMessageSchema } },
    intent: () => ({ action: 'message' }),
    handler: async (scope, request, reply) => {
      const sent = await sendFromPortal(scope, masterKey, limitsOf(deps), request.body);
      noticeAfterCommit(request, sent.notice);
      reply.code(201);
      return sent.message;
    },
  });

  portalRoute(app, deps, {
    method: 'GET',
    url: '/api/portal/messages/:messageId/attachments/:attachmentId',
    schema: { tags: ['portal'], summary: 'Download an attachment of a message in the own conversation', params: AttachmentParams },
    intent: () => ({ action: 'message' }),
    handler: async (scope, request, reply) =>
      sendAttachment(reply, await portalAttachment(scope, masterKey, request.params.messageId, request.params.attachmentId)),
  });

  portalRoute(app, deps, {
    method: 'PUT',
    url: '/api/portal/messages/notifications',
    schema: { tags: ['portal'], summary: 'Set (or with null remove) the address that gets "er is een nieuw bericht" (never the message itself)', body: AddressBody, response: { 200: AddressSchema } },
    intent: () => ({ action: 'message' }),
    handler: async (scope, request) => ({ email: await setPortalNotificationAddress(scope, request.body.email) }),
  });
}
