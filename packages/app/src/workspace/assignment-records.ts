/**
 * Reporting cycles and assignments, as the Workspace port holds them (issue #17; docs/workflow.md
 * "Cycles and assignments"). Two implementations under the same tests: in memory
 * (memory-assignments.ts) and over the store (store-assignments.ts, tables of
 * 017-assignments.sql). The rules are the application's (use-cases/cycles.ts, assignments.ts)
 * and core's (workflow/cycle-periods.ts); these keep the records: opening a cycle is decided
 * against the cycles there at that moment (`blocking`), a bulk assignment is applied whole and
 * idempotently (an assignment already as wanted is not changed), and every change is kept.
 * Times are stamped by the implementation from the workspace's clock.
 */
import type { UnitKey, Who } from './cycle-records.js';

export type CycleRecord = {
  readonly periodId: string;
  /** 'month' | 'quarter' | 'year' (core CYCLE_FREQUENCIES). */
  readonly frequency: string;
  /** Who opened it: user id ("local" for the local user) and name. */
  readonly openedBy: string;
  readonly actor: string;
  /** ISO-8601. */
  readonly openedAt: string;
};

/** One indicator of one entity in one entry period, given to a preparer (or withdrawn). */
export type AssignmentRecord = {
  readonly id: string;
  readonly cycleId: string;
  /** The entry period (the unit's period). */
  readonly periodId: string;
  readonly entityId: string;
  readonly indicatorId: string;
  /** The indicator's topic: the unit's. */
  readonly topic: string;
  /** The preparer's user id; null: withdrawn. */
  readonly assignee: string | null;
  /** "Ann Lee <ann@example.com>" when assigned; null when withdrawn. */
  readonly assigneeLabel: string | null;
  /** YYYY-MM-DD; null when withdrawn. */
  readonly dueDate: string | null;
  /** The number of changes it has had (1 when first assigned). */
  readonly version: number;
  /** The last change's author (user id, name) and time. */
  readonly assignedBy: string;
  readonly actor: string;
  readonly at: string;
};

/** One change of an assignment (its history, oldest first). */
export type AssignmentChangeRecord = {
  readonly assignmentId: string;
  readonly version: number;
  readonly assignee: string | null;
  readonly assigneeLabel: string | null;
  readonly dueDate: string | null;
  readonly assignedBy: string;
  readonly actor: string;
  readonly at: string;
};

/** An assignment as a bulk request wants it; assignee null withdraws it. */
export type WantedAssignment = Pick<
  AssignmentRecord,
  'periodId' | 'entityId' | 'indicatorId' | 'topic' | 'assignee' | 'assigneeLabel' | 'dueDate'
>;

export type AssignCounts = {
  readonly created: number;
  readonly changed: number;
  readonly withdrawn: number;
  readonly unchanged: number;
};

export type OpenCycleOutcome =
  | { readonly ok: true; readonly cycle: CycleRecord; readonly created: boolean }
  | { readonly ok: false; readonly reason: 'blocked'; readonly cycle: CycleRecord };

export type AssignOutcome =
  | ({ readonly ok: true } & AssignCounts)
  | { readonly ok: false; readonly reason: 'no-cycle' };

export type AssignmentQuery = {
  readonly cycleId?: string | undefined;
  readonly assignee?: string | undefined;
  readonly entityIds?: readonly string[] | undefined;
  readonly periodId?: string | undefined;
  readonly includeWithdrawn?: boolean | undefined;
};

export interface AssignmentRecords {
  /** Every cycle, by period. */
  cycles(): Promise<readonly CycleRecord[]>;
  /**
   * Open a cycle. The same period with the same frequency again answers it with
   * `created: false`; otherwise `blocking` (the overlap rule) picks an existing cycle that
   * keeps it from opening, or none.
   */
  openCycle(
    periodId: string,
    frequency: string,
    who: Who,
    blocking: (cycles: readonly CycleRecord[]) => CycleRecord | undefined,
  ): Promise<OpenCycleOutcome>;
  /** Apply a bulk assignment to a cycle, whole; `summary` is what the audit entry records of the request. */
  assign(
    cycleId: string,
    wanted: readonly WantedAssignment[],
    who: Who,
    summary: unknown,
  ): Promise<AssignOutcome>;
  /** Assignments (current only unless includeWithdrawn), by entry period, entity, indicator. */
  list(query?: AssignmentQuery): Promise<readonly AssignmentRecord[]>;
  get(id: string): Promise<AssignmentRecord | undefined>;
  /** An assignment's changes, oldest first. */
  history(id: string): Promise<readonly AssignmentChangeRecord[]>;
  /** The current assignments of a unit (entity × entry period × topic). */
  ofUnit(key: UnitKey): Promise<readonly AssignmentRecord[]>;
}
