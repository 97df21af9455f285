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
 * announced on commit (change-notify.ts).
 */
import { type BundleIssue, type DataPoint, dataPointFactKey } from '@assay/core/forms';
import { runImport } from './import-run.js';
import type { PeriodLock } from './period-lock-rows.js';
import type { ChangeMeta, Sql, Store } from './store.js';

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

type Refusal = Extract<DataPointWriteResult, { reason: 'stale' | 'not-found' | 'exists' }>;

/** Thrown from the precondition to roll the import back with the refusal. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(`data point write refused: ${refusal.reason} ${refusal.id}`);
  }
}

type CurrentRow = { fact_id: string; fact_key: string; rev: number };

/**
 * Current (not retracted) revisions of the data points with these ids or keys. Ids are not
 * indexed: the keys that ever carried them are found first, then each one's latest revision.
 */
async function currentOf(tx: Sql, ids: readonly string[], keys: readonly string[]): Promise<CurrentRow[]> {
  const rows = await tx.query<CurrentRow>(
    `select fact_id, fact_key, rev from data_point_current
     where fact_key in (select fact_key from data_point_revision where fact_id = any($1::text[]))
        or fact_key = any($2::text[])`,
    [ids, keys],
  );
  return rows.map((r) => ({ ...r, rev: Number(r.rev) }));
}

export async function writeDataPointRevisions(
  store: Store,
  writes: readonly DataPointWrite[],
  meta: ChangeMeta & { readonly subject?: string },
): Promise<DataPointWriteResult> {
  const dataPoints = writes.map((w) => w.dataPoint);
  const ids = dataPoints.map((d) => d.id);
  const keys = dataPoints.map(dataPointFactKey);
  let before: CurrentRow[] = [];
  let after: CurrentRow[] | undefined;
  try {
    const r = await runImport(store, {
      subject: meta.subject ?? 'web',
      meta: { author: meta.author, reason: meta.reason, at: meta.at },
      batches: () => [
        {
          file: meta.subject ?? 'web',
          dataPoints,
          dataPointLines: dataPoints.map((_, i) => i + 2),
          activityLines: [],
          activityLineLines: [],
          issues: [],
        },
      ],
      // In the order given; the first refusal refuses all.
      precondition: async (tx) => {
        before = await currentOf(tx, ids, keys);
        const byId = new Map(before.map((r) => [r.fact_id, r]));
        const liveKeys = new Set(before.map((r) => r.fact_key));
        for (const [i, w] of writes.entries()) {
          const id = w.dataPoint.id;
          const current = byId.get(id);
          if (w.expectedRev === undefined && (current || liveKeys.has(keys[i] as string)))
            throw new Refused({ ok: false, reason: 'exists', id });
          if (w.expectedRev !== undefined && !current)
            throw new Refused({ ok: false, reason: 'not-found', id });
          if (w.expectedRev !== undefined && current && current.rev !== w.expectedRev)
            throw new Refused({ ok: false, reason: 'stale', id, current: current.rev });
        }
      },
      beforeCommit: async (tx) => {
        after = await currentOf(tx, [], keys);
      },
    });
    if (!r.ok && r.locked)
      return { ok: false, reason: 'locked', lock: r.locked, message: r.issues[0]?.reason ?? 'period locked' };
    if (!r.ok) return { ok: false, reason: 'invalid', issues: r.issues };
    // Nothing changed: every written data point is as it was, at the revision checked.
    const rows = r.changed ? (after ?? []) : before;
    const written = new Set(keys);
    const mine = rows.filter((row) => written.has(row.fact_key));
    return {
      ok: true,
      changeSet: r.changed ? r.changeSet : undefined,
      revisions: new Map(mine.map((row) => [row.fact_id, row.rev])),
      keys: new Map(mine.map((row) => [row.fact_id, row.fact_key])),
    };
  } catch (e) {
    if (e instanceof Refused) return e.refusal;
    throw e;
  }
}
