/** GET /health: liveness plus database status, for load balancers and humans. */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from './app-deps.js';

export function healthRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/health', {
    config: { public: true },
    schema: {
      tags: ['system'],
      summary: 'Health and database status',
      response: {
        200: Type.Object({ status: Type.Literal('ok'), database: Type.Object({ kind: Type.String(), status: Type.String() }) }),
        503: Type.Object({ status: Type.Literal('unavailable'), database: Type.Object({ kind: Type.String(), status: Type.String() }) }),
      },
    },
  }, async (_request, reply) => {
    try {
      await deps.db.query('SELECT 1');
      return { status: 'ok' as const, database: { kind: deps.db.kind, status: 'up' } };
    } catch {
      return reply.code(503).send({ status: 'unavailable' as const, database: { kind: deps.db.kind, status: 'down' } });
    }
  });
}
