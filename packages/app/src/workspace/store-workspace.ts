/**
 * Workspace over the store (PGlite in a data folder, or PostgreSQL): facts are append-only
 * revisions in the database with an audit entry per change set, so edits survive a restart.
 *
 * The database decides versions. A write names the version it edits and the store checks it
 * inside its write transaction, under the import lock every writer takes
 * (store/write-data-points.ts, retract-facts.ts), so with several servers on one PostgreSQL
 * database exactly one of two writes naming the same version is accepted, whichever servers
 * took them; the other is 'stale' and writes nothing. Creating a data point another server
 * created meanwhile is 'exists'.
 *
 * The current bundle is held in memory and replaced, never changed in place, so a snapshot
 * handed out keeps answering for its own version. Own writes update it from what the write
 * transaction read back (an explanation, rarer, re-reads it). Writes of other processes
 * arrive as notifications (store/change-notify.ts) on a connection of the workspace's own
 * (PostgreSQL only; PGlite is one process behind its folder lock): the workspace then reads
 * the change sets above the last one it holds and, if any is not its own, applies the fact
 * revisions they hold when that is all they hold (issue #23: store/fact-changes-since.ts,
 * foreign-facts.ts), else re-reads the state in one consistent snapshot. A write the database refuses as stale also catches up first, so the
 * snapshot agrees with the refusal. Measured latency: docs/storage.md, "Several servers on one
 * database".
 */
import {
  type ActivityLine,
  type Bundle,
  type BundleIssue,
  type DataPoint,
  type Explanation,
  lockCovers,
  type NarrativeSection,
  type Organisation,
  type Target,
} from '@assay/core';
import {
  CHANGE_CHANNEL,
  dataPointHistory,
  dataPointKeyOf,
  documentRevisions,
  factChangesSince,
  importBundle,
  type Listener,
  readBundleWithRevisions,
  readSettingsDocument,
  registersRevisions,
  retractFacts,
  type Store,
  StoreMovedOnError,
  writeFactRevisions,
} from '@assay/store';
import { factKey } from '../use-cases/parse-data-point-rows.js';
import { repeatedLineInWrite } from './activity-line-rules.js';
import { ChangeLog } from './change-log.js';
import { repeatedInWrite } from './fact-rules.js';
import { dataPointOutcome, lineOutcome } from './fact-writes.js';
import { applyFactChanges, withoutThenAppend } from './foreign-facts.js';
import type { Clock } from './memory-workspace.js';
import {
  type RowChange,
  RowHistories,
  type RowOf,
  type RowRegister,
  type RowRevision,
  type RowWriteOutcome,
} from './register-row-history.js';
import { BucketLayout, type SharedMap } from './shared-map.js';
import { StoreAssignments } from './store-assignments.js';
import { StoreCases } from './store-cases.js';
import { StoreComments } from './store-comments.js';
import { StoreCycle } from './store-cycle.js';
import { StoreFindingWork } from './store-finding-work.js';
import { StoreMateriality } from './store-materiality.js';
import { StoreRestatements } from './store-restatements.js';
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
  FactsWriteOutcome,
  RetractOutcome,
  Snapshot,
  Workspace,
  WriteOutcome,
} from './workspace.js';

/** How often a whole-document write is built again after another writer committed first. */
const WHOLE_WRITE_ATTEMPTS = 12;

/**
 * What the workspace holds; replaced as a whole, never changed in place. `seen`: the highest
 * change-set id such that the state holds every change set up to it (change-set ids are handed
 * out under the import lock, so in commit order).
 */
type State = {
  readonly bundle: Bundle;
  /** The current data points' revisions and keys (SharedMap: a write copies only what it touches). */
  readonly versions: SharedMap<number>;
  readonly keys: SharedMap<string>;
  /** `bundle.dataPoints` by id: finds a written data point's old object without a scan. */
  readonly dataPoints: SharedMap<DataPoint>;
  /** The current activity lines' revisions, and `bundle.activityLines` by id (as for data points). */
  readonly lineVersions: SharedMap<number>;
  readonly lines: SharedMap<ActivityLine>;
  readonly seen: number;
  /** The snapshot of this state, made on first ask (see StoreWorkspace.snapshot). */
  snapshot?: Snapshot;
};

type ReadState = { ok: true; state: State } | { ok: false; issues: readonly BundleIssue[] };

/**
 * The whole state in one snapshot of the database (a commit in between cannot tear it). The
 * facts' revisions and store keys come with them, in bundle order, from the same read.
 */
