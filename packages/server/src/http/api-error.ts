/**
 * API error codes: a closed union, each mapped to one HTTP status (a new code without a status
 * does not compile). Every error body is { error: { code, message, field?, issues? } }.
 * What the caller should do, by code:
 *   invalid-request   fix the named field (shape, type, missing value) and resend
 *   invalid-data      the content breaks a domain rule (unknown indicator, unit of the wrong
 *                     dimension…); `issues` lists each with row and column
 *   not-found         the id does not exist; reload the list
 *   conflict          the thing already exists (same id or same entity × period × indicator)
 *   version-required  say which version you edit (If-Match header or `version` field)
 *   stale-version     someone changed it since you read it; reload, reapply, resend
 */
import type { BundleIssue } from '@assay/core';

export type ApiErrorCode =
  | 'invalid-request'
  | 'invalid-data'
  | 'not-found'
  | 'conflict'
  | 'version-required'
  | 'stale-version';

export const STATUS_OF: { readonly [K in ApiErrorCode]: 400 | 404 | 409 | 412 | 422 | 428 } = {
  'invalid-request': 400,
  'invalid-data': 422,
  'not-found': 404,
  conflict: 409,
  'version-required': 428,
  'stale-version': 412,
};

export type ApiError = {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly issues?: readonly BundleIssue[];
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = (
  code: ApiErrorCode,
  message: string,
  extra: { field?: string; issues?: readonly BundleIssue[] } = {},
): { ok: false; error: ApiError } => ({ ok: false, error: { code, message, ...extra } });
