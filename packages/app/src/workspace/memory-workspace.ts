/**
 * In-memory Workspace over a bundle: loaded once, revisions kept in memory for the life of the
 * process (nothing is written back to the folder). `assay serve --memory` and tests use it; the
 * default is the store-backed workspace.
 *
 * An edit costs what it changes, not what the workspace holds: the current versions are a
 * SharedMap (a new one per write shares all but the touched buckets with the one an earlier
 * snapshot holds), the snapshot is one object per workspace version, the data points' positions
 * and the period-overlap rule's year groups are indexes kept up to date (built on the first
 * write), and the data points are a ChunkedList (a write copies the chunks it touches; the
 * snapshot's `bundle.dataPoints` is built on first read). Each snapshot knows the data points
 * written since an earlier one (change-log.ts), so the evaluation follows an edit without
 * comparing all data points (docs/performance.md, "Edit through the API"). Nothing an earlier
 * snapshot holds is changed.
 */
import {
  type ActivityLine,
  type Bundle,
  type DataPoint,
  dataPointFactKey,
  type Explanation,
  type NarrativeSection,
  type Organisation,
} from '@assay/core';
import { repeatedLineInWrite, sameStoredLine } from './activity-line-rules.js';
import { ChangeLog } from './change-log.js';
import { ChunkedList } from './chunked-list.js';
import { dataPointRuleProblems, repeatedInWrite, YearGroupIndex } from './fact-rules.js';
import { dataPointOutcome, lineOutcome } from './fact-writes.js';
import { indexById } from './index-by-id.js';
import { MemoryAssignments } from './memory-assignments.js';
import { MemoryCases } from './memory-cases.js';
import { MemoryComments } from './memory-comments.js';
import { MemoryCycle } from './memory-cycle.js';
import { MemoryFindingWork } from './memory-finding-work.js';
import { MemoryMateriality } from './memory-materiality.js';
import { MemoryRestatements } from './memory-restatements.js';
import {
  type RowChange,
  RowHistories,
  type RowOf,
  type RowRegister,
  type RowRevision,
  type RowWriteOutcome,
} from './register-row-history.js';
import type { RestatementFactKind, RestatementItemRecord } from './restatement-records.js';
import { SharedMap } from './shared-map.js';
import {
  type TargetChange,
  TargetHistories,
  type TargetRevision,
  type TargetWriteOutcome,
} from './target-history.js';
import type {
  ActivityLineChange,
  DataPointChange,
  DataPointRevision,
  DataPointWrite,
  FactChanges,
  FactKind,
  FactsWriteOutcome,
  RetractOutcome,
  Snapshot,
  Workspace,
  WriteOutcome,
} from './workspace.js';

export type Clock = () => string;

export class MemoryWorkspace implements Workspace {
  /** Everything of the current bundle but its data points (its own `dataPoints` is empty: see `points`). */
  private base: Bundle;
  /** The current data points, in bundle order. */
  private points: ChunkedList<DataPoint>;
  /** The data points written per workspace version (for the evaluation). */
  private readonly log = new ChangeLog('in-place');
  private version = 1;
  /**
   * Revisions of the data points written or retracted since loading. A loaded data point that was
   * never touched has none here: its one revision is made when asked (loadedRevision), so loading
   * millions of data points builds no revision object or key string per data point.
   */
  private readonly revisions = new Map<string, DataPointRevision[]>();
  /** The data points the workspace was loaded with, as given, and when (their revision 1). */
  private readonly loadedPoints: readonly DataPoint[];
  private readonly loadedAt: string;
  /** Id → place in loadedPoints; also the first `position` map, so entries past the loaded ones may be added (checked by id). */
  private readonly loadedIndex: Map<string, number>;
  /** Ids whose latest revision is a retraction: not current, but their history stays. */
  private readonly retracted = new Set<string>();
  /**
   * The key (entity|period|indicator|disaggregation) each id written since loading has belonged
   * to, retracted or not; a loaded, untouched data point's key is computed when asked (keyOf).
   */
  private readonly keys = new Map<string, string>();
  /**
   * Versions of the data points written or retracted since loading (0: retracted); a loaded,
   * untouched data point is at version 1 without an entry (versionIn). Replaced on each change,
   * never changed, so a snapshot keeps answering for its own version.
   */
  private versions: SharedMap<number>;
  /** The snapshot of the current workspace version, made on first ask. */
  private current: Snapshot | undefined;
  /** Id → position in `points`; built when needed, dropped when positions shift (a new Map then). */
  private position: Map<string, number> | undefined;
  /** The current data points by year group for the overlap rule; built on the first write. */
  private groups: YearGroupIndex | undefined;
  /** Activity lines: revisions per id so far (a retraction is one), retracted or not. */
  private readonly lineRevisions = new Map<string, number>();
  /** Current (not retracted) lines' versions; replaced on each change, never changed in place. */
  private lineVersions: SharedMap<number>;
  /** Workflow units and period locks; a write in a locked period is refused below. */
  readonly cycle: MemoryCycle;
  /** Restatement requests; an approved one writes past the period lock (writeRestated). */
  readonly restatements: MemoryRestatements;
  readonly assignments: MemoryAssignments;
  readonly comments: MemoryComments;
  readonly findingWork: MemoryFindingWork;
  readonly cases: MemoryCases;
  readonly materiality: MemoryMateriality;

