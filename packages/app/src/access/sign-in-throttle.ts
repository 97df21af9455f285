/**
 * The throttle gate every password or second-factor check passes (sessions.ts signIn,
 * totp.ts turning the second factor off): inside the caller's transaction, take an advisory
 * lock per account and per address (so parallel guesses cannot all slip in below the
 * threshold), then count the recent failures of both (throttle.ts holds the policy).
 * Internal to access/ (not exported from index.ts).
 */
import {
  countRecentFailures,
  emailKey,
  recordSignInAttempt,
  type SignInOutcomeKind,
  type Sql,
} from '@assay/store';
import { retryAfterSeconds, THROTTLE_POLICY } from './throttle.js';

/** Column bounds of sign_in_attempts (010-accounts.sql). */
const MAX_EMAIL = 254;
const MAX_ADDRESS = 100;

const iso = (ms: number) => new Date(ms).toISOString();

async function lockKey(tx: Sql, key: string): Promise<void> {
  await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

export type ThrottleGate = {
  /** Whole seconds still to wait (0: may check the secret now). */
  readonly wait: number;
  /** Record this attempt's outcome under the account and the address. */
  readonly record: (outcome: SignInOutcomeKind) => Promise<void>;
  /** The account key (lower-cased email, cut to the column bound). */
  readonly key: string;
  /** The client address, cut to the column bound. */
  readonly address: string;
};

/** Lock, count and say how long to wait; `at` is milliseconds since the epoch. */
export async function throttleGate(
  tx: Sql,
  email: string,
  address: string,
  at: number,
): Promise<ThrottleGate> {
  const key = emailKey(email).slice(0, MAX_EMAIL);
  const addr = address.slice(0, MAX_ADDRESS);
  // Always account first, then address: one order, so two attempts cannot deadlock.
  await lockKey(tx, `assay:sign-in:account:${key}`);
  await lockKey(tx, `assay:sign-in:address:${addr}`);
  const { account, address: byAddress } = THROTTLE_POLICY;
  const a = await countRecentFailures(
    tx,
    { email: key },
    iso(at - account.windowSeconds * 1000),
    account.clearedBySuccess,
  );
  const b = await countRecentFailures(
    tx,
    { address: addr },
    iso(at - byAddress.windowSeconds * 1000),
    byAddress.clearedBySuccess,
  );
  const wait = Math.max(
    retryAfterSeconds(a.failures, a.lastFailureAt, at, account),
    retryAfterSeconds(b.failures, b.lastFailureAt, at, byAddress),
  );
  const record = (outcome: SignInOutcomeKind) =>
    recordSignInAttempt(tx, { email: key, address: addr, outcome, at: iso(at) });
  return { wait, record, key, address: addr };
}
