/**
 * The one error type: a stable code, an HTTP status, and a Dutch and English
 * message. Services throw these; only the HTTP layer turns them into
 * RFC 9457 problem+json. Codes come from the catalogue in
 * `shared/error-codes.ts`: a code not in it, or thrown with another status
 * than the catalogue gives it, does not compile. The articles a refusal
 * rests on (`basis`) come from the rules' `Citation` catalogue, never a free string.
 */
import type { Citation } from './rules/citations.js';
import type { ErrorCode, ErrorCodeWithStatus } from './shared/error-codes.js';

export interface FieldProblem {
  field: string;
  nl: string;
  en: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly nl: string,
    readonly en: string,
    readonly extra: { field?: string; errors?: FieldProblem[]; basis?: readonly Citation[] } = {},
  ) {
    super(en);
    this.name = 'AppError';
  }
}

/** 400: the input is wrong; `field` names where. */
export function badRequest(code: ErrorCodeWithStatus<400>, field: string | undefined, nl: string, en: string): AppError {
  return new AppError(code, 400, nl, en, {
    ...(field === undefined ? {} : { field, errors: [{ field, nl, en }] }),
  });
}

/** 404: also used for what exists but lies outside the caller's reach (no existence leak). */
export function notFound(nl = 'Niet gevonden.', en = 'Not found.'): AppError {
  return new AppError('not-found', 404, nl, en);
}

/** 403 with the rules engine's Dutch explanation and the articles it rests on. */
export function forbidden(nl: string, en: string, basis: readonly Citation[] = []): AppError {
  return new AppError('forbidden', 403, nl, en, { basis });
}

/** 401: no valid session; never says which part of a log-in was wrong. */
export function unauthorized(): AppError {
  return new AppError('unauthorized', 401, 'U bent niet ingelogd of uw sessie is verlopen.', 'You are not logged in or your session has expired.');
}

/** 409: the state of things does not allow this now. */
export function conflict(code: ErrorCodeWithStatus<409>, nl: string, en: string): AppError {
  return new AppError(code, 409, nl, en);
}