  constructor(
    initial: Bundle,
    private readonly clock: Clock = () => new Date().toISOString(),
  ) {
    this.cycle = new MemoryCycle(clock);
    this.restatements = new MemoryRestatements(clock, {
      currentRevision: (kind, key) => this.currentRevisionOf(kind, key),
      writeRestated: (write, items, reason, author) => this.writeRestated(write, items, reason, author),
    });
    this.assignments = new MemoryAssignments(clock);
    this.comments = new MemoryComments(clock);
    this.findingWork = new MemoryFindingWork(clock);
    this.cases = new MemoryCases(clock);
    this.materiality = new MemoryMateriality(clock);
    this.base = { ...initial, dataPoints: [] };
    this.points = ChunkedList.of(initial.dataPoints);
    this.loadedAt = this.clock();
    this.loadedPoints = initial.dataPoints;
    this.loadedIndex = indexById(initial.dataPoints);
    this.position = this.loadedIndex;
    this.versions = SharedMap.of<number>([]);
    for (const l of initial.activityLines) this.lineRevisions.set(l.id, 1);
    this.lineVersions = SharedMap.of(initial.activityLines.map((l) => [l.id, 1] as const));
  }

  snapshot(): Snapshot {
    if (this.current) return this.current;
    const versions = this.versions;
    const lineVersions = this.lineVersions;
    const points = this.points;
    // Positions of the data points this snapshot holds never change later in this Map (a write
    // appends new ids; a retraction starts a new Map).
    const position = this.positions();
    const bundle = withDataPoints(this.base, points);
    const version = this.version;
    this.log.tag(bundle, version);
    this.current = {
      bundle,
      version,
      versionOf: (id) => this.versionIn(versions, id),
      lineVersionOf: (id) => lineVersions.get(id),
      dataPoint: (id) => {
        const d = points.get(position.get(id) ?? -1);
        return d?.id === id ? d : undefined;
      },
      dataPointChangesSince: (older) => this.log.since(older, version),
    };
    return this.current;
  }

  async history(id: string): Promise<readonly DataPointRevision[]> {
    // A copy: the list grows with later revisions.
    const written = this.revisions.get(id);
    if (written) return written.slice();
    const loaded = this.loadedRevision(id);
    return loaded ? [loaded] : [];
  }

  /** A current data point's version in a versions map (`versions`); undefined when unknown or retracted. */
  private versionIn(versions: SharedMap<number>, id: string): number | undefined {
    const v = versions.get(id);
    if (v === RETRACTED) return undefined;
    return v ?? (this.loadedPoint(id) ? 1 : undefined);
  }

