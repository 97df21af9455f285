/**
 * When the outbox tries a message again: after a temporary failure, 1, 5, 15, 60, 180, 360 and
 * 720 minutes after the 1st…7th failed attempt; the 8th failure gives up (about 22 hours after
 * the first attempt). A permanent failure (a 5xx refusal) gives up at once. A message given up
 * is listed as failed in the administrators' outbox view, which can put it back in the queue.
 */

/** Minutes to wait after the n-th failed attempt (index n − 1). */
export const RETRY_AFTER_MINUTES: readonly number[] = [1, 5, 15, 60, 180, 360, 720];
export const MAX_ATTEMPTS = RETRY_AFTER_MINUTES.length + 1;

/**
 * The time of the next attempt after a failure, ISO-8601; null: give up. `attempts` counts the
 * attempts before the one that just failed.
 */
export function nextAttemptAt(now: Date, attempts: number, permanent: boolean): string | null {
  if (permanent) return null;
  const wait = RETRY_AFTER_MINUTES[attempts];
  return wait === undefined ? null : new Date(now.getTime() + wait * 60_000).toISOString();
}
