/**
 * A web edit: new revisions of data points, each naming the revision it edits, where the
 * database decides whether that revision is still current. The check runs inside the import
 * transaction, under the import lock that every writer of fact revisions takes
 * (import-run.ts, IMPORT_LOCK), before anything is appended, so no other writer (another
 * server on the same PostgreSQL database, an `assay import`) can add a revision between the
 * check and the commit. A write naming a revision that is no longer current changes nothing
 * and says which revision is, whichever process took it.
 *
 * Otherwise the write is an import of its data points (the same rules against stored data:
 * fact-conflicts.ts, and the period lock: 'locked'), one change set with its audit entry,
 * announced on commit (change-notify.ts). It is write-facts.ts with no activity lines.
 */
import type { BundleIssue, DataPoint } from '@assay/core/forms';
import type { PeriodLock } from './period-lock-rows.js';
import type { ChangeMeta, Store } from './store.js';
import { writeFactRevisions } from './write-facts.js';

export type DataPointWrite = {
  readonly dataPoint: DataPoint;
  /**
   * The revision being replaced, which must be the current one of a data point with this id;
   * undefined for a new data point (neither its id nor its key may be current).
   */
  readonly expectedRev: number | undefined;
};

export type DataPointWriteResult =
  | {
      readonly ok: true;
      /** Undefined when nothing changed (every value as stored): no change set was made. */
      readonly changeSet: number | undefined;
      /** Each written data point's current revision after the write, by id. */
      readonly revisions: ReadonlyMap<string, number>;
      /** Each written data point's key (entity|period|indicator|disaggregation), by id. */
      readonly keys: ReadonlyMap<string, string>;
    }
  | { readonly ok: false; readonly reason: 'stale'; readonly id: string; readonly current: number }
  | { readonly ok: false; readonly reason: 'not-found'; readonly id: string }
  | { readonly ok: false; readonly reason: 'exists'; readonly id: string }
  /** A rule against stored data (fact-conflicts.ts); rows are the writes' positions + 2. */
  | { readonly ok: false; readonly reason: 'invalid'; readonly issues: readonly BundleIssue[] }
  /** A written data point's period is locked (period-lock-rows.ts); nothing was written. */
  | { readonly ok: false; readonly reason: 'locked'; readonly lock: PeriodLock; readonly message: string };

export async function writeDataPointRevisions(
  store: Store,
  writes: readonly DataPointWrite[],
  meta: ChangeMeta & { readonly subject?: string },
): Promise<DataPointWriteResult> {
  const r = await writeFactRevisions(store, { dataPoints: writes, activityLines: [] }, meta);
  if (r.ok)
    return { ok: true, changeSet: r.changeSet, revisions: r.dataPoints.revisions, keys: r.dataPoints.keys };
  if (r.reason === 'stale') return { ok: false, reason: 'stale', id: r.id, current: r.current };
  if (r.reason === 'not-found' || r.reason === 'exists') return { ok: false, reason: r.reason, id: r.id };
  return r;
}