  /** The loaded data point of this id, if it was loaded (whatever happened to it since). */
  private loadedPoint(id: string): DataPoint | undefined {
    const d = this.loadedPoints[this.loadedIndex.get(id) ?? -1];
    return d?.id === id ? d : undefined;
  }

  /** Revision 1 of a loaded data point, as it was loaded. */
  private loadedRevision(id: string): DataPointRevision | undefined {
    const d = this.loadedPoint(id);
    return d ? revisionOf(1, d, 'loaded from bundle', 'bundle', this.loadedAt) : undefined;
  }

  /** The revision list of an id, the loaded revision put in first when the id is touched for the first time. */
  private revisionList(id: string): DataPointRevision[] | undefined {
    const written = this.revisions.get(id);
    if (written) return written;
    const loaded = this.loadedRevision(id);
    if (!loaded) return undefined;
    const list = [loaded];
    this.revisions.set(id, list);
    return list;
  }

  /** The key an id has belonged to last (retracted or not), if any. */
  private keyOf(id: string): string | undefined {
    const written = this.keys.get(id);
    if (written !== undefined) return written;
    const d = this.loadedPoint(id);
    return d ? dataPointFactKey(d) : undefined;
  }

  private positions(): Map<string, number> {
    this.position ??= indexById(this.points.toArray());
    return this.position;
  }

  private yearGroups(): YearGroupIndex {
    this.groups ??= YearGroupIndex.of(this.points.toArray());
    return this.groups;
  }

  async close(): Promise<void> {}

  async writeDataPoints(
    changes: readonly DataPointChange[],
    reason: string,
    author: string,
  ): Promise<WriteOutcome> {
    return dataPointOutcome(this.writeNow({ dataPoints: changes, activityLines: [] }, reason, author));
  }

  async writeActivityLines(
    changes: readonly ActivityLineChange[],
    reason: string,
    author: string,
  ): Promise<WriteOutcome> {
    return lineOutcome(this.writeNow({ dataPoints: [], activityLines: changes }, reason, author));
  }

  async writeFacts(changes: FactChanges, reason: string, author: string): Promise<FactsWriteOutcome> {
    return this.writeNow(changes, reason, author);
  }

  /**
   * Every write of facts (writeDataPoints, writeActivityLines, writeFacts), synchronously: an
   * approved restatement's write runs it with the lock lifted (MemoryCycle.restating), so it
   * must not await. Every check first (refusalOf), then both kinds apply as one accepted write.
   */
  private writeNow(changes: FactChanges, reason: string, author: string): FactsWriteOutcome {
    const refusal = this.refusalOf(changes);
    if (refusal) return refusal;
    const { versions, writes } = this.applyDataPoints(changes.dataPoints, reason, author);
    this.applyLines(changes.activityLines);
    this.changed(writes); // every accepted write, one that changes nothing included (as the store)
    const lineVersions = new Map(
      changes.activityLines.map((c) => [c.line.id, this.lineVersions.get(c.line.id) ?? 1]),
    );
    return { ok: true, versions, lineVersions, workspaceVersion: this.version };
  }

