/**
 * Findings' work state, as the Workspace port holds it (issue #20; docs/checks.md "Findings as
 * work items"): per finding id (core findingId), append-only events each holding the state
 * after it: open, accepted (reason, by, at, the digest of the inputs it was accepted with) or
 * resolved (the revision of the first run that no longer found it, and of the last that did),
 * with an assignee. What may happen is the use case's (use-cases/finding-work-state.ts): `change`
 * hands its decision the current records and the last run's revision, and appends what it
 * decides, serialised (one at a time in memory; under an advisory lock in the store, so two
 * servers on one database agree). Two implementations: in memory (memory-finding-work.ts) and
 * over the store (store-finding-work.ts, 022-finding-work.sql). Times come from the workspace's clock.
 */

import type { FindingWorkEvent, FindingWorkState, StoredFindingEvent } from '@assay/store';

export type { FindingWorkEvent, FindingWorkState };
export const FINDING_WORK_STATES = [
  'open',
  'accepted',
  'resolved',
] as const satisfies readonly FindingWorkState[];

/**
 * One record: the store's row (store/finding-work.ts StoredFindingEvent, fields documented there),
 * also held by the memory workspace. `revision` is the store's change set, or the memory
 * workspace's version.
 */
export type FindingWorkRecord = StoredFindingEvent;

/** A record to append: the records stamp its time (and an acceptance's). */
export type FindingWorkDraft = Omit<FindingWorkRecord, 'at' | 'acceptedAt'>;

export type FindingWorkDecision<T> = {
  readonly events: readonly FindingWorkDraft[];
  /** The run the events come from: recorded, so a later run behind it changes nothing. */
  readonly run?: { readonly revision: number; readonly findings: number };
  /** A person's action is also an audit entry (in the store's audit chain). */
  readonly audit?: {
    readonly actor: string;
    readonly action: string;
    readonly subject: string;
    readonly after: unknown;
    readonly reason: string;
  };
  readonly value: T;
};

export interface FindingWorkRecords {
  /** Every finding's current record (its highest version). */
  current(): Promise<readonly FindingWorkRecord[]>;
  /** One finding's records, oldest first. */
  history(findingId: string): Promise<readonly FindingWorkRecord[]>;
  /**
   * Decide on the current records and the last run's revision (null before the first) and append
   * the decision's events, each the next version of its finding, as one change.
   */
  change<T>(
    decide: (
      current: ReadonlyMap<string, FindingWorkRecord>,
      lastRun: number | null,
    ) => FindingWorkDecision<T>,
  ): Promise<T>;
}
