/**
 * The privacy officer's view of the administration log: every administration
 * act (accounts, roles, approvals, teams, enrolments) and every refused
 * attempt, from the hash-chained access log (administration-log.ts). Reading
 * the log is the privacy officer's appointment (`decideLogReview`, AVG 38–39;
 * NEN 7513), so the view enters the gate as the log review: anyone else gets 403
 * with the explanation, and the refusal is logged.
 */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { NullableObject, NullableString } from '../http/schema-helpers.js';
import { administrationLog } from './administration-log.js';

const Query = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  before: Type.Optional(Type.String({ pattern: '^[0-9]{1,19}$', description: 'Page on: the seq of the last line of the previous page.' })),
}, { additionalProperties: false });

const Line = Type.Object({
  seq: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({ id: NullableString(), name: NullableString(), role: NullableString() }, { additionalProperties: false }),
  act: NullableString(),
  outcome: Type.String(),
  subject: NullableObject(Type.Object({ id: Type.String(), name: NullableString() }, { additionalProperties: false })),
  role: NullableString(),
  team: NullableObject(Type.Object({ id: Type.String(), name: NullableString() }, { additionalProperties: false })),
  setting: NullableObject(Type.Object({
    name: Type.String({ description: 'The organisation setting changed (change-setting).' }),
    /** The value before and after: lists comma-separated, `-` for an empty list. */
    from: NullableString(),
    to: NullableString(),
  }, { additionalProperties: false, description: 'A changed organisation setting (change-setting); null for other acts.' })),
  /** Who ran the set-up command at the console (rows of `cli setup-organisation`); null otherwise. */
  operator: NullableString(),
  route: Type.String(),
  citations: Type.Array(Type.String()),
  sessionRecorded: Type.Boolean(),
  address: NullableString(),
}, { additionalProperties: false });

export function adminLogRoutes(app: FastifyInstance, deps: AppDeps): void {
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/admin-log',
    schema: {
      tags: ['privacy'], summary: 'The administration log (privacy officer): every account, role, approval and team act, and refused attempts, newest first',
      querystring: Query,
      response: { 200: Type.Object({ lines: Type.Array(Line), nextBefore: NullableString() }, { additionalProperties: false }) },
    },
    kind: 'log-review', subject: () => ({ kind: 'log-review' }), intent: () => 'review',
    handler: (scope, request) => {
      const { limit = 100, before } = request.query;
      return administrationLog(scope, { limit, ...(before === undefined ? {} : { before }) });
    },
  });
}