  /**
   * Why a write would be refused, in the store's order: a fact named twice (data points, then
   * lines); versions, data points then lines, each in the order given; the rules against the
   * data points held (fact-rules.ts); the period lock, checked last on what would be written
   * (import-run.ts): every data point, and each line that changes, in its period and in the
   * period it had (a line moved out of a locked period changes that period too).
   */
  private refusalOf(changes: FactChanges): Exclude<FactsWriteOutcome, { ok: true }> | undefined {
    const dp: FactKind = 'data-point';
    const al: FactKind = 'activity-line';
    const repeated = repeatedInWrite(changes.dataPoints.map((c) => c.dataPoint));
    if (repeated)
      return {
        ok: false,
        reason: 'invalid',
        kind: dp,
        id: repeated.id,
        field: repeated.column,
        message: repeated.message,
      };
    const repeatedLine = repeatedLineInWrite(changes.activityLines.map((c) => c.line));
    if (repeatedLine)
      return {
        ok: false,
        reason: 'invalid',
        kind: al,
        id: repeatedLine.id,
        field: repeatedLine.column,
        message: repeatedLine.message,
      };
    const versioned: { kind: FactKind; id: string; expected: number | undefined }[] = [
      ...changes.dataPoints.map((c) => ({ kind: dp, id: c.dataPoint.id, expected: c.expectedVersion })),
      ...changes.activityLines.map((c) => ({ kind: al, id: c.line.id, expected: c.expectedVersion })),
    ];
    for (const { kind, id, expected } of versioned) {
      const current = kind === dp ? this.currentVersion(id) : this.lineVersions.get(id);
      if (expected === undefined && current !== undefined) return { ok: false, reason: 'exists', kind, id };
      if (expected !== undefined && current === undefined)
        return { ok: false, reason: 'not-found', kind, id };
      if (expected !== undefined && current !== expected)
        return { ok: false, reason: 'stale', kind, id, current: current ?? 0 };
    }
    const [problem] = dataPointRuleProblems(
      this.yearGroups(),
      changes.dataPoints.map((c) => c.dataPoint),
      (id) => this.keyOf(id),
    );
    if (problem)
      return {
        ok: false,
        reason: 'invalid',
        kind: dp,
        id: problem.id,
        field: problem.column,
        message: problem.message,
      };
    for (const c of changes.dataPoints) {
      const locked = this.cycle.lockedAmong([c.dataPoint.periodId]);
      if (locked)
        return {
          ok: false,
          reason: 'locked',
          kind: dp,
          id: c.dataPoint.id,
          lock: locked.lock,
          message: locked.message,
        };
    }
    // As the store: only lines that change count for the lock.
    for (const c of this.changedLines(changes.activityLines)) {
      const old = this.lineAt(c.line.id);
      const locked = this.cycle.lockedAmong([c.line.periodId, ...(old ? [old.periodId] : [])]);
      if (locked)
        return {
          ok: false,
          reason: 'locked',
          kind: al,
          id: c.line.id,
          lock: locked.lock,
          message: locked.message,
        };
    }
    return undefined;
  }

  /** The current line with this id, if any. */
  private lineAt(id: string): ActivityLine | undefined {
    return this.base.activityLines.find((l) => l.id === id);
  }

  /** The changes that would change a line: new ones, and those whose stored fields differ. */
  private changedLines(changes: readonly ActivityLineChange[]): ActivityLineChange[] {
    const position = new Map(this.base.activityLines.map((l, i) => [l.id, i]));
    return changes.filter((c) => {
      const old = this.base.activityLines[position.get(c.line.id) ?? -1];
      return old === undefined || !sameStoredLine(old, c.line);
    });
  }

  /**
   * Append a revision of every changed data point (checked by refusalOf); their versions by id,
   * and what was written for the change log (null when a data point was added).
   */
  private applyDataPoints(
    changes: readonly DataPointChange[],
    reason: string,
    author: string,
  ): { versions: Map<string, number>; writes: DataPointWrite[] | null } {
    const versions = new Map<string, number>();
    if (changes.length === 0) return { versions, writes: [] };
    const at = this.clock();
    const position = this.positions();
    const groups = this.yearGroups();
    // A new list sharing the untouched chunks (an earlier snapshot holds the old one): edited
    // data points keep their places, new ones follow the others.
    const updates = new Map<number, DataPoint>();
    const appended: DataPoint[] = [];
    const writes: DataPointWrite[] = [];
    const length = this.points.length;
    const currentAt = (i: number) =>
      i < length ? (updates.get(i) ?? this.points.get(i)) : appended[i - length];
    for (const c of changes) {
      const list = this.revisionList(c.dataPoint.id) ?? [];
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
      const i = position.get(dataPoint.id);
      if (i === undefined) {
        position.set(dataPoint.id, length + appended.length);
        appended.push(dataPoint);
        groups.put(dataPoint, undefined);
      } else {
        const old = currentAt(i) as DataPoint;
        groups.put(dataPoint, old);
        if (i < length) {
          updates.set(i, dataPoint);
          writes.push({ before: old, after: dataPoint });
        } else appended[i - length] = dataPoint;
      }
      versions.set(dataPoint.id, version);
    }
    this.points = this.points.with(updates, appended);
    this.versions = this.versions.with(versions);
    return { versions, writes: appended.length > 0 ? null : writes };
  }

