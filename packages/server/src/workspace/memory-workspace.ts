/**
 * In-memory Workspace over a bundle: loaded once, revisions kept in memory for the life of the
 * process (nothing is written back to the folder). Used until the store-backed workspace is wired.
 */
import type { Bundle, DataPoint, Explanation } from '@assay/core';
import type { DataPointChange, DataPointRevision, Snapshot, Workspace, WriteOutcome } from './workspace.js';

export type Clock = () => string;

export class MemoryWorkspace implements Workspace {
  private bundle: Bundle;
  private version = 1;
  private readonly revisions = new Map<string, DataPointRevision[]>();

  constructor(
    initial: Bundle,
    private readonly clock: Clock = () => new Date().toISOString(),
  ) {
    this.bundle = initial;
    const at = this.clock();
    for (const d of initial.dataPoints) {
      this.revisions.set(d.id, [revisionOf(1, d, 'loaded from bundle', 'bundle', at)]);
    }
  }

  snapshot(): Snapshot {
    const bundle = this.bundle;
    const versions = new Map([...this.revisions].map(([id, r]) => [id, r.length]));
    return { bundle, version: this.version, versionOf: (id) => versions.get(id) };
  }

  async history(id: string): Promise<readonly DataPointRevision[]> {
    return this.revisions.get(id) ?? [];
  }

  async close(): Promise<void> {}

  async writeDataPoints(
    changes: readonly DataPointChange[],
    reason: string,
    author: string,
  ): Promise<WriteOutcome> {
    for (const c of changes) {
      const current = this.revisions.get(c.dataPoint.id)?.length;
      if (c.expectedVersion === undefined && current !== undefined)
        return { ok: false, reason: 'exists', id: c.dataPoint.id };
      if (c.expectedVersion !== undefined && current === undefined)
        return { ok: false, reason: 'not-found', id: c.dataPoint.id };
      if (c.expectedVersion !== undefined && current !== c.expectedVersion)
        return { ok: false, reason: 'stale', id: c.dataPoint.id, current: current ?? 0 };
    }
    const at = this.clock();
    const byId = new Map<string, DataPoint>(this.bundle.dataPoints.map((d) => [d.id, d]));
    const versions = new Map<string, number>();
    for (const c of changes) {
      const list = this.revisions.get(c.dataPoint.id) ?? [];
      const version = list.length + 1;
      const previous = list.at(-1);
      const dataPoint: DataPoint = {
        ...c.dataPoint,
        revision: {
          rev: version,
          ...(previous ? { supersedes: `${c.dataPoint.id}@${previous.version}` } : {}),
          reason,
          author,
          at,
        },
      };
      list.push(revisionOf(version, dataPoint, reason, author, at));
      this.revisions.set(c.dataPoint.id, list);
      byId.set(dataPoint.id, dataPoint);
      versions.set(dataPoint.id, version);
    }
    this.bundle = { ...this.bundle, dataPoints: [...byId.values()] };
    this.version += 1;
    return { ok: true, versions, workspaceVersion: this.version };
  }

  async writeExplanation(e: Explanation, expected: number, _author: string) {
    if (expected !== this.version) return { ok: false as const, current: this.version };
    const rest = this.bundle.registers.explanations.filter((x) => x.subject !== e.subject);
    this.bundle = { ...this.bundle, registers: { ...this.bundle.registers, explanations: [...rest, e] } };
    this.version += 1;
    return { ok: true as const, workspaceVersion: this.version };
  }
}

function revisionOf(
  version: number,
  d: DataPoint,
  reason: string,
  author: string,
  at: string,
): DataPointRevision {
  return { version, value: d.quantity.value.toString(), unit: d.quantity.unit.symbol, reason, author, at };
}