function readState(store: Store): Promise<ReadState> {
  return store.transaction(async (tx): Promise<ReadState> => {
    await tx.exec('set transaction isolation level repeatable read');
    const read = await readBundleWithRevisions(tx);
    if (!read.ok) return read;
    const [last] = await tx.query<{ id: string }>('select coalesce(max(id), 0)::text as id from change_set');
    const points = read.bundle.dataPoints;
    const lines = read.bundle.activityLines;
    const { keys, revs } = read.dataPointRevisions;
    // three maps over the data points' ids, one over the lines' (whose ids are their keys)
    const byId = new BucketLayout(points.length, (i) => (points[i] as DataPoint).id);
    const byLine = new BucketLayout(lines.length, (i) => (lines[i] as ActivityLine).id);
    return {
      ok: true,
      state: {
        bundle: read.bundle,
        versions: byId.map((i) => revs[i] as number),
        keys: byId.map((i) => keys[i] as string),
        dataPoints: byId.map((i) => points[i] as DataPoint),
        lineVersions: byLine.map((i) => read.activityLineRevisions.revs[i] as number),
        lines: byLine.map((i) => lines[i] as ActivityLine),
        seen: Number(last?.id ?? 0),
      },
    };
  });
}

/** Nothing stored at all: no change set (so no fact, catalogue entry or document) and no organisation. */
async function isEmpty(store: Store): Promise<boolean> {
  const [r] = await store.query<{ any: boolean }>(
    'select exists (select 1 from change_set) or exists (select 1 from organisation) as any',
  );
  return r?.any === false;
}

export type OpenedStoreWorkspace =
  | { ok: true; workspace: StoreWorkspace; seeded: boolean }
  /** `issues`: what is wrong with the stored data (file, row, column as `assay export` would write it). */
  | { ok: false; reason: string; issues: readonly BundleIssue[] };

export type StoreWorkspaceOptions = {
  /**
   * Listen for writes of other processes (PostgreSQL; default true). The model-based tests
   * stop an old workspace's listening when they open a new one over the same store.
   */
  readonly follow?: boolean;
};

export class StoreWorkspace implements Workspace {
  private version = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private listener: Listener | undefined;
  /** A catch-up is queued and has not started: more notifications need no other. */
  private catchUpQueued = false;
  /** Change sets above `state.seen` that this workspace wrote and already holds. */
  private readonly own = new Set<number>();
  private closed = false;
  /**
   * Full reads of the store after opening (reload), and catch-ups that read only the fact
   * revisions of other processes (catchUpFacts): counted for the tests of issue #23.
   */
  reloads = 0;
  factCatchUps = 0;
  /** The data points written per workspace version (for the evaluation; change-log.ts). */
  private readonly log = new ChangeLog('moved-to-end');
  /** Workflow units and period locks in the store; the store refuses writes in a locked period. */
  readonly cycle: StoreCycle;
  readonly assignments: StoreAssignments;
  readonly comments: StoreComments;
  readonly findingWork: StoreFindingWork;
  readonly cases: StoreCases;
  readonly materiality: StoreMateriality;
  /** Restatement requests; an approved one writes its facts, then this workspace catches up. */
  readonly restatements: StoreRestatements;

  private constructor(
    private readonly store: Store,
    private state: State,
    private readonly clock: Clock,
  ) {
    this.cycle = new StoreCycle(store, clock);
    this.assignments = new StoreAssignments(store, clock);
    this.comments = new StoreComments(store, clock);
    this.findingWork = new StoreFindingWork(store, clock);
    this.cases = new StoreCases(store, clock);
    this.materiality = new StoreMateriality(store, clock);
    this.restatements = new StoreRestatements(store, clock, () => this.serial(() => this.catchUpQuietly()));
  }