  /** Write every line that changes (checked by refusalOf); an unchanged one keeps its version. */
  private applyLines(changes: readonly ActivityLineChange[]): void {
    const changed = this.changedLines(changes);
    if (changed.length === 0) return;
    const position = new Map(this.base.activityLines.map((l, i) => [l.id, i]));
    // A new array (an earlier snapshot holds the old one): edited lines keep their places, new
    // ones follow the others.
    const lines: ActivityLine[] = this.base.activityLines.slice();
    const versions = new Map<string, number>();
    for (const c of changed) {
      const version = (this.lineRevisions.get(c.line.id) ?? 0) + 1;
      this.lineRevisions.set(c.line.id, version);
      const i = position.get(c.line.id);
      if (i === undefined) lines.push(c.line);
      else lines[i] = c.line;
      versions.set(c.line.id, version);
    }
    this.base = { ...this.base, activityLines: lines };
    this.lineVersions = this.lineVersions.with(versions);
  }

  async retractDataPoint(
    id: string,
    expectedVersion: number,
    reason: string,
    author: string,
  ): Promise<RetractOutcome> {
    const current = this.currentVersion(id);
    const list = this.revisionList(id);
    const last = list?.at(-1);
    if (current === undefined || !list || !last) return { ok: false, reason: 'not-found', id };
    if (current !== expectedVersion) return { ok: false, reason: 'stale', id, current };
    const period = this.points.get(this.positions().get(id) ?? -1)?.periodId;
    const locked = period === undefined ? undefined : this.cycle.lockedAmong([period]);
    if (locked) return { ok: false, reason: 'locked', id, lock: locked.lock, message: locked.message };
    const version = current + 1;
    list.push({ ...last, version, retracted: true, reason, author, at: this.clock() });
    this.retracted.add(id);
    const at = this.positions().get(id);
    const gone = at === undefined ? undefined : this.points.get(at);
    if (gone) this.groups?.remove(gone);
    this.points = ChunkedList.of(this.points.toArray().filter((d) => d.id !== id));
    this.position = undefined; // the data points after it moved up one place
    this.versions = this.versions.with([[id, RETRACTED]]);
    this.changed(null);
    return { ok: true, version, workspaceVersion: this.version };
  }

  async retractActivityLine(
    id: string,
    expectedVersion: number,
    _reason: string,
    _author: string,
  ): Promise<RetractOutcome> {
    const current = this.lineVersions.get(id);
    const line = this.base.activityLines.find((l) => l.id === id);
    if (current === undefined || !line) return { ok: false, reason: 'not-found', id };
    if (current !== expectedVersion) return { ok: false, reason: 'stale', id, current };
    const locked = this.cycle.lockedAmong([line.periodId]);
    if (locked) return { ok: false, reason: 'locked', id, lock: locked.lock, message: locked.message };
    const version = current + 1;
    this.lineRevisions.set(id, version);
    this.base = { ...this.base, activityLines: this.base.activityLines.filter((l) => l !== line) };
    this.lineVersions = this.lineVersions.with([], [id]);
    this.changed([]);
    return { ok: true, version, workspaceVersion: this.version };
  }

  /** The current revision of a data point (by key) or activity line (by id); null when none. */
  private currentRevisionOf(kind: RestatementFactKind, factKey: string): number | null {
    if (kind === 'activity-line') return this.lineVersions.get(factKey) ?? null;
    for (const [id, key] of this.keys)
      if (key === factKey && !this.retracted.has(id)) return this.versionIn(this.versions, id) ?? null;
    for (const d of this.loadedPoints)
      if (!this.keys.has(d.id) && !this.retracted.has(d.id) && dataPointFactKey(d) === factKey)
        return this.versionIn(this.versions, d.id) ?? null;
    return null;
  }

