/** HTTP route of the caseload with signals (issue 15 item 9): the caller's clients in the order of attention. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.js';
import { gatedRoute } from '../http/gated-route.js';
import { caseloadWithSignals } from './caseload-signals.js';

const SignalSchema = Type.Object({
  kind: Type.String({ enum: ['request', 'care-consent-missing', 'consent-expiring', 'evaluation-due', 'emergency-access'] }),
  urgency: Type.Integer({ minimum: 1, maximum: 3, description: '3 urgent, 2 soon, 1 for information' }),
  text: Type.String({ description: 'The signal in Dutch, dates in words' }),
  on: Type.Optional(Type.String()), requestId: Type.Optional(Type.String()), requestKind: Type.Optional(Type.String()),
  due: Type.Optional(Type.String()), overdue: Type.Optional(Type.Boolean()), missing: Type.Optional(Type.Array(Type.String())),
  consentKind: Type.Optional(Type.String()), never: Type.Optional(Type.Boolean()), count: Type.Optional(Type.Integer()), unreviewed: Type.Optional(Type.Boolean()),
});
const CaseloadSchema = Type.Object({
  clients: Type.Array(Type.Object({ id: Type.String(), familyName: Type.String(), givenNames: Type.String(), birthDate: Type.String(), signals: Type.Array(SignalSchema) })),
});

export function caseloadRoutes(app: FastifyInstance, deps: AppDeps): void {
  gatedRoute(app, deps, {
    method: 'GET', url: '/api/caseload/signals',
    schema: {
      tags: ['clients'],
      summary: 'My caseload with signals, most urgent first: open requests and deadlines, missing care consent, consents ending, evaluation due, emergency accesses',
      description: 'Only clients the caller has a care relation with (at most 200), each shown logged. The engine ranks (src/rules/caseload-signals.ts); '
        + 'the facts are read with one query per signal kind for the whole caseload.',
      response: { 200: CaseloadSchema },
    },
    kind: 'client-list', subject: () => ({ kind: 'client-list' }), intent: () => 'read',
    handler: async (scope) => ({ clients: await caseloadWithSignals(scope) }),
  });
}