  /**
   * Open over a store. Only an empty store is written to: it is filled from `seed` (the bundle
   * folder; that is how a first `npm start` gets the demo). A store that holds anything is read
   * and never written at start-up: when its data cannot be read or fails validation, the reason
   * and every issue are returned and the store is left exactly as it is (importing a folder into
   * it is an explicit `assay import`).
   */
  static async open(
    store: Store,
    seed: Bundle,
    clock: Clock = () => new Date().toISOString(),
    options: StoreWorkspaceOptions = {},
  ): Promise<OpenedStoreWorkspace> {
    let seeded = false;
    if (await isEmpty(store)) {
      const r = await importBundle(store, seed, {
        author: 'bundle',
        reason: 'loaded from bundle folder',
        at: clock(),
      });
      if (!r.ok)
        return {
          ok: false,
          reason: `the bundle could not be loaded into the empty store (${r.issueCount} problem(s)); nothing was written`,
          issues: r.issues,
        };
      seeded = true;
    } else if (!(await readSettingsDocument(store)))
      return {
        ok: false,
        reason:
          'the store holds change sets but no organisation settings, so it cannot be read; nothing was written (restore the database, or use another data folder or database)',
        issues: [],
      };
    const read = await readState(store);
    if (!read.ok)
      return {
        ok: false,
        reason: `the store's data cannot be read (${read.issues.length} problem${read.issues.length === 1 ? '' : 's'}); nothing was written. Rows are numbered as \`assay export <file>.csv --table data-points\` (or activity-lines) writes them; correct them with \`assay import\` or \`assay retract\``,
        issues: read.issues,
      };
    const { state } = read;
    if (state.bundle.organisation.id !== seed.organisation.id)
      return {
        ok: false,
        reason: `the store holds organisation "${state.bundle.organisation.id}", not "${seed.organisation.id}"; use another data folder (ASSAY_DATA_DIR) or database`,
        issues: [],
      };
    const workspace = new StoreWorkspace(store, state, clock);
    if (options.follow !== false) await workspace.follow();
    return { ok: true, workspace, seeded };
  }

  /** Listen for other processes' change sets (a store without `listen` has no other writers). */
  private async follow(): Promise<void> {
    if (!this.store.listen) return;
    this.listener = await this.store.listen(CHANGE_CHANNEL, () => this.catchUpSoon());
    // A change set committed between the state's read and the LISTEN was not announced here.
    this.catchUpSoon();
  }

  /** Stop listening (close() does it too); waits for a catch-up under way. */
  async stopFollowing(): Promise<void> {
    const l = this.listener;
    this.listener = undefined;
    await l?.close();
    await this.queue;
  }

  /** Queue one catch-up; notifications arriving before it starts share it. */
  private catchUpSoon(): void {
    if (this.catchUpQueued || this.closed) return;
    this.catchUpQueued = true;
    this.serial(async () => {
      this.catchUpQueued = false;
      if (!this.closed) await this.catchUpQuietly();
    });
  }

  /**
   * Catch up; when the store cannot be read (down, or holding data that fails validation), say
   * so and keep the state: the next notification or refusal tries again. The snapshot is then
   * behind, but no write can go wrong by it: the database checks every version.
   */
  private async catchUpQuietly(): Promise<void> {
    try {
      await this.catchUp();
    } catch (e) {
      process.emitWarning(`assay: could not read the changes of another process: ${(e as Error).message}`);
    }
  }

  /**
   * Hold every change set committed so far: when all those above `seen` are this workspace's
   * own (already applied), only `seen` moves; otherwise the state is read again.
   */
  private async catchUp(): Promise<void> {
    // Ordered by the column, a number: a bare `order by id` would sort the text output column,
    // "10" before "9", and `last` would then stop short of change sets already held (issue #14).
    const rows = await this.store.query<{ id: string }>(
      'select id::text as id from change_set where id > $1 order by change_set.id',
      [this.state.seen],
    );
    const ids = rows.map((r) => Number(r.id));
    const last = ids.at(-1);
    if (last === undefined) return;
    if (ids.every((id) => this.own.has(id))) {
      for (const id of ids) this.own.delete(id);
      this.state = { ...this.state, seen: last };
      return;
    }
    if (await this.catchUpFacts()) return;
    await this.reload();
  }

  /**
   * Catch up without a full read when every change set above `seen` holds only fact revisions
   * (data points, activity lines, retractions; store/fact-changes-since.ts): apply the facts
   * current after them as applyWritten does an own write, so the state equals a re-read
   * (store-workspace-catch-up.model.test.ts). False (nothing changed) when anything else was
   * written, or anything cannot be told for sure: the caller then reads everything.
   */
  private async catchUpFacts(): Promise<boolean> {
    const seen = this.state.seen;
    const d = await factChangesSince(this.store, seen);
    if (d.kind !== 'facts' || this.state.seen !== seen) return false;
    const last = d.changeSets.at(-1);
    if (last === undefined) return false;
    // A change set without a fact revision changed something else (the settings, say).
    if (d.changeSets.some((id) => !this.own.has(id) && !d.withFacts.has(id))) return false;
    const { bundle } = this.state;
    const { organisation, reporting, methods, frameworks } = bundle;
    const held = { organisation, reporting, methods, frameworks };
    // Built by the same code from the same rows, so equal settings give the same text.
    if (JSON.stringify(held) !== JSON.stringify(d.settings)) return false;
    const writes = applyFactChanges(this.state, d);
    this.state = { ...writes.state, seen: last };
    for (const id of this.own) if (id <= last) this.own.delete(id);
    this.factCatchUps += 1;
    this.version += 1;
    this.log.record(this.version, writes.writes);
    return true;
  }

