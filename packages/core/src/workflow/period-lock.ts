/**
 * The period lock (issue #17): once a period's figures are approved, an administrator locks it,
 * and every write of a data point or activity line in it is refused until it is unlocked
 * (a change then goes through a restatement). A lock on a period covers every fact whose
 * period overlaps it: a lock on 2025 covers 2025, 2025-Q1 and 2025-03; a lock on 2025-03
 * covers 2025-03, 2025-Q1 and 2025 (a yearly figure includes March).
 */
import { isWithin, parsePeriod } from '../model/period.js';

/** A lock in force. `at`: ISO-8601, stamped by the adapter; `actor`: "Ann Lee <ann@x.com>". */
export type PeriodLock = {
  readonly periodId: string;
  /** The user who locked it; null for the local user (CLI, open server). */
  readonly userId: string | null;
  readonly actor: string;
  readonly at: string;
  readonly reason: string;
};

/** Whether a lock on `lockedPeriod` covers a fact of `factPeriod` (same or overlapping periods). */
export function lockCovers(lockedPeriod: string, factPeriod: string): boolean {
  if (lockedPeriod === factPeriod) return true;
  const a = parsePeriod(lockedPeriod);
  const b = parsePeriod(factPeriod);
  if (!a || !b) return false;
  return isWithin(a, b) || isWithin(b, a);
}

/** The first lock covering any of the periods, or undefined. */
export function lockCovering(
  locks: readonly PeriodLock[],
  periods: Iterable<string>,
): { readonly lock: PeriodLock; readonly periodId: string } | undefined {
  for (const periodId of periods)
    for (const lock of locks) if (lockCovers(lock.periodId, periodId)) return { lock, periodId };
  return undefined;
}

/** What a refused write says: which period, since when, by whom, and what to do instead. */
export function lockedMessage(lock: PeriodLock, factPeriod: string = lock.periodId): string {
  const since = `is locked since ${lock.at} by ${lock.actor}; to change a figure, file a restatement`;
  if (factPeriod === lock.periodId) return `period ${lock.periodId} ${since}`;
  const a = parsePeriod(factPeriod);
  const b = parsePeriod(lock.periodId);
  const relation = a && b && isWithin(a, b) ? 'lies in' : 'includes';
  return `period ${factPeriod} ${relation} period ${lock.periodId}, which ${since}`;
}
