/**
 * In-memory Workspace over a bundle: loaded once, revisions kept in memory for the life of the
 * process (nothing is written back to the folder). `assay serve --memory` and tests use it; the
 * default is the store-backed workspace.
 */
import { type Bundle, type DataPoint, dataPointFactKey, type Explanation } from '@assay/core';
import { dataPointRuleProblems, repeatedInWrite } from './fact-rules.js';
import type {
  DataPointChange,
  DataPointRevision,
  RetractOutcome,
  Snapshot,
  Workspace,
  WriteOutcome,
} from './workspace.js';

export type Clock = () => string;

export class MemoryWorkspace implements Workspace {
  private bundle: Bundle;
  private version = 1;
  private readonly revisions = new Map<string, DataPointRevision[]>();
  /** Ids whose latest revision is a retraction: not current, but their history stays. */
  private readonly retracted = new Set<string>();
  /** The key (entity|period|indicator|disaggregation) each id has belonged to, retracted or not. */
  private readonly keys = new Map<string, string>();

  constructor(
    initial: Bundle,
    private readonly clock: Clock = () => new Date().toISOString(),
  ) {
    this.bundle = initial;
    const at = this.clock();
    for (const d of initial.dataPoints) {
      this.revisions.set(d.id, [revisionOf(1, d, 'loaded from bundle', 'bundle', at)]);
      this.keys.set(d.id, dataPointFactKey(d));
    }
  }

  snapshot(): Snapshot {
    const bundle = this.bundle;
    const versions = new Map(
      [...this.revisions].filter(([id]) => !this.retracted.has(id)).map(([id, r]) => [id, r.length]),
    );
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
    const repeated = repeatedInWrite(changes.map((c) => c.dataPoint));
    if (repeated)
      return {
        ok: false,
        reason: 'invalid',
        id: repeated.id,
        field: repeated.column,
        message: repeated.message,
      };
    for (const c of changes) {
      const current = this.currentVersion(c.dataPoint.id);
      if (c.expectedVersion === undefined && current !== undefined)
        return { ok: false, reason: 'exists', id: c.dataPoint.id };
      if (c.expectedVersion !== undefined && current === undefined)
        return { ok: false, reason: 'not-found', id: c.dataPoint.id };
      if (c.expectedVersion !== undefined && current !== c.expectedVersion)
        return { ok: false, reason: 'stale', id: c.dataPoint.id, current: current ?? 0 };
    }
    // The rules the store applies against stored data (fact-rules.ts).
    const [problem] = dataPointRuleProblems(
      this.bundle.dataPoints,
      changes.map((c) => c.dataPoint),
      (id) => this.keys.get(id),
    );
    if (problem)
      return {
        ok: false,
        reason: 'invalid',
        id: problem.id,
        field: problem.column,
        message: problem.message,
      };
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
      this.retracted.delete(c.dataPoint.id); // written again: current once more
      this.keys.set(c.dataPoint.id, dataPointFactKey(c.dataPoint));
      byId.set(dataPoint.id, dataPoint);
      versions.set(dataPoint.id, version);
    }
    this.bundle = { ...this.bundle, dataPoints: [...byId.values()] };
    this.version += 1;
    return { ok: true, versions, workspaceVersion: this.version };
  }

  async retractDataPoint(
    id: string,
    expectedVersion: number,
    reason: string,
    author: string,
  ): Promise<RetractOutcome> {
    const current = this.currentVersion(id);
    const last = this.revisions.get(id)?.at(-1);
    if (current === undefined || !last) return { ok: false, reason: 'not-found', id };
    if (current !== expectedVersion) return { ok: false, reason: 'stale', id, current };
    const version = current + 1;
    this.revisions.get(id)?.push({ ...last, version, retracted: true, reason, author, at: this.clock() });
    this.retracted.add(id);
    this.bundle = { ...this.bundle, dataPoints: this.bundle.dataPoints.filter((d) => d.id !== id) };
    this.version += 1;
    return { ok: true, version, workspaceVersion: this.version };
  }

  /** The version of a current data point (its revision count); undefined if unknown or retracted. */
  private currentVersion(id: string): number | undefined {
    return this.retracted.has(id) ? undefined : this.revisions.get(id)?.length;
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
  return {
    version,
    value: d.quantity.value.toString(),
    unit: d.quantity.unit.symbol,
    retracted: false,
    reason,
    author,
    at,
  };
}