  /**
   * One object per state and workspace version (an accepted write that changed no value makes a
   * new version over the same state, as a re-read did).
   */
  snapshot(): Snapshot {
    const state = this.state;
    if (state.snapshot?.version === this.version) return state.snapshot;
    const { bundle, versions, lineVersions, dataPoints } = state;
    const version = this.version;
    this.log.tag(bundle, version);
    state.snapshot = {
      bundle,
      version,
      versionOf: (id) => versions.get(id),
      lineVersionOf: (id) => lineVersions.get(id),
      dataPoint: (id) => dataPoints.get(id),
      dataPointChangesSince: (older) => this.log.since(older, version),
      changeSet: Math.max(state.seen, ...this.own),
    };
    return state.snapshot;
  }

  async history(id: string): Promise<readonly DataPointRevision[]> {
    // A retracted data point is no longer in the state, but its history is still asked for.
    const key = this.state.keys.get(id) ?? (await dataPointKeyOf(this.store, id));
    if (key === undefined) return [];
    const revs = await dataPointHistory(this.store, key);
    return revs.map((r) => ({
      version: r.rev,
      value: r.value,
      unit: r.unit,
      retracted: r.retracted,
      reason: r.reason,
      author: r.author,
      at: r.at,
    }));
  }

  /** One write at a time: the version check and the write must not interleave. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  writeDataPoints(
    changes: readonly DataPointChange[],
    reason: string,
    author: string,
  ): Promise<WriteOutcome> {
    return this.writeFacts({ dataPoints: changes, activityLines: [] }, reason, author).then(dataPointOutcome);
  }

  writeActivityLines(
    changes: readonly ActivityLineChange[],
    reason: string,
    author: string,
  ): Promise<WriteOutcome> {
    return this.writeFacts({ dataPoints: [], activityLines: changes }, reason, author).then(lineOutcome);
  }

  /**
   * Data points and activity lines in one write (writeDataPoints and writeActivityLines are this
   * with one list empty): one store transaction (store/write-facts.ts), where the database checks
   * each expected version under its write lock, data points first; one change set, or nothing.
   */
  writeFacts(changes: FactChanges, reason: string, author: string): Promise<FactsWriteOutcome> {
    return this.serial(async (): Promise<FactsWriteOutcome> => {
      const dataPoints: DataPoint[] = changes.dataPoints.map((c) => c.dataPoint);
      const lines = changes.activityLines.map((c) => c.line);
      const repeated = repeatedInWrite(dataPoints);
      if (repeated)
        return {
          ok: false,
          reason: 'invalid',
          kind: 'data-point',
          id: repeated.id,
          field: repeated.column,
          message: repeated.message,
        };
      const repeatedLine = repeatedLineInWrite(lines);
      if (repeatedLine)
        return {
          ok: false,
          reason: 'invalid',
          kind: 'activity-line',
          id: repeatedLine.id,
          field: repeatedLine.column,
          message: repeatedLine.message,
        };
      const r = await writeFactRevisions(
        this.store,
        {
          dataPoints: changes.dataPoints.map((c) => ({
            dataPoint: c.dataPoint,
            expectedRev: c.expectedVersion,
          })),
          activityLines: changes.activityLines.map((c) => ({ line: c.line, expectedRev: c.expectedVersion })),
        },
        { subject: 'web', author, reason, at: this.clock() },
      );
      if (!r.ok && r.reason === 'locked') {
        // A data point in the locked period, else a line in it, else a line moved out of it (its held period).
        const held = (l: ActivityLine) => this.state.lines.get(l.id)?.periodId ?? l.periodId;
        const covered = (p: string) => lockCovers(r.lock.periodId, p);
        const dp = dataPoints.find((d) => covered(d.periodId));
        const line = lines.find((l) => covered(l.periodId)) ?? lines.find((l) => covered(held(l)));
        const [kind, id] = dp
          ? (['data-point', dp.id] as const)
          : (['activity-line', line?.id ?? ''] as const);
        return { ok: false, reason: 'locked', kind, id, lock: r.lock, message: r.message };
      }
      if (!r.ok && r.reason === 'invalid') {
        // A rule against what is stored (fact-conflicts.ts): an id of another data point, also a
        // retracted one this state does not hold, or an overlapping period. Rows are i + 2, data
        // points first, then the lines (no rule of lines against stored data reaches here today).
        const first = r.issues[0];
        const at = first?.row === undefined ? 0 : first.row - 2;
        const line = at >= dataPoints.length ? lines[at - dataPoints.length] : undefined;
        return {
          ok: false,
          reason: 'invalid',
          kind: line || dataPoints.length === 0 ? 'activity-line' : 'data-point',
          id: line?.id ?? dataPoints[at]?.id ?? dataPoints[0]?.id ?? lines[0]?.id ?? '',
          field: first?.column,
          message: first?.reason ?? 'the store refused the write',
        };
      }
      if (!r.ok) {
        // Stale, exists, not found: most likely another process wrote first. Catch up, so the
        // snapshot shows what the refusal names.
        await this.catchUpQuietly();
        return r;
      }
      if (r.changeSet !== undefined) this.own.add(r.changeSet);
      const writes = this.applyWritten(dataPoints, r.dataPoints.revisions, r.dataPoints.keys);
      this.applyWrittenLines(lines, r.activityLines.revisions);
      this.version += 1; // every accepted write, as a re-read did
      this.log.record(this.version, writes);
      return {
        ok: true,
        versions: new Map(dataPoints.map((d) => [d.id, r.dataPoints.revisions.get(d.id) ?? 1])),
        lineVersions: new Map(lines.map((l) => [l.id, r.activityLines.revisions.get(l.id) ?? 1])),
        workspaceVersion: this.version,
      };
    });
  }

