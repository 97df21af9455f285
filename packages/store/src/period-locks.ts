/**
 * Locking and unlocking a period (issue #17; 015-workflow.sql). One transaction each, under the
 * import lock that every writer of facts takes (import-run.ts, IMPORT_LOCK), so a lock and a
 * write never interleave: a write either committed before the lock or sees it. Each lock and
 * unlock is recorded in period_lock_event (append-only) and in the hash-chained audit log.
 * Who may lock is the application's to decide (the 'lock-period' action: an administrator of
 * the group).
 */
import { appendAudit } from './audit.js';
import { IMPORT_LOCK } from './import-run.js';
import { type PeriodLock, periodLocks } from './period-lock-rows.js';
import type { Sql, Store } from './store.js';

export type LockResult =
  | { readonly ok: true; readonly lock: PeriodLock }
  | { readonly ok: false; readonly reason: 'already-locked'; readonly lock: PeriodLock };

export type UnlockRequest = {
  readonly periodId: string;
  readonly userId: string | null;
  readonly actor: string;
  readonly at: string;
  readonly reason: string;
};

export type UnlockResult =
  | { readonly ok: true; readonly lock: PeriodLock }
  | { readonly ok: false; readonly reason: 'not-locked' };

async function current(tx: Sql, periodId: string): Promise<PeriodLock | undefined> {
  return (await periodLocks(tx)).find((l) => l.periodId === periodId);
}

async function recordEvent(tx: Sql, action: 'lock' | 'unlock', e: PeriodLock): Promise<void> {
  await tx.query(
    `insert into period_lock_event (period_id, action, user_id, actor, at, reason)
     values ($1, $2, $3, $4, $5, $6)`,
    [e.periodId, action, e.userId, e.actor, e.at, e.reason],
  );
  await appendAudit(tx, {
    at: e.at,
    actor: e.actor,
    action: `period-${action}`,
    subject: `period ${e.periodId}`,
    before: null,
    after: { periodId: e.periodId, userId: e.userId },
    reason: e.reason,
  });
}

export function lockPeriod(store: Store, lock: PeriodLock): Promise<LockResult> {
  return store.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    const existing = await current(tx, lock.periodId);
    if (existing) return { ok: false, reason: 'already-locked', lock: existing };
    await tx.query(
      'insert into period_lock (period_id, user_id, actor, at, reason) values ($1, $2, $3, $4, $5)',
      [lock.periodId, lock.userId, lock.actor, lock.at, lock.reason],
    );
    await recordEvent(tx, 'lock', lock);
    return { ok: true, lock: (await current(tx, lock.periodId)) ?? lock };
  });
}

export function unlockPeriod(store: Store, r: UnlockRequest): Promise<UnlockResult> {
  return store.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    const existing = await current(tx, r.periodId);
    if (!existing) return { ok: false, reason: 'not-locked' };
    await tx.query('delete from period_lock where period_id = $1', [r.periodId]);
    await recordEvent(tx, 'unlock', r);
    return { ok: true, lock: existing };
  });
}
