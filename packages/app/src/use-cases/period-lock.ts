/**
 * The period lock's use cases (issue #17; docs/workflow.md): an administrator of the group
 * ('lock-period') locks a period once its figures are approved, and may unlock it, each with a
 * reason that is recorded. While locked, every write of a data point or activity line in an
 * overlapping period is refused by the workspace and the store (core workflow/period-lock.ts),
 * whichever door it comes through; `periodLocked` is how a use case answers such a refusal.
 */
import { lockCovering, type PeriodLock, parsePeriod } from '@assay/core';
import { authorise } from '../access/authorise.js';
import type { Caller } from '../access/caller.js';
import { failure, type Result, success } from '../outcome.js';
import type { Locked, Workspace } from '../workspace/workspace.js';
import { listUnits, type UnitView } from './workflow.js';

/** A write refused by a lock, as a use case answers it (HTTP 409, CLI exit 1). */
export const periodLocked = (out: Pick<Locked, 'message'>) =>
  failure('period-locked', out.message, { field: 'period' });

/** The lock covering a period (its own or an overlapping one's), if any. */
export async function lockOf(ws: Workspace, periodId: string): Promise<PeriodLock | undefined> {
  return lockCovering(await ws.cycle.locks(), [periodId])?.lock;
}

/** Whether a write of a fact in `periodId` would be refused by a lock now. */
export async function isLocked(ws: Workspace, periodId: string): Promise<boolean> {
  return (await lockOf(ws, periodId)) !== undefined;
}

export type LockInput = {
  readonly ws: Workspace;
  readonly caller: Caller;
  readonly periodId: string;
  readonly reason: string;
};

function check(i: LockInput): Result<{ who: { userId: string | null; actor: string }; reason: string }> {
  if (authorise(i.caller.access, 'lock-period', { kind: 'organisation' }) !== 'allow')
    return failure('forbidden', 'only an administrator of the group may lock or unlock a period');
  if (!parsePeriod(i.periodId))
    return failure(
      'invalid-request',
      `period "${i.periodId}": use a year (2025), quarter (2025-Q1) or month (2025-01)`,
      {
        field: 'period',
      },
    );
  const reason = i.reason.trim();
  if (reason === '')
    return failure('invalid-request', 'reason: say why the period is locked or unlocked', {
      field: 'reason',
    });
  return success({ who: { userId: i.caller.userId, actor: i.caller.label }, reason });
}

/** Lock a period; `notApproved` lists the period's units not approved at the time (a warning, not a refusal). */
export async function lockPeriod(
  i: LockInput,
): Promise<Result<{ lock: PeriodLock; notApproved: UnitView[] }>> {
  const ok = check(i);
  if (!ok.ok) return ok;
  const units = await listUnits(i.ws, i.caller, i.periodId);
  const out = await i.ws.cycle.lock(i.periodId, ok.value.who, ok.value.reason);
  if (!out.ok)
    return failure(
      'conflict',
      `period ${i.periodId} is already locked since ${out.lock.at} by ${out.lock.actor}`,
      {
        field: 'period',
      },
    );
  const notApproved = units.ok ? units.value.filter((u) => u.state !== 'approved') : [];
  return success({ lock: out.lock, notApproved });
}

export async function unlockPeriod(i: LockInput): Promise<Result<{ unlocked: PeriodLock }>> {
  const ok = check(i);
  if (!ok.ok) return ok;
  const out = await i.ws.cycle.unlock(i.periodId, ok.value.who, ok.value.reason);
  if (!out.ok) return failure('not-found', `period ${i.periodId} is not locked`, { field: 'period' });
  return success({ unlocked: out.lock });
}
