/**
 * Workspace over the store (PGlite in a data folder, or PostgreSQL): facts are append-only
 * revisions in the database with an audit entry per change set, so edits survive a restart.
 * The current bundle is held in memory; a data-point write updates it from the written facts
 * (an explanation, rarer, re-reads it). Writes are serialised in
 * this process and checked against the versions read; with PGlite the folder lock makes this
 * process the only writer. (Several servers on one PostgreSQL database could interleave
 * between the check and the write: run one server per database until writes carry the version
 * into the database.)
 */
import type { Bundle, BundleIssue, DataPoint, Explanation } from '@assay/core';
import {
  dataPointHistory,
  dataPointKeyOf,
  importBundle,
  importFacts,
  readBundle,
  readSettingsDocument,
  retractFacts,
  type Store,
} from '@assay/store';
import { factKey } from '../use-cases/parse-data-point-rows.js';
import type { Clock } from './memory-workspace.js';
import type {
  DataPointChange,
  DataPointRevision,
  RetractOutcome,
  Snapshot,
  Workspace,
  WriteOutcome,
} from './workspace.js';

type State = { bundle: Bundle; versions: Map<string, number>; keys: Map<string, string> };

type ReadState = { ok: true; state: State } | { ok: false; issues: readonly BundleIssue[] };

