/**
 * The Workspace port: the server's view of one group's reporting data. Facts are append-only:
 * every write adds a revision (with reason, author, time) and bumps the data point's version
 * (1 for the loaded value). A write names the version it edits; a stale write changes nothing.
 * Implementations: in memory (memory-workspace.ts) and over the store, PGlite or PostgreSQL
 * (store-workspace.ts); workspace.contract.test.ts runs the same cases on both.
 */
import type {
  ActivityLine,
  Bundle,
  DataPoint,
  Explanation,
  NarrativeSection,
  Organisation,
  PeriodLock,
} from '@assay/core';
import type { AssignmentRecords } from './assignment-records.js';
import type { CaseRecords } from './case-records.js';
import type { CommentRecords } from './comment-records.js';
import type { CycleRecords } from './cycle-records.js';
import type { FindingWorkRecords } from './finding-work-records.js';
import type { MaterialityRecords } from './materiality-records.js';
import type { RowChange, RowOf, RowRegister, RowRevision, RowWriteOutcome } from './register-row-history.js';
import type { RestatementRecords } from './restatement-records.js';
import type { TargetChange, TargetRevision, TargetWriteOutcome } from './target-history.js';

export type DataPointRevision = {
  readonly version: number;
  /** Exact decimal text and unit symbol as stored. */
  readonly value: string;
  readonly unit: string;
  /** This revision retracts the data point (value and unit repeat the revision before). */
  readonly retracted: boolean;
  readonly reason: string;
  readonly author: string;
  /** ISO-8601, stamped by the workspace (the adapter owns the clock). */
  readonly at: string;
};

/** What one write asks for: the new current value of a data point, or a new data point. */
export type DataPointChange = {
  readonly dataPoint: DataPoint;
  /** Version being replaced; undefined for a new data point. */
  readonly expectedVersion: number | undefined;
};

/**
 * What one activity-line write asks for (issue #17): the new current revision of a line (fuel,
 * electricity, heat, certificates… of one entity and period), or a new line.
 */
export type ActivityLineChange = {
  readonly line: ActivityLine;
  /** Version being replaced; undefined for a new line (no current line may have its id). */
  readonly expectedVersion: number | undefined;
};

/**
 * The answer to a data-point or activity-line write; `versions` by id. For lines, 'invalid' is a
 * line given twice in one write (field 'id').
 */
export type WriteOutcome =
  | { readonly ok: true; readonly versions: ReadonlyMap<string, number>; readonly workspaceVersion: number }
  | { readonly ok: false; readonly reason: 'stale'; readonly id: string; readonly current: number }
  | { readonly ok: false; readonly reason: 'not-found'; readonly id: string }
  | { readonly ok: false; readonly reason: 'exists'; readonly id: string }
  /**
   * The write breaks a rule against the data already there (an id that belongs to another data
   * point, a period overlapping a stored one: workspace/fact-rules.ts); nothing was written.
   * `field` is the column at fault, `message` says why.
   */
  | {
      readonly ok: false;
      readonly reason: 'invalid';
      readonly id: string;
      readonly field: string | undefined;
      readonly message: string;
    }
  | Locked;

/** What one combined write asks for: data points and activity lines together (issue #14). */
export type FactChanges = {
  readonly dataPoints: readonly DataPointChange[];
  readonly activityLines: readonly ActivityLineChange[];
};

/** Which kind of fact a refusal of a combined write is about (data points and lines have separate ids). */
export type FactKind = 'data-point' | 'activity-line';

/**
 * The answer to a combined write: `versions` of the data points and `lineVersions` of the lines,
 * by id; a refusal is WriteOutcome's, naming the kind of fact it is about.
 */
export type FactsWriteOutcome =
  | {
      readonly ok: true;
      readonly versions: ReadonlyMap<string, number>;
      readonly lineVersions: ReadonlyMap<string, number>;
      readonly workspaceVersion: number;
    }
  | (Exclude<WriteOutcome, { readonly ok: true }> & { readonly kind: FactKind });

/**
 * The data point's period is covered by a period lock (core workflow/period-lock.ts): nothing
 * was written; `message` says since when, by whom, and that a change needs a restatement.
 */
