/**
 * CSRF protection: every state-changing request (POST, PUT, PATCH, DELETE)
 * must carry the header `x-dossierwijzer-csrf: 1`, or it is refused with 403 —
 * with a session or without (the log-in steps too), whatever its path. It is
 * decided before routing details matter: a check on the raw URL was skipped
 * by `/%61pi/…`, which the router still takes for /api (issue 13).
 *
 * Why this suffices, on top of SameSite=Strict: a browser sends our cookie only
 * on requests started from our own site, so a cross-site form or fetch arrives
 * without a session already. The header is the second lock, for what
 * SameSite does not cover (a sibling subdomain counts as "same site"; old
 * browsers ignore SameSite): a page can add a custom header only through
 * fetch/XMLHttpRequest, and cross-origin that needs a CORS preflight, which
 * this server never approves (it sends no Access-Control-Allow-* headers at
 * all). HTML forms cannot set headers. So a request with the header came from
 * our own origin's script. (OWASP CSRF Prevention Cheat Sheet, "Custom Request
 * Headers".)
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** The header every state-changing /api request must carry, with the value `1`. */
export const CSRF_HEADER = 'x-dossierwijzer-csrf';
export const CSRF_HEADER_VALUE = '1';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** True when the request changes nothing, or carries the CSRF header. */
export function isCsrfSafe(request: FastifyRequest): boolean {
  return !STATE_CHANGING.has(request.method) || request.headers[CSRF_HEADER] === CSRF_HEADER_VALUE;
}

/** 403 for a state-changing request without the header; says what is missing (it is no secret). */
export function csrfRefused(): AppError {
  return new AppError('csrf-header-missing', 403,
    `Dit verzoek is geweigerd: de kop "${CSRF_HEADER}: ${CSRF_HEADER_VALUE}" ontbreekt.`,
    `Request refused: the header "${CSRF_HEADER}: ${CSRF_HEADER_VALUE}" is missing.`);
}