  retractDataPoint(
    id: string,
    expectedVersion: number,
    reason: string,
    author: string,
  ): Promise<RetractOutcome> {
    return this.serial(async () => {
      // By key when known (an id belongs to one key for good), else by id (written elsewhere).
      const name = this.state.keys.get(id) ?? id;
      const r = await retractFacts(
        this.store,
        { dataPoints: [name], expectedRevisions: new Map([[name, expectedVersion]]) },
        { author, reason, at: this.clock(), subject: 'web' },
      );
      if (!r.ok) {
        const p = r.problems[0];
        if (p?.code === 'period-locked' && p.lock)
          return { ok: false, reason: 'locked', id, lock: p.lock, message: p.message };
        if (p?.code === 'stale' || p?.code === 'unknown' || p?.code === 'already-retracted') {
          await this.catchUpQuietly(); // another process changed it: show what the refusal names
          return p.code === 'stale'
            ? { ok: false, reason: 'stale', id, current: p.current ?? 0 }
            : { ok: false, reason: 'not-found', id };
        }
        throw new Error(`store refused the retraction: ${p?.message}`);
      }
      this.own.add(r.changeSet);
      // As a re-read would now give: the fact is gone from the current view.
      const { bundle, versions, keys, dataPoints } = this.state;
      const gone = dataPoints.get(id);
      this.state = {
        ...this.state,
        bundle: {
          ...bundle,
          dataPoints: gone
            ? withoutThenAppend(bundle.dataPoints, [gone], [])
            : bundle.dataPoints.filter((d) => d.id !== id),
        },
        versions: versions.with([], [id]),
        keys: keys.with([], [id]),
        dataPoints: dataPoints.with([], [id]),
      };
      this.version += 1;
      this.log.record(this.version, null);
      return { ok: true, version: expectedVersion + 1, workspaceVersion: this.version };
    });
  }

  retractActivityLine(
    id: string,
    expectedVersion: number,
    reason: string,
    author: string,
  ): Promise<RetractOutcome> {
    return this.serial(async () => {
      const r = await retractFacts(
        this.store,
        { activityLines: [id], expectedLineRevisions: new Map([[id, expectedVersion]]) },
        { author, reason, at: this.clock(), subject: 'web' },
      );
      if (!r.ok) {
        const p = r.problems[0];
        if (p?.code === 'period-locked' && p.lock)
          return { ok: false, reason: 'locked', id, lock: p.lock, message: p.message };
        if (p?.code === 'stale' || p?.code === 'unknown' || p?.code === 'already-retracted') {
          await this.catchUpQuietly(); // another process changed it: show what the refusal names
          return p.code === 'stale'
            ? { ok: false, reason: 'stale', id, current: p.current ?? 0 }
            : { ok: false, reason: 'not-found', id };
        }
        throw new Error(`store refused the retraction: ${p?.message}`);
      }
      this.own.add(r.changeSet);
      // As a re-read would now give: the line is gone from the current view.
      const { bundle, lineVersions, lines } = this.state;
      const gone = lines.get(id);
      this.state = {
        ...this.state,
        bundle: {
          ...bundle,
          activityLines: gone
            ? withoutThenAppend(bundle.activityLines, [gone], [])
            : bundle.activityLines.filter((l) => l.id !== id),
        },
        lineVersions: lineVersions.with([], [id]),
        lines: lines.with([], [id]),
      };
      this.version += 1;
      this.log.record(this.version, []);
      return { ok: true, version: expectedVersion + 1, workspaceVersion: this.version };
    });
  }

