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
 * sees the new period only, so here an edit that moves a line out of a locked period is refused
 * too: the locked period's figures would change.
 */
import type { ActivityLine, BundleIssue } from '@assay/core/forms';
import { runImport } from './import-run.js';
import { lockedPeriod, type PeriodLock } from './period-lock-rows.js';
import type { ChangeMeta, Sql, Store } from './store.js';

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

type Refusal = Extract<ActivityLineWriteResult, { reason: 'stale' | 'not-found' | 'exists' | 'locked' }>;

/** Thrown from the precondition to roll the import back with the refusal. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(`activity line write refused: ${refusal.reason}`);
  }
}

type Current = { readonly rev: number; readonly period: string };

/** Current (not retracted) revisions of the lines with these ids (the key is the id: indexed). */
async function currentOf(tx: Sql, ids: readonly string[]): Promise<Map<string, Current>> {
  const rows = await tx.query<{ fact_key: string; rev: number; period_id: string }>(
    'select fact_key, rev, period_id from activity_line_current where fact_key = any($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.fact_key, { rev: Number(r.rev), period: r.period_id }]));
}

const revisionsOf = (current: ReadonlyMap<string, Current>) =>
  new Map([...current].map(([id, c]) => [id, c.rev]));

export async function writeActivityLineRevisions(
  store: Store,
  writes: readonly ActivityLineWrite[],
  meta: ChangeMeta & { readonly subject?: string },
): Promise<ActivityLineWriteResult> {
  const lines = writes.map((w) => w.line);
  const ids = lines.map((l) => l.id);
  let before = new Map<string, Current>();
  let after: Map<string, Current> | undefined;
  try {
    const r = await runImport(store, {
      subject: meta.subject ?? 'web',
      meta: { author: meta.author, reason: meta.reason, at: meta.at },
      batches: () => [
        {
          file: meta.subject ?? 'web',
          dataPoints: [],
          dataPointLines: [],
          activityLines: lines,
          activityLineLines: lines.map((_, i) => i + 2),
          issues: [],
        },
      ],
      // In the order given; the first refusal refuses all.
      precondition: async (tx) => {
        before = await currentOf(tx, ids);
        for (const w of writes) {
          const id = w.line.id;
          const current = before.get(id);
          if (w.expectedRev === undefined && current !== undefined)
            throw new Refused({ ok: false, reason: 'exists', id });
          if (w.expectedRev !== undefined && current === undefined)
            throw new Refused({ ok: false, reason: 'not-found', id });
          if (w.expectedRev !== undefined && current !== undefined && current.rev !== w.expectedRev)
            throw new Refused({ ok: false, reason: 'stale', id, current: current.rev });
        }
        const movedFrom = writes.flatMap((w) => {
          const current = before.get(w.line.id);
          return current && current.period !== w.line.periodId ? [current.period] : [];
        });
        const locked = movedFrom.length > 0 ? await lockedPeriod(tx, movedFrom) : undefined;
        if (locked)
          throw new Refused({ ok: false, reason: 'locked', lock: locked.lock, message: locked.message });
      },
      beforeCommit: async (tx) => {
        after = await currentOf(tx, ids);
      },
    });
    if (!r.ok && r.locked)
      return { ok: false, reason: 'locked', lock: r.locked, message: r.issues[0]?.reason ?? 'period locked' };
    if (!r.ok) return { ok: false, reason: 'invalid', issues: r.issues };
    // Nothing changed: every written line is as it was, at the revision checked.
    return {
      ok: true,
      changeSet: r.changed ? r.changeSet : undefined,
      revisions: revisionsOf(r.changed ? (after ?? new Map()) : before),
    };
  } catch (e) {
    if (e instanceof Refused) return e.refusal;
    throw e;
  }
}
