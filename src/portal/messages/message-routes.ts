/**
 * HTTP routes for secure messages (issue 19 item 6): the care team's side on the client page, the employee's own
 * notification address, and the portal user's side under /api/portal (portalMessageRoutes).
 *
 * A sent message's notice is queued in the route's onResponse, i.e. after the transaction with the message and its
 * log row committed and the answer left: sending an e-mail never blocks or fails the request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../http/app-deps.js';
import { gatedRoute } from '../../http/gated-route.js';
import { Uuid as UuidSchema } from '../../http/schema-helpers.js';
import { ATTACHMENT_MEDIA_TYPES } from './attachment-check.js';
import { answerThread, checkAddress, MESSAGE_MAX_CHARS, readThreads, teamAttachment, type MessageLimits } from './message-service.js';
import { ownNotificationAddressOf } from './message-store.js';
import { NotificationMailer, type Notice } from './notification-mailer.js';

const Uuid = UuidSchema();

export const AttachmentRefSchema = Type.Object({ id: Uuid, name: Type.String(), mediaType: Type.String(), bytes: Type.Integer() });
const TeamMessageSchema = Type.Object({
  id: Uuid, from: Type.Union([Type.Literal('portal'), Type.Literal('team')]), author: Type.String(), sentAt: Type.String(), sentOn: Type.String(),
  text: Type.String(), attachments: Type.Array(AttachmentRefSchema), readByOtherSide: Type.Boolean(),
});
const ThreadSchema = Type.Object({ accountId: Uuid, with: Type.String(), unanswered: Type.Integer(), messages: Type.Array(TeamMessageSchema) });
export const LimitsSchema = Type.Object({ attachmentMaxBytes: Type.Integer(), attachmentTypes: Type.Array(Type.String()), textMaxChars: Type.Integer() });

export const NewMessageBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: MESSAGE_MAX_CHARS + 1000 }),
  attachment: Type.Optional(Type.Object({
    name: Type.String({ minLength: 1, maxLength: 200 }),
    // Bounded by DW_MESSAGE_ATTACHMENT_MAX_BYTES in the service (4/3 of it as base64), and by the body limit.
    contentBase64: Type.String({ minLength: 1 }),
  }, { additionalProperties: false })),
}, { additionalProperties: false });
export const AddressBody = Type.Object({ email: Type.Union([Type.String({ maxLength: 254 }), Type.Null()]) }, { additionalProperties: false });
export const AddressSchema = Type.Object({ email: Type.Union([Type.String(), Type.Null()]) });

const ClientParams = Type.Object({ clientId: Uuid }, { additionalProperties: false });
const ThreadParams = Type.Object({ clientId: Uuid, accountId: Uuid }, { additionalProperties: false });
const AttachmentParams = Type.Object({ clientId: Uuid, messageId: Uuid, attachmentId: Uuid }, { additionalProperties: false });

/** The limits the forms show. */
export function limitsOf(deps: AppDeps): MessageLimits & { body: { attachmentMaxBytes: number; attachmentTypes: string[]; textMaxChars: number } } {
  const attachmentMaxBytes = deps.config.messages.attachmentMaxBytes;
  return {
    maxEntryBytes: deps.config.maxEntryBytes, attachmentMaxBytes,
    body: { attachmentMaxBytes, attachmentTypes: [...ATTACHMENT_MEDIA_TYPES], textMaxChars: MESSAGE_MAX_CHARS },
  };
}

/** Sends an attachment's bytes as a download. */
export function sendAttachment(reply: FastifyReply, attachment: { name: string; mediaType: string; bytes: Buffer }): Buffer {
  const filename = attachment.name.replace(/[^A-Za-z0-9._ -]/g, '_');
  void reply.header('content-type', attachment.mediaType)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('x-content-type-options', 'nosniff');
  return attachment.bytes;
}

const notices = new WeakMap<FastifyRequest, Notice>();