export type Locked = {
  readonly ok: false;
  readonly reason: 'locked';
  readonly id: string;
  readonly lock: PeriodLock;
  readonly message: string;
};

export type RetractOutcome =
  /** `version`: the retraction's own revision number (the version retracted + 1). */
  | { readonly ok: true; readonly version: number; readonly workspaceVersion: number }
  | { readonly ok: false; readonly reason: 'stale'; readonly id: string; readonly current: number }
  | { readonly ok: false; readonly reason: 'not-found'; readonly id: string }
  | Locked;

/** One data point written between two bundles of a workspace: its object in each. */
export type DataPointWrite = { readonly before: DataPoint; readonly after: DataPoint };

/**
 * The data points written between an earlier bundle of a workspace and a later one, when that
 * is all that changed among the data points (change-log.ts): none added or retracted. `order`
 * says where the written ones are in the later bundle: 'in-place' (the memory workspace: each
 * where it was), or 'moved-to-end' (the store workspace: they left their places and follow the
 * others, in the order of `writes`). Other parts of the bundle may differ too; the evaluation
 * compares those by identity.
 */
export type DataPointChanges = {
  readonly order: 'in-place' | 'moved-to-end';
  readonly writes: readonly DataPointWrite[];
};

export type Snapshot = {
  /**
   * The workspace's data. The memory workspace's `bundle.dataPoints` is built on first read
   * and cached (chunked-list.ts): an edit that reads only `dataPoint(id)` copies nothing.
   */
  readonly bundle: Bundle;
  /** This snapshot's data point with this id, without reading `bundle.dataPoints` (both workspaces). */
  readonly dataPoint?: (id: string) => DataPoint | undefined;
  /**
   * The data points written from `older` (a bundle an earlier snapshot of this workspace
   * handed out) to this snapshot's bundle; undefined when the workspace does not know (then the
   * evaluation compares the two bundles' data points: value-edits.ts).
   */
  readonly dataPointChangesSince?: (older: Bundle) => DataPointChanges | undefined;
  /** Increases by one on every accepted write; lets clients detect any change. */
  readonly version: number;
  readonly versionOf: (dataPointId: string) => number | undefined;
  /**
   * The version of a current activity line: its revision number (1 as loaded or first entered;
   * each change and a retraction add one); undefined if unknown or retracted.
   */
  readonly lineVersionOf: (lineId: string) => number | undefined;
  /**
   * Over the store: the last change set this snapshot holds, a revision every process agrees on
   * (findings' work state names the run that resolved a finding by it); undefined in memory,
   * where `version` is that revision.
   */
  readonly changeSet?: number;
};