  /**
   * Replace the organisation (base year and policy, entity dates: settings, not facts), as an
   * audited settings change ('set-organisation'); the workspace version guards it.
   */
  writeOrganisation(organisation: Organisation, expected: number, author: string, reason: string) {
    return this.serial(async () => {
      if (expected !== this.version) return { ok: false as const, current: this.version };
      await this.catchUp();
      const next = { ...this.state.bundle, organisation, dataPoints: [], activityLines: [] };
      const r = await importBundle(this.store, next, { author, reason, at: this.clock() });
      if (!r.ok) throw new Error(`store refused the organisation: ${r.issues[0]?.reason}`);
      await this.reload();
      return { ok: true as const, workspaceVersion: this.version };
    });
  }

  writeExplanation(e: Explanation, expected: number, author: string) {
    return this.serial(async () => {
      if (expected !== this.version) return { ok: false as const, current: this.version };
      // The registers are written whole: start from the latest (another server may have added
      // an explanation). No facts go with them: facts of a state behind the database would
      // otherwise be written back over newer revisions.
      const r = await this.wholeWrite(() => {
        const b = this.state.bundle;
        const explanations = [...b.registers.explanations.filter((x) => x.subject !== e.subject), e];
        const next = { ...b, dataPoints: [], activityLines: [], registers: { ...b.registers, explanations } };
        return importBundle(this.store, next, {
          author,
          reason: `explanation for ${e.subject}`,
          at: this.clock(),
          heldThrough: this.heldThrough(),
        });
      });
      if (!r.ok) throw new Error(`store refused the explanation: ${r.issues[0]?.reason}`);
      await this.reload();
      return { ok: true as const, workspaceVersion: this.version };
    });
  }

  /** The last change set this workspace's state includes (its own writes among them). */
  private heldThrough(): number {
    return Math.max(this.state.seen, ...this.own);
  }

