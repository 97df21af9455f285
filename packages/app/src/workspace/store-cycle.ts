/**
 * The collection cycle's records over the store (cycle-records.ts): workflow units and
 * transitions (store/workflow-units.ts) and period locks (store/period-locks.ts), each decision
 * in one database transaction, so several servers on one PostgreSQL database agree.
 */
import type { PeriodLock } from '@assay/core';
import {
  applyWorkflowTransition,
  lockPeriod,
  periodLocks,
  type Store,
  unlockPeriod,
  workflowPeriodTransitions,
  workflowTransitions,
  workflowUnits,
} from '@assay/store';
import {
  type ApplyOutcome,
  type ApplyRequest,
  byUnitKey,
  type CycleRecords,
  type LockOutcome,
  type TransitionRecord,
  type UnitKey,
  type UnitRecord,
  type UnlockOutcome,
} from './cycle-records.js';
import type { Clock } from './memory-workspace.js';

export class StoreCycle implements CycleRecords {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async units(periodId?: string): Promise<readonly UnitRecord[]> {
    return (await workflowUnits(this.store, periodId)).sort(byUnitKey);
  }

  transitions(key: UnitKey): Promise<readonly TransitionRecord[]> {
    return workflowTransitions(this.store, key);
  }

  periodTransitions(periodId: string): Promise<readonly TransitionRecord[]> {
    return workflowPeriodTransitions(this.store, periodId);
  }

  apply(r: ApplyRequest): Promise<ApplyOutcome> {
    return applyWorkflowTransition(this.store, {
      key: r.key,
      expectedVersion: r.expectedVersion,
      event: r.event,
      comment: r.comment,
      exceptionFor: r.exceptionFor,
      userId: r.who.userId,
      actor: r.who.actor,
      at: this.clock(),
      decide: r.decide,
    });
  }

  locks(): Promise<readonly PeriodLock[]> {
    return periodLocks(this.store);
  }

  lock(
    periodId: string,
    who: { userId: string | null; actor: string },
    reason: string,
  ): Promise<LockOutcome> {
    return lockPeriod(this.store, {
      periodId,
      userId: who.userId,
      actor: who.actor,
      at: this.clock(),
      reason,
    });
  }

  unlock(
    periodId: string,
    who: { userId: string | null; actor: string },
    reason: string,
  ): Promise<UnlockOutcome> {
    return unlockPeriod(this.store, {
      periodId,
      userId: who.userId,
      actor: who.actor,
      at: this.clock(),
      reason,
    });
  }
}
