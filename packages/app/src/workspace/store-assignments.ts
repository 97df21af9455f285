/**
 * Cycles and assignments over the store (assignment-records.ts; store/src/assignments.ts): each
 * request one database transaction under the assignment lock, so several servers agree.
 */
import {
  applyAssignments,
  assignmentById,
  assignmentChanges,
  listAssignments,
  openReportingCycle,
  reportingCycles,
  type Store,
  unitAssignments,
} from '@assay/store';
import type {
  AssignmentChangeRecord,
  AssignmentQuery,
  AssignmentRecord,
  AssignmentRecords,
  AssignOutcome,
  CycleRecord,
  OpenCycleOutcome,
  WantedAssignment,
} from './assignment-records.js';
import type { UnitKey, Who } from './cycle-records.js';
import type { Clock } from './memory-workspace.js';

export class StoreAssignments implements AssignmentRecords {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  cycles(): Promise<readonly CycleRecord[]> {
    return reportingCycles(this.store);
  }

  openCycle(
    periodId: string,
    frequency: string,
    who: Who,
    blocking: (cycles: readonly CycleRecord[]) => CycleRecord | undefined,
  ): Promise<OpenCycleOutcome> {
    return openReportingCycle(this.store, {
      periodId,
      frequency,
      openedBy: who.userId,
      actor: who.actor,
      at: this.clock(),
      blocking,
    });
  }

  assign(
    cycleId: string,
    wanted: readonly WantedAssignment[],
    who: Who,
    summary: unknown,
  ): Promise<AssignOutcome> {
    return applyAssignments(this.store, {
      cycleId,
      wanted,
      userId: who.userId,
      actor: who.actor,
      at: this.clock(),
      summary,
    });
  }

  list(query: AssignmentQuery = {}): Promise<readonly AssignmentRecord[]> {
    return listAssignments(this.store, query);
  }

  get(id: string): Promise<AssignmentRecord | undefined> {
    return assignmentById(this.store, id);
  }

  history(id: string): Promise<readonly AssignmentChangeRecord[]> {
    return assignmentChanges(this.store, id);
  }

  ofUnit(key: UnitKey): Promise<readonly AssignmentRecord[]> {
    return unitAssignments(this.store, key);
  }
}