export interface Workspace {
  snapshot(): Snapshot;
  /**
   * The collection cycle: workflow units and period locks (cycle-records.ts). A write or
   * retraction of a data point in a locked period is refused ('locked') by both implementations.
   */
  readonly cycle: CycleRecords;
  /** Reporting cycles and assignments (assignment-records.ts; docs/workflow.md). */
  readonly assignments: AssignmentRecords;
  /** Comment threads on data points, activity lines, findings, assignments and units (comment-records.ts). */
  readonly comments: CommentRecords;
  /** Findings' work state: assignee, acceptance, resolution, per finding id (finding-work-records.ts). */
  readonly findingWork: FindingWorkRecords;
  /**
   * Compliance cases (issue #18; case-records.ts): kept outside the bundle, so no export of the
   * bundle, its registers or the report can hold one; read and written with the compliance role only.
   */
  readonly cases: CaseRecords;
  /** The materiality assessment (issue #18; materiality-records.ts): surveys, responses, approvals. */
  readonly materiality: MaterialityRecords;
  /**
   * Restatement requests (restatement-records.ts; docs/workflow.md, "Restatement and base
   * year"): approved like a submission; approval writes the restated facts, also into a locked
   * period (the only write a lock lets through), each new revision linked to the old one.
   */
  readonly restatements: RestatementRecords;
  history(dataPointId: string): Promise<readonly DataPointRevision[]>;
  close(): Promise<void>;
  /** All changes apply together or none does (a stale version anywhere rejects the lot). */
  writeDataPoints(changes: readonly DataPointChange[], reason: string, author: string): Promise<WriteOutcome>;
  /**
   * Withdraw a data point that should not be there: a new revision marks it retracted, so it
   * leaves the snapshot (and every figure) while its history keeps it. A retracted data point
   * is unknown to later writes and retractions; adding it again (same id) brings it back.
   */
  retractDataPoint(
    id: string,
    expectedVersion: number,
    reason: string,
    author: string,
  ): Promise<RetractOutcome>;
  /**
   * Activity lines (issue #17), with the data points' rules: all changes apply together or none
   * does (a stale version anywhere rejects the lot); a line in a locked period is 'locked'. A
   * change that leaves a line as it is adds no revision (its version stays) but is accepted.
   */
  writeActivityLines(
    changes: readonly ActivityLineChange[],
    reason: string,
    author: string,
  ): Promise<WriteOutcome>;
  /**
   * Data points and activity lines in one write (an uploaded workbook holding both; issue #14:
   * an import is all or nothing): the checks of writeDataPoints and writeActivityLines, data
   * points first, and the first refusal refuses all, so either every change applies, as one
   * accepted write (the workspace version moves by one; in the store one change set and one
   * audit entry), or none does. writeDataPoints and writeActivityLines are this with one list empty.
   */
  writeFacts(changes: FactChanges, reason: string, author: string): Promise<FactsWriteOutcome>;
  /**
   * Withdraw an activity line: a new revision marks it retracted, so it leaves the snapshot and
   * every figure; adding a line with its id again brings it back at the next version.
   */
  retractActivityLine(
    id: string,
    expectedVersion: number,
    reason: string,
    author: string,
  ): Promise<RetractOutcome>;
  /**
   * Replace the organisation's settings (the base year and its recalculation policy, entity
   * acquisition and disposal dates): an audited settings change; the workspace version guards it.
   */
  writeOrganisation(
    organisation: Organisation,
    expectedWorkspaceVersion: number,
    author: string,
    reason: string,
  ): Promise<{ ok: true; workspaceVersion: number } | { ok: false; current: number }>;
  /** Set (or replace) the explanation for a disclosure subject; the workspace version guards it. */
  writeExplanation(
    explanation: Explanation,
    expectedWorkspaceVersion: number,
    author: string,
  ): Promise<{ ok: true; workspaceVersion: number } | { ok: false; current: number }>;
  /**
   * Targets (issue #18; target-history.ts): the current targets' versions, by id, and one
   * target's revisions, oldest first, read off the registers' own history.
   */
  targetVersions(): Promise<ReadonlyMap<string, number>>;
  targetHistory(id: string): Promise<readonly TargetRevision[]>;
  /**
   * Create, replace or retract one target, guarded by its own version (not the workspace's):
   * the registers are written whole, as one audited change; a change that leaves the target as
   * it is adds no revision but is accepted.
   */
  writeTarget(change: TargetChange, reason: string, author: string): Promise<TargetWriteOutcome>;
  /**
   * Rows of any register listed by id (register-row-history.ts; issue #18: certifications,
   * tailings facilities): versions, history and one guarded write, by targets' rules; the
   * registers are written whole, as one audited change.
   */
  registerRowVersions(register: RowRegister): Promise<ReadonlyMap<string, number>>;
  registerRowHistory<K extends RowRegister>(
    register: K,
    id: string,
  ): Promise<readonly RowRevision<RowOf<K>>[]>;
  writeRegisterRow<K extends RowRegister>(
    register: K,
    change: RowChange<RowOf<K>>,
    reason: string,
    author: string,
  ): Promise<RowWriteOutcome>;
  /**
   * Narrative sections (issue #19; use-cases/narrative.ts): the current sections' versions by
   * id, read off the narrative document's own revisions (register-row-history.ts's rule), and
   * one section replaced naming its version (undefined: a section added, refused if its id is
   * taken); the narrative is written whole, as one audited change.
   */
  narrativeVersions(): Promise<ReadonlyMap<string, number>>;
  writeNarrativeSection(
    section: NarrativeSection,
    expectedVersion: number | undefined,
    reason: string,
    author: string,
  ): Promise<RowWriteOutcome>;
}