async function readState(store: Store): Promise<ReadState> {
  const read = await readBundle(store);
  if (!read.ok) return read;
  const rows = await store.query<{ fact_id: string; fact_key: string; rev: number }>(
    'select fact_id, fact_key, rev from data_point_current',
  );
  return {
    ok: true,
    state: {
      bundle: read.bundle,
      versions: new Map(rows.map((r) => [r.fact_id, Number(r.rev)])),
      keys: new Map(rows.map((r) => [r.fact_id, r.fact_key])),
    },
  };
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

export class StoreWorkspace implements Workspace {
  private version = 1;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly store: Store,
    private state: State,
    private readonly clock: Clock,
  ) {}

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
    return { ok: true, workspace: new StoreWorkspace(store, state, clock), seeded };
  }

  snapshot(): Snapshot {
    const { bundle, versions } = this.state;
    return { bundle, version: this.version, versionOf: (id) => versions.get(id) };
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
    return this.serial(async () => {
      const { versions, bundle } = this.state;
      const keys = new Set(bundle.dataPoints.map(factKey));
      for (const c of changes) {
        const current = versions.get(c.dataPoint.id);
        if (c.expectedVersion === undefined && (current !== undefined || keys.has(factKey(c.dataPoint))))
          return { ok: false, reason: 'exists', id: c.dataPoint.id };
        if (c.expectedVersion !== undefined && current === undefined)
          return { ok: false, reason: 'not-found', id: c.dataPoint.id };
        if (c.expectedVersion !== undefined && current !== c.expectedVersion)
          return { ok: false, reason: 'stale', id: c.dataPoint.id, current: current ?? 0 };
      }
      const dataPoints: DataPoint[] = changes.map((c) => c.dataPoint);
      const batch = {
        file: 'web',
        dataPoints,
        dataPointLines: dataPoints.map((_, i) => i + 2),
        activityLines: [],
        activityLineLines: [],
        issues: [],
      };
      const r = await importFacts(this.store, () => [batch], {
        subject: 'web',
        author,
        reason,
        at: this.clock(),
      });
      if (!r.ok) {
        // A rule against what is stored (fact-conflicts.ts): an id of another data point, also a
        // retracted one this state does not hold, or an overlapping period. Rows are i + 2.
        const first = r.issues[0];
        const at = first?.row === undefined ? 0 : first.row - 2;
        return {
          ok: false,
          reason: 'invalid',
          id: dataPoints[at]?.id ?? dataPoints[0]?.id ?? '',
          field: first?.column,
          message: first?.reason ?? 'the store refused the write',
        };
      }
      await this.applyWritten(dataPoints);
      const out = new Map(changes.map((c) => [c.dataPoint.id, this.state.versions.get(c.dataPoint.id) ?? 1]));
      return { ok: true, versions: out, workspaceVersion: this.version };
    });
  }

  retractDataPoint(
    id: string,
    expectedVersion: number,
    reason: string,
    author: string,
  ): Promise<RetractOutcome> {
    return this.serial(async () => {
      const current = this.state.versions.get(id);
      const key = this.state.keys.get(id);
      if (current === undefined || key === undefined) return { ok: false, reason: 'not-found', id };
      if (current !== expectedVersion) return { ok: false, reason: 'stale', id, current };
      const r = await retractFacts(
        this.store,
        { dataPoints: [key] },
        { author, reason, at: this.clock(), subject: 'web' },
      );
      if (!r.ok) throw new Error(`store refused the retraction: ${r.problems[0]?.message}`);
      // As a re-read would now give: the fact is gone from the current view.
      const versions = new Map(this.state.versions);
      const keys = new Map(this.state.keys);
      versions.delete(id);
      keys.delete(id);
      const { bundle } = this.state;
      this.state = {
        bundle: { ...bundle, dataPoints: bundle.dataPoints.filter((d) => d.id !== id) },
        versions,
        keys,
      };
      this.version += 1;
      return { ok: true, version: current + 1, workspaceVersion: this.version };
    });
  }

  writeExplanation(e: Explanation, expected: number, author: string) {
    return this.serial(async () => {
      if (expected !== this.version) return { ok: false as const, current: this.version };
      const b = this.state.bundle;
      const explanations = [...b.registers.explanations.filter((x) => x.subject !== e.subject), e];
      const next = { ...b, registers: { ...b.registers, explanations } };
      const r = await importBundle(this.store, next, {
        author,
        reason: `explanation for ${e.subject}`,
        at: this.clock(),
      });
      if (!r.ok) throw new Error(`store refused the explanation: ${r.issues[0]?.reason}`);
      await this.reload();
      return { ok: true as const, workspaceVersion: this.version };
    });
  }

  /**
   * Bring the in-memory state up to date after a data-point write without re-reading the store:
   * ask only for the written facts' current revisions, and move each fact that got a new
   * revision to the end, which is where a re-read (ordered by change set and position) would
   * put it. Re-reading everything cost a full read of every fact per edit (seconds on a store of
   * a million activity lines). workspace.contract.test.ts checks the result equals a re-read.
   */
  private async applyWritten(written: readonly DataPoint[]): Promise<void> {
    // New maps: a snapshot handed out earlier keeps answering for its own version.
    const versions = new Map(this.state.versions);
    const keys = new Map(this.state.keys);
    const { bundle } = this.state;
    const byKey = new Map(written.map((d) => [factKey(d), d]));
    const rows = await this.store.query<{ fact_id: string; fact_key: string; rev: number }>(
      'select fact_id, fact_key, rev from data_point_current where fact_key = any($1::text[])',
      [[...byKey.keys()]],
    );
    const revised = new Set<string>();
    for (const r of rows) {
      const rev = Number(r.rev);
      if (versions.get(r.fact_id) === rev && keys.get(r.fact_id) === r.fact_key) continue; // unchanged
      revised.add(r.fact_key);
      versions.set(r.fact_id, rev);
      keys.set(r.fact_id, r.fact_key);
    }
    this.version += 1; // every accepted write, as a re-read did
    if (revised.size === 0) return;
    const kept = bundle.dataPoints.filter((d) => !revised.has(factKey(d)));
    const moved = written.filter((d) => revised.has(factKey(d)));
    this.state = { bundle: { ...bundle, dataPoints: [...kept, ...moved] }, versions, keys };
  }

  private async reload(): Promise<void> {
    const read = await readState(this.store);
    if (!read.ok) throw new Error(`the store could not be read after a write: ${read.issues[0]?.reason}`);
    this.state = read.state;
    this.version += 1;
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
