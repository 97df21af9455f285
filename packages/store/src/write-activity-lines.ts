/**
 * Entering activity lines (issue #17): new revisions of activity lines (fuel, electricity, heat,
 * certificates…), each naming the revision it edits, where the database decides whether that
 * revision is still current. As write-data-points.ts: the check runs inside the import
 * transaction, under the import lock every writer of fact revisions takes (import-run.ts,
 * IMPORT_LOCK), before anything is appended, so no other writer (another server on the same
 * PostgreSQL database, an `assay import`) can add a revision between the check and the commit.
 * A write naming a revision that is no longer current changes nothing and says which one is.
 *
 * An activity line's key is its id (ACTIVITY_LINE_FIELDS: fact_key = the line id), so "new"
 * means no current line has the id; a retracted line given again comes back as its next
 * revision (fact-append.ts). Otherwise the write is an import of its lines: the same rules
 * against stored data (fact-conflicts.ts, none for activity lines today: lines of any period add
 * up), the period lock ('locked'), one change set with its audit entry, announced on commit.
 *
 * A line's key being its id, a revision may move it to another period. The import's lock check
 * (import-run.ts) looks at the period of the revision it replaces too, so an edit that moves a
 * line out of a locked period is refused there, as for every other writer: the locked period's
 * figures would change. It is write-facts.ts with no data points.
 */
import type { ActivityLine, BundleIssue } from '@assay/core/forms';
import type { PeriodLock } from './period-lock-rows.js';
import type { ChangeMeta, Store } from './store.js';
import { writeFactRevisions } from './write-facts.js';

export type ActivityLineWrite = {
  readonly line: ActivityLine;
  /** The revision being replaced, which must be the current one; undefined for a new line. */
  readonly expectedRev: number | undefined;
};

export type ActivityLineWriteResult =
  | {
      readonly ok: true;
      /** Undefined when nothing changed (every line as stored): no change set was made. */
      readonly changeSet: number | undefined;
      /** Each written line's current revision after the write, by id. */
      readonly revisions: ReadonlyMap<string, number>;
    }
  | { readonly ok: false; readonly reason: 'stale'; readonly id: string; readonly current: number }
  | { readonly ok: false; readonly reason: 'not-found'; readonly id: string }
  | { readonly ok: false; readonly reason: 'exists'; readonly id: string }
  /** A rule against stored data or within the write (a line given twice); rows are positions + 2. */
  | { readonly ok: false; readonly reason: 'invalid'; readonly issues: readonly BundleIssue[] }
  /** A written line's period is locked (period-lock-rows.ts); nothing was written. */
  | { readonly ok: false; readonly reason: 'locked'; readonly lock: PeriodLock; readonly message: string };

export async function writeActivityLineRevisions(
  store: Store,
  writes: readonly ActivityLineWrite[],
  meta: ChangeMeta & { readonly subject?: string },
): Promise<ActivityLineWriteResult> {
  const r = await writeFactRevisions(store, { dataPoints: [], activityLines: writes }, meta);
  if (r.ok) return { ok: true, changeSet: r.changeSet, revisions: r.activityLines.revisions };
  if (r.reason === 'stale') return { ok: false, reason: 'stale', id: r.id, current: r.current };
  if (r.reason === 'not-found' || r.reason === 'exists') return { ok: false, reason: r.reason, id: r.id };
  return r;
}
