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

export const FINDING_WORK_STATES = ['open', 'accepted', 'resolved'] as const;
export type FindingWorkState = (typeof FINDING_WORK_STATES)[number];

/** Why a record was written: by a person (assign, accept, reopen) or by a run of the checker. */
export type FindingWorkEvent =
  | 'seen'
  | 'assign'
  | 'accept'
  | 'reopen'
  | 'inputs-changed'
  | 'reappeared'
  | 'resolve';

export type FindingWorkRecord = {
  readonly findingId: string;
  /** 1 for the first record; each later one adds one. */
  readonly version: number;
  readonly event: FindingWorkEvent;
  readonly state: FindingWorkState;
  /** The finding's entity (the group's for an organisation-wide one): who may read it is decided on it. */
  readonly entityId: string;
  /** User id ("local" for the local user) and name; null: nobody. */
  readonly assignee: string | null;
  readonly assigneeLabel: string | null;
  /** Accepted: why, the inputs digest it was accepted with (core findingInputsDigest), by whom, when. */
  readonly reason: string | null;
  readonly inputsDigest: string | null;
  readonly acceptedBy: string | null;
  readonly acceptedActor: string | null;
  readonly acceptedAt: string | null;
  /** The revision of the run the record was written at (the store's change set; the memory workspace's version). */
  readonly revision: number;
  /** Resolved: the last run that still found it; the change that fixed it is after this, up to `revision`. */
  readonly sinceRevision: number | null;
  readonly userId: string;
  readonly actor: string;
  /** ISO-8601. */
  readonly at: string;
  /** The finding as last seen (as presented: id, rule, code, severity, where, message, values). */
  readonly finding: unknown;
};

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