  /**
   * An approved restatement's write (memory-restatements.ts): its data points, then its lines,
   * each through the ordinary write with the period lock lifted for it alone (MemoryCycle
   * restating: both writes check the lock before they first await).
   */
  private async writeRestated(
    write: { readonly dataPoints: readonly DataPoint[]; readonly activityLines: readonly ActivityLine[] },
    items: readonly RestatementItemRecord[],
    reason: string,
    author: string,
  ): Promise<ReadonlyMap<string, number> | { readonly message: string }> {
    const old = new Map(items.map((i) => [`${i.kind}|${i.factKey}`, i.old?.rev]));
    const out = new Map<string, number>();
    if (write.dataPoints.length > 0) {
      const changes = write.dataPoints.map((d) => ({
        dataPoint: d,
        expectedVersion: old.get(`data-point|${dataPointFactKey(d)}`),
      }));
      const r = await this.cycle.restating(() => this.writeDataPoints(changes, reason, author));
      if (!r.ok) return { message: 'message' in r ? r.message : `data point ${r.id}: ${r.reason}` };
      for (const d of write.dataPoints)
        out.set(`data-point|${dataPointFactKey(d)}`, r.versions.get(d.id) ?? 0);
    }
    if (write.activityLines.length > 0) {
      const changes = write.activityLines.map((l) => ({
        line: l,
        expectedVersion: old.get(`activity-line|${l.id}`),
      }));
      const r = await this.cycle.restating(() => this.writeActivityLines(changes, reason, author));
      if (!r.ok) return { message: 'message' in r ? r.message : `activity line ${r.id}: ${r.reason}` };
      for (const l of write.activityLines) out.set(`activity-line|${l.id}`, r.versions.get(l.id) ?? 0);
    }
    return out;
  }

  /** Replace the organisation (the base year, entity dates); the workspace version guards it. */
  async writeOrganisation(
    organisation: Organisation,
    expected: number,
    _author: string,
    _reason: string,
  ): Promise<{ ok: true; workspaceVersion: number } | { ok: false; current: number }> {
    if (expected !== this.version) return { ok: false, current: this.version };
    this.base = { ...this.base, organisation };
    this.changed([]);
    return { ok: true, workspaceVersion: this.version };
  }

  /**
   * After every accepted change: a new workspace version, whose snapshot is made on first ask;
   * `writes`: the data points it changed in place, null when it added or retracted one.
   */
  private changed(writes: readonly DataPointWrite[] | null): void {
    this.version += 1;
    this.current = undefined;
    this.log.record(this.version, writes);
  }

  /** The version of a current data point (its revision count); undefined if unknown or retracted. */
  private currentVersion(id: string): number | undefined {
    if (this.retracted.has(id)) return undefined;
    return this.revisions.get(id)?.length ?? (this.loadedPoint(id) ? 1 : undefined);
  }

  async writeExplanation(e: Explanation, expected: number, _author: string) {
    if (expected !== this.version) return { ok: false as const, current: this.version };
    const rest = this.base.registers.explanations.filter((x) => x.subject !== e.subject);
    this.base = { ...this.base, registers: { ...this.base.registers, explanations: [...rest, e] } };
    this.changed([]);
    return { ok: true as const, workspaceVersion: this.version };
  }

  /** Targets (issue #18): histories kept as register states arrive (target-history.ts). */
  private targetLog: TargetHistories | undefined;
  private targetHistories(): TargetHistories {
    if (!this.targetLog) {
      this.targetLog = new TargetHistories();
      this.targetLog.add({
        targets: this.base.registers.targets,
        author: 'bundle',
        at: this.clock(),
        reason: 'loaded from bundle',
      });
    }
    return this.targetLog;
  }

  async targetVersions(): Promise<ReadonlyMap<string, number>> {
    const h = this.targetHistories();
    return new Map(this.base.registers.targets.map((t) => [t.id, h.versionOf(t.id) ?? 1] as const));
  }

  async targetHistory(id: string): Promise<readonly TargetRevision[]> {
    return this.targetHistories().history(id);
  }

