/**
 * What a use case answers: its value, or a domain failure from a closed set of codes. Each front
 * door maps the codes once: the server to HTTP statuses (server/src/http/api-error.ts), the CLI to
 * exit codes and messages (cli/src/outcome-exit.ts). What the caller should do, by code:
 *   invalid-request   fix the named field (shape, type, missing value) and resend
 *   invalid-data      the content breaks a domain rule (unknown indicator, unit of the wrong
 *                     dimension…); `issues` lists each with row and column
 *   not-found         the id does not exist; reload the list
 *   conflict          the thing already exists (same id or same entity × period × indicator)
 *   version-required  say which version you edit
 *   stale-version     someone changed it since you read it; reload, reapply, resend
 *   period-locked     the period is locked (issue #17): the message says since when and by whom;
 *                     to change a figure, file a restatement (or an administrator unlocks it)
 *   forbidden         the caller's role does not allow this here, or segregation of duties
 *                     does not (`rule` names the workflow rule: self-review, self-approval…)
 *   internal          a fault; the `id` finds the detail in the log
 */
import type { BundleIssue } from '@assay/core';

export type OutcomeCode =
  | 'invalid-request'
  | 'invalid-data'
  | 'not-found'
  | 'conflict'
  | 'version-required'
  | 'stale-version'
  | 'period-locked'
  | 'forbidden'
  | 'internal';

export type Failure<C extends string = OutcomeCode> = {
  readonly code: C;
  readonly message: string;
  readonly field?: string;
  readonly issues?: readonly BundleIssue[];
  /** `internal` only: the id under which the log holds the detail. */
  readonly id?: string;
  /** A workflow refusal's rule (core workflow/state.ts RefusalCode: wrong-state, self-approval…). */
  readonly rule?: string;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = (
  code: OutcomeCode,
  message: string,
  extra: { field?: string; issues?: readonly BundleIssue[]; rule?: string } = {},
): { ok: false; error: Failure } => ({ ok: false, error: { code, message, ...extra } });
