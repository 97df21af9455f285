import { describe, expect, it } from 'vitest';
import { delayAfter, retryAfterSeconds, THROTTLE_POLICY } from './throttle.js';

const account = THROTTLE_POLICY.account;

describe('throttle policy', () => {
  it('waits from the 5th failure, doubling from 1 s, capped at 15 minutes', () => {
    expect([0, 4, 5, 6, 7, 14, 15, 16, 1000].map((n) => delayAfter(n, account))).toEqual([
      0, 0, 1, 2, 4, 512, 900, 900, 900,
    ]);
  });

  it('counts the wait from the latest failure, in whole seconds rounded up', () => {
    const last = '2026-03-01T09:00:00.000Z';
    const t = Date.parse(last);
    expect(retryAfterSeconds(6, last, t, account)).toBe(2);
    expect(retryAfterSeconds(6, last, t + 1_500, account)).toBe(1);
    expect(retryAfterSeconds(6, last, t + 2_000, account)).toBe(0);
    expect(retryAfterSeconds(4, last, t, account)).toBe(0);
    expect(retryAfterSeconds(6, null, t, account)).toBe(0);
  });

  it('per address allows more failures (shared NAT) and is not cleared by a success', () => {
    expect(delayAfter(19, THROTTLE_POLICY.address)).toBe(0);
    expect(delayAfter(20, THROTTLE_POLICY.address)).toBe(1);
    expect(THROTTLE_POLICY.address.clearedBySuccess).toBe(false);
  });
});