  async writeTarget(change: TargetChange, reason: string, author: string): Promise<TargetWriteOutcome> {
    const h = this.targetHistories();
    const next = h.apply(this.base.registers.targets, change);
    if (!next.ok) return next;
    this.base = { ...this.base, registers: { ...this.base.registers, targets: next.targets } };
    h.add({ targets: next.targets, author, at: this.clock(), reason });
    this.changed([]);
    return { ok: true, version: next.version, workspaceVersion: this.version };
  }

  /** Rows of registers listed by id (register-row-history.ts), histories kept as states arrive. */
  private readonly rowLogs = new Map<RowRegister, RowHistories<{ id: string }>>();
  private rowHistories(register: RowRegister): RowHistories<{ id: string }> {
    let h = this.rowLogs.get(register);
    if (!h) {
      h = new RowHistories();
      h.add({
        rows: this.base.registers[register] ?? [],
        author: 'bundle',
        at: this.clock(),
        reason: 'loaded from bundle',
      });
      this.rowLogs.set(register, h);
    }
    return h;
  }

  async registerRowVersions(register: RowRegister): Promise<ReadonlyMap<string, number>> {
    const h = this.rowHistories(register);
    return new Map((this.base.registers[register] ?? []).map((r) => [r.id, h.versionOf(r.id) ?? 1] as const));
  }

  async registerRowHistory<K extends RowRegister>(
    register: K,
    id: string,
  ): Promise<readonly RowRevision<RowOf<K>>[]> {
    return this.rowHistories(register).history(id) as readonly RowRevision<RowOf<K>>[];
  }

  async writeRegisterRow<K extends RowRegister>(
    register: K,
    change: RowChange<RowOf<K>>,
    reason: string,
    author: string,
  ): Promise<RowWriteOutcome> {
    const h = this.rowHistories(register);
    const next = h.apply(this.base.registers[register] ?? [], change);
    if (!next.ok) return next;
    this.base = { ...this.base, registers: { ...this.base.registers, [register]: next.rows } };
    h.add({ rows: next.rows, author, at: this.clock(), reason });
    this.changed([]);
    return { ok: true, version: next.version, workspaceVersion: this.version };
  }

  /** Narrative sections (issue #19): histories kept as narrative states arrive (register-row-history.ts). */
  private narrativeLog: RowHistories<NarrativeSection> | undefined;
  private narrativeHistories(): RowHistories<NarrativeSection> {
    if (!this.narrativeLog) {
      this.narrativeLog = new RowHistories();
      this.narrativeLog.add({
        rows: this.base.narrative,
        author: 'bundle',
        at: this.clock(),
        reason: 'loaded from bundle',
      });
    }
    return this.narrativeLog;
  }

  async narrativeVersions(): Promise<ReadonlyMap<string, number>> {
    const h = this.narrativeHistories();
    return new Map(this.base.narrative.map((n) => [n.id, h.versionOf(n.id) ?? 1] as const));
  }

  async writeNarrativeSection(
    section: NarrativeSection,
    expectedVersion: number | undefined,
    reason: string,
    author: string,
  ): Promise<RowWriteOutcome> {
    const h = this.narrativeHistories();
    const next = h.apply(this.base.narrative, { kind: 'put', row: section, expectedVersion });
    if (!next.ok) return next;
    this.base = { ...this.base, narrative: next.rows };
    h.add({ rows: next.rows, author, at: this.clock(), reason });
    this.changed([]);
    return { ok: true, version: next.version, workspaceVersion: this.version };
  }
}

/** The version entry of a retracted data point in `versions` (a current one is 1 or more). */
const RETRACTED = 0;

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

/**
 * `base` with `points` as its data points: an enumerable `dataPoints` property built on first
 * read (ChunkedList.toArray), so a snapshot nobody reads the data points of costs no copy.
 */
export function withDataPoints(base: Bundle, points: ChunkedList<DataPoint>): Bundle {
  const { dataPoints: _unused, ...rest } = base;
  return Object.defineProperty(rest, 'dataPoints', {
    enumerable: true,
    get: () => points.toArray(),
  }) as Bundle;
}
