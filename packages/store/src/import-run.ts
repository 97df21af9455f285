/**
 * The shape every import shares: one transaction under an import lock; facts appended in bulk
 * batch by batch (fact-append.ts); every bad row collected; on any issue, or when nothing
 * changed, the transaction rolls back so the store is exactly as before. Otherwise one change
 * set, the new revisions and one audit entry commit. Before commit, the data points are checked
 * against what is stored (fact-conflicts.ts), and a new revision in a locked period, or one
 * replacing a current revision in a locked period (a line given another period), refuses the
 * whole import (period-lock-rows.ts, issue #17) unless it is an approved restatement's write
 * (`restatement`, checked in the database: restatement-rows.ts); the audit entry records the
 * content digest of the revisions (revision-digest.ts) and, for a file, its SHA-256
 * (imported-file.ts).
 *
 * When the primary key rejects a fact given twice, the input is read a second time in a
 * separate transaction that only stages keys, so that every duplicate line can be named
 * (fact-duplicates.ts); nothing is written by that pass either.
 */
import type { FactBatch } from '@assay/core/forms';
import { activityLineFields, type BundleIssue, dataPointFields, type FactFields } from '@assay/core/forms';
import { appendAudit } from './audit.js';
import { notifyChange } from './change-notify.js';
import { DuplicateFactError, FactAppender } from './fact-append.js';
import { stagedConflicts } from './fact-conflicts.js';
import { createKeyStages, stagedDuplicates, stageKeys } from './fact-duplicates.js';
import { type ImportedFile, importedFile } from './imported-file.js';
import { lockedInChangeSet, type PeriodLock } from './period-lock-rows.js';
import { ensurePeriods } from './periods.js';
import { restatementCovers } from './restatement-rows.js';
import { RevisionDigest } from './revision-digest.js';
import type { ChangeMeta, Sql, Store } from './store.js';

export type { FactBatch };

/** The batches of one import; called again to name duplicates, so it must read the input afresh. */
export type FactBatches<I extends BundleIssue = BundleIssue> = () =>
  | AsyncIterable<FactBatch<I>>
  | Iterable<FactBatch<I>>;

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
      /** The same file (by content) was imported before: nothing was added (see ImportJob.file). */
      readonly alreadyImported?: ImportedFile;
    }
  | {
      readonly ok: false;
      readonly issues: readonly (I | BundleIssue)[];
      readonly issueCount: number;
      /** Set when a new revision fell in a locked period (period-lock-rows.ts); the one issue says so. */
      readonly locked?: PeriodLock;
    };

const NO_COUNTS: ImportCounts = {
  dataPoints: { added: 0, revised: 0 },
  activityLines: { added: 0, revised: 0 },
  other: 0,
};

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
  readonly batches: FactBatches<I>;
  /** Issues found before any fact (e.g. organisation mismatch). */
  readonly preIssues?: readonly BundleIssue[];
  /**
   * The file read, by the SHA-256 of its bytes: kept with the change set and in the audit entry.
   * When a change set already holds the same digest the import adds nothing and says so
   * (`alreadyImported`), unless `asNewData`: generated ids come from the file name, so the same
   * lines under another name would otherwise be added a second time.
   */
  readonly file?: { readonly sha256: string; readonly asNewData?: boolean };
  /** Non-fact changes, written after the change set exists; returns how many records changed. */
  readonly other?: (tx: Sql, changeSet: number) => Promise<{ count: number; audit: AuditNote[] }>;
  /**
   * Run under the import lock before anything is written, so what it reads stays current until
   * commit (every writer takes the lock): a write that names the revisions it edits checks them
   * here (write-data-points.ts). Throwing rolls the import back; the error reaches the caller.
   */
  readonly precondition?: (tx: Sql) => Promise<void>;
  /** Run after the facts are appended and checked, before the audit entry and the commit. */
  readonly beforeCommit?: (tx: Sql, changeSet: number) => Promise<void>;
  /**
   * The write of an approved restatement (restatements.ts): its revisions may fall in a locked
   * period, and only then; the database must show the restatement approved and every revision
   * of the change set among its items (restatement-rows.ts restatementCovers).
   */
  readonly restatement?: { readonly id: number };
};
export type AuditNote = { action: string; subject: string; before: unknown; after: unknown };

