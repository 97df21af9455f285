/**
 * The collection cycle's records, as the Workspace port holds them (issue #17): the approval
 * workflow's units with their transitions, and the period locks. Two implementations under the
 * workspace contract: in memory (memory-cycle.ts) and over the store (store-cycle.ts, tables of
 * 015-workflow.sql). The rules are core's (workflow/transition.ts, period-lock.ts); these only
 * keep the records and make each decision atomic: `apply` decides on the unit as it is at that
 * moment, after checking the version the caller acted on, and records one transition or nothing.
 * Times are stamped by the implementation from the workspace's clock.
 */
import type { PeriodLock, TransitionResult, UnitState, WorkflowEventKind, WorkflowState } from '@assay/core';

export type { PeriodLock };

export type UnitKey = { readonly entityId: string; readonly periodId: string; readonly topic: string };

/** A unit and its version (0: nobody has acted on it; +1 per transition). */
export type UnitRecord = UnitKey &
  UnitState & {
    readonly version: number;
    /** ISO-8601 of the last transition; null when none. */
    readonly updatedAt: string | null;
  };

export type TransitionRecord = UnitKey & {
  /** The unit's version after the transition. */
  readonly version: number;
  readonly from: WorkflowState;
  readonly to: WorkflowState;
  readonly event: WorkflowEventKind;
  /** Who acted: the id compared for segregation of duties, and the name shown. */
  readonly userId: string;
  readonly actor: string;
  readonly comment: string | null;
  /** Event 'exception': the user allowed. */
  readonly exceptionFor: string | null;
  readonly at: string;
};

export type Who = { readonly userId: string; readonly actor: string };

export type ApplyRequest = {
  readonly key: UnitKey;
  readonly expectedVersion: number;
  readonly event: WorkflowEventKind;
  readonly comment: string | null;
  readonly exceptionFor: string | null;
  readonly who: Who;
  readonly decide: (unit: UnitState) => TransitionResult;
};

export type ApplyOutcome =
  | { readonly ok: true; readonly unit: UnitRecord; readonly transition: TransitionRecord }
  | { readonly ok: false; readonly reason: 'stale'; readonly current: number }
  | { readonly ok: false; readonly reason: 'locked'; readonly lock: PeriodLock; readonly message: string }
  | {
      readonly ok: false;
      readonly reason: 'refused';
      readonly refusal: Extract<TransitionResult, { ok: false }>;
    };

export type LockOutcome =
  | { readonly ok: true; readonly lock: PeriodLock }
  | { readonly ok: false; readonly reason: 'already-locked'; readonly lock: PeriodLock };

export type UnlockOutcome =
  | { readonly ok: true; readonly lock: PeriodLock }
  | { readonly ok: false; readonly reason: 'not-locked' };

export interface CycleRecords {
  /** The units someone has acted on (version > 0), of one period or all; by entity, period, topic. */
  units(periodId?: string): Promise<readonly UnitRecord[]>;
  /** One unit's transitions, oldest first. */
  transitions(key: UnitKey): Promise<readonly TransitionRecord[]>;
  /** Every transition of one period's units, by entity, topic, then version (one read for a list). */
  periodTransitions(periodId: string): Promise<readonly TransitionRecord[]>;
  /** Decide and record one transition atomically (see the file comment). */
  apply(request: ApplyRequest): Promise<ApplyOutcome>;
  /** The locks in force. */
  locks(): Promise<readonly PeriodLock[]>;
  lock(
    periodId: string,
    who: { readonly userId: string | null; readonly actor: string },
    reason: string,
  ): Promise<LockOutcome>;
  unlock(
    periodId: string,
    who: { readonly userId: string | null; readonly actor: string },
    reason: string,
  ): Promise<UnlockOutcome>;
}

/** The units' sort order: entity, period, topic (as the store orders them). */
export const byUnitKey = (a: UnitKey, b: UnitKey): number =>
  a.entityId < b.entityId
    ? -1
    : a.entityId > b.entityId
      ? 1
      : a.periodId < b.periodId
        ? -1
        : a.periodId > b.periodId
          ? 1
          : a.topic < b.topic
            ? -1
            : a.topic > b.topic
              ? 1
              : 0;
