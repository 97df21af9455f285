/**
 * Sign-in throttling policy, pure: how long to wait given the failures counted in the store
 * (store/src/accounts/sign-in-attempts.ts). Exponential delay, never a permanent lock-out, so
 * an attacker cannot lock the rightful owner out for longer than the cap after they stop.
 *
 * Per account (email as typed): from the 5th failure since the last success within 24 h, wait
 * 1 s, then 2 s, 4 s … at most 15 min after the latest failure.
 * Per client address: the same from the 20th failure within 1 h (an office behind one NAT
 * address shares it), across all accounts, not cleared by a success.
 */

export type ThrottleRule = {
  /** Failures allowed before any delay. */
  readonly threshold: number;
  /** Seconds to wait after the threshold-th failure; doubles with each further failure. */
  readonly baseDelaySeconds: number;
  /** Cap on the delay, seconds. */
  readonly maxDelaySeconds: number;
  /** Failures older than this many seconds are not counted. */
  readonly windowSeconds: number;
  /** Whether a success for the key clears its count. */
  readonly clearedBySuccess: boolean;
};

export const THROTTLE_POLICY: { readonly account: ThrottleRule; readonly address: ThrottleRule } = {
  account: {
    threshold: 5,
    baseDelaySeconds: 1,
    maxDelaySeconds: 15 * 60,
    windowSeconds: 24 * 3600,
    clearedBySuccess: true,
  },
  address: {
    threshold: 20,
    baseDelaySeconds: 1,
    maxDelaySeconds: 15 * 60,
    windowSeconds: 3600,
    clearedBySuccess: false,
  },
};

/** Delay in seconds imposed after `failures` counted failures (0 below the threshold). */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.threshold) return 0;
  const doublings = failures - rule.threshold;
  // 2^doublings overflows nothing before the cap: stop doubling once past it.
  if (doublings >= 31) return rule.maxDelaySeconds;
  return Math.min(rule.maxDelaySeconds, rule.baseDelaySeconds * 2 ** doublings);
}

/**
 * Whole seconds still to wait at `now` (0: may try now). `lastFailureAt` is ISO-8601 (null when
 * there was none); `now` is milliseconds since the epoch.
 */
export function retryAfterSeconds(
  failures: number,
  lastFailureAt: string | null,
  now: number,
  rule: ThrottleRule,
): number {
  const delay = delayAfter(failures, rule);
  if (delay === 0 || lastFailureAt === null) return 0;
  const waitMs = Date.parse(lastFailureAt) + delay * 1000 - now;
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}