  /**
   * A write of whole documents (registers, settings) built from the current state: catch up,
   * build and write with `heldThrough`; when another writer committed in between
   * (StoreMovedOnError, nothing written), back off, catch up and build again. The check is made
   * under the writers' lock, so no edit can be lost; after WHOLE_WRITE_ATTEMPTS rounds the
   * error reaches the caller (a fault, not a silent loss). Without this, two servers
   * editing the registers at once both wrote whole registers and the later one silently put back
   * what the earlier one changed.
   */
  private async wholeWrite<R>(write: () => Promise<R>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      await this.catchUp();
      try {
        return await write();
      } catch (e) {
        if (!(e instanceof StoreMovedOnError) || attempt >= WHOLE_WRITE_ATTEMPTS) throw e;
      }
      // Back off before building again: a writer that keeps writing would otherwise win every
      // round (its next write is built while this one re-reads the store). Randomised and
      // growing (about 10, 20, 40 … ms), so two servers do not retry in step.
      await new Promise((r) => setTimeout(r, Math.random() * 10 * 2 ** attempt));
    }
  }

  /** Targets' histories from the registers document's revisions (target-history.ts). */
  private async targetHistories(): Promise<TargetHistories> {
    const h = new TargetHistories();
    for (const r of await registersRevisions(this.store)) {
      const targets = (r.body as { targets?: Target[] } | null)?.targets ?? [];
      h.add({ targets, author: r.author, at: r.at, reason: r.reason });
    }
    return h;
  }

  async targetVersions(): Promise<ReadonlyMap<string, number>> {
    const h = await this.targetHistories();
    const { targets } = this.snapshot().bundle.registers;
    return new Map(targets.map((t) => [t.id, h.versionOf(t.id) ?? 1] as const));
  }

  async targetHistory(id: string): Promise<readonly TargetRevision[]> {
    return (await this.targetHistories()).history(id);
  }

  /**
   * One target change: like writeExplanation, the registers are written whole from the latest
   * state (catch up first), without facts; the target's version is decided on the registers'
   * history as the database holds it.
   */
  writeTarget(change: TargetChange, reason: string, author: string): Promise<TargetWriteOutcome> {
    return this.serial(async (): Promise<TargetWriteOutcome> => {
      const subject =
        change.kind === 'import'
          ? `targets (${change.targets.length} imported)`
          : `target ${change.kind === 'put' ? change.target.id : change.id}`;
      let applied: { readonly version: number } | undefined;
      const r = await this.wholeWrite(async () => {
        const b = this.state.bundle;
        const next = (await this.targetHistories()).apply(b.registers.targets, change);
        if (!next.ok) return { refused: next };
        applied = next;
        const bundle = {
          ...b,
          dataPoints: [],
          activityLines: [],
          registers: { ...b.registers, targets: next.targets },
        };
        const heldThrough = this.heldThrough();
        return {
          written: await importBundle(this.store, bundle, {
            author,
            reason,
            at: this.clock(),
            subject,
            heldThrough,
          }),
        };
      });
      if ('refused' in r) return r.refused; // the change does not apply to the latest state
      if (!r.written.ok) throw new Error(`store refused the targets: ${r.written.issues[0]?.reason}`);
      await this.reload();
      return { ok: true, version: applied?.version ?? 0, workspaceVersion: this.version };
    });
  }

  /** Rows of a register listed by id: histories from the registers document's revisions. */
  private async rowHistories(register: RowRegister): Promise<RowHistories<{ id: string }>> {
    const h = new RowHistories<{ id: string }>();
    for (const r of await registersRevisions(this.store)) {
      const rows = (r.body as Partial<Record<RowRegister, { id: string }[]>> | null)?.[register] ?? [];
      h.add({ rows, author: r.author, at: r.at, reason: r.reason });
    }
    return h;
  }

  async registerRowVersions(register: RowRegister): Promise<ReadonlyMap<string, number>> {
    const h = await this.rowHistories(register);
    const rows: readonly { id: string }[] = this.snapshot().bundle.registers[register] ?? [];
    return new Map(rows.map((r) => [r.id, h.versionOf(r.id) ?? 1] as const));
  }

  async registerRowHistory<K extends RowRegister>(
    register: K,
    id: string,
  ): Promise<readonly RowRevision<RowOf<K>>[]> {
    return (await this.rowHistories(register)).history(id) as readonly RowRevision<RowOf<K>>[];
  }

  /** One row change, written like writeTarget: the registers whole from the caught-up state. */
  writeRegisterRow<K extends RowRegister>(
    register: K,
    change: RowChange<RowOf<K>>,
    reason: string,
    author: string,
  ): Promise<RowWriteOutcome> {
    return this.serial(async (): Promise<RowWriteOutcome> => {
      const subject =
        change.kind === 'import'
          ? `${register} (${change.rows.length} imported)`
          : `${register} ${change.kind === 'put' ? change.row.id : change.id}`;
      let applied: { readonly version: number } | undefined;
      const r = await this.wholeWrite(async () => {
        const b = this.state.bundle;
        const next = (await this.rowHistories(register)).apply(b.registers[register] ?? [], change);
        if (!next.ok) return { refused: next };
        applied = next;
        const bundle = {
          ...b,
          dataPoints: [],
          activityLines: [],
          registers: { ...b.registers, [register]: next.rows },
        };
        const heldThrough = this.heldThrough();
        return {
          written: await importBundle(this.store, bundle, {
            author,
            reason,
            at: this.clock(),
            subject,
            heldThrough,
          }),
        };
      });
      if ('refused' in r) return r.refused;
      if (!r.written.ok) throw new Error(`store refused the ${register}: ${r.written.issues[0]?.reason}`);
      await this.reload();
      return { ok: true, version: applied?.version ?? 0, workspaceVersion: this.version };
    });
  }

  /** Narrative sections' histories from the narrative document's revisions (register-row-history.ts). */
  private async narrativeHistories(): Promise<RowHistories<NarrativeSection>> {
    const h = new RowHistories<NarrativeSection>();
    for (const r of await documentRevisions(this.store, 'narrative')) {
      const rows = (r.body as { sections?: NarrativeSection[] } | null)?.sections ?? [];
      h.add({ rows, author: r.author, at: r.at, reason: r.reason });
    }
    return h;
  }

  async narrativeVersions(): Promise<ReadonlyMap<string, number>> {
    const h = await this.narrativeHistories();
    return new Map(this.snapshot().bundle.narrative.map((n) => [n.id, h.versionOf(n.id) ?? 1] as const));
  }

  /** One section replaced, written like writeTarget: the narrative whole from the caught-up state. */
  writeNarrativeSection(
    section: NarrativeSection,
    expectedVersion: number | undefined,
    reason: string,
    author: string,
  ): Promise<RowWriteOutcome> {
    return this.serial(async (): Promise<RowWriteOutcome> => {
      let applied: { readonly version: number } | undefined;
      const r = await this.wholeWrite(async () => {
        const b = this.state.bundle;
        const change = { kind: 'put' as const, row: section, expectedVersion };
        const next = (await this.narrativeHistories()).apply(b.narrative, change);
        if (!next.ok) return { refused: next };
        applied = next;
        const bundle = { ...b, dataPoints: [], activityLines: [], narrative: next.rows };
        const heldThrough = this.heldThrough();
        const at = this.clock();
        const subject = `narrative ${section.id}`;
        return {
          written: await importBundle(this.store, bundle, { author, reason, at, subject, heldThrough }),
        };
      });
      if ('refused' in r) return r.refused;
      if (!r.written.ok) throw new Error(`store refused the narrative: ${r.written.issues[0]?.reason}`);
      await this.reload();
      return { ok: true, version: applied?.version ?? 0, workspaceVersion: this.version };
    });
  }

  /**
   * Bring the in-memory state up to date after a data-point write without re-reading the store,
   * from the written facts' current revisions as the write transaction read them back: move
   * each fact that got a new revision to the end, which is where a re-read (ordered by change
   * set and position) would put it. Re-reading everything cost a full read of every fact per
   * edit (seconds on a store of a million activity lines). workspace.contract.test.ts checks
   * the result equals a re-read. The caller moves the workspace version (once per write).
   * Returns the data points moved, each with the object it replaced, in their new order (for
   * the change log), or null when a new data point was added.
   */
  private applyWritten(
    written: readonly DataPoint[],
    revisions: ReadonlyMap<string, number>,
    keysOf: ReadonlyMap<string, string>,
  ): DataPointWrite[] | null {
    // New maps (sharing the untouched buckets): a snapshot handed out earlier keeps answering
    // for its own version.
    const { bundle, versions, keys, dataPoints } = this.state;
    const revised = new Map<string, string>(); // id → key
    for (const [id, rev] of revisions) {
      const key = keysOf.get(id);
      if (key === undefined || (versions.get(id) === rev && keys.get(id) === key)) continue; // unchanged
      revised.set(id, key);
    }
    if (revised.size === 0) return [];
    const revisedKeys = new Set(revised.values());
    const moved = written.filter((d) => revisedKeys.has(factKey(d)));
    // The data points a written one replaces: the store gives a key's current revision the id
    // it had (an id keeps its key for good; a new data point's key is not current), so by id.
    const gone = moved.flatMap((d) => {
      const old = dataPoints.get(d.id);
      return old !== undefined && factKey(old) === factKey(d) ? [old] : [];
    });
    this.state = {
      ...this.state,
      bundle: { ...bundle, dataPoints: withoutThenAppend(bundle.dataPoints, gone, moved) },
      versions: versions.with([...revised.keys()].map((id) => [id, revisions.get(id) as number] as const)),
      keys: keys.with(revised),
      dataPoints: dataPoints.with(moved.map((d) => [d.id, d] as const)),
    };
    const writes: DataPointWrite[] = [];
    for (const d of moved) {
      const old = dataPoints.get(d.id);
      if (old === undefined || factKey(old) !== factKey(d)) return null; // a new data point
      writes.push({ before: old, after: d });
    }
    return writes;
  }

  /**
   * After an activity-line write, as applyWritten after a data-point write: each line that got
   * a new revision leaves its place and follows the others, in the order written (its position
   * in the change set), which is where a re-read (ordered by change set and position) puts it.
   */
  private applyWrittenLines(written: readonly ActivityLine[], revisions: ReadonlyMap<string, number>): void {
    const { bundle, lineVersions, lines } = this.state;
    const moved = written.filter((l) => {
      const rev = revisions.get(l.id);
      return rev !== undefined && lineVersions.get(l.id) !== rev;
    });
    if (moved.length === 0) return;
    const gone = moved.flatMap((l) => {
      const old = lines.get(l.id);
      return old === undefined ? [] : [old];
    });
    this.state = {
      ...this.state,
      bundle: { ...bundle, activityLines: withoutThenAppend(bundle.activityLines, gone, moved) },
      lineVersions: lineVersions.with(moved.map((l) => [l.id, revisions.get(l.id) as number] as const)),
      lines: lines.with(moved.map((l) => [l.id, l] as const)),
    };
  }

  private async reload(): Promise<void> {
    this.reloads += 1;
    const read = await readState(this.store);
    if (!read.ok) throw new Error(`the store could not be read after a write: ${read.issues[0]?.reason}`);
    this.state = read.state;
    for (const id of this.own) if (id <= read.state.seen) this.own.delete(id);
    this.version += 1;
    this.log.record(this.version, null);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stopFollowing();
    await this.store.close();
  }
}
