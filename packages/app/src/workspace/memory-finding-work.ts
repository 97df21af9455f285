/** Findings' work state in memory (finding-work-records.ts), for the in-memory workspace; the store's rules. */
import type { FindingWorkDecision, FindingWorkRecord, FindingWorkRecords } from './finding-work-records.js';
import type { Clock } from './memory-workspace.js';

export class MemoryFindingWork implements FindingWorkRecords {
  private readonly all: FindingWorkRecord[] = [];
  private readonly latest = new Map<string, FindingWorkRecord>();
  private lastRun: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly clock: Clock) {}

  async current(): Promise<readonly FindingWorkRecord[]> {
    return [...this.latest.values()].sort((a, b) => (a.findingId < b.findingId ? -1 : 1));
  }

  async history(findingId: string): Promise<readonly FindingWorkRecord[]> {
    return this.all.filter((r) => r.findingId === findingId);
  }

  change<T>(
    decide: (
      current: ReadonlyMap<string, FindingWorkRecord>,
      lastRun: number | null,
    ) => FindingWorkDecision<T>,
  ): Promise<T> {
    const run = async () => {
      const d = decide(new Map(this.latest), this.lastRun);
      const at = this.clock();
      // Checked before anything is appended: all or nothing, as the store's transaction.
      const versions = new Map<string, number>();
      for (const e of d.events) {
        const before = versions.get(e.findingId) ?? this.latest.get(e.findingId)?.version ?? 0;
        if (e.version !== before + 1)
          throw new Error(`finding ${e.findingId}: version ${e.version} after ${before}`);
        versions.set(e.findingId, e.version);
      }
      for (const e of d.events) {
        const before = this.latest.get(e.findingId);
        const acceptedAt =
          e.state !== 'accepted' ? null : e.event === 'accept' ? at : (before?.acceptedAt ?? null);
        const record: FindingWorkRecord = { ...e, at, acceptedAt };
        this.all.push(record);
        this.latest.set(e.findingId, record);
      }
      if (d.run && (this.lastRun === null || d.run.revision > this.lastRun)) this.lastRun = d.run.revision;
      return d.value;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
