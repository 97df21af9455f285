/** Compliance cases in memory (case-records.ts), for the in-memory workspace; the store's rules. */
import {
  type CaseChange,
  type CaseRecords,
  type CaseRevision,
  type CaseWriteOutcome,
  decideCaseChange,
  type LatestCase,
  type VersionedCase,
} from './case-records.js';
import type { Clock } from './memory-workspace.js';

export class MemoryCases implements CaseRecords {
  private readonly byId = new Map<string, CaseRevision[]>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly clock: Clock) {}

  async current(): Promise<readonly VersionedCase[]> {
    const out: VersionedCase[] = [];
    for (const [, list] of [...this.byId].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const last = list[list.length - 1];
      if (last?.case) out.push({ case: last.case, version: last.version });
    }
    return out;
  }

  async history(id: string): Promise<readonly CaseRevision[]> {
    return [...(this.byId.get(id) ?? [])];
  }

  write(change: CaseChange, reason: string, author: string): Promise<CaseWriteOutcome> {
    const run = async (): Promise<CaseWriteOutcome> => {
      const latest = new Map<string, LatestCase>();
      for (const [id, list] of this.byId) {
        const last = list[list.length - 1];
        if (last) latest.set(id, { version: last.version, case: last.case });
      }
      const d = decideCaseChange(latest, change);
      if (!d.ok) return d;
      const at = this.clock();
      for (const w of d.writes) {
        const list = this.byId.get(w.id) ?? [];
        list.push({ version: list.length + 1, case: w.body, author, at, reason });
        this.byId.set(w.id, list);
      }
      return { ok: true, version: d.version };
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
