/**
 * The shape every import shares: one transaction; facts staged in bulk; every bad row
 * collected; on any issue, or when nothing changed, the transaction rolls back so the store
 * is exactly as before. Otherwise one change set, the new revisions and one audit entry commit.
 */
import { createHash } from 'node:crypto';
import type { ActivityLine, BundleIssue, DataPoint } from '@assay/core';
import { appendAudit } from './audit.js';
import { activityLineRow, dataPointRow } from './fact-rows.js';
import { createStages, mergedCounts, stageAndMerge, stagedDuplicates } from './fact-stage.js';
import { ensurePeriods } from './periods.js';
import type { ChangeMeta, Sql, Store } from './store.js';

/** A validated slice of an input file; `issues` non-empty means the slice had bad rows. */
export type FactBatch<I extends BundleIssue = BundleIssue> = {
  readonly file: string;
  readonly dataPoints: readonly DataPoint[];
  /** Source line of each data point, for duplicate reports. */
  readonly dataPointLines: readonly number[];
  readonly activityLines: readonly ActivityLine[];
  readonly activityLineLines: readonly number[];
  readonly issues: readonly I[];
};

export type ImportCounts = {
  readonly dataPoints: { added: number; revised: number };
  readonly activityLines: { added: number; revised: number };
  /** Other records changed (organisation, catalogue, factors, documents). */
  readonly other: number;
};
export type ImportResult<I extends BundleIssue = BundleIssue> =
  | {
      readonly ok: true;
      readonly changed: boolean;
      readonly counts: ImportCounts;
      readonly changeSet?: number;
    }
  | { readonly ok: false; readonly issues: readonly (I | BundleIssue)[]; readonly issueCount: number };

/** At most this many issues are kept (all are counted). */
export const MAX_REPORTED_ISSUES = 1000;

class Rollback extends Error {
  constructor(readonly result: ImportResult<never>) {
    super('import rolled back');
  }
}

export type ImportJob<I extends BundleIssue> = {
  readonly subject: string;
  readonly meta: ChangeMeta;
  readonly batches: AsyncIterable<FactBatch<I>> | Iterable<FactBatch<I>>;
  /** Issues found before any fact (e.g. organisation mismatch). */
  readonly preIssues?: readonly BundleIssue[];
  /** Non-fact changes, written after the change set exists; returns how many records changed. */
  readonly other?: (tx: Sql, changeSet: number) => Promise<{ count: number; audit: AuditNote[] }>;
};
export type AuditNote = { action: string; subject: string; before: unknown; after: unknown };

export async function runImport<I extends BundleIssue>(
  store: Store,
  job: ImportJob<I>,
): Promise<ImportResult<I>> {
  try {
    return await store.transaction(async (tx) => {
      await createStages(tx);
      // The change set comes first so that each batch can be merged as soon as it is staged.
      const [cs] = await tx.query<{ id: string }>(
        'insert into change_set (author, at, reason, source) values ($1, $2, $3, $4) returning id::text as id',
        [job.meta.author, job.meta.at, job.meta.reason, job.subject],
      );
      const changeSet = Number(cs?.id);
      const issues: (I | BundleIssue)[] = [...(job.preIssues ?? [])];
      let issueCount = issues.length;
      const digest = createHash('sha256');
      const periods = new Set<string>();
      let staged = 0;
      let inflight: Promise<void> = Promise.resolve();
      for await (const b of job.batches) {
        issueCount += b.issues.length;
        if (issues.length < MAX_REPORTED_ISSUES)
          issues.push(...b.issues.slice(0, MAX_REPORTED_ISSUES - issues.length));
        if (issueCount > 0) continue; // keep reading: every bad row is reported
        const dp = b.dataPoints.map(dataPointRow);
        const al = b.activityLines.map(activityLineRow);
        for (const r of [...dp, ...al]) digest.update(r[r.length - 1] ?? '');
        for (const f of [...b.dataPoints, ...b.activityLines]) periods.add(f.periodId);
        // One batch in flight: the database inserts batch k while this process parses batch k+1.
        await inflight;
        inflight = stageAndMerge(tx, 'dp', changeSet, b.file, b.dataPointLines, dp).then(() =>
          stageAndMerge(tx, 'al', changeSet, b.file, b.activityLineLines, al),
        );
        inflight.catch(() => undefined); // awaited below; this only marks it handled meanwhile
        staged += dp.length + al.length;
      }
      await inflight;
      if (issueCount === 0) {
        const dups = [
          ...(await stagedDuplicates(tx, 'dp', MAX_REPORTED_ISSUES)),
          ...(await stagedDuplicates(tx, 'al', MAX_REPORTED_ISSUES)),
        ];
        issues.push(...dups);
        issueCount += dups.length;
      }
      // Batches merged before a bad row or a duplicate was found are rolled back with the rest.
      if (issueCount > 0) throw new Rollback({ ok: false, issues, issueCount });
      const other = job.other ? await job.other(tx, changeSet) : { count: 0, audit: [] };
      await ensurePeriods(tx, [...periods]);
      const counts: ImportCounts = {
        dataPoints: await mergedCounts(tx, 'dp'),
        activityLines: await mergedCounts(tx, 'al'),
        other: other.count,
      };
      const factChanges =
        counts.dataPoints.added +
        counts.dataPoints.revised +
        counts.activityLines.added +
        counts.activityLines.revised;
      // Nothing new: leave no trace (not even an empty change set), so re-importing is a no-op.
      if (factChanges + other.count === 0) throw new Rollback({ ok: true, changed: false, counts });
      const base = { at: job.meta.at, actor: job.meta.author, reason: job.meta.reason };
      for (const n of other.audit) await appendAudit(tx, { ...base, ...n });
      await appendAudit(tx, {
        ...base,
        action: 'import',
        subject: job.subject,
        before: null,
        after: { changeSet, staged, contentDigest: digest.digest('hex'), ...counts },
      });
      return { ok: true, changed: true, counts, changeSet };
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}