/** Remembers the notice of a request's sent message; queued only when the answer left with success. */
export function noticeAfterCommit(request: FastifyRequest, notice: Notice): void {
  notices.set(request, notice);
}

const mailers = new WeakMap<FastifyInstance, NotificationMailer>();

/** The app's notification mailer (one per app; tests drain it). */
export function mailerOf(app: FastifyInstance, deps: AppDeps): NotificationMailer {
  let mailer = mailers.get(app);
  if (mailer === undefined) {
    const base = (deps.config.publicUrl ?? `http://${deps.config.host}:${deps.config.port}`).replace(/\/+$/, '');
    const created = new NotificationMailer(deps.config.messages.smtp, { portal: `${base}/portaal/berichten`, staff: `${base}/` }, app.log);
    mailer = created;
    mailers.set(app, created);
    app.addHook('onResponse', (request, reply, done) => {
      const notice = notices.get(request);
      if (notice !== undefined && reply.statusCode < 300) created.enqueue(notice);
      done();
    });
    app.addHook('onClose', async () => created.close());
  }
  return mailer;
}

export function messageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { masterKey } = deps;
  mailerOf(app, deps);

  gatedRoute(app, deps, {
    method: 'GET',
    url: '/api/clients/:clientId/messages',
    schema: {
      tags: ['messages'], summary: 'The portal conversations of the client with the care team, each oldest first',
      params: ClientParams, response: { 200: Type.Object({ threads: Type.Array(ThreadSchema), limits: LimitsSchema }) },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope) => ({ threads: await readThreads(scope, masterKey), limits: limitsOf(deps).body }),
  });

  gatedRoute(app, deps, {
    method: 'POST',
    url: '/api/clients/:clientId/messages/:accountId',
    schema: {
      tags: ['messages'], summary: 'Answer a portal user in their conversation; recorded in the dossier as correspondence',
      params: ThreadParams, body: NewMessageBody, response: { 201: TeamMessageSchema },
    },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'record', part: 'dossier' }),
    handler: async (scope, request, reply) => {
      const sent = await answerThread(scope, masterKey, limitsOf(deps), request.params.accountId, request.body);
      noticeAfterCommit(request, sent.notice);
      reply.code(201);
      return sent.message;
    },
  });

  gatedRoute(app, deps, {
    method: 'GET',
    url: '/api/clients/:clientId/messages/:messageId/attachments/:attachmentId',
    schema: { tags: ['messages'], summary: 'Download an attachment of a message (PDF, PNG or JPEG)', params: AttachmentParams },
    kind: 'client', subject: (request) => ({ kind: 'client', clientId: request.params.clientId }),
    intent: () => ({ action: 'read', part: 'dossier' }),
    handler: async (scope, request, reply) =>
      sendAttachment(reply, await teamAttachment(scope, masterKey, request.params.messageId, request.params.attachmentId)),
  });

  gatedRoute(app, deps, {
    method: 'GET',
    url: '/api/me/message-notifications',
    schema: { tags: ['messages'], summary: 'The address the caller gets "er is een nieuw bericht" at (null: none)', response: { 200: AddressSchema } },
    kind: 'own', subject: () => ({ kind: 'own' }), intent: () => ({ action: 'read', part: 'administrative-data' }),
    handler: async (scope) => ({ email: await ownNotificationAddressOf(scope).get() }),
  });

  gatedRoute(app, deps, {
    method: 'PUT',
    url: '/api/me/message-notifications',
    schema: { tags: ['messages'], summary: 'Set (or with null remove) the caller\'s address for new-message notifications', body: AddressBody, response: { 200: AddressSchema } },
    kind: 'own', subject: () => ({ kind: 'own' }), intent: () => ({ action: 'record', part: 'administrative-data' }),
    handler: async (scope, request) => {
      const email = checkAddress(request.body.email);
      await ownNotificationAddressOf(scope).set(email);
      return { email };
    },
  });
}
