/**
 * One write of data points and activity lines together, each naming the revision it edits: the
 * workspace's writes (write-data-points.ts and write-activity-lines.ts are this with one list
 * empty) and an uploaded workbook holding both (issue #14: an import is all or nothing). It is
 * one import (import-run.ts) of one batch holding both lists: one transaction under the import
 * lock, one change set and one audit entry, or nothing at all.
 *
 * Inside the transaction, before anything is appended, the database decides the versions: data
 * points first, then lines, each in the order given; the first refusal refuses all ('stale',
 * 'not-found', 'exists', naming the kind of fact). Then the import's rules against stored data
 * (fact-conflicts.ts, for data points) and the period lock ('locked', import-run.ts: the period
 * of every new revision and of every current revision it replaces).
 *
 * A data point is new when neither its id nor its key is current; a line when no current line
 * has its id (a line's key is its id). A retracted fact given again comes back as its next
 * revision (fact-append.ts). Rows in issues are positions + 2: data points first, then the
 * lines numbered on after them.
 */
import { type BundleIssue, dataPointFactKey } from '@assay/core/forms';
import { runImport } from './import-run.js';
import type { PeriodLock } from './period-lock-rows.js';
import type { ChangeMeta, Sql, Store } from './store.js';
import type { ActivityLineWrite } from './write-activity-lines.js';
import type { DataPointWrite } from './write-data-points.js';

export type FactWriteKind = 'data-point' | 'activity-line';

export type FactWrites = {
  readonly dataPoints: readonly DataPointWrite[];
  readonly activityLines: readonly ActivityLineWrite[];
};

export type FactsWriteResult =
  | {
      readonly ok: true;
      /** Undefined when nothing changed (every fact as stored): no change set was made. */
      readonly changeSet: number | undefined;
      /** Each written data point's current revision after the write, and its key, by id. */
      readonly dataPoints: {
        readonly revisions: ReadonlyMap<string, number>;
        readonly keys: ReadonlyMap<string, string>;
      };
      /** Each written line's current revision after the write, by id. */
      readonly activityLines: { readonly revisions: ReadonlyMap<string, number> };
    }
  | {
      readonly ok: false;
      readonly reason: 'stale';
      readonly kind: FactWriteKind;
      readonly id: string;
      readonly current: number;
    }
  | {
      readonly ok: false;
      readonly reason: 'not-found' | 'exists';
      readonly kind: FactWriteKind;
      readonly id: string;
    }
  /** A rule against stored data or within the write; rows are positions + 2 (data points, then lines). */
  | { readonly ok: false; readonly reason: 'invalid'; readonly issues: readonly BundleIssue[] }
  /** A written fact's period, or the period it is moved out of, is locked; nothing was written. */
  | { readonly ok: false; readonly reason: 'locked'; readonly lock: PeriodLock; readonly message: string };

type Refusal = Extract<FactsWriteResult, { reason: 'stale' | 'not-found' | 'exists' }>;

/** Thrown from the precondition to roll the import back with the refusal. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(`write refused: ${refusal.reason} ${refusal.kind} ${refusal.id}`);
  }
}

type DataPointRow = { fact_id: string; fact_key: string; rev: number };

/** Current revisions of the data points with ids $1 or keys $2 (currentDataPoints). */
export const CURRENT_DATA_POINTS_SQL = `select c.fact_id, c.fact_key, c.rev
     from (select fact_key from data_point_revision where fact_id = any($1::text[])
           union select unnest($2::text[]) collate "C") k
     cross join lateral (
       select fact_id, fact_key, rev, retracted from data_point_revision r
       where r.fact_key = k.fact_key order by r.rev desc limit 1) c
     where not c.retracted`;

/**
 * Current (not retracted) revisions of the data points with these ids or keys. The keys that
 * ever carried one of the ids are found by the id index (migration 031), then each key's latest
 * revision by the primary key: a few index probes, whatever the size of the store (the view
 * data_point_current here read every revision: 7.7 s at a million, issue #23).
 */
async function currentDataPoints(
  tx: Sql,
  ids: readonly string[],
  keys: readonly string[],
): Promise<DataPointRow[]> {
  if (ids.length === 0 && keys.length === 0) return [];
  const rows = await tx.query<DataPointRow>(CURRENT_DATA_POINTS_SQL, [ids, keys]);
  return rows.map((r) => ({ ...r, rev: Number(r.rev) }));
}

