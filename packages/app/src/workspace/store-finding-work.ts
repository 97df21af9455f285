/** Findings' work state over the store (finding-work-records.ts; store/src/finding-work.ts). */
import { changeFindingWork, currentFindingWork, findingWorkHistory, type Store } from '@assay/store';
import type { FindingWorkDecision, FindingWorkRecord, FindingWorkRecords } from './finding-work-records.js';
import type { Clock } from './memory-workspace.js';

export class StoreFindingWork implements FindingWorkRecords {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  current(): Promise<readonly FindingWorkRecord[]> {
    return currentFindingWork(this.store);
  }

  history(findingId: string): Promise<readonly FindingWorkRecord[]> {
    return findingWorkHistory(this.store, findingId);
  }

  change<T>(
    decide: (
      current: ReadonlyMap<string, FindingWorkRecord>,
      lastRun: number | null,
    ) => FindingWorkDecision<T>,
  ): Promise<T> {
    return changeFindingWork(this.store, this.clock(), decide);
  }
}
