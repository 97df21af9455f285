/**
 * API error codes: the application's outcome codes (app/src/outcome.ts) and HTTP's own, each
 * mapped to one HTTP status (a new code without a status does not compile). Every error body is { error: { code, message, field?, issues? } }.
 * What the caller should do, by code:
 *   invalid-request   fix the named field (shape, type, missing value) and resend
 *   invalid-data      the content breaks a domain rule (unknown indicator, unit of the wrong
 *                     dimension…); `issues` lists each with row and column
 *   not-found         the id does not exist; reload the list
 *   conflict          the thing already exists (same id or same entity × period × indicator)
 *   version-required  say which version you edit (If-Match header or `version` field)
 *   stale-version     someone changed it since you read it; reload, reapply, resend
 *   period-locked     the period is locked (the message says since when and by whom): to change
 *                     a figure, file a restatement, or ask an administrator to unlock it
 *   cross-origin      the request came from another site (Sec-Fetch-Site or Origin): send it
 *                     from the app itself, or without browser headers (curl, scripts)
 *   unknown-host      the Host header is not a name this server answers to (DNS rebinding);
 *                     use http://127.0.0.1:<port>/ or http://localhost:<port>/
 *   unsupported-media-type  a write must be JSON: Content-Type: application/json
 *   too-large         the body is over the route's limit (docs/api.md); send less
 *   unauthenticated   sign in (POST /api/session) or send an API token; the session may have
 *                     expired, been signed out, or the user disabled
 *   forbidden         your role does not allow this here (docs/security.md)
 *   bad-credentials   the email or password is wrong (which one is not said)
 *   account-disabled  the account is disabled: ask an administrator
 *   throttled         too many failed sign-ins: wait Retry-After seconds
 *   totp-required     the account has a second factor: sign in again with the current code of
 *                     the authenticator app in `totp` (the code sent, if any, was wrong or used)
 *   totp-enrolment-required  the security settings require a second factor of administrators:
 *                     enrol one (POST /api/session/totp, then …/confirm) before anything else
 *   internal          a fault in the server; the `id` finds the detail in the server log
 */
import type { Failure, OutcomeCode } from '@assay/app';

/** The application's outcome codes plus the ones only HTTP has (request guard, body limits). */
export type ApiErrorCode =
  | OutcomeCode
  | 'cross-origin'
  | 'unknown-host'
  | 'unsupported-media-type'
  | 'too-large'
  | 'unauthenticated'
  | 'forbidden'
  | 'bad-credentials'
  | 'account-disabled'
  | 'throttled'
  | 'totp-required'
  | 'totp-enrolment-required';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 421 | 422 | 428 | 429 | 500;

export const STATUS_OF: { readonly [K in ApiErrorCode]: ErrorStatus } = {
  'invalid-request': 400,
  'invalid-data': 422,
  'not-found': 404,
  conflict: 409,
  'version-required': 428,
  'stale-version': 412,
  'period-locked': 409,
  'cross-origin': 403,
  'unknown-host': 421,
  'unsupported-media-type': 415,
  'too-large': 413,
  unauthenticated: 401,
  forbidden: 403,
  'bad-credentials': 401,
  'account-disabled': 403,
  throttled: 429,
  'totp-required': 401,
  'totp-enrolment-required': 403,
  internal: 500,
};

export type ApiError = Failure<ApiErrorCode>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A failure with any API code (the application's `failure` knows only its own codes). */
export const failure = (
  code: ApiErrorCode,
  message: string,
  extra: { field?: string; issues?: NonNullable<ApiError['issues']> } = {},
): { ok: false; error: ApiError } => ({ ok: false, error: { code, message, ...extra } });