/** Current (not retracted) revisions of the lines with these ids (the key is the id: indexed). */
async function currentLines(tx: Sql, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<{ fact_key: string; rev: number }>(
    'select fact_key, rev from activity_line_current where fact_key = any($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.fact_key, Number(r.rev)]));
}

/** The first data-point write whose named revision is not the current one. */
function dataPointRefusal(
  writes: readonly DataPointWrite[],
  keys: readonly string[],
  before: readonly DataPointRow[],
): Refusal | undefined {
  const kind = 'data-point';
  const byId = new Map(before.map((r) => [r.fact_id, r]));
  const liveKeys = new Set(before.map((r) => r.fact_key));
  for (const [i, w] of writes.entries()) {
    const id = w.dataPoint.id;
    const current = byId.get(id);
    if (w.expectedRev === undefined && (current || liveKeys.has(keys[i] as string)))
      return { ok: false, reason: 'exists', kind, id };
    if (w.expectedRev !== undefined && !current) return { ok: false, reason: 'not-found', kind, id };
    if (w.expectedRev !== undefined && current && current.rev !== w.expectedRev)
      return { ok: false, reason: 'stale', kind, id, current: current.rev };
  }
  return undefined;
}

/** The first line write whose named revision is not the current one. */
function lineRefusal(
  writes: readonly ActivityLineWrite[],
  before: ReadonlyMap<string, number>,
): Refusal | undefined {
  const kind = 'activity-line';
  for (const w of writes) {
    const id = w.line.id;
    const current = before.get(id);
    if (w.expectedRev === undefined && current !== undefined)
      return { ok: false, reason: 'exists', kind, id };
    if (w.expectedRev !== undefined && current === undefined)
      return { ok: false, reason: 'not-found', kind, id };
    if (w.expectedRev !== undefined && current !== undefined && current !== w.expectedRev)
      return { ok: false, reason: 'stale', kind, id, current };
  }
  return undefined;
}

export async function writeFactRevisions(
  store: Store,
  writes: FactWrites,
  meta: ChangeMeta & { readonly subject?: string },
): Promise<FactsWriteResult> {
  const dataPoints = writes.dataPoints.map((w) => w.dataPoint);
  const ids = dataPoints.map((d) => d.id);
  const keys = dataPoints.map(dataPointFactKey);
  const lines = writes.activityLines.map((w) => w.line);
  const lineIds = lines.map((l) => l.id);
  let before: DataPointRow[] = [];
  let after: DataPointRow[] | undefined;
  let linesBefore = new Map<string, number>();
  let linesAfter: Map<string, number> | undefined;
  const subject = meta.subject ?? 'web';
  try {
    const r = await runImport(store, {
      subject,
      meta: { author: meta.author, reason: meta.reason, at: meta.at },
      batches: () => [
        {
          file: subject,
          dataPoints,
          dataPointLines: dataPoints.map((_, i) => i + 2),
          activityLines: lines,
          activityLineLines: lines.map((_, i) => dataPoints.length + i + 2),
          issues: [],
        },
      ],
      // In the order given, data points first; the first refusal refuses all.
      precondition: async (tx) => {
        before = await currentDataPoints(tx, ids, keys);
        const refusal = dataPointRefusal(writes.dataPoints, keys, before);
        if (refusal) throw new Refused(refusal);
        linesBefore = await currentLines(tx, lineIds);
        const lineRefused = lineRefusal(writes.activityLines, linesBefore);
        if (lineRefused) throw new Refused(lineRefused);
      },
      beforeCommit: async (tx) => {
        after = await currentDataPoints(tx, [], keys);
        linesAfter = await currentLines(tx, lineIds);
      },
    });
    if (!r.ok && r.locked)
      return { ok: false, reason: 'locked', lock: r.locked, message: r.issues[0]?.reason ?? 'period locked' };
    if (!r.ok) return { ok: false, reason: 'invalid', issues: r.issues };
    // Nothing changed: every written fact is as it was, at the revision checked.
    const rows = r.changed ? (after ?? []) : before;
    const written = new Set(keys);
    const mine = rows.filter((row) => written.has(row.fact_key));
    return {
      ok: true,
      changeSet: r.changed ? r.changeSet : undefined,
      dataPoints: {
        revisions: new Map(mine.map((row) => [row.fact_id, row.rev])),
        keys: new Map(mine.map((row) => [row.fact_id, row.fact_key])),
      },
      activityLines: { revisions: r.changed ? (linesAfter ?? new Map()) : linesBefore },
    };
  } catch (e) {
    if (e instanceof Refused) return e.refusal;
    throw e;
  }
}
