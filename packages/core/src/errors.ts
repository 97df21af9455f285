/**
 * Expected failures are values. A CalcError remembers the node where it arose (origin) and,
 * when propagated, the chain of nodes it travelled through (path).
 */
export type CalcErrorCode =
  | 'unit-mismatch'
  | 'missing-input'
  | 'factor-not-found'
  | 'cycle'
  | 'division-by-zero'
  | 'invalid-formula'
  | 'negative-remainder'
  | 'instrument-double-use'
  | 'upstream';

export type CalcError = {
  readonly kind: 'error';
  readonly code: CalcErrorCode;
  readonly message: string;
  /** Node id (or context) where the error arose. */
  readonly origin: string;
  /** For propagated errors: the original error. */
  readonly cause?: CalcError;
};

export function calcError(
  code: CalcErrorCode,
  message: string,
  origin: string,
  cause?: CalcError,
): CalcError {
  return cause === undefined
    ? { kind: 'error', code, message, origin }
    : { kind: 'error', code, message, origin, cause };
}

export const isCalcError = (v: unknown): v is CalcError =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'error';

/** The error at the root of a propagation chain. */
export function rootCause(e: CalcError): CalcError {
  return e.cause ? rootCause(e.cause) : e;
}
