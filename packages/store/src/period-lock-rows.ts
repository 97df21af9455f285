/**
 * Reading the period locks (015-workflow.sql) and the check every writer of facts makes inside
 * its transaction: a new revision (or a retraction) in a period a lock covers is refused (core
 * workflow/period-lock.ts says which periods a lock covers and what the refusal says).
 * Locking and unlocking are in period-locks.ts.
 */
import { lockCovering, lockCovers, lockedMessage, type PeriodLock } from '@assay/core/forms';
import { isoOf } from './accounts/timestamps.js';
import type { Sql } from './store.js';

export type { PeriodLock };

/** A write refused by a lock: the lock, the fact's period it covers, and the message to show. */
export type LockedWrite = { readonly lock: PeriodLock; readonly periodId: string; readonly message: string };

/** The locks in force, oldest first. */
export function periodLocks(sql: Sql): Promise<PeriodLock[]> {
  return sql.query<PeriodLock>(
    `select period_id as "periodId", user_id as "userId", actor, ${isoOf('at')} as at, reason
     from period_lock order by at, period_id`,
  );
}

/** The lock covering any of `periods` (fact periods), if one does. */
export async function lockedPeriod(sql: Sql, periods: Iterable<string>): Promise<LockedWrite | undefined> {
  const locks = await periodLocks(sql);
  if (locks.length === 0) return undefined;
  const found = lockCovering(locks, periods);
  return found && { ...found, message: lockedMessage(found.lock, found.periodId) };
}

/**
 * Whether change set `changeSet` (being written in `tx`) changes a locked period: a revision
 * in it lies in a locked period, or replaces a current revision that does (a line given another
 * period leaves the locked period's figures as surely as a changed amount; issue #17).
 * `periods` are the periods of every fact the write was given (a superset of those it changed):
 * with no lock covering any of them, no revision is read. `replaced` are the periods of the
 * current revisions the change set replaced (fact-append.ts replacedPeriods), each of a
 * revision actually written, so a lock covering one refuses without a query.
 */
export async function lockedInChangeSet(
  tx: Sql,
  changeSet: number,
  periods: ReadonlySet<string>,
  replaced: ReadonlySet<string> = new Set(),
): Promise<LockedWrite | undefined> {
  const locks = await periodLocks(tx);
  if (locks.length === 0) return undefined;
  const left = lockCovering(locks, replaced);
  if (left) return { ...left, message: lockedMessage(left.lock, left.periodId) };
  const candidates = [...periods].filter((p) => locks.some((l) => lockCovers(l.periodId, p)));
  if (candidates.length === 0) return undefined;
  // Only facts that got a new revision count: re-importing unchanged facts of a locked period is fine.
  const touched = await tx.query<{ period_id: string }>(
    `(select period_id from data_point_revision where change_set = $1 and period_id = any($2::text[]) limit 1)
     union all
     (select period_id from activity_line_revision where change_set = $1 and period_id = any($2::text[]) limit 1)`,
    [changeSet, candidates],
  );
  const first = touched[0];
  if (!first) return undefined;
  const found = lockCovering(locks, [first.period_id]);
  return found && { ...found, message: lockedMessage(found.lock, found.periodId) };
}
