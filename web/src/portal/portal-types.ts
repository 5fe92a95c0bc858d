/** Shapes the portal's pages share, from the server's schema (web/src/shared/api-schema.ts, generated). */
import type { ResponseOf } from './portal-api';

/**
 * Who is logged in to the portal (GET /api/portal/auth/me): the client themself or one registered relation
 * (`relationId`), the client whose dossier it is, and whether the engine gives this person a right to anything in the
 * dossier today, and why (its Dutch words, `standing`).
 */
export type PortalMe = ResponseOf<'/api/portal/auth/me'>;