/**
 * Batches written or waiting to be written while the next is read. 1 would leave no overlap;
 * 2 writes batch k while batch k+1 is read. 3 was no faster (three runs each, interleaved:
 * 8.1–8.6 s against 8.4–9.0 s for the million) and holds one more batch in memory.
 */
const PIPELINE_DEPTH = 2;

/**
 * Arbitrary constant naming Assay's import lock: one import (or edit, or retraction) at a time
 * per store, across every process on the database. Every writer of fact revisions takes it
 * (pg_advisory_xact_lock) before reading the revision numbers it appends after, so revision
 * numbers read under it (and the version checks of write-data-points.ts) stay current until
 * commit, and change-set ids are handed out in commit order.
 */
export const IMPORT_LOCK = 73_617_362;

export async function runImport<I extends BundleIssue>(
  store: Store,
  job: ImportJob<I>,
): Promise<ImportResult<I>> {
  try {
    return await store.transaction((tx) => importInTransaction(tx, job));
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    if (e instanceof DuplicateFactError) return nameDuplicates(store, job, e);
    throw e;
  }
}

async function importInTransaction<I extends BundleIssue>(
  tx: Sql,
  job: ImportJob<I>,
): Promise<ImportResult<I>> {
  // JIT compilation costs more than it saves on these one-pass statements (0.14 s per import).
  await tx.exec('set local jit = off');
  await tx.query('select pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
  if (job.file && !job.file.asNewData) {
    const earlier = await importedFile(tx, job.file.sha256);
    if (earlier)
      throw new Rollback({ ok: true, changed: false, counts: NO_COUNTS, alreadyImported: earlier });
  }
  if (job.precondition) await job.precondition(tx);
  await createKeyStages(tx);
  // The change set comes first so that each batch can be appended as soon as it is read.
  const [cs] = await tx.query<{ id: string }>(
    `insert into change_set (author, at, reason, source, file_sha256) values ($1, $2, $3, $4, $5)
     returning id::text as id`,
    [job.meta.author, job.meta.at, job.meta.reason, job.subject, job.file?.sha256 ?? null],
  );
  const changeSet = Number(cs?.id);
  await notifyChange(tx, changeSet); // delivered on commit only
  const issues: (I | BundleIssue)[] = [...(job.preIssues ?? [])];
  let issueCount = issues.length;
  const digest = new RevisionDigest();
  const appender = new FactAppender(tx, changeSet, digest);
  const periods = new Set<string>();
  let staged = 0;
  let chain: Promise<void> = Promise.resolve();
  const queued: Promise<void>[] = [];
  for await (const b of job.batches()) {
    issueCount += b.issues.length;
    if (issues.length < MAX_REPORTED_ISSUES)
      issues.push(...b.issues.slice(0, MAX_REPORTED_ISSUES - issues.length));
    if (issueCount > 0) continue; // keep reading: every bad row is reported
    const { dp, al } = flatten(b);
    for (const r of dp) periods.add(r[3] as string); // DATA_POINT_FIELDS[3] = period_id
    for (const r of al) periods.add(r[2] as string); // ACTIVITY_LINE_FIELDS[2] = period_id
    const dpBatch = appender.prepare('dp', dp);
    const alBatch = appender.prepare('al', al);
    // Writes run one after another on the connection; up to PIPELINE_DEPTH of them are queued
    // while this process reads, validates and formats the next batch.
    chain = chain.then(async () => {
      await stageKeys(tx, 'dp', b.file, b.dataPointLines, dp);
      await appender.write(dpBatch);
      await appender.write(alBatch);
    });
    chain.catch(() => undefined); // awaited below; this only marks it handled meanwhile
    queued.push(chain);
    if (queued.length >= PIPELINE_DEPTH) await queued.shift();
    staged += dp.length + al.length;
  }
  await chain;
  if (issueCount === 0) {
    const dups = await stagedDuplicates(tx, 'dp', MAX_REPORTED_ISSUES);
    issues.push(...dups);
    issueCount += dups.length;
  }
  if (issueCount === 0) {
    // Rules against what is already stored: overlapping periods, an id of another fact.
    const conflicts = await stagedConflicts(tx, changeSet, MAX_REPORTED_ISSUES);
    issues.push(...conflicts);
    issueCount += conflicts.length;
  }
  // Batches appended before a bad row or a duplicate was found are rolled back with the rest.
  if (issueCount > 0) throw new Rollback({ ok: false, issues, issueCount });
  // A new revision in a locked period, or replacing one there (a line moved out of it), refuses
  // the whole write; unchanged facts there pass. Every writer of facts comes through here.
  const locked = await lockedInChangeSet(tx, changeSet, periods, appender.replacedPeriods);
  if (locked && !(job.restatement && (await restatementCovers(tx, job.restatement.id, changeSet)))) {
    const issue: BundleIssue = { file: job.subject, column: 'period', reason: locked.message };
    throw new Rollback({ ok: false, issues: [issue], issueCount: 1, locked: locked.lock });
  }
  const other = job.other ? await job.other(tx, changeSet) : { count: 0, audit: [] };
  await ensurePeriods(tx, [...periods]);
  const counts: ImportCounts = {
    dataPoints: appender.counts.dp,
    activityLines: appender.counts.al,
    other: other.count,
  };
  const factChanges =
    counts.dataPoints.added +
    counts.dataPoints.revised +
    counts.activityLines.added +
    counts.activityLines.revised;
  // Nothing new: leave no trace (not even an empty change set), so re-importing is a no-op.
  if (factChanges + other.count === 0) throw new Rollback({ ok: true, changed: false, counts });
  if (job.beforeCommit) await job.beforeCommit(tx, changeSet);
  const base = { at: job.meta.at, actor: job.meta.author, reason: job.meta.reason };
  for (const n of other.audit) await appendAudit(tx, { ...base, ...n });
  await appendAudit(tx, {
    ...base,
    action: 'import',
    subject: job.subject,
    before: null,
    after: {
      changeSet,
      staged,
      ...digest.result(),
      ...counts,
      ...(job.file ? { fileSha256: job.file.sha256 } : {}),
    },
  });
  return { ok: true, changed: true, counts, changeSet };
}

function flatten(b: FactBatch<BundleIssue>): { dp: FactFields[]; al: readonly FactFields[] } {
  return {
    dp: b.dataPoints.map(dataPointFields),
    al: b.activityLineRows ?? b.activityLines.map(activityLineFields),
  };
}

/**
 * Second reading after the primary key rejected a fact given twice: stage every row's keys
 * (nothing else is written, and the transaction rolls back) and name each duplicate line.
 */
async function nameDuplicates<I extends BundleIssue>(
  store: Store,
  job: ImportJob<I>,
  cause: DuplicateFactError,
): Promise<ImportResult<I>> {
  const found = await store
    .transaction(async (tx) => {
      await createKeyStages(tx);
      const issues: (I | BundleIssue)[] = [...(job.preIssues ?? [])];
      let issueCount = issues.length;
      for await (const b of job.batches()) {
        issueCount += b.issues.length;
        if (issues.length < MAX_REPORTED_ISSUES)
          issues.push(...b.issues.slice(0, MAX_REPORTED_ISSUES - issues.length));
        const { dp, al } = flatten(b);
        await stageKeys(tx, 'dp', b.file, b.dataPointLines, dp);
        await stageKeys(tx, 'al', b.file, b.activityLineLines, al);
      }
      for (const kind of ['dp', 'al'] as const) {
        const dups = await stagedDuplicates(tx, kind, MAX_REPORTED_ISSUES);
        if (issues.length < MAX_REPORTED_ISSUES)
          issues.push(...dups.slice(0, MAX_REPORTED_ISSUES - issues.length));
        issueCount += dups.length;
      }
      throw new Rollback({ ok: false, issues, issueCount });
    })
    .catch((e: unknown) => {
      if (e instanceof Rollback) return e.result;
      throw e;
    });
  if (!found.ok && found.issueCount > 0) return found;
  // Not a duplicate in the input: the same facts were written by someone else meanwhile.
  const reason = `the store changed during the import (${cause.message}); nothing was imported, run it again`;
  return { ok: false, issues: [{ file: job.subject, reason }], issueCount: 1 };
}
